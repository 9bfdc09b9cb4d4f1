"""Teleportation gate by gate against closed forms: fidelity 1 with a perfect pair in every branch,
(2F + 1)/3 with a Werner pair, Bob's qubit maximally mixed until the bits arrive."""

import math

import numpy as np
import pytest
import qutip

from qwidgets.physics import (
    AXIS_STATES,
    CLASSICAL_TELEPORT_FIDELITY,
    TELEPORT_STEPS,
    average_teleport_fidelity,
    bell_state,
    bloch_state,
    bloch_vector,
    ket,
    teleport,
    werner_state,
)

BRANCHES = [(0, 0), (0, 1), (1, 0), (1, 1)]
INPUTS = [ket(0.0, 0.0), ket(math.pi, 0.0), ket(math.pi / 3, math.pi / 4), ket(2.2, 4.0), ket(1.0, 0.7)]


@pytest.mark.parametrize("bits", BRANCHES)
@pytest.mark.parametrize("psi", INPUTS)
def test_a_perfect_pair_teleports_every_state_in_every_branch(psi, bits):
    run = teleport(psi, bits=bits)
    assert run.bits == bits
    assert run.fidelity == pytest.approx(1.0, abs=1e-12)
    np.testing.assert_allclose(bloch_vector(run.output), bloch_vector(psi), atol=1e-12)
    assert run.outcome_probabilities == pytest.approx((0.25,) * 4, abs=1e-12)


@pytest.mark.parametrize("psi", INPUTS)
def test_bob_knows_nothing_until_the_bits_arrive(psi):
    run = teleport(psi, rng=1)
    for step in run.steps[:-1]:
        np.testing.assert_allclose(bloch_vector(step.bob_knows), [0, 0, 0], atol=1e-12)
        np.testing.assert_allclose(step.bob.full(), step.state.ptrace(2).full(), atol=1e-15)
    np.testing.assert_allclose(bloch_vector(run.steps[-1].bob_knows), bloch_vector(psi), atol=1e-12)


def test_before_correction_bob_holds_a_pauli_image_of_the_input():
    """Given the bits, Bob's qubit is X^m1 Z^m0 applied to the input (Nielsen & Chuang eq. 1.36)."""
    psi = ket(1.0, 0.7)
    x, y, z = bloch_vector(psi)
    expected = {(0, 0): (x, y, z), (0, 1): (x, -y, -z), (1, 0): (-x, -y, z), (1, 1): (-x, y, -z)}
    for bits, vector in expected.items():
        run = teleport(psi, bits=bits)
        np.testing.assert_allclose(bloch_vector(run.step("measure").bob), vector, atol=1e-12)


def test_steps_are_in_order_and_the_first_is_the_input_times_the_pair():
    psi = ket(0.8, 0.3)
    run = teleport(psi, rng=5)
    assert tuple(step.name for step in run.steps) == TELEPORT_STEPS
    start = qutip.tensor(psi.proj(), bell_state("phi+").proj())
    np.testing.assert_allclose(run.step("start").state.full(), start.full(), atol=1e-15)
    assert all(step.label for step in run.steps)


@pytest.mark.parametrize("f", [1.0, 0.9, 0.75, 0.5, 0.25])
def test_werner_pairs_teleport_with_two_f_plus_one_over_three(f):
    pair = werner_state(f)
    assert average_teleport_fidelity(pair) == pytest.approx((2 * f + 1) / 3, abs=1e-12)
    for psi in INPUTS:  # a Werner pair gives that fidelity for every input and branch
        for bits in BRANCHES:
            assert teleport(psi, pair, bits=bits).fidelity == pytest.approx((2 * f + 1) / 3, abs=1e-12)


def test_the_classical_limit_is_reached_at_f_one_half():
    assert average_teleport_fidelity(werner_state(0.5)) == pytest.approx(CLASSICAL_TELEPORT_FIDELITY)


@pytest.mark.parametrize("name, f", [("phi+", 1.0), ("phi-", 0.0), ("psi+", 0.0), ("psi-", 0.0)])
def test_average_fidelity_depends_on_the_phi_plus_overlap(name, f):
    assert average_teleport_fidelity(bell_state(name)) == pytest.approx((2 * f + 1) / 3, abs=1e-12)


def test_the_six_axis_states_average_like_the_whole_sphere():
    """A check of the 2-design shortcut: a non-Werner resource averaged over many random inputs."""
    pair = 0.7 * bell_state("phi+").proj() + 0.3 * qutip.tensor(ket(0, 0).proj(), ket(0, 0).proj())
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(600, 3))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    total = 0.0
    for v in vectors:
        psi = ket(math.acos(v[2]), math.atan2(v[1], v[0]))
        total += sum(
            teleport(psi, pair, bits=b).fidelity * p for b, p in zip(BRANCHES, _probabilities(psi, pair))
        )
    assert total / len(vectors) == pytest.approx(average_teleport_fidelity(pair), abs=0.01)
    assert len(AXIS_STATES) == 6


def _probabilities(psi, pair):
    return teleport(psi, pair, bits=(0, 0)).outcome_probabilities


def test_mixed_inputs_are_teleported_too():
    rho = bloch_state(0.5, 1.0, r=0.6)
    run = teleport(rho, bits=(1, 1))
    np.testing.assert_allclose(bloch_vector(run.output), bloch_vector(rho), atol=1e-12)


def test_drawn_outcomes_follow_the_seed_and_cover_all_four():
    psi = ket(1.2, 0.4)
    assert teleport(psi, rng=3).bits == teleport(psi, rng=3).bits
    seen = {teleport(psi, rng=seed).bits for seed in range(40)}
    assert seen == set(BRANCHES)


def test_impossible_outcomes_are_refused():
    product = qutip.tensor(ket(0, 0), ket(0, 0))  # no entanglement: some outcomes cannot happen
    run = teleport(ket(0.0, 0.0), product, bits=(0, 0))
    impossible = [b for b, p in zip(BRANCHES, run.outcome_probabilities) if p < 1e-12]
    assert impossible
    with pytest.raises(ValueError, match="bits"):
        teleport(ket(0.0, 0.0), product, bits=impossible[0])


@pytest.mark.parametrize("bad", [(0, 2), (1,), "01", (0.5, 0)])
def test_bad_bits_are_refused(bad):
    with pytest.raises((ValueError, TypeError), match="bits"):
        teleport(ket(0.0, 0.0), bits=bad)


def test_bad_states_are_refused_by_name():
    with pytest.raises(ValueError, match="state"):
        teleport(bell_state())
    with pytest.raises(ValueError, match="resource"):
        teleport(ket(0.0, 0.0), ket(0.0, 0.0))
