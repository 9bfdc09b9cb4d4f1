"""Exercises of lesson 01: reference solutions pass, typical mistakes get specific feedback."""

from __future__ import annotations

import math

import numpy as np
import pytest

from qwidgets.exercises import (
    EXERCISES,
    Feedback,
    assert_correct,
    check_disturbed_probability,
    check_gates_to_plus_i,
    check_minus_angles,
    check_probability_zero,
    check_state_after_measurement,
    reference_solution,
)
from qwidgets.physics import apply_gate, bloch_vector, ket, measurement_probabilities

PI = math.pi
QUBIT_IDS = [exercise_id for exercise_id in EXERCISES if exercise_id.startswith("qubits.")]
JUNK = [None, "abc", [1], float("nan"), float("inf"), True, object(), {"theta": 1}, b"\x00", (), 10**400, 1j]


def text(feedback: Feedback) -> str:
    """Message and hint in one lower-case string, for asserting on words."""
    return f"{feedback.message} {feedback.hint}".lower()


def assert_explains(feedback: Feedback, words: list[str], *, hint: bool = False) -> None:
    """The answer is judged wrong, with every one of ``words`` in the feedback (and a hint)."""
    assert not feedback.correct
    for word in words:
        assert word.lower() in text(feedback)
    if hint:
        assert feedback.hint


def test_lesson_01_registers_its_exercises_with_the_conventions():
    assert set(QUBIT_IDS) >= {
        "qubits.minus_angles", "qubits.probability_zero", "qubits.state_after_measurement",
        "qubits.disturbed_probability", "qubits.gates_to_plus_i",
    }
    for exercise_id in QUBIT_IDS:
        entry = EXERCISES[exercise_id]
        task = exercise_id.split(".", 1)[1]
        assert entry.lesson == "01_qubits"
        assert entry.answer_name == f"answer_{task}"
        assert entry.check.__name__ == f"check_{task}"
        assert entry.points >= 1
        assert entry.check.__doc__.strip()  # its first line is the form hint


# -- every reference solution passes its own check ---------------------------------------------
@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_reference_solution_passes_its_check(exercise_id):
    feedback = EXERCISES[exercise_id].check(reference_solution(exercise_id))
    assert isinstance(feedback, Feedback)
    assert feedback.correct, str(feedback)
    assert feedback.exercise == exercise_id
    assert feedback.hint == ""
    assert_correct(exercise_id, reference_solution(exercise_id))  # does not raise


@pytest.mark.parametrize("exercise_id", QUBIT_IDS)
@pytest.mark.parametrize("junk", JUNK, ids=repr)
def test_junk_answers_are_feedback_not_exceptions(exercise_id, junk):
    feedback = EXERCISES[exercise_id].check(junk)
    assert isinstance(feedback, Feedback)
    assert not feedback.correct
    assert feedback.message and feedback.hint
    assert "Not yet." in str(feedback)
    assert "Not yet." in feedback._repr_html_()


@pytest.mark.parametrize("exercise_id", QUBIT_IDS)
def test_placeholder_none_says_not_answered_yet(exercise_id):
    feedback = EXERCISES[exercise_id].check(None)
    assert not feedback.correct
    assert "not answered yet" in feedback.message
    assert "replace none" in feedback.hint.lower()


def test_unreadable_answer_gets_the_form_hint():
    feedback = check_minus_angles("abc")
    assert "could not read" in feedback.message
    assert feedback.hint == "A tuple (theta, phi) of two angles in radians, e.g. (math.pi / 2, 0) for |+>."


@pytest.mark.parametrize("exercise_id", QUBIT_IDS)
def test_assert_correct_raises_for_a_wrong_answer_with_the_feedback(exercise_id):
    wrong_answer = {
        "qubits.minus_angles": (PI / 2, 0.0),
        "qubits.probability_zero": 0.3,
        "qubits.state_after_measurement": (PI / 2, 0.0),
        "qubits.disturbed_probability": 1.0,
        "qubits.gates_to_plus_i": ["H"],
    }[exercise_id]
    with pytest.raises(AssertionError, match="Not yet"):
        assert_correct(exercise_id, wrong_answer)


