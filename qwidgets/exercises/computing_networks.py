"""Exercises of lesson 11 (quantum computing networks): stages 4 and 5, and a CNOT across a network.

Every check computes its truth with :mod:`qwidgets.physics`: the non-local CNOT of Eisert,
Jacobs, Papadopoulos & Plenio (PRA 62, 052317, 2000) gate by gate
(:func:`~qwidgets.physics.nonlocal_cnot`: the pairs and bits it uses, its output, its fidelity
with a Werner pair, :func:`~qwidgets.physics.werner_state`), and the stages of Wehner, Elkouss &
Hanson (Science 362, eaam9288, 2018) as data (:func:`~qwidgets.physics.required_stage`,
:func:`~qwidgets.physics.stage`). The telescope's gain is the ratio of two baselines: an
interferometer resolves angles of about wavelength / baseline (the reason Gottesman, Jennewein &
Croke, PRL 109, 070503, 2012, want longer baselines).

Each check names the typical mistakes of its exercise: in the multiple choice on fault tolerance,
memory (stage 3), more qubits than a computer can simulate (stage 5) or lossless links; stage 5
("needs a quantum computer network"), 4, 2, 1 or 0 for blind quantum computing; the square root,
the area, the inverse or kilometres divided by metres for the telescope's gain; two pairs and four
bits (teleporting the control there and back), no pair, one or four bits for the non-local CNOT;
the input left unchanged, the control copied onto the target, or a random 00 or 11 for its output
on |+⟩|0⟩; and the pair's fidelity F (every error taken to hurt), one error in three hurting, the
average over inputs (4F + 1)/5, F² or a perfect output for its fidelity with a Werner pair.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from types import MappingProxyType

import numpy as np
import qutip

from qwidgets.errors import excerpt
from qwidgets.exercises.core import Verdict, correct, exercise, wrong
from qwidgets.exercises.readers import read_choice, read_number
from qwidgets.exercises.variants import Parameter
from qwidgets.exercises.verdicts import near, share_verdict
from qwidgets.physics import bell_state, fidelity, nonlocal_cnot, required_stage, stage, werner_state

__all__ = [
    "COMPUTING_BASELINES_M",
    "COMPUTING_FAULT_TOLERANCE_CHOICES",
    "COMPUTING_FAULT_TOLERANCE_RIGHT_CHOICE",
    "COMPUTING_LINKED_BASELINES_KM",
    "COMPUTING_PLUS_ZERO_CHOICES",
    "COMPUTING_PLUS_ZERO_RIGHT_CHOICE",
    "COMPUTING_WERNER_FIDELITIES",
    "COMPUTING_WERNER_FIDELITY",
    "check_computing_blind_stage",
    "check_computing_fault_tolerance",
    "check_computing_nonlocal_cost",
    "check_computing_plus_zero",
    "check_computing_telescope_gain",
    "check_computing_werner_fidelity",
]

LESSON = "11_quantum_computing_networks"

_ZERO, _ONE = qutip.basis(2, 0), qutip.basis(2, 1)
_PLUS = (_ZERO + _ONE).unit()


def _whole(value: float) -> bool:
    return float(value).is_integer()


# -- 1. What fault tolerance adds ------------------------------------------------------------------
COMPUTING_FAULT_TOLERANCE_CHOICES: Mapping[str, str] = MappingProxyType(
    {
        "a": "Memories: stage 4 is the first at which end nodes can store qubits at all.",
        "b": "Local computations of any depth and storage extended at will, so protocols with any "
        "number of communication rounds; the nodes are still small enough to simulate classically.",
        "c": "More logical qubits than a classical computer can simulate.",
        "d": "Lossless links: with fault tolerance no photon is lost in the fibre any more.",
    }
)
"""The statements of exercise ``computing_networks.computing_fault_tolerance``, by letter."""
COMPUTING_FAULT_TOLERANCE_RIGHT_CHOICE = "b"
"""The letter of the right statement in :data:`COMPUTING_FAULT_TOLERANCE_CHOICES`."""
_FAULT_TOLERANCE_HINT = "Compare what stages 3, 4 and 5 each add, in the panel above."


@exercise(
    id="computing_networks.computing_fault_tolerance",
    lesson=LESSON,
    answer_name="answer_computing_fault_tolerance",
)
def check_computing_fault_tolerance(answer: object) -> Verdict:
    """The letter of one statement as text, e.g. 'a'.

    Exercise: what does fault tolerance add to a network, at stage 4? Exactly one statement of
    :data:`COMPUTING_FAULT_TOLERANCE_CHOICES` is right.

    Parameters
    ----------
    answer : str
        One letter, ``'a'`` to ``'d'``, in any case, with or without brackets.

    Returns
    -------
    Verdict
        Correct, or what is wrong with the chosen statement: memories (stage 3), more qubits than
        a computer can simulate (stage 5), or lossless links.
    """
    feedback = {
        "a": f"(a): memories come earlier, at {stage(3).title}, where nodes store qubits without "
        "fault tolerance, for a few rounds of messages.",
        "c": f"(c) is {stage(5).title}. At stage 4 the nodes hold only a few logical qubits, so few that "
        "a classical computer can still simulate each node.",
        "d": "(d): fault tolerance protects the qubits inside a node. Photons are still lost in the fibre; "
        "heralding and repeaters deal with that (lesson 10).",
    }
    letter = read_choice(answer, tuple(COMPUTING_FAULT_TOLERANCE_CHOICES))
    if letter == COMPUTING_FAULT_TOLERANCE_RIGHT_CHOICE:
        return correct(
            f"({letter}) is right ({stage(4).title}). Error correction lets the nodes' errors be made as "
            "small as wanted by adding resources, so a stored qubit lasts as long as a protocol needs and "
            "circuits can be deep: distributed quantum computing and more precise clock synchronisation "
            "become possible."
        )
    return wrong(feedback[letter], _FAULT_TOLERANCE_HINT)


# -- 2. Blind quantum computing --------------------------------------------------------------------
@exercise(
    id="computing_networks.computing_blind_stage", lesson=LESSON, answer_name="answer_computing_blind_stage"
)
def check_computing_blind_stage(answer: object) -> Verdict:
    """A stage number from 0 to 5, e.g. 1.

    Exercise: a client who can only prepare single qubits and send them has a large quantum
    computer in the cloud run a program, without the server learning the program, its input or
    its result. What is the lowest stage of the roadmap at which the paper places this?

    Parameters
    ----------
    answer : int
        A stage number; a float with a whole value is read as the integer.

    Returns
    -------
    Verdict
        Correct, or the mistake: 5 (a quantum computer network taken to be needed), 4 (fault
        tolerance), 2, 1 (prepare and measure alone), 0; a fraction or a number outside 0 to 5.
    """
    truth = required_stage("blind quantum computing")
    hint = (
        "Only the server is a quantum computer, and a stage asks what the network gives its end "
        "nodes. What must the client's qubits be able to do on their way to the server and while it "
        "computes on them?"
    )
    value = read_number(answer, "the stage", "1")
    if not _whole(value):
        return wrong(f"{value:g} is not a stage: the stages are numbered 0 to 5.", hint)
    number = round(value)
    if number == truth.number:
        return correct(
            f"{truth.title}. The client prepares and sends single qubits and needs no quantum computer of "
            "its own (Broadbent, Fitzsimons & Kashefi 2009); the network must deliver those qubits "
            "deterministically to a server that keeps them while it computes. Barz et al. (2012) "
            "demonstrated it with photons."
        )
    mistakes = {
        5: f"{stage(5).title} is a network of quantum computers. Blind computing needs one large "
        "quantum computer, the server, and a network that connects a simple client to it: the "
        "paper stresses that this does not make it a quantum computing network.",
        4: f"{stage(4).title} adds fault-tolerant nodes. The server needs fault tolerance to compute, "
        "but that is the server's own business; the network and the client do not.",
        2: f"{stage(2).title} gives entangled pairs that are measured at once: nothing keeps a qubit "
        "while the server computes on it.",
        1: f"{stage(1).title} is what the client itself does, and it sounds enough; the paper still "
        "places the protocol higher, because the qubits must reach the server deterministically and be "
        "kept there. It notes that a finer analysis may push it lower (the demonstration by Barz et al. "
        "used post-selected photons).",
        0: f"{stage(0).title} carries no qubit end to end: the server would receive nothing quantum "
        "to compute on.",
    }
    if number in mistakes:
        return wrong(mistakes[number], hint)
    return wrong(f"{number} is not a stage of the roadmap: they are numbered 0 to 5.", hint)


# -- 3. Linked telescopes --------------------------------------------------------------------------
COMPUTING_BASELINES_M: tuple[float, float] = (100.0, 10_000.0)
"""The two baselines (m) of exercise ``computing_networks.computing_telescope_gain``: today's, linked."""
COMPUTING_LINKED_BASELINES_KM = (COMPUTING_BASELINES_M[1] / 1000, 3.0, 5.0, 8.0, 25.0, 40.0)
"""The linked baseline (km): the lesson's 10 km, then the others'; no gain the square root of another."""


