"""Exercises of lesson 07: right answers in every form pass, each typical mistake is named.

Truths are written here as closed forms, independent of the checks' code and of
:mod:`qwidgets.physics`: P(same bit) = cos^2((a - b)/2) for Phi+ (Nielsen & Chuang 2010), Bob's
share of 0s 1/2 whatever Alice does (no signalling), the best classical CHSH game 3/4 found by
trying all 16 answer tables here, S = 2 sqrt(2) (4F - 1)/3 for a Werner pair at the CHSH angles
and the threshold F = (1 + 3/sqrt(2))/4 (Horodecki, Horodecki & Horodecki, PLA 200, 340, 1995).
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import numpy as np
import pytest
from qwidgets_grading import reference_solution

from qwidgets.exercises import (
    CHSH_WERNER_FIDELITIES,
    CHSH_WERNER_FIDELITY,
    EXERCISES,
    NO_MESSAGE_CHOICES,
    NO_MESSAGE_RIGHT_CHOICE,
    PAIR_ANGLES,
    SAME_BIT_BOB_ANGLES,
    assert_correct,
    check_bob_without_news,
    check_chsh_classical_win,
    check_chsh_violation_fidelity,
    check_chsh_werner_value,
    check_no_signalling,
    check_same_bit_probability,
)
from qwidgets.testing.feedback import assert_explains
from qwidgets.testing.feedback import feedback_text as text
from qwidgets.testing.notebooks import lesson_text
from qwidgets.testing.variants import student_for

LESSON_NOTEBOOK = Path(__file__).resolve().parents[2] / "lessons" / "07_entanglement.ipynb"
IDS = [exercise_id for exercise_id in EXERCISES if exercise_id.startswith("entanglement.")]


def best_classical_win() -> float:
    """The CHSH game's best deterministic plan, by trying all 16 answer tables (a0, a1, b0, b1)."""
    return max(
        sum((answers[x] ^ answers[2 + y]) == (x & y) for x in (0, 1) for y in (0, 1)) / 4
        for answers in itertools.product((0, 1), repeat=4)
    )


# Closed forms of the answers and of the mistakes.
SAME = math.cos(math.pi / 8) ** 2  # 0.8536
DIFFERENT = math.sin(math.pi / 8) ** 2  # 0.1464
BOB = 0.5
CLASSICAL = best_classical_win()
QUANTUM_WIN = math.cos(math.pi / 8) ** 2
F = 0.85
SHRINK = (4 * F - 1) / 3  # 0.8 = 1 - p, p = 0.2
WERNER_S = 2 * math.sqrt(2) * SHRINK
THRESHOLD = (1 + 3 / math.sqrt(2)) / 4  # 0.7803
NOISE_THRESHOLD = 1 - 1 / math.sqrt(2)


def test_lesson_07_registers_its_exercises_in_order():
    assert IDS == [
        "entanglement.same_bit_probability",
        "entanglement.bob_without_news",
        "entanglement.chsh_classical_win",
        "entanglement.chsh_werner_value",
        "entanglement.chsh_violation_fidelity",
        "entanglement.no_signalling",
    ]
    assert {EXERCISES[i].lesson for i in IDS} == {"07_entanglement"}
    assert [EXERCISES[i].points for i in IDS] == [1, 1, 1, 2, 2, 1]


def test_the_constants_are_the_lessons():
    assert PAIR_ANGLES == (0.0, math.pi / 4)
    assert CHSH_WERNER_FIDELITY == F


def test_the_closed_forms_are_the_textbook_numbers():
    assert SAME == pytest.approx(0.8536, abs=1e-4) and DIFFERENT == pytest.approx(0.1464, abs=1e-4)
    assert CLASSICAL == 0.75
    assert WERNER_S == pytest.approx(2.2627, abs=1e-4)
    assert THRESHOLD == pytest.approx(0.7803, abs=1e-4)
    assert 1 - 3 * NOISE_THRESHOLD / 4 == pytest.approx(THRESHOLD)  # the panel's noise p and F
    assert 2 * math.sqrt(2) * (4 * THRESHOLD - 1) / 3 == pytest.approx(2.0)


