"""Exercises of lesson 05: right answers in every form pass, each typical mistake is named.

Truths are written here as closed forms (10^(-dB/10), -log2(1 - eta), the decoy-state key rate of
Lo, Ma & Chen solved by bisection), independent of the checks' code and of :mod:`qwidgets.physics`.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from qwidgets_grading import reference_solution

from qwidgets.exercises import (
    BOUND_CHOICES,
    BOUND_RIGHT_CHOICE,
    EXERCISES,
    WALL_LINK,
    assert_correct,
    check_beat_the_bound,
    check_decoy_reach,
    check_fast_clock_reach,
    check_plob_rate,
    check_spliced_fraction,
    check_ultralow_fraction,
)
from qwidgets.panels.link import EQUIPMENT, LinkPanel
from qwidgets.testing.feedback import assert_explains
from qwidgets.testing.notebooks import lesson_text
from qwidgets.testing.variants import assert_judged_with_own_numbers, student_for

LESSON_IDS = [exercise_id for exercise_id in EXERCISES if exercise_id.startswith("loss.")]
LESSON_NOTEBOOK = Path(__file__).resolve().parents[2] / "lessons" / "05_loss_and_distance.ipynb"


def h(p: float) -> float:
    """Binary entropy in bits, written out (0 at 0 and 1)."""
    return 0.0 if p in (0.0, 1.0) else -p * math.log2(p) - (1 - p) * math.log2(1 - p)


def decoy_bits_per_pulse(length_km: float, rate_hz: float = 2e6, y0: float = 1.7e-6) -> float:
    """Lo, Ma & Chen's decoy-state key (PRL 94, 230504, 2005) with the GYS detector, 0.2 dB/km, mu = 0.5.

    R = 1/2 [-Q f h(E) + Q1 (1 - h(e1))] per pulse, times the clock; negative past the wall.
    """
    mu, eta_det, e_d, f = 0.5, 0.045, 0.033, 1.16
    eta = eta_det * 10 ** (-0.2 * length_km / 10)
    gain = y0 + 1 - math.exp(-eta * mu)
    qber = (0.5 * y0 + e_d * (1 - math.exp(-eta * mu))) / gain
    y1 = y0 + eta
    e1 = (0.5 * y0 + e_d * eta) / y1
    q1 = y1 * mu * math.exp(-mu)
    return rate_hz * 0.5 * (-gain * f * h(qber) + q1 * (1 - h(e1)))


def wall_km(rate_hz: float = 2e6, y0: float = 1.7e-6) -> float:
    """Where :func:`decoy_bits_per_pulse` changes sign, by plain bisection."""
    low, high = 0.0, 1000.0
    for _ in range(100):
        middle = (low + high) / 2
        low, high = (middle, high) if decoy_bits_per_pulse(middle, rate_hz, y0) > 0 else (low, middle)
    return low


# Closed forms of the answers.
SPLICED = 10 ** (-3 * 10 / 10)  # three spools of 10 dB
ULTRALOW = 10 ** (-0.16 * 100 / 10)  # 16 dB
ETA_500 = 10 ** (-0.2 * 500 / 10)  # 100 dB
PLOB = 1e9 * -math.log1p(-ETA_500) / math.log(2)  # -log2(1 - eta), exact at high loss
WALL = wall_km()
FAST_WALL = wall_km(2e9)


def test_lesson_05_registers_its_exercises_in_order():
    assert LESSON_IDS == [
        "loss.spliced_fraction",
        "loss.ultralow_fraction",
        "loss.plob_rate",
        "loss.decoy_reach",
        "loss.fast_clock_reach",
        "loss.beat_the_bound",
    ]
    assert [EXERCISES[i].points for i in LESSON_IDS] == [1, 1, 1, 2, 1, 1]
    assert {EXERCISES[i].lesson for i in LESSON_IDS} == {"05_loss_and_distance"}
    # the conventions every exercise shares are in test_every_exercise.py


def test_the_closed_forms_are_the_lesson_numbers():
    assert SPLICED == pytest.approx(0.001)
    assert ULTRALOW == pytest.approx(0.02512, abs=1e-5)
    assert PLOB == pytest.approx(1e9 * 1e-10 / math.log(2), rel=1e-9)  # 1.44 eta at high loss
    assert PLOB == pytest.approx(0.1443, abs=1e-4)
    assert WALL == pytest.approx(151.29, abs=0.01)
    assert FAST_WALL == pytest.approx(WALL, abs=1e-9)  # the clock multiplies the rate, not the wall
    assert decoy_bits_per_pulse(100) == pytest.approx(47.73, abs=0.01)


def test_the_exercise_link_is_the_panels_2004_equipment():
    """The wall the check judges is the one the LinkPanel shows with its defaults."""
    equipment = EQUIPMENT["2004"]
    assert WALL_LINK["detector_efficiency"] == equipment.detector_efficiency
    assert WALL_LINK["dark_count_probability"] == equipment.dark_count_probability
    assert WALL_LINK["misalignment"] == equipment.misalignment
    assert WALL_LINK["repetition_rate_hz"] == equipment.repetition_rate_hz
    panel = LinkPanel()
    assert panel.params["attenuation_db_per_km"] == WALL_LINK["attenuation_db_per_km"]
    assert panel.params["mean_photon_number"] == WALL_LINK["mean_photon_number"]
    assert panel.result.reading("weak pulses + decoys").reach_km == pytest.approx(WALL, abs=1e-6)


@pytest.mark.parametrize(
    ("exercise_id", "closed_form"),
    [
        ("loss.spliced_fraction", SPLICED),
        ("loss.ultralow_fraction", ULTRALOW),
        ("loss.plob_rate", PLOB),
        ("loss.decoy_reach", 10 * math.log10(0.5 * 0.045 / (10 * 1.7e-6)) / 0.2),  # the rule of thumb
        ("loss.fast_clock_reach", 151.0),
    ],
)
def test_reference_solutions_are_the_closed_forms_and_pass(exercise_id, closed_form):
    solution = reference_solution(exercise_id)
    assert solution == pytest.approx(closed_form, rel=1e-6)
    assert EXERCISES[exercise_id].check(solution).correct
    assert EXERCISES[exercise_id].check(closed_form).correct
    assert_correct(exercise_id, solution)


def test_the_reference_choice_is_the_right_one():
    assert reference_solution("loss.beat_the_bound") == BOUND_RIGHT_CHOICE
    assert_correct("loss.beat_the_bound", reference_solution("loss.beat_the_bound"))


@pytest.mark.parametrize("exercise_id", LESSON_IDS)
def test_the_placeholder_is_unanswered(exercise_id):
    feedback = EXERCISES[exercise_id].check(None)
    assert feedback.status == "unanswered"
    assert feedback.hint == EXERCISES[exercise_id].check.__doc__.strip().splitlines()[0]


@pytest.mark.parametrize("exercise_id", [i for i in LESSON_IDS if i != "loss.beat_the_bound"])
@pytest.mark.parametrize(
    ("junk", "words"),
    [
        ("0.5", ["without quotes"]),
        ([0.1, 0.2], ["one number", "not a list"]),
        (float("nan"), ["nan"]),
        (float("inf"), ["infinite"]),
        (True, ["yes/no"]),
        (np.array([1.0, 2.0]), ["not an array"]),
    ],
    ids=repr,
)
def test_unreadable_numbers_get_the_form_hint(exercise_id, junk, words):
    feedback = EXERCISES[exercise_id].check(junk)
    assert feedback.status == "wrong" and "could not read" in feedback.message
    assert feedback.hint == EXERCISES[exercise_id].check.__doc__.strip().splitlines()[0]
    for word in words:
        assert word in feedback.message.lower(), str(feedback)


@pytest.mark.parametrize(
    ("exercise_id", "wrong_answer"),
    [
        ("loss.spliced_fraction", 0.1),
        ("loss.ultralow_fraction", 0.01),
        ("loss.plob_rate", 1e9 * ETA_500),
        ("loss.decoy_reach", 206),
        ("loss.fast_clock_reach", 301),
        ("loss.beat_the_bound", "a"),
    ],
)
def test_assert_correct_raises_for_a_wrong_answer_with_the_feedback(exercise_id, wrong_answer):
    with pytest.raises(AssertionError, match="Not yet"):
        assert_correct(exercise_id, wrong_answer)


# -- 1. Three spools ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "answer", [SPLICED, 0.001, 1e-3, 0.00105, 0.00095, 10**-3, np.float64(0.001), 0.001 + 0j]
)
def test_spliced_fraction_accepts_a_thousandth(answer):
    feedback = check_spliced_fraction(answer)
    assert feedback.correct, str(feedback)
    assert "30 db" in feedback.message.lower() and "shares multiply" in feedback.message


@pytest.mark.parametrize("answer", [0.0008, 0.0012, 0.0, 0.002])
def test_spliced_fraction_is_judged_relative_to_its_size(answer):
    # 0.01 of absolute tolerance would accept all of these; the check does not
    assert check_spliced_fraction(answer).status == "wrong"


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (0.1, ["one spool", "crosses 3", "percentage", "shares multiply"]),
        (0.3, ["adds the shares", "shares multiply", "losses in db that add"]),
        (1 / 30, ["1/30", "factor 30", "logarithm"]),
        (0.033, ["1/30"]),
        (0.01, ["2 spools", "20 db"]),
        (30, ["30 db is the loss", "right first step", "from 0 to 1"]),
        (1e-30, ["power of ten", "10^(−30/10)"]),
        (0.999, ["swallows", "add up to 1"]),
        (0.1 / 100 * 100, ["one spool"]),  # 0.1, typed as a percentage of 0.1 %
        (0.5, ["not the share", "add the losses in db"]),
        (1.5, ["cannot be the share", "between 0 and 1"]),
        (-0.001, ["cannot be the share"]),
    ],
    ids=repr,
)
def test_spliced_fraction_names_the_mistake(answer, words):
    assert_explains(check_spliced_fraction(answer), words)


# -- 2. Ultralow-loss fibre -----------------------------------------------------------------------
@pytest.mark.parametrize("answer", [ULTRALOW, 0.025, 1 / 40, 0.0251, 0.024, 0.027, 10**-1.6])
def test_ultralow_fraction_accepts_ten_to_the_minus_1_6_and_invites_to_the_panel(answer):
    feedback = check_ultralow_fraction(answer)
    assert feedback.correct, str(feedback)
    assert "1 in 40" in feedback.message and "2.5 times" in feedback.message and "panel" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (0.01, ["standard fibre", "0.2 db/km", "only 16 db"]),
        (16, ["16 db is the loss", "from 0 to 1"]),
        (0.16, ["loss per km in db", "not a share"]),
        (0.84, ["16% of the light lost", "not a percentage", "0.9638"]),
        (0.84**100, ["0.84^100", "16% lost per km"]),
        (0.9984**100, ["0.16 % lost per km", "not a percentage"]),
        (0.85, ["0.16 % lost per km"]),
        (1 / 16, ["1/16", "factor 16", "10^(16/10)"]),
        (math.exp(-1.6), ["natural exponential", "10^(−db/10)"]),
        (0.2, ["natural exponential"]),
        (1e-16, ["power of ten"]),
        (1 - ULTRALOW, ["swallows"]),
        (2.5, ["percentage", "divide by 100"]),
        (0.05, ["not the share", "10^(−16/10)"]),
        (3, ["cannot be the share"]),
    ],
    ids=repr,
)
def test_ultralow_fraction_names_the_mistake(answer, words):
    assert_explains(check_ultralow_fraction(answer), words)


# -- 3. The PLOB bound in bits per second ---------------------------------------------------------
@pytest.mark.parametrize(
    "answer", [PLOB, 0.144, 0.1443, 1.44e-10 * 1e9, 1e9 * 1e-10 / math.log(2), 0.15, 0.13]
)
def test_plob_rate_accepts_the_bound_times_the_clock(answer):
    feedback = check_plob_rate(answer)
    assert feedback.correct, str(feedback)
    assert "10^9 pulses per second" in feedback.message and "every 7 seconds" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (PLOB / 1e9, ["per pulse", "bits per second", "multiply by the clock"]),
        (1e9 * ETA_500, ["η × clock", "every photon that arrives", "ln where log2 belongs", "1.44 η"]),
        (1e9 * -math.log(1 - ETA_500), ["ln where log2 belongs"]),
        (1e9 * -math.log10(1 - ETA_500), ["log10", "log2"]),
        (1e9 * ETA_500 * math.log(2), ["multiplies η by ln 2", "divide by ln 2"]),
        (PLOB / 2, ["half of the bound", "sifting", "every protocol"]),
        (ETA_500, ["η, the share", "clock"]),
        (2e6 * PLOB / 1e9, ["2 mhz", "10^9 hz"]),
        (0, ["never 0", "10^(−100/10)", "rounds to exactly 1"]),
        (1.44e-91, ["far too little"]),
        (-0.1, ["cannot be a rate"]),
        (14.4, ["not the bound", "−log2(1 − η)"]),
    ],
    ids=repr,
)
def test_plob_rate_names_the_mistake(answer, words):
    assert_explains(check_plob_rate(answer), words)


# -- 4. Where the decoy key stops -----------------------------------------------------------------
@pytest.mark.parametrize("answer", [151, WALL, 156, 137, 165, 151.0 + 0j, np.int64(150)])
def test_decoy_reach_accepts_the_wall_within_15_km(answer):
    feedback = check_decoy_reach(answer)
    assert feedback.correct, str(feedback)
    message = feedback.message
    assert "151 km" in message and "30.3 dB" in message and "156 km" in message and "hollow circle" in message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (30, ["loss in db", "asks for km", "if you meant 30 km", "3,300 to 1", "divide a loss in db"]),
        (31.2, ["loss in db"]),
        (206, ["merely equal", "a quarter of bob's bits", "10 to 1", "0.0225", "10 × 1.7e-6"]),
        (200, ["merely equal"]),
        (122, ["gobby, yuan & shields", "48 to 1", "13.9 bit/s"]),
        (182, ["too far", "3 to 1", "no key at all"]),
        (250, ["too far", "false clicks outnumber photon clicks about 7.6 to 1"]),
        (1000, ["too far", "× 10¹⁵ to 1"]),
        (100, ["too near", "130 to 1", "47.7 bit/s", "further out"]),
        (0, ["too near", "5.39 kbit/s"]),
        (-5, ["cannot be a distance"]),
    ],
    ids=repr,
)
def test_decoy_reach_names_the_mistake(answer, words):
    assert_explains(check_decoy_reach(answer), words)


def test_decoy_reach_compares_clicks_from_the_physics():
    """Beyond the wall every answer is told there is no key; short of it, the model's rate."""
    for km in (170, 190, 300, 600):
        assert "no key at all" in check_decoy_reach(km).message
    for km in (60, 90, 120):
        rate = decoy_bits_per_pulse(km)
        assert f"{rate:.3g} bit/s" in check_decoy_reach(km).message


