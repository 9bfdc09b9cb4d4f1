"""Exercises of lesson 01 (qubits): Bloch angles, the Born rule, collapse, and gates.

Every check compares the answer with a truth computed by :mod:`qwidgets.physics`, reads it as
forgivingly as the physics allows (angles modulo 2 pi, any azimuth at a pole, global phase,
a tolerance of 0.01 for numbers typed by hand), and names the typical mistakes: degrees instead
of radians, swapped angles, the opposite state, an amplitude instead of a probability, a
percentage, gates in the wrong order.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence

import numpy as np
import qutip

from qwidgets.exercises.core import correct, exercise, real, wrong
from qwidgets.physics import (
    GATE_NAMES,
    ROTATION_NAMES,
    apply_gate,
    bloch_angles,
    bloch_vector,
    ket,
    measurement_probabilities,
)

__all__ = [
    "check_disturbed_probability",
    "check_gates_to_plus_i",
    "check_minus_angles",
    "check_probability_zero",
    "check_state_after_measurement",
]

LESSON = "01_qubits"
NUMBER_TOLERANCE = 1e-2
"""How far a number typed by hand may be from the exact value (e.g. 0.85 for 0.8536)."""
VECTOR_TOLERANCE = 2e-2
"""How far (as Bloch vectors) two states may be and still count as the same state."""
MAX_GATES = 100

_AXIS_STATES: dict[str, qutip.Qobj] = {
    "|0⟩": ket(0.0, 0.0),
    "|1⟩": ket(math.pi, 0.0),
    "|+⟩": ket(math.pi / 2, 0.0),
    "|−⟩": ket(math.pi / 2, math.pi),
    "|+i⟩": ket(math.pi / 2, math.pi / 2),
    "|−i⟩": ket(math.pi / 2, 3 * math.pi / 2),
}
_DEGREE_LIKE = 2 * math.pi + 0.1  # an angle larger than this was most likely typed in degrees


# -- shared helpers -----------------------------------------------------------------------------
def _not_answered(answer: object, example: str) -> tuple[bool, str, str] | None:
    """Verdict for the untouched placeholder ``None``, or ``None`` if there is an answer."""
    if answer is None:
        return wrong(
            "You have not answered yet: the answer is still the placeholder None.",
            f"Replace None with your answer, for example {example}, and run the cell again.",
        )
    return None


def _number(value: object, what: str, example: str = "math.pi / 2") -> float:
    """Read one number typed by a student, explaining text such as ``"pi/2"``."""
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{what} is the text {value!r}; write a number without quotes, such as {example}")
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    return real(value, what)


def _same_state(a: qutip.Qobj, b: qutip.Qobj) -> bool:
    """Whether two pure states are equal up to a global phase (and a hand-typed tolerance)."""
    return float(np.linalg.norm(bloch_vector(a) - bloch_vector(b))) < VECTOR_TOLERANCE


def _same_angle(a: float, b: float) -> bool:
    """Whether two angles agree modulo 2 pi, within the tolerance for typed numbers."""
    return abs((a - b + math.pi) % (2 * math.pi) - math.pi) <= NUMBER_TOLERANCE


def _axis_name(state: qutip.Qobj) -> str | None:
    """The name of the axis state ``state`` equals (up to global phase), or ``None``."""
    for name, axis_state in _AXIS_STATES.items():
        if _same_state(state, axis_state):
            return name
    return None


def _describe(state: qutip.Qobj) -> str:
    """Name a state: an axis state by its ket, any other by its Bloch angles."""
    name = _axis_name(state)
    if name is not None:
        return name
    theta, phi = bloch_angles(state)
    x, y, z = bloch_vector(state)
    return (
        f"the state at θ = {theta / math.pi:.2f}π, φ = {phi / math.pi:.2f}π "
        f"(Bloch vector ({x:.2f}, {y:.2f}, {z:.2f}))"
    )


def _read_angles(answer: object) -> tuple[float, float]:
    """Read ``(theta, phi)``; raise ``TypeError``/``ValueError`` explaining what is wrong."""
    if isinstance(answer, qutip.Qobj):
        raise TypeError(
            "that is a state (a qutip.Qobj), not its angles; "
            "bloch_angles(state) turns a state into (theta, phi)"
        )
    if isinstance(answer, (str, bytes)) or not isinstance(answer, (Sequence, np.ndarray)):
        raise TypeError("the answer should be two numbers in a tuple, (theta, phi)")
    values = list(np.ravel(answer)) if isinstance(answer, np.ndarray) else list(answer)
    if len(values) != 2:
        raise ValueError(f"it holds {len(values)} value(s); give exactly two, theta first and then phi")
    return _number(values[0], "theta"), _number(values[1], "phi")


def _angles_verdict(
    answer: object,
    target: qutip.Qobj,
    target_name: str,
    mistakes: dict[str, tuple[str, str]],
    hint: str,
) -> tuple[bool, str, str]:
    """Judge Bloch angles ``(theta, phi)`` against the state ``target``.

    ``mistakes`` maps the name of an axis state a student may give by mistake to a specific
    (message, hint); any other wrong point gets a message naming it and ``hint``.
    """
    theta, phi = _read_angles(answer)
    given = ket(theta, phi)
    if _same_state(given, target):
        note = ""
        if not -1e-9 <= theta <= math.pi + NUMBER_TOLERANCE:
            note = " (The usual convention keeps θ between 0 and π, but your angles point to the same place.)"
        elif abs(math.sin(theta)) < VECTOR_TOLERANCE:
            note = " At a pole φ does not matter: every φ gives the same state."
        return correct(f"(θ, φ) = ({theta:.3f}, {phi:.3f}) is {target_name}.{note}")
    if max(abs(theta), abs(phi)) > _DEGREE_LIKE:
        if _same_state(ket(math.radians(theta), math.radians(phi)), target):
            return wrong(
                f"Those are the right angles, but in degrees: ({theta:g}°, {phi:g}°).",
                "Give them in radians, e.g. math.radians(90) or math.pi / 2.",
            )
        return wrong(
            f"An angle of {max(abs(theta), abs(phi)):g} looks like degrees; "
            "the Bloch angles here are in radians.",
            f"Convert with math.radians(...), and check where {target_name} sits. {hint}",
        )
    target_theta, target_phi = bloch_angles(target)
    if _same_angle(theta, target_phi) and _same_angle(phi, target_theta):
        return wrong(
            f"You swapped the angles: θ (from the north pole) comes first, φ (around the equator) second. "
            f"({theta:.3f}, {phi:.3f}) points to {_describe(given)}.",
            f"Give ({phi:.3f}, {theta:.3f}) in that order: (theta, phi).",
        )
    name = _axis_name(given)
    if name in mistakes:
        return wrong(*mistakes[name])
    return wrong(f"Your angles point to {_describe(given)}, not to {target_name}.", hint)


def _read_probability(answer: object) -> float:
    if isinstance(answer, (tuple, list)) or (isinstance(answer, np.ndarray) and answer.ndim > 0):
        raise TypeError("give one number, the probability, not a list or a tuple")
    return _number(answer, "the probability", "0.5")


def _probability_verdict(
    answer: object,
    truth: float,
    mistakes: Sequence[tuple[float, str, str]],
    hint: str,
) -> tuple[bool, str, str]:
    """Judge a probability against ``truth``; ``mistakes`` lists (value, message, hint)."""
    value = _read_probability(answer)
    if abs(value - truth) <= NUMBER_TOLERANCE:
        return correct(f"The probability is {truth:.4f}; you gave {value:g}.")
    for wrong_value, message, mistake_hint in mistakes:
        if abs(value - wrong_value) <= NUMBER_TOLERANCE:
            return wrong(message, mistake_hint)
    if 1 < value <= 100 and abs(value / 100 - truth) <= NUMBER_TOLERANCE:
        return wrong(
            f"{value:g} looks like a percentage. A probability is a number from 0 to 1.",
            f"Divide by 100: {value:g} % is {value / 100:g}.",
        )
    if not 0 <= value <= 1:
        return wrong(f"{value:g} cannot be a probability: probabilities lie between 0 and 1.", hint)
    return wrong(f"{value:g} is not the probability asked for.", hint)


# -- 1. Bloch angles of |-> ---------------------------------------------------------------------
def minus_angles_solution() -> tuple[float, float]:
    """Reference answer: the Bloch angles of ``|->``, the x-basis outcome 1."""
    return bloch_angles(_AXIS_STATES["|−⟩"])


@exercise(
    id="qubits.minus_angles", lesson=LESSON, answer_name="answer_minus_angles",
    solution=minus_angles_solution, points=1,
)
def check_minus_angles(answer: object) -> tuple[bool, str, str]:
    """A tuple (theta, phi) of two angles in radians, e.g. (math.pi / 2, 0) for |+>.

    Exercise: give the Bloch angles of ``|-> = (|0> - |1>) / sqrt(2)``.

    Parameters
    ----------
    answer : tuple of float
        ``(theta, phi)`` in radians; any ``phi`` equal modulo 2 pi is accepted.

    Returns
    -------
    Feedback
        Correct, or what the angles point to instead (degrees, swapped angles, ``|+>``, a
        pole, the y axis) with a hint.
    """
    if (verdict := _not_answered(answer, "(math.pi / 4, 0)")) is not None:
        return verdict
    equator_hint = "|−⟩ is an equal superposition (θ = π/2) whose relative phase e^{iφ} is −1."
    return _angles_verdict(
        answer, _AXIS_STATES["|−⟩"], "|−⟩",
        {
            "|+⟩": (
                "Those angles give |+⟩, the opposite point of the sphere: "
                "|+⟩ = (|0⟩ + |1⟩)/√2 has a plus sign.",
                "The minus sign in |−⟩ is a relative phase e^{iφ} = −1. Which φ gives −1?",
            ),
            "|0⟩": (
                "Those angles give |0⟩, the north pole; |−⟩ is an equal superposition, on the equator.",
                equator_hint,
            ),
            "|1⟩": (
                "Those angles give |1⟩, the south pole; |−⟩ is an equal superposition, on the equator.",
                equator_hint,
            ),
            "|+i⟩": (
                "Those angles give |+i⟩: on the equator, but on the y axis. |−⟩ is on the x axis.",
                "A relative phase of i is φ = π/2; the minus sign of |−⟩ is e^{iφ} = −1.",
            ),
            "|−i⟩": (
                "Those angles give |−i⟩: on the equator, but on the y axis. |−⟩ is on the x axis.",
                "A relative phase of −i is φ = 3π/2; the minus sign of |−⟩ is e^{iφ} = −1.",
            ),
        },
        equator_hint,
    )


# -- 2. Born rule in Z ---------------------------------------------------------------------------
PROBABILITY_THETA = math.pi / 4
"""Polar angle of the state measured in exercise ``qubits.probability_zero``."""


def probability_zero_solution() -> float:
    """Reference answer: P(0) when ``ket(pi/4, 0)`` is measured in the Z basis."""
    return measurement_probabilities(ket(PROBABILITY_THETA, 0.0), "Z")[0]


@exercise(
    id="qubits.probability_zero", lesson=LESSON, answer_name="answer_probability_zero",
    solution=probability_zero_solution, points=1,
)
def check_probability_zero(answer: object) -> tuple[bool, str, str]:
    """One number from 0 to 1: the probability of outcome 0, e.g. 0.5.

    Exercise: the qubit ``ket(math.pi / 4, 0)`` is measured in the Z basis; what is the
    probability of outcome 0?

    Parameters
    ----------
    answer : float
        The probability, within 0.01.

    Returns
    -------
    Feedback
        Correct, or which mistake gives the number: the amplitude instead of its square,
        ``theta`` instead of ``theta/2``, the other outcome, a percentage.
    """
    if (verdict := _not_answered(answer, "0.3")) is not None:
        return verdict
    theta = PROBABILITY_THETA
    truth, other = measurement_probabilities(ket(theta, 0.0), "Z")
    half_angle = "The Born rule uses half the polar angle: P(0) = cos²(θ/2)."
    return _probability_verdict(
        answer, truth,
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
        ],
        f"{half_angle} Here θ = π/4; measurement_probabilities(ket(math.pi / 4, 0), 'Z') checks it.",
    )


# -- 3. The state after a measurement -------------------------------------------------------------
def state_after_measurement_solution() -> tuple[float, float]:
    """Reference answer: the Bloch angles of ``|1>``, the state after outcome 1 in Z."""
    return bloch_angles(_AXIS_STATES["|1⟩"])


@exercise(
    id="qubits.state_after_measurement", lesson=LESSON, answer_name="answer_state_after_measurement",
    solution=state_after_measurement_solution, points=1,
)
def check_state_after_measurement(answer: object) -> tuple[bool, str, str]:
    """A tuple (theta, phi) of two angles in radians, e.g. (math.pi / 2, 0) for |+>.

    Exercise: a qubit in ``|+>`` is measured in the Z basis and gives outcome 1. Give the Bloch
    angles of its state just after the measurement.

    Parameters
    ----------
    answer : tuple of float
        ``(theta, phi)`` in radians; at a pole any ``phi`` is accepted.

    Returns
    -------
    Feedback
        Correct, or the mistake: the state before the measurement, the other outcome,
        degrees, swapped angles.
    """
    if (verdict := _not_answered(answer, "(math.pi / 4, 0)")) is not None:
        return verdict
    collapse_hint = "A Z measurement leaves the qubit in the Z basis state of the outcome it gave."
    return _angles_verdict(
        answer, _AXIS_STATES["|1⟩"], "|1⟩",
        {
            "|+⟩": (
                "Those angles give |+⟩, the state before the measurement. Measuring changes the state: "
                "it collapses onto the basis state of the outcome.",
                collapse_hint,
            ),
            "|0⟩": (
                "Those angles give |0⟩, the state that goes with outcome 0, but the outcome was 1.",
                collapse_hint,
            ),
        },
        collapse_hint,
    )


# -- 4. Measurement disturbs ----------------------------------------------------------------------
def disturbed_probability_solution() -> float:
    """Reference answer: P(+) in X for the state ``|0>`` left by outcome 0 of a Z measurement."""
    return measurement_probabilities(_AXIS_STATES["|0⟩"], "X")[0]


@exercise(
    id="qubits.disturbed_probability", lesson=LESSON, answer_name="answer_disturbed_probability",
    solution=disturbed_probability_solution, points=1,
)
def check_disturbed_probability(answer: object) -> tuple[bool, str, str]:
    """One number from 0 to 1: a probability, e.g. 0.25.

    Exercise: a qubit in ``|+>`` is measured in Z and gives 0. The same qubit is then measured
    in X. What is the probability of outcome ``+`` (outcome 0 of the X basis)?

    Parameters
    ----------
    answer : float
        The probability, within 0.01.

    Returns
    -------
    Feedback
        Correct, or the mistake: the undisturbed ``|+>`` (1), ``|0>`` taken as orthogonal to
        ``|+>`` (0), the probability of the first outcome multiplied in, a percentage.
    """
    if (verdict := _not_answered(answer, "0.3")) is not None:
        return verdict
    truth = disturbed_probability_solution()
    p_first = measurement_probabilities(_AXIS_STATES["|+⟩"], "Z")[0]
    return _probability_verdict(
        answer, truth,
        [
            (
                measurement_probabilities(_AXIS_STATES["|+⟩"], "X")[0],
                "That would be right if the qubit were still |+⟩. But the Z measurement changed it.",
                "After outcome 0 in Z the qubit is |0⟩. Where is |0⟩ relative to the X axis?",
            ),
            (
                0.0,
                "|0⟩ and |+⟩ are not orthogonal. Orthogonal states are opposite points of the sphere "
                "(|0⟩ and |1⟩, or |+⟩ and |−⟩); |0⟩ and |+⟩ are a quarter turn apart.",
                "Use P(+) = (1 + r·n)/2 with r = (0, 0, 1) for |0⟩ and n = (1, 0, 0) for the x axis.",
            ),
            (
                p_first * truth,
                f"{p_first * truth:g} is the chance of getting 0 first AND + second. But the question "
                "tells you the first outcome was 0 already.",
                "Start from the state after the first measurement, |0⟩, and measure it in X.",
            ),
        ],
        "Find the state after the first measurement, then use the Born rule for the X basis.",
    )


# -- 5. Gates to |+i> ----------------------------------------------------------------------------
_GATE_ALIASES: dict[str, str] = {
    "HADAMARD": "This course writes the Hadamard gate as 'H'.",
    "NOT": "The NOT (bit flip) gate is 'X'.",
    "PAULIX": "Write the Pauli X gate as 'X'.",
    "PAULIY": "Write the Pauli Y gate as 'Y'.",
    "PAULIZ": "Write the Pauli Z gate as 'Z'.",
    "SDG": "S† (S-dagger) is not in the list, but three S gates do the same, or ('RZ', -math.pi / 2).",
    "S†": "S† (S-dagger) is not in the list, but three S gates do the same, or ('RZ', -math.pi / 2).",
    "SDAGGER": "S† (S-dagger) is not in the list, but three S gates do the same, or ('RZ', -math.pi / 2).",
    "TDG": "T† is not in the list, but seven T gates do the same, or ('RZ', -math.pi / 4).",
    "I": "The identity does nothing: just leave it out.",
    "ID": "The identity does nothing: just leave it out.",
    "SX": "√X is a quarter turn about x: ('RX', math.pi / 2) does the same up to a global phase.",
    "SQRTX": "√X is a quarter turn about x: ('RX', math.pi / 2) does the same up to a global phase.",
    "P": "A phase gate P(angle) is ('RZ', angle) up to a global phase.",
    "PHASE": "A phase gate P(angle) is ('RZ', angle) up to a global phase.",
}
_GATES_FORM = (
    f"a list of gates applied first to last: names {', '.join(map(repr, GATE_NAMES))} "
    f"or rotations ({' / '.join(map(repr, ROTATION_NAMES))}, angle in radians), e.g. ['H', ('RZ', 0.5)]"
)


def _read_gate(position: int, gate: object) -> str | tuple[str, float]:
    """Read one gate of a student's list, explaining any name or form it does not know."""
    where = f"gate {position} ({gate!r})"
    if isinstance(gate, str):
        name = gate.strip().upper().replace(" ", "").replace("_", "").replace("-", "")
        if name in GATE_NAMES:
            return name
        if name in ROTATION_NAMES:
            raise ValueError(f"{where} is a rotation and needs an angle: write ({name!r}, angle in radians)")
        extra = _GATE_ALIASES.get(name, "")
        raise ValueError(f"{where} is not a gate I know. {extra} Use {_GATES_FORM}".replace("  ", " "))
    if isinstance(gate, (tuple, list)) and len(gate) == 2 and isinstance(gate[0], str):
        name = gate[0].strip().upper()
        if name in GATE_NAMES:
            turn = ""
            if name in "XYZ":
                turn = f"; for a rotation about {name.lower()} by any angle write ('R{name}', angle)"
            raise ValueError(f"{where}: {name} takes no angle, write just {name!r}{turn}")
        if name not in ROTATION_NAMES:
            raise ValueError(f"{where} is not a rotation I know; use {' / '.join(map(repr, ROTATION_NAMES))}")
        return name, _number(gate[1], f"the angle of {where}")
    raise TypeError(f"{where} should be a gate name such as 'H' or a rotation such as ('RX', math.pi / 2)")


