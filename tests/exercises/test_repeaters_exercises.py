"""Lesson 10 (repeaters): the checks' truths are closed forms, and each names its typical mistakes."""

import math
from pathlib import Path

import numpy as np
import pytest
from qwidgets_grading import reference_solution

from qwidgets.exercises import (
    EXERCISES,
    REPEATER_AMPLIFIER_CHOICES,
    REPEATER_AMPLIFIER_RIGHT_CHOICE,
    REPEATER_MESSAGE_KM,
    REPEATER_PURIFY_FIDELITY,
    REPEATER_SEGMENTS,
    REPEATER_SWAP_FIDELITY,
    assert_correct,
    check_repeater_memory_fidelity,
    check_repeater_memory_time,
    check_repeater_not_amplifier,
    check_repeater_purify_fidelity,
    check_repeater_purify_success,
    check_repeater_swap_fidelity,
    check_repeater_swap_levels,
)
from qwidgets.testing.feedback import assert_explains
from qwidgets.testing.notebooks import lesson_text
from qwidgets.testing.variants import assert_variant_judged

LESSON_NOTEBOOK = Path(__file__).resolve().parents[2] / "lessons" / "10_repeaters.ipynb"
IDS = [exercise_id for exercise_id in EXERCISES if exercise_id.startswith("repeaters.")]

# Closed forms of the answers.
FIBRE_KM_PER_S = 2e5  # c / 1.5, light in glass
MEMORY_TIME = 1000 / FIBRE_KM_PER_S  # 5 ms
VACUUM_TIME = 1000 / 299_792.458
MEMORY_FIDELITY = (1 + math.exp(-1)) / 2  # 0.684
BOTH_DEPHASING = (1 + math.exp(-2)) / 2
F_SWAP = 0.9
SWAPPED = F_SWAP**2 + (1 - F_SWAP) ** 2 / 3  # 0.8133
F_PURIFY = 0.8
_B = (1 - F_PURIFY) / 3
# BBPSSW on Werner pairs (Bennett et al., PRL 76, 722, 1996): success F² + 2F(1-F)/3 + 5((1-F)/3)².
PURIFY_SUCCESS = F_PURIFY**2 + 2 * F_PURIFY * (1 - F_PURIFY) / 3 + 5 * _B**2
PURIFIED = (F_PURIFY**2 + _B**2) / PURIFY_SUCCESS
LEVELS = 3


# Plain numpy, qubit 0 the most significant.
PHI_PLUS = np.array([1, 0, 0, 1]) / math.sqrt(2)


def werner(f: float) -> np.ndarray:
    """F |Φ+⟩⟨Φ+| + (1 - F)/3 (I - |Φ+⟩⟨Φ+|)."""
    projector = np.outer(PHI_PLUS, PHI_PLUS)
    return f * projector + (1 - f) / 3 * (np.eye(4) - projector)


def swapped_fidelity(f1: float, f2: float) -> float:
    """Fidelity with Φ+ of qubits 0 and 3 after qubits 1 and 2 of two Werner pairs are found in Φ+."""
    rho = np.kron(werner(f1), werner(f2)).reshape([2] * 8)
    bra = PHI_PLUS.reshape(2, 2)
    # <Φ+|_{12} rho |Φ+>_{12}, leaving qubits 0 and 3
    out = np.einsum("bc,abcdefgh,fg->adeh", bra, rho, bra).reshape(4, 4)
    out /= np.trace(out)
    return float(PHI_PLUS @ out @ PHI_PLUS)


def test_lesson_10_registers_its_exercises_in_order():
    assert IDS == [
        "repeaters.repeater_memory_time",
        "repeaters.repeater_memory_fidelity",
        "repeaters.repeater_swap_fidelity",
        "repeaters.repeater_purify_fidelity",
        "repeaters.repeater_purify_success",
        "repeaters.repeater_swap_levels",
        "repeaters.repeater_not_amplifier",
    ]
    assert {EXERCISES[i].lesson for i in IDS} == {"10_repeaters"}
    assert [EXERCISES[i].points for i in IDS] == [1, 1, 2, 2, 1, 1, 1]


