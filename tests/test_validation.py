"""The shared argument checks: every fuzz case gets a named error with range and unit."""

import math

import numpy as np
import pytest
import qutip

from qwidgets import validation
from qwidgets.errors import InvalidTypeError, InvalidValueError, QWidgetsError, excerpt


class BadRepr:
    def __repr__(self):
        raise RuntimeError("no repr for you")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (math.nan, "theta must be a number from 0 to 3.14159 rad; got nan"),
        (math.inf, "theta must be a number from 0 to 3.14159 rad; got inf"),
        (-math.inf, "theta must be a number from 0 to 3.14159 rad; got -inf"),
        (10**400, "theta must be a number from 0 to 3.14159 rad; got an integer of about 400 digits"),
        (4, "theta must be a number from 0 to 3.14159 rad; got 4"),
        (np.float32(-0.5), "theta must be a number from 0 to 3.14159 rad; got -0.5"),
    ],
)
def test_real_refuses_non_finite_huge_and_out_of_range_numbers(value, message):
    with pytest.raises(InvalidValueError) as info:
        validation.real("theta", value, low=0.0, high=math.pi, unit="rad")
    assert str(info.value) == message and isinstance(info.value, ValueError)


@pytest.mark.parametrize("value", ["0.5", True, 1j, None, [0.5], BadRepr()])
def test_real_refuses_what_is_not_a_real_number(value):
    with pytest.raises(InvalidTypeError) as info:
        validation.real("length", value, low=0.0, unit="km")
    message = str(info.value)
    assert message.startswith("length must be a number at least 0 km; got ") and isinstance(
        info.value, TypeError
    )
    assert len(message) < 150


def test_real_accepts_numpy_scalars_and_ints_and_returns_floats():
    assert validation.real("x", np.int64(3)) == 3.0 and isinstance(validation.real("x", np.int64(3)), float)
    assert validation.real("x", np.float32(0.25), low=0, high=1) == 0.25


def test_open_bounds_and_units_in_the_message():
    with pytest.raises(InvalidValueError, match=r"rate must be a number greater than 0 Hz; got 0"):
        validation.real("rate", 0, low=0.0, low_open=True, unit="Hz")
    assert validation.length_km("distance", 0) == 0.0
    with pytest.raises(InvalidValueError, match="distance must be a number at least 0 km; got -1"):
        validation.length_km("distance", -1)


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (0, InvalidValueError, "shots must be an integer from 1 to 100,000,000; got 0"),
        (10**9, InvalidValueError, "shots must be an integer from 1 to 100,000,000; got 1000000000"),
        (2.0, InvalidTypeError, "shots must be an integer from 1 to 100,000,000; got float 2.0"),
        (True, InvalidTypeError, "shots must be an integer from 1 to 100,000,000; got bool True"),
    ],
)
def test_one_shots_limit(value, error, message):
    with pytest.raises(error) as info:
        validation.shots(value)
    assert str(info.value) == message


def test_rng_accepts_none_seeds_and_generators():
    generator = np.random.default_rng(5)
    assert validation.rng(generator) is generator
    assert validation.rng(7).random() == np.random.default_rng(7).random()
    assert validation.rng(np.uint32(7)).random() == np.random.default_rng(7).random()
    assert isinstance(validation.rng(None), np.random.Generator)
    assert isinstance(validation.rng(10**30), np.random.Generator)  # numpy takes big seeds


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (-1, InvalidValueError),
        (1.5, InvalidTypeError),
        (True, InvalidTypeError),
        ("7", InvalidTypeError),
        (np.random.RandomState(1), InvalidTypeError),
    ],
)
def test_rng_refuses_everything_else(value, error):
    with pytest.raises(error) as info:
        validation.rng(value)
    assert str(info.value).startswith(
        "rng must be None, a non-negative integer seed or a numpy.random.Generator"
    )


def test_choice():
    assert validation.choice("basis", "X", ("Z", "X")) == "X"
    with pytest.raises(InvalidValueError, match="basis must be one of 'Z', 'X'; got 'W'"):
        validation.choice("basis", "W", ("Z", "X"))
    with pytest.raises(InvalidValueError, match=r"basis must be one of 'Z', 'X'; got \[1\]"):
        validation.choice("basis", [1], ("Z", "X"))


@pytest.mark.parametrize(
    ("state", "message"),
    [
        (qutip.Qobj(np.array([[np.nan], [0.0]])), "state must be a state with finite entries"),
        (qutip.Qobj(np.array([[np.inf, 0], [0, 0]])), "state must be a state with finite entries"),
        (
            qutip.Qobj(np.array([[0.5, 1e-8], [0.0, 0.5]])),
            "state must be a density matrix (Hermitian within 1e-12); got 'a Qobj off Hermitian by 1e-08'",
        ),
        (
            qutip.Qobj(np.array([[0.6], [0.6]])),
            "state must be normalised (norm 1); got 'a ket of norm 0.848528'",
        ),
        (qutip.Qobj(np.array([[0.7, 0], [0, 0.7]])), "state must be a density matrix (trace 1)"),
        (
            qutip.Qobj(np.array([[1.5, 0], [0, -0.5]])),
            "state must be a density matrix (no negative eigenvalues)",
        ),
        (qutip.basis(3, 0), "state must be a qubit ket or density matrix"),
    ],
)
def test_qubit_state_fuzz_cases(state, message):
    with pytest.raises(InvalidValueError) as info:
        validation.qubit_state("state", state)
    assert str(info.value).startswith(message)


def test_qubit_state_tolerates_float_noise_far_below_qutips_tolerance():
    rho = qutip.Qobj(np.array([[0.5, 0.5 + 1e-15], [0.5, 0.5]]))
    assert validation.qubit_state("state", rho) is rho


def test_excerpt_is_short_and_never_raises():
    assert excerpt(BadRepr()).startswith("<BadRepr")
    assert len(excerpt(10**5000)) <= 60  # str() of this int raises in Python 3.11
    assert len(excerpt(list(range(10**6)))) <= 60
    assert len(excerpt("x" * 10**7)) <= 60
    assert excerpt(0.5) == "0.5"


def test_every_error_is_a_qwidgets_error_and_a_builtin():
    assert issubclass(InvalidValueError, QWidgetsError) and issubclass(InvalidValueError, ValueError)
    assert issubclass(InvalidTypeError, QWidgetsError) and issubclass(InvalidTypeError, TypeError)