# -- 5. A faster clock ----------------------------------------------------------------------------
@pytest.mark.parametrize("answer", [151, FAST_WALL, 156, 140, np.float32(151.3)])
def test_fast_clock_reach_accepts_the_same_wall(answer):
    feedback = check_fast_clock_reach(answer)
    assert feedback.correct, str(feedback)
    assert "stays at 151 km" in feedback.message and "47.7 bit/s becomes 47.7 kbit/s" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (301, ["adds 150 km", "30 db", "does not move", "false clicks too"]),
        (295, ["adds 150 km"]),
        (151_289, ["scales the distance", "does not move"]),
        (206, ["does not move out", "151 km"]),
        (182, ["does not move out"]),
        (100, ["closer", "same odds"]),
        (30, ["loss in db", "asks for km"]),
        (-1, ["cannot be a distance"]),
    ],
    ids=repr,
)
def test_fast_clock_reach_names_the_mistake(answer, words):
    assert_explains(check_fast_clock_reach(answer), words)


# -- 6. What could beat the bound -----------------------------------------------------------------
@pytest.mark.parametrize("answer", ["d", "D", "(d)", "d)", " d ", "option d", "the answer is d"])
def test_beat_the_bound_reads_the_letter(answer):
    feedback = check_beat_the_bound(answer)
    assert feedback.correct, str(feedback)
    assert "twin-field" in feedback.message and "direct link" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ("a", ["removes the wall, not the bound", "η/2", "belongs to the fibre", "direct link"]),
        ("b", ["bits per second, not the bits per pulse", "−log2(1 − η)"]),
        ("c", ["amplifying is copying", "5/6", "noise"]),
        ("e", ["no statement 'e'"]),
        ("a and d", ["several statements"]),
        ("a station in the middle", ["not a sentence"]),
        (4, ["not a letter", "in quotes"]),
        (["d"], ["a list"]),
        ("x" * 10_000, ["10000 characters"]),
    ],
    ids=lambda value: repr(value)[:30],
)
def test_beat_the_bound_explains_each_wrong_choice_and_each_unreadable_answer(answer, words):
    assert_explains(check_beat_the_bound(answer), words)