def test_assert_correct_names_the_valid_ids_for_an_unknown_one():
    with pytest.raises(KeyError, match="qubits.minus_angles"):
        assert_correct("qubits.no_such_exercise", 1)


# -- 1. Bloch angles of |-> ---------------------------------------------------------------------
def test_minus_angles_solution_is_the_x_basis_outcome_1():
    theta, phi = reference_solution("qubits.minus_angles")
    assert measurement_probabilities(ket(theta, phi), "X") == pytest.approx((0.0, 1.0), abs=1e-12)


@pytest.mark.parametrize(
    "answer",
    [
        (PI / 2, PI), [PI / 2, PI], np.array([PI / 2, PI]), (1.57, 3.14), (1.5708, 3.1416),
        (PI / 2, -PI), (PI / 2, 3 * PI), (np.float64(PI / 2), np.float32(PI)), (3 * PI / 2, 0.0),
        (PI / 2 + 0.005, PI - 0.005),
    ],
    ids=repr,
)
def test_minus_angles_accepts_equivalent_forms(answer):
    assert check_minus_angles(answer).correct


def test_minus_angles_notes_a_theta_outside_the_usual_range():
    assert "convention" in check_minus_angles((3 * PI / 2, 0.0)).message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ((90, 180), ["degrees", "radians"]),
        ((90.0, -180.0), ["degrees"]),
        ((PI, PI / 2), ["swapped"]),
        ((PI / 2, 0.0), ["|+⟩", "opposite", "phase"]),
        ((0.0, 0.0), ["|0⟩", "north pole", "equator"]),
        ((PI, 0.0), ["|1⟩", "south pole", "equator"]),
        ((PI / 2, PI / 2), ["|+i⟩", "y axis"]),
        ((PI / 2, 3 * PI / 2), ["|−i⟩", "y axis"]),
        ((1.0, 2.0), ["θ = 0.32π", "not to |−⟩"]),
        ((45, 30), ["degrees", "radians"]),
        ((1, 2, 3), ["exactly two"]),
        ([1], ["exactly two"]),
        (("pi/2", "pi"), ["text", "without quotes"]),
        (ket(PI / 2, PI), ["bloch_angles"]),
    ],
    ids=repr,
)
def test_minus_angles_names_the_mistake(answer, words):
    assert_explains(check_minus_angles(answer), words, hint=True)


# -- 2. Born rule in Z --------------------------------------------------------------------------
def test_probability_zero_solution_is_cos_squared_of_half_theta():
    assert reference_solution("qubits.probability_zero") == pytest.approx(math.cos(PI / 8) ** 2)


@pytest.mark.parametrize(
    "answer",
    [0.8536, 0.854, 0.85, 0.86, np.float64(0.8536), np.array(0.8536), (1 + math.sqrt(0.5)) / 2, 0.845],
)
def test_probability_zero_accepts_hand_typed_values(answer):
    assert check_probability_zero(answer).correct


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (math.cos(PI / 8), ["amplitude", "square"]),
        (0.924, ["amplitude"]),
        (math.sin(PI / 8) ** 2, ["other outcome"]),
        (0.146, ["other outcome"]),
        (math.cos(PI / 4) ** 2, ["θ/2", "full angle"]),
        (math.cos(PI / 4), ["z coordinate"]),
        (85.36, ["percentage", "divide by 100"]),
        (85, ["percentage"]),
        (1.5, ["between 0 and 1"]),
        (-0.2, ["between 0 and 1"]),
        (0.3, ["not the probability", "cos²(θ/2)"]),
        ([0.85, 0.15], ["one number"]),
        ("0.85", ["without quotes"]),
    ],
    ids=repr,
)
def test_probability_zero_names_the_mistake(answer, words):
    assert_explains(check_probability_zero(answer), words)