def _read_gates(answer: object) -> list[str | tuple[str, float]]:
    """Read a gate sequence; a lone gate name, a lone rotation or a string like 'HS' also works."""
    if isinstance(answer, str):
        name = answer.strip().upper()
        if name in GATE_NAMES or name in ROTATION_NAMES or len(name) < 2 or not set(name) <= set(GATE_NAMES):
            items: list[object] = [answer]
        else:  # "HS" reads as ["H", "S"]
            items = list(name)
    elif (
        isinstance(answer, tuple) and len(answer) == 2 and isinstance(answer[0], str)
        and isinstance(answer[1], numbers.Real) and answer[0].strip().upper() in ROTATION_NAMES
    ):
        items = [answer]
    elif isinstance(answer, (list, tuple)):
        items = list(answer)
    else:
        raise TypeError(f"the answer should be {_GATES_FORM}")
    if len(items) > MAX_GATES:
        raise ValueError(f"it has {len(items)} gates; a handful is enough (at most {MAX_GATES})")
    return [_read_gate(position, gate) for position, gate in enumerate(items, start=1)]


def _run_gates(gates: Sequence[str | tuple[str, float]]) -> qutip.Qobj:
    """The state the gates make from ``|0>``, applied first to last."""
    state = _AXIS_STATES["|0⟩"]
    for gate in gates:
        state = apply_gate(state, gate)
    return state


