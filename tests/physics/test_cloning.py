"""Quantum cloning of one qubit: the N -> M bound, the three machines, their errors.

Expected values are closed forms and published numbers written out here: 5/6 and the shrink 2/3
of Bužek & Hillery (1996), 1/2 + 1/sqrt 8 of the phase-covariant cloner (Bruß et al. 2000), the
BB84 error rate (2 - sqrt 2)/4 of Fuchs et al. (1997), Wootters' concurrence 2|ab| of
a|00> + b|11> (1998).
"""

import copy
import dataclasses
import math

import numpy as np
import pytest
import qutip
from hypothesis import given, settings
from hypothesis import strategies as st

from qwidgets.errors import InvalidTypeError, InvalidValueError
from qwidgets.physics import AXIS_STATES, BASES, measurement_probabilities
from qwidgets.physics.cloning import (
    CLONERS,
    CloneResult,
    clone,
    clone_state,
    cloner_unitary,
    optimal_clone_fidelity,
)

PROPS = settings(max_examples=60, deadline=None, database=None)  # no .hypothesis/ dir
PHASE_COVARIANT_F = 1 / 2 + 1 / math.sqrt(8)  # Bruß, Cinchetti, D'Ariano & Macchiavello 2000
RANDOM_KETS = [qutip.rand_ket(2, seed=seed) for seed in range(20)]


def amplitudes(psi):
    a, b = psi.full().ravel()
    return complex(a), complex(b)


def hand_vector(psi):
    """Bloch vector of a ket a|0> + b|1>: (2 Re a*b, 2 Im a*b, |a|^2 - |b|^2)."""
    a, b = amplitudes(psi)
    return np.array([2 * (a.conjugate() * b).real, 2 * (a.conjugate() * b).imag, abs(a) ** 2 - abs(b) ** 2])


def hand_dm(r):
    sx = np.array([[0, 1], [1, 0]])
    sy = np.array([[0, -1j], [1j, 0]])
    sz = np.diag([1, -1])
    return qutip.Qobj((np.eye(2) + r[0] * sx + r[1] * sy + r[2] * sz) / 2)


def circle_ket(t):
    """cos(t/2)|0> + sin(t/2)|1>: the great circle of the x-z plane."""
    return qutip.Qobj(np.array([[math.cos(t / 2)], [math.sin(t / 2)]]))


# The N -> M bound -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "m", "expected"),
    [
        (1, 2, 5 / 6),  # Bužek & Hillery 1996
        (1, 3, 7 / 9),
        (2, 3, 11 / 12),
        (2, 5, 17 / 20),
        (3, 4, (4 * 4 + 3) / (4 * 5)),
        (1, 1, 1.0),
        (2, 2, 1.0),
        (7, 7, 1.0),
    ],
)
def test_the_optimal_fidelity_is_gisin_and_massars(n, m, expected):
    assert optimal_clone_fidelity(n, m) == pytest.approx(expected, rel=1e-15)
    assert optimal_clone_fidelity(n, m) == pytest.approx((m * (n + 1) + n) / (m * (n + 2)), rel=1e-15)


def test_the_default_is_one_to_two():
    assert optimal_clone_fidelity() == pytest.approx(5 / 6, rel=1e-15)


@pytest.mark.parametrize("n", [1, 2, 5, 20])
def test_many_copies_tend_to_the_best_guess_from_n_copies(n):
    """M -> infinity: (N + 1)/(N + 2), the fidelity of estimating the state from N copies."""
    assert optimal_clone_fidelity(n, 10**6) == pytest.approx((n + 1) / (n + 2), abs=1e-5)
    fidelities = [optimal_clone_fidelity(n, m) for m in range(n, n + 50)]
    assert all(later < earlier for earlier, later in zip(fidelities, fidelities[1:]))


@pytest.mark.parametrize(
    ("n", "m", "error", "match"),
    [
        (0, 2, InvalidValueError, "n_in must be an integer from 1 to 1,000,000; got 0"),
        (3, 2, InvalidValueError, "n_out must be an integer from 3 to 1,000,000; got 2"),
        (1, 10**7, InvalidValueError, "n_out must be an integer from 1 to 1,000,000"),
        (1.0, 2, InvalidTypeError, "n_in must be an integer"),
        (1, True, InvalidTypeError, "n_out must be an integer"),
        (1, "2", InvalidTypeError, "n_out must be an integer"),
    ],
)
def test_the_bound_refuses_impossible_numbers_of_copies(n, m, error, match):
    with pytest.raises(error, match=match):
        optimal_clone_fidelity(n, m)


