"""The non-local CNOT against explicit matrices: CNOT|psi> in every branch with a perfect pair, 1/4 per
outcome, and with a Werner pair of fidelity F the closed form F + (1 - F)/3 (<X_t>² + <Z_c>² + <Z_c X_t>²),
(4F + 1)/5 on average over inputs."""

import math

import numpy as np
import pytest
import qutip

from qwidgets.physics import (
    NONLOCAL_CNOT_STEPS,
    average_nonlocal_cnot_fidelity,
    bell_state,
    concurrence,
    nonlocal_cnot,
    werner_state,
)

BRANCHES = [(0, 0), (0, 1), (1, 0), (1, 1)]

# Plain numpy, qubit 0 (the control) the most significant: |ct>, amplitudes of 00, 01, 10, 11.
CNOT = np.array([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]], dtype=complex)
I2 = np.eye(2)
X = np.array([[0, 1], [1, 0]], dtype=complex)
Z = np.diag([1.0, -1.0]).astype(complex)
X_TARGET, Z_CONTROL = np.kron(I2, X), np.kron(Z, I2)
S = 1 / math.sqrt(2)
PHI_PLUS = np.array([S, 0, 0, S], dtype=complex)
PLUS_ZERO = np.array([S, 0, S, 0], dtype=complex)  # |+>|0>
ZERO_PLUS = np.array([S, S, 0, 0], dtype=complex)  # |0>|+>
ZERO_ZERO = np.array([1, 0, 0, 0], dtype=complex)
ONE_ONE = np.array([0, 0, 0, 1], dtype=complex)


def _product(theta_c, phi_c, theta_t, phi_t):
    def one(theta, phi):
        return np.array([math.cos(theta / 2), np.exp(1j * phi) * math.sin(theta / 2)])

    return np.kron(one(theta_c, phi_c), one(theta_t, phi_t))


def _random_state(seed):
    v = np.array([1, 1j]) @ np.random.default_rng(seed).normal(size=(2, 4))
    return v / np.linalg.norm(v)


INPUTS = {
    "|+0>": PLUS_ZERO,
    "|0+>": ZERO_PLUS,
    "|00>": ZERO_ZERO,
    "|11>": ONE_ONE,
    "product": _product(1.0, 0.7, 2.2, 4.0),
    "phi+": PHI_PLUS,
    "psi-": np.array([0, S, -S, 0], dtype=complex),
    "entangled": np.array([0.6, 0, 0.48j, 0.64], dtype=complex),
    "random": _random_state(7),
}


def qobj(vector):
    return qutip.Qobj(vector.reshape(4, 1), dims=[[2, 2], [1]])


def werner_output_fidelity(f, vector):
    """F + (1 - F)/3 (<X_t>² + <Z_c>² + <Z_c X_t>²) in CNOT|psi>: the Werner pair's errors on the output."""
    out = CNOT @ vector
    squares = sum(
        abs(np.vdot(out, pauli @ out)) ** 2 for pauli in (X_TARGET, Z_CONTROL, Z_CONTROL @ X_TARGET)
    )
    return f + (1 - f) / 3 * squares


def test_the_numpy_references_are_unitary_and_normalised():
    np.testing.assert_allclose(CNOT @ CNOT, np.eye(4))
    for vector in INPUTS.values():
        assert np.linalg.norm(vector) == pytest.approx(1.0)


@pytest.mark.parametrize("bits", BRANCHES)
@pytest.mark.parametrize("name", INPUTS)
def test_a_perfect_pair_gives_cnot_psi_in_every_branch(name, bits):
    vector = INPUTS[name]
    run = nonlocal_cnot(qobj(vector), bits=bits)
    expected = CNOT @ vector
    assert run.bits == bits
    np.testing.assert_allclose(run.output.full(), np.outer(expected, expected.conj()), atol=1e-12)
    np.testing.assert_allclose(run.ideal.full().ravel(), expected, atol=1e-15)
    assert run.fidelity == pytest.approx(1.0, abs=1e-12)
    assert run.mean_fidelity == pytest.approx(1.0, abs=1e-12)
    assert run.outcome_probabilities == pytest.approx((0.25,) * 4, abs=1e-12)


