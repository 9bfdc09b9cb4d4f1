"""Exercises of lesson 02: right answers in every form pass, each typical mistake is named.

Truths are written here as closed forms (5/6, 2/3, (1 + cos²θ)/2 averaged over the sphere),
independent of the checks' code.
"""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from qwidgets_grading import reference_solution

from qwidgets.exercises import (
    AMPLIFIER_CHOICES,
    AMPLIFIER_RIGHT_CHOICE,
    COPY_LENGTH_COPIES,
    EXERCISES,
    UNIVERSAL_COPIES,
    assert_correct,
    check_cnot_copy_fidelity,
    check_copy_length,
    check_measure_prepare_fidelity,
    check_no_amplifier,
    check_universal_fidelity,
    no_cloning,
)
from qwidgets.testing.feedback import assert_explains
from qwidgets.testing.notebooks import lesson_text
from qwidgets.testing.variants import student_for

LESSON_NOTEBOOK = Path(__file__).resolve().parents[2] / "lessons" / "02_no_cloning.ipynb"
IDS = [exercise_id for exercise_id in EXERCISES if exercise_id.startswith("no_cloning.")]

# Closed forms.
CNOT_PLUS = 0.5  # one qubit of (|00> + |11>)/sqrt 2 is I/2: passes the |+> test half the time
UNIVERSAL = float(Fraction(2 * (1 + 1) + 1, 2 * (1 + 2)))  # Gisin-Massar, N = 1, M = 2: 5/6
LENGTH = 2 * UNIVERSAL - 1  # F = (1 + r)/2: 2/3
# Measure and prepare: F(θ) = cos⁴(θ/2) + sin⁴(θ/2) for a state at θ from the measured axis,
# averaged over the sphere (weight sin θ / 2), by the midpoint rule; exactly (1 + 1/3)/2 = 2/3.
_THETAS = (np.arange(100_000) + 0.5) * math.pi / 100_000
MEASURE_PREPARE = float(
    np.sum((np.cos(_THETAS / 2) ** 4 + np.sin(_THETAS / 2) ** 4) * np.sin(_THETAS) / 2) * math.pi / 100_000
)


def test_the_closed_forms_are_what_the_lesson_says():
    assert UNIVERSAL == pytest.approx(5 / 6, abs=1e-15)
    assert LENGTH == pytest.approx(2 / 3, abs=1e-15)
    assert MEASURE_PREPARE == pytest.approx(2 / 3, abs=1e-6)


def test_lesson_02_registers_its_exercises_in_order():
    assert IDS == [
        "no_cloning.cnot_copy_fidelity",
        "no_cloning.universal_fidelity",
        "no_cloning.copy_length",
        "no_cloning.measure_prepare_fidelity",
        "no_cloning.no_amplifier",
    ]
    assert no_cloning.LESSON == "02_no_cloning"
    # the conventions every exercise shares are in test_every_exercise.py


@pytest.mark.parametrize(
    ("exercise_id", "closed_form"),
    [
        ("no_cloning.cnot_copy_fidelity", CNOT_PLUS),
        ("no_cloning.universal_fidelity", UNIVERSAL),
        ("no_cloning.copy_length", LENGTH),
        ("no_cloning.measure_prepare_fidelity", MEASURE_PREPARE),
    ],
)
def test_reference_solutions_are_the_closed_forms(exercise_id, closed_form):
    assert reference_solution(exercise_id) == pytest.approx(closed_form, abs=1e-6)
    assert EXERCISES[exercise_id].check(closed_form).correct
    assert_correct(exercise_id, reference_solution(exercise_id))


def test_reference_solution_of_the_choice_is_the_right_letter():
    assert reference_solution("no_cloning.no_amplifier") == AMPLIFIER_RIGHT_CHOICE == "b"
    assert_correct("no_cloning.no_amplifier", reference_solution("no_cloning.no_amplifier"))


@pytest.mark.parametrize(
    ("exercise_id", "wrong_answer"),
    [
        ("no_cloning.cnot_copy_fidelity", 1.0),
        ("no_cloning.universal_fidelity", 1.0),
        ("no_cloning.copy_length", 5 / 6),
        ("no_cloning.measure_prepare_fidelity", 5 / 6),
        ("no_cloning.no_amplifier", "c"),
    ],
)
def test_assert_correct_raises_for_a_wrong_answer_with_the_feedback(exercise_id, wrong_answer):
    with pytest.raises(AssertionError, match="Not yet"):
        assert_correct(exercise_id, wrong_answer)


