"""Exercise checks that explain mistakes, and the registry of exercises.

A check never raises inside a student's notebook: whatever the answer, it returns a
:class:`Feedback` that says what is right or wrong and gives a hint, or, while the answer is
still the placeholder ``None``, that it waits for one. Jupyter shows it when the check is the
last line of a cell.

Every exercise is registered as an :class:`Exercise`, so that a grader (nbgrader) can be
generated from the registry: a solution cell assigning ``answer_name``, and a test cell calling
:func:`assert_correct`. An exercise may declare :class:`~qwidgets.exercises.variants.Parameter` s:
then each student named by the environment gets their own numbers (:func:`variant`), and the
check judges the answer against them. Checks compute their truth from :mod:`qwidgets.physics`;
the reference solutions are not in this package at all but on the grader's side
(``grading/qwidgets_grading`` in the course's repository), so nothing a student can import hands
over a graded answer.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from qwidgets.errors import excerpt
from qwidgets.exercises.variants import Parameter, Variant, current_student, draw

__all__ = [
    "EXERCISES",
    "NUMBERS_NOTE",
    "Exercise",
    "Feedback",
    "Verdict",
    "assert_correct",
    "correct",
    "exercise",
    "get_exercise",
    "variant",
    "wrong",
]

Status = Literal["correct", "wrong", "unanswered"]
NUMBERS_NOTE = "\n(Judged with your numbers: "
"""Where the text of a :class:`Feedback` names the student's own numbers, after the hint."""
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
    numbers : str
        The student's own numbers the answer was judged against (empty for the lesson's numbers).
    """

    exercise: str
    status: Status
    message: str
    hint: str = ""
    numbers: str = ""

    @property
    def correct(self) -> bool:
        """Whether the answer is right (``False`` when wrong or not answered yet)."""
        return self.status == "correct"

    def __bool__(self) -> bool:
        return self.correct

    def __str__(self) -> str:
        hint = f"\nHint: {self.hint}" if self.hint else ""
        numbers = f"{NUMBERS_NOTE}{self.numbers}.)" if self.numbers else ""
        return f"{_LOOK[self.status][2]} {self.message}{hint}{numbers}"

    def _repr_html_(self) -> str:
        colour, symbol, verdict = _LOOK[self.status]
        hint = f"<br><i>Hint:</i> {html.escape(self.hint)}" if self.hint else ""
        numbers = (
            f"<br><small>Judged with your numbers: {html.escape(self.numbers)}.</small>"
            if self.numbers
            else ""
        )
        return (
            f"<div role='status' style='border-left:4px solid {colour};padding:4px 8px'>"
            f"<b style='color:{colour}'>{symbol}</b> <b>{verdict}</b> {html.escape(self.message)}{hint}"
            f"{numbers}</div>"
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
        The public check: ``check(answer, *, student=None)`` returns :class:`Feedback` and never
        raises; it judges against the variant of ``student`` (by default the environment's).
    params : tuple of Parameter
        The numbers that vary from student to student; empty when everyone gets the same question.
    """

    id: str
    lesson: str
    answer_name: str
    points: int
    check: Callable[..., Feedback]
    params: tuple[Parameter, ...] = ()

    def variant(self, student: str | None = None) -> Variant:
        """The numbers of ``student``; see :func:`variant`."""
        return draw(self.id, self.params, current_student() if student is None else student)


