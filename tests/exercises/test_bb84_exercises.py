"""Exercises of lesson 03: right answers in every form pass, each typical mistake is named.

Truths are written here as closed forms (|<0|+>|^2, 2 of 4 pairs of bases, 1/2 x 1/2) and the
sifted key and ciphertext are worked out here from the printed table, independent of the checks'
code.
"""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from qwidgets_grading import reference_solution

from qwidgets.exercises import (
    EVE_FRACTIONS,
    EXERCISES,
    PAD_HOURS,
    PAD_MESSAGE,
    SIFTING_PHOTONS,
    SIFTING_SEED,
    WHO_KNOWS_CHOICES,
    WHO_KNOWS_RIGHT_CHOICE,
    assert_correct,
    bb84,
    check_eve_qber,
    check_one_time_pad,
    check_other_basis_probability,
    check_sift_fraction,
    check_sifted_key,
    check_who_knows,
)
from qwidgets.physics import simulate_bb84
from qwidgets.testing.feedback import assert_explains
from qwidgets.testing.notebooks import lesson_text
from qwidgets.testing.variants import student_for

LESSON_NOTEBOOK = Path(__file__).resolve().parents[2] / "lessons" / "03_bb84.ipynb"
IDS = [exercise_id for exercise_id in EXERCISES if exercise_id.startswith("bb84.")]

# Closed forms.
_ZERO = np.array([1.0, 0.0])
_PLUS = np.array([1.0, 1.0]) / math.sqrt(2)
OTHER_BASIS = float(abs(_ZERO @ _PLUS) ** 2)  # |<0|+>|^2 = 1/2
SIFT = float(Fraction(2, 4))  # ZZ and XX of the four equally likely pairs
SIX_STATE = float(Fraction(3, 9))  # YY, XX, ZZ of nine pairs
EVE_QBER = float(Fraction(1, 2) * Fraction(1, 2))  # wrong basis, then a coin toss at Bob's

# The run of the lesson's table, as printed (seed 41): the sifted key and the ciphertext by hand.
ALICE_BASES, ALICE_BITS = "XXZXXXXZZZ", "1100011010"
BOB_BASES, BOB_BITS = "XXXZXXZXXZ", "1101010000"
KEPT = [i for i, (a, b) in enumerate(zip(ALICE_BASES, BOB_BASES), start=1) if a == b]
SIFTED = "".join(ALICE_BITS[i - 1] for i in KEPT)
DROPPED = [i for i in range(1, 11) if i not in KEPT]
CIPHERTEXT = "".join("1" if m != k else "0" for m, k in zip(PAD_MESSAGE, SIFTED))


def test_the_closed_forms_are_what_the_lesson_says():
    assert OTHER_BASIS == pytest.approx(0.5, abs=1e-15)
    assert (SIFT, SIX_STATE, EVE_QBER) == (0.5, pytest.approx(1 / 3), 0.25)
    assert KEPT == [1, 2, 5, 6, 10] and SIFTED == "11010"
    assert PAD_MESSAGE == "01110" and int(PAD_MESSAGE, 2) == 14
    assert CIPHERTEXT == "10100"


def test_the_library_run_is_the_printed_table():
    """The seeded run behind exercise 4 (and the pad's key) is the table the lesson prints."""
    run = simulate_bb84(SIFTING_PHOTONS, rng=SIFTING_SEED)
    names = run.basis_names
    assert "".join(names[b] for b in run.alice_bases) == ALICE_BASES
    assert "".join(map(str, run.alice_bits)) == ALICE_BITS
    assert "".join(names[b] for b in run.bob_bases) == BOB_BASES
    assert "".join(map(str, run.bob_results)) == BOB_BITS
    assert "".join(map(str, run.alice_bits[run.sifted])) == SIFTED


def test_lesson_03_registers_its_exercises_in_order():
    assert IDS == [
        "bb84.other_basis_probability",
        "bb84.sift_fraction",
        "bb84.who_knows",
        "bb84.sifted_key",
        "bb84.eve_qber",
        "bb84.one_time_pad",
    ]
    assert bb84.LESSON == "03_bb84"
    # the conventions every exercise shares are in test_every_exercise.py


