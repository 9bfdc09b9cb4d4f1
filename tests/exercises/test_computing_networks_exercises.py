"""Lesson 11 (quantum computing networks): the checks' truths are closed forms or the paper's stages,
and each names its typical mistakes."""

import math
from pathlib import Path

import numpy as np
import pytest
from qwidgets_grading import reference_solution

from qwidgets.exercises import (
    COMPUTING_BASELINES_M,
    COMPUTING_FAULT_TOLERANCE_CHOICES,
    COMPUTING_FAULT_TOLERANCE_RIGHT_CHOICE,
    COMPUTING_PLUS_ZERO_CHOICES,
    COMPUTING_PLUS_ZERO_RIGHT_CHOICE,
    COMPUTING_WERNER_FIDELITY,
    EXERCISES,
    assert_correct,
    check_computing_blind_stage,
    check_computing_fault_tolerance,
    check_computing_nonlocal_cost,
    check_computing_plus_zero,
    check_computing_telescope_gain,
    check_computing_werner_fidelity,
)
from qwidgets.testing.feedback import assert_explains
from qwidgets.testing.notebooks import lesson_text
from qwidgets.testing.variants import assert_variant_judged

LESSON_NOTEBOOK = Path(__file__).resolve().parents[2] / "lessons" / "11_quantum_computing_networks.ipynb"
IDS = [exercise_id for exercise_id in EXERCISES if exercise_id.startswith("computing_networks.")]

# Closed forms of the answers.
COST = (1, 2)  # one ebit, one bit each way (Eisert et al., PRA 62, 052317, 2000)
F = 0.8
# |1>|0> -> |11>: of the Werner pair's three errors, the bit flip (X on the target) and the combined
# one hurt; the phase flip (Z on the control) only multiplies |11> by -1.
WERNER_OUTPUT = F + (1 - F) / 3
BLIND_STAGE = 3  # the paper, 'Quantum memory networks': blind quantum computation
GAIN = 10_000 / 100  # angle ~ wavelength / baseline


def test_lesson_11_registers_its_exercises_in_order():
    assert IDS == [
        "computing_networks.computing_fault_tolerance",
        "computing_networks.computing_blind_stage",
        "computing_networks.computing_telescope_gain",
        "computing_networks.computing_nonlocal_cost",
        "computing_networks.computing_plus_zero",
        "computing_networks.computing_werner_fidelity",
    ]
    assert {EXERCISES[i].lesson for i in IDS} == {"11_quantum_computing_networks"}
    assert [EXERCISES[i].points for i in IDS] == [1, 1, 1, 1, 1, 2]


def test_the_constants_are_the_lessons():
    assert COMPUTING_WERNER_FIDELITY == F
    assert COMPUTING_BASELINES_M == (100.0, 10_000.0)
    assert COMPUTING_PLUS_ZERO_RIGHT_CHOICE == "c" and COMPUTING_FAULT_TOLERANCE_RIGHT_CHOICE == "b"


def test_the_closed_form_is_two_f_plus_one_over_three():
    assert WERNER_OUTPUT == pytest.approx((2 * F + 1) / 3) == pytest.approx(0.8667, abs=1e-4)


@pytest.mark.parametrize(
    ("exercise_id", "closed_form"),
    [
        ("computing_networks.computing_nonlocal_cost", COST),
        ("computing_networks.computing_plus_zero", "c"),
        ("computing_networks.computing_werner_fidelity", WERNER_OUTPUT),
        ("computing_networks.computing_blind_stage", BLIND_STAGE),
        ("computing_networks.computing_telescope_gain", GAIN),
        ("computing_networks.computing_fault_tolerance", "b"),
    ],
)
def test_reference_solutions_are_the_closed_forms_and_pass(exercise_id, closed_form):
    solution = reference_solution(exercise_id)
    if isinstance(closed_form, (str, tuple)):
        assert solution == closed_form
    else:
        assert solution == pytest.approx(closed_form, rel=1e-9)
    assert EXERCISES[exercise_id].check(solution).correct
    assert EXERCISES[exercise_id].check(closed_form).correct
    assert_correct(exercise_id, solution)


