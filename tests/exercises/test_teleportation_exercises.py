"""Exercises of lesson 09: right answers in every form pass, each typical mistake is named.

Truths are written here as closed forms, independent of the checks' code and of
:mod:`qwidgets.physics`: two bits for four equally likely outcomes; Bob's qubit before the bits
is I/2, so P(0) = 1/2; after Alice's outcome (m0, m1) it is X^m1 Z^m0 |psi> (Bennett et al.,
PRL 70, 1895, 1993; Nielsen & Chuang, Sec. 1.3.7), worked out below with plain numpy; the
average fidelity (2F + 1)/3 with a Werner pair (Horodecki, Horodecki & Horodecki, PRA 60, 1888,
1999), which beats 2/3 above F = 1/2; a Werner pair violates CHSH above F = (1 + 3/sqrt(2))/4.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from qwidgets_grading import reference_solution

from qwidgets.exercises import (
    EXERCISES,
    TELEPORT_CORRECTION_BITS,
    TELEPORT_FASTER_CHOICES,
    TELEPORT_FASTER_RIGHT_CHOICE,
    TELEPORT_ORIGINAL_CHOICES,
    TELEPORT_ORIGINAL_RIGHT_CHOICE,
    TELEPORT_PHI,
    TELEPORT_THETA,
    TELEPORT_WERNER_FIDELITIES,
    TELEPORT_WERNER_FIDELITY,
    assert_correct,
    check_teleport_beat_classical,
    check_teleport_bits,
    check_teleport_bob_before,
    check_teleport_correction,
    check_teleport_faster_than_light,
    check_teleport_original,
    check_teleport_werner_fidelity,
)
from qwidgets.testing.feedback import assert_explains
from qwidgets.testing.notebooks import lesson_text
from qwidgets.testing.variants import student_with

LESSON_NOTEBOOK = Path(__file__).resolve().parents[2] / "lessons" / "09_teleportation.ipynb"
IDS = [exercise_id for exercise_id in EXERCISES if exercise_id.startswith("teleportation.")]

# Closed forms of the answers.
BITS = int(math.log2(4))
THETA = math.pi / 3
P0_INPUT = math.cos(THETA / 2) ** 2  # 3/4
BOB_P0 = 0.5
F = 0.9
AVERAGE_FIDELITY = (2 * F + 1) / 3
BEAT_CLASSICAL = 0.5
CHSH_THRESHOLD = (1 + 3 / math.sqrt(2)) / 4

# The protocol with plain numpy, qubit 0 the most significant: |psi> (x) |Phi+>, CNOT 0 -> 1, H on 0.
_I2 = np.eye(2)
_X = np.array([[0, 1], [1, 0]])
_Z = np.diag([1, -1])
_H = np.array([[1, 1], [1, -1]]) / math.sqrt(2)


def _kron(*matrices):
    out = np.eye(1)
    for m in matrices:
        out = np.kron(out, m)
    return out


def bob_after(psi: np.ndarray, m0: int, m1: int) -> np.ndarray:
    """Bob's normalised ket once Alice got (m0, m1), written out without qwidgets."""
    phi_plus = np.array([1, 0, 0, 1]) / math.sqrt(2)
    state = np.kron(psi, phi_plus)
    p0, p1 = np.diag([1, 0]), np.diag([0, 1])
    cnot = _kron(p0, _I2, _I2) + _kron(p1, _X, _I2)
    state = _kron(_H, _I2, _I2) @ (cnot @ state)
    bob = state.reshape(2, 2, 2)[m0, m1, :]
    return bob / np.linalg.norm(bob)


def overlap(a: np.ndarray, b: np.ndarray) -> float:
    return abs(np.vdot(a, b)) ** 2


PSI = np.array([math.cos(THETA / 2), np.exp(1j * math.pi / 4) * math.sin(THETA / 2)])


def test_lesson_09_registers_its_exercises_in_order():
    assert IDS == [
        "teleportation.teleport_bits",
        "teleportation.teleport_bob_before",
        "teleportation.teleport_correction",
        "teleportation.teleport_faster_than_light",
        "teleportation.teleport_original",
        "teleportation.teleport_werner_fidelity",
        "teleportation.teleport_beat_classical",
    ]
    assert {EXERCISES[i].lesson for i in IDS} == {"09_teleportation"}
    assert [EXERCISES[i].points for i in IDS] == [1, 1, 2, 1, 1, 2, 1]


def test_the_constants_are_the_lessons():
    assert (TELEPORT_THETA, TELEPORT_PHI) == (math.pi / 3, math.pi / 4)
    assert TELEPORT_CORRECTION_BITS == (1, 0) and TELEPORT_WERNER_FIDELITY == 0.9