@pytest.mark.parametrize(
    ("exercise_id", "closed_form"),
    [
        ("bb84.other_basis_probability", OTHER_BASIS),
        ("bb84.sift_fraction", SIFT),
        ("bb84.who_knows", WHO_KNOWS_RIGHT_CHOICE),
        ("bb84.sifted_key", SIFTED),
        ("bb84.eve_qber", EVE_QBER),
        ("bb84.one_time_pad", CIPHERTEXT),
    ],
)
def test_reference_solutions_are_the_closed_forms(exercise_id, closed_form):
    expected = pytest.approx(closed_form, abs=1e-12) if isinstance(closed_form, float) else closed_form
    assert reference_solution(exercise_id) == expected
    assert EXERCISES[exercise_id].check(closed_form).correct
    assert_correct(exercise_id, reference_solution(exercise_id))


@pytest.mark.parametrize(
    ("exercise_id", "wrong_answer"),
    [
        ("bb84.other_basis_probability", 1.0),
        ("bb84.sift_fraction", 0.25),
        ("bb84.who_knows", "a"),
        ("bb84.sifted_key", "11011"),
        ("bb84.eve_qber", 0.5),
        ("bb84.one_time_pad", SIFTED),
    ],
)
def test_assert_correct_raises_for_a_wrong_answer_with_the_feedback(exercise_id, wrong_answer):
    with pytest.raises(AssertionError, match="Not yet"):
        assert_correct(exercise_id, wrong_answer)


# -- 1. A photon measured in the other basis -------------------------------------------------------
@pytest.mark.parametrize("answer", [0.5, 1 / 2, 0.505, 0.495, np.float32(0.5), complex(0.5, 1e-17)], ids=repr)
def test_other_basis_accepts_one_half_and_invites_to_check_it_on_the_panel(answer):
    feedback = check_other_basis_probability(answer)
    assert feedback.correct, str(feedback)
    for words in ["coin toss", "panel", "measures in z"]:
        assert words in feedback.message.lower()


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (1.0, ["alice's basis, x", "does not carry over"]),
        (0, ["opposite", "quarter turn"]),
        (0.25, ["squares once too often"]),
        (1 / math.sqrt(2), ["amplitude", "square"]),
        (50, ["percentage"]),
        (0.8, ["not the probability", "born rule"]),
        (1.5, ["between 0 and 1"]),
        ("0.5", ["without quotes"]),
    ],
    ids=repr,
)
def test_other_basis_names_the_mistake(answer, words):
    assert_explains(check_other_basis_probability(answer), words)


# -- 2. The share of photons kept --------------------------------------------------------------------
@pytest.mark.parametrize("answer", [0.5, 1 / 2, 0.499, np.float64(0.5)], ids=repr)
def test_sift_fraction_accepts_one_half_names_six_state_and_the_panel(answer):
    feedback = check_sift_fraction(answer)
    assert feedback.correct, str(feedback)
    for words in ["half of the photons", "six-state", "0.333", "panel", "3 compare bases", "new run"]:
        assert words in feedback.message.lower()


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (0.25, ["both choose z", "both choose x"]),
        (1, ["coin tosses"]),
        (0.75, ["happens to equal", "thrown away"]),
        (2 / 3, ["three cases", "two ways"]),
        (SIX_STATE, ["six-state", "three bases"]),
        (50, ["percentage"]),
        (0.1, ["not the probability", "zz, zx, xz, xx"]),
    ],
    ids=repr,
)
def test_sift_fraction_names_the_mistake(answer, words):
    assert_explains(check_sift_fraction(answer), words)


# -- 3. Who knows the sifted key? --------------------------------------------------------------------
@pytest.mark.parametrize(
    "answer",
    ["b", "B", " b ", "(b)", "b)", "b.", "(B) ", "option b", "Option B", "answer: b", "the answer is b"],
    ids=repr,
)
def test_who_knows_accepts_the_letter_in_any_usual_form(answer):
    feedback = check_who_knows(answer)
    assert feedback.correct, str(feedback)
    assert "not a single bit" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ("a", ["(a) mixes up the basis and the bit", "even odds"]),
        ("(A)", ["(a) mixes up"]),
        ("c", ["give the key away", "sample"]),
        ("d", ["thrown away", "every time"]),
        ("e", ["no statement 'e'", "a, b, c, d"]),
        ("b, c", ["several statements", "choose one"]),
        ("b and d", ["several statements"]),
        ("bc", ["several statements"]),
        ("only Alice and Bob", ["just the letter", "not a sentence"]),
        ("", ["empty text"]),
        ("   ", ["empty text"]),
        (2, ["not a letter", "in quotes"]),
        (["b"], ["a list", "not one letter"]),
        ("x" * 10_000, ["10000 characters", "one letter"]),
    ],
    ids=lambda value: repr(value)[:30],
)
def test_who_knows_explains_each_wrong_choice_and_each_unreadable_answer(answer, words):
    assert_explains(check_who_knows(answer), words)


