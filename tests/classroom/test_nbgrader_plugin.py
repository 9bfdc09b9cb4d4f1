"""The autograde step that names the submitting student in each test cell."""

from __future__ import annotations

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from qwidgets.classroom.nbgrader_plugin import STUDENT_PLACEHOLDER, StudentVariants, name_student

TEST = "assert_correct('qubits.probability_zero', answer_probability_zero, student=None)"


def test_the_placeholder_is_how_a_generated_test_ends():
    assert TEST.endswith(STUDENT_PLACEHOLDER)


def test_only_graded_cells_get_the_students_name_quoted_safely():
    graded = new_code_cell(TEST, metadata={"nbgrader": {"grade": True, "grade_id": "t"}})
    answer = new_code_cell(TEST, metadata={"nbgrader": {"grade": False, "solution": True}})
    plain = new_code_cell(TEST)
    notebook = new_notebook(cells=[graded, answer, plain])
    resources = {"nbgrader": {"student": "o'brien"}}
    out, _ = StudentVariants()(nbformat.from_dict(notebook), resources)  # as nbconvert calls it
    assert out.cells[0].source.endswith(', student="o\'brien")')
    assert out.cells[1].source == TEST and out.cells[2].source == TEST  # a student's own cells are untouched


def test_naming_is_idempotent_and_leaves_other_calls_alone():
    named = name_student(TEST, "alice")
    assert named.endswith(", student='alice')")
    assert name_student(named, "bob") == named
    assert name_student("assert_correct('x', y)", "alice") == "assert_correct('x', y)"
