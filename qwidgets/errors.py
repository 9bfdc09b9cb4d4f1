"""Errors raised by qwidgets.

Every error is a :class:`QWidgetsError` and also a built-in ``ValueError`` or ``TypeError``, so
callers can catch whichever they prefer. Messages name the parameter, the value received and
what is allowed.
"""

from __future__ import annotations

__all__ = ["InvalidTypeError", "InvalidValueError", "QWidgetsError"]


class QWidgetsError(Exception):
    """Base class of every error raised by qwidgets."""


class InvalidValueError(QWidgetsError, ValueError):
    """A parameter has the right type but a value outside its valid range."""

    def __init__(self, name: str, value: object, allowed: str) -> None:
        self.name = name
        self.value = value
        self.allowed = allowed
        super().__init__(f"{name} must be {allowed}; got {value!r}")


class InvalidTypeError(QWidgetsError, TypeError):
    """A parameter has the wrong type."""

    def __init__(self, name: str, value: object, allowed: str) -> None:
        self.name = name
        self.value = value
        self.allowed = allowed
        super().__init__(f"{name} must be {allowed}; got {type(value).__name__} {value!r}")