@pytest.mark.parametrize(
    ("exercise_id", "wrong_answer"),
    [
        ("computing_networks.computing_nonlocal_cost", (2, 4)),
        ("computing_networks.computing_plus_zero", "a"),
        ("computing_networks.computing_werner_fidelity", F),
        ("computing_networks.computing_blind_stage", 5),
        ("computing_networks.computing_telescope_gain", 10),
        ("computing_networks.computing_fault_tolerance", "c"),
    ],
)
def test_assert_correct_raises_for_a_wrong_answer_with_the_feedback(exercise_id, wrong_answer):
    with pytest.raises(AssertionError, match="Not yet"):
        assert_correct(exercise_id, wrong_answer)


# -- 1. What a non-local CNOT costs -----------------------------------------------------------------
@pytest.mark.parametrize("answer", [(1, 2), [1, 2], (1.0, 2.0), np.array([1, 2]), (np.int64(1), 2)])
def test_computing_nonlocal_cost_accepts_one_pair_and_two_bits(answer):
    feedback = check_computing_nonlocal_cost(answer)
    assert feedback.correct, str(feedback)
    assert "m1 from Alice to Bob, m2 from Bob to Alice" in feedback.message
    assert "cannot create entanglement" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ((2, 4), ["teleporting the control to bob", "back"]),
        ((2, 2), ["too many"]),
        ((0, 2), ["never create entanglement", "at least one pair"]),
        ((0, 0), ["never create entanglement"]),
        ((1, 4), ["two teleportations", "one bit each way"]),
        ((1, 1), ["a bit goes each way", "random phase flip"]),
        ((1, 0), ["no bits", "faster than light"]),
        ((1, 3), ["3 bits is not"]),
        ((1.5, 2), ["fraction"]),
        ((-1, 2), ["negative"]),
    ],
    ids=repr,
)
def test_computing_nonlocal_cost_names_the_mistake(answer, words):
    assert_explains(check_computing_nonlocal_cost(answer), words)
    assert "count the pairs" in check_computing_nonlocal_cost(answer).hint.lower()


@pytest.mark.parametrize(
    ("answer", "words"), [(2, ["two numbers"]), ((1, 2, 3), ["3 value(s)"]), ("1, 2", ["tuple"])]
)
def test_computing_nonlocal_cost_explains_the_form(answer, words):
    feedback = check_computing_nonlocal_cost(answer)
    assert feedback.status == "wrong" and "could not read" in feedback.message
    assert_explains(feedback, words)


# -- 2. The output on |+>|0> ---------------------------------------------------------------------------
@pytest.mark.parametrize("answer", ["c", "C", "(c)", " c) ", "option c"])
def test_computing_plus_zero_accepts_the_letter_in_any_usual_form(answer):
    feedback = check_computing_plus_zero(answer)
    assert feedback.correct, str(feedback)
    assert "(|00⟩ + |11⟩)/√2" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ("a", ["pair was used up", "control is 1"]),
        ("b", ["copy", "no unknown state can be copied"]),
        ("d", ["measured in z", "coherent", "in x too"]),
        ("e", ["no statement 'e'"]),
        ("a and c", ["several statements"]),
    ],
    ids=repr,
)
def test_computing_plus_zero_explains_each_wrong_choice(answer, words):
    feedback = check_computing_plus_zero(answer)
    assert_explains(feedback, words)


