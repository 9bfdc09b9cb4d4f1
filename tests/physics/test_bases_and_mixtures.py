"""The table of bases and axis states, mixed states, exact angles and memory-bounded sampling."""

import math
import tracemalloc

import numpy as np
import pytest
import qutip

from qwidgets.errors import InvalidTypeError, InvalidValueError
from qwidgets.physics import (
    AXIS_STATES,
    BASES,
    apply_gate,
    axis_state,
    bloch_angles,
    bloch_state,
    bloch_vector,
    ket,
    measure,
    measurement_probabilities,
    mixture,
    named_basis,
    sample_measurement,
)

SQRT_HALF = 1 / math.sqrt(2)
AMPLITUDES = {  # Nielsen & Chuang's conventions, written out by hand
    "0": (1, 0),
    "1": (0, 1),
    "+": (SQRT_HALF, SQRT_HALF),
    "-": (SQRT_HALF, -SQRT_HALF),
    "+i": (SQRT_HALF, 1j * SQRT_HALF),
    "-i": (SQRT_HALF, -1j * SQRT_HALF),
}


@pytest.mark.parametrize("name", list(AMPLITUDES))
def test_axis_states_have_their_textbook_amplitudes_and_vectors(name):
    state = AXIS_STATES[name]
    overlap = abs(np.vdot(np.array(AMPLITUDES[name]), state.ket.full().ravel()))
    assert overlap == pytest.approx(1.0)
    assert bloch_vector(state.ket) == pytest.approx(state.vector, abs=1e-12)
    assert ket(state.theta, state.phi).full() == pytest.approx(state.ket.full())


@pytest.mark.parametrize("basis", list(BASES.values()), ids=lambda b: b.name)
def test_each_basis_has_orthogonal_outcomes_along_its_axis(basis):
    zero, one = (outcome.ket for outcome in basis.outcomes)
    assert abs(zero.overlap(one)) == pytest.approx(0.0, abs=1e-12)
    assert basis.vector == tuple(-v for v in basis.outcomes[1].vector)
    assert measurement_probabilities(zero, basis.name) == pytest.approx((1.0, 0.0))
    assert basis.labels[0] in basis.description and basis.axis in basis.description


@pytest.mark.parametrize(
    ("text", "name"), [("+", "+"), ("|+⟩", "+"), ("|-i>", "-i"), ("−", "-"), (" 0 ", "0")]
)
def test_axis_states_by_any_common_spelling(text, name):
    assert axis_state(text) is AXIS_STATES[name]


def test_lookups_refuse_unknown_names():
    with pytest.raises(InvalidValueError, match="state name must be one of '|0⟩'"):
        axis_state("|2>")
    with pytest.raises(InvalidTypeError):
        axis_state(0)
    assert named_basis("x") is BASES["X"]
    with pytest.raises(InvalidValueError, match="basis must be one of 'Z', 'X', 'Y'; got 'W'"):
        named_basis("W")


@pytest.mark.parametrize("r", [0.0, 0.3, 0.99, 1.0])
def test_bloch_state_has_the_asked_length_and_direction(r):
    state = bloch_state(1.1, 2.2, r)
    direction = np.array([math.sin(1.1) * math.cos(2.2), math.sin(1.1) * math.sin(2.2), math.cos(1.1)])
    assert bloch_vector(state) == pytest.approx(r * direction, abs=1e-12)
    assert state.isket == (r == 1.0)
    assert (state.proj() if state.isket else state).tr() == pytest.approx(1.0)


def test_bloch_state_refuses_a_length_above_one():
    with pytest.raises(InvalidValueError, match="r must be a number from 0 to 1; got 1.5"):
        bloch_state(0.0, 0.0, 1.5)


def test_a_fair_coin_of_0_and_1_is_the_same_state_as_one_of_plus_and_minus():
    coin_z = mixture((0.5, AXIS_STATES["0"].ket), (0.5, AXIS_STATES["1"].ket))
    coin_x = mixture((0.5, AXIS_STATES["+"].ket), (0.5, AXIS_STATES["-"].ket))
    assert coin_z.full() == pytest.approx(np.eye(2) / 2)
    assert coin_x.full() == pytest.approx(np.eye(2) / 2)
    assert measurement_probabilities(coin_z, "X") == pytest.approx((0.5, 0.5))
    assert measurement_probabilities(AXIS_STATES["+"].ket, "X") == pytest.approx((1.0, 0.0))


def test_mixture_weights_the_density_matrices():
    rho = mixture((0.25, ket(0, 0)), (0.75, qutip.ket2dm(ket(math.pi / 2, 0))))
    assert bloch_vector(rho) == pytest.approx((0.75, 0.0, 0.25))


@pytest.mark.parametrize(
    ("pairs", "error", "match"),
    [
        ((), InvalidValueError, "at least one"),
        (((0.5, ket(0, 0)), (0.4, ket(1, 0))), InvalidValueError, "adding up to 1"),
        (((1.5, ket(0, 0)),), InvalidValueError, "probability 0 must be a number from 0 to 1"),
        ((ket(0, 0),), InvalidTypeError, "mixture item 0 must be a pair"),
        (((1.0, [1, 0]),), InvalidTypeError, "state 0 must be a qubit ket"),
    ],
)
def test_mixture_refuses_what_is_not_a_mixture(pairs, error, match):
    with pytest.raises(error, match=match):
        mixture(*pairs)


def test_eight_t_gates_bring_phi_back_to_exactly_zero():
    state = apply_gate(ket(0, 0), "H")
    for _ in range(8):
        state = apply_gate(state, "T")
    assert bloch_angles(state) == (pytest.approx(math.pi / 2), 0.0)
    for _ in range(3):
        state = apply_gate(state, "S")
    assert bloch_angles(state)[1] == pytest.approx(3 * math.pi / 2)


def test_measuring_many_copies_costs_no_memory_beyond_the_outcomes():
    """10**8 single outcomes peak within a few MiB of the 100 MB outcome array itself."""
    shots = 10**8
    tracemalloc.start()
    try:
        outcomes = measure(ket(1.0, 0.0), "Z", shots, rng=1)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert outcomes.nbytes == shots
    assert peak - outcomes.nbytes < 8 * 2**20, f"peak {peak / 2**20:.0f} MiB"
    p1 = math.sin(0.5) ** 2
    assert abs(outcomes.mean() - p1) < 5 * math.sqrt(p1 * (1 - p1) / shots)


def test_counting_many_copies_costs_constant_memory():
    tracemalloc.start()
    try:
        run = sample_measurement(ket(1.0, 0.0), "Z", 10**8, rng=1)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sum(run.counts) == 10**8 and peak < 2**20
