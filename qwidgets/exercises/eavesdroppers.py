"""Exercises of lesson 04 (eavesdroppers): what an attack on BB84 costs Eve, and what gives her away.

Every check computes its truth with :mod:`qwidgets.physics` (:func:`~qwidgets.physics.bb84_statistics`,
:func:`~qwidgets.physics.detection_probability`, :func:`~qwidgets.physics.secret_key_fraction`,
:func:`~qwidgets.physics.measurement_probabilities`), reads the answer with
:mod:`qwidgets.exercises.readers`, and names the typical mistakes of its exercise: the share Eve
attacks taken for the error rate, a wrong basis taken for a sure error, the probability of being
caught for the probability of staying unseen, a count rounded down, error correction without
privacy amplification, and "no errors, so no information" against photon-number splitting.

Probabilities of order one are judged with
:func:`~qwidgets.exercises.verdicts.probability_verdict`; a tiny probability ((3/4)^20 ~ 0.003,
within a relative tolerance, since an absolute one would accept 0) and fractions of a key, which
are not probabilities, with :func:`~qwidgets.exercises.verdicts.share_verdict`.
"""

from __future__ import annotations

import math

from qwidgets.exercises.core import Verdict, correct, exercise, wrong
from qwidgets.exercises.readers import read_number, read_probability
from qwidgets.exercises.variants import Parameter
from qwidgets.exercises.verdicts import NUMBER_TOLERANCE, probability_verdict, share_verdict
from qwidgets.physics import (
    AXIS_STATES,
    InterceptResend,
    PhotonNumberSplitting,
    bb84_statistics,
    binary_entropy,
    detection_probability,
    fiber_transmittance,
    measurement_probabilities,
    secret_key_fraction,
)

__all__ = [
    "BREIDBART_DIRECTION",
    "CAUGHT_TARGET",
    "CAUGHT_TARGETS",
    "KEY_FRACTION_QBER",
    "KEY_FRACTION_QBERS",
    "PARTIAL_ATTACK_FRACTION",
    "PARTIAL_ATTACK_FRACTIONS",
    "PNS_DISTANCE_KM",
    "PNS_MEAN_PHOTON_NUMBER",
    "UNSEEN_CHECK_BITS",
    "UNSEEN_CHECK_BITS_OPTIONS",
    "check_breidbart_guess",
    "check_check_bits",
    "check_key_fraction",
    "check_partial_qber",
    "check_pns_share",
    "check_unseen_probability",
]

LESSON = "04_eavesdroppers"

_MAX_COUNT = 10**9  # most check bits worth discussing; more is simply "far more than needed"
_SAME_PROBABILITY = 5e-4  # a count this close to 0.999 (or to 99.9) is the probability, not a count


def _full_attack_qber() -> float:
    """QBER of a full intercept-resend attack in a random basis (1/4)."""
    return bb84_statistics(eve=InterceptResend(fraction=1.0)).qber


# -- 1. Predict, then check: a partial intercept-resend attack ------------------------------------
PARTIAL_ATTACK_FRACTION = 0.4
"""Share of the photons Eve intercepts and resends in exercise ``eavesdroppers.partial_qber``."""
PARTIAL_ATTACK_FRACTIONS = (PARTIAL_ATTACK_FRACTION, 0.2, 0.3, 0.6, 0.7, 0.9)
"""The lesson's share, then the other students'. Not 0.5 (its f/2 would be the full attack's 1/4),
0.8 (its share of right bits, 1 − f/4, would be f) nor 1 (the full attack itself)."""


