"""Example-based tests for qwidgets.physics (single-qubit states, gates, measurement).

Every expected value is computed independently here, from explicit 2x2 matrices
and closed forms, never from other functions of the package.
"""

import dataclasses
import math

import numpy as np
import pytest
import qutip

from qwidgets.errors import QWidgetsError
from qwidgets.physics import (
    apply_gate,
    bloch_angles,
    bloch_vector,
    ket,
    measure,
    measurement_probabilities,
    sample_measurement,
)

PI = math.pi
S2 = 1 / math.sqrt(2)

# Reference states and operators, written out by hand.
ZERO = np.array([1, 0], dtype=complex)
ONE = np.array([0, 1], dtype=complex)
PLUS = np.array([S2, S2], dtype=complex)
MINUS = np.array([S2, -S2], dtype=complex)
PLUS_I = np.array([S2, 1j * S2], dtype=complex)
MINUS_I = np.array([S2, -1j * S2], dtype=complex)

I2 = np.eye(2, dtype=complex)
SX = np.array([[0, 1], [1, 0]], dtype=complex)
SY = np.array([[0, -1j], [1j, 0]], dtype=complex)
SZ = np.array([[1, 0], [0, -1]], dtype=complex)
GATES = {
    "X": SX,
    "Y": SY,
    "Z": SZ,
    "H": np.array([[1, 1], [1, -1]], dtype=complex) * S2,
    "S": np.diag([1, 1j]),
    "T": np.diag([1, np.exp(1j * PI / 4)]),
}
PAULI = {"RX": SX, "RY": SY, "RZ": SZ}
BASIS_VECTORS = {"Z": (0.0, 0.0, 1.0), "X": (1.0, 0.0, 0.0), "Y": (0.0, 1.0, 0.0)}


def rotation(axis, angle):
    """exp(-i angle sigma/2) = cos(angle/2) I - i sin(angle/2) sigma."""
    return math.cos(angle / 2) * I2 - 1j * math.sin(angle / 2) * PAULI[axis]


def gate_matrix(gate):
    return GATES[gate] if isinstance(gate, str) else rotation(*gate)


def qket(amplitudes):
    return qutip.Qobj(np.asarray(amplitudes, dtype=complex).reshape(2, 1))


def qdm(matrix):
    return qutip.Qobj(np.asarray(matrix, dtype=complex))


def amplitudes(state):
    assert isinstance(state, qutip.Qobj) and state.isket
    assert state.dims == [[2], [1]]
    return state.full().ravel()


def direction(theta, phi):
    return np.array(
        [math.sin(theta) * math.cos(phi), math.sin(theta) * math.sin(phi), math.cos(theta)]
    )


def mixed_dm(r):
    """rho = (I + r . sigma) / 2."""
    return (I2 + r[0] * SX + r[1] * SY + r[2] * SZ) / 2


def check_error(excinfo):
    assert isinstance(excinfo.value, QWidgetsError)


# A generic (non-special) pure state and a generic mixed state used for gate checks.
GENERIC = np.array([0.6, 0.8 * np.exp(0.7j)], dtype=complex)
GENERIC_MIXED = mixed_dm((0.3, -0.2, 0.5))

ALL_GATES = list(GATES) + [
    ("RX", 0.37), ("RY", 0.37), ("RZ", 0.37),
    ("RX", -2.1), ("RY", 4.0), ("RZ", PI),
]


# ---------------------------------------------------------------- ket


@pytest.mark.parametrize(
    "theta, phi, expected",
    [
        (0, 0, ZERO),
        (PI, 0, ONE),
        (PI / 2, 0, PLUS),
        (PI / 2, PI, MINUS),
        (PI / 2, PI / 2, PLUS_I),
        (PI / 2, 3 * PI / 2, MINUS_I),
        (0, 1.3, ZERO),  # the relative phase sits on |1>, so |0> is unaffected
    ],
)
def test_ket_special_states(theta, phi, expected):
    assert amplitudes(ket(theta, phi)) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("theta, phi", [(0.3, 0.0), (1.1, 2.5), (2.9, -0.4), (2.0, 7.0)])