@exercise(
    id="computing_networks.computing_telescope_gain",
    lesson=LESSON,
    answer_name="answer_computing_telescope_gain",
    params=[Parameter("baseline_km", COMPUTING_LINKED_BASELINES_KM, symbol="D", unit="km")],
)
def check_computing_telescope_gain(answer: object, baseline_km: float) -> Verdict:
    """One number, e.g. 7.

    Exercise: two telescopes observe the same star and combine their light; the smallest angle they
    resolve is about wavelength / baseline. Linked by shared entanglement, the telescopes could
    stand D km apart (10 km in the lesson, each student's own on a class hub) instead of 100 m. By
    what factor does the smallest resolvable angle shrink?

    Parameters
    ----------
    answer : float
        The factor, within 1 %.
    baseline_km : float
        The student's linked baseline D, km.

    Returns
    -------
    Verdict
        Correct, or the mistake: the square root, the area (baseline squared), the inverse,
        kilometres divided by metres, or no gain; a number of zero or less.
    """
    short, long = COMPUTING_BASELINES_M[0], baseline_km * 1000
    truth = long / short
    hint = (
        f"The angle is wavelength / baseline, so for the same light it is inversely proportional to the "
        f"baseline: compare {long / 1000:g} km with {short:g} m, in the same unit."
    )
    value = read_number(answer, "the factor", "7")
    if near(value, truth, 0.01):
        return correct(
            f"{long:,.0f} m / {short:g} m = {truth:g}: the angle shrinks {truth:g} times. Telescopes far "
            "apart cannot easily bring their light together; sharing entangled pairs through repeaters lets "
            "each measure its own light against its half of a pair instead (Gottesman, Jennewein & Croke "
            "2012)."
        )
    mistakes = [
        (
            math.sqrt(truth),
            f"{math.sqrt(truth):g} is the square root. The angle goes as 1 / baseline, not 1 / √baseline.",
        ),
        (
            truth**2,
            f"{truth**2:g} is the ratio of areas. A dish's area decides how much light it collects; an "
            "interferometer's resolution depends on the length of its baseline.",
        ),
        (1 / truth, f"{1 / truth:g} is the inverse: the new angle is smaller, so the gain is above 1."),
        (
            long / 1000 / short,
            f"{value:g} divides kilometres by metres: {long / 1000:g} km is {long:,.0f} m.",
        ),
        (1.0, "The baseline changes the resolution: that is why astronomers link telescopes at all."),
    ]
    for wrong_value, message in mistakes:
        if near(value, wrong_value, 0.01):
            return wrong(message, hint)
    if value <= 0:
        return wrong(f"{value:g} cannot be the factor: it is a ratio of two lengths.", hint)
    return wrong(f"{value:g} is not the factor.", hint)