def test_every_wrong_choice_has_its_own_explanation():
    messages = {letter: check_beat_the_bound(letter).message for letter in BOUND_CHOICES}
    assert [letter for letter in BOUND_CHOICES if check_beat_the_bound(letter).correct] == ["d"]
    wrong = [message for letter, message in messages.items() if letter != BOUND_RIGHT_CHOICE]
    assert len(set(wrong)) == len(wrong) == 3
    for letter, message in messages.items():
        assert message.startswith(f"({letter})")


# -- The lesson ------------------------------------------------------------------------------------
def test_the_lesson_prints_what_the_checks_judge():
    """The statements of the multiple choice, by the same letters."""
    markdown = lesson_text(LESSON_NOTEBOOK).markdown
    for letter, statement in BOUND_CHOICES.items():
        assert f"**({letter})** {statement}" in markdown, letter


# -- Per-student variants: every option, against closed forms written here ------------------------


def _assert_variant(exercise_id, student, truth, mistake, words, lesson_answer, rel=1e-9):
    """Judged with the student's own numbers, and the grader's reference solution is the truth."""
    solution = reference_solution(exercise_id, student)
    check = EXERCISES[exercise_id].check
    assert_judged_with_own_numbers(
        check, student, truth, mistake, words, lesson_answer, solution=solution, rel=rel
    )