def test_the_closed_forms_are_the_textbook_numbers():
    assert BITS == 2 and P0_INPUT == pytest.approx(0.75)
    assert AVERAGE_FIDELITY == pytest.approx(0.9333, abs=1e-4)
    assert (2 * BEAT_CLASSICAL + 1) / 3 == pytest.approx(2 / 3)
    assert CHSH_THRESHOLD == pytest.approx(0.7803, abs=1e-4)
    # Bob's qubit in each branch is X^m1 Z^m0 |psi>; averaged over the four, P(0) = 1/2.
    for m0 in (0, 1):
        for m1 in (0, 1):
            flipped = np.linalg.matrix_power(_X, m1) @ np.linalg.matrix_power(_Z, m0) @ PSI
            assert overlap(bob_after(PSI, m0, m1), flipped) == pytest.approx(1.0)
    average_p0 = np.mean([abs(bob_after(PSI, m0, m1)[0]) ** 2 for m0 in (0, 1) for m1 in (0, 1)])
    assert average_p0 == pytest.approx(BOB_P0)
    assert overlap(_Z @ bob_after(PSI, 1, 0), PSI) == pytest.approx(1.0)
    assert overlap(_X @ bob_after(PSI, 1, 0), PSI) < 0.9


@pytest.mark.parametrize(
    ("exercise_id", "closed_form"),
    [
        ("teleportation.teleport_bits", BITS),
        ("teleportation.teleport_bob_before", BOB_P0),
        ("teleportation.teleport_correction", "Z"),
        ("teleportation.teleport_original", "b"),
        ("teleportation.teleport_faster_than_light", "c"),
        ("teleportation.teleport_werner_fidelity", AVERAGE_FIDELITY),
        ("teleportation.teleport_beat_classical", BEAT_CLASSICAL),
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
        ("teleportation.teleport_bits", 1),
        ("teleportation.teleport_bob_before", P0_INPUT),
        ("teleportation.teleport_correction", "X"),
        ("teleportation.teleport_original", "a"),
        ("teleportation.teleport_faster_than_light", "a"),
        ("teleportation.teleport_werner_fidelity", F),
        ("teleportation.teleport_beat_classical", 2 / 3),
    ],
)
def test_assert_correct_raises_for_a_wrong_answer_with_the_feedback(exercise_id, wrong_answer):
    with pytest.raises(AssertionError, match="Not yet"):
        assert_correct(exercise_id, wrong_answer)


# -- 1. How many bits --------------------------------------------------------------------------
@pytest.mark.parametrize("answer", [BITS, 2.0, np.int64(2), np.float32(2.0)])
def test_teleport_bits_accepts_two(answer):
    feedback = check_teleport_bits(answer)
    assert feedback.correct, str(feedback)
    assert "log2(4) = 2" in feedback.message and "panel" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (0, ["i/2", "entanglement alone carries no message"]),
        (1, ["bit flip (x) or a phase flip (z)", "not both"]),
        (3, ["counts the qubits"]),
        (4, ["counts alice's outcomes", "4 = 2 × 2"]),
        (10**9, ["angles", "never learns them"]),
        (7, ["does not describe the state"]),
        (-2, ["cannot be a number of bits"]),
        (1.5, ["not a whole number"]),
    ],
    ids=repr,
)
def test_teleport_bits_names_the_mistake(answer, words):
    feedback = check_teleport_bits(answer)
    assert_explains(feedback, words)
    assert "4 outcomes" in feedback.hint


# -- 2. Bob's P(0) before the bits ---------------------------------------------------------------
@pytest.mark.parametrize("answer", [BOB_P0, 0.5, 0.505, 1 / 2, np.float64(0.5), 0.5 + 0j])
def test_teleport_bob_before_accepts_one_half(answer):
    feedback = check_teleport_bob_before(answer)
    assert feedback.correct, str(feedback)
    assert "i/2" in feedback.message.lower() and "whatever the input" in feedback.message.lower()


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (P0_INPUT, ["cos²(θ/2)", "input's own p(0)", "bit-flipped"]),
        (math.cos(THETA / 2), ["amplitude"]),
        (1 - P0_INPUT, ["sin²(θ/2)", "which branch"]),
        (1, ["not |0⟩", "entangled pair"]),
        (0, ["not |1⟩", "entangled pair"]),
        (50, ["percentage"]),
        (1.5, ["cannot be a probability"]),
        (0.4, ["not the probability"]),
    ],
    ids=repr,
)
def test_teleport_bob_before_names_the_mistake(answer, words):
    feedback = check_teleport_bob_before(answer)
    assert_explains(feedback, words)