# The machines ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "qubits"), [("universal", 3), ("phase-covariant", 3), ("cnot", 2)])
def test_every_cloner_is_unitary(name, qubits):
    unitary = cloner_unitary(name)
    assert unitary.dims == [[2] * qubits, [2] * qubits]
    identity = np.eye(2**qubits)
    assert np.abs(unitary.full().conj().T @ unitary.full() - identity).max() < 1e-14
    assert np.abs(unitary.full() @ unitary.full().conj().T - identity).max() < 1e-14
    assert unitary.dag() * unitary == qutip.qeye([2] * qubits)


def test_the_universal_cloner_is_the_buzek_hillery_isometry():
    """|0>|00> -> sqrt(2/3)|00>|0> + sqrt(1/6)(|01> + |10>)|1>, and the bit-flipped image of |1>."""
    matrix = cloner_unitary("universal").full()
    zero_image = np.zeros(8)
    zero_image[[0b000, 0b011, 0b101]] = math.sqrt(2 / 3), math.sqrt(1 / 6), math.sqrt(1 / 6)
    one_image = np.zeros(8)
    one_image[[0b111, 0b010, 0b100]] = math.sqrt(2 / 3), math.sqrt(1 / 6), math.sqrt(1 / 6)
    assert matrix[:, 0b000] == pytest.approx(zero_image, abs=1e-15)
    assert matrix[:, 0b100] == pytest.approx(one_image, abs=1e-15)


def test_cnot_is_the_textbook_gate():
    cnot = np.array([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]])
    assert cloner_unitary("cnot").full() == pytest.approx(cnot)


@pytest.mark.parametrize("name", ["Universal", "clone", "", 3, None, ["cnot"]])
def test_unknown_cloners_are_refused_with_the_list(name):
    match = "cloner must be one of 'universal', 'phase-covariant', 'cnot'"
    with pytest.raises(InvalidValueError, match=match):
        cloner_unitary(name)
    with pytest.raises(InvalidValueError, match=match):
        clone(AXIS_STATES["0"].ket, name)
    with pytest.raises(InvalidValueError, match=match):
        clone_state(AXIS_STATES["0"].ket, name)


def test_cloners_lists_every_machine():
    assert CLONERS == ("universal", "phase-covariant", "cnot")


# Universal ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("psi", RANDOM_KETS, ids=[f"seed{s}" for s in range(20)])
def test_universal_copies_have_fidelity_five_sixths_and_two_thirds_of_the_vector(psi):
    result = clone(psi, "universal")
    assert result.fidelities == pytest.approx((5 / 6, 5 / 6), abs=1e-12)
    for vector in result.bloch_vectors:
        assert vector == pytest.approx(2 / 3 * hand_vector(psi), abs=1e-12)
    assert result.bloch_vectors[0] == pytest.approx(result.bloch_vectors[1], abs=1e-14)
    assert result.input_vector == pytest.approx(hand_vector(psi), abs=1e-12)


@pytest.mark.parametrize("psi", RANDOM_KETS[:5], ids=[f"seed{s}" for s in range(5)])
def test_universal_pair_is_two_thirds_perfect_copies_one_third_symmetric_error(psi):
    """rho_12 = 2/3 |psi psi><psi psi| + 1/3 |S><S|, S = (|psi psi_perp> + |psi_perp psi>)/sqrt 2.

    This X-shaped state (in the basis psi, psi_perp) has concurrence 1/3: the copies are
    entangled, whatever the input.
    """
    a, b = amplitudes(psi)
    ket = np.array([a, b])
    perp = np.array([-b.conjugate(), a.conjugate()])
    twin = np.kron(ket, ket)
    error = (np.kron(ket, perp) + np.kron(perp, ket)) / math.sqrt(2)
    expected = 2 / 3 * np.outer(twin, twin.conj()) + 1 / 3 * np.outer(error, error.conj())
    assert clone_state(psi, "universal").full() == pytest.approx(expected, abs=1e-12)
    result = clone(psi, "universal")
    assert result.concurrence == pytest.approx(1 / 3, abs=1e-6)
    assert result.entangled


@pytest.mark.parametrize("r", [(0.0, 0.0, 0.0), (0.3, -0.2, 0.5), (0.0, 0.0, -0.9), (0.6, 0.0, 0.8)])
def test_universal_cloner_shrinks_mixed_states_by_two_thirds_too(r):
    joint = clone_state(hand_dm(r), "universal")
    for k in (0, 1):
        assert joint.ptrace(k).full() == pytest.approx(hand_dm(2 / 3 * np.array(r)).full(), abs=1e-12)


# Phase-covariant ---------------------------------------------------------------------------------