@exercise(
    id="eavesdroppers.partial_qber",
    lesson=LESSON,
    answer_name="answer_partial_qber",
    points=1,
    params=[Parameter("fraction", PARTIAL_ATTACK_FRACTIONS, symbol="f")],
)
def check_partial_qber(answer: object, fraction: float) -> Verdict:
    """One number from 0 to 1: the error rate (QBER) of the sifted key, e.g. 0.3.

    Exercise (predict, then check on the panel): Eve intercepts a share f of the photons (40 %
    in the lesson, each student's own on a class hub), measures each in Z or X at random and
    resends what she found. Predict the QBER of the sifted key.

    Parameters
    ----------
    answer : float
        The QBER, within 0.01.
    fraction : float
        The share of the photons Eve attacks, in the student's variant.

    Returns
    -------
    Verdict
        Correct (with an invitation to check it on the panel), or the mistake: f (the share
        attacked taken for the error rate), f/2 (every wrong basis taken for an error), 0.25
        (the full attack), 1 − f/4 (the share of right bits), a percentage.
    """
    truth = bb84_statistics(eve=InterceptResend(fraction=fraction)).qber
    full = _full_attack_qber()
    chain = (
        "Follow one photon Eve measures: she picks the wrong basis half the time, and a photon resent "
        "in the wrong basis gives Bob a wrong bit half the time."
    )
    return probability_verdict(
        answer,
        truth,
        [
            (
                fraction,
                f"{fraction:g} is the share of the photons Eve touches, not the error rate. Most photons she "
                "measures still reach Bob with the right bit.",
                chain,
            ),
            (
                100 * fraction,
                f"{100 * fraction:g} is the share Eve touches, as a percentage. It is not the error rate, "
                "and "
                "the QBER is asked for as a number from 0 to 1.",
                chain,
            ),
            (
                fraction / 2,
                f"{fraction / 2:g} = {fraction:g} × 1/2 counts every photon Eve measured in the wrong "
                "basis as "
                "an error. But she resends it in her basis, |0⟩ or |1⟩ when Alice used X, say, and Bob, "
                "measuring in Alice's basis, still gets the right bit half the time. "
                f"({fraction / 2:g} is also Eve's information in bits per sifted bit: the panel shows it.)",
                "Multiply by one more 1/2: the chance that a wrong-basis photon gives Bob the wrong bit.",
            ),
            (
                full,
                f"{full:g} is the error rate when Eve attacks every photon. Here she attacks only "
                f"{fraction:.0%} of them; the others reach Bob untouched.",
                f"Scale the full attack's {full:g} by the share she attacks.",
            ),
            (
                100 * full,
                f"{100 * full:g} % is the full attack's error rate, as a percentage. Here Eve attacks only "
                f"{fraction:.0%} of the photons, and the QBER is asked for as a number from 0 to 1.",
                f"Scale the full attack's {full:g} by the share she attacks.",
            ),
            (
                1 - truth,
                f"{1 - truth:g} is the share of sifted bits that are still right. The QBER counts the "
                "wrong ones.",
                "QBER = errors / sifted bits.",
            ),
        ],
        f"{chain} So QBER = share attacked × 1/2 × 1/2.",
        remark=(
            f"A full attack gives 1/4; attacking {fraction:.0%} of the photons gives {fraction:g} × 1/4. "
            "Check it on the panel below: the summary's first line gives the QBER expected and the QBER "
            "of this run."
        ),
    )


# -- 2. Predict, then check: the Breidbart basis --------------------------------------------------
BREIDBART_DIRECTION = (math.pi / 4, 0.0)
"""Bloch angles ``(theta, phi)`` of the Breidbart direction: halfway between |0> and |+>."""