def test_ket_closed_form(theta, phi):
    expected = [math.cos(theta / 2), np.exp(1j * phi) * math.sin(theta / 2)]
    assert amplitudes(ket(theta, phi)) == pytest.approx(expected, abs=1e-12)


def test_ket_accepts_integers_and_numpy_floats():
    assert amplitudes(ket(np.float64(PI), 0)) == pytest.approx(ONE, abs=1e-12)


# ---------------------------------------------------------------- bloch_vector


@pytest.mark.parametrize(
    "state, expected",
    [
        (ZERO, (0, 0, 1)),
        (ONE, (0, 0, -1)),
        (PLUS, (1, 0, 0)),
        (MINUS, (-1, 0, 0)),
        (PLUS_I, (0, 1, 0)),
        (MINUS_I, (0, -1, 0)),
        (GENERIC, (2 * 0.6 * 0.8 * math.cos(0.7), 2 * 0.6 * 0.8 * math.sin(0.7), 0.36 - 0.64)),
    ],
)
def test_bloch_vector_of_kets(state, expected):
    r = bloch_vector(qket(state))
    assert isinstance(r, np.ndarray) and r.shape == (3,) and np.isrealobj(r)
    assert r == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("theta, phi", [(0.4, 0.2), (1.7, 3.3), (3.0, 5.9)])
def test_bloch_vector_of_ket_theta_phi(theta, phi):
    assert bloch_vector(ket(theta, phi)) == pytest.approx(direction(theta, phi), abs=1e-12)


@pytest.mark.parametrize("r", [(0, 0, 0), (0.3, -0.2, 0.5), (0, 0, -0.9), (0.6, 0.8, 0)])
def test_bloch_vector_of_density_matrices(r):
    out = bloch_vector(qdm(mixed_dm(r)))
    assert out.shape == (3,) and np.isrealobj(out)
    assert out == pytest.approx(r, abs=1e-12)


def test_maximally_mixed_state_has_zero_vector():
    assert bloch_vector(qutip.qeye(2) / 2) == pytest.approx([0, 0, 0], abs=1e-12)


def test_bloch_vector_of_ket2dm_matches_ket():
    rho = qutip.ket2dm(qket(PLUS_I))
    assert bloch_vector(rho) == pytest.approx([0, 1, 0], abs=1e-12)


# ---------------------------------------------------------------- bloch_angles


@pytest.mark.parametrize(
    "state, expected",
    [
        (qket(ZERO), (0, 0)),
        (qket(ONE), (PI, 0)),
        (qket(PLUS), (PI / 2, 0)),
        (qket(MINUS), (PI / 2, PI)),
        (qket(PLUS_I), (PI / 2, PI / 2)),
        (qket(MINUS_I), (PI / 2, 3 * PI / 2)),  # phi in [0, 2pi), not -pi/2
        (qdm(mixed_dm((0, -0.5, 0))), (PI / 2, 3 * PI / 2)),  # direction only
        (qdm(mixed_dm((0, 0, -0.3))), (PI, 0)),
        # y is a tiny negative number: phi must wrap to 0, not to 2pi
        (qdm(mixed_dm((0.5, -1e-20, 0))), (PI / 2, 0)),
    ],
)
def test_bloch_angles_special(state, expected):
    theta, phi = bloch_angles(state)
    assert (theta, phi) == pytest.approx(expected, abs=1e-9)
    assert 0 <= theta <= PI and 0 <= phi < 2 * PI


@pytest.mark.parametrize("theta, phi", [(0.5, 0.25), (2.2, 4.0), (1.0, 6.0)])
def test_bloch_angles_of_ket(theta, phi):
    t, p = bloch_angles(ket(theta, phi))
    assert t == pytest.approx(theta, abs=1e-9)
    assert p == pytest.approx(phi, abs=1e-9)


def test_bloch_angles_zero_vector_has_phi_zero():
    theta, phi = bloch_angles(qutip.qeye(2) / 2)
    assert phi == 0
    assert 0 <= theta <= PI


