"""Results that hold numpy arrays: read-only, and safe to compare.

A frozen dataclass stops attribute assignment but not ``run.bits[0] = 1``, and its generated
``==`` breaks on arrays ("truth value of an array is ambiguous"). :class:`ArrayRecord` fixes
both for the results of sampled runs: every array field is made read-only when the record is
built, and two records are equal when all their fields are, arrays compared element by element
and a NaN figure equal to a NaN figure.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np

__all__ = ["ArrayRecord"]


def _same(a: Any, b: Any) -> bool:
    """Equal values; arrays element by element, and NaN equal to NaN (an empty key's QBER, say)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)):
            return False
        return np.array_equal(a, b, equal_nan=a.dtype.kind == "f" and b.dtype.kind == "f")
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return bool(a == b)


class ArrayRecord:
    """Mixin for ``@dataclass(frozen=True, eq=False)`` results with array fields."""

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if isinstance(value, np.ndarray):
                value.flags.writeable = False

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(_same(getattr(self, f.name), getattr(other, f.name)) for f in dataclasses.fields(self))

    __hash__ = None  # type: ignore[assignment]  # equal records need not hash alike: unhashable