def test_computing_plus_zero_has_exactly_one_right_statement():
    right = [letter for letter in COMPUTING_PLUS_ZERO_CHOICES if check_computing_plus_zero(letter).correct]
    assert right == [COMPUTING_PLUS_ZERO_RIGHT_CHOICE] == ["c"]
    assert "Φ+" in COMPUTING_PLUS_ZERO_CHOICES["c"]
    assert len({check_computing_plus_zero(letter).message for letter in COMPUTING_PLUS_ZERO_CHOICES}) == 4
    assert "term by term" in check_computing_plus_zero("a").hint


# -- 3. The output's fidelity with a Werner pair -----------------------------------------------------
@pytest.mark.parametrize("answer", [WERNER_OUTPUT, 0.867, 0.87, 0.86, np.float64(0.8667), 0.8667 + 0j])
def test_computing_werner_fidelity_accepts_two_f_plus_one_over_three(answer):
    feedback = check_computing_werner_fidelity(answer)
    assert feedback.correct, str(feedback)
    assert "(2F + 1)/3" in feedback.message and "(4F + 1)/5" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (F, ["every error", "multiplies |11⟩ by −1"]),
        (1 - (1 - F) / 3, ["only one of the three errors"]),
        ((4 * F + 1) / 5, ["averaged over all inputs"]),
        (F**2, ["two pairs"]),
        (1, ["passes its errors on"]),
        (86.67, ["percentage"]),
        (1.3, ["cannot be the fidelity"]),
        (0.7, ["not the fidelity"]),
    ],
    ids=repr,
)
def test_computing_werner_fidelity_names_the_mistake(answer, words):
    feedback = check_computing_werner_fidelity(answer)
    assert_explains(feedback, words)


def test_computing_werner_fidelity_hints_at_how_the_errors_travel():
    hint = check_computing_werner_fidelity(0.7).hint
    assert "bit flip of the target" in hint and "phase flip (Z) of the control" in hint


# -- 4. Blind quantum computing --------------------------------------------------------------------
@pytest.mark.parametrize("answer", [3, 3.0, np.int64(3)])
def test_computing_blind_stage_accepts_stage_three(answer):
    feedback = check_computing_blind_stage(answer)
    assert feedback.correct, str(feedback)
    assert "Stage 3: quantum memory" in feedback.message and "Barz" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (5, ["stage 5", "does not make it a quantum computing network"]),
        (4, ["fault tolerance", "server's own business"]),
        (2, ["measured at once"]),
        (1, ["prepare and measure", "deterministically", "push it lower"]),
        (0, ["no qubit end to end"]),
        (6, ["numbered 0 to 5"]),
        (-1, ["numbered 0 to 5"]),
        (2.5, ["not a stage"]),
    ],
    ids=repr,
)
def test_computing_blind_stage_names_the_mistake(answer, words):
    feedback = check_computing_blind_stage(answer)
    assert_explains(feedback, words)
    assert "only the server is a quantum computer" in feedback.hint.lower()


# -- 5. Linked telescopes ----------------------------------------------------------------------------
@pytest.mark.parametrize("answer", [GAIN, 100, 100.5, 1e2, np.float64(100.0)])
def test_computing_telescope_gain_accepts_one_hundred(answer):
    feedback = check_computing_telescope_gain(answer)
    assert feedback.correct, str(feedback)
    assert "shrinks 100 times" in feedback.message and "Gottesman" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (math.sqrt(GAIN), ["square root"]),
        (GAIN**2, ["areas", "length of its baseline"]),
        (1 / GAIN, ["inverse"]),
        (0.1, ["kilometres by metres"]),
        (1, ["changes the resolution"]),
        (0, ["cannot be the factor"]),
        (-100, ["cannot be the factor"]),
        (50, ["not the factor"]),
    ],
    ids=repr,
)
def test_computing_telescope_gain_names_the_mistake(answer, words):
    feedback = check_computing_telescope_gain(answer)
    assert_explains(feedback, words)
    assert "wavelength / baseline" in feedback.hint


