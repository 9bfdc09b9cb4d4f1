"""Test support for per-student variants: students who draw given numbers, and how each is judged."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from qwidgets.exercises.core import Feedback, get_exercise
from qwidgets.testing.feedback import assert_explains

__all__ = ["assert_judged_with_own_numbers", "assert_variant_judged", "student_for", "student_with"]

_TRIES = 100_000


def student_with(exercise_id: str, **values: Any) -> str:
    """The first id ``student-0``, ``student-1``, ... whose variant of the exercise has ``values``.

    With no ``values``, any named student. ``""`` (the lesson's own numbers) is never returned:
    see :func:`student_for`.

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


def student_for(exercise_id: str, **values: Any) -> str:
    """``""`` for the lesson's own numbers (no named student draws them), else :func:`student_with`."""
    lesson = get_exercise(exercise_id).variant("").as_dict()
    if all(lesson.get(name, object()) == value for name, value in values.items()):
        return ""
    return student_with(exercise_id, **values)


def assert_judged_with_own_numbers(
    check: Callable[..., Feedback],
    student: str,
    truth: Any,
    mistake: Any,
    words: Sequence[str],
    lesson_answer: Any,
    *,
    solution: Any = None,
    rel: float = 1e-9,
) -> None:
    """Assert how ``check`` judges ``student`` (``""``: the lesson's numbers).

    ``truth`` (computed by the test from a closed form) is right; ``mistake`` is wrong and its
    feedback has ``words``; for a named student, ``lesson_answer`` is refused as the answer for
    the lesson's numbers. A ``solution`` (the grader's reference answer for the student) must
    equal ``truth``, within ``rel`` for numbers, and pass.
    """
    if solution is not None:
        same = solution == truth if isinstance(truth, str) else math.isclose(solution, truth, rel_tol=rel)
        assert same, f"the reference solution {solution!r} is not {truth!r}"
        assert check(solution, student=student).correct, str(check(solution, student=student))
    assert check(truth, student=student).correct, str(check(truth, student=student))
    assert_explains(check(mistake, student=student), words)
    if student:
        feedback = check(lesson_answer, student=student)
        assert not feedback.correct and "lesson's numbers" in feedback.message, str(feedback)


def assert_variant_judged(
    exercise_id: str,
    values: dict[str, Any],
    truth: Any,
    mistake: tuple[Any, Sequence[str]],
    lesson_answer: Any,
    *,
    solution_of: Callable[[str, str], Any] | None = None,
) -> None:
    """:func:`assert_judged_with_own_numbers` for the student who draws ``values``.

    One row of a test's table of variants: ``mistake`` is ``(wrong answer, words its feedback
    has)``; ``solution_of(exercise_id, student)``, if given, is the grader's reference solution
    (``qwidgets_grading.reference_solution``, which the installed package cannot import).
    """
    student = student_for(exercise_id, **values)
    wrong_value, words = mistake
    solution = None if solution_of is None else solution_of(exercise_id, student)
    check = get_exercise(exercise_id).check
    assert_judged_with_own_numbers(
        check, student, truth, wrong_value, words, lesson_answer, solution=solution
    )
