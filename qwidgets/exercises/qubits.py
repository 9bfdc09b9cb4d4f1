"""Exercises of lesson 01 (qubits): Bloch angles, the Born rule in two bases, collapse, gates.

Every check compares the answer with a truth computed by :mod:`qwidgets.physics`, reads it with
:mod:`qwidgets.exercises.readers` and judges it with :mod:`qwidgets.exercises.verdicts` (angles
modulo 2 pi, any azimuth at a pole, global phase, a tolerance for numbers typed by hand), and
names the typical mistakes of its own exercise: an amplitude for a probability, the wrong basis,
the full angle for the half angle, a measurement that disturbs nothing, gates in the wrong order
or turned the wrong way.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import qutip

from qwidgets.exercises.core import Verdict, correct, exercise, wrong
from qwidgets.exercises.readers import Gate, read_gates
from qwidgets.exercises.variants import Parameter, format_value
from qwidgets.exercises.verdicts import (
    DEGREE_LIKE,
    angles_verdict,
    axis_state_of,
    describe_state,
    probability_verdict,
    same_state,
)
from qwidgets.physics import AXIS_STATES, BASES, apply_gate, bloch_vector, ket, measurement_probabilities

__all__ = [
    "PROBABILITY_THETA",
    "PROBABILITY_THETAS",
    "Y_BASIS_STATE",
    "Y_BASIS_THETAS",
    "check_gates_to_plus_i",
    "check_minus_angles",
    "check_probability_zero",
    "check_state_after_measurement",
    "check_y_basis_probability",
    "check_z_then_x",
]

LESSON = "01_qubits"


# -- 1. Bloch angles of |-> ---------------------------------------------------------------------
@exercise(id="qubits.minus_angles", lesson=LESSON, answer_name="answer_minus_angles", points=1)
def check_minus_angles(answer: object) -> Verdict:
    """A tuple (theta, phi) of two angles in radians, e.g. (math.pi / 2, 0) for |+>.

    Exercise: give the Bloch angles of ``|-> = (|0> - |1>) / sqrt(2)``.

    Parameters
    ----------
    answer : tuple of float
        ``(theta, phi)`` in radians; any ``phi`` equal modulo 2 pi is accepted.

    Returns
    -------
    Verdict
        Correct, or what the angles point to instead (degrees, swapped angles, ``|+>``, a
        pole, the y axis) with a hint.
    """
    equator_hint = "|−⟩ is an equal superposition (θ = π/2) whose relative phase e^{iφ} is −1."
    pole = "Those angles give {}, the {} pole; |−⟩ is an equal superposition, on the equator."
    y_axis = "Those angles give {}: on the equator, but on the y axis. |−⟩ is on the x axis."
    return angles_verdict(
        answer,
        AXIS_STATES["-"],
        {
            "+": (
                "Those angles give |+⟩, the opposite point of the sphere: "
                "|+⟩ = (|0⟩ + |1⟩)/√2 has a plus sign.",
                "The minus sign in |−⟩ is a relative phase e^{iφ} = −1. Which φ gives −1?",
            ),
            "0": (pole.format("|0⟩", "north"), equator_hint),
            "1": (pole.format("|1⟩", "south"), equator_hint),
            "+i": (
                y_axis.format("|+i⟩"),
                "A relative phase of i is φ = π/2; the minus sign of |−⟩ is e^{iφ} = −1.",
            ),
            "-i": (
                y_axis.format("|−i⟩"),
                "A relative phase of −i is φ = 3π/2; the minus sign of |−⟩ is e^{iφ} = −1.",
            ),
        },
        equator_hint,
    )


# -- 2. Born rule in Z ---------------------------------------------------------------------------
PROBABILITY_THETA = math.pi / 6
"""Polar angle of the state ``ket(theta, 0)`` measured in Z in exercise ``qubits.probability_zero``."""
PROBABILITY_THETAS = (
    PROBABILITY_THETA,
    math.pi / 10,
    3 * math.pi / 10,
    3 * math.pi / 8,
    2 * math.pi / 5,
)
"""The lesson's angle, then the others': northern hemisphere; no named mistake at one is another's answer."""