@pytest.mark.parametrize(
    ("exercise_id", "closed_form"),
    [
        ("entanglement.same_bit_probability", SAME),
        ("entanglement.bob_without_news", BOB),
        ("entanglement.chsh_classical_win", CLASSICAL),
        ("entanglement.chsh_werner_value", WERNER_S),
        ("entanglement.chsh_violation_fidelity", THRESHOLD),
        ("entanglement.no_signalling", "b"),
    ],
)
def test_reference_solutions_are_the_closed_forms_and_pass(exercise_id, closed_form):
    solution = reference_solution(exercise_id)
    if isinstance(closed_form, str):
        assert solution == closed_form
    else:
        assert solution == pytest.approx(closed_form, rel=1e-9)
    assert EXERCISES[exercise_id].check(solution).correct
    assert EXERCISES[exercise_id].check(closed_form).correct
    assert_correct(exercise_id, solution)


@pytest.mark.parametrize(
    ("exercise_id", "wrong_answer"),
    [
        ("entanglement.same_bit_probability", math.cos(math.pi / 4)),
        ("entanglement.bob_without_news", SAME),
        ("entanglement.chsh_classical_win", 0.5),
        ("entanglement.chsh_werner_value", 2 * math.sqrt(2) * F),
        ("entanglement.chsh_violation_fidelity", 0.5),
        ("entanglement.no_signalling", "c"),
    ],
)
def test_assert_correct_raises_for_a_wrong_answer_with_the_feedback(exercise_id, wrong_answer):
    with pytest.raises(AssertionError, match="Not yet"):
        assert_correct(exercise_id, wrong_answer)


# -- 1. How often the bits agree -----------------------------------------------------------------
@pytest.mark.parametrize("answer", [SAME, 0.854, 0.85, 0.86, np.float64(SAME), np.array(0.854), SAME + 0j])
def test_same_bit_probability_accepts_cos_squared_of_half_the_angle(answer):
    feedback = check_same_bit_probability(answer)
    assert feedback.correct, str(feedback)
    assert "cos²(π/8)" in feedback.message and "panel" in feedback.message


@pytest.mark.parametrize("answer", [0.83, 0.87, 0.9])
def test_same_bit_probability_refuses_numbers_off_by_more_than_a_hundredth(answer):
    assert check_same_bit_probability(answer).status == "wrong"


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (math.cos(math.pi / 4), ["correlation e(a, b)", "(1 + e)/2"]),
        (math.cos(math.pi / 8), ["amplitude", "square"]),
        (math.cos(math.pi / 4) ** 2, ["whole angle", "half of it"]),
        (DIFFERENT, ["differ"]),
        (math.cos(22.5) ** 2, ["degrees", "radians"]),
        (1, ["same direction", "degrees"]),
        (85.4, ["percentage"]),
        (1.5, ["cannot be a probability"]),
        (0.3, ["not the probability asked for", "cos²(δ/2)"]),
    ],
    ids=repr,
)
def test_same_bit_probability_names_the_mistake(answer, words):
    assert_explains(check_same_bit_probability(answer), words)


# -- 2. Bob's bits while Alice says nothing ------------------------------------------------------
@pytest.mark.parametrize("answer", [BOB, 0.5, 0.49, 0.51, np.float32(0.5), 1 / 2 + 0j])
def test_bob_without_news_accepts_one_half(answer):
    feedback = check_bob_without_news(answer)
    assert feedback.correct, str(feedback)
    assert "measure alice" in feedback.message.lower() and "fair coin" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (SAME, ["where alice got 0"]),
        (DIFFERENT, ["where alice got 1"]),
        (SAME / 2, ["both got 0", f"{DIFFERENT / 2:.3f}"]),
        (math.cos(math.pi / 4), ["correlation"]),
        (math.cos(math.pi / 8), ["amplitude", "assumes alice got 0"]),
        (0, ["nobody tells bob"]),
        (1, ["nobody tells bob"]),
        (50, ["percentage"]),
        (0.3, ["not the share of bob's bits that are 0", "all the pairs"]),
    ],
    ids=repr,
)
def test_bob_without_news_names_the_mistake(answer, words):
    assert_explains(check_bob_without_news(answer), words)