def _in_radians(gates: Sequence[str | tuple[str, float]]) -> list[str | tuple[str, float]]:
    return [gate if isinstance(gate, str) else (gate[0], math.radians(gate[1])) for gate in gates]


def _gates_text(gates: Sequence[str | tuple[str, float]]) -> str:
    return "no gates" if not gates else " then ".join(
        gate if isinstance(gate, str) else f"{gate[0]}({gate[1]:.3g})" for gate in gates
    )


def gates_to_plus_i_solution() -> list[str]:
    """Reference answer: H (to the equator at +x), then S (a quarter turn about z, to +y)."""
    return ["H", "S"]


@exercise(
    id="qubits.gates_to_plus_i", lesson=LESSON, answer_name="answer_gates_to_plus_i",
    solution=gates_to_plus_i_solution, points=2,
)
def check_gates_to_plus_i(answer: object) -> tuple[bool, str, str]:
    """A list of gates applied first to last, e.g. ['X', 'H'] or [('RY', math.pi / 2)].

    Exercise: find gates that take ``|0>`` to ``|+i> = (|0> + i|1>) / sqrt(2)``. Any sequence
    that works up to a global phase is right.

    Parameters
    ----------
    answer : list
        Gate names (``'X'``, ``'Y'``, ``'Z'``, ``'H'``, ``'S'``, ``'T'``) and rotations
        ``('RX' | 'RY' | 'RZ', angle)``, applied in list order. A single gate, or a string of
        one-letter gates such as ``'HS'``, is read as a list.

    Returns
    -------
    Feedback
        Correct, or the state the gates produce instead, with a hint (reversed order, angles
        in degrees, unknown gate names).
    """
    if (verdict := _not_answered(answer, "['X', 'T']")) is not None:
        return verdict
    gates = _read_gates(answer)
    target = _AXIS_STATES["|+i⟩"]
    produced = _run_gates(gates)
    if _same_state(produced, target):
        return correct(
            f"{_gates_text(gates)} takes |0⟩ to |+i⟩ (up to a global phase, which no measurement can see)."
        )
    turn_hint = "First bring |0⟩ to the equator, then turn about the z axis until you reach +y."
    if any(not isinstance(g, str) and abs(g[1]) > _DEGREE_LIKE for g in gates):
        if _same_state(_run_gates(_in_radians(gates)), target):
            return wrong(
                f"Your gates give {_describe(produced)}: the rotation angles look like degrees.",
                "Rotation angles are in radians: 90° is math.pi / 2 (or math.radians(90)).",
            )
    message = f"Your gates ({_gates_text(gates)}) give {_describe(produced)}, not |+i⟩."
    if len(gates) > 1 and _same_state(_run_gates(gates[::-1]), target):
        return wrong(
            f"{message} The same gates in the opposite order would work.",
            "The list is applied first to last (like a circuit diagram, left to right), "
            "not right to left as in a product of matrices.",
        )
    explain = {
        "|0⟩": "The qubit is still at the north pole: turns about the z axis (Z, S, T, RZ) only change "
        "the global phase of |0⟩.",
        "|1⟩": "That is the south pole; |+i⟩ is on the equator.",
        "|+⟩": "That is on the equator, a quarter turn about z short of |+i⟩.",
        "|−⟩": "That is on the equator, opposite |+⟩; |+i⟩ is a quarter turn from it.",
        "|−i⟩": "That is the opposite of |+i⟩: you turned the other way round the z axis.",
    }
    name = _axis_name(produced)
    return wrong(f"{message} {explain.get(name, '')}".strip(), turn_hint)

