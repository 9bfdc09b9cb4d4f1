"""Verdicts shared by the lessons' checks: numbers, probabilities and states judged forgivingly.

Answers typed by hand are compared within a tolerance (:data:`NUMBER_TOLERANCE` for numbers,
:data:`RELATIVE_TOLERANCE` of their size for numbers far below 0.01, :data:`VECTOR_TOLERANCE`
between Bloch vectors), states up to a global phase, angles modulo 2 pi; an angle larger than
:data:`DEGREE_LIKE` was most likely typed in degrees.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import qutip

from qwidgets.exercises.core import Verdict, correct, wrong
from qwidgets.exercises.readers import read_angles, read_probability
from qwidgets.physics import AXIS_STATES, AxisState, bloch_angles, bloch_vector, ket

__all__ = [
    "DEGREE_LIKE",
    "NUMBER_TOLERANCE",
    "RELATIVE_TOLERANCE",
    "VECTOR_TOLERANCE",
    "angles_verdict",
    "close",
    "near",
    "share_verdict",
    "axis_state_of",
    "describe_state",
    "probability_verdict",
    "same_angle",
    "same_state",
]

NUMBER_TOLERANCE = 1e-2
"""How far a number typed by hand may be from the exact value (e.g. 0.85 for 0.8536)."""
RELATIVE_TOLERANCE = 0.1
"""How far, relative to its size, a small number typed by hand may be (0.003 for (3/4)^20)."""
VECTOR_TOLERANCE = 2e-2
"""How far apart (as Bloch vectors) two states may be and still count as the same state."""
DEGREE_LIKE = 2 * math.pi + 0.1
"""An angle larger than this (in size) was most likely typed in degrees."""


def close(value: float, target: float, tolerance: float = NUMBER_TOLERANCE) -> bool:
    """Whether ``value`` is within ``tolerance`` of ``target``, float noise aside (0.26 vs 0.25 counts)."""
    return abs(value - target) <= tolerance + 1e-12


def near(value: float, target: float, tolerance: float = RELATIVE_TOLERANCE) -> bool:
    """Whether ``value`` is within ``tolerance`` of ``target``, relative to its size (0 only for 0)."""
    if target == 0:
        return value == 0
    return abs(value - target) <= tolerance * abs(target) * (1 + 1e-12)


def share_verdict(
    value: float,
    truth: float,
    mistakes: Sequence[tuple[float, str, str]],
    hint: str,
    *,
    what: str,
    remark: str = "",
    relative: bool = False,
    mistake_tolerance: float = RELATIVE_TOLERANCE,
) -> Verdict:
    """Judge ``value``, a number from 0 to 1 called ``what`` in the messages, against ``truth``.

    Like :func:`probability_verdict`, with the quantity's own name. Within :func:`close` of the
    truth, or with ``relative`` (for numbers far below 0.01) within :func:`near`, it is right;
    else the first of ``mistakes`` (value, message, hint) it matches names the mistake (with
    ``relative``, within ``mistake_tolerance``: smaller where two mistakes lie close together);
    then a percentage, a number outside 0 to 1, or any other number.
    """

    def same(a: float, b: float, tolerance: float = RELATIVE_TOLERANCE) -> bool:
        return near(a, b, tolerance) if relative else close(a, b)

    if same(value, truth):
        return correct(f"{what[0].upper()}{what[1:]} is {truth:.4g}; you gave {value:g}. {remark}".strip())
    for wrong_value, message, mistake_hint in mistakes:
        if same(value, wrong_value, mistake_tolerance):
            return wrong(message, mistake_hint)
    if 0 < value <= 100 and same(value / 100, truth):
        return wrong(
            f"{value:g} looks like a percentage. Here {what} is a number from 0 to 1.",
            f"Divide by 100: {value:g} % is {value / 100:g}.",
        )
    if not 0 <= value <= 1:
        return wrong(f"{value:g} cannot be {what}: it lies between 0 and 1.", hint)
    return wrong(f"{value:g} is not {what}.", hint)


def same_state(a: qutip.Qobj, b: qutip.Qobj) -> bool:
    """Whether two qubit states are equal up to a global phase (within :data:`VECTOR_TOLERANCE`)."""
    return float(np.linalg.norm(bloch_vector(a) - bloch_vector(b))) < VECTOR_TOLERANCE


def same_angle(a: float, b: float) -> bool:
    """Whether two angles agree modulo 2 pi, within :data:`NUMBER_TOLERANCE`."""
    return close((a - b + math.pi) % (2 * math.pi) - math.pi, 0.0)


def axis_state_of(state: qutip.Qobj) -> AxisState | None:
    """The axis state (``|0>``, ``|+>``, ...) that ``state`` equals, or ``None``."""
    return next((axis for axis in AXIS_STATES.values() if same_state(state, axis.ket)), None)


def describe_state(state: qutip.Qobj) -> str:
    """Name a state: an axis state by its ket, any other by its Bloch angles and vector."""
    axis = axis_state_of(state)
    if axis is not None:
        return axis.label
    theta, phi = bloch_angles(state)
    x, y, z = bloch_vector(state)
    return (
        f"the state at θ = {theta / math.pi:.2f}π, φ = {phi / math.pi:.2f}π "
        f"(Bloch vector ({x:.2f}, {y:.2f}, {z:.2f}))"
    )


def angles_verdict(
    answer: object,
    target: AxisState,
    mistakes: Mapping[str, tuple[str, str]],
    hint: str,
) -> Verdict:
    """Judge Bloch angles ``(theta, phi)`` against an axis state.

    Parameters
    ----------
    answer : object
        The student's answer, read by :func:`~qwidgets.exercises.readers.read_angles`.
    target : AxisState
        The state the angles should point to.
    mistakes : mapping
        Short name of an axis state a student may give by mistake (``"+"``, ``"0"``, ...) to
        the (message, hint) that explains it.
    hint : str
        Hint for any other wrong point.

    Returns
    -------
    Verdict
        Correct (noting a pole's free ``phi`` or a ``theta`` outside ``[0, pi]``), or the
        mistake: degrees, swapped angles, one of ``mistakes``, or the point the angles name.
    """
    theta, phi = read_angles(answer)
    given = ket(theta, phi)
    if same_state(given, target.ket):
        note = ""
        if not -1e-9 <= theta <= math.pi + NUMBER_TOLERANCE:
            note = " (The usual convention keeps θ between 0 and π, but your angles point to the same place.)"
        elif abs(math.sin(theta)) < VECTOR_TOLERANCE:
            note = " At a pole φ does not matter: every φ gives the same state."
        return correct(f"(θ, φ) = ({theta:.3f}, {phi:.3f}) is {target.label}.{note}")
    if max(abs(theta), abs(phi)) > DEGREE_LIKE:
        if same_state(ket(math.radians(theta), math.radians(phi)), target.ket):
            return wrong(
                f"Those are the right angles, but in degrees: ({theta:g}°, {phi:g}°).",
                "Give them in radians, e.g. math.radians(90) or math.pi / 2.",
            )
        return wrong(
            f"An angle of {max(abs(theta), abs(phi)):g} looks like degrees; "
            "the Bloch angles here are in radians.",
            f"Convert with math.radians(...), and check where {target.label} sits. {hint}",
        )
    if same_angle(theta, target.phi) and same_angle(phi, target.theta):
        return wrong(
            "You swapped the angles: θ (from the north pole) comes first, φ (around the equator) "
            f"second. ({theta:.3f}, {phi:.3f}) points to {describe_state(given)}.",
            f"Give ({phi:.3f}, {theta:.3f}) in that order: (theta, phi).",
        )
    axis = axis_state_of(given)
    if axis is not None and axis.name in mistakes:
        return wrong(*mistakes[axis.name])
    return wrong(f"Your angles point to {describe_state(given)}, not to {target.label}.", hint)


def probability_verdict(
    answer: object,
    truth: float,
    mistakes: Sequence[tuple[float, str, str]],
    hint: str,
    *,
    remark: str = "",
) -> Verdict:
    """Judge a probability against ``truth``, within :data:`NUMBER_TOLERANCE`.

    Parameters
    ----------
    answer : object
        The student's answer, read by :func:`~qwidgets.exercises.readers.read_probability`.
    truth : float
        The exact probability.
    mistakes : sequence of (float, str, str)
        The value a typical mistake gives, with the message that names the mistake and a hint;
        the first that matches is used.
    hint : str
        Hint for any other wrong number.
    remark : str
        Added to the message of a correct answer, e.g. an invitation to try it on a panel.

    Returns
    -------
    Verdict
        Correct, or the mistake: one of ``mistakes``, a percentage, a number outside 0 to 1,
        or a number that is simply not the probability.
    """
    value = read_probability(answer)
    if close(value, truth):
        return correct(f"The probability is {truth:.4f}; you gave {value:g}. {remark}".strip())
    for wrong_value, message, mistake_hint in mistakes:
        if close(value, wrong_value):
            return wrong(message, mistake_hint)
    if 1 < value <= 100 and close(value / 100, truth):
        return wrong(
            f"{value:g} looks like a percentage. A probability is a number from 0 to 1.",
            f"Divide by 100: {value:g} % is {value / 100:g}.",
        )
    if not 0 <= value <= 1:
        return wrong(f"{value:g} cannot be a probability: probabilities lie between 0 and 1.", hint)
    return wrong(f"{value:g} is not the probability asked for.", hint)