@exercise(
    id="qubits.probability_zero",
    lesson=LESSON,
    answer_name="answer_probability_zero",
    points=1,
    params=[Parameter("theta", PROBABILITY_THETAS, symbol="θ")],
)
def check_probability_zero(answer: object, theta: float) -> Verdict:
    """One number from 0 to 1: the probability of outcome 0, e.g. 0.25.

    Exercise: the qubit ``ket(theta, 0)`` (θ = π/6 in the lesson, each student's own on a class
    hub) is measured in the Z basis; what is the probability of outcome 0?

    Parameters
    ----------
    answer : float
        The probability, within 0.01.
    theta : float
        The polar angle of the student's variant.

    Returns
    -------
    Verdict
        Correct, or which mistake gives the number: the amplitude ``cos(theta/2)``, the other
        outcome, ``cos^2 theta`` (the full angle), ``cos theta`` (the z coordinate), 0.5 (a
        superposition taken as a fair coin), a percentage.
    """
    truth, other = measurement_probabilities(ket(theta, 0.0), "Z")
    shown = format_value(theta)
    half_angle = "The Born rule uses half the polar angle: P(0) = cos²(θ/2)."
    return probability_verdict(
        answer,
        truth,
        [
            (
                math.sqrt(truth),
                f"{math.sqrt(truth):.3f} is the amplitude of |0⟩, cos(θ/2). A probability is the "
                "squared size of an amplitude (Born rule).",
                "Square the amplitude.",
            ),
            (
                other,
                f"{other:.3f} is the probability of the other outcome, 1 (sin²(θ/2)).",
                "Outcome 0 is |0⟩, the north pole; the state is closer to it than to |1⟩.",
            ),
            (
                math.cos(theta) ** 2,
                f"{math.cos(theta) ** 2:.3f} is cos²θ: you used the full angle θ instead of θ/2.",
                half_angle,
            ),
            (
                math.cos(theta),
                f"{math.cos(theta):.3f} is cos θ = ⟨Z⟩, the z coordinate of the Bloch vector, "
                "not a probability.",
                "P(0) = (1 + z)/2 = cos²(θ/2).",
            ),
            (
                0.5,
                "0.5 would be a fair coin, as for a state on the equator (θ = π/2). This state, at "
                f"θ = {shown}, is closer to |0⟩: a superposition is not always a fair coin.",
                half_angle,
            ),
        ],
        f"{half_angle} Here θ = {shown}; measurement_probabilities(ket(theta, 0), 'Z') checks it.",
    )


# -- 3. Born rule in Y ---------------------------------------------------------------------------
Y_BASIS_STATE = (math.pi / 3, math.pi / 2)
"""Bloch angles ``(theta, phi)`` of the state measured in Y in exercise ``qubits.y_basis_probability``."""
Y_BASIS_THETAS = (
    Y_BASIS_STATE[0],
    math.pi / 12,
    math.pi / 10,
    math.pi / 8,
    3 * math.pi / 10,
)
"""The lesson's polar angle, then the other students' (φ = π/2 for all). Chosen so that no named
mistake of one angle (the Z-basis cos²(θ/2), the amplitude, ...) is another angle's answer:
complementary angles such as π/6 and π/3 would swap the Y- and Z-basis probabilities."""


