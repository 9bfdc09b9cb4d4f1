"""Test support for per-student variants: a student id that draws the numbers a test wants."""

from __future__ import annotations

from typing import Any

from qwidgets.exercises.core import get_exercise

__all__ = ["student_with"]

_TRIES = 100_000


def student_with(exercise_id: str, **values: Any) -> str:
    """The first id ``student-0``, ``student-1``, ... whose variant of the exercise has ``values``.

    With no ``values``, any named student. ``""`` (the lesson's own numbers) is never returned:
    ask for it directly.

    Raises
    ------
    ValueError
        If no student among the first 100 000 draws those values (no variant has them).
    """
    entry = get_exercise(exercise_id)
    for i in range(_TRIES):
        student = f"student-{i}"
        drawn = entry.variant(student).as_dict()
        if all(drawn.get(name, object()) == value for name, value in values.items()):
            return student
    raise ValueError(f"no student draws {values} for {exercise_id!r}; its parameters are {entry.params}")