# -- 3. The best classical plan ------------------------------------------------------------------
@pytest.mark.parametrize("answer", [CLASSICAL, 0.75, 3 / 4, np.float64(0.75), 0.76])
def test_chsh_classical_win_accepts_three_quarters(answer):
    feedback = check_chsh_classical_win(answer)
    assert feedback.correct, str(feedback)
    assert "16 plans" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (0.5, ["random answers", "always answer 0"]),
        (1, ["no plan wins every time", "every answer appears twice"]),
        (QUANTUM_WIN, ["entangled pair", "without entanglement"]),
        (2, ["chsh bound", "1/2 + s/8"]),
        (0.25, ["loses"]),
        (75, ["percentage"]),
        (0.6, ["not the probability asked for", "simplest plan"]),
    ],
    ids=repr,
)
def test_chsh_classical_win_names_the_mistake(answer, words):
    assert_explains(check_chsh_classical_win(answer), words)


# -- 4. The CHSH value of a Werner pair ----------------------------------------------------------
@pytest.mark.parametrize("answer", [WERNER_S, 2.263, 2.26, 2.25, 2.28, np.float64(WERNER_S)])
def test_chsh_werner_value_accepts_two_root_two_times_four_f_minus_one_over_three(answer):
    feedback = check_chsh_werner_value(answer)
    assert feedback.correct, str(feedback)
    assert "2.263" in feedback.message and "noise 0.2" in feedback.message


@pytest.mark.parametrize("answer", [2.2, 2.32])
def test_chsh_werner_value_refuses_values_off_by_more_than_two_hundredths(answer):
    assert check_chsh_werner_value(answer).status == "wrong"


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (2 * math.sqrt(2) * F, ["weight of the perfect pair", "three other bell states"]),
        (2 * math.sqrt(2), ["perfect pair's s"]),
        (SHRINK, ["factor", "shrinks"]),
        (0.5 + WERNER_S / 8, ["winning probability"]),
        (F, ["fidelity of the pair"]),
        (2, ["classical bound"]),
        (-WERNER_S, ["wrong sign"]),
        (3.5, ["tsirelson"]),
        (2.5, ["not s for this pair"]),
    ],
    ids=repr,
)
def test_chsh_werner_value_names_the_mistake(answer, words):
    feedback = check_chsh_werner_value(answer)
    assert_explains(feedback, words)
    assert "p = 4(1 − f)/3 = 0.20" in text(feedback)


# -- 5. The fidelity that beats the bound --------------------------------------------------------
@pytest.mark.parametrize("answer", [THRESHOLD, 0.78, 0.7803, 0.785, np.float64(0.78)])
def test_chsh_violation_fidelity_accepts_the_horodecki_threshold(answer):
    feedback = check_chsh_violation_fidelity(answer)
    assert feedback.correct, str(feedback)
    assert "(1 + 3/√2)/4" in feedback.message and "entangled" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (0.5, ["entangled", "s ≤ 2"]),
        (1 / math.sqrt(2), ["1/√2", "not f itself"]),
        (0.75, ["classical winning probability"]),
        (NOISE_THRESHOLD, ["noise", "f = 1 − 3p/4"]),
        (0.25, ["maximally mixed"]),
        (1, ["need not be perfect"]),
        (78, ["percentage"]),
        (0.6, ["not the fidelity", "solve s = 2"]),
        (1.2, ["cannot be the fidelity"]),
    ],
    ids=repr,
)
def test_chsh_violation_fidelity_names_the_mistake(answer, words):
    assert_explains(check_chsh_violation_fidelity(answer), words)