@pytest.mark.parametrize("theta, phi", [(0, 2.0), (PI, 1.0), (PI, 4.0)])
def test_bloch_angles_poles_from_ket_have_phi_zero(theta, phi):
    # ket(pi, phi) is |1> up to a global phase (and ~1e-16 rounding in the
    # x, y components): the vector is on the z axis, so phi = 0 by convention.
    t, p = bloch_angles(ket(theta, phi))
    assert t == pytest.approx(theta, abs=1e-9)
    assert p == pytest.approx(0, abs=1e-9)


# ---------------------------------------------------------------- apply_gate


@pytest.mark.parametrize(
    "gate, state, expected",
    [
        ("X", ZERO, ONE),
        ("X", ONE, ZERO),
        ("Y", ZERO, 1j * ONE),
        ("Y", ONE, -1j * ZERO),
        ("Z", ZERO, ZERO),
        ("Z", ONE, -ONE),
        ("Z", PLUS, MINUS),
        ("H", ZERO, PLUS),
        ("H", ONE, MINUS),
        ("H", PLUS, ZERO),
        ("S", PLUS, PLUS_I),
        ("S", ONE, 1j * ONE),
        ("T", ONE, np.exp(1j * PI / 4) * ONE),
        ("T", ZERO, ZERO),
        (("RX", PI), ZERO, -1j * ONE),  # RX(pi) = -iX
        (("RY", PI), ZERO, ONE),  # RY(pi) = -iY, -iY|0> = |1>
        (("RZ", PI), ZERO, -1j * ZERO),  # RZ(pi) = -iZ
        (("RY", PI / 2), ZERO, PLUS),
        (("RX", -PI / 2), ZERO, PLUS_I),
        (("RZ", PI / 2), PLUS, np.exp(-1j * PI / 4) * PLUS_I),
        (("RX", 2 * PI), ZERO, -ZERO),  # spinor sign
    ],
)
def test_gate_on_basis_states_exact_amplitudes(gate, state, expected):
    assert amplitudes(apply_gate(qket(state), gate)) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("gate", ALL_GATES)
def test_gate_on_generic_ket(gate):
    expected = gate_matrix(gate) @ GENERIC
    assert amplitudes(apply_gate(qket(GENERIC), gate)) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("gate", ALL_GATES)
def test_gate_on_density_matrix(gate):
    U = gate_matrix(gate)
    out = apply_gate(qdm(GENERIC_MIXED), gate)
    assert isinstance(out, qutip.Qobj) and out.isoper and out.dims == [[2], [2]]
    expected = U @ GENERIC_MIXED @ U.conj().T
    assert out.full().ravel() == pytest.approx(expected.ravel(), abs=1e-12)


@pytest.mark.parametrize(
    "gate, r_in, r_out",
    [
        ("X", (0.1, 0.2, 0.3), (0.1, -0.2, -0.3)),
        ("Y", (0.1, 0.2, 0.3), (-0.1, 0.2, -0.3)),
        ("Z", (0.1, 0.2, 0.3), (-0.1, -0.2, 0.3)),
        ("H", (0.1, 0.2, 0.3), (0.3, -0.2, 0.1)),
        ("S", (0.1, 0.2, 0.3), (-0.2, 0.1, 0.3)),  # +90 deg about z
        (("RZ", PI / 2), (0.5, 0, 0), (0, 0.5, 0)),
        (("RX", PI / 2), (0, 0.5, 0), (0, 0, 0.5)),
        (("RY", PI / 2), (0, 0, 0.5), (0.5, 0, 0)),
    ],
)
def test_gate_rotates_density_matrix_bloch_vector(gate, r_in, r_out):
    out = apply_gate(qdm(mixed_dm(r_in)), gate)
    assert out.full() == pytest.approx(mixed_dm(r_out), abs=1e-12)


def test_gate_leaves_maximally_mixed_state_alone():
    out = apply_gate(qutip.qeye(2) / 2, "H")
    assert out.full() == pytest.approx(I2 / 2, abs=1e-12)