EXERCISES: dict[str, Exercise] = {}
"""Every registered exercise by id, in the order the lessons ask them."""


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
    id: str, *, lesson: str, answer_name: str, points: int = 1, params: Sequence[Parameter] = ()
) -> Callable[[Callable[..., Verdict]], Callable[..., Feedback]]:
    """Register a check body as an exercise and return the public, never-raising check.

    The body returns :func:`correct` or :func:`wrong`; it may raise ``TypeError`` or
    ``ValueError`` on an answer it cannot read, which becomes feedback saying so with the first
    line of the body's docstring (the form of the answer) as the hint. The placeholder ``None``
    never reaches the body: it gets a neutral "waiting for your answer" with the same hint.

    With ``params``, the body takes them as keywords, ``body(answer, theta=...)``, and the check
    passes the student's own values (:func:`variant`). The public check takes an optional
    keyword ``student``: ``None`` (the default) for the student the environment names, ``""`` for
    the lesson's own numbers.
    """
    params = tuple(params)
    if not all(isinstance(p, Parameter) for p in params):
        raise TypeError(f"params of {id!r} must be Parameter objects; got {params!r}")

    def register(body: Callable[..., Verdict]) -> Callable[..., Feedback]:
        form = _form_hint(body)

        @functools.wraps(body)
        def check(answer: Any, *, student: str | None = None) -> Feedback:
            numbers = draw(id, params, current_student() if student is None else student)
            shown = numbers.describe() if numbers.student is not None else ""
            if answer is None:
                return Feedback(
                    id,
                    "unanswered",
                    "The answer is still the placeholder None: replace None with your answer "
                    "and run the cell again.",
                    form,
                    shown,
                )
            try:
                ok, message, hint = body(answer, **numbers.as_dict())
            except (ArithmeticError, TypeError, ValueError, LookupError) as exc:
                ok, hint = False, form
                message = _sentence(f"I could not read your answer {excerpt(answer)}: {_shorten(exc)}")
            except Exception as exc:  # noqa: BLE001 - a check never raises in a student's notebook
                ok, hint = False, f"{form} {_BUG}"
                message = f"The check failed on {excerpt(answer)} ({type(exc).__name__}: {_shorten(exc)})."
            if not ok and shown:
                message, hint = _someone_elses(body, answer, numbers, message) or (message, hint)
            return Feedback(id, "correct" if ok else "wrong", message, hint, shown)

        existing = EXERCISES.get(id)
        _claim(id, body, existing.check if existing else None)
        EXERCISES[id] = Exercise(id, lesson, answer_name, points, check, params)
        return check

    return register


def _someone_elses(
    body: Callable[..., Verdict], answer: Any, numbers: Variant, verdict: str
) -> tuple[str, str] | None:
    """If ``answer`` is right for numbers other than the student's, say whose, then the check's ``verdict``.

    The same value may be a copied answer or a mistake the check names with the student's own
    numbers: the feedback says both, the copy first.
    """
    for other in numbers.others():
        try:
            right_there = body(answer, **other.as_dict()).correct
        except Exception:  # noqa: BLE001 - an answer the body cannot read for other numbers is just wrong
            continue
        if right_there:
            whose = "the lesson's numbers" if other.student is None else "another student's numbers"
            return (
                f"That is the answer for {whose}, not yours. It is right for {other.describe()}; "
                f"yours are {numbers.describe()}. With your numbers: {verdict}",
                f"Work it out again with your own numbers: variant({numbers.exercise!r}) shows them.",
            )
    return None


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


def get_exercise(exercise_id: str) -> Exercise:
    """The registered exercise with that id.

    Raises
    ------
    KeyError
        If no exercise has that id; the message lists the valid ids.
    """
    try:
        return EXERCISES[exercise_id]
    except (KeyError, TypeError):
        raise KeyError(
            f"exercise_id must be one of {sorted(EXERCISES)}; got {excerpt(exercise_id)}"
        ) from None


def variant(exercise_id: str, student: str | None = None) -> Variant:
    """Your numbers for an exercise: show it in the notebook, read them as ``p.theta``.

    Parameters
    ----------
    exercise_id : str
        Id of the exercise.
    student : str, optional
        Whose numbers: by default the student the environment names (``QWIDGETS_STUDENT`` or
        JupyterHub's ``JUPYTERHUB_USER``), and the lesson's own numbers when it names nobody;
        ``""`` for the lesson's numbers.
    """
    return get_exercise(exercise_id).variant(student)


def assert_correct(exercise_id: str, answer: Any, student: str | None = None) -> None:
    """Raise ``AssertionError`` with the feedback unless ``answer`` is right (for graders).

    An unanswered exercise (the placeholder ``None``) fails too. ``student`` chooses the variant
    the answer is judged against, as in :func:`variant`.
    """
    feedback = get_exercise(exercise_id).check(answer, student=student)
    if not feedback.correct:
        raise AssertionError(str(feedback))