def test_the_constants_are_the_lessons():
    assert REPEATER_MESSAGE_KM == 1000 and REPEATER_SEGMENTS == 8
    assert REPEATER_SWAP_FIDELITY == F_SWAP and REPEATER_PURIFY_FIDELITY == F_PURIFY


def test_the_closed_forms_are_the_textbook_numbers():
    assert MEMORY_TIME == pytest.approx(5e-3) and VACUUM_TIME == pytest.approx(3.34e-3, abs=1e-5)
    assert MEMORY_FIDELITY == pytest.approx(0.6839, abs=1e-4)
    assert SWAPPED == pytest.approx(0.8133, abs=1e-4)
    assert swapped_fidelity(F_SWAP, F_SWAP) == pytest.approx(SWAPPED)
    assert swapped_fidelity(0.95, 0.7) == pytest.approx(0.95 * 0.7 + 0.05 * 0.3 / 3)
    assert PURIFY_SUCCESS == pytest.approx(0.7689, abs=1e-4)
    assert PURIFIED == pytest.approx(0.8382, abs=1e-4)
    assert LEVELS == math.log2(8)
    # One qubit dephased for t = T2: the coherences of Φ+ fall to e^-1 of their value.
    rho = np.outer(PHI_PLUS, PHI_PLUS)
    rho[0, 3] *= math.exp(-1)
    rho[3, 0] *= math.exp(-1)
    assert PHI_PLUS @ rho @ PHI_PLUS == pytest.approx(MEMORY_FIDELITY)


@pytest.mark.parametrize(
    ("exercise_id", "closed_form"),
    [
        ("repeaters.repeater_memory_time", MEMORY_TIME),
        ("repeaters.repeater_memory_fidelity", MEMORY_FIDELITY),
        ("repeaters.repeater_swap_fidelity", SWAPPED),
        ("repeaters.repeater_purify_fidelity", PURIFIED),
        ("repeaters.repeater_purify_success", PURIFY_SUCCESS),
        ("repeaters.repeater_swap_levels", LEVELS),
        ("repeaters.repeater_not_amplifier", "c"),
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
        ("repeaters.repeater_memory_time", 2 * MEMORY_TIME),
        ("repeaters.repeater_memory_fidelity", math.exp(-1)),
        ("repeaters.repeater_swap_fidelity", F_SWAP**2),
        ("repeaters.repeater_purify_fidelity", F_PURIFY),
        ("repeaters.repeater_purify_success", F_PURIFY**2),
        ("repeaters.repeater_swap_levels", 7),
        ("repeaters.repeater_not_amplifier", "b"),
    ],
)
def test_assert_correct_raises_for_a_wrong_answer_with_the_feedback(exercise_id, wrong_answer):
    with pytest.raises(AssertionError, match="Not yet"):
        assert_correct(exercise_id, wrong_answer)


# -- 1. How long the memory holds ----------------------------------------------------------------------
@pytest.mark.parametrize("answer", [MEMORY_TIME, 0.005, 5e-3, 0.0049, 0.0052, np.float64(0.005)])
def test_repeater_memory_time_accepts_five_milliseconds(answer):
    feedback = check_repeater_memory_time(answer)
    assert feedback.correct, str(feedback)
    assert "5 ms" in feedback.message and "memory" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (VACUUM_TIME, ["speed of light in vacuum", "two thirds"]),
        (1 / 300, ["vacuum"]),
        (2 * MEMORY_TIME, ["round trip", "one way"]),
        (0.01, ["round trip"]),
        (5, ["milliseconds", "seconds"]),
        (3.34, ["milliseconds", "vacuum"]),
        (5000, ["microseconds"]),
        (5e-6, ["metres per second"]),
        (0, ["cannot be the time"]),
        (-0.005, ["cannot be the time"]),
        (0.05, ["not the time"]),
    ],
    ids=repr,
)
def test_repeater_memory_time_names_the_mistake(answer, words):
    feedback = check_repeater_memory_time(answer)
    assert_explains(feedback, words)
    assert "200,000 km/s" in feedback.hint


