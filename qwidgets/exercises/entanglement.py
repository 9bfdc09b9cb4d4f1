"""Exercises of lesson 07 (entanglement): Bell pairs, their correlations, the CHSH game, no signalling.

Every check computes its truth with :mod:`qwidgets.physics`: the joint outcome probabilities of
a Bell pair measured at two angles (:func:`~qwidgets.physics.outcome_probabilities`,
:func:`~qwidgets.physics.bell_state`), the 16 deterministic local strategies of the CHSH game
(:func:`~qwidgets.physics.local_strategies`) against the quantum winning probability
(:func:`~qwidgets.physics.chsh_win_probability`), and the CHSH value and the entanglement of
Werner pairs (:func:`~qwidgets.physics.werner_state`, :func:`~qwidgets.physics.chsh_value`,
:func:`~qwidgets.physics.max_chsh_value`, :func:`~qwidgets.physics.concurrence`).

Each check names the typical mistakes of its exercise: the correlation ``E = cos(a - b)`` or
an amplitude ``cos((a - b)/2)`` taken for a probability, the whole angle on the sphere where
the Born rule takes half of it, degrees fed to a cosine of radians, the probability of
*different* bits; Bob's share of 0s taken among the pairs where Alice got 0 (or 1), or the
share where both got 0; a coin toss, a perfect score, the quantum 85 % or the bound 2 given for
the best classical winning probability; the fidelity taken as the weight of the perfect pair,
the shrink factor alone, or the winning probability, for the CHSH value of a Werner pair; the
threshold of entanglement (1/2), the shrink factor 1/sqrt(2) or the noise level given for the
fidelity that violates CHSH; and, in the multiple choice, imperfect correlations, a collapse
travelling at the speed of light or a single bit per pair taken for what stops a message.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from types import MappingProxyType

from qwidgets.exercises.core import Verdict, correct, exercise, wrong
from qwidgets.exercises.readers import read_choice, read_number, read_probability
from qwidgets.exercises.variants import Parameter, format_value
from qwidgets.exercises.verdicts import close, probability_verdict, share_verdict
from qwidgets.physics import (
    CHSH_ANGLES,
    CLASSICAL_CHSH_BOUND,
    TSIRELSON_BOUND,
    bell_state,
    chsh_value,
    chsh_win_probability,
    concurrence,
    correlation,
    local_strategies,
    max_chsh_value,
    outcome_probabilities,
    werner_state,
)

__all__ = [
    "CHSH_WERNER_FIDELITIES",
    "CHSH_WERNER_FIDELITY",
    "NO_MESSAGE_CHOICES",
    "NO_MESSAGE_RIGHT_CHOICE",
    "PAIR_ANGLES",
    "SAME_BIT_BOB_ANGLES",
    "check_bob_without_news",
    "check_chsh_classical_win",
    "check_chsh_violation_fidelity",
    "check_chsh_werner_value",
    "check_no_signalling",
    "check_same_bit_probability",
]

LESSON = "07_entanglement"

_S_TOLERANCE = 0.02  # a CHSH value typed by hand (mistakes are matched within 0.01: 0.8 and 0.783 differ)

PAIR_ANGLES: tuple[float, float] = (0.0, math.pi / 4)
"""Alice's and Bob's measurement angles (rad, x-z plane of the Bloch sphere) in exercises 1 and 2.

The defaults of :class:`~qwidgets.BellPairPanel`, so that the panel checks both predictions.
"""
SAME_BIT_BOB_ANGLES: tuple[float, ...] = (
    PAIR_ANGLES[1],
    math.pi / 10,
    3 * math.pi / 10,
    3 * math.pi / 8,
    2 * math.pi / 5,
)
"""Bob's angle in exercise 1: the lesson's pi/4, then the other students' (Alice stays at 0).