def test_every_wrong_choice_has_its_own_explanation():
    messages = {letter: check_who_knows(letter).message for letter in WHO_KNOWS_CHOICES}
    assert [letter for letter in WHO_KNOWS_CHOICES if check_who_knows(letter).correct] == ["b"]
    wrong = [message for letter, message in messages.items() if letter != WHO_KNOWS_RIGHT_CHOICE]
    assert len(set(wrong)) == len(wrong) == 3
    for letter, message in messages.items():
        assert message.startswith(f"({letter})")


# -- 4. The sifted key -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "answer",
    [
        SIFTED,
        "1 1 0 1 0",
        "1,1,0,1,0",
        " 11010 ",
        "[1, 1, 0, 1, 0]",
        "1-1-0-1-0",
        [1, 1, 0, 1, 0],
        (1, 1, 0, 1, 0),
        ["1", "1", "0", "1", "0"],
        [True, True, False, True, False],
        np.array([1, 1, 0, 1, 0], dtype=np.int8),
        np.array([1.0, 1.0, 0.0, 1.0, 0.0]),
        11010,
        np.int64(11010),
    ],
    ids=repr,
)
def test_sifted_key_accepts_the_bits_in_every_usual_form(answer):
    feedback = check_sifted_key(answer)
    assert feedback.correct, str(feedback)
    assert "photons 1, 2, 5, 6 and 10" in feedback.message


def test_sifted_key_accepts_the_library_own_answer():
    run = simulate_bb84(SIFTING_PHOTONS, rng=SIFTING_SEED)
    assert check_sifted_key(run.bob_results[run.sifted]).correct
    assert check_sifted_key(run.alice_bits[run.sifted].tolist()).correct


def _bits(source: str, places: list[int]) -> str:
    return "".join(source[i - 1] for i in places)


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (ALICE_BITS, ["every one of alice's bits", "coin tosses"]),
        (BOB_BITS, ["every one of bob's bits", "thrown away"]),
        (_bits(ALICE_BITS, DROPPED), ["bases differ", "thrown away"]),
        (_bits(BOB_BITS, DROPPED), ["bob's bits for the photons whose bases differ"]),
        (
            _bits(ALICE_BITS, [i for i in range(1, 11) if ALICE_BITS[i - 1] == BOB_BITS[i - 1]]),
            ["bits agree", "never compare bits", "2 of those photons", "by luck", "compare the bases"],
        ),
        (SIFTED[::-1], ["reverse order", "photon 1"]),
        ([1, 2, 5, 6, 10], ["right photons", "their bits", "not of their numbers"]),
        ("1 2 5 6 10", ["right photons", "their bits"]),
        ([0, 1, 4, 5, 9], ["right photons, counted from 0"]),
        ([1, 2, 3, 4], ["holds 2, 3, 4", "photon numbers"]),
        ("1 3 4", ["digits other than 0 and 1", "photon numbers"]),
        ("XXXXZ", ["bases", "bits, 0 or 1"]),
        (["X", "X", "X", "X", "Z"], ["item 1 is 'x', a basis"]),
        ("11011", ["1 of the 5 bits is wrong: bit 5"]),
        ("10011", ["2 of the 5 bits are wrong: bits 2 and 5"]),
        ("1101", ["4 bits", "has 5"]),
        ("110100", ["6 bits", "has 5"]),
        ({1, 0}, ["set has no order"]),
        ([1, 1, 0, 1, 2.5], ["item 5 is 2.5", "0 or 1"]),
        ("abc", ["could not read"]),
        (0.5, ["bits as text"]),
        (112, ["number 112"]),
    ],
    ids=lambda value: repr(value)[:30],
)
def test_sifted_key_names_the_mistake(answer, words):
    assert_explains(check_sifted_key(answer), words)