@exercise(id="eavesdroppers.breidbart_guess", lesson=LESSON, answer_name="answer_breidbart_guess", points=1)
def check_breidbart_guess(answer: object) -> Verdict:
    """One number from 0 to 1: the probability that Eve guesses Alice's bit right, e.g. 0.6.

    Exercise (predict, then check with the library): Eve measures every BB84 photon along the
    Breidbart direction, halfway between ``|0>`` and ``|+>`` on the Bloch sphere (``theta = pi/4``),
    and guesses bit 0 on outcome 0, bit 1 on outcome 1. Predict the probability that her guess
    of a bit is right.

    Parameters
    ----------
    answer : float
        The probability, within 0.01.

    Returns
    -------
    Verdict
        Correct, or the mistake: 0.75 (a random basis), 0.5 (the angle on the sphere not
        halved, or a blind guess), 1 (a perfect guess), 0.146 (the chance of a wrong guess),
        0.924 (an amplitude), 0.40 (her information in bits), 0.25 (the error rate she causes),
        a percentage.
    """
    theta, phi = BREIDBART_DIRECTION
    truth = measurement_probabilities(AXIS_STATES["0"].ket, (theta, phi))[0]
    half_angle = (
        "The Born rule: P = cos²(α/2), with α the angle on the sphere between the state and the "
        "measurement direction. The Breidbart direction is π/4 from |0⟩ and from |+⟩."
    )
    random_guess = (1 + measurement_probabilities(AXIS_STATES["0"].ket, "X")[0]) / 2
    information = 1 - binary_entropy(truth)
    return probability_verdict(
        answer,
        truth,
        [
            (
                random_guess,
                f"{random_guess:g} is Eve's chance with a random basis (or a fixed Z or X): she is sure of "
                "the "
                "half of the bits where her basis was Alice's, and tosses a coin for the rest. The Breidbart "
                "direction is not Z or X: it leans towards |0⟩ and |+⟩ at once.",
                half_angle,
            ),
            (
                0.5,
                "0.5 = cos²(π/4): you used the angle on the sphere, π/4, where the Born rule takes half "
                "of it "
                "(lesson 01). (0.5 would also be a blind guess, and Eve does much better.)",
                half_angle,
            ),
            (
                1.0,
                "Eve cannot be sure of every bit: a bit-0 state and a bit-1 state of different bases, such "
                "as |0⟩ and |−⟩, are not orthogonal, and no measurement tells non-orthogonal states apart "
                "without mistakes.",
                half_angle,
            ),
            (
                1 - truth,
                f"{1 - truth:.3f} = sin²(π/8) is the chance that her guess is wrong: the angle between a "
                "bit-1 "
                "state and the Breidbart direction is 3π/4, not π/4.",
                "Take a bit-0 state, |0⟩ or |+⟩: its angle to the Breidbart direction is π/4.",
            ),
            (
                math.sqrt(truth),
                f"{math.sqrt(truth):.3f} = cos(π/8) is an amplitude. A probability is its square (Born "
                "rule).",
                "Square the amplitude.",
            ),
            (
                information,
                f"{information:.2f} = 1 − h(0.854) is Eve's information in bits per bit (the panel's "
                "number), "
                "not the probability that her guess is right.",
                half_angle,
            ),
            (
                _full_attack_qber(),
                "0.25 is the error rate Eve causes Bob (the same for every basis she measures in), not her "
                "chance of guessing right.",
                half_angle,
            ),
        ],
        f"{half_angle} measurement_probabilities(ket(0, 0), (math.pi / 4, 0)) checks it.",
        remark=(
            "cos²(π/8) ≈ 0.854: better than the 0.75 of a random basis, for every bit. Check it with the "
            "library in the next cell, then look at what it costs her."
        ),
    )


# -- 3. Predict: the chance that Eve stays unseen ---------------------------------------------------
UNSEEN_CHECK_BITS = 20
"""Bits compared in public in exercise ``eavesdroppers.unseen_probability``."""
UNSEEN_CHECK_BITS_OPTIONS = (UNSEEN_CHECK_BITS, 10, 12, 15, 25, 30)
"""The lesson's count of check bits, then the other students'."""


