"""Argument checks shared by the physics models; each raises a named, explained error."""

from __future__ import annotations

import math
import numbers

import numpy as np
import qutip

from qwidgets.errors import InvalidTypeError, InvalidValueError

_NORM_TOLERANCE = 1e-6


def real_number(name: str, value: object) -> float:
    """Return ``value`` as a finite float, or raise naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidTypeError(name, value, "a real number (radians)")
    result = float(value)
    if not math.isfinite(result):
        raise InvalidValueError(name, value, "a finite real number (radians)")
    return result


def count(name: str, value: object, *, low: int, high: int) -> int:
    """Return ``value`` as an int in ``[low, high]``, or raise naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InvalidTypeError(name, value, f"an integer from {low} to {high:,}")
    if not low <= value <= high:
        raise InvalidValueError(name, value, f"an integer from {low} to {high:,}")
    return int(value)


def qubit_state(name: str, state: object) -> qutip.Qobj:
    """Return ``state`` if it is a qubit ket or density matrix, or raise naming ``name``."""
    allowed = "a qubit ket or density matrix (a qutip.Qobj with dims [[2], [1]] or [[2], [2]])"
    if not isinstance(state, qutip.Qobj):
        raise InvalidTypeError(name, state, allowed)
    if state.dims not in ([[2], [1]], [[2], [2]]):
        raise InvalidValueError(name, f"Qobj with dims {state.dims}", allowed)
    size = state.norm() if state.isket else state.tr().real
    if abs(size - 1) > _NORM_TOLERANCE:
        what = "norm" if state.isket else "trace"
        raise InvalidValueError(name, f"Qobj with {what} {size:.6g}", f"normalised ({what} 1)")
    if state.isoper:
        matrix = state.full()
        if not np.allclose(matrix, matrix.conj().T, atol=_NORM_TOLERANCE):
            raise InvalidValueError(name, "a non-Hermitian Qobj", "a density matrix (Hermitian)")
        lowest = float(np.linalg.eigvalsh(matrix)[0])
        if lowest < -_NORM_TOLERANCE:
            raise InvalidValueError(
                name, f"Qobj with eigenvalue {lowest:.6g}", "a density matrix (no negative eigenvalues)"
            )
    return state
