"""Bell pairs, Werner states, correlations and CHSH against closed forms."""

import math

import numpy as np
import pytest
import qutip

from qwidgets.physics import (
    BELL_STATES,
    CHSH_ANGLES,
    CLASSICAL_WIN_PROBABILITY,
    TSIRELSON_BOUND,
    LocalStrategy,
    bell_state,
    bloch_vector,
    chsh_value,
    chsh_win_probability,
    concurrence,
    correlation,
    fidelity,
    ket,
    local_strategies,
    max_chsh_value,
    outcome_probabilities,
    reduced_state,
    werner_state,
)

SQRT_HALF = 1 / math.sqrt(2)
ANGLES = [0.0, 0.3, math.pi / 4, 1.1, math.pi / 2, 2.5, -0.7]


def _ket(amplitudes):
    return qutip.Qobj(np.array(amplitudes, dtype=complex).reshape(4, 1), dims=[[2, 2], [1]])


@pytest.mark.parametrize(
    "name, amplitudes",
    [
        ("phi+", [SQRT_HALF, 0, 0, SQRT_HALF]),
        ("phi-", [SQRT_HALF, 0, 0, -SQRT_HALF]),
        ("psi+", [0, SQRT_HALF, SQRT_HALF, 0]),
        ("psi-", [0, SQRT_HALF, -SQRT_HALF, 0]),
    ],
)
def test_bell_states_are_the_textbook_kets(name, amplitudes):
    state = bell_state(name)
    assert state.dims == [[2, 2], [1]]
    np.testing.assert_allclose(state.full().ravel(), amplitudes, atol=1e-15)


def test_bell_state_names_accept_greek_and_upper_case():
    assert bell_state("Φ+") == bell_state("phi+")
    assert bell_state("PSI-") == bell_state("psi-")
    assert bell_state("ψ−") == bell_state("psi-")  # a typographic minus


@pytest.mark.parametrize("bad", ["phi", "bell", "", 3, None])
def test_unknown_bell_state_names_the_known_ones(bad):
    with pytest.raises((ValueError, TypeError), match="phi\\+"):
        bell_state(bad)


def test_bell_states_are_orthonormal():
    gram = np.array([[bell_state(a).overlap(bell_state(b)) for b in BELL_STATES] for a in BELL_STATES])
    np.testing.assert_allclose(gram, np.eye(4), atol=1e-15)


@pytest.mark.parametrize("name", BELL_STATES)
@pytest.mark.parametrize("qubit", [0, 1])
def test_each_half_of_a_bell_pair_is_maximally_mixed(name, qubit):
    half = reduced_state(bell_state(name), qubit)
    np.testing.assert_allclose(half.full(), np.eye(2) / 2, atol=1e-15)
    np.testing.assert_allclose(bloch_vector(half), [0, 0, 0], atol=1e-15)


def test_reduced_state_of_a_product_is_each_factor():
    alice, bob = ket(0.4, 1.0), ket(2.0, -0.5)
    pair = qutip.tensor(alice, bob)
    np.testing.assert_allclose(bloch_vector(reduced_state(pair, 0)), bloch_vector(alice), atol=1e-12)
    np.testing.assert_allclose(bloch_vector(reduced_state(pair, 1)), bloch_vector(bob), atol=1e-12)


@pytest.mark.parametrize("f", [0.0, 0.25, 0.5, 0.8, 1.0])
def test_werner_state_has_fidelity_f_and_the_rest_spread_evenly(f):
    rho = werner_state(f)
    assert rho.tr() == pytest.approx(1.0)
    assert fidelity(rho, bell_state("phi+")) == pytest.approx(f, abs=1e-12)
    for other in ("phi-", "psi+", "psi-"):
        assert fidelity(rho, bell_state(other)) == pytest.approx((1 - f) / 3, abs=1e-12)


def test_werner_quarter_is_maximally_mixed():
    np.testing.assert_allclose(werner_state(0.25).full(), np.eye(4) / 4, atol=1e-15)


@pytest.mark.parametrize("a", ANGLES)
@pytest.mark.parametrize("b", ANGLES)
def test_phi_plus_correlation_is_cos_of_the_angle_between(a, b):
    assert correlation(bell_state("phi+"), a, b) == pytest.approx(math.cos(a - b), abs=1e-12)
    assert correlation(bell_state("psi-"), a, b) == pytest.approx(-math.cos(a - b), abs=1e-12)


@pytest.mark.parametrize("a, b", [(0.0, 0.0), (0.0, math.pi / 3), (1.0, 2.0)])
def test_phi_plus_outcomes_same_with_cos_squared_of_half_the_angle(a, b):
    p = outcome_probabilities(bell_state("phi+"), a, b)
    same = math.cos((a - b) / 2) ** 2
    np.testing.assert_allclose(p, [[same / 2, (1 - same) / 2], [(1 - same) / 2, same / 2]], atol=1e-12)
    # no signalling: each side alone is a fair coin, whatever the other's angle
    np.testing.assert_allclose(p.sum(axis=0), [0.5, 0.5], atol=1e-12)
    np.testing.assert_allclose(p.sum(axis=1), [0.5, 0.5], atol=1e-12)


def test_product_state_correlation_factorises():
    alice, bob = ket(0.7, 0.0), ket(2.1, math.pi)
    pair = qutip.tensor(alice, bob)
    a, b = 0.3, 1.2
    za = math.cos(0.7) * math.cos(a) + math.sin(0.7) * math.sin(a)  # <A(a)> on alice, x-z plane
    zb = math.cos(2.1) * math.cos(b) + math.sin(2.1) * math.cos(math.pi) * math.sin(b)
    assert correlation(pair, a, b) == pytest.approx(za * zb, abs=1e-12)


