"""Exercises of lesson 02 (no-cloning): how good a copy of a qubit can be, and why none is perfect.

Every check computes its truth with :mod:`qwidgets.physics` (:func:`~qwidgets.physics.clone` and
:func:`~qwidgets.physics.optimal_clone_fidelity`), reads numbers with
:mod:`qwidgets.exercises.readers` and judges fidelities with
:func:`~qwidgets.exercises.verdicts.probability_verdict`: the fidelity ``F = <psi|rho|psi>`` of a
copy is the probability that the copy passes the test "are you ``|psi>``?", a measurement along
the original's direction. Each check names the typical mistakes of its exercise: a copier that
copies, the shrink of the Bloch vector taken for the fidelity (or the other way round), N and M
swapped in the Gisin-Massar formula, the best or the worst state taken for the average, and, in
the conceptual question, each wrong reason why a qubit cannot be amplified.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from types import MappingProxyType

from qwidgets.exercises.core import Verdict, correct, exercise, wrong
from qwidgets.exercises.readers import read_choice, read_number
from qwidgets.exercises.variants import Parameter
from qwidgets.exercises.verdicts import close, probability_verdict
from qwidgets.physics import AXIS_STATES, clone, optimal_clone_fidelity

__all__ = [
    "AMPLIFIER_CHOICES",
    "AMPLIFIER_RIGHT_CHOICE",
    "COPY_LENGTH_COPIES",
    "UNIVERSAL_COPIES",
    "check_cnot_copy_fidelity",
    "check_copy_length",
    "check_measure_prepare_fidelity",
    "check_no_amplifier",
    "check_universal_fidelity",
]

LESSON = "02_no_cloning"

_MANY_COPIES = 10**6
"""``M`` standing for "as many copies as you like": ``optimal_clone_fidelity(1, M)`` is 2/3 + 1/(3M)."""
_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
"""Numbers of copies in words, for the messages of ``no_cloning.universal_fidelity``."""


def _fidelity(state_name: str, cloner: str) -> float:
    """Fidelity of each copy that ``cloner`` makes of the axis state ``state_name`` (both copies alike)."""
    return clone(AXIS_STATES[state_name].ket, cloner).fidelities[0]


# -- 1. Predict, then check: the CNOT copier on |+> ----------------------------------------------
@exercise(
    id="no_cloning.cnot_copy_fidelity", lesson=LESSON, answer_name="answer_cnot_copy_fidelity", points=1
)
def check_cnot_copy_fidelity(answer: object) -> Verdict:
    """One number from 0 to 1: the fidelity of one copy, e.g. 0.9.

    Exercise (predict, then check on the panel): the CNOT copier copies ``|0>`` and ``|1>``
    perfectly. Predict the fidelity with ``|+>`` of each of the two copies it makes of ``|+>``.

    Parameters
    ----------
    answer : float
        The fidelity, within 0.01.

    Returns
    -------
    Verdict
        Correct (with an invitation to check it on the panel), or the mistake: 1 (as if the
        CNOT copied every state), 0 (the copies taken for ``|->``), 0.25 (one branch of the pair
        only), 0.707 (an amplitude), 5/6 (the best universal copier), a percentage.
    """
    truth = _fidelity("+", "cnot")
    perfect = _fidelity("0", "cnot")
    branch = truth * truth  # copy |0> (probability 1/2) passing the |+> test (probability 1/2)
    return probability_verdict(
        answer,
        truth,
        [
            (
                perfect,
                "That would be a perfect copy, as the CNOT makes of |0⟩ and |1⟩. But |+⟩ is a superposition: "
                "the CNOT acts on |0⟩ and on |1⟩ separately and makes the entangled pair (|00⟩ + |11⟩)/√2, "
                "not |+⟩|+⟩.",
                "Look at one qubit of (|00⟩ + |11⟩)/√2 on its own: it is |0⟩ or |1⟩, each half the time. "
                "How often does that pass the test 'are you |+⟩?'",
            ),
            (
                0.0,
                "Fidelity 0 would mean each copy is |−⟩, the state opposite |+⟩, and fails the test every "
                "time. The copies are not opposite to |+⟩: each is |0⟩ or |1⟩, half the time each, and both "
                "are a quarter turn from |+⟩.",
                "A state a quarter turn from |+⟩ passes the test 'are you |+⟩?' with probability 1/2.",
            ),
            (
                branch,
                f"{branch:g} keeps only one branch: a copy that is |0⟩ (probability 1/2) passes the test "
                "'are you |+⟩?' with probability 1/2. But a copy that is |1⟩ passes half the time too.",
                "Add up both branches: P(pass) = P(|0⟩)·P(pass if |0⟩) + P(|1⟩)·P(pass if |1⟩).",
            ),
            (
                1 / math.sqrt(2),
                "0.707 = 1/√2 is an amplitude, such as ⟨+|0⟩. A fidelity is a probability: the squared size "
                "of an amplitude, summed over what the copy may be.",
                "Square the amplitudes before you add up the branches.",
            ),
            (
                optimal_clone_fidelity(1, 2),
                "5/6 is what the best universal copier reaches for every state; the CNOT is not that copier. "
                "It is perfect on |0⟩ and |1⟩ and pays for it on the equator.",
                "Apply the CNOT to |0⟩|0⟩ and |1⟩|0⟩ separately and add the results: what is one copy alone?",
            ),
        ],
        "Write |+⟩ = (|0⟩ + |1⟩)/√2, let the CNOT copy |0⟩ and |1⟩ separately, and look at one copy alone: "
        "how often does it pass the test 'are you |+⟩?'",
        remark=(
            "That is the fidelity of each copy: on its own, each qubit of the pair (|00⟩ + |11⟩)/√2 is "
            "|0⟩ or |1⟩ at random, the fair coin at the centre of the sphere, so it passes the test '|+⟩?' "
            "half the time, no better than a guess. Check it on the panel below: the bars stand at 0.5 and "
            "the copy's dashed arrow has shrunk to nothing."
        ),
    )


# -- 2. The best universal copier -------------------------------------------------------------------
UNIVERSAL_COPIES = (2, 3, 4, 5)
"""Copies ``M`` made from one qubit in exercise ``no_cloning.universal_fidelity``: the lesson's 2, then
the other students'. F(1, M) - F(1, M + 1) = 1/(3M(M + 1)) stays above the tolerance up to M = 5, so the
"one copy too many" mistake is still told apart."""


@exercise(
    id="no_cloning.universal_fidelity",
    lesson=LESSON,
    answer_name="answer_universal_fidelity",
    points=1,
    params=[Parameter("copies", UNIVERSAL_COPIES, symbol="M")],
)
def check_universal_fidelity(answer: object, copies: int) -> Verdict:
    """One number from 0 to 1: the fidelity of each copy, e.g. 0.9.

    Exercise: from the Gisin-Massar formula ``F = (M(N + 1) + N) / (M(N + 2))``, give the
    fidelity of each copy made by the best universal machine that turns one qubit into ``M``
    copies (M = 2 in the lesson, each student's own on a class hub).

    Parameters
    ----------
    answer : float
        The fidelity, within 0.01.
    copies : int
        ``M``, the number of copies of the student's variant.

    Returns
    -------
    Verdict
        Correct (with an invitation to check it on the panel), or the mistake: 1 (a perfect
        copy), 2/3 (the limit of very many copies, also the shrink of the Bloch vector for two
        copies), 1/2 (a random guess), N and M swapped (above 1), one copy too many (7/9 for
        the lesson's two), 0.854 (the phase-covariant copier), a percentage.
    """
    m = copies
    truth = optimal_clone_fidelity(1, m)
    formula = f"F = (M(N + 1) + N) / (M(N + 2)) with N = 1 original in and M = {m} copies out."
    swapped = (1 * (m + 1) + m) / (1 * (m + 2))
    one_more = optimal_clone_fidelity(1, m + 1)
    exact = str(Fraction(2 * m + 1, 3 * m))
    machine = "Bužek and Hillery's machine" if m == 2 else "Gisin and Massar's machine"
    panel = (
        ""
        if m == 2
        else " (The panels below hold the machine for two copies, at 5/6: more copies, worse ones.)"
    )
    return probability_verdict(
        answer,
        truth,
        [
            (
                1.0,
                "Fidelity 1 would be a perfect copy of every state, and that is exactly what the no-cloning "
                "theorem forbids. The best machine is good, but not perfect.",
                formula,
            ),
            (
                optimal_clone_fidelity(1, _MANY_COPIES),
                "2/3 is (N + 1)/(N + 2), the formula's limit when the machine makes very many copies "
                f"(M grows without bound); for {m} copies the machine does better. If you read 0.67 off a "
                "panel, that number is a length, how much each copy's Bloch vector shrinks: not a fidelity.",
                formula,
            ),
            (
                0.5,
                "0.5 is what a random guess scores: a copy at the centre of the sphere passes any test half "
                "the time. The best machine does much better than guessing.",
                formula,
            ),
            (
                swapped,
                f"{swapped:g} is the formula with N and M swapped, and a fidelity above 1 is impossible. "
                f"N is the number of originals that go in (1), M the number of copies that come out ({m}).",
                formula,
            ),
            (
                one_more,
                f"{one_more:.3f} = {Fraction(2 * m + 3, 3 * (m + 1))} is for {_WORDS[m + 1]} copies "
                f"(M = {m + 1}). The question asks for {_WORDS[m]}.",
                formula,
            ),
            (
                _fidelity("+", "phase-covariant"),
                f"{_fidelity('+', 'phase-covariant'):.3f} is the phase-covariant copier on the BB84 "
                "states. A universal machine must do equally well on every state of the sphere, and pays "
                "for it.",
                formula,
            ),
        ],
        formula,
        remark=(
            f"That is the fidelity of each of the {m} copies made by the best universal copier "
            f"({machine}), whatever the state: {exact} ≈ {truth:.3f}. No machine does "
            f"better for every state.{panel}"
        ),
    )


# -- 3. How long each universal copy's Bloch vector is -------------------------------------------
COPY_LENGTH_COPIES = (2, 3, 5, 7, 10)
"""Copies ``M`` of the universal machine in exercise ``no_cloning.copy_length``: the lesson's 2, then the
other students'. Each copy's length is r = (M + 2)/(3M). M = 4 is left out (there r = 1/2 is also the
length lost, 1 − r), and M = 6 too (its r = 4/9 is M = 3's length lost, 1 − 5/9)."""


def _copy_length(copies: int = 2) -> float:
    """Length of each universal copy's Bloch vector, for an input of length 1 (the same for every input).

    The two-copy machine is simulated; for ``M`` copies each copy's Bloch vector shrinks to
    ``2F - 1`` with F the Gisin-Massar fidelity, the copy pointing the original's way.
    """
    if copies == 2:
        result = clone(AXIS_STATES["+"].ket, "universal")
        return math.hypot(*result.bloch_vectors[0]) / math.hypot(*result.input_vector)
    return 2 * optimal_clone_fidelity(1, copies) - 1


@exercise(
    id="no_cloning.copy_length",
    lesson=LESSON,
    answer_name="answer_copy_length",
    points=1,
    params=[Parameter("copies", COPY_LENGTH_COPIES, symbol="M")],
)
def check_copy_length(answer: object, copies: int) -> Verdict:
    """One number from 0 to 1: the length of the copy's Bloch vector, e.g. 0.9.

    Exercise (predict, then check on the panel): each copy made by the universal copier that turns
    one qubit into ``M`` copies (M = 2 in the lesson, each student's own on a class hub) points
    the way the original points. Using ``F = (1 + r_original . r_copy) / 2`` with the
    Gisin-Massar fidelity (5/6 for M = 2), predict the length of each copy's Bloch vector (the
    original's has length 1).

    Parameters
    ----------
    answer : float
        The length, within 0.01.
    copies : int
        ``M``, the number of copies of the student's variant.

    Returns
    -------
    Verdict
        Correct (with an invitation to check it on the panel), or the mistake: the fidelity
        (5/6 for M = 2), 1 (a perfect copy), the length lost (1/3 for M = 2), ``2F`` without the
        ``- 1``, 1/sqrt 2 (the phase-covariant copier), 0 (the CNOT on ``|+>``), a percentage, a
        length outside 0 to 1, or the fidelity another length would give.
    """
    m = copies
    truth = _copy_length(m)
    fidelity = optimal_clone_fidelity(1, m)
    f_text = str(Fraction(2 * m + 1, 3 * m))
    r_text = str(Fraction(m + 2, 3 * m))
    lost_text = str(1 - Fraction(m + 2, 3 * m))
    put = f"Put F = {f_text}, the fidelity for M = {m} copies."
    rule = "F = (1 + r)/2 for a copy of length r pointing the original's way, so r = 2F − 1."
    value = read_number(answer, "the length", "0.9")
    if close(value, truth):
        if m == 2:
            share = "at two thirds of its length"
            panel = "the dashed arrow is two thirds of the solid one, whatever state you choose."
        else:
            share = f"at {r_text} of its length"
            panel = (
                "it holds the machine for two copies, whose dashed arrow is two thirds of the solid one: "
                "fewer copies, longer ones."
            )
        return correct(
            f"r = 2F − 1 = 2·({f_text}) − 1 = {r_text} ≈ {truth:.4f}; you gave {value:g}. Each copy points "
            f"where the original points, {share}: a mixed state, inside the sphere. Check it on the "
            f"panel below: {panel}"
        )
    mistakes: Sequence[tuple[float, str, str]] = (
        (
            fidelity,
            f"{f_text} is the fidelity, the probability that a copy passes the test. The length r of the "
            "copy's Bloch vector is another number.",
            f"{rule} {put}",
        ),
        (
            1.0,
            "A Bloch vector of length 1 is a pure state on the sphere: that copy would be perfect, which the "
            "no-cloning theorem forbids.",
            f"{rule} With F = {f_text} the copy cannot reach the sphere.",
        ),
        (
            1 - truth,
            f"{lost_text} is how much of the length is lost. The question asks for the length that is left.",
            rule,
        ),
        (
            2 * fidelity,
            f"{Fraction(2 * (2 * m + 1), 3 * m)} is 2F: you forgot to subtract 1. A Bloch vector is never "
            "longer than 1.",
            rule,
        ),
        (
            1 / math.sqrt(2),
            "0.707 = 1/√2 is how long the phase-covariant copier's copies of the BB84 states are (fidelity "
            "0.854). The universal copier's copies are shorter.",
            f"{rule} {put}",
        ),
        (
            0.0,
            "Length 0 is the centre of the sphere, the fair coin: the CNOT's copies of |+⟩, with fidelity "
            "1/2. The universal copier keeps much more of the direction.",
            f"{rule} {put}",
        ),
    )
    for wrong_value, message, hint in mistakes:
        if close(value, wrong_value):
            return wrong(message, hint)
    if 1 < value <= 100 and close(value / 100, truth):
        return wrong(
            f"{value:g} looks like a percentage. The length of a Bloch vector is a number from 0 to 1.",
            f"Divide by 100: {value:g} % is {value / 100:g}.",
        )
    if not 0 <= value <= 1:
        return wrong(
            f"{value:g} cannot be the length of a Bloch vector: it runs from 0 (the centre of the sphere) to "
            "1 (a pure state on its surface).",
            rule,
        )
    return wrong(
        f"A copy of length {value:g}, pointing the original's way, would have fidelity (1 + {value:g})/2 = "
        f"{(1 + value) / 2:.3f}, not {f_text} ≈ {fidelity:.3f}.",
        rule,
    )


# -- 4. Measuring is copying: the measure-and-prepare copier --------------------------------------
@exercise(
    id="no_cloning.measure_prepare_fidelity",
    lesson=LESSON,
    answer_name="answer_measure_prepare_fidelity",
    points=1,
)
def check_measure_prepare_fidelity(answer: object) -> Verdict:
    """One number from 0 to 1: the average fidelity of each copy, e.g. 0.9.

    Exercise: a copier measures the qubit and prepares as many qubits as it likes in the state
    of the outcome. Averaged over all the states of the sphere, what is the fidelity of each
    copy?

    Parameters
    ----------
    answer : float
        The fidelity, within 0.01.

    Returns
    -------
    Verdict
        Correct, or the mistake: 5/6 (two copies only), 1/2 (the worst state), 1 (the best
        state), 3/4 (an average over a circle, or two originals), 1/3 (the average of
        ``cos^2`` alone), 7/9 (three copies), a percentage.
    """
    truth = optimal_clone_fidelity(1, _MANY_COPIES)
    routes = (
        "Either average F = (1 + cos²θ)/2 over all directions, where cos²θ averages to 1/3, or let the "
        "number of copies M grow without bound in the Gisin-Massar formula, with N = 1."
    )
    return probability_verdict(
        answer,
        truth,
        [
            (
                optimal_clone_fidelity(1, 2),
                "5/6 is the best for two copies. The measuring copier makes as many copies as it likes, and "
                "many copies cost fidelity: it cannot beat the best machine for very many copies.",
                routes,
            ),
            (
                0.5,
                "1/2 is the worst case: a state on the equator of the measured axis (θ = π/2), for which the "
                "outcome is a coin toss. States nearer the axis do better, so the average is higher.",
                routes,
            ),
            (
                1.0,
                "1 is the best case: a state on the measured axis (θ = 0 or π) is found for sure. For every "
                "other state the outcome is sometimes wrong, so the average is lower.",
                routes,
            ),
            (
                0.75,
                "0.75 = (1 + 1/2)/2 takes the average of cos²θ as 1/2, its average around a circle. Over the "
                "whole sphere it is 1/3: the squares of x, y and z add up to 1 and each averages the same. "
                "(3/4 is also (N + 1)/(N + 2) for N = 2 originals; here there is one.)",
                routes,
            ),
            (
                1 / 3,
                "1/3 is the average of cos²θ alone. The fidelity is (1 + cos²θ)/2: put the average in.",
                routes,
            ),
            (
                optimal_clone_fidelity(1, 3),
                f"{optimal_clone_fidelity(1, 3):.3f} = 7/9 is the best for three copies. The measuring "
                "copier makes as many as it likes.",
                routes,
            ),
        ],
        routes,
        remark=(
            "That is 2/3, the limit (N + 1)/(N + 2) of the Gisin-Massar formula for N = 1 when the number of "
            "copies grows without bound: measuring is the best way to make very many copies, and a poor way "
            "to make two (5/6 is possible). The next cell shows the best fidelity falling towards 2/3."
        ),
    )


# -- 5. Why a qubit cannot be amplified -------------------------------------------------------------
AMPLIFIER_CHOICES: Mapping[str, str] = MappingProxyType(
    {
        "a": "A qubit is too weak a signal: an amplifier needs many photons to work on.",
        "b": "Amplifying a signal means making more copies of it. No device copies an unknown qubit "
        "perfectly, and the best copies are noisy, so every amplifier would add errors.",
        "c": "An amplifier would have to measure the qubit first, and measuring disturbs it; a device that "
        "copies without measuring would work.",
        "d": "Amplifying works for the four BB84 states |0⟩, |1⟩, |+⟩ and |−⟩, because they are known in "
        "advance; only other states cannot be amplified.",
    }
)
"""The statements of exercise ``no_cloning.no_amplifier``, by letter, as the lesson prints them."""
AMPLIFIER_RIGHT_CHOICE = "b"
"""The letter of the right statement in :data:`AMPLIFIER_CHOICES`."""

_CHOICE_FEEDBACK = {
    "a": "(a) is not the reason. Weakness is not the problem: the no-cloning theorem forbids a perfect "
    "copier however strong the signal, and even a machine that works photon by photon, as an optical "
    "amplifier does, makes noisy copies of an unknown qubit (fidelity at most 5/6 for two).",
    "c": "(c) is half right: measuring and re-preparing is a copier, and a poor one (fidelity 2/3 on "
    "average). But the theorem rules out every device, measuring or not: the universal copier measures "
    "nothing, and its copies still reach only 5/6. Linearity alone forbids a perfect copier.",
    "d": "(d) is not right. Knowing the four possible states helps, but not enough: the phase-covariant "
    "copier, the best one for exactly those states, reaches 0.854, not 1. Only states that are all "
    "orthogonal to one another (such as |0⟩ and |1⟩ alone) can be copied perfectly, and |0⟩ and |+⟩ are not.",
}
_CHOICE_HINT = "What does an amplifier do to a signal, and what does the no-cloning theorem say about that?"


@exercise(id="no_cloning.no_amplifier", lesson=LESSON, answer_name="answer_no_amplifier", points=1)
def check_no_amplifier(answer: object) -> Verdict:
    """The letter of one statement as text, e.g. 'a'.

    Exercise: ordinary fibre links boost their fading light with amplifiers. Which statement
    (:data:`AMPLIFIER_CHOICES`) says why a quantum link cannot boost its qubits the same way?

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
    letter = read_choice(answer, tuple(AMPLIFIER_CHOICES))
    if letter == AMPLIFIER_RIGHT_CHOICE:
        return correct(
            f"({letter}) is right: amplifying is copying. No device copies an unknown qubit perfectly; the "
            "best copies carry noise (fidelity 5/6 for two, falling towards 2/3 for many), and a chain of "
            "amplifiers would pile the noise up. A quantum network has to beat loss another way: with "
            "entanglement, memories and repeaters, which move qubits without ever copying them."
        )
    return wrong(_CHOICE_FEEDBACK[letter], _CHOICE_HINT)
