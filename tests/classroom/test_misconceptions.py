"""Reading one student's answer from an autograded notebook, and tallying a class (no nbgrader run)."""

import math

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from qwidgets.classroom.assignments import autograder_grade_id, solution_grade_id
from qwidgets.classroom.misconceptions import (
    class_table,
    first_sentence,
    mistake_label,
    student_feedback,
    table_text,
)
from qwidgets.exercises import EXERCISES, Feedback

ENTRY = EXERCISES["bb84.sift_fraction"]  # truth: 1/2 (both bases agree in half the pairs)


def graded_notebook(answer_source, error=None):
    """An autograded notebook with the exercise's answer cell and test cell (``error``: its evalue)."""
    answer = new_code_cell(
        f"{ENTRY.answer_name} = {answer_source}\ncheck_sift_fraction({ENTRY.answer_name})",
        metadata={"nbgrader": {"grade_id": solution_grade_id(ENTRY)}},
    )
    test = new_code_cell("# test", metadata={"nbgrader": {"grade_id": autograder_grade_id(ENTRY)}})
    if error is not None:
        test.outputs = [new_output("error", ename=error[0], evalue=error[1], traceback=[])]
    return new_notebook(cells=[answer, test])


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("0.25 is the chance. They also keep XX.", "0.25 is the chance."),
        ("Is it 0.5? Yes! Sure.", "Is it 0.5?"),
        ("No full stop", "No full stop"),
        ("  Padded.  Next.", "Padded."),
    ],
)
def test_first_sentence(text, first):
    assert first_sentence(text) == first


def test_a_literal_answer_is_rechecked():
    feedback = student_feedback(graded_notebook("0.25", ("AssertionError", "Not yet. stored text")), ENTRY)
    assert feedback.status == "wrong"
    assert "both choose z" in feedback.message.lower(), "the re-run check's own words, not the stored text"


def test_the_last_assignment_counts():
    notebook = graded_notebook("0.25\nanswer_sift_fraction = 0.5")
    assert student_feedback(notebook, ENTRY).correct


def test_an_expression_is_read_from_the_autograders_output():
    stored = ("AssertionError", "Not yet. 0.25 is a made-up mistake. More.\nHint: a hint")
    feedback = student_feedback(graded_notebook("1 / 4", stored), ENTRY)
    assert (feedback.status, feedback.hint) == ("wrong", "a hint")
    assert feedback.message == "0.25 is a made-up mistake. More."


def test_the_grade_wins_when_the_source_disagrees():
    # The cell says 0.5 (right) but the hidden test failed: the answer was overwritten elsewhere.
    stored = ("AssertionError", "Waiting for your answer. The answer is still the placeholder None.")
    feedback = student_feedback(graded_notebook("0.5", stored), ENTRY)
    assert feedback.status == "unanswered"


def test_another_error_is_a_mistake_named_by_it():
    stored = ("NameError", "name 'answer_sift_fraction' is not defined")
    feedback = student_feedback(graded_notebook("half", stored), ENTRY)
    assert feedback.status == "wrong" and feedback.message.startswith("NameError: name")


def test_a_passed_test_with_an_expression_is_right():
    assert student_feedback(graded_notebook("1 / 2"), ENTRY).correct


def test_the_class_table_counts_each_student(tmp_path):
    answers = {"ann": "0.5", "ben": "0.25", "cem": "0.25", "dee": "None", "eli": "1"}
    for student, answer in answers.items():
        path = tmp_path / "autograded" / student / "03_bb84" / "03_bb84.ipynb"
        path.parent.mkdir(parents=True)
        error = None if answer == "0.5" else ("AssertionError", "x")
        nbformat.write(graded_notebook(answer, error), str(path))
    (tally,) = class_table(tmp_path, "03_bb84")
    assert (tally.exercise, tally.right, tally.unanswered, tally.students) == (ENTRY.id, 1, 1, 5)
    assert sorted(tally.mistakes.values()) == [1, 2]
    assert "0.25 is the chance that both choose Z." in tally.mistakes
    assert tally.mistakes["0.25 is the chance that both choose Z."] == 2
    assert "(5 students)" in table_text([tally])


def test_no_autograded_notebooks_is_refused_with_the_command_to_run(tmp_path):
    with pytest.raises(ValueError, match="nbgrader autograde 03_bb84"):
        class_table(tmp_path, "03_bb84")


def test_one_mistake_with_different_students_numbers_is_one_row():
    entry = EXERCISES["qubits.probability_zero"]  # has per-student numbers
    labels = {
        mistake_label(Feedback(entry.id, "wrong", f"{z} is cos θ = ⟨Z⟩, not a probability. More {z}."), entry)
        for z in ("0.500", "0.809", "1", "−0.31", "2e-3")
    }
    assert labels == {"… is cos θ = ⟨Z⟩, not a probability."}
    pi = Feedback(entry.id, "wrong", "That is right for θ = π/6 and 2π/5, not |0⟩ or |1⟩. More.")
    assert mistake_label(pi, entry) == "That is right for θ = … and …, not |0⟩ or |1⟩."
    same_for_all = Feedback(ENTRY.id, "wrong", "0.25 is the chance. More.")
    assert mistake_label(same_for_all, ENTRY) == "0.25 is the chance."  # numbers kept where everyone has them


def test_the_recheck_uses_the_student_the_test_cell_names():
    entry = EXERCISES["qubits.probability_zero"]
    theta = entry.variant("alice").theta
    answer = new_code_cell(
        f"{entry.answer_name} = {math.cos(theta / 2) ** 2!r}",
        metadata={"nbgrader": {"grade_id": solution_grade_id(entry)}},
    )
    test = new_code_cell(
        f"assert_correct({entry.id!r}, {entry.answer_name}, student='alice')",
        metadata={"nbgrader": {"grade_id": autograder_grade_id(entry)}},
    )
    assert student_feedback(
        new_notebook(cells=[answer, test]), entry
    ).correct  # alice's numbers, not the lesson's