@exercise(
    id="qubits.y_basis_probability",
    lesson=LESSON,
    answer_name="answer_y_basis_probability",
    points=1,
    params=[Parameter("theta", Y_BASIS_THETAS, symbol="θ")],
)
def check_y_basis_probability(answer: object, theta: float) -> Verdict:
    """One number from 0 to 1: the probability of outcome 0 (|+i>), e.g. 0.25.

    Exercise: the qubit ``ket(theta, math.pi / 2)`` (θ = π/3 in the lesson, each student's own on
    a class hub) is measured in the Y basis; what is the probability of outcome 0, the state
    ``|+i>``?

    Parameters
    ----------
    answer : float
        The probability, within 0.01.
    theta : float
        The polar angle of the student's variant (the azimuth is π/2 for everyone).

    Returns
    -------
    Verdict
        Correct, or which mistake gives the number: the Z-basis or X-basis probability, the
        other outcome, the amplitude, ``<Y>`` (an expectation value), a percentage.
    """
    phi = Y_BASIS_STATE[1]
    state = ket(theta, phi)
    truth, other = measurement_probabilities(state, "Y")
    z_basis = measurement_probabilities(state, "Z")[0]
    x_basis = measurement_probabilities(state, "X")[0]
    y = float(bloch_vector(state)[1])
    shown = format_value(theta)
    rule = "In the Y basis P(+i) = (1 + y)/2, with y = sin θ sin φ the y coordinate of the Bloch vector."
    return probability_verdict(
        answer,
        truth,
        [
            (
                z_basis,
                f"{z_basis:.3f} = cos²(θ/2) is the probability of outcome 0 in the Z basis, |0⟩. "
                "Here the qubit is measured in the Y basis, whose outcome 0 is |+i⟩.",
                rule,
            ),
            (
                x_basis,
                f"{x_basis:.3f} is the probability of |+⟩ in the X basis: this state has x = 0. "
                "Here the qubit is measured in the Y basis, along the y axis.",
                rule,
            ),
            (
                other,
                f"{other:.3f} is the probability of the other outcome, 1, the state |−i⟩.",
                "The state is at φ = π/2, on the side of the sphere where |+i⟩ is.",
            ),
            (
                math.sqrt(truth),
                f"{math.sqrt(truth):.3f} is the size of the amplitude |⟨+i|ψ⟩|. A probability is its "
                "square (Born rule).",
                "Square the amplitude.",
            ),
            (
                y,
                f"{y:.3f} is ⟨Y⟩ = sin θ sin φ, an expectation value (a number from −1 to 1), "
                "not a probability.",
                "P(+i) = (1 + ⟨Y⟩)/2.",
            ),
        ],
        f"{rule} Here θ = {shown} and φ = π/2; measurement_probabilities(ket(theta, math.pi / 2), 'Y') "
        "checks it.",
    )


# -- 4. Predict, then check: Z then X ------------------------------------------------------------
def _z_then_x() -> tuple[tuple[float, float], tuple[float, float]]:
    """Probabilities of the Z outcomes of ``|+>``, and of ``+`` in X after each of them."""
    z_outcomes = measurement_probabilities(AXIS_STATES["+"].ket, "Z")
    plus_after = tuple(measurement_probabilities(after.ket, "X")[0] for after in BASES["Z"].outcomes)
    return z_outcomes, plus_after


@exercise(id="qubits.z_then_x", lesson=LESSON, answer_name="answer_z_then_x", points=1)
def check_z_then_x(answer: object) -> Verdict:
    """One number from 0 to 1: a probability, e.g. 0.3.

    Exercise (predict, then check on the panel): a qubit in ``|+>`` is measured in the Z basis,
    then the same qubit is measured in the X basis. Predict the probability that the X
    measurement gives ``+`` (outcome 0).

    Parameters
    ----------
    answer : float
        The probability, within 0.01.

    Returns
    -------
    Verdict
        Correct (with an invitation to check it on the panel), or the mistake: 1 (as if the Z
        measurement had not disturbed the state), 0 (``|0>`` taken as orthogonal to ``|+>``),
        0.25 (the Z outcome's probability multiplied in), a percentage.
    """
    z_outcomes, plus_after = _z_then_x()
    truth = sum(p * q for p, q in zip(z_outcomes, plus_after))
    return probability_verdict(
        answer,
        truth,
        [
            (
                measurement_probabilities(AXIS_STATES["+"].ket, "X")[0],
                "That would be right if the qubit were still |+⟩. But the Z measurement changed it: "
                "it left the qubit in |0⟩ or in |1⟩.",
                "Where are |0⟩ and |1⟩ relative to the x axis?",
            ),
            (
                0.0,
                "|0⟩ and |+⟩ are not orthogonal. Orthogonal states are opposite points of the sphere "
                "(|+⟩ and |−⟩); |0⟩ and |1⟩ are each a quarter turn from |+⟩.",
                "Use P(+) = (1 + r·n)/2 with r = (0, 0, ±1) after the Z measurement and n = (1, 0, 0).",
            ),
            (
                z_outcomes[0] * plus_after[0],
                f"{z_outcomes[0] * plus_after[0]:g} multiplies in the probability {z_outcomes[0]:g} of one Z "
                "outcome. But any Z outcome, |0⟩ or |1⟩, leaves the qubit a quarter turn from the x axis, "
                f"where P(+) = {plus_after[0]:g} either way.",
                "Add up over both Z outcomes: P(+) = P(0)·P(+ after 0) + P(1)·P(+ after 1).",
            ),
        ],
        "Find the state after the Z measurement (for each outcome), then use the Born rule for the X basis.",
        remark=(
            "Whatever the Z outcome, the qubit is left a quarter turn from the x axis, so + and − are "
            "equally likely. Check your prediction on the panel below: measure once in the Z basis, "
            "then switch the basis to X and read the bars."
        ),
    )