def test_every_sifted_key_mistake_of_the_table_is_told_apart():
    """The seed makes every named mistake a different bit string, so each gets its own message."""
    agree = [i for i in range(1, 11) if ALICE_BITS[i - 1] == BOB_BITS[i - 1]]
    mistakes = [
        ALICE_BITS,
        BOB_BITS,
        _bits(ALICE_BITS, DROPPED),
        _bits(BOB_BITS, DROPPED),
        _bits(ALICE_BITS, agree),
        SIFTED[::-1],
    ]
    assert len({SIFTED, *mistakes}) == len(mistakes) + 1
    messages = {check_sifted_key(mistake).message for mistake in mistakes}
    assert len(messages) == len(mistakes)


# -- 5. The errors Eve leaves ----------------------------------------------------------------------
@pytest.mark.parametrize("answer", [0.25, 1 / 4, 0.259, 0.245, np.float32(0.25)], ids=repr)
def test_eve_qber_accepts_a_quarter_and_invites_to_check_it_on_the_panel(answer):
    feedback = check_eve_qber(answer)
    assert feedback.correct, str(feedback)
    for words in ["quarter", "qber", "panel", "4 check a sample"]:
        assert words in feedback.message.lower()


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (0.5, ["wrong basis", "only half"]),
        (1, ["not every bit", "alice's basis"]),
        (0, ["does leave a trace", "coin toss"]),
        (0.75, ["stay right"]),
        (0.125, ["all photons sent", "sifting"]),
        (25, ["percentage"]),
        (0.4, ["not the probability", "follow one sifted photon"]),
    ],
    ids=repr,
)
def test_eve_qber_names_the_mistake(answer, words):
    assert_explains(check_eve_qber(answer), words)


# -- 6. The one-time pad ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "answer", [CIPHERTEXT, "1 0 1 0 0", [1, 0, 1, 0, 0], int(CIPHERTEXT), "1,0,1,0,0"], ids=repr
)
def test_one_time_pad_accepts_the_ciphertext_and_shows_the_decryption(answer):
    feedback = check_one_time_pad(answer)
    assert feedback.correct, str(feedback)
    assert f"{CIPHERTEXT} ⊕ {SIFTED} = {PAD_MESSAGE}" in feedback.message
    assert "learns nothing" in feedback.message


def _combine(rule) -> str:
    return "".join(str(rule(int(m), int(k))) for m, k in zip(PAD_MESSAGE, SIFTED))


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (_combine(lambda m, k: m & k), ["and of the message and the key"]),
        (_combine(lambda m, k: m | k), ["or of the message and the key"]),
        (_combine(lambda m, k: 1 - (m ^ k)), ["upside down"]),
        (SIFTED, ["the key itself"]),
        (PAD_MESSAGE, ["message itself", "in the clear"]),
        (format((14 + int(SIFTED, 2)) % 32, "05b"), ["binary numbers", "carries", "modulo 2"]),
        (CIPHERTEXT[:-1] + "1", ["1 of the 5 bits is wrong: bit 5", "xor gives 1"]),
        ("1010", ["4 bits", "ciphertext has 5"]),
        ("0110", ["4 bits"]),
        (1110, ["4 bits"]),  # not a lost leading zero: the ciphertext starts with 1
        ("ZXZ", ["bases"]),
    ],
    ids=repr,
)
def test_one_time_pad_names_the_mistake(answer, words):
    assert_explains(check_one_time_pad(answer), words)


def test_a_number_that_lost_its_leading_zero_is_explained():
    # The message itself starts with 0: typed as a number, it loses it (and is not the answer anyway);
    # a ciphertext starting with 0 would be explained the same way. Check the helper on such a truth.
    verdict = bb84._bits_verdict(1110, "01110", "the ciphertext", [], "hint", remark="")
    assert not verdict.correct
    assert "leading zeros" in verdict.message and "in quotes" in verdict.hint


# -- The lesson ------------------------------------------------------------------------------------
def _notebook() -> tuple[str, list[str]]:
    text = lesson_text(LESSON_NOTEBOOK)
    return text.markdown, list(text.code)