@exercise(
    id="eavesdroppers.unseen_probability",
    lesson=LESSON,
    answer_name="answer_unseen_probability",
    points=1,
    params=[Parameter("n", UNSEEN_CHECK_BITS_OPTIONS)],
)
def check_unseen_probability(answer: object, n: int) -> Verdict:
    """One number from 0 to 1: a probability, e.g. 0.0012 or an expression such as 0.5**10.

    Exercise: Eve intercepts and resends every photon (QBER 1/4). Alice and Bob compare n bits
    of the sifted key (20 in the lesson, each student's own on a class hub) and abort at the
    first error. What is the probability that Eve stays unseen?

    Parameters
    ----------
    answer : float
        The probability, within 10 % of its value (it is far below 0.1).
    n : int
        The number of check bits, in the student's variant.

    Returns
    -------
    Verdict
        Correct, or the mistake: 1 - (3/4)^n (caught), (1/4)^n (every bit wrong), (1/2)^n,
        3/4 (one bit), 3n/4 or n/4 (expected counts), 0 (never unseen), a percentage.
    """
    qber = _full_attack_qber()
    truth = 1 - detection_probability(qber, n)
    right = 1 - qber
    multiply = "Each checked bit is right with probability 3/4, independently; Eve is unseen only if all are."
    value = read_probability(answer)
    return share_verdict(
        value,
        truth,
        [
            (
                1 - truth,
                f"{1 - truth:.4f} = 1 − (3/4)^{n} is the probability that Alice and Bob catch Eve. The "
                "question "
                "asks for the other case: she stays unseen.",
                "Staying unseen and being caught add up to 1.",
            ),
            (
                qber**n,
                f"(1/4)^{n} ≈ {qber**n:.2g} is the chance that every checked bit is wrong. Eve stays unseen "
                "when every checked bit is right.",
                multiply,
            ),
            (
                0.5**n,
                f"(1/2)^{n} ≈ {0.5**n:.2g} takes each checked bit as right with probability 1/2. Half of "
                "Eve's "
                "photons go out in the right basis and arrive right; the other half still arrive right "
                "half the "
                "time: 1/2 + 1/4 = 3/4.",
                multiply,
            ),
            (
                right,
                f"{right:g} is the chance for one checked bit. There are {n} of them, and each must be "
                "right.",
                "Probabilities of independent events multiply.",
            ),
            (
                right * n,
                f"{right * n:g} = 3/4 × {n} is the number of checked bits you expect to be right, not a "
                "probability.",
                "Probabilities of independent events multiply; they do not add.",
            ),
            (
                qber * n,
                f"{qber * n:g} = 1/4 × {n} is the number of errors you expect among the checked bits, not a "
                "probability.",
                multiply,
            ),
            (
                0.0,
                f"Not quite 0: Eve can be lucky. The chance is tiny, but every one of the {n} checked bits "
                "can "
                "happen to be right.",
                multiply,
            ),
        ],
        f"{multiply} Give at least two significant figures, or an expression such as 0.75**{n}.",
        what="the probability that Eve stays unseen",
        relative=True,
        remark=(
            f"(3/4)^{n} ≈ {truth:.4f}: about one chance in {1 / truth:.0f}. On the panel below, the "
            f"alarm chart at {n} check bits gives 1 minus this."
        ),
    )


# -- 4. How many check bits? ---------------------------------------------------------------------
CAUGHT_TARGET = 0.999
"""Probability of catching a full intercept-resend attack asked for in ``eavesdroppers.check_bits``."""
CAUGHT_TARGETS = (CAUGHT_TARGET, 0.95, 0.98, 0.99, 0.995, 0.9999)
"""The lesson's probability, then the other students'."""


def _fewest_check_bits(qber: float, target: float) -> int:
    """The fewest check bits that raise the alarm (at the first error) with probability ``target``."""
    n = 0
    while detection_probability(qber, n) < target:
        n += 1
    return n


