"""The per-class table of misconceptions, read from nbgrader's autograded notebooks.

After ``nbgrader autograde``, :func:`class_table` reads every student's autograded notebook of an
assignment and counts, for each exercise, the students who were right, those who left it
unanswered, and those who made each distinct mistake. A mistake is the first sentence of the
check's feedback message: the checks name the misconception there ("90 is in degrees", "0.25
squares once too often"). Where students have numbers of their own, the numbers in that sentence
are masked (:func:`mistake_label`), so that one mistake made with different numbers is one row.

How a student's answer is read, without running the student's code: the answer cell's source is
parsed and the last assignment to the answer variable is read with :func:`ast.literal_eval`; the
exercise's check is re-run on it. The autograder's verdict stays authoritative: where the source
does not hold a literal (``np.pi / 2``, an answer computed in another cell) or the re-run check
disagrees with the grade, the feedback is the one the hidden test raised while autograding, stored
in the test cell's output (``assert_correct`` raises ``AssertionError`` with the feedback's text).
"""

from __future__ import annotations

import ast
import csv
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from qwidgets.classroom.assignments import autograder_grade_id, solution_grade_id
from qwidgets.exercises.core import EXERCISES, NUMBERS_NOTE, Exercise, Feedback, Status

__all__ = [
    "CSV_FIELDS",
    "ExerciseTally",
    "class_table",
    "first_sentence",
    "mistake_label",
    "student_feedback",
    "table_text",
    "write_csv",
]

_STATUSES: tuple[Status, ...] = ("correct", "wrong", "unanswered")
_VERDICTS = {str(Feedback("", status, "")): status for status in _STATUSES}  # e.g. "Not yet. " -> "wrong"
_HINT = "\nHint: "
_MASK = "…"
_PI_FRACTION = re.compile(r"[-−]?\d*π(?:/\d+)?")
_NUMBER = re.compile(r"(?<![|\w.])[-−]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![⟩\w])")
_UNREAD = object()
CSV_FIELDS = ("exercise", "outcome", "mistake", "students")


@dataclass(frozen=True)
class ExerciseTally:
    """How a class did on one exercise.

    Attributes
    ----------
    exercise : str
        Id of the exercise.
    right, unanswered : int
        Students whose answer was right, and students who left the placeholder ``None``.
    mistakes : collections.Counter
        Students per mistake (the first sentence of the feedback), most common first.
    """

    exercise: str
    right: int = 0
    unanswered: int = 0
    mistakes: Counter[str] = field(default_factory=Counter)

    @property
    def students(self) -> int:
        """Students counted."""
        return self.right + self.unanswered + sum(self.mistakes.values())


def mistake_label(feedback: Feedback, entry: Exercise) -> str:
    """The row a wrong answer counts in: its feedback's first sentence, numbers masked if they vary.

    ``"0.500 is cos θ = ⟨Z⟩, ..."`` and ``"0.809 is cos θ = ⟨Z⟩, ..."`` (one mistake, two
    students' numbers) both become ``"… is cos θ = ⟨Z⟩, ..."``; kets such as ``|0⟩`` are kept.
    """
    label = first_sentence(feedback.message)
    if entry.params:
        label = _NUMBER.sub(_MASK, _PI_FRACTION.sub(_MASK, label))
    return label


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (up to ``.``, ``?`` or ``!`` followed by a space)."""
    return re.split(r"(?<=[.?!])\s+", text.strip(), maxsplit=1)[0]


def _cell(notebook: Any, grade_id: str) -> Any | None:
    cells = (c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
    return next(cells, None)


def _literal_answer(source: str, answer_name: str) -> Any:
    """The literal last assigned to ``answer_name`` at the top level of ``source``, else ``_UNREAD``."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return _UNREAD
    assigned = [
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == answer_name for t in node.targets)
    ]
    if not assigned:
        return _UNREAD
    try:
        return ast.literal_eval(assigned[-1])
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return _UNREAD