# -- 6. Why no message ---------------------------------------------------------------------------
@pytest.mark.parametrize("answer", ["b", "B", "(b)", " b) ", "option b"])
def test_no_signalling_accepts_the_letter_in_any_usual_form(answer):
    feedback = check_no_signalling(answer)
    assert feedback.correct, str(feedback)
    assert "no signalling" in feedback.message and "i/2" in feedback.message.lower()


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ("a", ["same direction", "every time"]),
        ("c", ["no experiment", "too far apart"]),
        ("d", ["already be a signal", "whatever angle"]),
        ("e", ["no statement 'e'"]),
        ("b and c", ["several statements"]),
        ("bob sees a coin", ["just the letter"]),
        (2, ["not a letter"]),
    ],
    ids=repr,
)
def test_no_signalling_explains_each_wrong_choice(answer, words):
    assert_explains(check_no_signalling(answer), words)


def test_no_signalling_has_exactly_one_right_statement():
    right = [letter for letter in NO_MESSAGE_CHOICES if check_no_signalling(letter).correct]
    assert right == [NO_MESSAGE_RIGHT_CHOICE] == ["b"]
    messages = {check_no_signalling(letter).message for letter in NO_MESSAGE_CHOICES}
    assert len(messages) == len(NO_MESSAGE_CHOICES)


# -- The lesson ----------------------------------------------------------------------------------
def _notebook() -> tuple[str, list[str], str]:
    text = lesson_text(LESSON_NOTEBOOK)
    return text.markdown, list(text.code), "\n".join(text.printed)


def test_the_lesson_asks_what_the_checks_judge():
    markdown, sources, _ = _notebook()
    for letter, statement in NO_MESSAGE_CHOICES.items():
        assert f"**({letter})** {statement}" in markdown, letter
    assert "$\\pi/4$ in the lesson, halfway between $z$ and $x$" in markdown
    assert "`numbers.bob_angle`" in markdown
    assert "$F = 0.85$ in the lesson (`CHSH_WERNER_FIDELITY`)" in markdown
    assert "`numbers.fidelity`" in markdown
    assert "Science* **362**, eaam9288, 2018" in markdown
    assert "*Nature* **526**, 682, 2015" in markdown


def test_the_lesson_embeds_its_panels_with_the_suggested_settings():
    _, sources, _ = _notebook()
    # exercise 1's panel starts at the student's own angle, exercise 2's at the lesson's
    assert any(
        'BellPairPanel(pair="phi+", alice_angle=alice_angle, bob_angle=numbers.bob_angle' in s
        for s in sources
    )
    assert any(
        'BellPairPanel(pair="phi+", alice_angle=alice_angle, bob_angle=bob_angle' in s for s in sources
    )
    # exercise 4's panel starts at the noise p = 4(1 - F)/3 of the student's own F
    assert any(
        "noise = round(4 * (1 - numbers.fidelity) / 3, 2)" in s
        and 'CHSHPanel(noise=noise, strategy="quantum", rounds=1000, seed=0)' in s
        for s in sources
    )


def test_the_printed_computations_match_the_closed_forms():
    _, _, printed = _notebook()
    assert "both along x: P(00) = 0.50, P(01) = 0.00, P(10) = 0.00, P(11) = 0.50" in printed
    assert "Bob's qubit alone: Bloch vector (0.00, 0.00, 0.00)" in printed
    assert f"Bob at 1π/4: P(same bit) = {SAME:.3f}, E = +{math.cos(math.pi / 4):.3f}" in printed
    assert f"pairs where Alice got 1: Bob gets 0 in {DIFFERENT:.3f} of them" in printed
    assert "all pairs, Alice's bits unknown: Bob gets 0 in 0.500 of them" in printed
    assert f"16 plans; the best wins {CLASSICAL:.2f} of the rounds" in printed
    assert f"S = {2 * math.sqrt(2):.3f}: classical bound 2" in printed
    assert f"winning probability 1/2 + S/8 = {QUANTUM_WIN:.3f}" in printed
    assert f"F = 0.85: S = {WERNER_S:.3f}" in printed
    assert f"F = 0.78: S = {2 * math.sqrt(2) * (4 * 0.78 - 1) / 3:.3f}" in printed  # just below 2
    assert "F = 0.50: S = 0.943, best S = 0.943, concurrence 0.00" in printed