@exercise(
    id="eavesdroppers.check_bits",
    lesson=LESSON,
    answer_name="answer_check_bits",
    points=2,
    params=[Parameter("target", CAUGHT_TARGETS, symbol="P")],
)
def check_check_bits(answer: object, target: float) -> Verdict:
    """A whole number of bits, e.g. 12.

    Exercise: how many bits must Alice and Bob compare, aborting at the first error, to catch a
    full intercept-resend attack (QBER 1/4) with probability at least P (0.999 in the lesson,
    each student's own on a class hub)? Give the fewest.

    Parameters
    ----------
    answer : int
        A count; a float with a whole value (``25.0``) or a NumPy integer is read as the integer.
    target : float
        The probability of catching Eve asked for, in the student's variant.

    Returns
    -------
    Verdict
        Correct, or the mistake: one too few (rounded down), a fraction of a bit, the probability
        instead of a count, 1/4 or 1/2 in the place of 3/4, enough but not the fewest, too few.
    """
    qber = _full_attack_qber()
    truth = _fewest_check_bits(qber, target)
    value = read_number(answer, "the number of check bits", "12")
    exact = math.log(1 - target) / math.log(1 - qber)
    rule = f"Solve (3/4)^n ≤ {1 - target:g}: n ≥ ln({1 - target:g}) / ln(3/4) = {exact:.2f}, then round up."
    if abs(value - target) <= _SAME_PROBABILITY or abs(value - 100 * target) <= 100 * _SAME_PROBABILITY:
        return wrong(
            f"{value:g} is the probability of catching Eve that the question asks for. The answer is a "
            "number "
            "of check bits.",
            rule,
        )
    if abs(value - round(value)) > 1e-9 * max(1.0, abs(value)):
        if 0 < value < _MAX_COUNT and math.ceil(value) == truth:
            return wrong(
                f"{value:g} is where (3/4)^n reaches exactly {1 - target:g}. But n counts bits, a whole "
                "number: "
                f"{value:g} bits are not enough, so round up.",
                "Round up to the next whole bit.",
            )
        return wrong(f"{value:g} is not a whole number, and Alice and Bob compare whole bits.", rule)
    n = round(value)
    if n == truth:
        return correct(
            f"{n} bits: (3/4)^{n} ≈ {1 - detection_probability(qber, n):.5f} ≤ {1 - target:g}, so the check "
            f"catches Eve with probability {detection_probability(qber, n):.5f}. {n - 1} bits fall just "
            "short. "
            "Check it on the panel below."
        )
    if n < 0:
        return wrong(f"{n} cannot be a number of bits: a count is 0 or more.", rule)
    if n == 0:
        return wrong("With no check bits Alice and Bob compare nothing, and Eve is never caught.", rule)
    if n > _MAX_COUNT:
        return wrong(f"{n:,} bits are far more than needed, and every checked bit is thrown away.", rule)
    probability = detection_probability(qber, n)
    if n == truth - 1:
        rounds = f" (the panel rounds it to {probability:.1%})" if round(probability, 3) >= target else ""
        return wrong(
            f"Just short: {n} bits catch Eve with probability 1 − (3/4)^{n} = {probability:.6f}, below "
            f"{target:g}{rounds}. ln({1 - target:g}) / ln(3/4) = {exact:.2f}: rounding it down loses the "
            "last bit.",
            "Round up, never down: fewer bits than the exact solution are not enough.",
        )
    if n == _fewest_check_bits(1 - qber, target):
        return wrong(
            f"{n} solves (1/4)^n ≤ {1 - target:g}: you used the chance that a checked bit is wrong, 1/4, "
            "where Eve's chance to slip through one bit, 3/4, belongs.",
            f"Eve stays unseen if every checked bit is right: (3/4)^n. {rule}",
        )
    if n == _fewest_check_bits(0.5, target):
        return wrong(
            f"{n} solves (1/2)^n ≤ {1 - target:g}: it takes a checked bit as wrong half the time. A full "
            "intercept-resend makes a bit wrong with probability 1/4.",
            f"Eve stays unseen if every checked bit is right: (3/4)^n. {rule}",
        )
    if n > truth:
        return wrong(
            f"With {n} bits Eve stays unseen with probability (3/4)^{n} ≈ {1 - probability:.2g}: enough, but "
            "not the fewest. Every bit compared in public is thrown away, so Alice and Bob check no more "
            "than they need.",
            rule,
        )
    return wrong(
        f"Too few: {n} bits catch Eve with probability 1 − (3/4)^{n} = {probability:.4f}, below {target:g}.",
        rule,
    )