# -- 4. What a non-local CNOT costs ---------------------------------------------------------------
def _read_counts(answer: object) -> tuple[float, float]:
    """Two numbers ``(pairs, bits)`` from a tuple, list or array."""
    form = "give two numbers in a tuple, (pairs, bits), e.g. (3, 5)"
    if isinstance(answer, np.ndarray):
        answer = answer.ravel()
    if not isinstance(answer, (tuple, list, np.ndarray)):
        raise TypeError(f"the answer is {excerpt(answer)}; {form}")
    if len(answer) != 2:
        raise ValueError(f"the answer holds {len(answer)} value(s); {form}")
    return read_number(answer[0], "the number of pairs", "3"), read_number(
        answer[1], "the number of bits", "5"
    )


@exercise(
    id="computing_networks.computing_nonlocal_cost",
    lesson=LESSON,
    answer_name="answer_computing_nonlocal_cost",
)
def check_computing_nonlocal_cost(answer: object) -> Verdict:
    """Two whole numbers in a tuple, (pairs, bits), e.g. (3, 5).

    Exercise (predict, then check with the demonstration): Alice holds a control qubit, Bob a
    target qubit in another city. How many shared Bell pairs, and how many classical bits in all,
    does the non-local CNOT use up?

    Parameters
    ----------
    answer : tuple of int
        ``(pairs, bits)``; floats with whole values are read as integers.

    Returns
    -------
    Verdict
        Correct, or the mistake: two pairs and four bits (the control teleported to Bob and back),
        two pairs, no pair, four bits, one bit, no bits; fractions or negative counts.
    """
    run = nonlocal_cnot(qutip.tensor(_PLUS, _ZERO), rng=0)
    pairs_truth, bits_truth = run.ebits_used, run.classical_bits
    hint = (
        "Follow the protocol: Alice measures her half of the pair and sends the outcome to Bob; Bob "
        "measures his half and sends the outcome to Alice. Count the pairs it starts from and the "
        "messages."
    )
    pairs, bits = _read_counts(answer)
    if not (_whole(pairs) and _whole(bits)):
        return wrong(f"({pairs:g}, {bits:g}) holds a fraction: pairs and bits are counted one by one.", hint)
    pairs, bits = round(pairs), round(bits)
    if (pairs, bits) == (pairs_truth, bits_truth):
        return correct(
            f"{pairs_truth} pair and {bits_truth} bits: m1 from Alice to Bob, m2 from Bob to Alice. Neither "
            "qubit moves. One pair is also the least any protocol can use: a CNOT turns |+⟩|0⟩ into a Bell "
            "pair, and local operations with classical messages cannot create entanglement."
        )
    if pairs < 0 or bits < 0:
        return wrong(f"({pairs}, {bits}) holds a negative count.", hint)
    if (pairs, bits) == (2 * pairs_truth, 2 * bits_truth):
        return wrong(
            "Two pairs and four bits is the price of teleporting the control to Bob, applying the CNOT "
            "there and teleporting the control back (lesson 09, twice). It works, but the non-local CNOT "
            "does it with half: it never moves a qubit, it only moves the gate's effect.",
            hint,
        )
    if pairs == 0:
        return wrong(
            "Without a shared pair the nodes have only local operations and classical messages, which can "
            "never create entanglement. But a CNOT does: it turns |+⟩|0⟩ into the Bell pair Φ+. So it needs "
            "at least one pair.",
            hint,
        )
    if pairs != pairs_truth:
        return wrong(f"{pairs} pairs is too many: the protocol uses one pair once.", hint)
    bit_mistakes = {
        0: "With no bits, Bob does not know whether to flip his half of the pair, and Alice does not know "
        "whether to fix the control's phase: the output is noise, not a CNOT. (No bits also means nothing "
        "crossed the network: no signal can go faster than light.)",
        1: "One bit is not enough: a bit goes each way. Bob needs Alice's m1 to fix his half of the pair, "
        "and Alice needs Bob's m2, or the control is left with a random phase flip Z.",
        4: "Four bits is what two teleportations send. Here each node measures only its one half of the "
        "pair: one bit each way, m1 and m2.",
    }
    return wrong(bit_mistakes.get(bits, f"{bits} bits is not what the protocol sends."), hint)