# -- 5. The state after a measurement -------------------------------------------------------------
@exercise(
    id="qubits.state_after_measurement", lesson=LESSON, answer_name="answer_state_after_measurement", points=1
)
def check_state_after_measurement(answer: object) -> Verdict:
    """A tuple (theta, phi) of two angles in radians, e.g. (math.pi / 2, 0) for |+>.

    Exercise: a qubit in ``|+>`` is measured in the Z basis and gives outcome 1. Give the Bloch
    angles of its state just after the measurement.

    Parameters
    ----------
    answer : tuple of float
        ``(theta, phi)`` in radians; at a pole any ``phi`` is accepted.

    Returns
    -------
    Verdict
        Correct, or the mistake: the state before the measurement, the other outcome,
        degrees, swapped angles.
    """
    collapse_hint = "A Z measurement leaves the qubit in the Z basis state of the outcome it gave."
    return angles_verdict(
        answer,
        BASES["Z"].outcomes[1],
        {
            "+": (
                "Those angles give |+⟩, the state before the measurement. Measuring changes the state: "
                "it collapses onto the basis state of the outcome.",
                collapse_hint,
            ),
            "0": (
                "Those angles give |0⟩, the state that goes with outcome 0, but the outcome was 1.",
                collapse_hint,
            ),
        },
        collapse_hint,
    )


# -- 6. Gates to |+i> ----------------------------------------------------------------------------
_TURN_AXES = {
    "X": "the x axis",
    "RX": "the x axis",
    "Y": "the y axis",
    "RY": "the y axis",
    "Z": "the z axis",
    "RZ": "the z axis",
    "S": "the z axis",
    "T": "the z axis",
    "H": "the axis halfway between x and z",
}
_OPPOSITE_TURNS: dict[str, Gate] = {"S": ("RZ", -math.pi / 2), "T": ("RZ", -math.pi / 4)}
"""The opposite of a quarter or eighth turn; X, Y, Z and H are half turns, their own opposite."""
_TARGET = AXIS_STATES["+i"]
_GATES_SHOWN = 6
_EXPLAIN = {
    "0": "The qubit is still at the north pole: turns about the z axis (Z, S, T, RZ) only change "
    "the global phase of |0⟩.",
    "1": "That is the south pole; |+i⟩ is on the equator.",
    "+": "That is on the equator, a quarter turn about z short of |+i⟩.",
    "-": "That is on the equator, opposite |+⟩; |+i⟩ is a quarter turn from it.",
}


def _run_gates(gates: Sequence[Gate]) -> qutip.Qobj:
    """The state the gates make from ``|0>``, applied first to last."""
    state = AXIS_STATES["0"].ket
    for gate in gates:
        state = apply_gate(state, gate)
    return state


def _in_degrees(gate: Gate) -> bool:
    """Whether a rotation's angle is so large that it was most likely typed in degrees."""
    return isinstance(gate, tuple) and abs(gate[1]) > DEGREE_LIKE


def _angle_text(angle: float) -> str:
    """An angle as a student would type it: ``π/2``, ``-3π/4``, or the number (e.g. ``90``)."""
    for denominator in (1, 2, 3, 4, 6, 8):
        numerator = angle * denominator / math.pi
        if abs(numerator - round(numerator)) < 1e-9 and numerator:
            size = abs(round(numerator))
            sign = "-" if numerator < 0 else ""
            return f"{sign}{size if size != 1 else ''}π{f'/{denominator}' if denominator != 1 else ''}"
    return f"{angle:.3g}"


def _gate_text(gate: Gate) -> str:
    return gate if isinstance(gate, str) else f"{gate[0]}({_angle_text(gate[1])})"


def _gates_text(gates: Sequence[Gate]) -> str:
    """The gates in words, shortened after :data:`_GATES_SHOWN` of them."""
    if len(gates) > _GATES_SHOWN:
        return f"{' then '.join(map(_gate_text, gates[:_GATES_SHOWN]))} then ... ({len(gates)} gates in all)"
    return " then ".join(map(_gate_text, gates)) or "no gates"