# -- 5. The secret key fraction -------------------------------------------------------------------
KEY_FRACTION_QBER = 0.05
"""QBER of the BB84 sifted key in exercise ``eavesdroppers.key_fraction``."""
KEY_FRACTION_QBERS = (KEY_FRACTION_QBER, 0.02, 0.03, 0.04, 0.07, 0.08)
"""The lesson's QBER, then the other students': all below the 11 % threshold. Not 0.06, where
1 − 2h(Q) and h(Q) lie within 0.02."""


@exercise(
    id="eavesdroppers.key_fraction",
    lesson=LESSON,
    answer_name="answer_key_fraction",
    points=1,
    params=[Parameter("qber", KEY_FRACTION_QBERS, symbol="Q")],
)
def check_key_fraction(answer: object, qber: float) -> Verdict:
    """One number from 0 to 1: the share of the sifted key that stays secret, e.g. 0.6.

    Exercise: the sifted BB84 key has a QBER Q (5 % in the lesson, each student's own on a class
    hub). What fraction of it is left as secret key
    after error correction and privacy amplification (Shor-Preskill: ``1 - 2 h(Q)``)?

    Parameters
    ----------
    answer : float
        The fraction, within 0.01.
    qber : float
        The QBER Q, in the student's variant.

    Returns
    -------
    Verdict
        Correct, or the mistake: ``1 - h(Q)`` (no privacy amplification), ``1 - Q``, ``2 h(Q)``
        (what is given up), ``h(Q)``, ``1 - 2Q`` (Q in the place of h(Q)), the six-state
        formula, 0, a percentage.
    """
    truth = secret_key_fraction(qber, "bb84")
    h = binary_entropy(qber)
    formula = "r = 1 − 2h(Q), with h(Q) = −Q log2 Q − (1 − Q) log2(1 − Q)."
    mistakes = [
        (
            1 - h,
            f"{1 - h:.3f} = 1 − h(Q) pays for error correction only: it is Bob's information. Eve may know "
            "something too, and privacy amplification removes another h(Q) for her.",
            formula,
        ),
        (
            1 - qber,
            f"{1 - qber:g} = 1 − Q is the share of right bits. Correcting the errors and removing Eve's "
            "information both cost far more than the errors themselves.",
            formula,
        ),
        (
            2 * h,
            f"{2 * h:.3f} = 2h(Q) is what error correction and privacy amplification take away, not what is "
            "left.",
            formula,
        ),
        (
            h,
            f"{h:.3f} = h(Q) is the cost of error correction alone (or of privacy amplification alone), not "
            "the share left.",
            formula,
        ),
        (
            1 - 2 * qber,
            f"{1 - 2 * qber:g} = 1 − 2Q uses the error rate where its entropy belongs: "
            f"h({qber:g}) ≈ {h:.3f}, much more than {qber:g}.",
            formula,
        ),
        (
            0.0,
            f"0 would be right above the threshold of about 11 %. At Q = {qber:g} a good part of the key "
            "survives.",
            formula,
        ),
    ]
    six_state = secret_key_fraction(qber, "six-state")
    if abs(six_state - truth) > 2 * NUMBER_TOLERANCE:
        mistakes.append(
            (
                six_state,
                f"{six_state:.3f} is the six-state protocol's key fraction; the key here comes from BB84.",
                formula,
            )
        )
    value = read_number(answer, "the key fraction", "0.6")
    return share_verdict(
        value,
        truth,
        mistakes,
        f"{formula} secret_key_fraction({qber:g}) checks it.",
        what="the secret key fraction",
        remark=(
            f"1 − 2h({qber:g}) = 1 − 2 × {h:.3f}: of every 1000 sifted bits, about {1000 * truth:.0f} "
            "are secret key. Check it on the panel below."
        ),
    )