# -- 3. The correction for 10 ---------------------------------------------------------------------
@pytest.mark.parametrize("answer", ["Z", "z", ["Z"], ("RZ", math.pi), "RZ(-pi)", "Z Z Z", "S S"])
def test_teleport_correction_accepts_z_in_any_form(answer):
    feedback = check_teleport_correction(answer)
    assert feedback.correct, str(feedback)
    assert "01 X, 10 Z, 11 X then Z" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ("X", ["correction for the bits 01", "swapped the roles"]),
        ("X Z", ["correction for the bits 11"]),
        ("Z X", ["correction for the bits 11"]),
        ("Y", ["correction for the bits 11"]),
        (["X", "Z"], ["correction for the bits 11"]),
        ("H", ["alice's qubit 0", "not bob's to undo"]),
        ("", ["with no gate", "both bits were 0"]),
        ([], ["with no gate"]),
        ("Z Z", ["with no gate"]),
        ("S", ["your gates turn bob's qubit into", "θ = 0.33π, φ = 1.75π", "φ = 0.25π"]),
        ("HADAMARD", ["could not read", "'h'"]),
    ],
    ids=repr,
)
def test_teleport_correction_names_the_mistake(answer, words):
    feedback = check_teleport_correction(answer)
    assert_explains(feedback, words)


def test_teleport_correction_hints_at_what_each_bit_means():
    hint = check_teleport_correction("X").hint
    assert "m1 is alice's half of the pair" in hint.lower() and "undone by z" in hint.lower()


# -- 4. What is left at Alice's --------------------------------------------------------------------
@pytest.mark.parametrize("answer", ["b", "B", "(b)", " b) ", "option b"])
def test_teleport_original_accepts_the_letter_in_any_usual_form(answer):
    feedback = check_teleport_original(answer)
    assert feedback.correct, str(feedback)
    assert "|m0 m1⟩" in feedback.message and "no-cloning" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ("a", ["no-cloning forbids", "0 or 1"]),
        ("c", ["universal cloner", "makes no copy"]),
        ("d", ["no particle moves", "classical bits"]),
        ("e", ["no statement 'e'"]),
        ("a and b", ["several statements"]),
        ("Alice keeps nothing", ["just the letter"]),
        (2, ["not a letter"]),
    ],
    ids=repr,
)
def test_teleport_original_explains_each_wrong_choice(answer, words):
    assert_explains(check_teleport_original(answer), words)


def test_teleport_original_has_exactly_one_right_statement():
    right = [letter for letter in TELEPORT_ORIGINAL_CHOICES if check_teleport_original(letter).correct]
    assert right == [TELEPORT_ORIGINAL_RIGHT_CHOICE] == ["b"]
    assert len({check_teleport_original(letter).message for letter in TELEPORT_ORIGINAL_CHOICES}) == 4


# -- 5. Faster than light? -----------------------------------------------------------------------
@pytest.mark.parametrize("answer", ["c", "C", "(c)", "answer: c"])
def test_teleport_faster_than_light_accepts_no_because_of_the_bits(answer):
    feedback = check_teleport_faster_than_light(answer)
    assert feedback.correct, str(feedback)
    assert "i/2 until the bits arrive" in feedback.message.lower() and "speed of light" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ("a", ["does not know alice's outcome", "same for every input"]),
        ("b", ["one time in four", "whatever the input"]),
        ("d", ["nothing travels", "but the bits"]),
    ],
    ids=repr,
)
def test_teleport_faster_than_light_explains_each_wrong_choice(answer, words):
    feedback = check_teleport_faster_than_light(answer)
    assert_explains(feedback, words)
    assert "before the bits arrive" in feedback.hint


def test_teleport_faster_than_light_has_exactly_one_right_statement():
    right = [letter for letter in TELEPORT_FASTER_CHOICES if check_teleport_faster_than_light(letter).correct]
    assert right == [TELEPORT_FASTER_RIGHT_CHOICE] == ["c"]


# -- 6. A Werner pair of F = 0.9 ---------------------------------------------------------------------
@pytest.mark.parametrize("answer", [AVERAGE_FIDELITY, 0.933, 0.93, 0.94, 2.8 / 3, np.float64(0.9333)])
def test_teleport_werner_fidelity_accepts_two_f_plus_one_over_three(answer):
    feedback = check_teleport_werner_fidelity(answer)
    assert feedback.correct, str(feedback)
    assert "(2F + 1)/3" in feedback.message and "panel" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (F, ["pair's own fidelity", "0.5"]),
        (F**2, ["f²", "in proportion to f"]),
        (2 * F / 3, ["2f/3", "1/3"]),
        (1, ["only a perfect pair"]),
        (2 / 3, ["no pair at all"]),
        (93.33, ["percentage"]),
        (-0.2, ["cannot be the average fidelity"]),
        (0.5, ["not the average fidelity"]),
    ],
    ids=repr,
)
def test_teleport_werner_fidelity_names_the_mistake(answer, words):
    feedback = check_teleport_werner_fidelity(answer)
    assert_explains(feedback, words)