# ---------------------------------------------------------------- measurement_probabilities


@pytest.mark.parametrize("theta, phi", [(0, 0), (PI, 0), (PI / 2, 0), (0.7, 1.9), (2.4, 4.4)])
def test_probabilities_in_standard_bases(theta, phi):
    st, sp, cp = math.sin(theta), math.sin(phi), math.cos(phi)
    psi = qket([math.cos(theta / 2), np.exp(1j * phi) * math.sin(theta / 2)])
    p_z0 = math.cos(theta / 2) ** 2
    expected = {"Z": p_z0, "X": (1 + st * cp) / 2, "Y": (1 + st * sp) / 2}
    for basis, p0 in expected.items():
        probs = measurement_probabilities(psi, basis)
        assert isinstance(probs, tuple) and len(probs) == 2
        assert probs == pytest.approx((p0, 1 - p0), abs=1e-12)


@pytest.mark.parametrize(
    "state, basis, p0",
    [
        (ZERO, "Z", 1),
        (ONE, "Z", 0),
        (PLUS, "X", 1),
        (MINUS, "X", 0),
        (PLUS_I, "Y", 1),
        (MINUS_I, "Y", 0),
        (ZERO, "X", 0.5),
        (PLUS_I, "X", 0.5),
        (PLUS, "Y", 0.5),
    ],
)
def test_probabilities_outcome_zero_is_along_basis(state, basis, p0):
    assert measurement_probabilities(qket(state), basis) == pytest.approx((p0, 1 - p0), abs=1e-12)


@pytest.mark.parametrize(
    "r, n_angles",
    [
        ((0.3, -0.2, 0.5), (0.0, 0.0)),
        ((0.3, -0.2, 0.5), (PI / 2, PI / 2)),
        ((0.3, -0.2, 0.5), (1.1, 4.0)),
        ((0, 0, 0), (0.8, 0.3)),
        ((0.6, 0.8, 0), (PI / 2, math.atan2(0.8, 0.6))),  # along r: p0 = (1 + 1)/2
    ],
)
def test_probabilities_density_matrix_along_direction(r, n_angles):
    p0 = (1 + np.dot(r, direction(*n_angles))) / 2
    probs = measurement_probabilities(qdm(mixed_dm(r)), n_angles)
    assert probs == pytest.approx((p0, 1 - p0), abs=1e-12)


@pytest.mark.parametrize("basis, n_angles", [("Z", (0, 0)), ("X", (PI / 2, 0)), ("Y", (PI / 2, PI / 2))])
def test_named_basis_equals_its_direction(basis, n_angles):
    psi = qket(GENERIC)
    n = BASIS_VECTORS[basis]
    r = (2 * 0.6 * 0.8 * math.cos(0.7), 2 * 0.6 * 0.8 * math.sin(0.7), 0.36 - 0.64)
    p0 = (1 + np.dot(r, n)) / 2
    assert measurement_probabilities(psi, basis) == pytest.approx((p0, 1 - p0), abs=1e-12)
    assert measurement_probabilities(psi, n_angles) == pytest.approx((p0, 1 - p0), abs=1e-12)


# ---------------------------------------------------------------- measure / sample_measurement


@pytest.mark.parametrize(
    "state, basis, value",
    [
        (ZERO, "Z", 0),
        (ONE, "Z", 1),
        (PLUS, "X", 0),
        (MINUS, "X", 1),
        (PLUS_I, "Y", 0),
        (MINUS_I, "Y", 1),
        (GENERIC, (math.acos(0.36 - 0.64), 0.7), 0),  # measured along its own direction
    ],
)
def test_measure_deterministic_outcomes(state, basis, value):
    out = measure(qket(state), basis, 500, rng=0)
    assert isinstance(out, np.ndarray) and out.shape == (500,)
    assert np.issubdtype(out.dtype, np.integer)
    assert np.all(out == value)