def test_the_lesson_prints_what_the_checks_judge():
    """The statements, the seeded run, the message and the key of the lesson are the checks' own."""
    markdown, sources = _notebook()
    for letter, statement in WHO_KNOWS_CHOICES.items():
        assert f"**({letter})** {statement}" in markdown, letter
    assert any(f"simulate_bb84({SIFTING_PHOTONS}, rng={SIFTING_SEED})" in source for source in sources)
    assert f"message is **{PAD_MESSAGE}**" in markdown
    assert f"**{SIFTED}**" in markdown


# -- Per-student numbers ---------------------------------------------------------------------------


def test_the_first_options_are_the_lessons_numbers():
    assert EVE_FRACTIONS[0] == 1.0
    assert PAD_HOURS[0] == 14 == int(PAD_MESSAGE, 2)


@pytest.mark.parametrize("fraction", EVE_FRACTIONS)
def test_eve_qber_judges_each_students_own_share_of_intercepted_photons(fraction):
    exercise_id = "bb84.eve_qber"
    student = student_for(exercise_id, fraction=fraction)
    truth = fraction * float(Fraction(1, 2) * Fraction(1, 2))  # intercepted, wrong basis, coin toss
    assert truth > 0.11  # Alice and Bob still abort, as the lesson says
    feedback = check_eve_qber(truth, student=student)
    assert feedback.correct, str(feedback)
    assert "qber" in feedback.message.lower() and "4 check a sample" in feedback.message
    assert_explains(check_eve_qber(fraction / 2, student=student), ["wrong basis", "only half"])
    assert_explains(check_eve_qber(1 - truth, student=student), ["stay right"])
    assert_explains(check_eve_qber(truth / 2, student=student), ["all photons sent", "sifting"])
    if student:
        feedback = check_eve_qber(EVE_QBER, student=student)
        assert not feedback.correct and "lesson's numbers" in feedback.message
        assert f"f = {fraction:g}" in feedback.numbers
        assert f"f = {fraction:g}" in check_eve_qber(0.02, student=student).hint
    assert reference_solution(exercise_id, student) == pytest.approx(truth, abs=1e-12)
    assert check_eve_qber(reference_solution(exercise_id, student), student=student).correct


def _xor(a: str, b: str) -> str:
    return "".join("1" if x != y else "0" for x, y in zip(a, b))


@pytest.mark.parametrize("hour", PAD_HOURS)
def test_one_time_pad_judges_each_students_own_hour(hour):
    exercise_id = "bb84.one_time_pad"
    student = student_for(exercise_id, hour=hour)
    message = f"{hour:05b}"
    truth = _xor(message, SIFTED)
    feedback = check_one_time_pad(truth, student=student)
    assert feedback.correct, str(feedback)
    assert f"{truth} ⊕ {SIFTED} = {message}" in feedback.message
    and_bits = "".join(str(int(m) & int(k)) for m, k in zip(message, SIFTED))
    or_bits = "".join(str(int(m) | int(k)) for m, k in zip(message, SIFTED))
    assert_explains(check_one_time_pad(and_bits, student=student), ["and of the message and the key"])
    assert_explains(check_one_time_pad(or_bits, student=student), ["or of the message and the key"])
    assert_explains(check_one_time_pad(message, student=student), ["message itself"])
    if student:
        feedback = check_one_time_pad(CIPHERTEXT, student=student)
        assert not feedback.correct and "lesson's numbers" in feedback.message
    assert reference_solution(exercise_id, student) == truth
    assert check_one_time_pad(reference_solution(exercise_id, student), student=student).correct


@pytest.mark.parametrize(
    ("exercise_id", "name"), [("bb84.eve_qber", "fraction"), ("bb84.one_time_pad", "hour")]
)
def test_each_students_answer_differs_from_every_other_option(exercise_id, name):
    answers = [
        reference_solution(exercise_id, student_for(exercise_id, **{name: value}))
        for value in EXERCISES[exercise_id].params[0].options
    ]
    assert len(set(answers)) == len(answers)
    if name == "fraction":
        answers.sort()
        assert all(b - a > 0.01 for a, b in zip(answers, answers[1:])), answers