# -- 5. Predict: the output on |+>|0> -------------------------------------------------------------
COMPUTING_PLUS_ZERO_CHOICES: Mapping[str, str] = MappingProxyType(
    {
        "a": "|+⟩|0⟩, unchanged: only classical bits crossed the network, so the qubits cannot have changed.",
        "b": "|+⟩|+⟩: the target takes on the control's state.",
        "c": "(|00⟩ + |11⟩)/√2 = Φ+: the two distant qubits are now entangled.",
        "d": "|00⟩ or |11⟩, each with probability 1/2, depending on Alice's bit m1.",
    }
)
"""The statements of exercise ``computing_networks.computing_plus_zero``, by letter."""
_PLUS_ZERO_STATES: Mapping[str, qutip.Qobj] = MappingProxyType(
    {
        "a": qutip.tensor(_PLUS, _ZERO),
        "b": qutip.tensor(_PLUS, _PLUS),
        "c": bell_state("phi+"),
        "d": (qutip.tensor(_ZERO, _ZERO).proj() + qutip.tensor(_ONE, _ONE).proj()) / 2,
    }
)


@functools.cache
def _plus_zero_right_choice() -> str:
    """The letter whose state the non-local CNOT gives on |+⟩|0⟩, computed."""
    output = nonlocal_cnot(qutip.tensor(_PLUS, _ZERO), rng=0).output
    (letter,) = (k for k, state in _PLUS_ZERO_STATES.items() if fidelity(output, state) > 1 - 1e-9)
    return letter


