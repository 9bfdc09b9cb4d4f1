"""nbgrader source notebooks built from the lessons and the exercise registry.

:func:`generate_course` writes an nbgrader course directory: ``nbgrader_config.py`` and one
instructor notebook ``source/<lesson>/<lesson>.ipynb`` per lesson, ready for
``nbgrader generate_assignment``, ``autograde`` and ``generate_feedback``. Nothing here restates an
exercise: each answer cell is found through the registry's ``answer_name``
(:data:`~qwidgets.exercises.core.EXERCISES`), its solution region assigns the grader-side
:func:`~qwidgets_grading.registry.reference_solution` (``pip install -e ./grading``; never shipped
to students), and its autograder test calls :func:`~qwidgets.exercises.core.assert_correct`, the
same check that gives self-study feedback.

An answer cell ``answer_x = None`` / ``check_x(answer_x)`` becomes an nbgrader solution cell::

    answer_x = None  # the lesson's stub line, kept
    ### BEGIN SOLUTION
    answer_x = 0.5
    ### END SOLUTION
    check_x(answer_x)

followed by a locked test cell whose hidden part calls ``assert_correct``. An exercise with
per-student variants gets a solution region that computes the answer for whoever runs it, and a
test written ``assert_correct(..., student=None)``, which the course's autograde step
(:class:`~qwidgets.classroom.nbgrader_plugin.StudentVariants`) rewrites to name the student whose
submission it grades. In the released
notebook the solution region becomes the comment :data:`CODE_STUB` (set in the course's config
instead of nbgrader's ``raise NotImplementedError()``), so an unanswered lesson still runs top to
bottom and scores zero. Every other cell is locked read-only.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import nbformat
from nbformat.v4 import new_code_cell

from qwidgets.classroom.nbgrader_plugin import STUDENT_PLACEHOLDER
from qwidgets.exercises.core import EXERCISES, Exercise
from qwidgets.paths import LESSONS_DIR

__all__ = [
    "CODE_STUB",
    "LESSONS",
    "SCHEMA_VERSION",
    "answer_cell_index",
    "autograder_grade_id",
    "generate_course",
    "lessons_with_exercises",
    "solution_grade_id",
    "source_notebook",
]

LESSONS = LESSONS_DIR
"""The lesson notebooks of the course."""
SCHEMA_VERSION = 3
"""The version of nbgrader's cell metadata written here (nbgrader 0.9)."""
CODE_STUB = "# Replace None above with your answer, then run this cell."
"""What the student sees in place of a solution region."""
BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
_CONFIG = '''\
"""nbgrader configuration of the course, written by ``python -m qwidgets.classroom generate``."""

c = get_config()  # noqa: F821
c.CourseDirectory.course_id = {course_id!r}
c.ExecutePreprocessor.kernel_name = {kernel!r}
c.ExecutePreprocessor.timeout = {timeout}  # seconds per cell
c.ClearSolutions.code_stub = {{"python": {stub!r}}}
c.Exchange.root = "exchange"  # no JupyterHub exchange: set the hub's shared directory here
{variants}'''
_VARIANTS = """\
# Grade each student against their own numbers (per-student variants drawn from the hub's user name).
c.Autograde.sanitize_preprocessors.append("qwidgets.classroom.nbgrader_plugin.StudentVariants")
"""
_NO_VARIANTS = "# Per-student variants are off: every student is graded with the lesson's own numbers.\n"


def lessons_with_exercises() -> list[str]:
    """Stems of the lessons that ask registered exercises, in lesson order."""
    return list(dict.fromkeys(entry.lesson for entry in EXERCISES.values()))


def _lesson(name: str) -> str:
    lessons = lessons_with_exercises()
    if name not in lessons:
        raise ValueError(f"lesson must be one of {lessons}; got {name!r}")
    return name


def _metadata(grade_id: str, *, solution: bool = False, points: int | None = None) -> dict[str, Any]:
    """nbgrader cell metadata: a solution cell (unlocked), a test cell (with ``points``) or a locked cell."""
    grade = points is not None
    fields: dict[str, Any] = {
        "grade_id": grade_id,
        "solution": solution,
        "grade": grade,
        "locked": not solution,
        "task": False,
        "schema_version": SCHEMA_VERSION,
    }
    if grade:
        fields["points"] = points
    return {"nbgrader": fields}


def solution_grade_id(entry: Exercise) -> str:
    """The grade id of an exercise's solution cell: its id, with ``-`` for ``.`` (safe in HTML ids)."""
    return entry.id.replace(".", "-")


def autograder_grade_id(entry: Exercise) -> str:
    """The grade id of an exercise's autograder test cell."""
    return f"test_{solution_grade_id(entry)}"


def _stub_line(entry: Exercise) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(entry.answer_name)} = None\b.*$", re.MULTILINE)


def answer_cell_index(cells: Sequence[Any], entry: Exercise) -> int:
    """Index of the one code cell that assigns ``entry.answer_name = None`` and calls the check.

    Raises
    ------
    ValueError
        If the lesson has no such cell, or more than one.
    """
    call = f"{entry.check.__name__}({entry.answer_name})"
    found = [
        i
        for i, cell in enumerate(cells)
        if cell.cell_type == "code" and _stub_line(entry).search(cell.source) and call in cell.source
    ]
    if len(found) != 1:
        raise ValueError(
            f"lesson {entry.lesson} must have exactly one cell with '{entry.answer_name} = None' and "
            f"'{call}'; found {len(found)}"
        )
    return found[0]


