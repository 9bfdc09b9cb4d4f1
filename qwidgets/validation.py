"""Argument checks shared by physics, panels and exercises, with units.

Each check returns the value in canonical form (a ``float``, an ``int``, a ``Generator``, a
``Qobj``) or raises a :class:`~qwidgets.errors.QWidgetsError` that names the parameter, the
value received, the allowed range and its unit. Units are written as in :data:`UNITS`: angles
in rad, lengths in km, losses in dB, times in s, frequencies in Hz.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from typing import Any, TypeVar

import numpy as np
import qutip

from qwidgets.errors import InvalidTypeError, InvalidValueError

__all__ = [
    "MAX_SEED",
    "MAX_SHOTS",
    "NORM_TOLERANCE",
    "UNITS",
    "angle",
    "choice",
    "integer",
    "length_km",
    "probability",
    "quantum_state",
    "qubit_state",
    "real",
    "rng",
    "seed",
    "shots",
]

UNITS: tuple[str, ...] = ("", "rad", "km", "m", "nm", "dB", "dB/km", "s", "Hz")
"""The units a parameter may declare ("" for a pure number)."""
MAX_SHOTS = 100_000_000
"""Most shots (copies measured) any function or panel samples in one go."""
MAX_SEED = 2**32 - 1
"""Largest seed a panel shows (a browser keeps integers exact only up to 2**53)."""
NORM_TOLERANCE = 1e-6
"""How far the norm of a ket or the trace of a density matrix may be from 1."""

T = TypeVar("T")


def _number_text(x: float) -> str:
    return f"{x:,}" if isinstance(x, int) else f"{x:.6g}"


def _range_text(
    kind: str, low: float | None, high: float | None, *, low_open: bool = False, high_open: bool = False
) -> str:
    if low is not None and high is not None and not (low_open or high_open):
        return f"{kind} from {_number_text(low)} to {_number_text(high)}"
    parts = []
    if low is not None:
        parts.append(f"{'greater than' if low_open else 'at least'} {_number_text(low)}")
    if high is not None:
        parts.append(f"{'less than' if high_open else 'at most'} {_number_text(high)}")
    return f"{kind} {' and '.join(parts)}" if parts else f"a finite {kind.removeprefix('a ')}"


def real(
    name: str,
    value: object,
    *,
    low: float | None = None,
    high: float | None = None,
    unit: str = "",
    low_open: bool = False,
    high_open: bool = False,
) -> float:
    """Return ``value`` as a finite float within the range, or raise naming ``name``.

    Parameters
    ----------
    name : str
        Parameter name for the message.
    value : object
        Any real number (``int``, ``float``, numpy scalar); not ``bool``, text or complex.
    low, high : float, optional
        Bounds, inclusive unless ``low_open`` / ``high_open``.
    unit : str
        One of :data:`UNITS`, shown in the message.

    Raises
    ------
    InvalidTypeError
        If ``value`` is not a real number.
    InvalidValueError
        If it is NaN, infinite, too large for a float, or out of range.
    """

    def allowed() -> str:  # written only for a message: checks run in every inner loop
        return _range_text("a number", low, high, low_open=low_open, high_open=high_open)

    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidTypeError(name, value, allowed(), unit)
    try:
        result = float(value)
    except OverflowError:  # an int too large for a float
        raise InvalidValueError(name, value, allowed(), unit) from None
    if not math.isfinite(result):
        raise InvalidValueError(name, value, allowed(), unit)
    too_low = low is not None and (result <= low if low_open else result < low)
    too_high = high is not None and (result >= high if high_open else result > high)
    if too_low or too_high:
        raise InvalidValueError(name, value, allowed(), unit)
    return result


def integer(
    name: str, value: object, *, low: int | None = None, high: int | None = None, unit: str = ""
) -> int:
    """Return ``value`` as an ``int`` within ``[low, high]``, or raise naming ``name``."""
    allowed = _range_text("an integer", low, high)
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InvalidTypeError(name, value, allowed, unit)
    result = int(value)
    if (low is not None and result < low) or (high is not None and result > high):
        raise InvalidValueError(name, value, allowed, unit)
    return result


def probability(name: str, value: object) -> float:
    """Return a probability: a real number from 0 to 1."""
    return real(name, value, low=0.0, high=1.0)


def angle(name: str, value: object, *, low: float | None = None, high: float | None = None) -> float:
    """Return a finite angle in radians (optionally within ``[low, high]``)."""
    return real(name, value, low=low, high=high, unit="rad")


def length_km(name: str, value: object) -> float:
    """Return a length in km: a finite number, zero or more."""
    return real(name, value, low=0.0, unit="km")


def shots(value: object, name: str = "shots") -> int:
    """Return a number of shots from 1 to :data:`MAX_SHOTS`."""
    return integer(name, value, low=1, high=MAX_SHOTS)


def seed(value: object, name: str = "seed") -> int:
    """Return a panel seed: an integer from 0 to :data:`MAX_SEED`."""
    return integer(name, value, low=0, high=MAX_SEED)


def _same_kind(value: object, option: object) -> bool:
    """Whether ``value`` may stand for ``option``: ``True`` is not 1, and ``2.0`` is not 2."""
    if isinstance(option, bool) or isinstance(value, bool):
        return isinstance(option, bool) and isinstance(value, bool)
    if isinstance(option, numbers.Integral):
        return isinstance(value, numbers.Integral)
    return True


def choice(name: str, value: object, options: Sequence[T]) -> T:
    """Return the option of ``options`` equal to ``value`` and of its kind, or raise.

    Equal means ``==``, except that a bool matches only a bool and an integer option only an
    integer: ``True`` for 1, or ``2.0`` for 2, raise a TypeError. A float option takes an integer.
    """
    allowed = f"one of {', '.join(map(repr, options))}"
    for option in options:
        try:
            if option == value:
                if not _same_kind(value, option):
                    raise InvalidTypeError(name, value, allowed)
                return option
        except (TypeError, ValueError) as error:  # incomparable values, or arrays
            if isinstance(error, InvalidTypeError):
                raise
    raise InvalidValueError(name, value, allowed)


_RNG_ALLOWED = "None, a non-negative integer seed or a numpy.random.Generator"


def rng(value: object, name: str = "rng") -> np.random.Generator:
    """Return a ``numpy.random.Generator`` from ``None``, a non-negative int or a Generator.

    Everything stochastic in qwidgets takes its randomness this way (Scientific Python SPEC 7);
    an int always gives the same Generator, ``None`` a fresh one from the operating system.
    """
    if value is None:
        return np.random.default_rng()
    if isinstance(value, np.random.Generator):
        return value
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InvalidTypeError(name, value, _RNG_ALLOWED)
    if value < 0:
        raise InvalidValueError(name, value, _RNG_ALLOWED)
    return np.random.default_rng(int(value))


_QUBIT = "a qubit ket or density matrix (a qutip.Qobj with dims [[2], [1]] or [[2], [2]])"


def qubit_state(name: str, value: Any) -> qutip.Qobj:
    """Return ``value`` if it is a valid qubit ket or density matrix, or raise naming ``name``.

    See :func:`quantum_state` for what is checked.
    """
    return quantum_state(name, value, dims=([[2], [1]], [[2], [2]]), allowed=_QUBIT)


def quantum_state(name: str, value: Any, *, dims: Sequence[list], allowed: str) -> qutip.Qobj:
    """Return ``value`` if it is a valid ket or density matrix with one of ``dims``, or raise.

    A ket must have norm 1 and a density matrix trace 1 (within :data:`NORM_TOLERANCE`); a
    density matrix must be Hermitian within QuTiP's own tolerance (``qutip.settings.core
    ["atol"]``) and have no negative eigenvalue. NaN or infinite entries are refused.
    ``allowed`` describes the valid states in the error message.
    """
    if not isinstance(value, qutip.Qobj):
        raise InvalidTypeError(name, value, allowed)
    if value.dims not in dims:
        raise InvalidValueError(name, f"a Qobj with dims {value.dims}", allowed)
    matrix = value.full()
    if not np.all(np.isfinite(matrix)):
        raise InvalidValueError(name, "a Qobj with NaN or infinite entries", "a state with finite entries")
    if value.isket:
        size = float(np.linalg.norm(matrix))
        if abs(size - 1) > NORM_TOLERANCE:
            raise InvalidValueError(name, f"a ket of norm {size:.6g}", "normalised (norm 1)")
        return value
    atol = qutip.settings.core["atol"]
    skew = float(np.max(np.abs(matrix - matrix.conj().T)))
    if skew > atol:
        raise InvalidValueError(
            name, f"a Qobj off Hermitian by {skew:.2g}", f"a density matrix (Hermitian within {atol:g})"
        )
    trace = float(np.trace(matrix).real)
    if abs(trace - 1) > NORM_TOLERANCE:
        raise InvalidValueError(name, f"a Qobj of trace {trace:.6g}", "a density matrix (trace 1)")
    lowest = float(np.linalg.eigvalsh(matrix)[0])
    if lowest < -NORM_TOLERANCE:
        raise InvalidValueError(
            name, f"a Qobj with eigenvalue {lowest:.6g}", "a density matrix (no negative eigenvalues)"
        )
    return value
