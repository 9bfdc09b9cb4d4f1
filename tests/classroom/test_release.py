"""The released student notebooks (``nbgrader generate_assignment``) hold no answer and no hidden test."""

import nbformat
import pytest

from qwidgets.classroom.assignments import CODE_STUB, lessons_with_exercises
from qwidgets.exercises import EXERCISES

REGION_MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


def region_lines(text, begin, end):
    """The non-blank lines between every ``begin`` and ``end`` marker of ``text``."""
    lines = []
    for chunk in text.split(begin)[1:]:
        lines += [line.strip() for line in chunk.split(end, 1)[0].splitlines() if line.strip()]
    return lines


@pytest.mark.parametrize("lesson", lessons_with_exercises())
def test_no_solution_or_hidden_test_survives_the_release(released_course, lesson):
    released = (released_course / "release" / lesson / f"{lesson}.ipynb").read_text(encoding="utf-8")
    instructor = (released_course / "source" / lesson / f"{lesson}.ipynb").read_text(encoding="utf-8")
    instructor = "\n".join(cell.source for cell in nbformat.reads(instructor, as_version=4).cells)
    secrets = region_lines(instructor, "### BEGIN SOLUTION", "### END SOLUTION")
    secrets += region_lines(instructor, "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")
    assert secrets, "the scan must have something to look for"
    notebook = nbformat.read(str(released_course / "release" / lesson / f"{lesson}.ipynb"), as_version=4)
    code = "\n".join(cell.source for cell in notebook.cells)
    for secret in secrets:
        assert secret not in code, f"{lesson} releases {secret!r}"
    for marker in (*REGION_MARKERS, "assert_correct", "reference_solution", "qwidgets_grading"):
        assert marker not in released, f"{lesson} releases {marker!r}"


@pytest.mark.parametrize("lesson", lessons_with_exercises())
def test_the_student_sees_the_stub_and_the_check_not_notimplementederror(released_course, lesson):
    notebook = nbformat.read(str(released_course / "release" / lesson / f"{lesson}.ipynb"), as_version=4)
    code = "\n".join(cell.source for cell in notebook.cells)
    assert "NotImplementedError" not in code
    for entry in (e for e in EXERCISES.values() if e.lesson == lesson):
        assert f"{entry.answer_name} = None" in code
        assert f"{entry.check.__name__}({entry.answer_name})" in code
    assert code.count(CODE_STUB) == sum(e.lesson == lesson for e in EXERCISES.values())


@pytest.mark.parametrize("lesson", lessons_with_exercises())
def test_the_unanswered_student_version_runs_top_to_bottom(released_course, lesson):
    """What a student gets runs without an error before any answer is given (panels included)."""
    from nbclient import NotebookClient

    folder = released_course / "release" / lesson
    notebook = nbformat.read(str(folder / f"{lesson}.ipynb"), as_version=4)
    NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    ).execute()
    errors = [
        o for cell in notebook.cells for o in cell.get("outputs", []) if o.get("output_type") == "error"
    ]
    assert errors == []
    waiting = [
        c for c in notebook.cells if c.cell_type == "code" and "Waiting for your answer" in str(c.outputs)
    ]
    assert len(waiting) == sum(e.lesson == lesson for e in EXERCISES.values())
