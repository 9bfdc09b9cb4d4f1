"""Exercise checks that explain mistakes, and the registry of exercises with their solutions.

A check never raises inside a student's notebook: whatever the answer, it returns a
:class:`Feedback` that says what is right or wrong and gives a hint. Jupyter shows it when the
check is the last line of a cell.

Every exercise is registered as an :class:`Exercise` with its reference solution, so that
tests prove each solution passes its own check and a grader (nbgrader) can be generated from
the same registry: a solution cell assigning ``answer_name``, and a test cell calling
:func:`assert_correct`.
"""

from __future__ import annotations

import functools
import html
import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = [
    "EXERCISES",
    "Exercise",
    "Feedback",
    "assert_correct",
    "correct",
    "exercise",
    "reference_solution",
    "wrong",
]


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer.

    Attributes
    ----------
    exercise : str
        Id of the exercise.
    correct : bool
        Whether the answer is right.
    message : str
        What is right or wrong about it.
    hint : str
        A nudge towards the answer (empty when correct).
    """

    exercise: str
    correct: bool
    message: str
    hint: str = ""

    def __bool__(self) -> bool:
        return self.correct

    def __str__(self) -> str:
        verdict = "Correct!" if self.correct else "Not yet."
        hint = f"\nHint: {self.hint}" if self.hint else ""
        return f"{verdict} {self.message}{hint}"

    def _repr_html_(self) -> str:
        colour, verdict = (
            ("#009E73", "&#10004; Correct!") if self.correct else ("#D55E00", "&#10008; Not yet.")
        )
        hint = f"<br><i>Hint:</i> {html.escape(self.hint)}" if self.hint else ""
        return (
            f"<div role='status' style='border-left:4px solid {colour};padding:4px 8px'>"
            f"<b>{verdict}</b> {html.escape(self.message)}{hint}</div>"
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))


def correct(message: str) -> tuple[bool, str, str]:
    """Verdict for a right answer, returned by a check body."""
    return True, message, ""


def wrong(message: str, hint: str) -> tuple[bool, str, str]:
    """Verdict for a wrong answer: what is wrong, and a hint."""
    return False, message, hint


@dataclass(frozen=True)
class Exercise:
    """An exercise: its check, its reference solution and what a grader needs.

    Attributes
    ----------
    id : str
        Stable identifier, e.g. ``"qubits.minus_state_angles"``.
    lesson : str
        Notebook stem of the lesson that asks it, e.g. ``"01_qubits"``.
    answer_name : str
        Variable the student assigns the answer to.
    points : int
        Points when graded.
    check : callable
        The public check: takes the answer, returns :class:`Feedback`, never raises.
    solution : callable
        Returns the reference answer.
    """

    id: str
    lesson: str
    answer_name: str
    points: int
    check: Callable[[Any], Feedback]
    solution: Callable[[], Any]


EXERCISES: dict[str, Exercise] = {}
"""Every registered exercise by id, in the order the lessons ask them."""


def exercise(
    id: str, *, lesson: str, answer_name: str, solution: Callable[[], Any], points: int = 1
) -> Callable[[Callable[[Any], tuple[bool, str, str]]], Callable[[Any], Feedback]]:
    """Register a check body as an exercise and return the public, never-raising check.

    The body returns :func:`correct` or :func:`wrong`; it may raise ``TypeError`` or
    ``ValueError`` on an answer it cannot read, which becomes feedback saying so.
    """

    def register(body: Callable[[Any], tuple[bool, str, str]]) -> Callable[[Any], Feedback]:
        @functools.wraps(body)
        def check(answer: Any) -> Feedback:
            try:
                ok, message, hint = body(answer)
            except (ArithmeticError, TypeError, ValueError, LookupError) as exc:
                ok, message = False, f"I could not read your answer {answer!r}: {exc}."
                hint = _form_hint(body)
            except Exception as exc:  # noqa: BLE001 - a check never raises in a student's notebook
                ok, message = False, f"The check itself failed ({type(exc).__name__}: {exc})."
                hint = "This is a bug in the course, not in your answer: please report it."
            return Feedback(id, ok, message, hint)

        if id in EXERCISES:
            raise ValueError(f"exercise id {id!r} is registered twice")
        EXERCISES[id] = Exercise(id, lesson, answer_name, points, check, solution)
        return check

    return register


def _form_hint(body: Callable) -> str:
    """The first line of a check's docstring: the form its answer takes."""
    return (body.__doc__ or "Check the form of the answer the exercise asks for.").strip().splitlines()[0]


def _get(exercise_id: str) -> Exercise:
    try:
        return EXERCISES[exercise_id]
    except KeyError:
        raise KeyError(f"exercise_id must be one of {sorted(EXERCISES)}; got {exercise_id!r}") from None


def reference_solution(exercise_id: str) -> Any:
    """Return the reference answer of an exercise (for teachers and tests)."""
    return _get(exercise_id).solution()


def assert_correct(exercise_id: str, answer: Any) -> None:
    """Raise ``AssertionError`` with the feedback unless ``answer`` passes (for graders)."""
    feedback = _get(exercise_id).check(answer)
    if not feedback.correct:
        raise AssertionError(str(feedback))


def real(value: Any, what: str) -> float:
    """Read ``value`` as a finite real number, or raise ``TypeError`` saying it is ``what``."""
    message = f"{what} should be a finite number such as 0.5 or math.pi / 4"
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(message)
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float
        raise TypeError(f"{what} is far too large; give a number such as 0.5 or math.pi / 4") from None
    if not math.isfinite(number):
        raise TypeError(message)
    return number