def test_teleport_werner_fidelity_hints_at_the_other_bell_states():
    hint = check_teleport_werner_fidelity(F).hint
    assert "probability F" in hint and "X, Y or Z" in hint


# -- 7. Beating the classical 2/3 --------------------------------------------------------------------
@pytest.mark.parametrize("answer", [BEAT_CLASSICAL, 0.5, 0.505, 1 / 2, np.float64(0.5)])
def test_teleport_beat_classical_accepts_one_half(answer):
    feedback = check_teleport_beat_classical(answer)
    assert feedback.correct, str(feedback)
    assert "F > 1/2" in feedback.message and "entangled" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (2 / 3, ["teleported state's fidelity", "not for the pair's"]),
        (CHSH_THRESHOLD, ["chsh", "asks less"]),
        (0.78, ["chsh"]),
        (0.25, ["fully mixed", "1/2"]),
        (1, ["perfect pair", "in proportion to f"]),
        (50, ["percentage"]),
        (2, ["cannot be"]),
        (0.6, ["not the pair fidelity"]),
    ],
    ids=repr,
)
def test_teleport_beat_classical_names_the_mistake(answer, words):
    assert_explains(check_teleport_beat_classical(answer), words)


def test_teleport_beat_classical_hints_at_the_equation():
    assert "(2F + 1)/3 equal to 2/3" in check_teleport_beat_classical(0.6).hint


# -- The lesson ----------------------------------------------------------------------------------
def _notebook() -> tuple[str, list[str], list[str]]:
    text = lesson_text(LESSON_NOTEBOOK)
    return text.markdown, list(text.code), list(text.printed)


def test_the_lesson_asks_what_the_checks_judge():
    markdown, sources, outputs = _notebook()
    for choices in (TELEPORT_ORIGINAL_CHOICES, TELEPORT_FASTER_CHOICES):
        for letter, statement in choices.items():
            assert f"**({letter})** {statement}" in markdown, letter
    assert "Bennett" in markdown and "70" in markdown and "1895" in markdown
    # exercise 6's panel starts at the student's own F (0.9 in the lesson)
    assert any("TeleportationPanel(fidelity=numbers.fidelity)" in source for source in sources)
    assert "$F = 0.9$ in the lesson" in markdown and "`numbers.fidelity`" in markdown
    assert any(source.strip() == "TeleportationPanel()" for source in sources)
    printed = "\n".join(outputs)
    assert "F = 0.90: average fidelity 0.933" in printed


# -- Per-student numbers -------------------------------------------------------------------------
WERNER_F_OPTIONS = [0.9, 0.55, 0.6, 0.75, 0.8, 0.95]


def test_the_werner_options_are_the_lessons_first():
    assert list(TELEPORT_WERNER_FIDELITIES) == WERNER_F_OPTIONS
    assert TELEPORT_WERNER_FIDELITIES[0] == TELEPORT_WERNER_FIDELITY


@pytest.mark.parametrize("index", range(len(WERNER_F_OPTIONS)))
def test_teleport_werner_fidelity_judges_each_students_fidelity(index):
    exercise_id = "teleportation.teleport_werner_fidelity"
    f = WERNER_F_OPTIONS[index]
    student = "" if index == 0 else student_with(exercise_id, fidelity=f)
    truth = f + (1 - f) / 3  # the pair works (fidelity 1) or flips the input (1/3 on average)
    assert truth > 2 / 3 + 0.01  # every student's pair beats measure-and-resend
    feedback = check_teleport_werner_fidelity(truth, student=student)
    assert feedback.correct, str(feedback)
    assert f"fidelity {f:g}" in feedback.message
    assert_explains(check_teleport_werner_fidelity(f, student=student), ["pair's own fidelity"])
    assert_explains(check_teleport_werner_fidelity(f * f, student=student), ["f²"])
    assert_explains(check_teleport_werner_fidelity(2 * f / 3, student=student), ["2f/3"])
    assert_explains(check_teleport_werner_fidelity(2 / 3, student=student), [f"fidelity {f:g} does better"])
    if index:
        assert_explains(
            check_teleport_werner_fidelity(AVERAGE_FIDELITY, student=student), ["lesson's numbers"]
        )
    assert reference_solution(exercise_id, student) == pytest.approx(truth, abs=1e-12)
    assert check_teleport_werner_fidelity(reference_solution(exercise_id, student), student=student).correct