# -- 6. Predict, then check: photon-number splitting -----------------------------------------------
PNS_DISTANCE_KM = 100.0
"""Fibre length in exercise ``eavesdroppers.pns_share``."""
PNS_MEAN_PHOTON_NUMBER = 0.5
"""Mean photons per pulse of Alice's weak laser in exercise ``eavesdroppers.pns_share``."""


@exercise(id="eavesdroppers.pns_share", lesson=LESSON, answer_name="answer_pns_share", points=1)
def check_pns_share(answer: object) -> Verdict:
    """One number from 0 to 1: the share of the sifted key Eve knows, e.g. 0.3.

    Exercise (predict, then check on the panel): Alice's weak laser sends pulses of 0.5 photons
    on average through 100 km of fibre, without decoys. Eve splits the multi-photon pulses. What
    share of the sifted key does she know (bits per sifted bit)?

    Parameters
    ----------
    answer : float
        The share, within 0.01.

    Returns
    -------
    Verdict
        Correct (with an invitation to check it on the panel, then to turn the decoys on), or the
        mistake: the multi-photon share of the pulses (~0.09), of the non-empty pulses (~0.23, the
        answer at 0 km), 0 or nearly 0 (no errors taken for no information, or the fibre's
        transmittance), 1/2, a percentage.
    """
    mu = PNS_MEAN_PHOTON_NUMBER
    eta = fiber_transmittance(PNS_DISTANCE_KM)
    stats = bb84_statistics(eve=PhotonNumberSplitting(mean_photon_number=mu, transmittance=eta))
    truth, gain = stats.eve_information, stats.expected_signal_gain
    at_zero_km = bb84_statistics(eve=PhotonNumberSplitting(mean_photon_number=mu, transmittance=1.0))
    multi = 1 - math.exp(-mu) * (1 + mu)  # Poisson: P(n >= 2)
    blocks = (
        f"At {PNS_DISTANCE_KM:g} km an honest line delivers only {gain:.2%} of the pulses, fewer than the "
        f"{multi:.0%} that hold two photons or more."
    )
    strategy = (
        f"{blocks} Eve can block every single-photon pulse and still give Bob exactly the detections he "
        "expects, from multi-photon pulses alone."
    )
    value = read_number(answer, "the share Eve knows", "0.3")
    return share_verdict(
        value,
        truth,
        [
            (
                multi,
                f"{multi:.3f} = 1 − e^(−μ)(1 + μ) is the share of the pulses Alice sends that hold two "
                "photons "
                f"or more. But Bob does not receive every pulse, and Eve decides which ones reach him.",
                strategy,
            ),
            (
                at_zero_km.eve_information,
                f"{at_zero_km.eve_information:.3f} would be right with no fibre at all, where Bob expects "
                "every "
                f"pulse that holds a photon and Eve must let the single photons through. {blocks}",
                f"Which pulses does Eve let through, when the line may lose {1 - eta:.0%} of them?",
            ),
            (
                0.0,
                f"Eve knows far more than {value:g}. The QBER is 0, but no errors does not mean no "
                "information: "
                "she never measures a photon on its way to Bob, she keeps a photon that Alice herself put in "
                "the pulse, so she causes no errors at all. Nor does the fibre's loss protect the key: Eve "
                "replaces the fibre with a lossless line of her own.",
                strategy,
            ),
            (
                0.5,
                "Eve does not have to guess the basis: she keeps her photon until Alice and Bob announce "
                "their bases, then measures it in the right one. Every split pulse gives her the bit.",
                strategy,
            ),
        ],
        strategy,
        what="the share of the sifted key Eve knows",
        remark=(
            f"Every pulse that reaches Bob is one Eve split, so she knows every sifted bit, with no error "
            f"at all. {blocks} Check it on the panel below, then turn the decoys on."
        ),
    )