@pytest.mark.parametrize(
    "state, basis, p0",
    [
        (qket(ZERO), "X", 0.5),
        (qket([math.cos(0.35), math.sin(0.35)]), "Z", math.cos(0.35) ** 2),
        (qket(GENERIC), "Y", (1 + 2 * 0.48 * math.sin(0.7)) / 2),
        (qdm(mixed_dm((0.3, -0.2, 0.5))), "Z", 0.75),
        (qdm(mixed_dm((0.3, -0.2, 0.5))), (PI / 2, PI / 2), 0.4),
    ],
)
def test_measure_frequencies_converge(state, basis, p0):
    shots = 200_000
    out = measure(state, basis, shots, rng=12345)
    assert out.shape == (shots,) and set(np.unique(out)) <= {0, 1}
    freq0 = np.count_nonzero(out == 0) / shots
    assert abs(freq0 - p0) <= 5 * math.sqrt(p0 * (1 - p0) / shots)


def test_measure_same_int_seed_is_reproducible():
    psi = qket(GENERIC)
    a = measure(psi, "X", 1000, rng=7)
    b = measure(psi, "X", 1000, rng=7)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, measure(psi, "X", 1000, rng=8))


def test_measure_generator_is_reproducible_and_consumed():
    psi = qket(PLUS)
    a = measure(psi, "Z", 1000, rng=np.random.default_rng(3))
    b = measure(psi, "Z", 1000, rng=np.random.default_rng(3))
    assert np.array_equal(a, b)
    gen = np.random.default_rng(3)
    first = measure(psi, "Z", 1000, rng=gen)
    second = measure(psi, "Z", 1000, rng=gen)
    assert np.array_equal(first, a)
    assert not np.array_equal(first, second)  # the generator state advances


def test_measure_without_rng():
    out = measure(qket(PLUS), "Z", 64)
    assert out.shape == (64,) and set(np.unique(out)) <= {0, 1}


def test_sample_measurement_fields():
    rho = qdm(mixed_dm((0.3, -0.2, 0.5)))
    run = sample_measurement(rho, "X", 10_000, rng=1)
    assert dataclasses.is_dataclass(run)
    assert run.bloch_vector == pytest.approx([0.3, -0.2, 0.5], abs=1e-12)
    assert run.basis_vector == pytest.approx([1, 0, 0], abs=1e-12)
    assert run.probabilities == pytest.approx((0.65, 0.35), abs=1e-12)
    assert run.shots == 10_000
    n0, n1 = run.counts
    assert isinstance(n0, (int, np.integer)) and isinstance(n1, (int, np.integer))
    assert n0 + n1 == 10_000 and n0 >= 0 and n1 >= 0
    assert abs(n0 / 10_000 - 0.65) <= 5 * math.sqrt(0.65 * 0.35 / 10_000)
    with pytest.raises(dataclasses.FrozenInstanceError):
        run.shots = 1


@pytest.mark.parametrize("n_angles", [(0.9, 2.1), (PI, 0.0), (PI / 2, 3 * PI / 2)])
def test_sample_measurement_basis_vector_for_direction(n_angles):
    run = sample_measurement(qket(ZERO), n_angles, 100, rng=0)
    assert run.basis_vector == pytest.approx(direction(*n_angles), abs=1e-12)
    p0 = (1 + math.cos(n_angles[0])) / 2
    assert run.probabilities == pytest.approx((p0, 1 - p0), abs=1e-12)


def test_sample_measurement_deterministic_and_reproducible():
    run = sample_measurement(qket(ONE), "Z", 50, rng=0)
    assert tuple(run.counts) == (0, 50)
    psi = qket(GENERIC)
    assert sample_measurement(psi, "Y", 500, rng=9).counts == sample_measurement(psi, "Y", 500, rng=9).counts


# ---------------------------------------------------------------- errors


def test_error_non_qobj_state():
    for func in (bloch_vector, bloch_angles):
        with pytest.raises(TypeError, match="state") as excinfo:
            func([1, 0])
        check_error(excinfo)
    with pytest.raises(TypeError, match="state") as excinfo:
        apply_gate(np.array([1, 0]), "X")
    check_error(excinfo)
    with pytest.raises(TypeError, match="state") as excinfo:
        measurement_probabilities("0", "Z")
    check_error(excinfo)