def _reference_solution(exercise_id: str, student: str | None) -> Any:
    """The grader-side reference answer, with a clear error where the grader's side is missing."""
    try:
        from qwidgets_grading import reference_solution
    except ModuleNotFoundError as exc:
        if exc.name != "qwidgets_grading":
            raise
        raise LookupError(
            "the reference solutions are on the grader's side, which is not installed: from a "
            "checkout of the course run `pip install -e ./grading` (see docs/instructors/README.md)"
        ) from None
    return reference_solution(exercise_id, student)


def _solution_code(entry: Exercise) -> str:
    """Source assigning the reference answer: a literal when it reads back equal, else a call."""
    if not entry.params:
        answer = _reference_solution(entry.id, "")
        text = repr(answer)
        try:
            if ast.literal_eval(text) == answer:
                return f"{entry.answer_name} = {text}"
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            pass
    else:
        _reference_solution(entry.id, "")  # fail here, not in the teacher's notebook, if it is missing
    return (
        "from qwidgets_grading import reference_solution  # the grader's side; for whoever runs this\n\n"
        f"{entry.answer_name} = reference_solution({entry.id!r})"
    )


def _solution_cell(cell: Any, entry: Exercise) -> Any:
    stub = _stub_line(entry).search(cell.source)
    region = f"{BEGIN_SOLUTION}\n{_solution_code(entry)}\n{END_SOLUTION}"
    source = f"{cell.source[: stub.end()]}\n{region}{cell.source[stub.end() :]}"
    metadata = {**cell.metadata, **_metadata(solution_grade_id(entry), solution=True)}
    return new_code_cell(source, metadata=metadata)


def _test_cell(entry: Exercise) -> Any:
    source = (
        f"# Autograder test of {entry.answer_name}: {entry.points} point(s).\n"
        f"{BEGIN_HIDDEN}\n"
        "from qwidgets.exercises import assert_correct\n\n"
        f"assert_correct({entry.id!r}, {entry.answer_name}{STUDENT_PLACEHOLDER if entry.params else ')'}\n"
        f"{END_HIDDEN}"
    )
    return new_code_cell(source, metadata=_metadata(autograder_grade_id(entry), points=entry.points))


def source_notebook(lesson: str, lessons_dir: Path | str = LESSONS) -> Any:
    """The nbgrader instructor notebook of a lesson.

    Parameters
    ----------
    lesson : str
        Stem of a lesson with exercises, one of :func:`lessons_with_exercises`.
    lessons_dir : path
        Where the lesson notebooks are.

    Returns
    -------
    nbformat.NotebookNode
        The lesson with one solution cell and one test cell per exercise, every other cell locked;
        outputs are cleared.
    """
    lesson = _lesson(lesson)
    notebook = nbformat.read(str(Path(lessons_dir) / f"{lesson}.ipynb"), as_version=4)
    entries = {answer_cell_index(notebook.cells, e): e for e in EXERCISES.values() if e.lesson == lesson}
    cells = []
    for i, cell in enumerate(notebook.cells):
        if i in entries:
            cells += [_solution_cell(cell, entries[i]), _test_cell(entries[i])]
            continue
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        cell.metadata.update(_metadata(f"{lesson}_cell_{i}"))
        cells.append(cell)
    notebook.cells = cells
    return notebook


def generate_course(
    course_dir: Path | str,
    lessons: Sequence[str] | None = None,
    *,
    course_id: str = "quantum-internet-lab",
    kernel: str = "python3",
    timeout: int = 300,
    variants: bool = True,
    lessons_dir: Path | str = LESSONS,
) -> list[Path]:
    """Write an nbgrader course directory: its config and one source notebook per lesson.

    Parameters
    ----------
    course_dir : path
        The course root (created if missing); run nbgrader there.
    lessons : sequence of str, optional
        Lesson stems; every lesson with exercises by default.
    course_id, kernel : str
        nbgrader's course id, and the Jupyter kernel that runs the notebooks when grading.
    timeout : int
        Seconds a cell may run when grading, at least 1.
    variants : bool
        Grade each student against their own numbers (for a class on a hub, where the notebook
        knows the student's user name); ``False`` grades everyone with the lesson's numbers.
    lessons_dir : path
        Where the lesson notebooks are.

    Returns
    -------
    list of Path
        The source notebooks written.
    """
    if isinstance(timeout, bool) or not isinstance(timeout, int) or timeout < 1:
        raise ValueError(f"timeout must be a whole number of seconds >= 1; got {timeout!r}")
    chosen = [_lesson(name) for name in (lessons_with_exercises() if lessons is None else lessons)]
    root = Path(course_dir)
    root.mkdir(parents=True, exist_ok=True)
    config = _CONFIG.format(
        course_id=course_id,
        kernel=kernel,
        timeout=timeout,
        stub=CODE_STUB,
        variants=_VARIANTS if variants else _NO_VARIANTS,
    )
    (root / "nbgrader_config.py").write_text(config, encoding="utf-8")
    written = []
    for lesson in chosen:
        path = root / "source" / lesson / f"{lesson}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(source_notebook(lesson, lessons_dir), str(path))
        written.append(path)
    return written