def test_chsh_of_phi_plus_at_the_chsh_angles_is_tsirelson():
    assert chsh_value(bell_state("phi+")) == pytest.approx(2 * math.sqrt(2), abs=1e-12)
    assert chsh_value(bell_state("phi+"), *CHSH_ANGLES) == pytest.approx(TSIRELSON_BOUND, abs=1e-12)


@pytest.mark.parametrize("f", [0.25, 0.5, 0.7, 0.78, 0.79, 0.9, 1.0])
def test_werner_chsh_is_scaled_by_its_visibility(f):
    p = (4 * f - 1) / 3
    assert chsh_value(werner_state(f)) == pytest.approx(2 * math.sqrt(2) * p, abs=1e-12)
    assert max_chsh_value(werner_state(f)) == pytest.approx(2 * math.sqrt(2) * p, abs=1e-12)


def test_werner_violates_chsh_only_above_about_0_78():
    threshold = (1 + 3 / math.sqrt(2)) / 4  # 2 sqrt(2) (4F - 1)/3 = 2
    assert threshold == pytest.approx(0.7803, abs=1e-4)
    assert max_chsh_value(werner_state(threshold - 1e-3)) < 2 < max_chsh_value(werner_state(threshold + 1e-3))


@pytest.mark.parametrize("f", [0.25, 0.4, 0.5, 0.6, 0.75, 1.0])
def test_werner_concurrence_and_entanglement_above_one_half(f):
    assert concurrence(werner_state(f)) == pytest.approx(max(0.0, 2 * f - 1), abs=1e-9)


@pytest.mark.parametrize("name", BELL_STATES)
def test_every_bell_state_is_maximally_entangled_and_reaches_tsirelson(name):
    assert concurrence(bell_state(name)) == pytest.approx(1.0, abs=1e-9)
    assert max_chsh_value(bell_state(name)) == pytest.approx(TSIRELSON_BOUND, abs=1e-9)


def test_product_states_never_violate_chsh():
    pair = qutip.tensor(ket(0.4, 0.2), ket(1.9, 2.0))
    assert concurrence(pair) == pytest.approx(0.0, abs=1e-9)
    assert max_chsh_value(pair) <= 2 + 1e-12


def test_horodecki_maximum_beats_any_fixed_angles():
    rho = werner_state(0.9)
    best = max_chsh_value(rho)
    grid = np.linspace(-math.pi, math.pi, 9)
    assert all(
        abs(chsh_value(rho, a, a2, b, b2)) <= best + 1e-12
        for a in grid
        for a2 in grid
        for b in grid[::2]
        for b2 in grid[::2]
    )


def test_fidelity_uses_the_networks_convention_not_its_square_root():
    rho = werner_state(0.7)
    assert fidelity(rho, bell_state("phi+")) == pytest.approx(0.7)
    assert fidelity(rho, bell_state("phi+").proj()) == pytest.approx(0.7, abs=1e-6)  # mixed target route
    assert fidelity(ket(0.0, 0.0), ket(math.pi / 2, 0.0)) == pytest.approx(0.5)


def test_fidelity_refuses_states_of_different_sizes():
    with pytest.raises(ValueError, match="target"):
        fidelity(bell_state(), ket(0.0, 0.0))


def test_chsh_game_win_probability_matches_the_known_values():
    assert chsh_win_probability(TSIRELSON_BOUND) == pytest.approx(math.cos(math.pi / 8) ** 2)
    assert chsh_win_probability(2.0) == pytest.approx(CLASSICAL_WIN_PROBABILITY)


def test_no_local_strategy_wins_more_than_three_quarters():
    strategies = local_strategies()
    assert len(set(strategies)) == 16
    wins = [s.win_probability for s in strategies]
    assert max(wins) == pytest.approx(0.75)
    assert sum(w == 0.75 for w in wins) == 8  # a XOR b must be a function of x and y: 8 of 16 get 3 of 4
    assert LocalStrategy((0, 0), (0, 0)).win_probability == 0.75
    assert LocalStrategy((0, 1), (0, 1)).win_probability == 0.25


@pytest.mark.parametrize(
    "bad, match",
    [
        (qutip.basis(2, 0), "two-qubit"),
        (qutip.basis(8, 0), "two-qubit"),
        (qutip.Qobj(np.eye(4) / 2, dims=[[2, 2], [2, 2]]), "trace"),
        ("phi+", "two-qubit"),
        (qutip.Qobj(np.array([1, 0, 0, 1]).reshape(4, 1), dims=[[2, 2], [1]]), "norm"),
    ],
)
def test_states_that_are_not_two_qubits_are_refused_by_name(bad, match):
    with pytest.raises((ValueError, TypeError), match=match):
        correlation(bad, 0.0, 0.0)


@pytest.mark.parametrize("bad", [-0.1, 1.5, float("nan")])
def test_werner_fidelity_outside_zero_to_one_is_refused(bad):
    with pytest.raises(ValueError, match="fidelity"):
        werner_state(bad)


@pytest.mark.parametrize("bad", [2, -1, 0.5])
def test_reduced_state_qubit_must_be_zero_or_one(bad):
    with pytest.raises((ValueError, TypeError), match="qubit"):
        reduced_state(bell_state(), bad)


def test_local_strategy_answers_must_be_bits():
    with pytest.raises(ValueError, match="alice"):
        LocalStrategy((0, 2), (0, 0))
    with pytest.raises(ValueError, match="bob"):
        LocalStrategy((0, 0), (1,))