def test_plus_zero_becomes_phi_plus():
    for bits in BRANCHES:
        output = nonlocal_cnot(qobj(PLUS_ZERO), bits=bits).output
        np.testing.assert_allclose(output.full(), np.outer(PHI_PLUS, PHI_PLUS), atol=1e-12)
        assert concurrence(output) == pytest.approx(1.0, abs=1e-9)


def test_one_pair_and_two_bits_are_used():
    run = nonlocal_cnot(qobj(PLUS_ZERO), rng=0)
    assert (run.ebits_used, run.classical_bits, len(run.bits)) == (1, 2, 2)


def test_steps_are_in_order_from_the_input_times_the_pair():
    run = nonlocal_cnot(qobj(INPUTS["random"]), rng=5)
    assert tuple(step.name for step in run.steps) == NONLOCAL_CNOT_STEPS
    assert all(step.label for step in run.steps)
    # |c a b t>: the input on the control and target, Φ+ on Alice's and Bob's halves.
    start = np.einsum("ct,ab->cabt", INPUTS["random"].reshape(2, 2), PHI_PLUS.reshape(2, 2)).ravel()
    np.testing.assert_allclose(run.step("start").state.full(), np.outer(start, start.conj()), atol=1e-15)
    for step in run.steps:
        assert step.state.tr() == pytest.approx(1.0, abs=1e-12)
        np.testing.assert_allclose(step.pair.full(), step.state.ptrace([0, 3]).full(), atol=1e-15)
    assert run.output == run.steps[-1].pair


@pytest.mark.parametrize("bits", BRANCHES)
def test_before_alices_correction_the_pair_is_z_to_the_m2_times_cnot_psi(bits):
    vector = INPUTS["product"]
    expected = np.linalg.matrix_power(Z_CONTROL, bits[1]) @ CNOT @ vector
    pair = nonlocal_cnot(qobj(vector), bits=bits).step("bob measures").pair
    np.testing.assert_allclose(pair.full(), np.outer(expected, expected.conj()), atol=1e-12)


def test_control_and_target_are_not_entangled_before_bobs_measurement():
    run = nonlocal_cnot(qobj(PLUS_ZERO), bits=(1, 0))
    before = NONLOCAL_CNOT_STEPS[: NONLOCAL_CNOT_STEPS.index("bob measures")]
    assert all(concurrence(run.step(name).pair) == pytest.approx(0.0, abs=1e-9) for name in before)


@pytest.mark.parametrize("f", [1.0, 0.9, 0.75, 0.5, 0.25])
@pytest.mark.parametrize("name", INPUTS)
def test_a_werner_pair_gives_the_closed_form_in_every_branch(name, f):
    vector = INPUTS[name]
    closed_form = werner_output_fidelity(f, vector)
    for bits in BRANCHES:
        run = nonlocal_cnot(qobj(vector), werner_state(f), bits=bits)
        assert run.fidelity == pytest.approx(closed_form, abs=1e-12)
        assert run.mean_fidelity == pytest.approx(closed_form, abs=1e-12)
        assert run.outcome_probabilities == pytest.approx((0.25,) * 4, abs=1e-12)


@pytest.mark.parametrize("f", [0.9, 0.6])
def test_the_closed_form_for_three_inputs(f):
    """|+0> -> Φ+ is hit by every error: F. |00> only by the target's flip: (2F + 1)/3. |0+>: by none."""
    pair = werner_state(f)
    assert nonlocal_cnot(qobj(PLUS_ZERO), pair, rng=1).mean_fidelity == pytest.approx(f)
    assert nonlocal_cnot(qobj(ZERO_ZERO), pair, rng=1).mean_fidelity == pytest.approx((2 * f + 1) / 3)
    assert nonlocal_cnot(qobj(ZERO_PLUS), pair, rng=1).mean_fidelity == pytest.approx(1.0)