def _opposite_of_target(gates: Sequence[Gate]) -> str:
    """Explain gates that end at ``|-i>``, opposite the target, by the axis of their last turn."""
    last = gates[-1]
    name = last if isinstance(last, str) else last[0]
    text = f"That is the opposite of |+i⟩. Your last gate, {_gate_text(last)}, turns about {_TURN_AXES[name]}"
    opposite = (last[0], -last[1]) if isinstance(last, tuple) else _OPPOSITE_TURNS.get(last)
    if opposite is None:
        text += ": a half turn, which lands on the same point whichever way it goes."
        if same_state(_run_gates(gates[:-1]), _TARGET.ket):
            text += " Without it, your gates would reach |+i⟩."
        return text
    if same_state(_run_gates([*gates[:-1], opposite]), _TARGET.ket):
        return f"{text}; turning the other way, {_gate_text(opposite)}, would reach |+i⟩."
    return f"{text}; the opposite turn is {_gate_text(opposite)}."


def _explain_gates(gates: Sequence[Gate]) -> tuple[str, str]:
    """Message and hint for gates that do not reach ``|+i>``."""
    message = f"Your gates ({_gates_text(gates)}) give {describe_state(_run_gates(gates))}, not |+i⟩."
    if len(gates) > 1 and same_state(_run_gates(gates[::-1]), _TARGET.ket):
        return (
            f"{message} The same gates in the opposite order would work.",
            "The list is applied first to last (like a circuit diagram, left to right), "
            "not right to left as in a product of matrices.",
        )
    axis = axis_state_of(_run_gates(gates))
    if axis is not None and axis.name == "-i":
        message = f"{message} {_opposite_of_target(gates)}"
    elif axis is not None and axis.name in _EXPLAIN:
        message = f"{message} {_EXPLAIN[axis.name]}"
    return message, "First bring |0⟩ to the equator, then turn about the z axis until you reach +y."


@exercise(id="qubits.gates_to_plus_i", lesson=LESSON, answer_name="answer_gates_to_plus_i", points=2)
def check_gates_to_plus_i(answer: object) -> Verdict:
    """A list of gates applied first to last, e.g. ['X', 'H'] or [('RY', math.pi / 2)], or text such as 'X H'.

    Exercise: find gates that take ``|0>`` to ``|+i> = (|0> + i|1>) / sqrt(2)``. Any sequence
    that works up to a global phase is right.

    Parameters
    ----------
    answer : list or str
        Gate names (``'X'``, ``'Y'``, ``'Z'``, ``'H'``, ``'S'``, ``'T'``) and rotations
        ``('RX' | 'RY' | 'RZ', angle)``, applied in list order, or the same as text such as
        ``'H S'`` or ``'RX(-pi/2)'`` (see :func:`~qwidgets.exercises.readers.read_gates`).

    Returns
    -------
    Verdict
        Correct, or the state the gates produce instead, with what went wrong: the order, an
        angle in degrees (and what its radian version gives), the axis of a last turn that went
        the wrong way.
    """
    gates = read_gates(answer)
    produced = _run_gates(gates)
    if same_state(produced, _TARGET.ket):
        return correct(
            f"{_gates_text(gates)} takes |0⟩ to |+i⟩ (up to a global phase, which no measurement can see)."
        )
    degree_like = [gate for gate in gates if _in_degrees(gate)]
    if not degree_like:
        return wrong(*_explain_gates(gates))
    meant = [(gate[0], math.radians(gate[1])) if _in_degrees(gate) else gate for gate in gates]
    note = (
        f"Rotation angles are in radians, and {', '.join(map(_gate_text, degree_like))} "
        f"look{'s' if len(degree_like) == 1 else ''} like degrees: "
        f"as typed, your gates give {describe_state(produced)}."
    )
    radians_hint = "Write angles in radians: 90° is math.pi / 2 (or math.radians(90)), e.g. RX(-pi/2)."
    if same_state(_run_gates(meant), _TARGET.ket):
        return wrong(
            f"{note} Read as degrees, they would reach |+i⟩: the right turns in the wrong unit.", radians_hint
        )
    message, hint = _explain_gates(meant)
    return wrong(f"{note} Read as degrees: {message}", f"{hint} {radians_hint}")
