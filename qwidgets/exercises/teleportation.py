"""Exercises of lesson 09 (teleportation): a qubit moved with one pair and two classical bits.

Every check computes its truth with :mod:`qwidgets.physics`: the protocol of Bennett et al.
(PRL 70, 1895, 1993) gate by gate (:func:`~qwidgets.physics.teleport`: Alice's outcomes, Bob's
qubit in each branch and as Bob sees it before the bits arrive), its average fidelity with a
Werner pair (:func:`~qwidgets.physics.average_teleport_fidelity`,
:func:`~qwidgets.physics.werner_state`) against the classical 2/3
(:data:`~qwidgets.physics.CLASSICAL_TELEPORT_FIDELITY`), and the CHSH value of that pair
(:func:`~qwidgets.physics.max_chsh_value`).

Each check names the typical mistakes of its exercise: no bits (entanglement taken to carry the
state), one bit, the count of qubits or of outcomes, infinitely many bits for two real angles;
the input's own P(0) cos²(θ/2) taken for Bob's before the bits arrive, its amplitude, its P(1),
a Bell pair's half taken for a definite 0 or 1; X (the roles of the two bits swapped), both
corrections, H or no correction for the bits (1, 0); in the two multiple choices, an instant state
at Bob's, Bob guessing the bits or the entanglement travelling, and a copy left with Alice (or a
5/6 clone, or the particle sent); the pair's fidelity F, F², 2F/3, a perfect output, or the
classical 2/3 for the output's fidelity; and the classical 2/3 itself, the CHSH threshold, the
fully mixed 1/4 or a perfect pair for the pair fidelity that beats 2/3.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

import qutip

from qwidgets.exercises.core import Verdict, correct, exercise, wrong
from qwidgets.exercises.readers import Gate, read_choice, read_gates, read_number
from qwidgets.exercises.variants import Parameter
from qwidgets.exercises.verdicts import describe_state, probability_verdict, same_state, share_verdict
from qwidgets.physics import (
    AXIS_STATES,
    CLASSICAL_CHSH_BOUND,
    CLASSICAL_TELEPORT_FIDELITY,
    apply_gate,
    average_teleport_fidelity,
    ket,
    max_chsh_value,
    measurement_probabilities,
    teleport,
    werner_state,
)

__all__ = [
    "TELEPORT_CORRECTION_BITS",
    "TELEPORT_FASTER_CHOICES",
    "TELEPORT_FASTER_RIGHT_CHOICE",
    "TELEPORT_ORIGINAL_CHOICES",
    "TELEPORT_ORIGINAL_RIGHT_CHOICE",
    "TELEPORT_PHI",
    "TELEPORT_THETA",
    "TELEPORT_WERNER_FIDELITIES",
    "TELEPORT_WERNER_FIDELITY",
    "check_teleport_beat_classical",
    "check_teleport_bits",
    "check_teleport_bob_before",
    "check_teleport_correction",
    "check_teleport_faster_than_light",
    "check_teleport_original",
    "check_teleport_werner_fidelity",
]

LESSON = "09_teleportation"

TELEPORT_THETA = math.pi / 3
"""Polar angle (rad) of the qubit Alice teleports in the lesson (the panel's default)."""
TELEPORT_PHI = math.pi / 4
"""Azimuth (rad) of the qubit Alice teleports in the lesson (the panel's default)."""
_MAX_BITS = 10**6  # most bits worth discussing for one qubit


def _input() -> qutip.Qobj:
    """The lesson's input state, at (:data:`TELEPORT_THETA`, :data:`TELEPORT_PHI`)."""
    return ket(TELEPORT_THETA, TELEPORT_PHI)


def _whole(value: float) -> bool:
    return abs(value - round(value)) <= 1e-9 * max(1.0, abs(value))


# -- 1. How many classical bits? ------------------------------------------------------------------
@exercise(id="teleportation.teleport_bits", lesson=LESSON, answer_name="answer_teleport_bits", points=1)
def check_teleport_bits(answer: object) -> Verdict:
    """A whole number of bits, e.g. 5.

    Exercise (predict, then check on the panel): to teleport one qubit, Alice measures her two
    qubits and tells Bob what she saw. How many classical bits does she send him?

    Parameters
    ----------
    answer : int
        A count of bits; a float with a whole value (``2.0``) is read as the integer.

    Returns
    -------
    Verdict
        Correct, or the mistake: none (the pair taken to carry the state), one, the three qubits,
        the four outcomes, infinitely many (the two real angles written out), a fraction, a
        negative count.
    """
    run = teleport(_input(), bits=(0, 0))
    outcomes = sum(p > 0 for p in run.outcome_probabilities)
    truth = round(-sum(p * math.log2(p) for p in run.outcome_probabilities if p > 0))  # Shannon: 2 bits
    qubits = len(run.steps[0].state.dims[0])  # the input and the pair's two halves
    follow = (
        f"Alice measures two qubits, each giving 0 or 1: {outcomes} outcomes, each as likely. Bob needs to "
        "know which one happened to fix his qubit. How many bits name one of them?"
    )
    value = read_number(answer, "the number of bits", "5")
    if not _whole(value):
        return wrong(f"{value:g} is not a whole number: bits are counted one by one.", follow)
    count = round(value)
    if count == truth:
        return correct(
            f"{truth} bits, m0 and m1: one from each qubit Alice measures. Her {outcomes} outcomes are "
            f"equally likely, so naming one takes log2({outcomes}) = {truth} bits, and Bob needs both. Check "
            "it on the panel below: the measure step shows the two bits, sent to Bob."
        )
    mistakes = {
        0: "With no bits, Bob's qubit stays what it was before Alice did anything: half of a Bell pair, the "
        "maximally mixed state I/2, whatever the input. Entanglement alone carries no message: Bob needs "
        "Alice's outcome to turn his qubit into the input.",
        1: "One bit would tell Bob to fix either a bit flip (X) or a phase flip (Z), not both. Alice's two "
        "measurements give two independent bits, and each decides one of the two corrections.",
        qubits: f"{qubits} counts the qubits: the input, Alice's half of the pair and Bob's half. Alice "
        "sends bits, not qubits, and only about the two qubits she measures.",
        outcomes: f"{outcomes} counts Alice's outcomes (00, 01, 10 and 11). Naming one of {outcomes} takes "
        f"fewer bits than that: {outcomes} = 2 × 2.",
    }
    if count in mistakes:
        return wrong(mistakes[count], follow)
    if count < 0:
        return wrong(f"{count} cannot be a number of bits.", follow)
    if count > _MAX_BITS:
        return wrong(
            f"{count:,} bits would write down the angles θ and φ of the input to many digits. Alice never "
            "learns them (one measurement cannot reveal them, lesson 01), and she does not need to.",
            follow,
        )
    return wrong(
        f"{count} bits is not what Alice sends. She does not describe the state (she cannot: she does not "
        "know it); she only reports what her two measurements gave.",
        follow,
    )


# -- 2. Predict: Bob's qubit before the bits arrive ----------------------------------------------
@exercise(id="teleportation.teleport_bob_before", lesson=LESSON, answer_name="answer_teleport_bob_before")
def check_teleport_bob_before(answer: object) -> Verdict:
    """One number from 0 to 1, e.g. 0.3.

    Exercise (predict, then check on the panel): Alice teleports the state at θ = π/3, φ = π/4.
    She has measured, but her two bits have not reached Bob yet. If Bob measures his qubit in the Z
    basis now, what is the probability that he gets 0?

    Parameters
    ----------
    answer : float
        A probability, within 0.01.

    Returns
    -------
    Verdict
        Correct, or the mistake: the input's P(0) cos²(θ/2), its amplitude cos(θ/2), its P(1)
        sin²(θ/2) (or the full angle's cos²θ), a definite 0 or 1; a percentage or a number outside
        0 to 1.
    """
    psi = _input()
    run = teleport(psi, bits=(0, 0))
    truth = measurement_probabilities(run.step("measure").bob_knows, "Z")[0]
    p0, p1 = measurement_probabilities(psi, "Z")
    hint = (
        "Bob does not know Alice's outcomes yet: his qubit could be in any of four states, each with "
        "probability 1/4. Average his P(0) over the four."
    )
    mistakes = [
        (
            p0,
            f"{p0:.2f} = cos²(θ/2) is the input's own P(0). Bob does not hold the input yet: in two of "
            "Alice's four outcomes his qubit is bit-flipped, and he does not know which outcome happened.",
            hint,
        ),
        (
            math.sqrt(p0),
            f"{math.sqrt(p0):.3f} = cos(θ/2) is an amplitude of the input, and not even Bob's: a probability "
            "is an amplitude squared.",
            hint,
        ),
        (
            p1,
            f"{p1:.2f} = sin²(θ/2) is the input's P(1) (and, with the full angle instead of the half angle, "
            "cos²θ): Bob's qubit in one of Alice's branches. He does not know which branch he is in.",
            hint,
        ),
        (
            1.0,
            "Bob's qubit is not |0⟩: it is half of an entangled pair, and Alice's measurement far away does "
            "not make it definite for Bob.",
            hint,
        ),
        (
            0.0,
            "Bob's qubit is not |1⟩: it is half of an entangled pair, and Alice's measurement far away does "
            "not make it definite for Bob.",
            hint,
        ),
    ]
    return probability_verdict(
        answer,
        truth,
        mistakes,
        hint,
        remark=(
            "Whatever the input: until the bits arrive, Bob's qubit is the maximally mixed state I/2, a "
            "fair coin in every basis. Check it on the panel: step to measure; Bob's qubit as he knows it "
            "sits at the centre of his sphere."
        ),
    )


# -- 3. Predict, then check: Bob's correction ----------------------------------------------------
TELEPORT_CORRECTION_BITS: tuple[int, int] = (1, 0)
"""Alice's bits ``(m0, m1)`` in exercise ``teleportation.teleport_correction``."""


@functools.cache
def _branch(bits: tuple[int, int]) -> tuple[tuple[qutip.Qobj, qutip.Qobj], ...]:
    """Probe inputs (the six axis states and the lesson's) and Bob's qubit after Alice got ``bits``."""
    inputs = (*(axis.ket for axis in AXIS_STATES.values()), _input())
    return tuple((psi, teleport(psi, bits=bits).step("measure").bob) for psi in inputs)


def _apply(gates: Sequence[Gate], state: qutip.Qobj) -> qutip.Qobj:
    for gate in gates:
        state = apply_gate(state, gate)
    return state


def _restores(gates: Sequence[Gate], bits: tuple[int, int]) -> bool:
    """Whether ``gates`` turn Bob's qubit back into the input for every probe, after ``bits``."""
    return all(same_state(_apply(gates, bob), psi) for psi, bob in _branch(bits))


@exercise(
    id="teleportation.teleport_correction", lesson=LESSON, answer_name="answer_teleport_correction", points=2
)
def check_teleport_correction(answer: object) -> Verdict:
    """Bob's gates as text, applied first to last, e.g. 'H S' (or '' for none).

    Exercise (predict, then check on the panel): Alice's bits are m0 = 1 (from the input qubit,
    measured after H) and m1 = 0 (from her half of the pair). Which gates must Bob apply to his
    qubit to hold the input state?

    Parameters
    ----------
    answer : str or list
        Gates read by :func:`~qwidgets.exercises.readers.read_gates`: ``'Z'``, ``'X Z'``,
        ``['X', 'Z']``; an empty text or list for no gate. Judged by what they do to Bob's qubit,
        up to a global phase.

    Returns
    -------
    Verdict
        Correct, or the mistake: X (the two bits' roles swapped), X and Z (the correction of
        11), H (Alice's gate undone on Bob's qubit), no gate (the correction of 00), or what any
        other gates make of Bob's qubit.
    """
    m0, m1 = TELEPORT_CORRECTION_BITS
    gates = read_gates(answer)
    roles = (
        "The second bit m1 is Alice's half of the pair measured in Z: it says whether Bob's qubit is "
        "bit-flipped (undone by X). The first bit m0 is the input qubit measured after H, which turned a "
        "phase into a bit: it says whether Bob's qubit is phase-flipped (undone by Z)."
    )
    if _restores(gates, TELEPORT_CORRECTION_BITS):
        return correct(
            f"Z: with m0 = {m0} Bob's qubit is the input with its phase flipped, and m1 = {m1} means no bit "
            "flip. The four cases: 00 nothing, 01 X, 10 Z, 11 X then Z (in short Z^m0 X^m1). Check it on the "
            "panel: step to correct and read the gate Bob applies; New run draws other bits."
        )
    mistakes = [
        (
            ["X"],
            "X is the correction for the bits 01: you swapped the roles of the two bits. Here m1 = 0, so "
            "there is no bit flip to undo.",
        ),
        (
            ["X", "Z"],
            "X then Z (or Y, the same up to a global phase) is the correction for the bits 11. Here m1 = 0: "
            "only one of the two flips happened.",
        ),
        (
            ["H"],
            "H acted on Alice's qubit 0, before she measured it; it is not Bob's to undo. Bob only has to "
            "undo the flip that Alice's outcome tells him about.",
        ),
        (
            [],
            "With no gate Bob would hold the input only if both bits were 0. Here m0 = 1: his qubit is the "
            "input with a flip he has to undo.",
        ),
    ]
    for reference, message in mistakes:
        if all(
            same_state(_apply(gates, bob), _apply(reference, bob))
            for _, bob in _branch(TELEPORT_CORRECTION_BITS)
        ):
            return wrong(message, roles)
    psi, bob = _branch(TELEPORT_CORRECTION_BITS)[-1]
    return wrong(
        f"Your gates turn Bob's qubit into {describe_state(_apply(gates, bob))}, but the input was "
        f"{describe_state(psi)}.",
        roles,
    )


# -- 4. Faster than light? -------------------------------------------------------------------------
TELEPORT_FASTER_CHOICES: Mapping[str, str] = MappingProxyType(
    {
        "a": "Yes: the moment Alice measures, Bob's qubit becomes the input state, however far away he is.",
        "b": "Yes, if Bob guesses the two bits instead of waiting for them.",
        "c": "No: until the two bits arrive, Bob's qubit is the maximally mixed state whatever the input, "
        "and the bits travel no faster than light.",
        "d": "No: after Alice measures, the entanglement itself has to travel to Bob, at the speed of light.",
    }
)
"""The statements of exercise ``teleportation.teleport_faster_than_light``, by letter."""
TELEPORT_FASTER_RIGHT_CHOICE = "c"
"""The letter of the right statement in :data:`TELEPORT_FASTER_CHOICES`."""

_FASTER_FEEDBACK = {
    "a": "(a) forgets that Bob does not know Alice's outcome. Right after she measures, his qubit is the "
    "input flipped in one of four ways, each with probability 1/4: on average the maximally mixed state, "
    "the same for every input. No measurement of his can tell the input yet.",
    "b": "(b): a guess is right one time in four, and Bob cannot tell when. Averaged over his guesses his "
    "qubit is still the maximally mixed state, whatever the input: nothing he does depends on it.",
    "d": "(d): nothing travels between Alice and Bob but the bits. Bob's half of the pair was with him all "
    "along; Alice's measurement changes nothing he can see, and the bits are what he waits for.",
}
_FASTER_HINT = "Step the panel to measure: what does Bob's own sphere show before the bits arrive?"


@exercise(
    id="teleportation.teleport_faster_than_light",
    lesson=LESSON,
    answer_name="answer_teleport_faster_than_light",
)
def check_teleport_faster_than_light(answer: object) -> Verdict:
    """The letter of one statement as text, e.g. 'a'.

    Exercise: does teleportation send a qubit's state faster than light? Exactly one statement of
    :data:`TELEPORT_FASTER_CHOICES` is right.

    Parameters
    ----------
    answer : str
        One letter, ``'a'`` to ``'d'``, in any case, with or without brackets (``'(c)'``).

    Returns
    -------
    Verdict
        Correct, or what is wrong with the chosen statement; an unknown letter, several letters
        or a sentence are explained as such.
    """
    letter = read_choice(answer, tuple(TELEPORT_FASTER_CHOICES))
    if letter == TELEPORT_FASTER_RIGHT_CHOICE:
        return correct(
            f"({letter}) is right: Bob's qubit on its own is the maximally mixed state I/2 until the bits "
            "arrive, whatever Alice sends and whatever she does. The state reaches him with the bits, at "
            "most at the speed of light: entanglement signals nothing (lesson 07)."
        )
    return wrong(_FASTER_FEEDBACK[letter], _FASTER_HINT)


# -- 5. What is left at Alice's? -------------------------------------------------------------------
TELEPORT_ORIGINAL_CHOICES: Mapping[str, str] = MappingProxyType(
    {
        "a": "Alice still holds the original qubit, and Bob now holds an exact copy of it.",
        "b": "Alice keeps two qubits in the state |m0 m1⟩, her outcomes, which hold nothing of the input: "
        "the state now exists only at Bob's.",
        "c": "Alice keeps the original, and Bob gets a copy of fidelity 5/6, the best a cloner can make.",
        "d": "The qubit itself, the particle, has travelled to Bob through the entanglement.",
    }
)
"""The statements of exercise ``teleportation.teleport_original``, by letter, as the lesson prints them."""
TELEPORT_ORIGINAL_RIGHT_CHOICE = "b"
"""The letter of the right statement in :data:`TELEPORT_ORIGINAL_CHOICES`."""

_ORIGINAL_FEEDBACK = {
    "a": "(a) would be an exact copy of an unknown qubit, which no-cloning forbids (lesson 02). Alice's "
    "measurement destroys her qubit's state: afterwards it is 0 or 1, whatever the input was.",
    "c": "(c) describes the best universal cloner of lesson 02, a different device. Teleportation makes no "
    "copy at all: Bob gets the state exactly, and Alice is left with nothing of it.",
    "d": "(d) is what the name suggests, but no particle moves: Bob's qubit was his half of the pair all "
    "along. What moves is the state, with the help of two classical bits.",
}
_ORIGINAL_HINT = "What does Alice's measurement leave on her two qubits, and could both ends hold the state?"


@exercise(id="teleportation.teleport_original", lesson=LESSON, answer_name="answer_teleport_original")
def check_teleport_original(answer: object) -> Verdict:
    """The letter of one statement as text, e.g. 'a'.

    Exercise: after teleportation, what is left of the input at Alice's? Exactly one statement of
    :data:`TELEPORT_ORIGINAL_CHOICES` is right.

    Parameters
    ----------
    answer : str
        One letter, ``'a'`` to ``'d'``, in any case, with or without brackets (``'(b)'``).

    Returns
    -------
    Verdict
        Correct, or what is wrong with the chosen statement; an unknown letter, several letters
        or a sentence are explained as such.
    """
    letter = read_choice(answer, tuple(TELEPORT_ORIGINAL_CHOICES))
    if letter == TELEPORT_ORIGINAL_RIGHT_CHOICE:
        return correct(
            f"({letter}) is right: Alice's measurement leaves her qubits in |m0 m1⟩, two classical bits that "
            "are the same for every input (each outcome has probability 1/4). The state leaves Alice as it "
            "reaches Bob: teleportation moves it and never copies it, as no-cloning demands (lesson 02)."
        )
    return wrong(_ORIGINAL_FEEDBACK[letter], _ORIGINAL_HINT)


# -- 6. Predict, then check: a noisy pair --------------------------------------------------------
TELEPORT_WERNER_FIDELITY = 0.9
"""Fidelity F of the Werner pair of exercise ``teleportation.teleport_werner_fidelity`` in the lesson."""
TELEPORT_WERNER_FIDELITIES: tuple[float, ...] = (TELEPORT_WERNER_FIDELITY, 0.55, 0.6, 0.75, 0.8, 0.95)
"""F in exercise ``teleportation.teleport_werner_fidelity``: the lesson's 0.9, then the other students'.

All above 1/2, so every pair beats the classical 2/3, and below 0.97, so the answer (2F + 1)/3
stays more than 0.01 from F itself. Left out: 0.7 and 0.85, whose answers 0.8 and 0.9 are the
mistake F of F = 0.8 and 0.9; 0.65, whose mistakes F² and 2F/3 lie 0.011 apart.
"""


@exercise(
    id="teleportation.teleport_werner_fidelity",
    lesson=LESSON,
    answer_name="answer_teleport_werner_fidelity",
    points=2,
    params=[Parameter("fidelity", TELEPORT_WERNER_FIDELITIES, symbol="F")],
)
def check_teleport_werner_fidelity(answer: object, fidelity: float) -> Verdict:
    """One number from 0 to 1, e.g. 0.3.

    Exercise (predict, then check on the panel): Alice and Bob share a Werner pair of fidelity
    F (0.9 in the lesson, each student's own on a class hub) instead of a perfect one. What is the
    fidelity of the teleported state with the input, on average over the input states?

    Parameters
    ----------
    answer : float
        The average fidelity, within 0.01.
    fidelity : float
        The pair's fidelity F in the student's variant.

    Returns
    -------
    Verdict
        Correct, or the mistake: the pair's F, F², 2F/3 (the 1/3 of a useless pair dropped), a
        perfect 1, the classical 2/3; a percentage or a number outside 0 to 1.
    """
    f = fidelity
    truth = average_teleport_fidelity(werner_state(f))
    useless = average_teleport_fidelity(werner_state(0.25))
    hint = (
        "The Werner pair is a perfect Φ+ with probability F; otherwise it is one of the three other Bell "
        "states, and Bob ends up with the input flipped by X, Y or Z. How close is a flipped state to the "
        "input, on average over inputs?"
    )
    mistakes = [
        (
            f,
            f"{f:g} is the pair's own fidelity. The teleported state does better than the pair: even a "
            f"useless pair (F = 1/4, pure noise) leaves Bob a fidelity of {useless:.3g} with the input.",
            hint,
        ),
        (
            f * f,
            f"{f * f:.2f} = F² squares the pair's fidelity, as if it entered twice. One pair is used, once: "
            "the fidelity of the output grows in proportion to F.",
            hint,
        ),
        (
            2 * f / 3,
            f"{2 * f / 3:.2f} = 2F/3 leaves out what Bob gets when the pair is not Φ+: the input flipped by "
            "X, Y or Z, which still has fidelity 1/3 with it on average.",
            hint,
        ),
        (
            1.0,
            "Only a perfect pair teleports perfectly. The noise in the pair goes into Bob's qubit: the "
            "protocol cannot remove it.",
            hint,
        ),
        (
            CLASSICAL_TELEPORT_FIDELITY,
            "2/3 is what Alice and Bob get with no pair at all: she measures the qubit and sends what she "
            f"saw. A pair of fidelity {f:g} does better.",
            hint,
        ),
    ]
    value = read_number(answer, "the fidelity", "0.3")
    return share_verdict(
        value,
        truth,
        mistakes,
        hint,
        what="the average fidelity",
        remark=(
            "It is F × 1 + (1 − F) × 1/3 = (2F + 1)/3: F of the time the pair is Φ+ and Bob gets the "
            "input; otherwise he gets it flipped by X, Y or Z, of fidelity 1/3 on average. Check it on the "
            f"panel with fidelity {f:g}."
        ),
    )


# -- 7. The pair that beats the classical 2/3 ------------------------------------------------------
def _werner_threshold(quantity: Callable[[qutip.Qobj], float], target: float) -> float:
    """The Werner fidelity at which ``quantity(werner_state(F))`` reaches ``target``.

    Both quantities used here grow linearly with F from 1/4 up (average fidelity (2F + 1)/3,
    Horodecki et al. 1999; CHSH maximum 2√2(4F - 1)/3, Horodecki et al. 1995), so two points
    fix the line.
    """
    low, high = 0.5, 1.0
    y_low, y_high = quantity(werner_state(low)), quantity(werner_state(high))
    return low + (target - y_low) * (high - low) / (y_high - y_low)


@exercise(
    id="teleportation.teleport_beat_classical",
    lesson=LESSON,
    answer_name="answer_teleport_beat_classical",
    points=1,
)
def check_teleport_beat_classical(answer: object) -> Verdict:
    """One number from 0 to 1, e.g. 0.3.

    Exercise: above which fidelity F of the Werner pair does teleportation beat 2/3, the best
    average fidelity without entanglement (Alice measures and sends what she saw)?

    Parameters
    ----------
    answer : float
        The pair fidelity where the two break even, within 0.01.

    Returns
    -------
    Verdict
        Correct, or the mistake: 2/3 itself (the pair's fidelity taken for the output's), the
        threshold of a CHSH violation, the fully mixed 1/4, a perfect pair; a percentage or a
        number outside 0 to 1.
    """
    truth = _werner_threshold(average_teleport_fidelity, CLASSICAL_TELEPORT_FIDELITY)
    chsh = _werner_threshold(max_chsh_value, CLASSICAL_CHSH_BOUND)
    hint = "Set the average fidelity (2F + 1)/3 equal to 2/3 and solve for F."
    mistakes = [
        (
            CLASSICAL_TELEPORT_FIDELITY,
            "2/3 is the bar for the teleported state's fidelity, not for the pair's. The output does better "
            "than the pair, so a pair below 2/3 already beats it.",
            hint,
        ),
        (
            chsh,
            f"{chsh:.2f} is where a Werner pair starts to win the CHSH game (lesson 07). Teleportation asks "
            "less of the pair than a Bell test does.",
            hint,
        ),
        (
            0.25,
            "1/4 is the fully mixed pair, pure noise: it teleports with fidelity 1/2, worse than measuring "
            "and sending bits.",
            hint,
        ),
        (
            1.0,
            "A perfect pair beats 2/3 by far, but much less is enough: the output's fidelity grows in "
            "proportion to F.",
            hint,
        ),
    ]
    value = read_number(answer, "the fidelity", "0.3")
    return share_verdict(
        value,
        truth,
        mistakes,
        hint,
        what="the pair fidelity above which teleportation beats 2/3",
        remark=(
            "(2F + 1)/3 > 2/3 when F > 1/2, exactly where a Werner pair becomes entangled: any entangled "
            "Werner pair teleports better than any classical method. Check it on the panel."
        ),
    )