# -- 2. A pair in memory for T2 --------------------------------------------------------------------------
@pytest.mark.parametrize("answer", [MEMORY_FIDELITY, 0.684, 0.68, 0.69, np.float64(0.6839), 0.684 + 0j])
def test_repeater_memory_fidelity_accepts_one_plus_one_over_e_halved(answer):
    feedback = check_repeater_memory_fidelity(answer)
    assert feedback.correct, str(feedback)
    assert "(1 + e^(−t/T2))/2" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (math.exp(-1), ["e^−1", "populations"]),
        (1 - math.exp(-1), ["is lost"]),
        (0.5, ["fully dephased", "after one t2"]),
        (BOTH_DEPHASING, ["both qubits dephase"]),
        (1, ["does not stay perfect"]),
        (68.4, ["percentage"]),
        (1.2, ["cannot be the fidelity"]),
        (0.8, ["not the fidelity"]),
    ],
    ids=repr,
)
def test_repeater_memory_fidelity_names_the_mistake(answer, words):
    assert_explains(check_repeater_memory_fidelity(answer), words)


def test_repeater_memory_fidelity_hints_at_the_density_matrix():
    hint = check_repeater_memory_fidelity(0.8).hint
    assert "|00⟩⟨11|" in hint and "e^(−t/T2)" in hint


# -- 3. Swapping two pairs of 0.9 ------------------------------------------------------------------------
@pytest.mark.parametrize("answer", [SWAPPED, 0.813, 0.8133, 0.815, 0.8125, np.float64(0.8133)])
def test_repeater_swap_fidelity_accepts_the_swapped_fidelity(answer):
    feedback = check_repeater_swap_fidelity(answer)
    assert feedback.correct, str(feedback)
    assert "F1 F2 + (1 − F1)(1 − F2)/3" in feedback.message and "every swap" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (F_SWAP**2, ["f²", "same flip"]),
        (0.81, ["f²"]),
        (F_SWAP**2 + (1 - F_SWAP) ** 2, ["every pair of errors", "one time in three"]),
        (F_SWAP, ["loses nothing", "average"]),
        (2 * F_SWAP - 1, ["adds the two pairs' errors"]),
        (1, ["cannot make two noisy pairs"]),
        (81.33, ["percentage"]),
        (-0.1, ["cannot be the fidelity of the swapped pair"]),
        (0.7, ["not the fidelity of the swapped pair"]),
    ],
    ids=repr,
)
def test_repeater_swap_fidelity_names_the_mistake(answer, words):
    assert_explains(check_repeater_swap_fidelity(answer), words)


def test_repeater_swap_fidelity_hints_at_the_three_flips():
    assert "three flips" in check_repeater_swap_fidelity(0.7).hint


# -- 4. Purifying two pairs of 0.8 -----------------------------------------------------------------------
@pytest.mark.parametrize("answer", [PURIFIED, 0.838, 0.84, 0.83, np.float64(0.8382)])
def test_repeater_purify_fidelity_accepts_the_bbpssw_output(answer):
    feedback = check_repeater_purify_fidelity(answer)
    assert feedback.correct, str(feedback)
    assert "probability 0.769" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (F_PURIFY**2, ["f²", "better than either"]),
        (F_PURIFY, ["gain nothing"]),
        (1 - (1 - F_PURIFY) ** 2, ["only when both are", "phase flip"]),
        (F_PURIFY**2 / (F_PURIFY**2 + (1 - F_PURIFY) ** 2), ["bit flip", "phase flip"]),
        (PURIFY_SUCCESS, ["probability that the round succeeds"]),
        (1, ["cannot make a perfect pair"]),
        (83.8, ["percentage"]),
        (0.6, ["not the fidelity of the kept pair"]),
    ],
    ids=repr,
)
def test_repeater_purify_fidelity_names_the_mistake(answer, words):
    assert_explains(check_repeater_purify_fidelity(answer), words)


