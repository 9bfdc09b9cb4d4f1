"""Exercise checks that explain mistakes, and the registry of exercises.

A check never raises inside a student's notebook: whatever the answer, it returns a
:class:`Feedback` that says what is right or wrong and gives a hint, or, while the answer is
still the placeholder ``None``, that it waits for one. Jupyter shows it when the check is the
last line of a cell.

Every exercise is registered as an :class:`Exercise`, so that a grader (nbgrader) can be
generated from the registry: a solution cell assigning ``answer_name``, and a test cell calling
:func:`assert_correct`. Reference solutions live apart, in :mod:`qwidgets.exercises.solutions`
(one module per lesson, each answer marked with :func:`solution`), and are imported only by
:func:`reference_solution`: checks compute their truth from :mod:`qwidgets.physics`, so a graded
release can ship without the solutions package.
"""

from __future__ import annotations

import functools
import html
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from qwidgets.errors import excerpt

__all__ = [
    "EXERCISES",
    "SOLUTIONS_PACKAGE",
    "Exercise",
    "Feedback",
    "Verdict",
    "assert_correct",
    "correct",
    "exercise",
    "reference_solution",
    "solution",
    "wrong",
]

Status = Literal["correct", "wrong", "unanswered"]
SOLUTIONS_PACKAGE = "qwidgets.exercises.solutions"
"""The package of reference solutions, absent from a graded release."""
_BUG = "If your answer has that form, this is a bug in the course: please report it."
_MAX_MESSAGE = 300  # characters of an unexpected error's text quoted in feedback
_LOOK = {  # status: (colour, symbol, verdict); Okabe-Ito colours, grey for "not answered yet"
    "correct": ("#009E73", "&#10004;", "Correct!"),
    "wrong": ("#D55E00", "&#10008;", "Not yet."),
    "unanswered": ("#767676", "&#9675;", "Waiting for your answer."),
}


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer.

    Attributes
    ----------
    exercise : str
        Id of the exercise.
    status : {"correct", "wrong", "unanswered"}
        ``"unanswered"`` while the answer is still the placeholder ``None``.
    message : str
        What is right or wrong about the answer.
    hint : str
        A nudge towards the answer, or what to write (empty when correct).
    """

    exercise: str
    status: Status
    message: str
    hint: str = ""

    @property
    def correct(self) -> bool:
        """Whether the answer is right (``False`` when wrong or not answered yet)."""
        return self.status == "correct"

    def __bool__(self) -> bool:
        return self.correct

    def __str__(self) -> str:
        hint = f"\nHint: {self.hint}" if self.hint else ""
        return f"{_LOOK[self.status][2]} {self.message}{hint}"

    def _repr_html_(self) -> str:
        colour, symbol, verdict = _LOOK[self.status]
        hint = f"<br><i>Hint:</i> {html.escape(self.hint)}" if self.hint else ""
        return (
            f"<div role='status' style='border-left:4px solid {colour};padding:4px 8px'>"
            f"<b style='color:{colour}'>{symbol}</b> <b>{verdict}</b> {html.escape(self.message)}{hint}</div>"
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))


class Verdict(NamedTuple):
    """What a check body returns: made by :func:`correct` or :func:`wrong`."""

    correct: bool
    message: str
    hint: str


def correct(message: str) -> Verdict:
    """Verdict for a right answer, returned by a check body."""
    return Verdict(True, message, "")


def wrong(message: str, hint: str) -> Verdict:
    """Verdict for a wrong answer: what is wrong, and a hint."""
    return Verdict(False, message, hint)


@dataclass(frozen=True)
class Exercise:
    """An exercise: its check and what a grader needs.

    Attributes
    ----------
    id : str
        Stable identifier, e.g. ``"qubits.minus_angles"``.
    lesson : str
        Notebook stem of the lesson that asks it, e.g. ``"01_qubits"``.
    answer_name : str
        Variable the student assigns the answer to.
    points : int
        Points when graded.
    check : callable
        The public check: takes the answer, returns :class:`Feedback`, never raises.
    """

    id: str
    lesson: str
    answer_name: str
    points: int
    check: Callable[[Any], Feedback]


EXERCISES: dict[str, Exercise] = {}
"""Every registered exercise by id, in the order the lessons ask them."""
_SOLUTIONS: dict[str, Callable[[], Any]] = {}


def _claim(key: str, function: Callable, owner: Callable | None) -> None:
    """Refuse ``key`` if ``owner``, the function registered under it, is not ``function`` reloaded.

    Registering again from the same module and function name replaces the entry, so that
    ``importlib.reload`` and IPython's ``%autoreload`` work; another function taking the id
    is a mistake.
    """
    if owner is not None and (owner.__module__, owner.__qualname__) != (
        function.__module__,
        function.__qualname__,
    ):
        raise ValueError(
            f"{key!r} is registered twice: by {owner.__module__}.{owner.__qualname__} "
            f"and by {function.__module__}.{function.__qualname__}"
        )


def exercise(
    id: str, *, lesson: str, answer_name: str, points: int = 1
) -> Callable[[Callable[[Any], Verdict]], Callable[[Any], Feedback]]:
    """Register a check body as an exercise and return the public, never-raising check.

    The body returns :func:`correct` or :func:`wrong`; it may raise ``TypeError`` or
    ``ValueError`` on an answer it cannot read, which becomes feedback saying so with the first
    line of the body's docstring (the form of the answer) as the hint. The placeholder ``None``
    never reaches the body: it gets a neutral "waiting for your answer" with the same hint.
    """

    def register(body: Callable[[Any], Verdict]) -> Callable[[Any], Feedback]:
        form = _form_hint(body)

        @functools.wraps(body)
        def check(answer: Any) -> Feedback:
            if answer is None:
                return Feedback(
                    id,
                    "unanswered",
                    "The answer is still the placeholder None: replace None with your answer "
                    "and run the cell again.",
                    form,
                )
            try:
                ok, message, hint = body(answer)
            except (ArithmeticError, TypeError, ValueError, LookupError) as exc:
                ok, hint = False, form
                message = _sentence(f"I could not read your answer {excerpt(answer)}: {_shorten(exc)}")
            except Exception as exc:  # noqa: BLE001 - a check never raises in a student's notebook
                ok, hint = False, f"{form} {_BUG}"
                message = f"The check failed on {excerpt(answer)} ({type(exc).__name__}: {_shorten(exc)})."
            return Feedback(id, "correct" if ok else "wrong", message, hint)

        existing = EXERCISES.get(id)
        _claim(id, body, existing.check if existing else None)
        EXERCISES[id] = Exercise(id, lesson, answer_name, points, check)
        return check

    return register


def solution(exercise_id: str) -> Callable[[Callable[[], Any]], Callable[[], Any]]:
    """Mark a function of :mod:`qwidgets.exercises.solutions` as the reference answer of an exercise.

    The function takes no argument and returns the answer a student would assign to the
    exercise's ``answer_name``. The exercise must be registered already.
    """
    _get(exercise_id)

    def attach(function: Callable[[], Any]) -> Callable[[], Any]:
        _claim(exercise_id, function, _SOLUTIONS.get(exercise_id))
        _SOLUTIONS[exercise_id] = function
        return function

    return attach


def _form_hint(body: Callable) -> str:
    """The first line of a check's docstring: the form its answer takes."""
    return (body.__doc__ or "Check the form of the answer the exercise asks for.").strip().splitlines()[0]


