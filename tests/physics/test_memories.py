"""Memories, swapping and purification against closed forms, QuTiP's mesolve and the DEJMPS map."""

import math

import numpy as np
import pytest
import qutip

from qwidgets.physics import (
    bell_state,
    dephase,
    purify,
    stored_pair_fidelity,
    swap_fidelity,
    swap_pairs,
    twirl,
    werner_state,
)

FIDELITIES = [0.55, 0.7, 0.8, 0.9, 0.99]


@pytest.mark.parametrize("qubits", [1, 2])
@pytest.mark.parametrize("t_over_t2", [0.0, 0.1, 0.5, 1.0, 3.0])
def test_a_stored_perfect_pair_keeps_one_plus_exp_over_two(qubits, t_over_t2):
    expected = (1 + math.exp(-qubits * t_over_t2)) / 2
    assert stored_pair_fidelity(t_over_t2 * 2.0, 2.0, qubits) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("f", FIDELITIES)
def test_a_stored_werner_pair_loses_p_times_its_werner_parameter(f):
    p = (1 - math.exp(-0.7)) / 2  # one qubit, t/T2 = 0.7
    assert stored_pair_fidelity(0.7, 1.0, 1, fidelity=f) == pytest.approx(f - p * (4 * f - 1) / 3, abs=1e-12)


@pytest.mark.parametrize("qubits", [(1,), (0, 1)])
def test_dephasing_channel_equals_the_lindblad_equation(qubits):
    """mesolve with L = Z / sqrt(2 T2) on each stored qubit gives the same state as the channel."""
    t2, t = 1.5, 0.9
    rho0 = 0.6 * bell_state("phi+").proj() + 0.4 * qutip.tensor(qutip.basis(2, 0), qutip.basis(2, 1)).proj()
    ops = [
        qutip.tensor(*(qutip.sigmaz() if k == q else qutip.qeye(2) for k in (0, 1))) / math.sqrt(2 * t2)
        for q in qubits
    ]
    solved = qutip.mesolve(qutip.qzero([2, 2]), rho0, [0.0, t], c_ops=ops).states[-1]
    np.testing.assert_allclose(dephase(rho0, t, t2, qubits).full(), solved.full(), atol=1e-6)


@pytest.mark.parametrize("f1, f2", [(1.0, 1.0), (0.9, 0.9), (0.8, 0.95), (0.6, 0.7), (0.25, 0.9)])
def test_swapping_werner_pairs_gives_the_closed_form(f1, f2):
    assert swap_fidelity(f1, f2) == pytest.approx(f1 * f2 + (1 - f1) * (1 - f2) / 3, abs=1e-12)


def test_swapping_two_perfect_pairs_gives_a_perfect_pair_between_the_far_ends():
    out = swap_pairs(bell_state("phi+"), bell_state("phi+"))
    np.testing.assert_allclose(out.full(), bell_state("phi+").proj().full(), atol=1e-12)


def test_swapping_is_werner_parameters_multiplied():
    w = [(4 * f - 1) / 3 for f in (0.9, 0.85)]
    assert (4 * swap_fidelity(0.9, 0.85) - 1) / 3 == pytest.approx(w[0] * w[1], abs=1e-12)


def test_twirling_keeps_the_fidelity_and_spreads_the_rest():
    rho = 0.8 * bell_state("phi+").proj() + 0.2 * bell_state("psi-").proj()
    np.testing.assert_allclose(twirl(rho).full(), werner_state(0.8).full(), atol=1e-12)


def _one_round(f):
    b = (1 - f) / 3
    norm = f * f + 2 * f * b + 5 * b * b
    return (f * f + b * b) / norm, norm


@pytest.mark.parametrize("protocol", ["bbpssw", "dejmps"])
@pytest.mark.parametrize("f", FIDELITIES)
def test_one_round_from_werner_pairs_matches_bennett_1996(protocol, f):
    fidelity, success = purify(f, protocol)
    assert (fidelity, success) == pytest.approx(_one_round(f), abs=1e-12)
    assert fidelity > f  # above 1/2 a round always helps


def test_purification_cannot_help_pairs_at_or_below_one_half():
    assert purify(0.5, "bbpssw")[0] == pytest.approx(0.5, abs=1e-12)
    assert purify(0.4, "dejmps")[0] < 0.5


def _deutsch(a, b, c, d):
    """Deutsch et al. 1996, on the coefficients of Phi+, Psi-, Psi+, Phi-."""
    n = (a + b) ** 2 + (c + d) ** 2
    return (a * a + b * b) / n, 2 * c * d / n, (c * c + d * d) / n, 2 * a * b / n, n


@pytest.mark.parametrize("f", [0.6, 0.75, 0.9])
def test_dejmps_follows_the_deutsch_map_over_rounds(f):
    state, probability = (f, (1 - f) / 3, (1 - f) / 3, (1 - f) / 3), 1.0
    for rounds in (1, 2, 3):
        *state, n = _deutsch(*state)
        probability = probability**2 * n
        assert purify(f, "dejmps", rounds) == pytest.approx((state[0], probability), abs=1e-10)


@pytest.mark.parametrize("f", [0.6, 0.75, 0.9])
def test_bbpssw_is_the_one_round_map_after_each_twirl_and_dejmps_beats_it(f):
    fidelity, probability = f, 1.0
    for rounds in (1, 2, 3):
        fidelity, success = _one_round(fidelity)
        probability = probability**2 * success
        assert purify(f, "bbpssw", rounds) == pytest.approx((fidelity, probability), abs=1e-10)
    assert purify(f, "dejmps", 3)[0] > purify(f, "bbpssw", 3)[0]


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: stored_pair_fidelity(-1.0, 1.0), "time_s"),
        (lambda: stored_pair_fidelity(1.0, 0.0), "t2_s"),
        (lambda: stored_pair_fidelity(1.0, 1.0, 3), "dephased_qubits"),
        (lambda: stored_pair_fidelity(1.0, 1.0, fidelity=1.2), "fidelity"),
        (lambda: dephase(bell_state(), 1.0, 1.0, qubits=(2,)), "qubits"),
        (lambda: dephase(bell_state(), 1.0, 1.0, qubits=(1, 1)), "qubits"),
        (lambda: swap_fidelity(1.1, 0.9), "f1"),
        (lambda: swap_fidelity(0.9, float("nan")), "f2"),
        (lambda: purify(0.9, "magic"), "protocol"),
        (lambda: purify(0.9, "dejmps", 0), "rounds"),
        (lambda: purify(-0.1), "fidelity"),
        (lambda: swap_pairs(qutip.basis(2, 0), bell_state()), "left"),
    ],
)
def test_bad_input_is_refused_by_name(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()