# -- Per-student numbers -------------------------------------------------------------------------
BOB_ANGLE_OPTIONS = [math.pi / 4, math.pi / 10, 3 * math.pi / 10, 3 * math.pi / 8, 2 * math.pi / 5]
WERNER_F_OPTIONS = [0.85, 0.79, 0.82, 0.88, 0.94]


def test_the_options_are_the_lessons_numbers_first():
    assert list(SAME_BIT_BOB_ANGLES) == pytest.approx(BOB_ANGLE_OPTIONS, abs=1e-15)
    assert SAME_BIT_BOB_ANGLES[0] == PAIR_ANGLES[1]
    assert list(CHSH_WERNER_FIDELITIES) == WERNER_F_OPTIONS
    assert CHSH_WERNER_FIDELITIES[0] == CHSH_WERNER_FIDELITY


@pytest.mark.parametrize("index", range(len(BOB_ANGLE_OPTIONS)))
def test_same_bit_probability_judges_each_students_angle(index):
    exercise_id = "entanglement.same_bit_probability"
    b = BOB_ANGLE_OPTIONS[index]
    student = student_for(exercise_id, bob_angle=b)
    truth = math.cos(b / 2) ** 2  # Alice at 0, Bob at b: half the angle between them
    feedback = check_same_bit_probability(truth, student=student)
    assert feedback.correct, str(feedback)
    assert f"{truth:.3f}" in feedback.message
    assert_explains(check_same_bit_probability(math.sin(b / 2) ** 2, student=student), ["differ"])
    assert_explains(check_same_bit_probability(math.cos(b), student=student), ["correlation e(a, b)"])
    assert_explains(check_same_bit_probability(math.cos(b) ** 2, student=student), ["whole angle"])
    if index:
        lessons = check_same_bit_probability(SAME, student=student)
        assert_explains(lessons, ["lesson's numbers"])
        assert feedback.numbers and "b = " in feedback.numbers
    assert reference_solution(exercise_id, student) == pytest.approx(truth, abs=1e-12)
    assert check_same_bit_probability(reference_solution(exercise_id, student), student=student).correct


@pytest.mark.parametrize("index", range(len(WERNER_F_OPTIONS)))
def test_chsh_werner_value_judges_each_students_fidelity(index):
    exercise_id = "entanglement.chsh_werner_value"
    f = WERNER_F_OPTIONS[index]
    student = student_for(exercise_id, fidelity=f)
    truth = 2 * math.sqrt(2) * (4 * f - 1) / 3  # Werner pair at the CHSH angles
    noise = 4 * (1 - f) / 3
    assert truth > 2 + 0.02  # every student's pair still beats the classical bound
    feedback = check_chsh_werner_value(truth, student=student)
    assert feedback.correct, str(feedback)
    assert f"{truth:.3f}" in feedback.message and f"noise {noise:.2f}" in feedback.message
    weight = check_chsh_werner_value(2 * math.sqrt(2) * f, student=student)
    assert_explains(weight, ["weight of the perfect pair", f"p = 4(1 − f)/3 = {noise:.2f}"])
    assert_explains(check_chsh_werner_value(f, student=student), ["fidelity of the pair"])
    if index:
        assert_explains(check_chsh_werner_value(WERNER_S, student=student), ["lesson's numbers"])
    assert reference_solution(exercise_id, student) == pytest.approx(truth, abs=1e-12)
    assert check_chsh_werner_value(reference_solution(exercise_id, student), student=student).correct
