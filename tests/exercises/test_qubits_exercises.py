"""Exercises of lesson 01: right answers in every form pass, each typical mistake is named.

Truths are written here as closed forms (e.g. cos²(π/12)), independent of the checks' code.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import qutip
from qwidgets_grading import reference_solution

from qwidgets.exercises import (
    EXERCISES,
    PROBABILITY_THETAS,
    Y_BASIS_THETAS,
    assert_correct,
    check_gates_to_plus_i,
    check_minus_angles,
    check_probability_zero,
    check_state_after_measurement,
    check_y_basis_probability,
    check_z_then_x,
)
from qwidgets.exercises.variants import format_value
from qwidgets.testing.feedback import assert_explains
from qwidgets.testing.variants import student_for

PI = math.pi
QUBIT_IDS = [exercise_id for exercise_id in EXERCISES if exercise_id.startswith("qubits.")]


def amplitudes(theta: float, phi: float) -> qutip.Qobj:
    """cos(θ/2)|0> + e^{iφ} sin(θ/2)|1>, written out (not via qwidgets)."""
    return qutip.Qobj(np.array([[math.cos(theta / 2)], [np.exp(1j * phi) * math.sin(theta / 2)]]))


def test_lesson_01_registers_its_exercises_in_order():
    assert QUBIT_IDS == [
        "qubits.minus_angles",
        "qubits.probability_zero",
        "qubits.y_basis_probability",
        "qubits.z_then_x",
        "qubits.state_after_measurement",
        "qubits.gates_to_plus_i",
    ]
    assert [EXERCISES[i].points for i in QUBIT_IDS] == [1, 1, 1, 1, 1, 2]
    # the conventions every exercise shares are in test_every_exercise.py


def test_unreadable_answer_gets_the_form_hint():
    feedback = check_minus_angles("abc")
    assert "could not read" in feedback.message
    assert feedback.hint == "A tuple (theta, phi) of two angles in radians, e.g. (math.pi / 2, 0) for |+>."


@pytest.mark.parametrize(
    ("exercise_id", "wrong_answer"),
    [
        ("qubits.minus_angles", (PI / 2, 0.0)),
        ("qubits.probability_zero", 0.3),
        ("qubits.y_basis_probability", 0.3),
        ("qubits.z_then_x", 1.0),
        ("qubits.state_after_measurement", (PI / 2, 0.0)),
        ("qubits.gates_to_plus_i", ["H"]),
    ],
)
def test_assert_correct_raises_for_a_wrong_answer_with_the_feedback(exercise_id, wrong_answer):
    with pytest.raises(AssertionError, match="Not yet"):
        assert_correct(exercise_id, wrong_answer)


@pytest.mark.parametrize(
    ("exercise_id", "closed_form"),
    [
        ("qubits.minus_angles", (PI / 2, PI)),
        ("qubits.probability_zero", math.cos(PI / 12) ** 2),
        ("qubits.y_basis_probability", (1 + math.sin(PI / 3)) / 2),
        ("qubits.z_then_x", 0.5),
        ("qubits.state_after_measurement", (PI, 0.0)),
    ],
)
def test_reference_solutions_are_the_closed_forms(exercise_id, closed_form):
    assert reference_solution(exercise_id) == pytest.approx(closed_form, abs=1e-12)
    assert EXERCISES[exercise_id].check(closed_form).correct


# -- 1. Bloch angles of |-> ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "answer",
    [
        (PI / 2, PI),
        [PI / 2, PI],
        np.array([PI / 2, PI]),
        (1.57, 3.14),
        (1.5708, 3.1416),
        (PI / 2, -PI),
        (PI / 2, 3 * PI),
        (np.float64(PI / 2), np.float32(PI)),
        (3 * PI / 2, 0.0),
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
        (amplitudes(PI / 2, PI), ["bloch_angles"]),
    ],
    ids=repr,
)
def test_minus_angles_names_the_mistake(answer, words):
    assert_explains(check_minus_angles(answer), words)


# -- 2. Born rule in Z --------------------------------------------------------------------------
P_ZERO = math.cos(PI / 12) ** 2  # θ = π/6: P(0) = cos²(θ/2) ≈ 0.933


@pytest.mark.parametrize(
    "answer",
    [
        P_ZERO,
        0.933,
        0.93,
        0.94,
        np.float64(0.933),
        np.array(0.933),
        (2 + math.sqrt(3)) / 4,
        complex(P_ZERO, 1e-17),
        amplitudes(PI / 6, 0).dag() * qutip.Qobj(np.diag([1.0, 0.0])) * amplitudes(PI / 6, 0),
    ],
    ids=repr,
)
def test_probability_zero_accepts_hand_typed_and_computed_values(answer):
    assert check_probability_zero(answer).correct, str(check_probability_zero(answer))


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (math.cos(PI / 12), ["amplitude", "square"]),
        (0.966, ["amplitude"]),
        (math.sin(PI / 12) ** 2, ["other outcome"]),
        (0.067, ["other outcome"]),
        (math.cos(PI / 6) ** 2, ["cos²θ", "full angle", "θ/2"]),
        (math.cos(PI / 6), ["cos θ", "z coordinate"]),
        (0.5, ["a superposition is not always a fair coin"]),
        (93.3, ["percentage", "divide by 100"]),
        (93, ["percentage"]),
        (1.5, ["between 0 and 1"]),
        (-0.2, ["between 0 and 1"]),
        (0.3, ["not the probability", "cos²(θ/2)"]),
        ([0.93, 0.07], ["one number"]),
        ("0.93", ["without quotes"]),
        (0.9 + 0.3j, ["imaginary part 0.3", "abs(...)**2"]),
    ],
    ids=repr,
)
def test_probability_zero_names_the_mistake(answer, words):
    assert_explains(check_probability_zero(answer), words)


# -- 3. Born rule in Y --------------------------------------------------------------------------
P_PLUS_I = (1 + math.sin(PI / 3) * math.sin(PI / 2)) / 2  # (1 + sinθ sinφ)/2 ≈ 0.933


@pytest.mark.parametrize(
    "answer",
    [
        P_PLUS_I,
        0.933,
        (2 + math.sqrt(3)) / 4,
        amplitudes(PI / 3, PI / 2).dag() * amplitudes(PI / 2, PI / 2).proj() * amplitudes(PI / 3, PI / 2),
        abs(amplitudes(PI / 2, PI / 2).overlap(amplitudes(PI / 3, PI / 2))) ** 2,
    ],
    ids=repr,
)
def test_y_basis_probability_accepts_hand_typed_and_computed_values(answer):
    assert check_y_basis_probability(answer).correct, str(check_y_basis_probability(answer))


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (math.cos(PI / 6) ** 2, ["z basis", "y basis", "|+i⟩"]),
        (0.75, ["z basis"]),
        ((1 + math.sin(PI / 3) * math.cos(PI / 2)) / 2, ["x basis", "y basis"]),
        ((1 - math.sin(PI / 3)) / 2, ["other outcome", "|−i⟩"]),
        (math.sqrt(P_PLUS_I), ["amplitude", "square"]),
        (math.sin(PI / 3), ["⟨y⟩", "expectation value", "not a probability"]),
        (93.3, ["percentage"]),
        (0.2, ["not the probability", "(1 + y)/2"]),
        # QuTiP's complex <+i|psi> = (0.966+0j): the amplitude, not its square
        (amplitudes(PI / 2, PI / 2).overlap(amplitudes(PI / 3, PI / 2)), ["amplitude", "square"]),
        (0.9 + 0.3j, ["imaginary part 0.3", "abs(...)**2"]),
    ],
    ids=repr,
)
def test_y_basis_probability_names_the_mistake(answer, words):
    assert_explains(check_y_basis_probability(answer), words)


# -- 4. Z then X --------------------------------------------------------------------------------
@pytest.mark.parametrize("answer", [0.5, 1 / 2, 0.505, 0.495, np.float32(0.5)], ids=repr)
def test_z_then_x_accepts_a_half_and_invites_to_check_it_on_the_panel(answer):
    feedback = check_z_then_x(answer)
    assert feedback.correct
    for words in ["quarter turn", "panel", "measure once in the z basis", "switch the basis to x", "bars"]:
        assert words in feedback.message.lower()


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (1.0, ["still |+⟩", "changed"]),
        (0, ["not orthogonal", "quarter turn"]),
        (0.25, ["multiplies in", "quarter turn from the x axis", "either way"]),
        (50, ["percentage"]),
        (0.7, ["not the probability", "state after the z measurement"]),
    ],
    ids=repr,
)
def test_z_then_x_names_the_mistake(answer, words):
    assert_explains(check_z_then_x(answer), words)


# -- 5. The state after a measurement -----------------------------------------------------------
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


# -- 6. Gates to |+i> ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "answer",
    [
        ["H", "S"],
        ("H", "S"),
        ["h", "s"],
        "HS",
        "H S",
        "h, s",
        "H then S",
        "H -> S",
        ["H", "T", "T"],
        "H T T",
        ["X", "H", "Z", "S"],
        ["H", "S", "Z", "Z"],
        [("RX", -PI / 2)],
        ("RX", -PI / 2),
        "RX(-pi/2)",
        "rx(-π/2)",
        [("RX", 3 * PI / 2)],
        "RX(3pi/2)",
        [("RY", PI / 2), ("RZ", PI / 2)],
        "RY(pi/2) RZ(pi/2)",
        ["H", "RZ(pi/2)"],
        [["RY", 1.5708], ["RZ", 1.5708]],
        [("ry", 1.57), "S"],
        ["H", "S", "S", "S", "S", "S"],
        ["Y", "H", "S", "Z"],
    ],
    ids=repr,
)
def test_gates_accepts_any_sequence_that_works_up_to_global_phase(answer):
    assert check_gates_to_plus_i(answer).correct, str(check_gates_to_plus_i(answer))


def test_gates_reference_solution_reaches_plus_i():
    h = qutip.Qobj(np.array([[1, 1], [1, -1]]) / math.sqrt(2))
    s = qutip.Qobj(np.diag([1, 1j]))
    gates = {"H": h, "S": s}
    state = amplitudes(0.0, 0.0)
    for name in reference_solution("qubits.gates_to_plus_i"):
        state = gates[name] * state
    assert abs(state.overlap(amplitudes(PI / 2, PI / 2))) ** 2 == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize(
    ("answer", "words", "absent"),
    [
        # The last turn went the wrong way: the feedback names its axis and the opposite turn.
        ([("RX", PI / 2)], ["give |−i⟩", "x axis", "rx(-π/2)", "would reach |+i⟩"], ["z axis"]),
        ("RX(pi/2)", ["give |−i⟩", "x axis", "rx(-π/2)"], ["z axis"]),
        (["H", "Z", "S"], ["give |−i⟩", "last gate, s", "z axis", "rz(-π/2)", "would reach |+i⟩"], []),
        ([("RY", PI / 2), ("RZ", -PI / 2)], ["give |−i⟩", "z axis", "rz(π/2)", "would reach"], ["x axis"]),
        (["H", "S", "Z"], ["give |−i⟩", "last gate, z", "z axis", "half turn", "without it"], []),
        (["H", "S", "H"], ["give |−i⟩", "halfway between x and z", "half turn", "without it"], []),
        ([("RX", PI / 4), ("RX", PI / 4)], ["give |−i⟩", "x axis", "the opposite turn is rx(-π/4)"], []),
        # Angles that look like degrees are named as such, and their radian version is judged.
        ([("RX", -90)], ["rx(-90) looks like degrees", "radians", "read as degrees", "reach |+i⟩"], []),
        ([("RX", 90)], ["degrees", "radians", "rx(π/2)", "give |−i⟩", "x axis", "rx(-π/2)"], []),
        ("RZ(90)", ["degrees", "rz(π/2)", "give |0⟩", "north pole"], []),
        ([("RY", 90), ("RZ", 90)], ["rz(90) look like degrees", "reach |+i⟩"], []),
        # Other states, the order, and answers that cannot be read.
        (["H"], ["give |+⟩", "quarter turn", "equator"], []),
        (["S", "H"], ["give |+⟩", "opposite order", "first to last"], []),
        ("S H", ["opposite order"], []),
        (["H", "S", "S"], ["give |−⟩"], []),
        (["X"], ["give |1⟩", "south pole"], []),
        ([], ["no gates", "give |0⟩", "north pole"], []),
        (["S", "T", "Z"], ["give |0⟩", "global phase"], []),
        ([("RY", 1.0)], ["θ = 0.32π"], []),
        (["Sdg"], ["not a gate i know", "three s gates"], []),
        ("H Sdg", ["not a gate i know", "three s gates"], []),
        (["hadamard"], ["'h'"], []),
        (["RX"], ["needs an angle"], []),
        ([("H", 1.0)], ["takes no angle"], []),
        ([("X", 1.0)], ["takes no angle", "('rx', angle)"], []),
        ([("RQ", 1.0)], ["not a rotation i know"], []),
        ([1], ["gate name"], []),
        ([("RX", "pi/2")], ["without quotes"], []),
        (["H"] * 101, ["at most 100"], []),
        ([("RX", 10**400)], ["too large"], []),
    ],
    ids=repr,
)
def test_gates_say_what_the_sequence_does_or_why_it_cannot_be_read(answer, words, absent):
    assert_explains(check_gates_to_plus_i(answer), words, absent=absent)


# -- Per-student numbers --------------------------------------------------------------------------


def test_the_first_options_are_the_lessons_numbers():
    assert PROBABILITY_THETAS[0] == pytest.approx(PI / 6, abs=1e-15)
    assert Y_BASIS_THETAS[0] == pytest.approx(PI / 3, abs=1e-15)


@pytest.mark.parametrize("theta", PROBABILITY_THETAS, ids=format_value)
def test_probability_zero_judges_each_students_own_angle(theta):
    exercise_id = "qubits.probability_zero"
    student = student_for(exercise_id, theta=theta)
    truth = math.cos(theta / 2) ** 2  # Born rule with the half angle
    assert check_probability_zero(truth, student=student).correct
    assert_explains(check_probability_zero(math.sin(theta / 2) ** 2, student=student), ["other outcome"])
    assert_explains(check_probability_zero(math.cos(theta / 2), student=student), ["amplitude"])
    assert_explains(check_probability_zero(math.cos(theta) ** 2, student=student), ["full angle"])
    assert (
        f"θ = {format_value(theta)}" in check_probability_zero(0.42, student=student).hint
    )  # no named mistake
    if student:
        feedback = check_probability_zero(P_ZERO, student=student)
        assert not feedback.correct and "lesson's numbers" in feedback.message
        assert format_value(theta) in feedback.numbers
    assert reference_solution(exercise_id, student) == pytest.approx(truth, abs=1e-12)
    assert check_probability_zero(reference_solution(exercise_id, student), student=student).correct


@pytest.mark.parametrize("theta", Y_BASIS_THETAS, ids=format_value)
def test_y_basis_probability_judges_each_students_own_angle(theta):
    exercise_id = "qubits.y_basis_probability"
    student = student_for(exercise_id, theta=theta)
    truth = (1 + math.sin(theta) * math.sin(PI / 2)) / 2  # (1 + y)/2 at φ = π/2
    z_basis = math.cos(theta / 2) ** 2
    assert check_y_basis_probability(truth, student=student).correct
    assert_explains(check_y_basis_probability(z_basis, student=student), ["z basis", "y basis"])
    assert_explains(check_y_basis_probability(math.sin(theta), student=student), ["expectation value"])
    assert f"θ = {format_value(theta)}" in check_y_basis_probability(0.02, student=student).hint
    if student:
        feedback = check_y_basis_probability(P_PLUS_I, student=student)
        assert not feedback.correct and "lesson's numbers" in feedback.message
    assert reference_solution(exercise_id, student) == pytest.approx(truth, abs=1e-12)
    assert check_y_basis_probability(reference_solution(exercise_id, student), student=student).correct


@pytest.mark.parametrize("exercise_id", ["qubits.probability_zero", "qubits.y_basis_probability"])
def test_each_students_answer_differs_from_every_other_option(exercise_id):
    answers = sorted(
        reference_solution(exercise_id, student_for(exercise_id, theta=t))
        for t in EXERCISES[exercise_id].params[0].options
    )
    assert all(b - a > 0.02 for a, b in zip(answers, answers[1:])), answers
