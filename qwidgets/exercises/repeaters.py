"""Exercises of lesson 10 (repeaters): memories, swapping, purification and chains of them.

Every check computes its truth with :mod:`qwidgets.physics`: the time a message takes through
fibre (:data:`~qwidgets.physics.SPEED_IN_FIBRE_KM_PER_S`), a stored pair's fidelity under pure
dephasing (:func:`~qwidgets.physics.stored_pair_fidelity`), entanglement swapping of two Werner
pairs (:func:`~qwidgets.physics.swap_fidelity`, Żukowski et al., PRL 71, 4287, 1993),
recurrence purification (:func:`~qwidgets.physics.purify`: Bennett et al., PRL 76, 722, 1996;
Deutsch et al., PRL 77, 2818, 1996) and the levels of a nested chain
(:func:`~qwidgets.physics.nested_swap_levels`, Briegel, Dür, Cirac & Zoller, PRL 81, 5932, 1998).

Each check names the typical mistakes of its exercise: light's speed in vacuum, a round trip,
milliseconds or kilometres per metre for the memory's time; the coherence e^-1, a fully dephased
1/2, both qubits dephasing, or 1 - 1/e for a stored pair's fidelity; F², F, errors that add or
that always cancel for a swap; F², F, two errors needed, errors taken for bit flips only, or the
success probability for a purified pair, and the mirror mistakes for that probability; the
swaps, segments, nodes or first-level swaps for the levels of a nested chain; and in the
multiple choice, a repeater that reads and resends, amplifies, or only lacks better hardware.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType

from scipy import constants

from qwidgets.exercises.core import Verdict, correct, exercise, wrong
from qwidgets.exercises.readers import read_choice, read_number
from qwidgets.exercises.variants import Parameter, format_value
from qwidgets.exercises.verdicts import close, near, share_verdict
from qwidgets.physics import (
    SPEED_IN_FIBRE_KM_PER_S,
    nested_swap_levels,
    purify,
    stored_pair_fidelity,
    swap_fidelity,
)

__all__ = [
    "REPEATER_AMPLIFIER_CHOICES",
    "REPEATER_AMPLIFIER_RIGHT_CHOICE",
    "REPEATER_MEMORY_WAITS",
    "REPEATER_MESSAGE_KM",
    "REPEATER_MESSAGE_KMS",
    "REPEATER_PURIFY_FIDELITIES",
    "REPEATER_PURIFY_FIDELITY",
    "REPEATER_SEGMENTS",
    "REPEATER_SEGMENTS_OPTIONS",
    "REPEATER_SWAP_FIDELITIES",
    "REPEATER_SWAP_FIDELITY",
    "check_repeater_memory_fidelity",
    "check_repeater_memory_time",
    "check_repeater_not_amplifier",
    "check_repeater_purify_fidelity",
    "check_repeater_purify_success",
    "check_repeater_swap_fidelity",
    "check_repeater_swap_levels",
]

LESSON = "10_repeaters"

_SPEED_IN_VACUUM_KM_PER_S = constants.c / 1000
_CLOSE_MISTAKE = 2e-3  # how near a mistake that lies within 0.01 of the truth must be to be named


# -- 1. How long must a memory hold? --------------------------------------------------------------
REPEATER_MESSAGE_KM = 1000.0
"""Length (km) of fibre the classical message crosses in exercise ``repeaters.repeater_memory_time``."""
REPEATER_MESSAGE_KMS = (REPEATER_MESSAGE_KM, 350.0, 400.0, 1200.0, 2800.0, 3200.0)
"""The lesson's length, then the other students': no two in the ratio of a named mistake (2/3, 2)."""


@exercise(
    id="repeaters.repeater_memory_time",
    lesson=LESSON,
    answer_name="answer_repeater_memory_time",
    params=[Parameter("length_km", REPEATER_MESSAGE_KMS, symbol="L", unit="km")],
)
def check_repeater_memory_time(answer: object, length_km: float) -> Verdict:
    """One number: a time in seconds, e.g. 0.002.

    Exercise: a node of a repeater has swapped two pairs, and the end node L km away (1,000 km in
    the lesson, each student's own on a class hub) must learn the outcome before it can use its
    qubit. At least how long must that qubit wait in its memory while the message crosses L km of
    fibre?

    Parameters
    ----------
    answer : float
        Seconds, within 10 %.
    length_km : float
        The student's length of fibre, km.

    Returns
    -------
    Verdict
        Correct, or the mistake: the speed of light in vacuum, a round trip, milliseconds or
        microseconds for seconds, kilometres divided by metres per second; zero or a negative time.
    """
    length = length_km
    truth = length / SPEED_IN_FIBRE_KM_PER_S
    vacuum = length / _SPEED_IN_VACUUM_KM_PER_S
    recipe = (
        f"Light in glass travels at about {SPEED_IN_FIBRE_KM_PER_S:,.0f} km/s, two thirds of its speed in "
        f"vacuum: divide {length:,.0f} km by it."
    )
    value = read_number(answer, "the time", "0.002")
    if near(value, truth):
        return correct(
            f"{length:,.0f} km / {SPEED_IN_FIBRE_KM_PER_S:,.0f} km/s = {truth * 1e3:g} ms; you gave "
            f"{value:g} s. "
            "For all that time the end node holds its qubit without knowing which Bell state it shares: "
            "the memory must keep it longer than the message needs, or the pair fades before it is usable."
        )
    mistakes = [
        (
            vacuum,
            f"{vacuum * 1e3:.2f} ms is the time at the speed of light in vacuum. In fibre light is "
            "slowed by the "
            "glass (refractive index about 1.5): two thirds of that speed.",
        ),
        (
            2 * truth,
            f"{2 * truth * 1e3:g} ms is a round trip. The swap's outcome only has to reach the end "
            "node, one way; "
            "nothing has to come back before the pair can be used.",
        ),
        (truth * 1e3, f"{value:g} looks like milliseconds. The answer is asked in seconds."),
        (
            vacuum * 1e3,
            f"{value:g} looks like milliseconds, at the speed of light in vacuum. Answer in seconds.",
        ),
        (truth * 1e6, f"{value:g} looks like microseconds. The answer is asked in seconds."),
        (
            truth / 1e3,
            f"{value:g} s divides kilometres by metres per second: "
            f"{length:,.0f} km is {length * 1e3:,.0f} m.",
        ),
    ]
    for wrong_value, message in mistakes:
        if near(value, wrong_value, 0.02):  # vacuum and fibre lie 33 % apart
            return wrong(message, recipe)
    if value <= 0:
        return wrong(f"{value:g} s cannot be the time: a message takes some time to cross any fibre.", recipe)
    return wrong(f"{value:g} s is not the time the message needs.", recipe)


# -- 2. A pair in memory --------------------------------------------------------------------------
REPEATER_MEMORY_WAITS = (1.0, 0.4, 0.7, 1.5, 2.5)
"""The waits t/T2 of exercise ``repeaters.repeater_memory_fidelity``: the lesson's t = T2, then the others'.

Chosen (like the other options below) so that no named mistake of one student is another's answer.
"""


@exercise(
    id="repeaters.repeater_memory_fidelity",
    lesson=LESSON,
    answer_name="answer_repeater_memory_fidelity",
    params=[Parameter("wait", REPEATER_MEMORY_WAITS, symbol="t/T2")],
)
def check_repeater_memory_fidelity(answer: object, wait: float) -> Verdict:
    """One number from 0 to 1, e.g. 0.3.

    Exercise (predict, then check): a perfect pair Φ+ waits in memory for a time t (t = T2 in the
    lesson, each student's own multiple of T2 on a class hub); one of its qubits dephases
    (coherence decaying as e^(-t/T2)), the other is kept perfectly. What is the pair's fidelity
    with Φ+ afterwards?

    Parameters
    ----------
    answer : float
        The fidelity, within 0.01.
    wait : float
        The student's t/T2.

    Returns
    -------
    Verdict
        Correct, or the mistake: the coherence e^-1 itself, 1 - 1/e, a fully dephased 1/2, both
        qubits dephasing, a perfect memory; a percentage or a number outside 0 to 1.
    """
    truth = stored_pair_fidelity(wait, 1.0, 1)
    both = stored_pair_fidelity(wait, 1.0, 2)
    coherence = math.exp(-wait)
    e_t = f"e^−{format_value(wait)}"
    hint = (
        "Write the pair as a density matrix: (|00⟩⟨00| + |11⟩⟨11| + |00⟩⟨11| + |11⟩⟨00|)/2. Dephasing leaves "
        "the diagonal alone and multiplies the two corner terms by e^(−t/T2). The fidelity with Φ+ is the "
        "mean of the diagonal half and the corner half."
    )
    mistakes = [
        (
            coherence,
            f"{coherence:.3f} = {e_t} is what is left of the coherence, the corner terms |00⟩⟨11|. The "
            "fidelity "
            "also counts the populations |00⟩ and |11⟩, which dephasing does not touch.",
            hint,
        ),
        (
            1 - coherence,
            f"{1 - coherence:.3f} = 1 − {e_t} is the part of the coherence that is lost, not the "
            "fidelity left.",
            hint,
        ),
        (
            0.5,
            "1/2 is a fully dephased pair, after a time much longer than T2: the corner terms are "
            "gone and only "
            "the classical correlation of |00⟩ and |11⟩ is left. After "
            f"{'one T2' if wait == 1 else f'{format_value(wait)} T2'} a share {e_t} of them remains.",
            hint,
        ),
        (
            both,
            f"{both:.3f} = (1 + e^−{format_value(2 * wait)})/2 is the fidelity when both qubits dephase: "
            "the coherences multiply. Here only one qubit does.",
            hint,
        ),
        (1.0, "A pair in a real memory does not stay perfect: its coherence fades with T2.", hint),
    ]
    value = read_number(answer, "the fidelity", "0.3")
    return share_verdict(
        value,
        truth,
        mistakes,
        hint,
        what="the fidelity",
        remark=(
            "It is (1 + e^(−t/T2))/2: the populations stay, the coherence fades. The fidelity falls towards "
            "1/2, where the pair is no longer entangled; the lesson's next cell prints it for several times."
        ),
    )


# -- 3. Swapping two noisy pairs ------------------------------------------------------------------
REPEATER_SWAP_FIDELITY = 0.9
"""Fidelity of both Werner pairs swapped in exercise ``repeaters.repeater_swap_fidelity``."""
REPEATER_SWAP_FIDELITIES = (REPEATER_SWAP_FIDELITY, 0.6, 0.67, 0.75, 0.8, 0.85)
"""The lesson's fidelity, then the others': at most 0.9, so that F² stays 2e-3 away from the truth."""


@exercise(
    id="repeaters.repeater_swap_fidelity",
    lesson=LESSON,
    answer_name="answer_repeater_swap_fidelity",
    points=2,
    params=[Parameter("fidelity", REPEATER_SWAP_FIDELITIES, symbol="F")],
)
def check_repeater_swap_fidelity(answer: object, fidelity: float) -> Verdict:
    """One number from 0 to 1 with three digits, e.g. 0.123.

    Exercise (predict, then check): a node holds one half of a Werner pair of fidelity F (0.9 in
    the lesson, each student's own on a class hub) with its left neighbour and one half of another
    of the same fidelity with its right neighbour, and swaps them (a Bell measurement and two bits,
    lesson 09). What is the fidelity of the pair it leaves between its two neighbours?

    Parameters
    ----------
    answer : float
        The fidelity, within 0.01; F² and F² + (1 − F)² (0.81 and 0.82 for the lesson's F), two
        mistakes closer than that, are named as such.
    fidelity : float
        The student's F.

    Returns
    -------
    Verdict
        Correct, or the mistake: F² (the chance that both pairs are right, alone), F1 F2 +
        (1 − F1)(1 − F2) (every pair of errors taken to cancel), F (or the average, no loss), 2F − 1
        (the errors added), a perfect pair; a percentage or a number outside 0 to 1.
    """
    f = fidelity
    truth = swap_fidelity(f, f)
    both_wrong = (1 - f) * (1 - f)
    hint = (
        "The swapped pair is right when both pairs are right (F × F), and also when both carry an error "
        "that cancels the other's: each pair is wrong with probability 1 − F, split evenly over three "
        "flips, and two errors cancel only when they are the same flip."
    )
    close_mistakes = [
        (
            f * f,
            f"{f * f:.2f} = F² counts only the case where both pairs are right. Two wrong pairs can "
            "also give "
            "a right one: when both carry the same flip, the flips cancel.",
        ),
        (
            f * f + both_wrong,
            f"{f * f + both_wrong:.2f} = F² + (1 − F)² takes every pair of errors to cancel. Each "
            "error is one "
            "of three flips, and only the same flip on both pairs cancels: one time in three.",
        ),
    ]
    value = read_number(answer, "the fidelity", "0.123")
    for wrong_value, message in close_mistakes:
        if close(value, wrong_value, _CLOSE_MISTAKE):
            return wrong(message, hint)
    mistakes = [
        (
            f,
            f"{f:g} would mean swapping loses nothing (and it is also the average of the two pairs). But the "
            "new pair carries the errors of both: swapping is teleportation with a noisy pair, of a qubit "
            "that is itself noisy.",
            hint,
        ),
        (
            2 * f - 1,
            f"{2 * f - 1:g} = 1 − 2(1 − F) adds the two pairs' errors. Some of them cancel: when both pairs "
            "carry the same flip, the result is right.",
            hint,
        ),
        (1.0, "A swap cannot make two noisy pairs into a perfect one: it passes both pairs' noise on.", hint),
    ]
    return share_verdict(
        value,
        truth,
        mistakes,
        hint,
        what="the fidelity of the swapped pair",
        remark=(
            "It is F1 F2 + (1 − F1)(1 − F2)/3: both right, or the same flip on both. Fidelity falls with "
            "every swap, so a long chain of swaps needs good pairs, or purification."
        ),
    )


# -- 4 and 5. Purifying two pairs -----------------------------------------------------------------
REPEATER_PURIFY_FIDELITY = 0.8
"""Fidelity of both Werner pairs in exercises ``repeaters.repeater_purify_fidelity`` and ``_success``."""
REPEATER_PURIFY_FIDELITIES = (REPEATER_PURIFY_FIDELITY, 0.55, 0.67, 0.82, 0.9)
"""The lesson's fidelity, then the others' (both exercises): all above 1/2, where purification works.

A student may draw a different F for the two exercises (each exercise draws its own).
"""


def _purified(f: float) -> tuple[float, float]:
    """Output fidelity and success probability of one round on two Werner pairs of fidelity ``f``."""
    return purify(f, "dejmps", rounds=1)


_PURIFY_HINT = (
    "Each pair is Φ+ with probability F and otherwise one of three flips, (1 − F)/3 each. The round keeps "
    "the pair when the two measured qubits agree: when both pairs are Φ+, or carry flips that the check "
    "cannot tell apart. Add up the cases that pass, and those among them that leave Φ+."
)


@exercise(
    id="repeaters.repeater_purify_fidelity",
    lesson=LESSON,
    answer_name="answer_repeater_purify_fidelity",
    points=2,
    params=[Parameter("fidelity", REPEATER_PURIFY_FIDELITIES, symbol="F")],
)
def check_repeater_purify_fidelity(answer: object, fidelity: float) -> Verdict:
    """One number from 0 to 1, e.g. 0.3.

    Exercise (predict, then check): two Werner pairs of fidelity F (0.8 in the lesson, each
    student's own on a class hub) go through one round of recurrence purification (BBPSSW or
    DEJMPS: for Werner pairs their first rounds agree). When the round succeeds, what is the
    fidelity of the pair that is kept?

    Parameters
    ----------
    answer : float
        The fidelity, within 0.01.
    fidelity : float
        The student's F.

    Returns
    -------
    Verdict
        Correct, or the mistake: F² (both pairs used up as in a swap), F (nothing gained), 1 − (1 − F)²
        (both pairs must be wrong), F²/(F² + (1 − F)²) (every error taken for a bit flip that the check
        sees), the success probability, a perfect pair; a percentage or a number outside 0 to 1.
    """
    f = fidelity
    truth, success = _purified(f)
    bit_flips = f * f / (f * f + (1 - f) ** 2)
    mistakes = [
        (
            f * f,
            f"{f * f:.2f} = F² is the chance that both pairs are right. Purification does not need "
            "both: it keeps a pair only when the check passes, and a pass makes an error less likely, "
            "so the kept pair is better than either.",
            _PURIFY_HINT,
        ),
        (
            f,
            f"{f:g} is the pairs' own fidelity: the round would gain nothing. When the check passes, "
            "it has thrown away most of the cases with one wrong pair, so the kept pair is better.",
            _PURIFY_HINT,
        ),
        (
            1 - (1 - f) ** 2,
            f"{1 - (1 - f) ** 2:.2f} = 1 − (1 − F)² assumes the kept pair is wrong only when both "
            "are. A single error can pass the check too: a phase flip does not change the parities "
            "the nodes compare, and it leaves a wrong pair.",
            _PURIFY_HINT,
        ),
        (
            bit_flips,
            f"{bit_flips:.3f} = F²/(F² + (1 − F)²) treats every error as a bit flip that the check "
            "catches. One "
            "of the three flips is a pure phase flip, which a comparison in one basis cannot see.",
            _PURIFY_HINT,
        ),
        (
            success,
            f"{success:.3f} is the probability that the round succeeds, not the fidelity of the pair "
            "it keeps.",
            _PURIFY_HINT,
        ),
        (1.0, "One round cannot make a perfect pair: some errors pass the check.", _PURIFY_HINT),
    ]
    value = read_number(answer, "the fidelity", "0.3")
    return share_verdict(
        value,
        truth,
        mistakes,
        _PURIFY_HINT,
        what="the fidelity of the kept pair",
        remark=(
            f"Two pairs of {f:g} give one of {truth:.3f}, when the round succeeds (probability "
            f"{success:.3f}). "
            "Further rounds climb higher, at the price of twice as many pairs each time."
        ),
    )


@exercise(
    id="repeaters.repeater_purify_success",
    lesson=LESSON,
    answer_name="answer_repeater_purify_success",
    params=[Parameter("fidelity", REPEATER_PURIFY_FIDELITIES, symbol="F")],
)
def check_repeater_purify_success(answer: object, fidelity: float) -> Verdict:
    """One number from 0 to 1, e.g. 0.3.

    Exercise: in a round like that of the previous exercise, on two Werner pairs of fidelity F (0.8
    in the lesson, each student's own on a class hub, not always the previous exercise's), how
    likely is it that the check passes and a pair is kept?

    Parameters
    ----------
    answer : float
        The probability, within 0.01.
    fidelity : float
        The student's F.

    Returns
    -------
    Verdict
        Correct, or the mistake: F² (only both pairs right), F² + (1 − F)² (only agreeing cases,
        every error a bit flip), a round that always succeeds, F, the output fidelity, a coin toss 1/2;
        a percentage or a number outside 0 to 1.
    """
    f = fidelity
    fidelity_out, truth = _purified(f)
    mistakes = [
        (
            f * f,
            f"{f * f:.2f} = F² counts only the case where both pairs are right. The check also passes for "
            "some errors: on both pairs alike, or a phase flip it cannot see.",
            _PURIFY_HINT,
        ),
        (
            f * f + (1 - f) ** 2,
            f"{f * f + (1 - f) ** 2:.2f} = F² + (1 − F)² counts both right or both wrong. But a pair "
            "with a phase flip passes beside a right one (the flip does not change the parity the "
            "nodes compare), and only some pairs of errors pass.",
            _PURIFY_HINT,
        ),
        (
            1.0,
            "The round does not always succeed: when the check fails, both pairs are lost and the "
            "nodes start "
            "again.",
            _PURIFY_HINT,
        ),
        (
            f,
            f"{f:g} is the pairs' fidelity. The round passes when both are right (F²), and in some "
            "cases with "
            "errors too.",
            _PURIFY_HINT,
        ),
        (
            fidelity_out,
            f"{fidelity_out:.3f} is the fidelity of the kept pair, not the probability of keeping one.",
            _PURIFY_HINT,
        ),
        (0.5, "The check is no coin toss: for good pairs it passes much more often than not.", _PURIFY_HINT),
    ]
    value = read_number(answer, "the probability", "0.3")
    return share_verdict(
        value,
        truth,
        mistakes,
        _PURIFY_HINT,
        what="the probability of success",
        remark=(
            f"So on average 2/{truth:.3f} = {2 / truth:.1f} pairs make one better pair, and purification "
            "slows the repeater down as it improves its pairs."
        ),
    )


# -- 6. Nesting levels ----------------------------------------------------------------------------
REPEATER_SEGMENTS = 8
"""Number of segments of the chain in exercise ``repeaters.repeater_swap_levels``."""
REPEATER_SEGMENTS_OPTIONS = (REPEATER_SEGMENTS, 16, 32, 64)
"""The lesson's number of segments, then the others': powers of two (nesting complete), at most 64."""


@exercise(
    id="repeaters.repeater_swap_levels",
    lesson=LESSON,
    answer_name="answer_repeater_swap_levels",
    points=1,
    params=[Parameter("segments", REPEATER_SEGMENTS_OPTIONS, symbol="n")],
)
def check_repeater_swap_levels(answer: object, segments: int) -> Verdict:
    """A whole number, e.g. 5.

    Exercise: a chain of n segments (n + 1 nodes; n = 8 in the lesson, each student's own power of
    two on a class hub) is joined by nested swapping: neighbouring pairs are swapped into pairs
    over 2 segments, those into pairs over 4, and so on. How many nesting levels does it take to
    reach one pair from end to end?

    Parameters
    ----------
    answer : int
        A count of levels; a float with a whole value (``3.0``) is read as the integer.
    segments : int
        The student's n.

    Returns
    -------
    Verdict
        Correct, or the mistake: the number of swaps (inner nodes), of segments, of nodes, of swaps
        at the first level, a single level; a fraction, zero or a negative count.
    """
    n = segments
    levels = nested_swap_levels(n)
    truth = len(levels)
    swaps = sum(len(level) for level in levels)
    follow = f"Each level doubles the span of the pairs: 1 segment, then 2, then 4... until it reaches {n}."
    value = read_number(answer, "the number of levels", "5")
    if not float(value).is_integer():
        return wrong(f"{value:g} is not a whole number: levels are counted one by one.", follow)
    count = round(value)
    if count == truth:
        steps = ", ".join(
            f"{len(level)} swap{'s' * (len(level) != 1)} make{'s' * (len(level) == 1)} pairs over "
            f"{2**k} segments"
            for k, level in enumerate(levels, start=1)
        )
        return correct(
            f"{truth} levels: {steps}; log2({n}) = {truth}. A chain of 2^k segments takes k levels, so the "
            "levels grow only slowly with the length."
        )
    mistakes = {
        swaps: f"{swaps} counts the swaps: one at each inner node. They happen in levels, several at once: "
        f"{', '.join(str(len(level)) for level in levels)}.",
        n: f"{n} counts the segments. Each level halves the number of pairs: how often can {n} be halved?",
        n + 1: f"{n + 1} counts the nodes, end nodes included.",
        len(
            levels[0]
        ): f"{len(levels[0])} is the number of swaps at the first level. After it, {len(levels[0])} "
        "pairs over 2 segments remain to be joined.",
        1: f"Swapping at all {swaps} inner nodes at once is possible (the swaps commute, and "
        "repeater_chain models them so). Nesting instead doubles the span level by level, so that "
        "pairs can be purified between levels (Briegel et al. 1998).",
    }
    if count in mistakes:
        return wrong(mistakes[count], follow)
    if count <= 0:
        return wrong(f"{count} cannot be a number of levels: some swapping is needed.", follow)
    return wrong(f"{count} is not the number of levels.", follow)


# -- 7. Not an amplifier --------------------------------------------------------------------------
REPEATER_AMPLIFIER_CHOICES: Mapping[str, str] = MappingProxyType(
    {
        "a": "A quantum repeater measures each photon that reaches it and sends a fresh photon in the state "
        "it found.",
        "b": "A quantum repeater amplifies the signal like a classical one, only with less noise.",
        "c": "A quantum repeater never copies the qubits it serves: it makes entanglement over short links, "
        "keeps it in memories and joins it by entanglement swapping, with classical messages.",
        "d": "A quantum repeater is an amplifier; only its detectors are not yet good enough to beat the "
        "PLOB bound.",
    }
)
"""The statements of exercise ``repeaters.repeater_not_amplifier``, by letter, as the lesson prints them."""
REPEATER_AMPLIFIER_RIGHT_CHOICE = "c"
"""The letter of the right statement in :data:`REPEATER_AMPLIFIER_CHOICES`."""

_AMPLIFIER_FEEDBACK = {
    "a": "(a) is measure and resend: one measurement does not reveal an unknown state (lesson 01), so the "
    "fresh photon is often wrong, and the errors it makes are those of an eavesdropper (lesson 04).",
    "b": "(b) would copy an unknown quantum state, which no-cloning forbids (lesson 02): no device, however "
    "quiet, amplifies a qubit.",
    "d": "(d): no detector helps an amplifier, because no device can copy an unknown qubit (lesson 02). A "
    "repeater beats the PLOB bound by not being an amplifier at all: its memories and swaps are what the "
    "bound leaves out.",
}
_AMPLIFIER_HINT = "What does lesson 02 forbid, and what travels along the chain when a node swaps?"


@exercise(id="repeaters.repeater_not_amplifier", lesson=LESSON, answer_name="answer_repeater_not_amplifier")
def check_repeater_not_amplifier(answer: object) -> Verdict:
    """The letter of one statement as text, e.g. 'a'.

    Exercise: a classical repeater amplifies a fading signal. Why is a quantum repeater not an
    amplifier? Exactly one statement of :data:`REPEATER_AMPLIFIER_CHOICES` is right.

    Parameters
    ----------
    answer : str
        One letter, ``'a'`` to ``'d'``, in any case, with or without brackets (``'(b)'``).

    Returns
    -------
    Verdict
        Correct, or what is wrong with the chosen statement; an unknown letter, several letters or
        a sentence are explained as such.
    """
    letter = read_choice(answer, tuple(REPEATER_AMPLIFIER_CHOICES))
    if letter == REPEATER_AMPLIFIER_RIGHT_CHOICE:
        return correct(
            f"({letter}) is right: no qubit is copied or read on the way. The nodes make pairs over short "
            "links, keep them in memories and swap them, a teleportation of entanglement (lesson 09). Only "
            "classical bits cross the whole line; the qubit itself is teleported at the end."
        )
    return wrong(_AMPLIFIER_FEEDBACK[letter], _AMPLIFIER_HINT)