COMPUTING_PLUS_ZERO_RIGHT_CHOICE = _plus_zero_right_choice()
"""The letter of the right statement in :data:`COMPUTING_PLUS_ZERO_CHOICES`."""
_PLUS_ZERO_FEEDBACK = {
    "a": "(a): only bits crossed, true, but the pair was used up on the way. Its entanglement now sits in "
    "the control and the target: a CNOT flips the target when the control is 1, and |+⟩ is half |1⟩.",
    "b": "(b) would copy the control's state onto the target. A CNOT copies only |0⟩ and |1⟩; on a "
    "superposition it entangles instead (lesson 02: no unknown state can be copied).",
    "d": "(d) is what Φ+ gives when it is measured in Z. But nobody measured the control and target: m1 and "
    "m2 come from the pair's qubits and say nothing about the input. The output is coherent: in X too, "
    "both qubits agree, which no random mixture of 00 and 11 does.",
}
_PLUS_ZERO_HINT = "Write |+⟩|0⟩ as (|00⟩ + |10⟩)/√2 and apply CNOT term by term: which term has control 1?"


@exercise(
    id="computing_networks.computing_plus_zero", lesson=LESSON, answer_name="answer_computing_plus_zero"
)
def check_computing_plus_zero(answer: object) -> Verdict:
    """The letter of one statement as text, e.g. 'a'.

    Exercise (predict, then check): Alice's control is |+⟩, Bob's target |0⟩. What do the two qubits
    hold after the non-local CNOT with a perfect pair? Exactly one statement of
    :data:`COMPUTING_PLUS_ZERO_CHOICES` is right.

    Parameters
    ----------
    answer : str
        One letter, ``'a'`` to ``'d'``, in any case, with or without brackets.

    Returns
    -------
    Verdict
        Correct, or what is wrong with the chosen statement: unchanged, a copy, a random 00 or 11.
    """
    letter = read_choice(answer, tuple(COMPUTING_PLUS_ZERO_CHOICES))
    if letter == _plus_zero_right_choice():
        return correct(
            f"({letter}) is right: CNOT (|00⟩ + |10⟩)/√2 = (|00⟩ + |11⟩)/√2. Two nodes that never exchanged "
            "a qubit now share a fresh Bell pair, made from the one they used up: the gate moved the "
            "entanglement onto the qubits that compute."
        )
    return wrong(_PLUS_ZERO_FEEDBACK[letter], _PLUS_ZERO_HINT)


