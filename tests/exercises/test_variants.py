"""Per-student variants: drawn from the student's id, never the lesson's numbers, judged as drawn.

The worked example is ``qubits.probability_zero``: P(0) = cos²(θ/2) (Born rule), with θ = π/6 in
the lesson.
"""

from __future__ import annotations

import math
from collections import Counter

import pytest
from qwidgets_grading import reference_solution

from qwidgets.exercises import EXERCISES, Parameter, assert_correct, check_probability_zero, variant
from qwidgets.exercises.core import exercise
from qwidgets.exercises.variants import current_student, draw, format_value
from qwidgets.testing.variants import student_with

VARIED = [i for i, e in EXERCISES.items() if e.params]
PROBABILITY = "qubits.probability_zero"


@pytest.fixture(autouse=True)
def nobody(monkeypatch):
    """No student named by the environment unless a test says so."""
    monkeypatch.delenv("QWIDGETS_STUDENT", raising=False)
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (math.pi / 6, "π/6"),
        (2 * math.pi / 5, "2π/5"),
        (math.pi, "π"),
        (-math.pi / 2, "-π/2"),
        (3 * math.pi, "3π"),
        (0.35, "0.35"),
        (0.0, "0"),
        (50, "50"),
        (True, "True"),
        ("Z", "Z"),
    ],
)
def test_format_value_writes_angles_as_fractions_of_pi(value, shown):
    assert format_value(value) == shown


def test_parameters_are_validated_by_name():
    with pytest.raises(ValueError, match="identifier"):
        Parameter("not a name", (1, 2))
    with pytest.raises(ValueError, match="distinct"):
        Parameter("theta", (1, 1))
    with pytest.raises(ValueError, match="at least one"):
        Parameter("theta", ())
    with pytest.raises(TypeError, match="sequence"):
        Parameter("theta", "abc")
    with pytest.raises(TypeError, match="Parameter"):
        exercise("demo.x", lesson="00_demo", answer_name="answer_x", params=[("theta", (1, 2))])


def test_nobody_gets_the_lessons_numbers():
    assert variant(PROBABILITY).student is None
    assert variant(PROBABILITY).theta == math.pi / 6
    assert "lesson's numbers: θ = π/6 (0.5236)" in str(variant(PROBABILITY))


@pytest.mark.parametrize("exercise_id", VARIED)
def test_named_students_never_get_the_lessons_numbers_and_spread_over_the_others(exercise_id):
    entry = EXERCISES[exercise_id]
    lesson = entry.variant("").values
    combos = math.prod(len(p.options) for p in entry.params)
    drawn = Counter(entry.variant(f"s{i}").values for i in range(60 * combos))
    assert lesson not in drawn
    assert len(drawn) == combos - 1, "every other combination is drawn"
    assert max(drawn.values()) < 2 * min(drawn.values()), f"far from uniform: {drawn}"


def test_a_students_variant_is_stable_and_differs_between_exercises():
    assert variant(PROBABILITY, "alice") == variant(PROBABILITY, "alice")
    assert variant(PROBABILITY, " alice ") == variant(PROBABILITY, "alice")
    assert draw("a", variant(PROBABILITY).parameters, "alice") != draw(
        "b", variant(PROBABILITY).parameters, "carl"
    )


def test_the_environment_names_the_student_teacher_variable_first(monkeypatch):
    assert current_student() is None
    monkeypatch.setenv("JUPYTERHUB_USER", "alice")
    assert current_student() == "alice" and variant(PROBABILITY) == variant(PROBABILITY, "alice")
    monkeypatch.setenv("QWIDGETS_STUDENT", "bob")
    assert current_student() == "bob"
    monkeypatch.setenv("QWIDGETS_STUDENT", "  ")
    assert current_student() == "alice"


def test_a_variant_reads_its_numbers_as_attributes_and_names_them_when_asked_for_another():
    mine = variant(PROBABILITY, "alice")
    assert mine.as_dict() == {"theta": mine.theta} and list(mine) == ["theta"]
    assert "alice" in str(mine) and format_value(mine.theta) in mine._repr_html_()
    with pytest.raises(AttributeError, match=r"numbers \['theta'\]; not 'phi'"):
        mine.phi  # noqa: B018
    with pytest.raises(TypeError, match="student must be"):
        variant(PROBABILITY, 7)


@pytest.mark.parametrize("theta", [math.pi / 10, 3 * math.pi / 10, 3 * math.pi / 8, 2 * math.pi / 5])
def test_each_student_is_judged_against_their_own_theta(theta, monkeypatch):
    student = student_with(PROBABILITY, theta=theta)
    monkeypatch.setenv("JUPYTERHUB_USER", student)
    truth = math.cos(theta / 2) ** 2  # Born rule, written here
    assert check_probability_zero(truth).correct
    assert check_probability_zero(truth).numbers == f"θ = {format_value(theta)} ({theta:.4g})"
    assert "Judged with your numbers" in str(check_probability_zero(truth))
    lesson = check_probability_zero(math.cos(math.pi / 12) ** 2)
    assert not lesson.correct and "lesson's numbers, not yours. It is right for θ = π/6" in lesson.message
    assert "variant('qubits.probability_zero')" in lesson.hint
    assert "not a probability" in check_probability_zero(math.cos(theta)).message  # <Z>, the named mistake
    assert_correct(PROBABILITY, truth)
    with pytest.raises(AssertionError, match="lesson's numbers"):
        assert_correct(PROBABILITY, math.cos(math.pi / 12) ** 2)


def test_a_neighbours_answer_is_named_as_someone_elses():
    alice, bob = (
        student_with(PROBABILITY, theta=2 * math.pi / 5),
        student_with(PROBABILITY, theta=3 * math.pi / 8),
    )
    copied = check_probability_zero(math.cos(math.pi / 5) ** 2, student=bob)
    assert (
        not copied.correct
        and "another student's numbers, not yours. It is right for θ = 2π/5 (1.257); yours are θ = 3π/8"
        in copied.message
    )
    assert check_probability_zero(math.cos(math.pi / 5) ** 2, student=alice).correct


@pytest.mark.parametrize("exercise_id", VARIED)
@pytest.mark.parametrize("student", ["alice", "bob", "carol", "dave"])
def test_each_students_reference_answer_passes_only_their_variant_or_an_equal_one(exercise_id, student):
    entry = EXERCISES[exercise_id]
    answer = reference_solution(exercise_id, student)
    assert entry.check(answer, student=student).correct
    lesson = reference_solution(exercise_id, "")
    verdict = entry.check(lesson, student=student)
    assert not verdict.correct and "lesson's numbers" in verdict.message, str(verdict)