All between 0 and pi/2. Chosen so that no named mistake of one angle (the correlation, the
amplitude, the whole angle, different bits, degrees) comes within 0.01 of the answer of another
(pi/6 and pi/8 do: cos(pi/8) = 0.924, cos²(pi/12) = 0.933), nor two mistakes of one angle of each
other (pi/3: cos²(pi/3) = sin²(pi/6)), nor a mistake of pi/2 of its answer.
"""


def _phi_plus_table(
    alice: float = PAIR_ANGLES[0], bob: float = PAIR_ANGLES[1]
) -> tuple[tuple[float, float], tuple[float, float]]:
    """``P[x][y]`` of Alice's bit ``x`` and Bob's ``y`` for ``Phi+`` measured at ``alice``, ``bob``."""
    table = outcome_probabilities(bell_state("phi+"), alice, bob)
    return (float(table[0, 0]), float(table[0, 1])), (float(table[1, 0]), float(table[1, 1]))


# -- 1. Predict, then check: how often do the bits agree? --------------------------------------------
@exercise(
    id="entanglement.same_bit_probability",
    lesson=LESSON,
    answer_name="answer_same_bit_probability",
    points=1,
    params=[Parameter("bob_angle", SAME_BIT_BOB_ANGLES, symbol="b")],
)
def check_same_bit_probability(answer: object, bob_angle: float) -> Verdict:
    """One number from 0 to 1: the probability that Alice's and Bob's bits are equal, e.g. 0.6.

    Exercise (predict, then check on the panel): Alice and Bob share the Bell pair ``Phi+``.
    Alice measures her qubit at angle 0 (along z), Bob his at angle b (pi/4 in the lesson, each
    student's own on a class hub: :data:`SAME_BIT_BOB_ANGLES`). What is the probability that they
    get the same bit?

    Parameters
    ----------
    answer : float
        The probability, within 0.01.
    bob_angle : float
        Bob's measurement angle b of the student's variant (rad).

    Returns
    -------
    Verdict
        Correct (with an invitation to check it on the panel), or the mistake: the correlation
        ``E = cos(b)``, the amplitude ``cos(b/2)``, the whole angle ``cos^2(b)``, the
        probability of different bits, degrees in a cosine of radians, 1 (equal angles only),
        a percentage.
    """
    alice, bob = PAIR_ANGLES[0], bob_angle
    (p00, p01), (p10, p11) = _phi_plus_table(alice, bob)
    truth = p00 + p11
    gap = bob - alice
    shown, half = format_value(gap), format_value(gap / 2)
    coins = " (0.5 is also what two independent coins would give; the pair does better.)"
    rule = (
        "For Φ+ the two bits agree with probability cos²(Δ/2), where Δ is the angle between the two "
        "measurement directions on the Bloch sphere: the Born rule of lesson 01, with half the angle."
    )
    return probability_verdict(
        answer,
        truth,
        [
            (
                correlation(bell_state("phi+"), alice, bob),
                f"{math.cos(gap):.3f} = cos({shown}) is the correlation E(a, b): the average of the product "
                "of the two outcomes written as +1 and −1. The probability of equal bits is (1 + E)/2.",
                rule,
            ),
            (
                math.sqrt(truth),
                f"{math.sqrt(truth):.3f} = cos({half}) is an amplitude. A probability is its square "
                "(Born rule).",
                "Square it.",
            ),
            (
                math.cos(gap) ** 2,
                f"{math.cos(gap) ** 2:.3f} = cos²({shown}) uses the whole angle between the two directions. "
                "The Born rule takes half of it: opposite points of the sphere (Δ = π) are the two outcomes "
                "of one measurement." + (coins if close(math.cos(gap) ** 2, 0.5) else ""),
                rule,
            ),
            (
                p01 + p10,
                f"{p01 + p10:.3f} = sin²({half}) is the probability that the bits differ. The question asks "
                "how often they agree.",
                "Agreeing and differing add up to 1.",
            ),
            (
                math.cos(math.degrees(gap) / 2) ** 2,
                f"{math.cos(math.degrees(gap) / 2) ** 2:.3f} = cos²({math.degrees(gap) / 2:g}) puts "
                f"{math.degrees(gap) / 2:g}, an angle in degrees, into a cosine that takes radians (math.cos "
                "does).",
                f"Keep the angles in radians: Δ/2 = {half}, and math.cos(Δ / 2) ** 2.",
            ),
            (
                1.0,
                "The bits always agree only when Alice and Bob measure along the same direction (Δ = 0); "
                f"here their directions are {shown} apart. (If a calculator gave you a number just below 1, "
                "it is set to degrees.)",
                rule,
            ),
        ],
        rule,
        remark=(
            f"cos²({half}) ≈ {truth:.3f}: the bits agree in {truth:.0%} of the pairs, although each bit "
            f"alone is a coin toss. Check it on the panel below, with Bob's angle b = {shown}: it shows the "
            "four joint probabilities."
        ),
    )


# -- 2. Predict, then check: Bob's bits while Alice says nothing ----------------------------------------
@exercise(id="entanglement.bob_without_news", lesson=LESSON, answer_name="answer_bob_without_news", points=1)
def check_bob_without_news(answer: object) -> Verdict:
    """One number from 0 to 1: the share of Bob's bits that are 0, e.g. 0.6.

    Exercise (predict, then check on the panel): Alice and Bob share many ``Phi+`` pairs.
    Alice measures each of her qubits at angle 0 and writes her bits down; she tells Bob
    nothing. Bob measures each of his at angle pi/4 (:data:`PAIR_ANGLES`). What share of
    Bob's bits are 0?

    Parameters
    ----------
    answer : float
        The share, within 0.01.

    Returns
    -------
    Verdict
        Correct, or the mistake: the share among the pairs where Alice got 0 (0.854), or 1
        (0.146), the share of pairs where both got 0, the correlation, an amplitude, 0 or 1
        (Bob's qubit taken as known), a percentage.
    """
    (p00, p01), (p10, p11) = _phi_plus_table()
    truth = p00 + p10
    alice_zero = p00 + p01
    average = (
        "Bob does not know Alice's bits, so count over all the pairs: those where Alice got 0 and those "
        "where she got 1, each about half of them."
    )
    value = read_probability(answer)
    return share_verdict(
        value,
        truth,
        [
            (
                p00 / alice_zero,
                f"{p00 / alice_zero:.3f} is the share of 0s among the pairs where Alice got 0. Alice gets 1 "
                "just as often, and in those pairs Bob gets mostly 1.",
                average,
            ),
            (
                p10 / (1 - alice_zero),
                f"{p10 / (1 - alice_zero):.3f} is the share of 0s among the pairs where Alice got 1. Alice "
                "gets 0 just as often, and in those pairs Bob gets mostly 0.",
                average,
            ),
            (
                p00,
                f"{p00:.3f} is the share of pairs where both got 0. Bob also gets 0 in some of the pairs "
                f"where Alice got 1: add those {p10:.3f}.",
                average,
            ),
            (
                math.cos(PAIR_ANGLES[1] - PAIR_ANGLES[0]),
                f"{math.cos(PAIR_ANGLES[1] - PAIR_ANGLES[0]):.3f} = cos(π/4) is the correlation of the two "
                "bits, not the share of Bob's 0s.",
                average,
            ),
            (
                math.sqrt(p00 / alice_zero),
                f"{math.sqrt(p00 / alice_zero):.3f} = cos(π/8) is an amplitude, and a conditional one: it "
                "assumes Alice got 0.",
                average,
            ),
            (
                0.0,
                "Bob's qubit is not in a state he knows: each of Alice's measurements leaves it in |0⟩ or "
                "|1⟩ along her axis, at random, and nobody tells Bob which.",
                average,
            ),
            (
                1.0,
                "Bob's qubit is not in a state he knows: each of Alice's measurements leaves it in |0⟩ or "
                "|1⟩ along her axis, at random, and nobody tells Bob which.",
                average,
            ),
        ],
        average,
        what="the share of Bob's bits that are 0",
        remark=(
            "Half, exactly as if Alice had done nothing: Bob's qubit alone is a fair coin, at every angle, "
            "whatever Alice does. Check it on the panel: press Measure Alice and compare Bob's P(0) with "
            "and without her measurement."
        ),
    )


# -- 3. Predict: the best classical strategy of the CHSH game ----------------------------------------------
@exercise(
    id="entanglement.chsh_classical_win", lesson=LESSON, answer_name="answer_chsh_classical_win", points=1
)
def check_chsh_classical_win(answer: object) -> Verdict:
    """One number from 0 to 1: the best probability of winning without entanglement, e.g. 0.6.

    Exercise (predict, then check with the library): in the CHSH game a referee sends Alice and
    Bob one random bit each, x and y; without talking, they answer one bit each, a and b, and
    win when a XOR b = x AND y. With any plan agreed in advance (shared random bits allowed),
    but no entanglement, what is the highest probability of winning?

    Parameters
    ----------
    answer : float
        The probability, within 0.01.

    Returns
    -------
    Verdict
        Correct, or the mistake: 1/2 (guessing), 1 (a perfect plan), 0.854 (the entangled
        pair's), 2 (the CHSH bound), 1/4 (the share lost), a percentage.
    """
    strategies = local_strategies()
    truth = max(strategy.win_probability for strategy in strategies)
    quantum = chsh_win_probability(TSIRELSON_BOUND)
    simplest = (
        "Try the simplest plan: both always answer 0. Which of the four question pairs (x, y) does it win? "
        "Then ask whether any plan can win all four."
    )
    impossible = (
        "Write Alice's answers a0, a1 and Bob's b0, b1. Winning all four needs a0⊕b0 = 0, a0⊕b1 = 0, "
        "a1⊕b0 = 0 and a1⊕b1 = 1. XOR the four together: every answer appears twice, so the left side is 0, "
        "the right side 1."
    )
    return probability_verdict(
        answer,
        truth,
        [
            (
                0.5,
                "0.5 is what random answers win. A plan does better: if both always answer 0, they win "
                "whenever x AND y = 0.",
                simplest,
            ),
            (
                1.0,
                "No plan wins every time: whatever answers Alice and Bob agree on, at least one of the four "
                "question pairs is lost.",
                impossible,
            ),
            (
                quantum,
                f"{quantum:.3f} = cos²(π/8) is what an entangled pair wins, measured at the right angles. "
                "The question is the best without entanglement.",
                simplest,
            ),
            (
                CLASSICAL_CHSH_BOUND,
                "2 is the CHSH bound on S, a sum of four correlations. The winning probability is 1/2 + S/8.",
                simplest,
            ),
            (
                1 - truth,
                f"{1 - truth:g} is the share of rounds the best plan loses: one question pair in four.",
                simplest,
            ),
        ],
        simplest,
        remark=(
            "Both always answering 0 wins 3 of the 4 question pairs, and no plan wins all four, shared "
            "randomness or not (it only mixes plans). The library tries all 16 plans in the next cell."
        ),
    )


# -- 4. Predict, then check: the CHSH value of a noisy pair --------------------------------------------------
CHSH_WERNER_FIDELITY = 0.85
"""Fidelity ``F = <Phi+|rho|Phi+>`` of the Werner pair of exercise ``entanglement.chsh_werner_value``.

A Werner pair of fidelity F is ``(1 - p) Phi+ + p I/4`` with noise ``p = 4(1 - F)/3``: 0.2 here,
the noise of :class:`~qwidgets.CHSHPanel` that shows it.
"""
CHSH_WERNER_FIDELITIES: tuple[float, ...] = (CHSH_WERNER_FIDELITY, 0.79, 0.82, 0.88, 0.94)
"""F in exercise 4: the lesson's 0.85, then the other students'.

Each is 1 - 3p/4 for a noise p on the panel's 0.01 grid (0.28, 0.24, 0.16, 0.08), and each still
beats the classical bound 2 by more than the tolerance (F = 0.79: S = 2.036). Left out: 0.91, whose
S = 2 sqrt(2) x 0.88 is the mistake 2 sqrt(2) F of F = 0.88, and 0.97, whose F is within 0.01 of
its shrink factor 0.96.
"""


@exercise(
    id="entanglement.chsh_werner_value",
    lesson=LESSON,
    answer_name="answer_chsh_werner_value",
    points=2,
    params=[Parameter("fidelity", CHSH_WERNER_FIDELITIES, symbol="F")],
)
def check_chsh_werner_value(answer: object, fidelity: float) -> Verdict:
    """One number: the CHSH value S, e.g. 2.5.

    Exercise (predict, then check on the panel): Alice and Bob share a Werner pair of fidelity
    F (0.85 in the lesson, :data:`CHSH_WERNER_FIDELITY`; each student's own on a class hub) and
    measure at the CHSH angles (a, a', b, b') = (0, pi/2, pi/4, -pi/4). What is S?

    Parameters
    ----------
    answer : float
        S, within 0.02.
    fidelity : float
        The pair's fidelity F in the student's variant.

    Returns
    -------
    Verdict
        Correct, or the mistake: 2 sqrt(2) F (the fidelity taken as the weight of the perfect
        pair), the perfect pair's 2 sqrt(2), the shrink factor alone, the winning probability,
        the fidelity, the classical bound 2, the wrong sign, a value beyond Tsirelson's bound.
    """
    f = fidelity
    truth = chsh_value(werner_state(f), *CHSH_ANGLES)
    perfect = chsh_value(bell_state("phi+"), *CHSH_ANGLES)
    shrink = truth / perfect
    noise = 4 * (1 - f) / 3
    mix = (
        f"The Werner pair is the perfect pair with weight 1 − p and pure noise I/4 with weight "
        f"p = 4(1 − F)/3 = {noise:.2f}: the noise overlaps Φ+ too, by 1/4. Noise gives every correlation "
        "0, so S shrinks from 2√2 by the factor 1 − p."
    )
    value = read_number(answer, "S", "2.5")
    if close(value, truth, _S_TOLERANCE):
        return correct(
            f"S = 2√2 (4F − 1)/3 = 2√2 × {shrink:.2f} = {truth:.3f}; you gave {value:g}. Still above the "
            "classical bound 2: no local hidden variables explain these correlations. Check it on the panel "
            f"below, with noise {noise:.2f}."
        )
    mistakes = [
        (
            perfect * f,
            f"{perfect * f:.3f} = 2√2 × {f:g} takes F as the weight of the perfect pair. But the other "
            f"{1 - f:.2f} is not pure noise: a Werner pair is the perfect pair with weight {1 - noise:.2f} "
            f"and noise I/4 with weight {noise:.2f}, and the noise itself overlaps Φ+ by 1/4. (Put another "
            f"way: the other {1 - f:.2f} sits in the three other Bell states, whose correlations work "
            "against those of Φ+.)",
        ),
        (
            perfect,
            f"{perfect:.3f} = 2√2 is the perfect pair's S. With F = {f:g} every correlation shrinks.",
        ),
        (
            shrink,
            f"{shrink:.2f} is the factor by which every correlation shrinks. S adds four correlations: "
            f"2√2 × {shrink:.2f}.",
        ),
        (
            chsh_win_probability(truth),
            f"{chsh_win_probability(truth):.3f} = 1/2 + S/8 is the winning probability of the CHSH game. "
            "The question asks for S itself.",
        ),
        (f, f"{f:g} is the fidelity of the pair. The question asks for S, a sum of four correlations."),
        (
            CLASSICAL_CHSH_BOUND,
            "2 is the classical bound. A Werner pair this good still beats it.",
        ),
        (-truth, f"{-truth:.3f} has the wrong sign: at these angles S is positive."),
    ]
    for wrong_value, message in mistakes:
        if close(value, wrong_value):
            return wrong(message, mix)
    if abs(value) > TSIRELSON_BOUND + _S_TOLERANCE:
        return wrong(
            f"No quantum state gives |S| above 2√2 ≈ {TSIRELSON_BOUND:.3f} (Tsirelson's bound); {value:g} is "
            "beyond it.",
            mix,
        )
    return wrong(f"{value:g} is not S for this pair.", mix)


# -- 5. Predict, then check: how good must a pair be to beat the bound? -------------------------------------
def _werner_crossing(quantity: Callable[[object], float], level: float, low: float, high: float) -> float:
    """The fidelity F at which ``quantity(werner_state(F))`` reaches ``level``.

    ``quantity`` must be linear in F from ``low`` to ``high`` (the CHSH value and the concurrence
    of a Werner pair are: Werner, PRA 40, 4277, 1989; Horodecki et al., PLA 200, 340, 1995).
    """
    at_low, at_high = quantity(werner_state(low)), quantity(werner_state(high))
    return low + (level - at_low) * (high - low) / (at_high - at_low)


@exercise(
    id="entanglement.chsh_violation_fidelity",
    lesson=LESSON,
    answer_name="answer_chsh_violation_fidelity",
    points=2,
)
def check_chsh_violation_fidelity(answer: object) -> Verdict:
    """One number from 0 to 1: the fidelity F, e.g. 0.9.

    Exercise (predict, then check on the panel): above which fidelity F does a Werner pair
    violate the CHSH bound S <= 2, at the best angles?

    Parameters
    ----------
    answer : float
        The fidelity, within 0.01.

    Returns
    -------
    Verdict
        Correct, or the mistake: 1/2 (the pair is entangled, which is not enough), 1/sqrt(2)
        (the shrink factor, not the fidelity), 0.75 (the classical winning probability), the
        noise level, 1/4 (the maximally mixed state), 1 (only a perfect pair), a percentage.
    """
    truth = _werner_crossing(max_chsh_value, CLASSICAL_CHSH_BOUND, 0.25, 1.0)
    entangled = _werner_crossing(concurrence, 0.0, 0.75, 1.0)
    shrink = CLASSICAL_CHSH_BOUND / TSIRELSON_BOUND
    noise = 4 * (1 - truth) / 3
    solve = "At the best angles S = 2√2 (4F − 1)/3 (the shrink factor times 2√2): solve S = 2 for F."
    value = read_probability(answer)
    return share_verdict(
        value,
        truth,
        [
            (
                entangled,
                f"Above F = {entangled:g} a Werner pair is entangled. But between {entangled:g} and the "
                "answer it is entangled and still gives S ≤ 2 at every angle: no CHSH test can tell it from "
                "local hidden variables.",
                solve,
            ),
            (
                shrink,
                f"{shrink:.3f} = 1/√2 = 2/(2√2) is how far the correlations may shrink: (4F − 1)/3 must "
                "exceed it. That is not F itself.",
                solve,
            ),
            (
                chsh_win_probability(CLASSICAL_CHSH_BOUND),
                "0.75 is the best classical winning probability of the CHSH game, not a fidelity.",
                solve,
            ),
            (
                noise,
                f"{noise:.3f} = 1 − 1/√2 is the most noise p the pair can take (the panel's noise), not its "
                "fidelity.",
                "F = 1 − 3p/4.",
            ),
            (
                0.25,
                "F = 1/4 is the maximally mixed state, I/4: all four Bell states equally, no correlation at "
                "all.",
                solve,
            ),
            (
                1.0,
                "A pair need not be perfect: S falls gradually with the noise, from 2√2, and stays above 2 "
                "for a while.",
                solve,
            ),
        ],
        solve,
        what="the fidelity",
        remark=(
            f"F = (1 + 3/√2)/4 ≈ {truth:.3f}, noise p = 1 − 1/√2 ≈ {noise:.3f}. Between F = {entangled:g} "
            f"and {truth:.3f} a Werner pair is entangled, yet gives S ≤ 2. Check it on the panel."
        ),
    )


# -- 6. Why the pair sends no message ----------------------------------------------------------------------
NO_MESSAGE_CHOICES: Mapping[str, str] = MappingProxyType(
    {
        "a": "The correlations are not perfect: the bits agree at most 85 % of the time, too seldom to carry "
        "a message.",
        "b": "Whatever Alice does, and whenever she does it, Bob's own bits stay a fair coin: the "
        "correlation shows only when the two lists of bits are compared, and that takes an ordinary message.",
        "c": "The collapse of Bob's qubit travels from Alice to Bob at the speed of light, so it arrives no "
        "sooner than a phone call would.",
        "d": "Measuring ends the entanglement, so each pair can carry only one bit, and a single bit is not "
        "enough for a message.",
    }
)
"""The statements of exercise ``entanglement.no_signalling``, by letter, as the lesson prints them."""
NO_MESSAGE_RIGHT_CHOICE = "b"
"""The letter of the right statement in :data:`NO_MESSAGE_CHOICES`."""

_NO_MESSAGE_FEEDBACK = {
    "a": "(a) is not the reason. Measured along the same direction, Φ+ gives equal bits every time, "
    "perfectly correlated, and still carries no message: Bob's bits alone look like coin tosses whatever "
    "Alice does.",
    "c": "(c) pictures a signal that no experiment has seen. In Bell tests the two measurements are too far "
    "apart, and too quick, for light to connect them, and the correlations are there all the same. What "
    "stops a message is what Bob can see on his side.",
    "d": "(d) would already be a signal: one bit per pair, sent faster than light, would make a message from "
    "enough pairs. But Alice cannot send even one: Bob's share of 0s is 1/2 whatever angle she chooses, "
    "and whether she measures at all.",
}
_NO_MESSAGE_HINT = "What can Bob see on his side alone, and does any choice of Alice change it?"


@exercise(id="entanglement.no_signalling", lesson=LESSON, answer_name="answer_no_signalling", points=1)
def check_no_signalling(answer: object) -> Verdict:
    """The letter of one statement as text, e.g. 'a'.

    Exercise: Alice and Bob share many entangled pairs, far apart. Which statement
    (:data:`NO_MESSAGE_CHOICES`) says why Alice cannot send Bob a message through them?

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
    letter = read_choice(answer, tuple(NO_MESSAGE_CHOICES))
    if letter == NO_MESSAGE_RIGHT_CHOICE:
        return correct(
            f"({letter}) is right: no signalling. Bob's qubit alone is the same fair coin, I/2, whatever "
            "Alice measures and whenever. The correlations are real, but only comparing the two lists, over "
            "an ordinary channel, reveals them. That is why entanglement can make a key, and cannot replace "
            "the channel."
        )
    return wrong(_NO_MESSAGE_FEEDBACK[letter], _NO_MESSAGE_HINT)