# -- 6. Predict: a noisy pair ---------------------------------------------------------------------
COMPUTING_WERNER_FIDELITY = 0.8
"""Fidelity of the Werner pair in exercise ``computing_networks.computing_werner_fidelity``."""
COMPUTING_WERNER_FIDELITIES = (COMPUTING_WERNER_FIDELITY, 0.55, 0.65, 0.74, 0.85)
"""The lesson's F, then the others': below 0.92, where (2F + 1)/3 stays 0.01 above (4F + 1)/5."""


@exercise(
    id="computing_networks.computing_werner_fidelity",
    lesson=LESSON,
    answer_name="answer_computing_werner_fidelity",
    points=2,
    params=[Parameter("fidelity", COMPUTING_WERNER_FIDELITIES, symbol="F")],
)
def check_computing_werner_fidelity(answer: object, fidelity: float) -> Verdict:
    """One number from 0 to 1, e.g. 0.3.

    Exercise (predict, then check): Alice's control is |1⟩, Bob's target |0⟩, and they share a
    Werner pair of fidelity F (0.8 in the lesson, each student's own on a class hub). What is the
    fidelity of the output with the ideal |11⟩, averaged over the bits?

    Parameters
    ----------
    answer : float
        The fidelity, within 0.01.
    fidelity : float
        The student's F.

    Returns
    -------
    Verdict
        Correct, or the mistake: F (every error of the pair taken to hurt), 1 − (1 − F)/3 (only one
        error hurting), (4F + 1)/5 (the average over all inputs), F², a perfect output; a
        percentage or a number outside 0 to 1.
    """
    f = fidelity
    truth = nonlocal_cnot(qutip.tensor(_ONE, _ZERO), werner_state(f), rng=0).mean_fidelity
    hint = (
        "A Werner pair is Φ+ with probability F, otherwise Φ+ with a bit flip, a phase flip or both on "
        "Alice's half, (1 − F)/3 each. In this circuit the pair's bit flip becomes a bit flip of the "
        "target, its phase flip a phase flip (Z) of the control, and 'both' both. Which of them change "
        "|11⟩ into another state?"
    )
    mistakes = [
        (
            f,
            f"{f:g} = F takes every error of the pair to spoil the output. That is true for |+⟩|0⟩, whose "
            "output Φ+ every error changes; but a phase flip Z on the control |1⟩ only multiplies |11⟩ by "
            "−1, which changes nothing.",
            hint,
        ),
        (
            1 - (1 - f) / 3,
            f"{1 - (1 - f) / 3:.3f} = 1 − (1 − F)/3 lets only one of the three errors hurt. The bit flip "
            "does, and so does the third error, which carries a bit flip as well.",
            hint,
        ),
        (
            (4 * f + 1) / 5,
            f"{(4 * f + 1) / 5:.2f} = (4F + 1)/5 is the fidelity averaged over all inputs. For this "
            "input, count which errors change |11⟩.",
            hint,
        ),
        (f * f, f"{f * f:.2f} = F² would use two pairs. The gate uses one, once.", hint),
        (1.0, "A noisy pair passes its errors on: its bit flips reach the target.", hint),
    ]
    value = read_number(answer, "the fidelity", "0.3")
    return share_verdict(
        value,
        truth,
        mistakes,
        hint,
        what="the fidelity",
        remark=(
            "It is 1 − 2(1 − F)/3 = (2F + 1)/3: two of the three errors hurt. How much an error of the "
            "pair costs depends on the input: |+⟩|0⟩ loses every error, |0⟩|+⟩ none; on average over "
            "all inputs the fidelity is (4F + 1)/5."
        ),
    )