# -- 3. The state after a measurement -----------------------------------------------------------
@pytest.mark.parametrize("phi", [0.0, 1.0, PI, -2.0, 7.0])
def test_state_after_measurement_ignores_phi_at_the_pole(phi):
    feedback = check_state_after_measurement((PI, phi))
    assert feedback.correct
    assert "does not matter" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ((PI / 2, 0.0), ["|+⟩", "before the measurement", "collapses"]),
        ((0.0, 0.0), ["|0⟩", "outcome 0"]),
        ((180, 0), ["degrees"]),
        ((0.0, PI), ["swapped"]),
        ((PI / 2, PI), ["|−⟩", "not to |1⟩"]),
    ],
    ids=repr,
)
def test_state_after_measurement_names_the_mistake(answer, words):
    assert_explains(check_state_after_measurement(answer), words)


# -- 4. Measurement disturbs --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (1.0, ["still |+⟩", "changed"]),
        (0, ["not orthogonal"]),
        (0.25, ["first", "already"]),
        (50, ["percentage"]),
        (0.7, ["not the probability", "state after the first measurement"]),
    ],
    ids=repr,
)
def test_disturbed_probability_names_the_mistake(answer, words):
    assert_explains(check_disturbed_probability(answer), words)


def test_disturbed_probability_accepts_a_rounded_half():
    assert check_disturbed_probability(0.505).correct
    assert check_disturbed_probability(1 / 2).correct


# -- 5. Gates to |+i> ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "answer",
    [
        ["H", "S"], ("H", "S"), ["h", "s"], "HS", ["H", "T", "T"], ["X", "H", "Z", "S"],
        ["H", "S", "Z", "Z"], [("RX", -PI / 2)], ("RX", -PI / 2), [("RX", 3 * PI / 2)],
        [("RY", PI / 2), ("RZ", PI / 2)], [["RY", 1.5708], ["RZ", 1.5708]], [("ry", 1.57), "S"],
        ["H", "S", "S", "S", "S", "S"], ["Y", "H", "S", "Z"],
    ],
    ids=repr,
)
def test_gates_accepts_any_sequence_that_works_up_to_global_phase(answer):
    assert check_gates_to_plus_i(answer).correct, str(check_gates_to_plus_i(answer))


def test_gates_truth_comes_from_the_physics():
    state = ket(0.0, 0.0)
    for gate in reference_solution("qubits.gates_to_plus_i"):
        state = apply_gate(state, gate)
    assert bloch_vector(state) == pytest.approx([0.0, 1.0, 0.0], abs=1e-12)


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (["H"], ["give |+⟩", "quarter turn", "equator"]),
        (["S", "H"], ["give |+⟩", "opposite order", "first to last"]),
        (["H", "S", "S"], ["give |−⟩"]),
        (["H", "Z", "S"], ["give |−i⟩", "other way"]),
        ([("RX", PI / 2)], ["give |−i⟩"]),
        (["X"], ["give |1⟩", "south pole"]),
        ([], ["no gates", "give |0⟩", "north pole"]),
        (["S", "T", "Z"], ["give |0⟩", "global phase"]),
        ([("RY", 1.0)], ["θ = 0.32π"]),
        ([("RX", -90)], ["degrees", "radians"]),
        (["Sdg"], ["not a gate i know", "three s gates"]),
        (["hadamard"], ["'h'"]),
        (["RX"], ["needs an angle"]),
        ([("H", 1.0)], ["takes no angle"]),
        ([("X", 1.0)], ["takes no angle", "('rx', angle)"]),
        ([("RQ", 1.0)], ["not a rotation i know"]),
        ([1], ["gate name"]),
        ([("RX", "pi/2")], ["without quotes"]),
        (["H"] * 101, ["at most"]),
        ([("RX", 10**400)], ["too large"]),
    ],
    ids=repr,
)
def test_gates_say_what_the_sequence_does_or_why_it_cannot_be_read(answer, words):
    assert_explains(check_gates_to_plus_i(answer), words, hint=True)
