"""Exercises of lesson 08 (E91): a key from entangled pairs, and a Bell test as the alarm.

Every check computes its truth with :mod:`qwidgets.physics`: the settings of Ekert's protocol
(:data:`~qwidgets.physics.ALICE_ANGLES`, :data:`~qwidgets.physics.BOB_ANGLES`,
:data:`~qwidgets.physics.E91_KEY_SETTINGS`, :data:`~qwidgets.physics.E91_CHSH_SETTINGS`), the
correlations of a ``Phi+`` pair (:func:`~qwidgets.physics.correlation`) and the exact figures of a
run with an eavesdropper or noise (:func:`~qwidgets.physics.e91_statistics`; Ekert, "Quantum
cryptography based on Bell's theorem", PRL 67, 661, 1991). The settings are named as in Ekert's
paper: Alice's ``a1, a2, a3`` and Bob's ``b1, b2, b3``, counted from 1.

Each check names the typical mistakes of its exercise: the settings at the same position in the
two lists (rather than at the same angle), the CHSH settings, the pairs swapped, one key pair
missing or a pair too many, a count from 0; 1/3, 1/2, 4/9, 6/9 or 1/9 of the pairs taken for the key,
the fraction 2/9 itself, or one sampled run's count for the expected one; ``S`` left at
``2 sqrt(2)`` or taken to be the bound 2 when Eve measures every pair, all correlation lost, every
correlation shrunk by 1 - QBER, the sign; the QBER of Eve's wrong basis alone (1/2), of Eve always
in X or always in Z, none at all, the share of bits that agree; the noise threshold of a state that
shrinks its correlations by ``1 - p`` (as the white noise of lesson 07), BB84's 11 %, the QBER of a
full intercept-resend, the share of pairs Eve may measure, the ratio 2 / 2 sqrt(2); and, in the
multiple choice, device independence taken for devices that may leak, for a proof that no Eve was
there, or for no-cloning alone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from types import MappingProxyType

from qwidgets.exercises.core import Verdict, correct, exercise, wrong
from qwidgets.exercises.readers import MAX_TEXT, read_choice, read_number, read_probability
from qwidgets.exercises.variants import Parameter
from qwidgets.exercises.verdicts import close, share_verdict
from qwidgets.physics import (
    ALICE_ANGLES,
    BOB_ANGLES,
    CLASSICAL_CHSH_BOUND,
    E91_CHSH_SETTINGS,
    E91_KEY_FRACTION,
    E91_KEY_SETTINGS,
    TSIRELSON_BOUND,
    InterceptResend,
    bell_state,
    correlation,
    e91_statistics,
)

__all__ = [
    "DEVICE_INDEPENDENT_CHOICES",
    "DEVICE_INDEPENDENT_RIGHT_CHOICE",
    "E91_LESSON_PAIRS",
    "E91_EVE_SHARES",
    "E91_PAIRS_OPTIONS",
    "check_e91_device_independent",
    "check_e91_eve_chsh",
    "check_e91_eve_qber",
    "check_e91_key_bits",
    "check_e91_key_settings",
    "check_e91_noise_threshold",
]

LESSON = "08_e91"

_COUNT_TOLERANCE = 0.01  # an expected count typed by hand, relative to its size
_S_TOLERANCE = 0.02  # a CHSH value typed by hand (1.41 for sqrt(2))
_SAMPLE_SPREAD = 3  # standard deviations within which a count looks like one sampled run's
Pair = tuple[int, int]  # (Alice's setting, Bob's setting), counted from 1 as in the lesson


def _label(pair: Pair) -> str:
    return f"a{pair[0]}b{pair[1]}"


def _labels(pairs: set[Pair] | frozenset[Pair]) -> str:
    return ", ".join(_label(p) for p in sorted(pairs))


def _in_pi(angle: float) -> str:
    """An angle as a multiple of pi, e.g. ``"0.25π"`` (``"0"`` for zero)."""
    return "0" if angle == 0 else f"{angle / math.pi:g}π"


def _angles(pair: Pair) -> tuple[float, float]:
    return ALICE_ANGLES[pair[0] - 1], BOB_ANGLES[pair[1] - 1]


def _agreement(pair: Pair) -> float:
    """Probability that Alice's and Bob's bits agree at these settings, for a ``Phi+`` pair."""
    return (1 + correlation(bell_state("phi+"), *_angles(pair))) / 2


def _described(pair: Pair) -> str:
    a, b = _angles(pair)
    return f"{_label(pair)} (Alice at {_in_pi(a)}, Bob at {_in_pi(b)})"


# -- 1. Which settings give key? ---------------------------------------------------------------------
_LABEL = re.compile(r"([ab])\s*_?\s*(\d+)", re.IGNORECASE)
_FILLER = re.compile(r"\band\b|[\s.,;:/&+()\[\]{}'\"\-–]", re.IGNORECASE)
_PAIRS_FORM = (
    "name each pair by its two labels, Alice's first, as text, e.g. 'a1b2, a3b3' (a1, a2, a3 are "
    "Alice's angles, b1, b2, b3 Bob's)"
)


def _read_setting_pairs(answer: object) -> frozenset[Pair]:
    """Read pairs of setting labels such as ``'a2b1, a3b2'`` (or a list or set of such texts).

    Raises ``TypeError``/``ValueError`` whose message tells a student what to write.
    """
    if (
        isinstance(answer, (list, tuple, set, frozenset))
        and len(answer) <= MAX_TEXT
        and all(
            isinstance(item, str)
            or (isinstance(item, (list, tuple)) and all(isinstance(s, str) for s in item))
            for item in answer
        )
    ):
        answer = " ; ".join(item if isinstance(item, str) else " ".join(item) for item in answer)
    if not isinstance(answer, str):
        if isinstance(answer, (list, tuple)) and answer and isinstance(answer[0], (list, tuple)):
            raise TypeError(
                "write the labels as text, e.g. 'a2b3', rather than pairs of numbers: that way Alice's "
                f"second angle a2 cannot be taken for a Python index, which counts from 0. {_PAIRS_FORM}"
            )
        raise TypeError(_PAIRS_FORM)
    if len(answer) > MAX_TEXT:
        raise ValueError(f"the answer is a text of {len(answer)} characters; {_PAIRS_FORM}")
    if _FILLER.sub("", _LABEL.sub("", answer)):
        raise ValueError(_PAIRS_FORM)
    labels = [(letter.lower(), int(number)) for letter, number in _LABEL.findall(answer)]
    if not labels:
        raise ValueError(f"the answer names no setting; {_PAIRS_FORM}")
    if len(labels) % 2 or any({x[0], y[0]} != {"a", "b"} for x, y in zip(labels[::2], labels[1::2])):
        raise ValueError(f"every pair needs one of Alice's settings and one of Bob's; {_PAIRS_FORM}")
    pairs = set()
    for x, y in zip(labels[::2], labels[1::2]):
        alice, bob = (x, y) if x[0] == "a" else (y, x)
        pairs.add((alice[1], bob[1]))
    return frozenset(pairs)


@exercise(id="e91.e91_key_settings", lesson=LESSON, answer_name="answer_e91_key_settings", points=1)
def check_e91_key_settings(answer: object) -> Verdict:
    """Setting pairs as text, Alice's label first, e.g. 'a1b2, a3b3'.

    Exercise: Alice measures her half of each ``Phi+`` pair at one of ``a1, a2, a3`` (0, π/4,
    π/2), Bob his at one of ``b1, b2, b3`` (π/4, π/2, 3π/4). Which pairs of settings give both
    the same bit every time, so that those bits can be the key?

    Parameters
    ----------
    answer : str, or list or set of str
        The pairs' labels, e.g. ``'a1b2, a3b3'`` or ``['a1b2', 'a3b3']``, in any order.

    Returns
    -------
    Verdict
        Correct, or the mistake: the same position in the two lists rather than the same angle,
        the CHSH settings, Alice's and Bob's labels swapped, every pair, a key pair missing or a
        pair too many (with how often its bits agree), a label counted from 0 or beyond 3.
    """
    given = _read_setting_pairs(answer)
    truth = frozenset((i + 1, j + 1) for i, j in E91_KEY_SETTINGS)
    same_angle = (
        "For a Φ+ pair E(a, b) = cos(a − b): the bits always agree only where Alice's angle equals "
        "Bob's. Compare the angles in the table, not the positions in the lists."
    )
    indices = {n for pair in given for n in pair}
    if 0 in indices:
        return wrong(
            "There is no a0 or b0: the labels count from 1 (a1, a2, a3 and b1, b2, b3), as in the table. "
            "Did you count from 0, as Python does?",
            same_angle,
        )
    if max(indices) > len(ALICE_ANGLES):
        return wrong("Alice and Bob have three settings each: a1 to a3 and b1 to b3.", same_angle)
    if given == truth:
        return correct(
            f"{' and '.join(_described(p) for p in sorted(truth))}: the same angle on both sides, so "
            f"E = cos(0) = 1 and the bits always agree. Only these {len(truth)} of the 9 pairs of "
            "settings give key; the others are tested or thrown away."
        )
    chsh = frozenset((i + 1, j + 1) for i, j, _ in E91_CHSH_SETTINGS)
    diagonal = frozenset((n, n) for n in range(1, len(ALICE_ANGLES) + 1))
    everything = frozenset((i, j) for i in range(1, 4) for j in range(1, 4))
    swapped = frozenset((j, i) for i, j in truth)
    named = {
        diagonal: (
            f"{_labels(diagonal)} are the settings at the same position in the two lists, but Bob's list "
            f"starts at {_in_pi(BOB_ANGLES[0])}, not at {_in_pi(ALICE_ANGLES[0])}: the bits of "
            f"{_described((1, 1))} agree only {_agreement((1, 1)):.0%} of the time."
        ),
        chsh: (
            f"{_labels(chsh)} are the four settings of the Bell test, the CHSH value S. Their angles differ, "
            f"so the bits agree only {' or '.join(sorted({f'{_agreement(p):.0%}' for p in chsh}))} of the "
            "time: good for testing, useless as a key."
        ),
        swapped: (
            f"{_labels(swapped)} swap the two sides: {_described(min(swapped))} pairs Alice's first angle "
            "with Bob's second, which differ. The a-labels are Alice's, the b-labels Bob's."
        ),
        everything: "Not every pair of settings gives the same bits: only those at the same angle do.",
    }
    if given in named:
        return wrong(named[given], same_angle)
    if given < truth:
        return wrong(
            f"{_described(next(iter(given)))} is right, but there is one more pair at a common angle.",
            same_angle,
        )
    extra = sorted(given - truth)
    missing = truth - given
    agree = "; ".join(f"{_described(p)} agree {_agreement(p):.0%} of the time" for p in extra)
    return wrong(
        f"The bits of {agree}, not always."
        + (
            f" And {len(missing)} of the key pairs {'is' if len(missing) == 1 else 'are'} missing."
            if missing
            else ""
        ),
        same_angle,
    )


# -- 2. How many key bits from N pairs? ----------------------------------------------------------------
E91_LESSON_PAIRS = 9000
"""Pairs the source sends in exercise ``e91.e91_key_bits`` in the lesson (and the panel's default)."""
E91_PAIRS_OPTIONS: tuple[int, ...] = (E91_LESSON_PAIRS, 6300, 7200, 8100, 9900, 11700)
"""N in exercise ``e91.e91_key_bits``: the lesson's 9000, then the other students' (multiples of 900).

No named mistake of one N (N/9, N/3, 4N/9, N/2, 2N/3, N) is the answer 2N/9 of another: 4500, for
one, would make the lesson's 2000 its 4N/9.
"""


@exercise(
    id="e91.e91_key_bits",
    lesson=LESSON,
    answer_name="answer_e91_key_bits",
    points=1,
    params=[Parameter("pairs", E91_PAIRS_OPTIONS, symbol="N")],
)
def check_e91_key_bits(answer: object, pairs: int) -> Verdict:
    """One number: the expected count of key bits, e.g. 1500.

    Exercise: the source sends N pairs (9000 in the lesson, each student's own on a class hub),
    and Alice and Bob each pick one of their three settings at random, independently, for every
    pair. How many key bits do they expect?

    Parameters
    ----------
    answer : float
        The expected count, within 1 %.
    pairs : int
        The number of pairs N in the student's variant.

    Returns
    -------
    Verdict
        Correct, or the mistake: 1/3 (three settings, as if one in three matched), 1/2 (BB84's
        sifting), 4/9 (as many pairs as the Bell test uses), 6/9 (the Bell test's pairs counted
        too), 1/9 (one key pair only), every pair,
        the fraction or the percentage instead of a count, one run's count instead of the expected
        one.
    """
    n = pairs
    truth = E91_KEY_FRACTION * n
    n_key = len(E91_KEY_SETTINGS)
    grid = (
        f"Alice's choice and Bob's are independent, so each of the 3 × 3 = 9 pairs of settings comes up "
        f"with probability 1/9. Count the pairs that give key, and take that share of the {n} pairs."
    )
    value = read_number(answer, "the count", "1500")
    if abs(value - truth) <= _COUNT_TOLERANCE * truth:
        return correct(
            f"{n_key}/9 of {n} pairs: {truth:.0f} key bits expected; you gave {value:g}. The 4/9 of the Bell "
            "test and the other 3/9 are announced or thrown away: E91 keeps fewer pairs than BB84 (1/2). "
            "Any one run gives a little more or less: compare with the panel's first line."
        )
    mistakes = [
        (
            n / 3,
            f"{value:g} is a third of the pairs, as if the settings matched one time in three because each "
            "side has three. Matching needs both choices to fall on a common angle.",
        ),
        (
            n / 2,
            f"{value:g} is half the pairs: that is BB84's sifting, with two bases. E91 has three angles.",
        ),
        (
            len(E91_CHSH_SETTINGS) * n / 9,
            f"{value:g} counts {len(E91_CHSH_SETTINGS)} of the 9 pairs of settings: as many as the Bell test "
            "uses. Their bits are announced to compute S, and agree only part of the time; the key comes "
            "from the pairs at a common angle.",
        ),
        (
            (n_key + len(E91_CHSH_SETTINGS)) * n / 9,
            f"{value:g} counts the {len(E91_CHSH_SETTINGS)} settings of the Bell test too. Their bits are "
            "announced to compute S, and they agree only part of the time.",
        ),
        (n / 9, f"{value:g} counts one pair of settings only; two pairs of angles match."),
        (n, f"{value:g} is every pair. Only the pairs measured at the same angle give key."),
    ]
    for wrong_value, message in mistakes:
        if abs(value - wrong_value) <= _COUNT_TOLERANCE * wrong_value:
            return wrong(message, grid)
    if close(value, E91_KEY_FRACTION):
        return wrong(f"{value:g} is the share of the pairs that give key. Multiply it by {n}.", grid)
    if abs(value - 100 * E91_KEY_FRACTION) <= 0.5:
        return wrong(
            f"{value:g} looks like the percentage of the pairs that give key. The question asks how many "
            "bits.",
            grid,
        )
    spread = math.sqrt(n * E91_KEY_FRACTION * (1 - E91_KEY_FRACTION))
    if abs(value - truth) <= _SAMPLE_SPREAD * spread:
        return wrong(
            f"{value:g} looks like the count of one run. Runs scatter by about ±{spread:.0f}; the "
            "question asks for the expected count, the average over many runs.",
            grid,
        )
    return wrong(f"{value:g} is not the expected number of key bits.", grid)


# -- 3. The Bell test against Eve --------------------------------------------------------------------
_FULL_EVE = InterceptResend(1.0, "random")
E91_EVE_SHARES: tuple[float, ...] = (1.0, 0.7, 0.75, 0.8, 0.9)
"""Eve's share q of the pairs in exercises ``e91.e91_eve_chsh`` and ``e91.e91_eve_qber``.

The lesson's Eve measures every pair (q = 1); the other students' a share q, each above
2 - sqrt(2) = 0.59 by enough that ``S = 2 sqrt(2)(1 - q/2)`` stays below 2 by more than the
tolerance: the Bell test raises the alarm for every student.
"""


def _eve_share_words(share: float) -> str:
    return "every pair" if share == 1 else f"a share q = {share:g} of the pairs"


@exercise(
    id="e91.e91_eve_chsh",
    lesson=LESSON,
    answer_name="answer_e91_eve_chsh",
    points=2,
    params=[Parameter("share", E91_EVE_SHARES, symbol="q")],
)
def check_e91_eve_chsh(answer: object, share: float) -> Verdict:
    """One number: the CHSH value S, e.g. 2.5.

    Exercise (predict, then check on the panel): Eve intercepts a share q of the pairs (every
    pair, q = 1, in the lesson; each student's own q on a class hub), measures Bob's qubit in Z or
    X (at random, pair by pair) and sends Bob what she found. What CHSH value ``S`` do Alice and
    Bob expect from their test settings?

    Parameters
    ----------
    answer : float
        ``S``, within 0.02.
    share : float
        Eve's share q of the pairs in the student's variant.

    Returns
    -------
    Verdict
        Correct, or the mistake: ``2 sqrt(2)`` (Eve unseen), the bound 2 itself, 0 (nothing left),
        every correlation shrunk by 1 - QBER, a quarter of ``2 sqrt(2)``, the sign, a value above
        Tsirelson's bound or between the two bounds.
    """
    stats = e91_statistics(eve=InterceptResend(share, "random"))
    truth, qber = stats.chsh, stats.qber
    halves = (
        "After Eve measured Bob's qubit in Z, the pair is |00⟩ or |11⟩ and E(a, b) = cos a cos b; in X, "
        "E(a, b) = sin a sin b. Average the two: every correlation shrinks to half of cos(a − b). What "
        "happens to S, which adds four of them?"
    )
    if share != 1:
        halves += (
            f" Eve measures a share q = {share:g} of the pairs; the others keep their full correlations: "
            "S = (1 − q) 2√2 + q × (the S of a measured pair)."
        )
    value = read_number(answer, "S", "2.5")
    if abs(value - truth) <= _S_TOLERANCE:
        if share != 1:
            return correct(
                f"S = 2√2 (1 − q/2) = 2√2 × {1 - share / 2:g} = {truth:.4f}; you gave {value:g}. On the "
                f"{share * 100:g} % of the pairs Eve measures every correlation halves, on the rest it "
                "stays: S is the mixture. It is below 2: the measured pairs act as local hidden variables, "
                "and the untouched ones are too few to lift S above 2. The Bell test raises the alarm."
            )
        return correct(
            f"S = {truth:.4f} = √2, half of 2√2; you gave {value:g}. Every correlation halves, and with "
            "them S. It is below 2, as it must be: once Eve has measured, the pair is no longer "
            "entangled, and her results act as local hidden variables that explain what Alice and Bob see. "
            "Whatever basis she picks, S ≤ 2, and the Bell test raises the alarm."
        )
    mistakes = [
        (
            TSIRELSON_BOUND,
            f"{value:g} is 2√2, the value of an untouched pair, as if Eve left no trace. Her measurement "
            "ends the entanglement: Bob gets a qubit in a state she knows.",
        ),
        (
            CLASSICAL_CHSH_BOUND,
            f"{value:g} is the classical bound. Measured pairs can reach at most 2, but Eve's measurement "
            f"in Z or X, on {_eve_share_words(share)}, gives less.",
        ),
        (
            0.0,
            f"{value:g} would mean no correlation at all. Eve resends what she found, so Bob's bit still "
            "follows Alice's part of the time.",
        ),
        (
            TSIRELSON_BOUND * (1 - qber),
            f"{value:g} shrinks every correlation by 1 − QBER = {1 - qber:g}. A correlation is "
            "P(same) − P(different) = 1 − 2 × (error rate), so it shrinks twice as fast.",
        ),
        (
            TSIRELSON_BOUND / 4,
            f"{value:g} is a quarter of 2√2. Each correlation halves, and S is the sum of four of them: S "
            + ("halves too." if share == 1 else "halves too, on the pairs Eve measured."),
        ),
        (-truth, f"{value:g} has the wrong sign: the correlations keep their signs, only their size halves."),
    ]
    for wrong_value, message in mistakes:
        if abs(value - wrong_value) <= _S_TOLERANCE:
            return wrong(message, halves)
    if value > TSIRELSON_BOUND:
        return wrong(f"{value:g} is more than 2√2: no quantum state gives more (Tsirelson's bound).", halves)
    if value > CLASSICAL_CHSH_BOUND:
        return wrong(
            f"{value:g} is above 2, which needs entanglement. Eve's measurement on "
            f"{_eve_share_words(share)} leaves too little of it.",
            halves,
        )
    return wrong(f"{value:g} is not the S of this attack.", halves)


@exercise(
    id="e91.e91_eve_qber",
    lesson=LESSON,
    answer_name="answer_e91_eve_qber",
    points=1,
    params=[Parameter("share", E91_EVE_SHARES, symbol="q")],
)
def check_e91_eve_qber(answer: object, share: float) -> Verdict:
    """One number from 0 to 1: the QBER of the key bits, e.g. 0.3.

    Exercise: the same kind of Eve (Z or X at random), on a share q of the pairs (every pair,
    q = 1, in the lesson; each student's own q on a class hub). What share of the key bits differ
    between Alice and Bob?

    Parameters
    ----------
    answer : float
        The QBER, within 0.01.
    share : float
        Eve's share q of the pairs in the student's variant.

    Returns
    -------
    Verdict
        Correct, or the mistake: q/2 (the wrong basis alone), 0 (she resends what she found), Eve
        always in X or always in Z (q/8, 3q/8), the share of bits that agree, a percentage, a number
        outside 0 to 1.
    """
    stats = e91_statistics(eve=InterceptResend(share, "random"))
    truth = stats.qber
    only_x = e91_statistics(eve=InterceptResend(share, "X")).qber
    only_z = e91_statistics(eve=InterceptResend(share, "Z")).qber
    hint = (
        "Take the key pair at π/2 (an X measurement on both sides). If Eve measured in X, Bob gets her "
        "result, which is Alice's bit. If she measured in Z, Bob's qubit is |0⟩ or |1⟩, and his X result is "
        "a coin toss. Average over her two choices"
        + (
            "."
            if share == 1
            else f", and remember that she measures only a share q = {share:g} of the pairs."
        )
    )
    wrong_basis = (
        "1/2 is how often Eve picks a basis that does not fit the key setting."
        if share == 1
        else f"{share / 2:g} = q/2 is the share of the pairs where Eve picks a basis that does not fit the "
        "key setting."
    )
    mistakes = [
        (
            share / 2,
            f"{wrong_basis} Even then Bob's result is a coin toss: right half the time.",
            hint,
        ),
        (
            0.0,
            "Eve resends what she found, but in her basis: when it is not the key's, Bob's result is random.",
            hint,
        ),
        (
            only_x,
            f"{only_x:g} is what Eve causes measuring always in X (the key at π/4 and at π/2 suffer "
            "differently). Here she picks Z or X at random.",
            hint,
        ),
        (
            only_z,
            f"{only_z:g} is what Eve causes measuring always in Z. Here she picks Z or X at random.",
            hint,
        ),
        (
            1 - truth,
            f"{1 - truth:g} is the share of key bits that agree. The QBER counts those that differ.",
            hint,
        ),
    ]
    return share_verdict(
        read_probability(answer),
        truth,
        mistakes,
        hint,
        what="the QBER",
        remark=(
            (
                "The same 25 % as Eve's intercept-resend on BB84 (lesson 04)"
                if share == 1
                else f"q/4: 25 % on the {share * 100:g} % of the pairs Eve measures, none on the rest, as "
                "for Eve's intercept-resend on BB84 (lesson 04)"
            )
            + f"; on top of it S falls to {stats.chsh:.2f}. Check both on the panel."
        ),
    )


# -- 4. How much noise does the Bell test tolerate? ---------------------------------------------------------
@exercise(id="e91.e91_noise_threshold", lesson=LESSON, answer_name="answer_e91_noise_threshold", points=2)
def check_e91_noise_threshold(answer: object) -> Verdict:
    """One number from 0 to 1: the noise p, e.g. 0.2.

    Exercise (predict, then check on the panel): no Eve, but the channel flips Bob's bit with
    probability ``p`` in every basis. At what ``p`` does the expected ``S`` fall to 2?

    Parameters
    ----------
    answer : float
        ``p``, within 0.01.

    Returns
    -------
    Verdict
        Correct, or the mistake: correlations shrunk by ``1 - p`` (the white noise of lesson 07),
        BB84's 11 %, the QBER of a full intercept-resend, the share of pairs Eve may measure, the
        ratio 2 / 2 sqrt(2), no correlation at all, a percentage, a number outside 0 to 1.
    """
    # The pair is a mixture, linear in the noise p and in Eve's share: S runs on a straight line
    # between its values at the ends, and the threshold is where that line crosses 2.
    clean, excess = e91_statistics().chsh, e91_statistics().chsh - CLASSICAL_CHSH_BOUND
    truth = 0.5 * excess / (clean - e91_statistics(noise=0.5).chsh)
    eve_share = excess / (clean - e91_statistics(eve=_FULL_EVE).chsh)
    ratio = CLASSICAL_CHSH_BOUND / clean
    hint = (
        "A bit flipped with probability p turns P(same) − P(different) = E into (1 − 2p) E. So "
        "S = 2√2 (1 − 2p): solve 2√2 (1 − 2p) = 2."
    )
    mistakes = [
        (
            1 - ratio,
            f"{1 - ratio:.3f} solves 2√2 (1 − p) = 2: a state mixed with white noise, as in lesson 07's CHSH "
            "panel. Here Bob's bit flips with probability p, and a flip changes a correlation twice: "
            "E becomes (1 − 2p) E.",
            hint,
        ),
        (
            0.11,
            "11 % is BB84's threshold for a secret key (Shor & Preskill, lesson 04). The question asks "
            "where the Bell test stops telling entangled pairs from measured ones.",
            hint,
        ),
        (
            0.25,
            "1/4 is the QBER of Eve measuring every pair, where S is already √2: far below 2.",
            hint,
        ),
        (
            eve_share,
            f"{eve_share:.3f} is the share of the pairs Eve may measure before S falls to 2. The question "
            "asks for the noise p, the chance that a bit flips.",
            hint,
        ),
        (
            ratio,
            f"{ratio:.3f} = 2 / 2√2 is how far S may shrink, the factor 1 − 2p, not p itself.",
            hint,
        ),
        (
            0.5,
            "At p = 1/2 Bob's bits are coin tosses and S = 0; it reaches 2 long before.",
            hint,
        ),
    ]
    return share_verdict(
        read_number(answer, "the noise p", "0.2"),
        truth,
        mistakes,
        hint,
        what="the noise p",
        remark=(
            f"(1 − 1/√2)/2 ≈ {truth:.1%}, and the QBER is then p itself. Check it on the panel: there the "
            "alarm rings a little earlier, since S must exceed 2 by three standard errors."
        ),
    )


# -- 5. What does "device independent" mean? ---------------------------------------------------------------
DEVICE_INDEPENDENT_CHOICES: Mapping[str, str] = MappingProxyType(
    {
        "a": "Any device will do, even a measuring device that secretly sends its results to Eve over the "
        "internet: the Bell test would catch it.",
        "b": "Alice and Bob need not know how their source and measuring devices work inside: the settings "
        "they chose and the results they saw are enough. If those violate the CHSH inequality, no list of "
        "answers written in advance explains them, and the larger S, the less anyone else, the devices' "
        "maker included, can know of the results.",
        "c": "A violation, S > 2, proves that no eavesdropper touched a single pair, so Alice and Bob can "
        "skip privacy amplification.",
        "d": "The key is secret because qubits cannot be copied, exactly as in BB84; the Bell test only "
        "checks that the source makes good pairs.",
    }
)
"""The statements of exercise ``e91.e91_device_independent``, by letter, as the lesson prints them."""
DEVICE_INDEPENDENT_RIGHT_CHOICE = "b"
"""The letter of the right statement in :data:`DEVICE_INDEPENDENT_CHOICES`."""

_DEVICE_INDEPENDENT_FEEDBACK = {
    "a": "(a) goes too far. Device independence trusts nothing about how the devices measure, but it still "
    "needs closed labs: a device that sends its results out hands Eve the key, and no test of the "
    "statistics can see that. Alice and Bob must also choose their settings with randomness of their own.",
    "c": "(c) asks too much of S. A violation bounds how much Eve can know; it does not prove that she is "
    "absent. She may have touched a few pairs, and noise may hide her, so Alice and Bob still correct errors "
    "and shorten the key by privacy amplification.",
    "d": "(d) is BB84's argument, and it holds only if the devices do exactly what they should: send and "
    "measure the states the protocol says. A rigged device breaks it without a single error. The Bell "
    "test is what frees E91 from trusting the devices.",
}
_DEVICE_INDEPENDENT_HINT = "What do Alice and Bob need to trust, and what do they only need to observe?"


@exercise(
    id="e91.e91_device_independent", lesson=LESSON, answer_name="answer_e91_device_independent", points=1
)
def check_e91_device_independent(answer: object) -> Verdict:
    """The letter of one statement as text, e.g. 'a'.

    Exercise: which statement (:data:`DEVICE_INDEPENDENT_CHOICES`) says what "device
    independent" means for a key certified by a Bell test?

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
    letter = read_choice(answer, tuple(DEVICE_INDEPENDENT_CHOICES))
    if letter == DEVICE_INDEPENDENT_RIGHT_CHOICE:
        return correct(
            f"({letter}) is right: the security rests on what Alice and Bob observe, not on how their "
            "devices are built. Closed labs, settings chosen at random, quantum physics and an "
            "authenticated public channel are all it assumes. Ekert's idea of 1991, made precise much "
            "later, it is the application that stage 2 of the roadmap opens."
        )
    return wrong(_DEVICE_INDEPENDENT_FEEDBACK[letter], _DEVICE_INDEPENDENT_HINT)