@pytest.mark.parametrize("f", [1.0, 0.9, 0.75, 0.5, 0.25])
def test_the_average_over_inputs_is_four_f_plus_one_over_five(f):
    assert average_nonlocal_cnot_fidelity(werner_state(f)) == pytest.approx((4 * f + 1) / 5, abs=1e-12)


@pytest.mark.parametrize("name", ["phi-", "psi+", "psi-"])
def test_a_wrong_bell_pair_applies_a_pauli_whose_haar_average_is_one_fifth(name):
    """E|<φ|P|φ>|² = (|tr P|² + d)/(d(d + 1)) = 1/5 over Haar-random two-qubit φ, P a non-identity Pauli."""
    assert average_nonlocal_cnot_fidelity(bell_state(name)) == pytest.approx(0.2, abs=1e-12)
    assert average_nonlocal_cnot_fidelity() == pytest.approx(1.0, abs=1e-12)


def test_the_exact_average_agrees_with_random_inputs():
    """The 2-design shortcut, checked on a resource that is not a Werner pair."""
    zero_zero = qutip.tensor(qutip.basis(2, 0), qutip.basis(2, 0)).proj()
    pair = 0.7 * bell_state("phi+").proj() + 0.3 * zero_zero
    rng = np.random.default_rng(0)
    samples = [nonlocal_cnot(qobj(_random_state(rng)), pair, rng=rng).mean_fidelity for _ in range(300)]
    assert np.mean(samples) == pytest.approx(
        average_nonlocal_cnot_fidelity(pair), abs=4 * np.std(samples) / 17
    )


def test_mixed_inputs_get_the_gate_too():
    rho = 0.6 * qobj(INPUTS["product"]).proj() + 0.4 * qobj(INPUTS["psi-"]).proj()
    run = nonlocal_cnot(rho, bits=(1, 1))
    np.testing.assert_allclose(run.output.full(), CNOT @ rho.full() @ CNOT, atol=1e-12)
    assert run.fidelity == pytest.approx(1.0, abs=1e-6)


def test_drawn_outcomes_follow_the_seed_and_cover_all_four():
    psi = qobj(INPUTS["random"])
    assert nonlocal_cnot(psi, rng=3).bits == nonlocal_cnot(psi, rng=3).bits
    generator = np.random.default_rng(11)
    assert {nonlocal_cnot(psi, rng=generator).bits for _ in range(40)} == set(BRANCHES)


def test_impossible_outcomes_are_refused():
    product = qutip.tensor(qutip.basis(2, 0), qutip.basis(2, 0))  # Alice's half is |0>: m1 = control's bit
    run = nonlocal_cnot(qobj(ZERO_ZERO), product, bits=(0, 0))
    assert run.outcome_probabilities == pytest.approx((0.5, 0.5, 0.0, 0.0), abs=1e-12)
    with pytest.raises(ValueError, match="bits"):
        nonlocal_cnot(qobj(ZERO_ZERO), product, bits=(1, 0))


@pytest.mark.parametrize("bad", [(0, 2), (1,), "01", (0.5, 0), (0, 0, 1)])
def test_bad_bits_are_refused(bad):
    with pytest.raises((ValueError, TypeError), match="bits"):
        nonlocal_cnot(qobj(PLUS_ZERO), bits=bad)


def test_bad_states_and_resources_are_refused_by_name():
    with pytest.raises(ValueError, match="state"):
        nonlocal_cnot(qutip.basis(2, 0))
    with pytest.raises(TypeError, match="state"):
        nonlocal_cnot(PLUS_ZERO)
    with pytest.raises(ValueError, match="state"):
        nonlocal_cnot(qutip.Qobj(2 * PLUS_ZERO.reshape(4, 1), dims=[[2, 2], [1]]))
    with pytest.raises(ValueError, match="resource"):
        nonlocal_cnot(qobj(PLUS_ZERO), qutip.basis(2, 0))
    with pytest.raises(ValueError, match="resource"):
        average_nonlocal_cnot_fidelity(qutip.basis(2, 0))
    with pytest.raises((ValueError, TypeError), match="rng"):
        nonlocal_cnot(qobj(PLUS_ZERO), rng=-1)