def test_repeater_purify_fidelity_hints_at_the_cases_that_pass():
    assert "(1 − F)/3" in check_repeater_purify_fidelity(0.6).hint


# -- 5. How often purification succeeds -----------------------------------------------------------------
@pytest.mark.parametrize("answer", [PURIFY_SUCCESS, 0.769, 0.77, 0.76, np.float64(0.7689)])
def test_repeater_purify_success_accepts_the_bbpssw_probability(answer):
    feedback = check_repeater_purify_success(answer)
    assert feedback.correct, str(feedback)
    assert "2.6 pairs" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (F_PURIFY**2, ["only the case where both pairs are right"]),
        (F_PURIFY**2 + (1 - F_PURIFY) ** 2, ["both right or both wrong", "phase flip"]),
        (1, ["does not always succeed"]),
        (F_PURIFY, ["pairs' fidelity"]),
        (PURIFIED, ["fidelity of the kept pair"]),
        (0.5, ["no coin toss"]),
        (76.9, ["percentage"]),
        (0.9, ["not the probability of success"]),
    ],
    ids=repr,
)
def test_repeater_purify_success_names_the_mistake(answer, words):
    assert_explains(check_repeater_purify_success(answer), words)


# -- 6. Levels of a nested chain of 8 segments -----------------------------------------------------------
@pytest.mark.parametrize("answer", [LEVELS, 3.0, np.int64(3), np.float32(3.0)])
def test_repeater_swap_levels_accepts_three(answer):
    feedback = check_repeater_swap_levels(answer)
    assert feedback.correct, str(feedback)
    assert "log2(8) = 3" in feedback.message and "4 swaps" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (7, ["counts the swaps", "4, 2, 1"]),
        (8, ["counts the segments", "halved"]),
        (9, ["counts the nodes"]),
        (4, ["swaps at the first level"]),
        (1, ["at once", "purified between levels"]),
        (0, ["cannot be a number of levels"]),
        (-3, ["cannot be a number of levels"]),
        (2.5, ["not a whole number"]),
        (5, ["not the number of levels"]),
    ],
    ids=repr,
)
def test_repeater_swap_levels_names_the_mistake(answer, words):
    feedback = check_repeater_swap_levels(answer)
    assert_explains(feedback, words)
    assert "doubles the span" in feedback.hint


# -- 7. Not an amplifier ---------------------------------------------------------------------------------
@pytest.mark.parametrize("answer", ["c", "C", "(c)", " c) ", "option c"])
def test_repeater_not_amplifier_accepts_the_letter_in_any_usual_form(answer):
    feedback = check_repeater_not_amplifier(answer)
    assert feedback.correct, str(feedback)
    assert "teleportation of entanglement" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ("a", ["measure and resend", "lesson 01"]),
        ("b", ["no-cloning forbids"]),
        ("d", ["no detector helps", "plob bound"]),
        ("e", ["no statement 'e'"]),
        ("b and c", ["several statements"]),
        ("it swaps", ["just the letter"]),
    ],
    ids=repr,
)
def test_repeater_not_amplifier_explains_each_wrong_choice(answer, words):
    assert_explains(check_repeater_not_amplifier(answer), words)


def test_repeater_not_amplifier_has_exactly_one_right_statement():
    right = [letter for letter in REPEATER_AMPLIFIER_CHOICES if check_repeater_not_amplifier(letter).correct]
    assert right == [REPEATER_AMPLIFIER_RIGHT_CHOICE] == ["c"]
    assert len({check_repeater_not_amplifier(letter).message for letter in REPEATER_AMPLIFIER_CHOICES}) == 4