# -- 1. The CNOT copier on |+> ------------------------------------------------------------------
@pytest.mark.parametrize(
    "answer", [0.5, 1 / 2, 0.505, 0.495, np.float64(0.5), np.array(0.5), complex(0.5, 1e-17)], ids=repr
)
def test_cnot_accepts_one_half_and_invites_to_check_it_on_the_panel(answer):
    feedback = check_cnot_copy_fidelity(answer)
    assert feedback.correct, str(feedback)
    for words in ["fidelity", "(|00⟩ + |11⟩)/√2", "centre of the sphere", "panel", "dashed arrow"]:
        assert words.lower() in feedback.message.lower()


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (1, ["perfect copy", "entangled pair", "not |+⟩|+⟩"]),
        (0.0, ["|−⟩", "quarter turn"]),
        (0.25, ["one branch", "add up both branches"]),
        (1 / math.sqrt(2), ["amplitude", "square"]),
        (5 / 6, ["best universal copier", "not that copier"]),
        (50, ["percentage", "divide by 100"]),
        (0.3, ["not the probability", "one copy alone"]),
        (1.5, ["between 0 and 1"]),
        ("0.5", ["without quotes"]),
        ([0.5, 0.5], ["one number"]),
    ],
    ids=repr,
)
def test_cnot_names_the_mistake(answer, words):
    assert_explains(check_cnot_copy_fidelity(answer), words)


# -- 2. The best universal copier ----------------------------------------------------------------
@pytest.mark.parametrize("answer", [5 / 6, 0.833, 0.83, 0.8333, np.float32(5 / 6)], ids=repr)
def test_universal_accepts_five_sixths(answer):
    feedback = check_universal_fidelity(answer)
    assert feedback.correct, str(feedback)
    assert "5/6" in feedback.message and "every state" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (1.0, ["perfect copy", "forbids"]),
        (2 / 3, ["(n + 1)/(n + 2)", "very many copies", "length", "not a fidelity"]),
        (0.67, ["very many copies"]),
        (0.5, ["random guess"]),
        (5 / 4, ["n and m swapped"]),
        (7 / 9, ["three copies"]),
        (0.5 + 1 / math.sqrt(8), ["phase-covariant", "every state"]),
        (83.3, ["percentage"]),
        (0.9, ["not the probability", "m = 2 copies"]),
    ],
    ids=repr,
)
def test_universal_names_the_mistake(answer, words):
    assert_explains(check_universal_fidelity(answer), words)


# -- 3. The length of a universal copy's Bloch vector --------------------------------------------
@pytest.mark.parametrize("answer", [2 / 3, 0.667, 0.67, 0.66, np.float64(2 / 3), 4 / 6], ids=repr)
def test_length_accepts_two_thirds_and_invites_to_check_it_on_the_panel(answer):
    feedback = check_copy_length(answer)
    assert feedback.correct, str(feedback)
    for words in ["2f − 1", "two thirds", "panel", "dashed arrow"]:
        assert words in feedback.message.lower()


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (5 / 6, ["fidelity", "r = 2f − 1"]),
        (1, ["pure state", "forbids"]),
        (1 / 3, ["lost", "left"]),
        (5 / 3, ["2f", "subtract 1"]),
        (1 / math.sqrt(2), ["phase-covariant", "shorter"]),
        (0, ["centre", "cnot"]),
        (66.7, ["percentage", "divide by 100"]),
        (-0.5, ["cannot be the length", "0 (the centre"]),
        (1.2, ["cannot be the length"]),
        (0.5, ["length 0.5", "(1 + 0.5)/2 = 0.750", "not 5/6"]),
        ((0.0, 0.0, 2 / 3), ["one number", "tuple of 3"]),
        ("2/3", ["without quotes"]),
    ],
    ids=repr,
)
def test_length_names_the_mistake(answer, words):
    assert_explains(check_copy_length(answer), words)


# -- 4. Measure and prepare ----------------------------------------------------------------------
@pytest.mark.parametrize("answer", [2 / 3, 0.667, 0.67, MEASURE_PREPARE, np.float64(2 / 3)], ids=repr)
def test_measure_prepare_accepts_two_thirds(answer):
    feedback = check_measure_prepare_fidelity(answer)
    assert feedback.correct, str(feedback)
    assert "(n + 1)/(n + 2)" in feedback.message.lower() and "next cell" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (5 / 6, ["two copies", "as many copies as it likes"]),
        (0.5, ["worst case", "equator"]),
        (1, ["best case", "on the measured axis"]),
        (0.75, ["around a circle", "1/3"]),
        (1 / 3, ["average of cos²θ alone"]),
        (7 / 9, ["three copies"]),
        (66.7, ["percentage"]),
        (0.6, ["not the probability", "averages to 1/3"]),
    ],
    ids=repr,
)
def test_measure_prepare_names_the_mistake(answer, words):
    assert_explains(check_measure_prepare_fidelity(answer), words)


