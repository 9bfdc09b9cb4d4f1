"""The generated nbgrader source notebooks: cell metadata, solution regions, test cells, locks."""

import ast
import re
import sys

import nbformat
import pytest
from qwidgets_grading import reference_solution

from qwidgets.classroom.__main__ import main
from qwidgets.classroom.assignments import (
    BEGIN_HIDDEN,
    BEGIN_SOLUTION,
    END_HIDDEN,
    END_SOLUTION,
    LESSONS,
    autograder_grade_id,
    generate_course,
    lessons_with_exercises,
    solution_grade_id,
    source_notebook,
)
from qwidgets.exercises import EXERCISES

LESSON_NAMES = lessons_with_exercises()
REGION = re.compile(rf"{BEGIN_SOLUTION}\n(.*?)\n{END_SOLUTION}", re.DOTALL)


def nbgrader_cells(notebook):
    return {cell.metadata["nbgrader"]["grade_id"]: cell for cell in notebook.cells}


def test_every_lesson_that_checks_answers_is_an_assignment():
    with_checks = sorted(p.stem for p in LESSONS.glob("*.ipynb") if "check_" in p.read_text(encoding="utf-8"))
    assert LESSON_NAMES == with_checks


@pytest.mark.parametrize("lesson", LESSON_NAMES)
def test_every_cell_has_schema_3_metadata_and_a_unique_grade_id(lesson):
    notebook = source_notebook(lesson)
    metadata = [cell.metadata["nbgrader"] for cell in notebook.cells]
    assert all(m["schema_version"] == 3 for m in metadata)
    ids = [m["grade_id"] for m in metadata]
    assert len(ids) == len(set(ids)), "grade ids must be unique"
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", i) for i in ids)
    original = nbformat.read(str(LESSONS / f"{lesson}.ipynb"), as_version=4)
    exercises = [e for e in EXERCISES.values() if e.lesson == lesson]
    assert len(notebook.cells) == len(original.cells) + len(exercises), "one test cell added per exercise"


@pytest.mark.parametrize("lesson", LESSON_NAMES)
def test_only_answer_cells_are_unlocked_and_only_test_cells_are_graded(lesson):
    exercises = [e for e in EXERCISES.values() if e.lesson == lesson]
    cells = nbgrader_cells(source_notebook(lesson))
    unlocked = {i for i, cell in cells.items() if not cell.metadata["nbgrader"]["locked"]}
    assert unlocked == {solution_grade_id(e) for e in exercises}
    marks = {i: cell.metadata["nbgrader"] for i, cell in cells.items()}
    graded = {i: m["points"] for i, m in marks.items() if m["grade"]}
    assert graded == {autograder_grade_id(e): e.points for e in exercises}, "points come from the registry"
    solutions = {i for i, cell in cells.items() if cell.metadata["nbgrader"]["solution"]}
    assert solutions == unlocked


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_the_answer_cell_keeps_stub_and_check_around_a_region_assigning_the_reference(exercise_id):
    entry = EXERCISES[exercise_id]
    notebook = source_notebook(entry.lesson)
    cells = nbgrader_cells(notebook)
    source = cells[solution_grade_id(entry)].source
    lines = source.splitlines()
    assert lines[0].startswith(f"{entry.answer_name} = None"), "the student's stub comes first"
    assert lines[-1] == f"{entry.check.__name__}({entry.answer_name})", "the visible check stays last"
    (region,) = REGION.findall(source)
    assignment = ast.parse(region).body[-1]
    assert isinstance(assignment, ast.Assign) and assignment.targets[0].id == entry.answer_name
    for student in ("", "alice", "bob"):  # the lesson's numbers, and two students' own
        namespace = {}
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("QWIDGETS_STUDENT", student)
            exec(region, namespace)  # the region is generated from the registry: trusted code
            assert EXERCISES[exercise_id].check(namespace[entry.answer_name]).correct, student
    if entry.params:  # computed for whoever runs the notebook, by the grader-side package
        assert "reference_solution(" in region and "qwidgets_grading" in region
    elif not exercise_id.startswith("roadmap.roadmap_design"):  # a Network has no literal form
        assert ast.literal_eval(assignment.value) == reference_solution(exercise_id, "")
    order = list(cells)
    after = order[order.index(solution_grade_id(entry)) + 1]
    assert after == autograder_grade_id(entry), "the test cell comes right after the answer cell"


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_the_test_cell_hides_assert_correct_of_the_exercise(exercise_id):
    entry = EXERCISES[exercise_id]
    source = nbgrader_cells(source_notebook(entry.lesson))[autograder_grade_id(entry)].source
    hidden = source.split(BEGIN_HIDDEN, 1)[1].split(END_HIDDEN, 1)[0]
    student = ", student=None" if entry.params else ""  # named by the autograde step
    (call,) = ast.parse(hidden).body[-1:]
    assert ast.unparse(call) == f"assert_correct({exercise_id!r}, {entry.answer_name}{student})"
    assert "assert_correct" not in source.replace(hidden, "")


def test_code_outputs_are_cleared():
    notebook = source_notebook("01_qubits")
    assert all(not cell.outputs for cell in notebook.cells if cell.cell_type == "code")


def test_generate_writes_config_and_chosen_lessons(tmp_path, capsys):
    main(["generate", str(tmp_path), "--lesson", "03_bb84", "--lesson", "08_e91", "--timeout", "60"])
    assert sorted(p.name for p in (tmp_path / "source").iterdir()) == ["03_bb84", "08_e91"]
    assert (tmp_path / "source" / "03_bb84" / "03_bb84.ipynb").is_file()
    config = (tmp_path / "nbgrader_config.py").read_text()
    assert "c.ExecutePreprocessor.timeout = 60" in config
    assert "c.CourseDirectory.course_id = 'quantum-internet-lab'" in config
    assert "ClearSolutions.code_stub" in config and "NotImplementedError" not in config
    assert 'sanitize_preprocessors.append("qwidgets.classroom.nbgrader_plugin.StudentVariants")' in config
    assert "08_e91.ipynb" in capsys.readouterr().out


def test_a_class_without_a_hub_can_turn_variants_off(tmp_path):
    main(["generate", str(tmp_path), "--lesson", "01_qubits", "--no-variants"])
    config = (tmp_path / "nbgrader_config.py").read_text()
    assert "StudentVariants" not in config and "variants are off" in config


def test_generate_without_the_grading_side_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "qwidgets_grading", None)  # as in a student's environment
    with pytest.raises(SystemExit):
        main(["generate", str(tmp_path), "--lesson", "01_qubits"])
    assert "pip install -e ./grading" in capsys.readouterr().err


@pytest.mark.parametrize("bad", ["03_BB84", "00_welcome", "", 3])
def test_an_unknown_lesson_is_refused_by_name(tmp_path, bad):
    with pytest.raises(ValueError, match="lesson must be one of"):
        generate_course(tmp_path, [bad])


@pytest.mark.parametrize("bad", [0, -5, 2.5, True, "60"])
def test_a_bad_timeout_is_refused_by_name(tmp_path, bad):
    with pytest.raises(ValueError, match="timeout must be"):
        generate_course(tmp_path, ["03_bb84"], timeout=bad)