@pytest.mark.parametrize(
    "bad",
    [
        qutip.basis(3, 0),
        qutip.qeye(3) / 3,
        qutip.tensor(qutip.basis(2, 0), qutip.basis(2, 0)),
        qutip.basis(2, 0).dag(),  # a bra is neither a ket nor a density matrix
    ],
    ids=["qutrit-ket", "qutrit-dm", "two-qubit-ket", "bra"],
)
def test_error_not_a_qubit_state(bad):
    for call in (
        lambda: bloch_vector(bad),
        lambda: apply_gate(bad, "X"),
        lambda: measurement_probabilities(bad, "Z"),
        lambda: measure(bad, "Z", 10, rng=0),
    ):
        with pytest.raises(ValueError, match="state") as excinfo:
            call()
        check_error(excinfo)


@pytest.mark.parametrize(
    "bad",
    [
        [[0.5, 0.5], [0, 0.5]],  # trace 1 but not Hermitian
        [[1.5, 0], [0, -0.5]],  # Hermitian, trace 1, but a negative eigenvalue (|r| = 2)
        [[0.5, 0.9], [0.9, 0.5]],  # Hermitian, trace 1, eigenvalues 1.4 and -0.4
    ],
    ids=["non-hermitian", "negative-diagonal", "negative-eigenvalue"],
)
def test_error_not_a_density_matrix(bad):
    with pytest.raises(ValueError, match="state") as excinfo:
        bloch_vector(qdm(bad))
    check_error(excinfo)


@pytest.mark.parametrize("basis", ["W", "z ", "", (float("nan"), 0.0), (0.3, float("inf"))])
def test_error_unknown_basis(basis):
    for call in (
        lambda: measurement_probabilities(qket(ZERO), basis),
        lambda: measure(qket(ZERO), basis, 10, rng=0),
        lambda: sample_measurement(qket(ZERO), basis, 10, rng=0),
    ):
        with pytest.raises(ValueError, match="basis") as excinfo:
            call()
        check_error(excinfo)


@pytest.mark.parametrize("gate", ["Q", ("RW", 0.5), "rx"])
def test_error_unknown_gate(gate):
    with pytest.raises(ValueError, match="gate") as excinfo:
        apply_gate(qket(ZERO), gate)
    check_error(excinfo)


@pytest.mark.parametrize("axis", ["RX", "RY", "RZ"])
def test_error_rotation_nan_angle(axis):
    with pytest.raises(ValueError, match="gate|angle") as excinfo:
        apply_gate(qket(ZERO), (axis, float("nan")))
    check_error(excinfo)


@pytest.mark.parametrize("shots", [0, -1])
def test_error_shots_value(shots):
    for func in (measure, sample_measurement):
        with pytest.raises(ValueError, match="shots") as excinfo:
            func(qket(ZERO), "Z", shots, rng=0)
        check_error(excinfo)


@pytest.mark.parametrize("shots", [2.5, True, "10"])
def test_error_shots_type(shots):
    for func in (measure, sample_measurement):
        with pytest.raises(TypeError, match="shots") as excinfo:
            func(qket(ZERO), "Z", shots, rng=0)
        check_error(excinfo)


@pytest.mark.parametrize(
    "theta, phi, name",
    [
        (float("nan"), 0, "theta"),
        (float("inf"), 0, "theta"),
        (-float("inf"), 0, "theta"),
        (0, float("nan"), "phi"),
        (0, float("inf"), "phi"),
    ],
)
def test_error_ket_non_finite(theta, phi, name):
    with pytest.raises(ValueError, match=name) as excinfo:
        ket(theta, phi)
    check_error(excinfo)


def test_error_ket_wrong_type():
    with pytest.raises(TypeError, match="theta") as excinfo:
        ket("0.5", 0)
    check_error(excinfo)
    with pytest.raises(TypeError, match="phi") as excinfo:
        ket(0.5, None)
    check_error(excinfo)