@pytest.mark.parametrize("spools", [3, 2, 4, 5, 6])
def test_spliced_fraction_varies_the_spools(spools):
    student = student_for("loss.spliced_fraction", spools=spools)
    truth = 10**-spools  # 10 dB a spool: one factor of ten each
    _assert_variant(
        "loss.spliced_fraction",
        student,
        truth,
        1 / (10 * spools),
        ["as a factor", f"{10 * spools} db"],
        SPLICED,
    )


@pytest.mark.parametrize("length_km", [100.0, 70.0, 80.0, 120.0, 150.0, 200.0])
def test_ultralow_fraction_varies_the_length(length_km):
    student = student_for("loss.ultralow_fraction", length_km=length_km)
    truth = 10 ** (-0.16 * length_km / 10)
    _assert_variant(
        "loss.ultralow_fraction",
        student,
        truth,
        math.exp(-0.016 * length_km),
        ["natural exponential"],
        ULTRALOW,
    )


@pytest.mark.parametrize("length_km", [500.0, 300.0, 400.0, 450.0, 550.0, 600.0])
def test_plob_rate_varies_the_length(length_km):
    student = student_for("loss.plob_rate", length_km=length_km)
    eta = 10 ** (-0.2 * length_km / 10)
    truth = 1e9 * -math.log1p(-eta) / math.log(2)
    # the solution takes -log2(1 - η) as a student would: 1 − η loses digits at 120 dB
    _assert_variant("loss.plob_rate", student, truth, truth / 1e9, ["per pulse"], PLOB, rel=1e-4)


@pytest.mark.parametrize("dark_count", [1.7e-6, 5e-7, 1.7e-7, 5e-8, 1.7e-8])
def test_decoy_reach_varies_the_false_clicks(dark_count):
    student = student_for("loss.decoy_reach", dark_count=dark_count)
    wall = wall_km(y0=dark_count)
    estimate = 10 * math.log10(0.5 * 0.045 / (10 * dark_count)) / 0.2  # the rule of thumb
    assert abs(estimate - wall) < 15
    check = EXERCISES["loss.decoy_reach"].check
    for answer in (wall, estimate, wall - 14):
        assert check(answer, student=student).correct
    assert_explains(check(0.2 * wall, student=student), ["looks like a loss in db"])
    solution = reference_solution("loss.decoy_reach", student)
    assert solution == pytest.approx(estimate)
    assert check(solution, student=student).correct
    if student:
        feedback = check(WALL, student=student)
        assert not feedback.correct and "lesson's numbers" in feedback.message


@pytest.mark.parametrize("exercise_id", ["loss.fast_clock_reach", "loss.beat_the_bound"])
def test_the_fixed_exercises_are_the_same_for_everyone(exercise_id):
    assert EXERCISES[exercise_id].params == ()