# -- 5. Why a qubit cannot be amplified ----------------------------------------------------------
@pytest.mark.parametrize(
    "answer",
    [
        "b",
        "B",
        " b ",
        "(b)",
        "b)",
        "b.",
        "(B) ",
        "option b",
        "Option B",
        "answer: b",
        "the answer is b",
        "choice b",
    ],
    ids=repr,
)
def test_amplifier_accepts_the_letter_in_any_usual_form(answer):
    feedback = check_no_amplifier(answer)
    assert feedback.correct, str(feedback)
    assert "amplifying is copying" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ("a", ["(a) is not the reason", "however strong", "5/6"]),
        ("(A)", ["(a) is not the reason"]),
        ("c", ["half right", "2/3", "measures nothing", "5/6"]),
        ("d", ["0.854", "orthogonal"]),
        ("e", ["no statement 'e'", "a, b, c, d"]),
        ("z", ["no statement 'z'"]),
        ("b, c", ["several statements", "choose one"]),
        ("b and d", ["several statements"]),
        ("bc", ["several statements"]),
        ("(a)(b)", ["several statements"]),
        ("because an amplifier copies", ["just the letter", "not a sentence"]),
        ("", ["empty text"]),
        ("   ", ["empty text"]),
        (2, ["not a letter", "in quotes"]),
        (True, ["not a letter"]),
        (["b"], ["a list", "not one letter"]),
        (("b",), ["a tuple"]),
        (b"b", ["not a letter"]),
        ("x" * 10_000, ["10000 characters", "one letter"]),
    ],
    ids=lambda value: repr(value)[:30],
)
def test_amplifier_explains_each_wrong_choice_and_each_unreadable_answer(answer, words):
    assert_explains(check_no_amplifier(answer), words)


def test_every_wrong_choice_has_its_own_explanation():
    messages = {letter: check_no_amplifier(letter).message for letter in AMPLIFIER_CHOICES}
    assert [letter for letter, message in messages.items() if check_no_amplifier(letter).correct] == ["b"]
    wrong = [message for letter, message in messages.items() if letter != AMPLIFIER_RIGHT_CHOICE]
    assert len(set(wrong)) == len(wrong) == 3
    for letter, message in messages.items():
        assert message.startswith(f"({letter})")


def test_the_lesson_prints_the_statements_the_check_judges():
    """The notebook's exercise 5 lists the very statements of AMPLIFIER_CHOICES, by the same letters."""
    text = lesson_text(LESSON_NOTEBOOK)
    markdown = text.markdown
    for letter, statement in AMPLIFIER_CHOICES.items():
        assert f"**({letter})** {statement}" in markdown, letter


# -- Per-student numbers --------------------------------------------------------------------------


def _gisin_massar(n: int, m: int) -> float:
    """F = (M(N + 1) + N) / (M(N + 2)), written out."""
    return float(Fraction(m * (n + 1) + n, m * (n + 2)))


def test_the_first_options_are_the_lessons_two_copies():
    assert UNIVERSAL_COPIES[0] == COPY_LENGTH_COPIES[0] == 2


@pytest.mark.parametrize("copies", UNIVERSAL_COPIES)
def test_universal_fidelity_judges_each_students_own_number_of_copies(copies):
    exercise_id = "no_cloning.universal_fidelity"
    student = student_for(exercise_id, copies=copies)
    truth = _gisin_massar(1, copies)
    assert check_universal_fidelity(truth, student=student).correct
    assert_explains(check_universal_fidelity(_gisin_massar(copies, 1), student=student), ["n and m swapped"])
    assert_explains(check_universal_fidelity(2 / 3, student=student), ["very many copies"])
    assert f"m = {copies} copies out" in check_universal_fidelity(0.02, student=student).hint.lower()
    if student:
        feedback = check_universal_fidelity(UNIVERSAL, student=student)
        assert not feedback.correct and "lesson's numbers" in feedback.message
        assert f"M = {copies}" in feedback.numbers
    assert reference_solution(exercise_id, student) == pytest.approx(truth, abs=1e-12)
    assert check_universal_fidelity(reference_solution(exercise_id, student), student=student).correct


@pytest.mark.parametrize("copies", COPY_LENGTH_COPIES)
def test_copy_length_judges_each_students_own_number_of_copies(copies):
    exercise_id = "no_cloning.copy_length"
    student = student_for(exercise_id, copies=copies)
    fidelity = _gisin_massar(1, copies)
    truth = 2 * fidelity - 1  # F = (1 + r)/2 for a copy along the original
    feedback = check_copy_length(truth, student=student)
    assert feedback.correct, str(feedback)
    assert f"{Fraction(copies + 2, 3 * copies)} ≈" in feedback.message
    assert_explains(check_copy_length(fidelity, student=student), ["is the fidelity"])
    assert_explains(check_copy_length(1 - truth, student=student), ["lost", "left"])
    if student:
        feedback = check_copy_length(LENGTH, student=student)
        assert not feedback.correct and "lesson's numbers" in feedback.message
    assert reference_solution(exercise_id, student) == pytest.approx(truth, abs=1e-12)
    assert check_copy_length(reference_solution(exercise_id, student), student=student).correct


def test_the_two_copy_length_is_the_simulated_machines():
    """For M = 2 the check measures the simulated universal copier; the closed form agrees."""
    assert no_cloning._copy_length(2) == pytest.approx(2 * _gisin_massar(1, 2) - 1, abs=1e-9)


@pytest.mark.parametrize("exercise_id", ["no_cloning.universal_fidelity", "no_cloning.copy_length"])
def test_each_students_answer_differs_from_every_other_option(exercise_id):
    answers = sorted(
        reference_solution(exercise_id, student_for(exercise_id, copies=m))
        for m in EXERCISES[exercise_id].params[0].options
    )
    assert all(b - a > 0.01 for a, b in zip(answers, answers[1:])), answers
