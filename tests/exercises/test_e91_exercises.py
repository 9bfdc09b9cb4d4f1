"""Exercises of lesson 08: right answers in every form pass, each typical mistake is named.

Truths are written here as closed forms, independent of the checks' code and of
:mod:`qwidgets.physics`: Ekert's settings (PRL 67, 661, 1991: Alice at 0, pi/4, pi/2, Bob at
pi/4, pi/2, 3 pi/4, the key from a2b1 and a3b2), 2/9 of the pairs as key, the correlation
``E = cos(a - b)`` of a ``Phi+`` pair (bits agree with probability ``cos^2((a - b)/2)``),
``S = sqrt(2)`` and a QBER of 1/4 under a full intercept-resend in Z or X, and
``S = 2 sqrt(2)(1 - 2p)`` with bit-flip noise ``p``.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from qwidgets_grading import reference_solution

from qwidgets.exercises import (
    DEVICE_INDEPENDENT_CHOICES,
    DEVICE_INDEPENDENT_RIGHT_CHOICE,
    E91_EVE_SHARES,
    E91_LESSON_PAIRS,
    E91_PAIRS_OPTIONS,
    EXERCISES,
    assert_correct,
    check_e91_device_independent,
    check_e91_eve_chsh,
    check_e91_eve_qber,
    check_e91_key_bits,
    check_e91_key_settings,
    check_e91_noise_threshold,
)
from qwidgets.testing.feedback import assert_explains
from qwidgets.testing.notebooks import lesson_text
from qwidgets.testing.variants import student_for

LESSON_NOTEBOOK = Path(__file__).resolve().parents[2] / "lessons" / "08_e91.ipynb"
IDS = [exercise_id for exercise_id in EXERCISES if exercise_id.startswith("e91.")]

KEY_BITS = 9000 * 2 / 9  # 2000
EVE_S = math.sqrt(2)  # every correlation halves: 2 sqrt(2) / 2
EVE_QBER = 0.25  # wrong basis half the time, then a coin toss
NOISE_P = (1 - 1 / math.sqrt(2)) / 2  # 2 sqrt(2)(1 - 2p) = 2
WHITE_NOISE_P = 1 - 1 / math.sqrt(2)  # 2 sqrt(2)(1 - p) = 2, lesson 07's CHSH panel
EVE_SHARE = 2 - math.sqrt(2)  # 2 sqrt(2)(1 - f) + sqrt(2) f = 2


def agree(a: float, b: float) -> float:
    """P(same bits) of a Phi+ pair measured at Bloch angles a and b in the x-z plane."""
    return math.cos((a - b) / 2) ** 2


def test_lesson_08_registers_its_exercises_in_order():
    assert IDS == [
        "e91.e91_key_settings",
        "e91.e91_key_bits",
        "e91.e91_eve_chsh",
        "e91.e91_eve_qber",
        "e91.e91_noise_threshold",
        "e91.e91_device_independent",
    ]
    assert {EXERCISES[i].lesson for i in IDS} == {"08_e91"}
    assert [EXERCISES[i].points for i in IDS] == [1, 1, 2, 1, 2, 1]


def test_the_constants_are_the_lessons():
    assert E91_LESSON_PAIRS == 9000
    assert tuple(DEVICE_INDEPENDENT_CHOICES) == ("a", "b", "c", "d")


def test_the_closed_forms_are_the_textbook_numbers():
    assert KEY_BITS == pytest.approx(2000)
    assert EVE_S == pytest.approx(1.41421, abs=1e-5)
    assert NOISE_P == pytest.approx(0.146447, abs=1e-6) and WHITE_NOISE_P == pytest.approx(0.292893, abs=1e-6)
    assert EVE_SHARE == pytest.approx(0.585786, abs=1e-6)
    assert agree(math.pi / 4, math.pi / 4) == 1 and agree(0, math.pi / 4) == pytest.approx(0.853553, abs=1e-6)


@pytest.mark.parametrize(
    ("exercise_id", "closed_form"),
    [
        ("e91.e91_key_settings", "a2b1, a3b2"),
        ("e91.e91_key_bits", KEY_BITS),
        ("e91.e91_eve_chsh", EVE_S),
        ("e91.e91_eve_qber", EVE_QBER),
        ("e91.e91_noise_threshold", NOISE_P),
        ("e91.e91_device_independent", "b"),
    ],
)
def test_reference_solutions_are_the_closed_forms_and_pass(exercise_id, closed_form):
    solution = reference_solution(exercise_id)
    if isinstance(closed_form, str):
        assert solution == closed_form
    else:
        assert solution == pytest.approx(closed_form, rel=1e-9)
    assert EXERCISES[exercise_id].check(closed_form).correct
    assert_correct(exercise_id, solution)


@pytest.mark.parametrize(
    ("exercise_id", "wrong_answer"),
    [
        ("e91.e91_key_settings", "a1b1, a2b2, a3b3"),
        ("e91.e91_key_bits", 3000),
        ("e91.e91_eve_chsh", 2 * math.sqrt(2)),
        ("e91.e91_eve_qber", 0.5),
        ("e91.e91_noise_threshold", 0.11),
        ("e91.e91_device_independent", "c"),
    ],
)
def test_assert_correct_raises_for_a_wrong_answer_with_the_feedback(exercise_id, wrong_answer):
    with pytest.raises(AssertionError, match="Not yet"):
        assert_correct(exercise_id, wrong_answer)


# -- 1. Which settings give key --------------------------------------------------------------------
@pytest.mark.parametrize(
    "answer",
    [
        "a2b1, a3b2",
        "a3b2 a2b1",
        "A2B1 and A3B2",
        "(a2, b1), (a3, b2)",
        ["a2b1", "a3b2"],
        [("a2", "b1"), ("a3", "b2")],
        "b1a2, b2a3",
        "a_2 b_1; a_3 b_2",
        "a2b1, a3b2, a2b1",
        {"a3b2", "a2b1"},
        "a2b1. a3b2.",
    ],
    # the same ids in every process (pytest-xdist): a set's repr depends on the hash seed
    ids=lambda answer: f"set {sorted(answer)}" if isinstance(answer, set) else repr(answer),
)
def test_key_settings_accepts_the_pairs_at_a_common_angle_in_any_usual_form(answer):
    feedback = check_e91_key_settings(answer)
    assert feedback.correct, str(feedback)
    assert "a2b1" in feedback.message and "a3b2" in feedback.message and "2 of the 9" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ("a1b1, a2b2, a3b3", ["same position", "starts at 0.25π", f"{agree(0, math.pi / 4):.0%}"]),
        ("a1b1, a1b3, a3b1, a3b3", ["bell test", "85%", "15%"]),
        ("a1b2, a2b3", ["swap the two sides"]),
        (", ".join(f"a{i}b{j}" for i in (1, 2, 3) for j in (1, 2, 3)), ["not every pair"]),
        ("a2b1", ["is right", "one more pair"]),
        ("a3b2", ["is right", "one more pair"]),
        ("a2b1, a3b2, a1b1", ["a1b1", "85%", "not always"]),
        ("a2b1, a1b3", ["a1b3", "15%", "1 of the key pairs is missing"]),
        ("a1b2", ["a1b2", "50%", "2 of the key pairs are missing"]),
        ("a1b0, a2b1", ["no a0 or b0", "count from 1"]),
        ("a4b1", ["three settings each"]),
    ],
    ids=repr,
)
def test_key_settings_names_the_mistake(answer, words):
    feedback = check_e91_key_settings(answer)
    assert_explains(feedback, words)
    assert "cos(a − b)" in feedback.hint


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ([(2, 1), (3, 2)], ["rather than pairs of numbers", "python index"]),
        ("a2", ["one of alice's settings and one of bob's"]),
        ("a2a3", ["one of alice's settings and one of bob's"]),
        ("", ["names no setting"]),
        ("the second and third", ["a1b2, a3b3"]),
        (7, ["a1b2, a3b3"]),
    ],
    ids=repr,
)
def test_key_settings_explains_an_answer_of_the_wrong_form(answer, words):
    feedback = check_e91_key_settings(answer)
    assert feedback.status == "wrong" and "could not read" in feedback.message
    assert_explains(feedback, words)


# -- 2. How many key bits ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "answer", [KEY_BITS, 2000, 1990, 2015.5, np.int64(2000), np.float32(2000.0), 2000 + 0j]
)
def test_key_bits_accepts_two_ninths_of_9000(answer):
    feedback = check_e91_key_bits(answer)
    assert feedback.correct, str(feedback)
    assert "2000 key bits" in feedback.message and "panel" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (3000, ["a third", "common angle"]),
        (4500, ["bb84's sifting"]),
        (4000, ["as many as the bell test uses", "common angle"]),
        (6000, ["bell test too"]),
        (1000, ["one pair of settings only"]),
        (9000, ["every pair"]),
        (2 / 9, ["share of the pairs", "multiply it by 9000"]),
        (22.2, ["percentage"]),
        (1957, ["one run", "expected count"]),
        (2100, ["one run"]),
        (2500, ["not the expected number"]),
    ],
    ids=repr,
)
def test_key_bits_names_the_mistake(answer, words):
    feedback = check_e91_key_bits(answer)
    assert_explains(feedback, words)
    assert "probability 1/9" in feedback.hint


# -- 3. S with Eve on every pair -----------------------------------------------------------------------
@pytest.mark.parametrize("answer", [EVE_S, 1.41, 1.4, 1.43, np.float64(1.414), 2 * math.sqrt(2) / 2])
def test_eve_chsh_accepts_root_two(answer):
    feedback = check_e91_eve_chsh(answer)
    assert feedback.correct, str(feedback)
    assert (
        "√2" in feedback.message
        and "alarm" in feedback.message
        and "local hidden variables" in feedback.message
    )


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (2 * math.sqrt(2), ["untouched pair", "no trace"]),
        (2.0, ["classical bound", "gives less"]),
        (0.0, ["no correlation at all"]),
        (2 * math.sqrt(2) * 0.75, ["1 − qber", "twice as fast"]),
        (math.sqrt(2) / 2, ["a quarter", "halves too"]),
        (-math.sqrt(2), ["wrong sign"]),
        (3.5, ["more than 2√2", "tsirelson"]),
        (2.4, ["above 2", "entanglement"]),
        (1.0, ["not the s of this attack"]),
    ],
    ids=repr,
)
def test_eve_chsh_names_the_mistake(answer, words):
    feedback = check_e91_eve_chsh(answer)
    assert_explains(feedback, words)
    assert "cos a cos b" in feedback.hint and "sin a sin b" in feedback.hint


# -- 4. The QBER with Eve on every pair -------------------------------------------------------------------
@pytest.mark.parametrize("answer", [EVE_QBER, 1 / 4, 0.25, 0.26, 0.245, np.float64(0.25)])
def test_eve_qber_accepts_a_quarter(answer):
    feedback = check_e91_eve_qber(answer)
    assert feedback.correct, str(feedback)
    assert "25 %" in feedback.message and "lesson 04" in feedback.message and "1.41" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (0.5, ["does not fit the key setting", "coin toss"]),
        (0.0, ["in her basis", "random"]),
        (1 / 8, ["always in x"]),
        (3 / 8, ["always in z"]),
        (0.75, ["agree", "differ"]),
        (25, ["percentage"]),
        (1.5, ["between 0 and 1"]),
        (0.4, ["not the qber"]),
    ],
    ids=repr,
)
def test_eve_qber_names_the_mistake(answer, words):
    feedback = check_e91_eve_qber(answer)
    assert_explains(feedback, words)
    assert "coin toss" in feedback.hint or "Divide by 100" in feedback.hint


# -- 5. The noise at which S falls to 2 ------------------------------------------------------------------
@pytest.mark.parametrize("answer", [NOISE_P, 0.146, 0.15, 0.14, (2 - math.sqrt(2)) / 4, np.float64(0.1464)])
def test_noise_threshold_accepts_one_minus_one_over_root_two_halved(answer):
    feedback = check_e91_noise_threshold(answer)
    assert feedback.correct, str(feedback)
    assert "14.6%" in feedback.message and "three standard errors" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (WHITE_NOISE_P, ["0.293", "white noise", "(1 − 2p) e"]),
        (0.11, ["shor & preskill", "bell test"]),
        (0.25, ["eve measuring every pair", "√2"]),
        (EVE_SHARE, ["0.586", "share of the pairs eve may measure"]),
        (1 / math.sqrt(2), ["0.707", "not p itself"]),
        (0.5, ["coin tosses", "s = 0"]),
        (14.6, ["percentage"]),
        (-0.1, ["between 0 and 1"]),
        (0.05, ["not the noise p"]),
    ],
    ids=repr,
)
def test_noise_threshold_names_the_mistake(answer, words):
    feedback = check_e91_noise_threshold(answer)
    assert_explains(feedback, words)
    assert "2√2 (1 − 2p) = 2" in feedback.hint or "Divide by 100" in feedback.hint


# -- 6. Device independence ------------------------------------------------------------------------------
@pytest.mark.parametrize("answer", ["b", "B", "(b)", " b) ", "option b"])
def test_device_independent_accepts_the_letter_in_any_usual_form(answer):
    feedback = check_e91_device_independent(answer)
    assert feedback.correct, str(feedback)
    assert "closed labs" in feedback.message.lower() and "stage 2" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ("a", ["closed labs", "sends its results out"]),
        ("c", ["bounds how much eve can know", "privacy amplification"]),
        ("d", ["bb84's argument", "rigged device"]),
        ("e", ["no statement 'e'"]),
        ("a and b", ["several statements"]),
        ("the devices are trusted", ["just the letter"]),
        (2, ["not a letter"]),
    ],
    ids=repr,
)
def test_device_independent_explains_each_wrong_choice(answer, words):
    assert_explains(check_e91_device_independent(answer), words)


def test_device_independent_has_exactly_one_right_statement():
    right = [letter for letter in DEVICE_INDEPENDENT_CHOICES if check_e91_device_independent(letter).correct]
    assert right == [DEVICE_INDEPENDENT_RIGHT_CHOICE] == ["b"]
    messages = {check_e91_device_independent(letter).message for letter in DEVICE_INDEPENDENT_CHOICES}
    assert len(messages) == len(DEVICE_INDEPENDENT_CHOICES)


# -- The lesson ----------------------------------------------------------------------------------------
def _notebook() -> tuple[str, list[str], str]:
    text = lesson_text(LESSON_NOTEBOOK)
    return text.markdown, list(text.code), "\n".join(text.printed)


def test_the_lesson_asks_what_the_checks_judge():
    markdown, sources, printed = _notebook()
    for letter, statement in DEVICE_INDEPENDENT_CHOICES.items():
        assert f"**({letter})** {statement}" in markdown, letter
    assert "| $a_1 = 0$ | $a_2 = \\pi/4$ | $a_3 = \\pi/2$ |" in markdown
    assert "| $b_1 = \\pi/4$ | $b_2 = \\pi/2$ | $b_3 = 3\\pi/4$ |" in markdown
    assert "**9000 pairs** in the lesson" in markdown and "`numbers.pairs`" in markdown
    assert "E91Panel()" in sources and 'E91Panel(attack="intercept-resend")' in sources
    assert "S = 1.414, QBER = 0.250" in printed and "S = 2.828" in printed


def test_the_lesson_cites_its_sources():
    markdown, _, _ = _notebook()
    for citation in (
        "*Phys. Rev. Lett.* **67**, 661",  # Ekert 1991
        "*Science* **362**, eaam9288",  # Wehner, Elkouss & Hanson 2018
        "*Nature* **582**, 501",  # Yin et al. 2020
        "*Phys. Rev. Lett.* **98**, 230501",  # Acin et al. 2007
    ):
        assert citation in markdown, citation


# -- Per-student numbers -------------------------------------------------------------------------
PAIRS_OPTIONS = [9000, 6300, 7200, 8100, 9900, 11700]


def test_the_pairs_options_are_the_lessons_first():
    assert list(E91_PAIRS_OPTIONS) == PAIRS_OPTIONS
    assert E91_PAIRS_OPTIONS[0] == E91_LESSON_PAIRS


@pytest.mark.parametrize("index", range(len(PAIRS_OPTIONS)))
def test_key_bits_judges_each_students_pairs(index):
    exercise_id = "e91.e91_key_bits"
    n = PAIRS_OPTIONS[index]
    student = student_for(exercise_id, pairs=n)
    truth = n * 2 / 9  # two of the nine equally likely pairs of settings give key
    feedback = check_e91_key_bits(truth, student=student)
    assert feedback.correct, str(feedback)
    assert f"{truth:.0f} key bits" in feedback.message
    assert_explains(check_e91_key_bits(n / 3, student=student), ["a third"])
    assert_explains(check_e91_key_bits(n / 2, student=student), ["bb84's sifting"])
    assert_explains(check_e91_key_bits(4 * n / 9, student=student), ["as many as the bell test uses"])
    assert_explains(check_e91_key_bits(n, student=student), ["every pair"])
    assert_explains(check_e91_key_bits(2 / 9, student=student), [f"multiply it by {n}"])
    if index:
        assert_explains(check_e91_key_bits(KEY_BITS, student=student), ["lesson's numbers"])
    assert reference_solution(exercise_id, student) == pytest.approx(truth, abs=1e-9)
    assert check_e91_key_bits(reference_solution(exercise_id, student), student=student).correct


EVE_SHARE_OPTIONS = [1.0, 0.7, 0.75, 0.8, 0.9]


def test_the_eve_shares_are_the_lessons_first():
    assert list(E91_EVE_SHARES) == EVE_SHARE_OPTIONS


@pytest.mark.parametrize("index", range(len(EVE_SHARE_OPTIONS)))
def test_eve_chsh_judges_each_students_share(index):
    exercise_id = "e91.e91_eve_chsh"
    q = EVE_SHARE_OPTIONS[index]
    student = student_for(exercise_id, share=q)
    # a share q of the pairs measured (correlations halved), the rest untouched
    truth = (1 - q) * 2 * math.sqrt(2) + q * math.sqrt(2)
    assert truth < 2 - 0.02  # the alarm rings for every student
    feedback = check_e91_eve_chsh(truth, student=student)
    assert feedback.correct, str(feedback)
    assert f"{truth:.4f}" in feedback.message and "alarm" in feedback.message
    assert_explains(check_e91_eve_chsh(2 * math.sqrt(2), student=student), ["untouched pair"])
    assert_explains(check_e91_eve_chsh(2 * math.sqrt(2) * (1 - q / 4), student=student), ["1 − qber"])
    assert_explains(check_e91_eve_chsh(-truth, student=student), ["wrong sign"])
    if index:
        assert_explains(check_e91_eve_chsh(EVE_S, student=student), ["lesson's numbers"])
    assert reference_solution(exercise_id, student) == pytest.approx(truth, abs=1e-12)
    assert check_e91_eve_chsh(reference_solution(exercise_id, student), student=student).correct


@pytest.mark.parametrize("index", range(len(EVE_SHARE_OPTIONS)))
def test_eve_qber_judges_each_students_share(index):
    exercise_id = "e91.e91_eve_qber"
    q = EVE_SHARE_OPTIONS[index]
    student = student_for(exercise_id, share=q)
    truth = q / 4  # wrong basis on half the measured pairs, then a coin toss
    feedback = check_e91_eve_qber(truth, student=student)
    assert feedback.correct, str(feedback)
    assert_explains(check_e91_eve_qber(q / 2, student=student), ["does not fit the key setting"])
    assert_explains(check_e91_eve_qber(3 * q / 8, student=student), ["always in z"])
    assert_explains(check_e91_eve_qber(q / 8, student=student), ["always in x"])
    assert_explains(check_e91_eve_qber(1 - truth, student=student), ["agree"])
    if index:
        assert_explains(check_e91_eve_qber(EVE_QBER, student=student), ["lesson's numbers"])
    assert reference_solution(exercise_id, student) == pytest.approx(truth, abs=1e-12)
    assert check_e91_eve_qber(reference_solution(exercise_id, student), student=student).correct