@pytest.mark.parametrize("t", np.linspace(0, 2 * math.pi, 73))
def test_phase_covariant_clones_the_whole_x_z_circle_equally_well(t):
    result = clone(circle_ket(t), "phase-covariant")
    assert result.fidelities == pytest.approx((PHASE_COVARIANT_F, PHASE_COVARIANT_F), abs=1e-12)
    assert result.fidelities[0] > 5 / 6  # beats the universal cloner on its circle
    direction = np.array([math.sin(t), 0.0, math.cos(t)])
    for vector in result.bloch_vectors:
        assert vector == pytest.approx(direction / math.sqrt(2), abs=1e-12)
    assert not result.entangled


@pytest.mark.parametrize(("name", "basis"), [("0", "Z"), ("1", "Z"), ("+", "X"), ("-", "X")])
def test_cloning_attack_on_bb84_gives_bob_and_eve_an_error_rate_of_14_6_percent(name, basis):
    """Fuchs, Gisin, Griffiths, Niu & Peres 1997: error (1 - 1/sqrt 2)/2 in both bases."""
    joint = clone_state(AXIS_STATES[name].ket, "phase-covariant")
    wrong = 1 if BASES[basis].outcomes[0].name == name else 0
    for copy_ in (joint.ptrace(0), joint.ptrace(1)):
        assert measurement_probabilities(copy_, basis)[wrong] == pytest.approx((2 - math.sqrt(2)) / 4)
    assert (2 - math.sqrt(2)) / 4 == pytest.approx(0.146, abs=5e-4)


@pytest.mark.parametrize("name", ["+i", "-i"])
def test_phase_covariant_is_worse_off_its_circle(name):
    """The y axis is shrunk by 1/2: fidelity 3/4, below 1/2 + 1/sqrt 8 and even below 5/6."""
    result = clone(AXIS_STATES[name].ket, "phase-covariant")
    assert result.fidelities == pytest.approx((3 / 4, 3 / 4), abs=1e-12)
    assert max(result.fidelities) < PHASE_COVARIANT_F - 0.1
    assert max(result.fidelities) < 5 / 6


@pytest.mark.parametrize("psi", RANDOM_KETS, ids=[f"seed{s}" for s in range(20)])
def test_phase_covariant_shrinks_x_and_z_by_root_half_and_y_by_half(psi):
    """Copies (x/sqrt 2, y/2, z/sqrt 2): fidelity (1 + (x^2 + z^2)/sqrt 2 + y^2/2)/2 <= 1/2 + 1/sqrt 8,
    equal only on the circle y = 0."""
    x, y, z = hand_vector(psi)
    result = clone(psi, "phase-covariant")
    for vector in result.bloch_vectors:
        assert vector == pytest.approx((x / math.sqrt(2), y / 2, z / math.sqrt(2)), abs=1e-12)
    expected = (1 + (x * x + z * z) / math.sqrt(2) + y * y / 2) / 2
    assert result.fidelities == pytest.approx((expected, expected), abs=1e-12)
    assert expected <= PHASE_COVARIANT_F - 0.1 * y * y + 1e-15  # deficit (1/sqrt 2 - 1/2) y^2 / 2


# CNOT --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["0", "1"])
def test_cnot_copies_the_z_basis_perfectly(name):
    result = clone(AXIS_STATES[name].ket, "cnot")
    assert result.fidelities == (1.0, 1.0)
    assert result.bloch_vectors == (AXIS_STATES[name].vector, AXIS_STATES[name].vector)
    assert result.concurrence == 0.0 and not result.entangled


def test_cnot_turns_plus_into_a_bell_pair_of_useless_copies():
    """Wootters & Zurek 1982: |+>|0> -> (|00> + |11>)/sqrt 2; each copy is I/2, fidelity 1/2."""
    bell = np.array([1, 0, 0, 1]) / math.sqrt(2)
    assert clone_state(AXIS_STATES["+"].ket, "cnot").full() == pytest.approx(np.outer(bell, bell))
    result = clone(AXIS_STATES["+"].ket, "cnot")
    assert result.fidelities == pytest.approx((0.5, 0.5), abs=1e-12)
    assert np.array(result.bloch_vectors) == pytest.approx(np.zeros((2, 3)), abs=1e-12)
    assert result.concurrence == pytest.approx(1.0, abs=1e-6)
    assert result.entangled


@pytest.mark.parametrize("psi", RANDOM_KETS, ids=[f"seed{s}" for s in range(20)])
def test_cnot_fidelity_and_entanglement_for_any_input(psi):
    """a|0> + b|1> -> a|00> + b|11>: fidelity |a|^4 + |b|^4, concurrence 2|ab| (Wootters 1998)."""
    a, b = amplitudes(psi)
    result = clone(psi, "cnot")
    assert result.fidelities == pytest.approx((abs(a) ** 4 + abs(b) ** 4,) * 2, abs=1e-12)
    assert result.concurrence == pytest.approx(2 * abs(a * b), abs=1e-6)


