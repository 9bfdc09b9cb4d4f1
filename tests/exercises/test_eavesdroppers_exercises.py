"""Exercises of lesson 04: right answers in every form pass, each typical mistake is named.

Truths are written here as closed forms (e.g. (3/4)^20, 1 - 2h(0.05)), independent of the
checks' code and of :mod:`qwidgets.physics`.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from qwidgets_grading import reference_solution

from qwidgets.exercises import (
    EXERCISES,
    assert_correct,
    check_breidbart_guess,
    check_check_bits,
    check_key_fraction,
    check_partial_qber,
    check_pns_share,
    check_unseen_probability,
)
from qwidgets.testing.feedback import assert_explains
from qwidgets.testing.variants import student_for

LESSON_IDS = [exercise_id for exercise_id in EXERCISES if exercise_id.startswith("eavesdroppers.")]


def h(p: float) -> float:
    """Binary entropy in bits, written out."""
    return -p * math.log2(p) - (1 - p) * math.log2(1 - p)


# Closed forms of the answers.
PARTIAL_QBER = 0.4 * 0.5 * 0.5  # share attacked x wrong basis x wrong bit
BREIDBART = (2 + math.sqrt(2)) / 4  # cos²(π/8)
UNSEEN = 0.75**20
CHECK_BITS = math.ceil(math.log(0.001) / math.log(0.75))  # 24.01... -> 25
KEY_FRACTION = 1 - 2 * h(0.05)
MULTI = 1 - math.exp(-0.5) * 1.5  # Poisson P(n >= 2) at mu = 0.5
NONEMPTY = 1 - math.exp(-0.5)  # Poisson P(n >= 1)


def test_lesson_04_registers_its_exercises_in_order():
    assert LESSON_IDS == [
        "eavesdroppers.partial_qber",
        "eavesdroppers.breidbart_guess",
        "eavesdroppers.unseen_probability",
        "eavesdroppers.check_bits",
        "eavesdroppers.key_fraction",
        "eavesdroppers.pns_share",
    ]
    assert [EXERCISES[i].points for i in LESSON_IDS] == [1, 1, 1, 2, 1, 1]
    # the conventions every exercise shares are in test_every_exercise.py


def test_the_closed_forms_are_the_textbook_numbers():
    assert PARTIAL_QBER == pytest.approx(0.1)
    assert BREIDBART == pytest.approx(0.8536, abs=1e-4)
    assert UNSEEN == pytest.approx(0.003171, abs=1e-6)
    assert CHECK_BITS == 25 and 0.75**24 > 0.001 > 0.75**25
    assert KEY_FRACTION == pytest.approx(0.4272, abs=1e-4)
    assert MULTI == pytest.approx(0.0902, abs=1e-4)


@pytest.mark.parametrize(
    ("exercise_id", "closed_form"),
    [
        ("eavesdroppers.partial_qber", PARTIAL_QBER),
        ("eavesdroppers.breidbart_guess", BREIDBART),
        ("eavesdroppers.unseen_probability", UNSEEN),
        ("eavesdroppers.check_bits", CHECK_BITS),
        ("eavesdroppers.key_fraction", KEY_FRACTION),
        ("eavesdroppers.pns_share", 1.0),
    ],
)
def test_reference_solutions_are_the_closed_forms_and_pass(exercise_id, closed_form):
    solution = reference_solution(exercise_id)
    assert solution == pytest.approx(closed_form, abs=1e-12)
    assert EXERCISES[exercise_id].check(solution).correct
    assert EXERCISES[exercise_id].check(closed_form).correct
    assert_correct(exercise_id, solution)


@pytest.mark.parametrize("exercise_id", LESSON_IDS)
def test_text_gets_the_form_hint(exercise_id):
    check = EXERCISES[exercise_id].check
    feedback = check("0.5")
    assert "could not read" in feedback.message and "without quotes" in feedback.message
    assert feedback.hint == check.__doc__.strip().splitlines()[0]


@pytest.mark.parametrize(
    ("exercise_id", "wrong_answer"),
    [
        ("eavesdroppers.partial_qber", 0.4),
        ("eavesdroppers.breidbart_guess", 0.75),
        ("eavesdroppers.unseen_probability", 1 - UNSEEN),
        ("eavesdroppers.check_bits", 24),
        ("eavesdroppers.key_fraction", 1 - h(0.05)),
        ("eavesdroppers.pns_share", MULTI),
    ],
)
def test_assert_correct_raises_for_a_wrong_answer_with_the_feedback(exercise_id, wrong_answer):
    with pytest.raises(AssertionError, match="Not yet"):
        assert_correct(exercise_id, wrong_answer)


# -- 1. Partial intercept-resend -----------------------------------------------------------------
@pytest.mark.parametrize("answer", [0.1, 0.4 / 4, 0.105, 0.095, np.float64(0.1), np.array(0.1), 0.1 + 0j])
def test_partial_qber_accepts_a_tenth_and_invites_to_check_it_on_the_panel(answer):
    feedback = check_partial_qber(answer)
    assert feedback.correct, str(feedback)
    assert "panel" in feedback.message and "0.4 × 1/4" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (0.4, ["share of the photons eve touches", "not the error rate", "wrong basis half the time"]),
        (40, ["percentage", "share eve touches"]),
        (0.2, ["0.4 × 1/2", "still gets the right bit half the time", "one more 1/2"]),
        (0.25, ["attacks every photon", "40%", "scale"]),
        (25, ["full attack", "percentage"]),
        (10, ["percentage", "divide by 100"]),
        (0.9, ["still right", "wrong ones"]),
        (0.3, ["not the probability", "share attacked × 1/2 × 1/2"]),
        (1.5, ["between 0 and 1"]),
    ],
    ids=repr,
)
def test_partial_qber_names_the_mistake(answer, words):
    assert_explains(check_partial_qber(answer), words)


# -- 2. The Breidbart basis ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "answer", [BREIDBART, 0.854, 0.85, 0.86, math.cos(math.pi / 8) ** 2, 0.5 + 1 / math.sqrt(8)]
)
def test_breidbart_guess_accepts_cos_squared_pi_over_8(answer):
    feedback = check_breidbart_guess(answer)
    assert feedback.correct, str(feedback)
    assert "0.75" in feedback.message and "library" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (0.75, ["random basis", "coin for the rest", "not z or x"]),
        (0.5, ["cos²(π/4)", "half of it"]),
        (1.0, ["cannot be sure", "not orthogonal"]),
        (1 - BREIDBART, ["sin²(π/8)", "wrong", "3π/4"]),
        (math.cos(math.pi / 8), ["amplitude", "square"]),
        (1 - h(BREIDBART), ["information in bits", "not the probability"]),
        (0.25, ["error rate eve causes", "not her chance"]),
        (85.4, ["percentage"]),
        (0.6, ["not the probability", "cos²(α/2)", "measurement_probabilities"]),
    ],
    ids=repr,
)
def test_breidbart_guess_names_the_mistake(answer, words):
    assert_explains(check_breidbart_guess(answer), words)


# -- 3. Eve unseen over 20 check bits ------------------------------------------------------------
@pytest.mark.parametrize(
    "answer", [UNSEEN, 0.0032, 0.00317, 0.003, 0.0034, (3 / 4) ** 20, np.float32(UNSEEN)]
)
def test_unseen_probability_accepts_three_quarters_to_the_twentieth(answer):
    feedback = check_unseen_probability(answer)
    assert feedback.correct, str(feedback)
    assert "315" in feedback.message and "panel" in feedback.message


@pytest.mark.parametrize("answer", [0.0, 0.001, 0.0028, 0.0036, 0.01, 1e-6])
def test_unseen_probability_is_judged_relative_to_its_size(answer):
    # 0.01 of absolute tolerance would accept all of these; the check does not
    assert check_unseen_probability(answer).status == "wrong"


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (1 - UNSEEN, ["catch eve", "other case", "add up to 1"]),
        (0.25**20, ["(1/4)^20", "every checked bit is wrong"]),
        (0.5**20, ["(1/2)^20", "1/2 + 1/4 = 3/4"]),
        (0.75, ["one checked bit", "20 of them", "multiply"]),
        (15, ["3/4 × 20", "not a probability", "do not add"]),
        (5, ["1/4 × 20", "number of errors"]),
        (0, ["not quite 0", "lucky"]),
        (100 * UNSEEN, ["percentage", "divide by 100"]),
        (0.004, ["not the probability that eve stays unseen", "0.75**20"]),
        (2, ["cannot be", "between 0 and 1"]),
    ],
    ids=repr,
)
def test_unseen_probability_names_the_mistake(answer, words):
    assert_explains(check_unseen_probability(answer), words)


# -- 4. How many check bits ----------------------------------------------------------------------
@pytest.mark.parametrize("answer", [25, 25.0, np.int64(25), np.float32(25.0), np.array(25), 25 + 0j])
def test_check_bits_reads_any_whole_twenty_five(answer):
    feedback = check_check_bits(answer)
    assert feedback.correct, str(feedback)
    assert "24 bits fall just short" in feedback.message and "0.99925" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (24, ["just short", "0.998997", "99.9%", "24.01", "rounding it down", "round up"]),
        (24.0, ["just short"]),
        (24.01, ["whole number", "round up"]),
        (math.log(0.001) / math.log(0.75), ["reaches exactly", "round up"]),
        (0.999, ["probability", "number of check bits"]),
        (99.9, ["probability", "number of check bits"]),
        (5, ["(1/4)^n", "3/4"]),
        (10, ["(1/2)^n", "1/4"]),
        (26, ["(3/4)^26 ≈ 0.00056", "not the fewest", "thrown away"]),
        (100, ["(3/4)^100 ≈ 3.2e-13", "not the fewest"]),
        (3, ["too few", "0.5781"]),
        (20, ["too few", "0.9968"]),
        (0, ["compare nothing", "never caught"]),
        (-3, ["cannot be a number of bits"]),
        (2.5, ["not a whole number"]),
        (10**12, ["far more than needed"]),
        (1e300, ["far more than needed"]),
    ],
    ids=repr,
)
def test_check_bits_names_the_mistake(answer, words):
    assert_explains(check_check_bits(answer), words)


# -- 5. The secret key fraction ------------------------------------------------------------------
@pytest.mark.parametrize("answer", [KEY_FRACTION, 0.427, 0.43, 0.42, np.float64(KEY_FRACTION)])
def test_key_fraction_accepts_one_minus_two_h(answer):
    feedback = check_key_fraction(answer)
    assert feedback.correct, str(feedback)
    assert "427" in feedback.message and "panel" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (1 - h(0.05), ["1 − h(q)", "error correction only", "privacy amplification"]),
        (0.95, ["1 − q", "right bits"]),
        (2 * h(0.05), ["2h(q)", "take away"]),
        (h(0.05), ["h(q)", "alone"]),
        (0.9, ["1 − 2q", "entropy"]),
        (0, ["threshold", "11 %"]),
        (0.4968, ["six-state"]),
        (42.7, ["percentage"]),
        (0.3, ["not the secret key fraction", "secret_key_fraction(0.05)"]),
        (1.5, ["cannot be the secret key fraction"]),
    ],
    ids=repr,
)
def test_key_fraction_names_the_mistake(answer, words):
    assert_explains(check_key_fraction(answer), words)


# -- 6. Photon-number splitting ------------------------------------------------------------------
@pytest.mark.parametrize("answer", [1, 1.0, 0.995, np.float64(1.0), True + 0.0])
def test_pns_share_accepts_the_whole_key_and_invites_to_turn_the_decoys_on(answer):
    feedback = check_pns_share(answer)
    assert feedback.correct, str(feedback)
    assert "decoys on" in feedback.message and "0.50%" in feedback.message and "9%" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (MULTI, ["1 − e^(−μ)(1 + μ)", "two photons or more", "eve decides"]),
        (MULTI / NONEMPTY, ["no fibre at all", "single photons through"]),
        (0, ["no errors does not mean no information", "lossless line"]),
        (0.01, ["far more than 0.01", "lossless line"]),  # the fibre's transmittance
        (0.5, ["does not have to guess the basis", "right one"]),
        (100, ["percentage"]),
        (0.7, ["not the share", "block every single-photon pulse"]),
        (2, ["cannot be the share"]),
    ],
    ids=repr,
)
def test_pns_share_names_the_mistake(answer, words):
    assert_explains(check_pns_share(answer), words)


# -- Per-student variants: every option, against closed forms written here ------------------------


def _assert_variant(exercise_id, student, truth, mistake, words, lesson_answer):
    """The truth passes, the named mistake is named, the lesson's answer is refused as the lesson's."""
    check = EXERCISES[exercise_id].check
    assert check(truth, student=student).correct
    assert_explains(check(mistake, student=student), words)
    solution = reference_solution(exercise_id, student)
    assert solution == pytest.approx(truth, rel=1e-9)
    assert check(solution, student=student).correct
    if student:
        feedback = check(lesson_answer, student=student)
        assert not feedback.correct and "lesson's numbers" in feedback.message


@pytest.mark.parametrize("fraction", [0.4, 0.2, 0.3, 0.6, 0.7, 0.9])
def test_partial_qber_varies_the_share_eve_attacks(fraction):
    student = student_for("eavesdroppers.partial_qber", fraction=fraction)
    truth = fraction / 4  # half in the wrong basis, half of those wrong at Bob
    _assert_variant("eavesdroppers.partial_qber", student, truth, 1 - truth, ["still right"], PARTIAL_QBER)


@pytest.mark.parametrize("n", [20, 10, 12, 15, 25, 30])
def test_unseen_probability_varies_the_check_bits(n):
    student = student_for("eavesdroppers.unseen_probability", n=n)
    truth = 0.75**n
    _assert_variant(
        "eavesdroppers.unseen_probability", student, truth, 1 - truth, ["catch eve", f"^{n}"], UNSEEN
    )


@pytest.mark.parametrize("target", [0.999, 0.95, 0.98, 0.99, 0.995, 0.9999])
def test_check_bits_varies_the_probability_of_catching_eve(target):
    student = student_for("eavesdroppers.check_bits", target=target)
    truth = math.ceil(math.log(1 - target) / math.log(0.75))
    assert 0.75**truth <= 1 - target < 0.75 ** (truth - 1)
    _assert_variant("eavesdroppers.check_bits", student, truth, truth - 1, ["just short"], CHECK_BITS)


@pytest.mark.parametrize("qber", [0.05, 0.02, 0.03, 0.04, 0.07, 0.08])
def test_key_fraction_varies_the_qber(qber):
    student = student_for("eavesdroppers.key_fraction", qber=qber)
    truth = 1 - 2 * h(qber)
    _assert_variant(
        "eavesdroppers.key_fraction",
        student,
        truth,
        1 - 2 * qber,
        ["entropy belongs", f"h({qber:g})"],
        KEY_FRACTION,
    )


@pytest.mark.parametrize("exercise_id", ["eavesdroppers.breidbart_guess", "eavesdroppers.pns_share"])
def test_the_fixed_exercises_are_the_same_for_everyone(exercise_id):
    assert EXERCISES[exercise_id].params == ()