def _graded_feedback(test_cell: Any | None, entry: Exercise) -> Feedback:
    """The feedback the hidden test gave while autograding, from the test cell's stored output."""
    errors = [o for o in (test_cell.outputs if test_cell else []) if o.get("output_type") == "error"]
    if test_cell is not None and not errors:
        return Feedback(entry.id, "correct", "Passed the autograder's test.")
    if not errors:
        return Feedback(entry.id, "wrong", "The autograder's test cell is missing from the notebook.")
    name, text = errors[0].get("ename", ""), errors[0].get("evalue", "")
    text = text.partition(NUMBERS_NOTE)[0]
    for verdict, status in _VERDICTS.items():
        if name == "AssertionError" and text.startswith(verdict):
            message, _, hint = text[len(verdict) :].partition(_HINT)
            return Feedback(entry.id, status, message, hint)
    return Feedback(entry.id, "wrong", f"{name}: {text}")


def _graded_student(test_cell: Any | None) -> str:
    """The student the autograder judged (named in the test cell), or ``""``: the lesson's numbers."""
    found = re.search(r"student=('[^']*'|\"[^\"]*\")\)", test_cell.source if test_cell else "")
    return ast.literal_eval(found.group(1)) if found else ""


def student_feedback(notebook: Any, entry: Exercise) -> Feedback:
    """The feedback on one student's answer to one exercise, from an autograded notebook.

    The check is re-run on the answer cell's literal answer; the stored autograder output decides
    where there is no literal or the two disagree (see the module's docstring).
    """
    graded = _graded_feedback(_cell(notebook, autograder_grade_id(entry)), entry)
    answer_cell = _cell(notebook, solution_grade_id(entry))
    answer = _literal_answer(answer_cell.source, entry.answer_name) if answer_cell else _UNREAD
    if answer is not _UNREAD:
        rerun = entry.check(answer, student=_graded_student(_cell(notebook, autograder_grade_id(entry))))
        if rerun.correct == graded.correct:
            return rerun
    return graded


def _autograded(course_dir: Path, assignment: str) -> list[Path]:
    paths = sorted((course_dir / "autograded").glob(f"*/{assignment}/*.ipynb"))
    if not paths:
        raise ValueError(
            f"assignment {assignment!r} has no autograded notebooks in {course_dir / 'autograded'}: "
            f"run 'nbgrader autograde {assignment}' in {course_dir} first"
        )
    return paths


def class_table(course_dir: Path | str, assignment: str) -> list[ExerciseTally]:
    """Tally every student's feedback on each exercise of an autograded assignment.

    Parameters
    ----------
    course_dir : path
        The nbgrader course root (holding ``autograded/<student>/<assignment>/``).
    assignment : str
        The assignment's name, e.g. ``"03_bb84"``.

    Returns
    -------
    list of ExerciseTally
        One per exercise the notebooks grade, in registry order.
    """
    notebooks = [nbformat.read(str(p), as_version=4) for p in _autograded(Path(course_dir), assignment)]
    tallies = []
    for entry in EXERCISES.values():
        graded = [nb for nb in notebooks if _cell(nb, autograder_grade_id(entry)) is not None]
        if not graded:
            continue
        feedback = [student_feedback(nb, entry) for nb in graded]
        statuses = Counter(f.status for f in feedback)
        mistakes = Counter(mistake_label(f, entry) for f in feedback if f.status == "wrong")
        tallies.append(ExerciseTally(entry.id, statuses["correct"], statuses["unanswered"], mistakes))
    return tallies


def _rows(tallies: Sequence[ExerciseTally]) -> list[tuple[str, str, str, int]]:
    rows = []
    for t in tallies:
        rows += [(t.exercise, "right", "", t.right), (t.exercise, "unanswered", "", t.unanswered)]
        rows += [(t.exercise, "wrong", mistake, n) for mistake, n in t.mistakes.most_common()]
    return rows


def table_text(tallies: Sequence[ExerciseTally]) -> str:
    """The table as plain text: per exercise, right, unanswered, then each mistake with its count."""
    lines = []
    for t in tallies:
        lines.append(f"{t.exercise}  ({t.students} students)")
        lines.append(f"  {t.right:4d}  right")
        lines.append(f"  {t.unanswered:4d}  unanswered")
        lines += [f"  {n:4d}  {mistake}" for mistake, n in t.mistakes.most_common()]
    return "\n".join(lines)


def write_csv(tallies: Sequence[ExerciseTally], path: Path | str) -> Path:
    """Write the table as CSV (columns ``exercise, outcome, mistake, students``) and return its path."""
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_FIELDS)
        writer.writerows(_rows(tallies))
    return path
