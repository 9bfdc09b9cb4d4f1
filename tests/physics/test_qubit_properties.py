"""Property-based tests (hypothesis) for qwidgets.physics invariants."""

import math

import numpy as np
import pytest
import qutip
from hypothesis import given, settings
from hypothesis import strategies as st

from qwidgets.physics import (
    apply_gate,
    bloch_angles,
    bloch_vector,
    ket,
    measure,
    measurement_probabilities,
)

PI = math.pi
TAU = 2 * math.pi
PROPS = settings(max_examples=60, deadline=None, database=None)  # no .hypothesis/ dir

angles = st.floats(min_value=-4 * PI, max_value=4 * PI, allow_nan=False, allow_infinity=False)
any_finite = st.floats(allow_nan=False, allow_infinity=False)
thetas = st.floats(min_value=0, max_value=PI)
phis = st.floats(min_value=0, max_value=TAU, exclude_max=True)
directions = st.tuples(angles, angles)
bases = st.sampled_from(["X", "Y", "Z"]) | directions
gates = st.sampled_from(["X", "Y", "Z", "H", "S", "T"]) | st.tuples(
    st.sampled_from(["RX", "RY", "RZ"]), angles
)
weights = st.floats(min_value=0, max_value=1)


def unit(theta, phi):
    return np.array(
        [math.sin(theta) * math.cos(phi), math.sin(theta) * math.sin(phi), math.cos(theta)]
    )


def hand_ket(theta, phi):
    return qutip.Qobj(np.array([[math.cos(theta / 2)], [np.exp(1j * phi) * math.sin(theta / 2)]]))


def hand_dm(r):
    sx = np.array([[0, 1], [1, 0]])
    sy = np.array([[0, -1j], [1j, 0]])
    sz = np.diag([1, -1])
    return qutip.Qobj((np.eye(2) + r[0] * sx + r[1] * sy + r[2] * sz) / 2)


def angle_distance(a, b):
    return abs((a - b + PI) % TAU - PI)


@PROPS
@given(theta=any_finite, phi=any_finite, basis=bases)
def test_probabilities_sum_to_one_and_lie_in_unit_interval(theta, phi, basis):
    p0, p1 = measurement_probabilities(ket(theta, phi), basis)
    assert 0 <= p0 <= 1 and 0 <= p1 <= 1
    assert p0 + p1 == pytest.approx(1, abs=1e-12)


@PROPS
@given(theta=angles, phi=angles, n=directions, w=weights)
def test_probabilities_match_closed_form(theta, phi, n, w):
    r = w * unit(theta, phi)
    p0 = (1 + float(np.dot(r, unit(*n)))) / 2
    assert measurement_probabilities(hand_dm(r), n) == pytest.approx((p0, 1 - p0), abs=1e-12)


@PROPS
@given(theta=any_finite, phi=any_finite)
def test_pure_states_lie_on_the_sphere(theta, phi):
    r = bloch_vector(ket(theta, phi))
    assert np.linalg.norm(r) == pytest.approx(1, abs=1e-12)


@PROPS
@given(theta=angles, phi=angles)
def test_ket_is_normalised(theta, phi):
    assert ket(theta, phi).norm() == pytest.approx(1, abs=1e-12)


@PROPS
@given(theta=angles, phi=angles, gate=gates)
def test_gates_preserve_normalisation_and_bloch_length(theta, phi, gate):
    out = apply_gate(ket(theta, phi), gate)
    assert out.isket and out.norm() == pytest.approx(1, abs=1e-12)
    assert np.linalg.norm(bloch_vector(out)) == pytest.approx(1, abs=1e-12)


@PROPS
@given(theta=angles, phi=angles, w=weights, gate=gates)
def test_gates_preserve_mixed_bloch_length_and_trace(theta, phi, w, gate):
    out = apply_gate(hand_dm(w * unit(theta, phi)), gate)
    assert out.isoper and out.isherm
    assert out.tr() == pytest.approx(1, abs=1e-12)
    assert np.linalg.norm(bloch_vector(out)) == pytest.approx(w, abs=1e-12)


@PROPS
@given(theta=angles, phi=angles, gate=gates)
def test_gate_on_ket_and_on_its_density_matrix_agree(theta, phi, gate):
    psi = ket(theta, phi)
    from_ket = qutip.ket2dm(apply_gate(psi, gate)).full()
    from_dm = apply_gate(qutip.ket2dm(psi), gate).full()
    assert from_dm.ravel() == pytest.approx(from_ket.ravel(), abs=1e-12)


@PROPS
@given(theta=st.floats(min_value=0.01, max_value=PI - 0.01), phi=angles)
def test_bloch_angles_round_trip(theta, phi):
    t, p = bloch_angles(hand_ket(theta, phi))
    assert t == pytest.approx(theta, abs=1e-9)
    assert angle_distance(p, phi) <= 1e-9


@PROPS
@given(theta=any_finite, phi=any_finite, w=weights)
def test_bloch_angles_ranges(theta, phi, w):
    t, p = bloch_angles(hand_dm(w * unit(theta, phi)))
    assert 0 <= t <= PI
    assert 0 <= p < TAU


@PROPS
@given(theta=thetas, phi=phis, n=directions)
def test_opposite_directions_swap_probabilities(theta, phi, n):
    psi = ket(theta, phi)
    p0, p1 = measurement_probabilities(psi, n)
    q0, q1 = measurement_probabilities(psi, (PI - n[0], n[1] + PI))
    assert (q0, q1) == pytest.approx((p1, p0), abs=1e-12)


@PROPS
@given(theta=angles, phi=angles, angle=angles)
def test_z_rotation_keeps_z_probabilities(theta, phi, angle):
    out = apply_gate(ket(theta, phi), ("RZ", angle))
    p0 = math.cos(theta / 2) ** 2
    assert measurement_probabilities(out, "Z") == pytest.approx((p0, 1 - p0), abs=1e-12)


@PROPS
@given(theta=angles, phi=angles, w=weights)
def test_mixing_with_identity_shrinks_bloch_vector(theta, phi, w):
    rho = w * qutip.ket2dm(hand_ket(theta, phi)) + (1 - w) * qutip.qeye(2) / 2
    assert bloch_vector(rho) == pytest.approx(w * unit(theta, phi), abs=1e-12)


@settings(max_examples=30, deadline=None, database=None)
@given(theta=angles, phi=angles, basis=bases, shots=st.integers(1, 300), seed=st.integers(0, 2**32))
def test_measure_outcomes_are_bits(theta, phi, basis, shots, seed):
    out = measure(ket(theta, phi), basis, shots, rng=seed)
    assert out.shape == (shots,) and np.issubdtype(out.dtype, np.integer)
    assert np.all((out == 0) | (out == 1))
    assert np.array_equal(out, measure(ket(theta, phi), basis, shots, rng=seed))