# All machines ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "average"),
    [("universal", 5 / 6), ("phase-covariant", (4 * PHASE_COVARIANT_F + 2 * 3 / 4) / 6), ("cnot", 2 / 3)],
)
def test_no_machine_beats_five_sixths_on_average_over_the_sphere(name, average):
    """The six axis states average a quadratic function of the state exactly as the whole sphere
    does (they form a spherical design), so their mean fidelity is the sphere's: at most 5/6."""
    mean = np.mean([clone(state.ket, name).fidelities[0] for state in AXIS_STATES.values()])
    assert mean == pytest.approx(average, abs=1e-12)
    assert mean <= optimal_clone_fidelity(1, 2) + 1e-12


@pytest.mark.parametrize("name", CLONERS)
def test_a_pure_density_matrix_clones_as_its_ket(name):
    psi = RANDOM_KETS[3]
    from_matrix, from_ket = clone(psi.proj(), name), clone(psi, name)
    assert isinstance(from_matrix, CloneResult) and from_matrix.cloner == from_ket.cloner == name
    assert from_matrix.input_vector == pytest.approx(from_ket.input_vector, abs=1e-12)
    assert np.array(from_matrix.bloch_vectors) == pytest.approx(np.array(from_ket.bloch_vectors), abs=1e-12)
    assert from_matrix.fidelities == pytest.approx(from_ket.fidelities, abs=1e-12)
    assert from_matrix.concurrence == pytest.approx(from_ket.concurrence, abs=1e-6)


@pytest.mark.parametrize(
    ("state", "error", "match"),
    [
        (qutip.qeye(2) / 2, InvalidValueError, "state must be a pure qubit state .* purity 0.5"),
        (hand_dm((0.0, 0.0, 0.99)), InvalidValueError, "state must be a pure qubit state"),
        (qutip.basis(3, 0), InvalidValueError, "state must be a qubit ket or density matrix"),
        (qutip.tensor(qutip.basis(2, 0), qutip.basis(2, 0)), InvalidValueError, "dims"),
        (qutip.Qobj(np.array([[1], [1]])), InvalidValueError, "norm"),
        ([1, 0], InvalidTypeError, "state must be a qubit ket"),
    ],
)
def test_clone_refuses_what_is_not_one_pure_qubit(state, error, match):
    with pytest.raises(error, match=match):
        clone(state)


def test_clone_state_takes_mixed_states_but_not_other_objects():
    assert clone_state(qutip.qeye(2) / 2, "cnot").full() == pytest.approx(np.diag([0.5, 0, 0, 0.5]))
    with pytest.raises(InvalidValueError, match="state must be a qubit ket or density matrix"):
        clone_state(qutip.basis(4, 0))
    with pytest.raises(InvalidTypeError, match="state must be a qubit ket"):
        clone_state(np.eye(2) / 2)


def test_results_are_frozen_and_compare_by_value():
    result = clone(AXIS_STATES["+"].ket, "universal")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.fidelities = (1.0, 1.0)
    assert result == copy.deepcopy(result)
    assert hash(result) == hash(copy.deepcopy(result))
    assert all(isinstance(value, (str, float, tuple)) for value in dataclasses.astuple(result))


# Properties --------------------------------------------------------------------------------------

thetas = st.floats(min_value=0, max_value=math.pi)
phis = st.floats(min_value=0, max_value=2 * math.pi)
cloners = st.sampled_from(CLONERS)
ball = st.tuples(*[st.floats(min_value=-1, max_value=1)] * 3).filter(lambda r: sum(v * v for v in r) <= 1)


@PROPS
@given(theta=thetas, phi=phis, name=cloners)
def test_copies_are_symmetric_and_their_fidelity_matches_their_vector(theta, phi, name):
    psi = qutip.Qobj(np.array([[math.cos(theta / 2)], [np.exp(1j * phi) * math.sin(theta / 2)]]))
    result = clone(psi, name)
    assert result.bloch_vectors[0] == pytest.approx(result.bloch_vectors[1], abs=1e-12)
    for fidelity, vector in zip(result.fidelities, result.bloch_vectors):
        assert 0.0 <= fidelity <= 1.0
        assert fidelity == pytest.approx((1 + np.dot(hand_vector(psi), vector)) / 2, abs=1e-12)
        assert np.linalg.norm(vector) <= 1 + 1e-12
    assert 0.0 <= result.concurrence <= 1.0 + 1e-12


@PROPS
@given(r=ball, name=cloners)
def test_the_pair_is_a_density_matrix_for_any_input(r, name):
    joint = clone_state(hand_dm(r), name).full()
    assert joint.shape == (4, 4)
    assert np.abs(joint - joint.conj().T).max() < 1e-12
    assert np.trace(joint).real == pytest.approx(1.0, abs=1e-12)
    assert np.linalg.eigvalsh(joint).min() > -1e-12