# -- The lesson ----------------------------------------------------------------------------------
def test_the_lesson_asks_what_the_checks_judge():
    text = lesson_text(LESSON_NOTEBOOK)
    for letter, statement in REPEATER_AMPLIFIER_CHOICES.items():
        assert f"**({letter})** {statement}" in text.markdown, letter
    for citation in ("Pompili", "372", "259", "Wehner", "eaam9288", "Briegel", "5932"):
        assert citation in text.markdown, citation
    assert any("RepeaterPanel(" in source for source in text.code)
    assert any("LinkPanel(" in source for source in text.code)
    printed = "\n".join(text.printed)
    assert "after 1 swap(s): 0.813" in printed
    assert "1 round(s): fidelity 0.838, success probability 0.769" in printed


# -- Per-student numbers ---------------------------------------------------------------------------
# Every option of every varied exercise, judged against closed forms written here.
def _purified_closed(f: float) -> tuple[float, float]:
    """BBPSSW/DEJMPS on two Werner pairs: (output fidelity, success), with b = (1 - F)/3."""
    b = (1 - f) / 3
    success = f**2 + 2 * f * (1 - f) / 3 + 5 * b**2
    return (f**2 + b**2) / success, success


VARIANTS = [
    # (exercise id, parameter, option, closed form, (named mistake, its words), the lesson's answer)
    *[
        (
            "repeaters.repeater_memory_time",
            "length_km",
            length,
            length / FIBRE_KM_PER_S,
            (2 * length / FIBRE_KM_PER_S, ["round trip"]),
            MEMORY_TIME,
        )
        for length in (1000, 350, 400, 1200, 2800, 3200)
    ],
    *[
        (
            "repeaters.repeater_memory_fidelity",
            "wait",
            wait,
            (1 + math.exp(-wait)) / 2,
            ((1 + math.exp(-2 * wait)) / 2, ["both qubits dephase"]),
            MEMORY_FIDELITY,
        )
        for wait in (1.0, 0.4, 0.7, 1.5)
    ],
    (
        "repeaters.repeater_memory_fidelity",
        "wait",
        2.5,
        (1 + math.exp(-2.5)) / 2,
        (math.exp(-2.5), ["populations"]),
        MEMORY_FIDELITY,
    ),
    *[
        (
            "repeaters.repeater_swap_fidelity",
            "fidelity",
            f,
            f * f + (1 - f) ** 2 / 3,
            (f * f, ["f²", "same flip"]),
            SWAPPED,
        )
        for f in (0.9, 0.6, 0.67, 0.75, 0.8, 0.85)
    ],
    *[
        (
            "repeaters.repeater_purify_fidelity",
            "fidelity",
            f,
            _purified_closed(f)[0],
            (_purified_closed(f)[1], ["probability that the round succeeds"]),
            PURIFIED,
        )
        for f in (0.8, 0.55, 0.67, 0.82, 0.9)
    ],
    *[
        (
            "repeaters.repeater_purify_success",
            "fidelity",
            f,
            _purified_closed(f)[1],
            (_purified_closed(f)[0], ["fidelity of the kept pair"]),
            PURIFY_SUCCESS,
        )
        for f in (0.8, 0.55, 0.67, 0.82, 0.9)
    ],
    *[
        (
            "repeaters.repeater_swap_levels",
            "segments",
            n,
            round(math.log2(n)),
            (n + 1, ["counts the nodes"]),
            LEVELS,
        )
        for n in (8, 16, 32, 64)
    ],
]


def test_the_variants_cover_every_option():
    covered = {(i, value) for i, _, value, *_ in VARIANTS}
    varied = [i for i in IDS if EXERCISES[i].params]
    assert varied == IDS[:-1]  # all but the multiple choice
    assert covered == {(i, value) for i in varied for value in EXERCISES[i].params[0].options}


@pytest.mark.parametrize(
    ("exercise_id", "name", "value", "truth", "mistake", "lessons"),
    VARIANTS,
    ids=lambda x: x if isinstance(x, str) else repr(x)[:12],
)
def test_each_students_numbers_are_judged(exercise_id, name, value, truth, mistake, lessons):
    assert_variant_judged(exercise_id, {name: value}, truth, mistake, lessons, solution_of=reference_solution)