def _sentence(text: str) -> str:
    """``text`` ending with a full stop, unless it ends with one already (or ``?``, ``!``)."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _shorten(exc: BaseException) -> str:
    """The text of an error, cut to a few lines; never raises."""
    try:
        text = str(exc)
    except Exception:  # noqa: BLE001 - an answer may raise an error whose text fails
        text = type(exc).__name__
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 3] + "..."


def _get(exercise_id: str) -> Exercise:
    try:
        return EXERCISES[exercise_id]
    except (KeyError, TypeError):
        raise KeyError(
            f"exercise_id must be one of {sorted(EXERCISES)}; got {excerpt(exercise_id)}"
        ) from None


def reference_solution(exercise_id: str) -> Any:
    """Return the reference answer of an exercise (for teachers and tests).

    Raises
    ------
    KeyError
        If no exercise has that id.
    LookupError
        If the solutions package is not installed (a graded release), or holds no solution for
        the exercise.
    """
    _get(exercise_id)
    try:
        importlib.import_module(SOLUTIONS_PACKAGE)
    except ModuleNotFoundError as exc:
        if exc.name != SOLUTIONS_PACKAGE:
            raise
        raise LookupError(
            f"the reference solutions are not installed: this release of qwidgets ships without "
            f"{SOLUTIONS_PACKAGE}, so that students cannot read them"
        ) from None
    if exercise_id not in _SOLUTIONS:
        raise LookupError(
            f"exercise {exercise_id!r} has no reference solution; add one to the lesson's module in "
            f"{SOLUTIONS_PACKAGE}, marked @solution({exercise_id!r})"
        )
    return _SOLUTIONS[exercise_id]()


def assert_correct(exercise_id: str, answer: Any) -> None:
    """Raise ``AssertionError`` with the feedback unless ``answer`` is right (for graders).

    An unanswered exercise (the placeholder ``None``) fails too.
    """
    feedback = _get(exercise_id).check(answer)
    if not feedback.correct:
        raise AssertionError(str(feedback))
