"""Errors raised by qwidgets.

Every error is a :class:`QWidgetsError` and also a built-in ``ValueError`` or ``TypeError``, so
callers can catch whichever they prefer. Messages name the parameter, the value received, what
is allowed and its unit, e.g. ``theta must be a number from 0 to 3.14159 rad; got 4.0``.
"""

from __future__ import annotations

import math
import reprlib

import numpy as np

__all__ = [
    "ActionRefusedError",
    "InvalidTypeError",
    "InvalidValueError",
    "QWidgetsError",
    "UnknownKeywordError",
    "excerpt",
]

_SHORT = reprlib.Repr()
_SHORT.maxstring = 40
_SHORT.maxother = 40
_SHORT.maxlong = 24
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxset = _SHORT.maxdict = 6


def excerpt(value: object, limit: int = 60) -> str:
    """Return a short ``repr`` of ``value`` (at most ``limit`` characters) that never raises.

    Used wherever a message quotes what it received: a huge integer, a long list or an object
    whose ``__repr__`` fails must not make the message itself fail or flood the screen.
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"an integer of about {round(value.bit_length() * math.log10(2))} digits"
    try:
        if isinstance(value, np.generic):  # np.float32(-0.5) reads as -0.5
            value = value.item()
        text = _SHORT.repr(value)
    except Exception:  # noqa: BLE001 - any failing __repr__ (or int-to-str limit) ends up here
        text = f"<{type(value).__name__} object>"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _with_unit(allowed: str, unit: str) -> str:
    return f"{allowed} {unit}" if unit and not allowed.endswith(unit) else allowed


class QWidgetsError(Exception):
    """Base class of every error raised by qwidgets."""


class InvalidValueError(QWidgetsError, ValueError):
    """A parameter has the right type but a value outside its valid range.

    Parameters
    ----------
    name : str
        The parameter, as the caller wrote it.
    value : object
        What was received (quoted as a short excerpt).
    allowed : str
        What is allowed, e.g. ``"a number from 0 to 1"``.
    unit : str
        Unit of the allowed range (``"rad"``, ``"km"``, ``"dB"``, ``"s"``, ``"Hz"``), if any.
    """

    def __init__(self, name: str, value: object, allowed: str, unit: str = "") -> None:
        self.name = name
        self.value = value
        self.allowed = _with_unit(allowed, unit)
        self.unit = unit
        super().__init__(f"{name} must be {self.allowed}; got {excerpt(value)}")


class InvalidTypeError(QWidgetsError, TypeError):
    """A parameter has the wrong type (same parameters as :class:`InvalidValueError`)."""

    def __init__(self, name: str, value: object, allowed: str, unit: str = "") -> None:
        self.name = name
        self.value = value
        self.allowed = _with_unit(allowed, unit)
        self.unit = unit
        super().__init__(f"{name} must be {self.allowed}; got {type(value).__name__} {excerpt(value)}")


class UnknownKeywordError(QWidgetsError, TypeError):
    """A keyword argument that the callee does not take; the message lists those it does."""

    def __init__(self, owner: str, keyword: str, accepted: tuple[str, ...]) -> None:
        self.keyword = keyword
        self.accepted = accepted
        super().__init__(
            f"{owner} got an unexpected keyword {keyword!r}; it takes {', '.join(accepted) or 'none'}"
        )


class ActionRefusedError(QWidgetsError, ValueError):
    """A panel button was pressed while one of the panel's inputs holds an invalid value."""

    def __init__(self, action: str, reason: Exception) -> None:
        self.action = action
        self.reason = reason
        super().__init__(f"{action} waits until every input is valid: {reason}")