# -- 6. What fault tolerance adds ---------------------------------------------------------------------
@pytest.mark.parametrize("answer", ["b", "B", "(b)", "option b"])
def test_computing_fault_tolerance_accepts_the_letter(answer):
    feedback = check_computing_fault_tolerance(answer)
    assert feedback.correct, str(feedback)
    assert "Stage 4: few-qubit fault-tolerant" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ("a", ["stage 3", "without fault tolerance"]),
        ("c", ["stage 5", "simulate"]),
        ("d", ["still lost", "repeaters"]),
        ("b, c", ["several statements"]),
    ],
    ids=repr,
)
def test_computing_fault_tolerance_explains_each_wrong_choice(answer, words):
    assert_explains(check_computing_fault_tolerance(answer), words)


def test_computing_fault_tolerance_has_exactly_one_right_statement():
    choices = COMPUTING_FAULT_TOLERANCE_CHOICES
    right = [letter for letter in choices if check_computing_fault_tolerance(letter).correct]
    assert right == [COMPUTING_FAULT_TOLERANCE_RIGHT_CHOICE]
    assert len({check_computing_fault_tolerance(letter).message for letter in choices}) == 4


# -- The lesson ----------------------------------------------------------------------------------
def test_the_lesson_asks_what_the_checks_judge():
    text = lesson_text(LESSON_NOTEBOOK)
    for choices in (COMPUTING_PLUS_ZERO_CHOICES, COMPUTING_FAULT_TOLERANCE_CHOICES):
        for letter, statement in choices.items():
            assert f"**({letter})** {statement}" in text.markdown, letter
    for citation in (
        "Wehner",
        "eaam9288",
        "Eisert",
        "052317",
        "Broadbent",
        "Barz",
        "335",
        "Gottesman, Jennewein & Croke",
        "070503",
        "Kómár",
        "Ben-Or",
        "Mochon",
    ):
        assert citation in text.markdown, citation
    assert any("StagesPanel(" in source for source in text.code)
    printed = "\n".join(text.printed)
    assert "bits (m1, m2) = " in printed
    assert "F = 0.80: |+⟩|0⟩ 0.800, |1⟩|0⟩ 0.867, |0⟩|+⟩ 1.000, average over inputs 0.840" in printed


# -- Per-student numbers ---------------------------------------------------------------------------
# Every option of every varied exercise, judged against closed forms written here.
VARIANTS = [
    # (exercise id, parameter, option, closed form, (named mistake, its words), the lesson's answer)
    *[
        (
            "computing_networks.computing_telescope_gain",
            "baseline_km",
            km,
            km * 1000 / 100,
            (math.sqrt(km * 1000 / 100), ["square root"]),
            GAIN,
        )
        for km in (10.0, 3.0, 5.0, 8.0, 25.0, 40.0)
    ],
    *[
        (
            "computing_networks.computing_werner_fidelity",
            "fidelity",
            f,
            (2 * f + 1) / 3,
            ((4 * f + 1) / 5, ["averaged over all inputs"]),
            WERNER_OUTPUT,
        )
        for f in (0.8, 0.55, 0.65, 0.74, 0.85)
    ],
]


def test_the_variants_cover_every_option():
    covered = {(i, value) for i, _, value, *_ in VARIANTS}
    varied = [i for i in IDS if EXERCISES[i].params]
    assert varied == [
        "computing_networks.computing_telescope_gain",
        "computing_networks.computing_werner_fidelity",
    ]
    assert covered == {(i, value) for i in varied for value in EXERCISES[i].params[0].options}


@pytest.mark.parametrize(
    ("exercise_id", "name", "value", "truth", "mistake", "lessons"),
    VARIANTS,
    ids=lambda x: x if isinstance(x, str) else repr(x)[:12],
)
def test_each_students_numbers_are_judged(exercise_id, name, value, truth, mistake, lessons):
    assert_variant_judged(exercise_id, {name: value}, truth, mistake, lessons, solution_of=reference_solution)
