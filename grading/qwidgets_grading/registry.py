"""The reference solutions by exercise id, and :func:`reference_solution` to ask for one."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from typing import Any

from qwidgets.exercises.core import _claim, get_exercise

__all__ = ["reference_solution", "solution", "solution_function"]

_SOLUTIONS: dict[str, Callable[..., Any]] = {}


def solution(exercise_id: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark a function as the reference answer of an exercise.

    The function returns the answer a student would assign to the exercise's ``answer_name``. It
    takes exactly the exercise's parameters as keywords (none when the exercise has none). The
    exercise must be registered already.

    Raises
    ------
    KeyError
        If no exercise has that id.
    TypeError
        If the function's parameters are not the exercise's.
    """
    names = [p.name for p in get_exercise(exercise_id).params]

    def attach(function: Callable[..., Any]) -> Callable[..., Any]:
        taken = list(inspect.signature(function).parameters)
        if taken != names:
            raise TypeError(
                f"the solution of {exercise_id!r} must take the exercise's parameters {names}; "
                f"{function.__qualname__} takes {taken}"
            )
        _claim(exercise_id, function, _SOLUTIONS.get(exercise_id))
        _SOLUTIONS[exercise_id] = function
        return function

    return attach


def reference_solution(exercise_id: str, student: str | None = None) -> Any:
    """The right answer of an exercise, for ``student`` 's numbers.

    Parameters
    ----------
    exercise_id : str
        Id of the exercise.
    student : str, optional
        Whose variant, as in :func:`qwidgets.exercises.variant`: by default the student the
        environment names, ``""`` for the lesson's own numbers.

    Raises
    ------
    KeyError
        If no exercise has that id.
    LookupError
        If the exercise has no reference solution.
    """
    numbers = get_exercise(exercise_id).variant(student)
    return solution_function(exercise_id)(**numbers.as_dict())


def solution_function(exercise_id: str) -> Callable[..., Any]:
    """The function marked ``@solution(exercise_id)``; its docstring explains the answer.

    Raises
    ------
    KeyError
        If no exercise has that id.
    LookupError
        If the exercise has no reference solution.
    """
    get_exercise(exercise_id)
    importlib.import_module("qwidgets_grading.solutions")
    if exercise_id not in _SOLUTIONS:
        raise LookupError(
            f"exercise {exercise_id!r} has no reference solution; add one to the lesson's module in "
            f"qwidgets_grading.solutions, marked @solution({exercise_id!r})"
        )
    return _SOLUTIONS[exercise_id]
