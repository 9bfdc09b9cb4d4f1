"""Exercises of lesson 05 (loss and distance): decibels, the repeaterless bound, and the wall.

Every check computes its truth with :mod:`qwidgets.physics`: the share of light that crosses a
fibre (:func:`~qwidgets.physics.fiber_transmittance`), the repeaterless PLOB bound
(:func:`~qwidgets.physics.plob_bound`; Pirandola, Laurenza, Ottaviani & Banchi, Nat. Commun. 8,
15043, 2017), and the distance at which a BB84 key with decoys runs out
(:func:`~qwidgets.physics.max_distance_km`, with the detector of Gobby, Yuan & Shields, Appl.
Phys. Lett. 84, 3762, 2004, as Lo, Ma & Chen model it, PRL 94, 230504, 2005).

Shares of light and rates span many orders of magnitude, so they are judged within a tolerance
relative to their size (:data:`~qwidgets.exercises.verdicts.RELATIVE_TOLERANCE`), distances
within :data:`REACH_TOLERANCE_KM`.
Each check names the typical mistakes of its exercise: a loss in dB taken for a share or for a
power of ten, factors of spools added instead of multiplied, dB per km read as a percentage, a
bound per pulse given without the clock, the transmittance or the wrong logarithm in the place of
the bound, the point where photon clicks merely equal the dark counts taken for the wall, and a
faster clock taken to push the wall out. The feedback on a distance says, from the physics, how
the photon clicks compare with the false clicks there and whether a key survives.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType

from qwidgets.exercises.core import Verdict, correct, exercise, wrong
from qwidgets.exercises.readers import read_choice, read_number
from qwidgets.exercises.variants import Parameter
from qwidgets.exercises.verdicts import close, near, share_verdict
from qwidgets.panels.summary import count_text, rate_text
from qwidgets.physics import (
    FIBER_ATTENUATION_DB_PER_KM,
    bb84_key_rate,
    fiber_transmittance,
    max_distance_km,
    plob_bound,
)

__all__ = [
    "BOUND_CHOICES",
    "BOUND_RIGHT_CHOICE",
    "FAST_CLOCK_HZ",
    "PLOB_CLOCK_HZ",
    "PLOB_LENGTHS_KM",
    "PLOB_LENGTH_KM",
    "REACH_TOLERANCE_KM",
    "SPOOL_LENGTH_KM",
    "SPOOL_LOSS_DB",
    "SPOOLS",
    "SPOOLS_OPTIONS",
    "ULTRALOW_DB_PER_KM",
    "ULTRALOW_LENGTHS_KM",
    "ULTRALOW_LENGTH_KM",
    "WALL_LINK",
    "DARK_COUNT_OPTIONS",
    "check_beat_the_bound",
    "check_decoy_reach",
    "check_fast_clock_reach",
    "check_plob_rate",
    "check_spliced_fraction",
    "check_ultralow_fraction",
]

LESSON = "05_loss_and_distance"

REACH_TOLERANCE_KM = 15.0
"""How far an estimated distance may be from the model's wall (the lesson's rule of thumb gives 156 km)."""

WALL_LINK: Mapping[str, float] = MappingProxyType(
    {
        "mean_photon_number": 0.5,
        "detector_efficiency": 0.045,
        "dark_count_probability": 1.7e-6,
        "misalignment": 0.033,
        "repetition_rate_hz": 2e6,
        "attenuation_db_per_km": FIBER_ATTENUATION_DB_PER_KM,
    }
)
"""The decoy-state link of exercises ``loss.decoy_reach`` and ``loss.fast_clock_reach``.

Keywords of :func:`~qwidgets.physics.max_distance_km`: the 2004 equipment of the LinkPanel (the
GYS detector as Lo, Ma & Chen model it, a 2 MHz clock) on standard 0.2 dB/km fibre.
"""
_WALL_RATIO = 10.0  # the lesson's rule of thumb: the key stops near ten photon clicks per false click
_GOBBY_KM = 122.0  # the fibre of Gobby, Yuan & Shields (2004), which the lesson cites


# -- 1. Decibels add up: three spools -----------------------------------------------------------------
SPOOL_LENGTH_KM = 50.0
"""Length of each spool of fibre in exercise ``loss.spliced_fraction``."""
SPOOL_LOSS_DB = 10.0
"""Loss of each spool in exercise ``loss.spliced_fraction``."""
SPOOLS = 3
"""Spools joined end to end in exercise ``loss.spliced_fraction``."""
SPOOLS_OPTIONS = (SPOOLS, 2, 4, 5, 6)
"""The lesson's number of spools, then the other students'."""


@exercise(
    id="loss.spliced_fraction",
    lesson=LESSON,
    answer_name="answer_spliced_fraction",
    points=1,
    params=[Parameter("spools", SPOOLS_OPTIONS, symbol="N")],
)
def check_spliced_fraction(answer: object, spools: int) -> Verdict:
    """One number from 0 to 1: the share of the photons that cross all the spools, e.g. 0.05.

    Exercise: N spools of 50 km (three in the lesson, each student's own number on a class hub),
    each losing 10 dB, are joined end to end (splices lose nothing). What share of the photons
    crosses all N × 50 km?

    Parameters
    ----------
    answer : float
        The share, within 10 % of its value.
    spools : int
        The number of spools N, in the student's variant.

    Returns
    -------
    Verdict
        Correct, or the mistake (for the lesson's three spools): 0.1 (one spool), 0.3 (the
        spools' shares added), 1/30 (30 dB taken for a factor 30, or one spool's share divided by
        three), 0.01 (one spool fewer), 30 (the loss in dB), 1e-30 (the dB taken for a power of
        ten), 0.999 (the share lost), a percentage.
    """
    per_spool = 10 ** (-SPOOL_LOSS_DB / 10)
    total_db = spools * SPOOL_LOSS_DB
    truth = fiber_transmittance(spools * SPOOL_LENGTH_KM, SPOOL_LOSS_DB / SPOOL_LENGTH_KM)
    rule = (
        f"Add the losses in dB: {spools} × {SPOOL_LOSS_DB:g} dB = {total_db:g} dB. Every 10 dB is one factor "
        "of ten; the share that arrives is 10^(−dB/10)."
    )
    chain = (
        f"Follow the light: the first spool lets {per_spool:g} of it through, the second {per_spool:g} of "
        "that, and so on: the shares multiply."
    )
    value = read_number(answer, "the share of the photons", "0.05")
    return share_verdict(
        value,
        truth,
        [
            (
                per_spool,
                f"{per_spool:g} is the share that crosses one spool. The light crosses {spools} of them, and "
                f"each takes its {SPOOL_LOSS_DB:g} dB. (If you meant a percentage, write the share as a "
                "number from 0 to 1.)",
                chain,
            ),
            (
                spools * per_spool,
                f"{spools * per_spool:g} adds the shares of the {spools} spools. But the second spool only "
                "receives what the first let through: shares multiply, and it is the losses in dB that add.",
                chain,
            ),
            (
                1 / total_db,
                f"{1 / total_db:.3g} = 1/{total_db:g} reads {total_db:g} dB as a factor {total_db:g} (or "
                f"divides one spool's share by {spools}). Decibels are a logarithm: {total_db:g} dB is a "
                f"factor 10^({total_db:g}/10).",
                rule,
            ),
            (
                per_spool ** (spools - 1),
                f"{per_spool ** (spools - 1):g} is what {spools - 1} spools let through, "
                f"{(spools - 1) * SPOOL_LOSS_DB:g} dB. There are {spools}.",
                rule,
            ),
            (
                total_db,
                f"{total_db:g} dB is the loss, the right first step. The question asks for the share of the "
                "photons that arrive, a number from 0 to 1.",
                rule,
            ),
            (
                10 ** (-total_db),
                f"{10 ** (-total_db):g} = 10^−{total_db:g} takes the dB as a power of ten. A decibel is a "
                f"tenth of a factor of ten: {total_db:g} dB is 10^(−{total_db:g}/10).",
                rule,
            ),
            (
                1 - truth,
                f"{1 - truth:g} is the share the fibre swallows. The question asks for the share that "
                "arrives.",
                "The two add up to 1.",
            ),
        ],
        rule,
        what="the share of the photons that arrive",
        relative=True,
        remark=(
            f"{spools} × {SPOOL_LOSS_DB:g} dB = {total_db:g} dB, and {total_db:g} dB is {total_db / 10:g} "
            f"factors of ten: one photon in {1 / truth:,.0f}. Losses in dB add; shares multiply."
        ),
    )


# -- 2. Predict, then check: ultralow-loss fibre --------------------------------------------------
ULTRALOW_DB_PER_KM = 0.16
"""Loss of the ultralow-loss fibre in exercise ``loss.ultralow_fraction``."""
ULTRALOW_LENGTH_KM = 100.0
"""Length of fibre in exercise ``loss.ultralow_fraction``."""
ULTRALOW_LENGTHS_KM = (ULTRALOW_LENGTH_KM, 70.0, 80.0, 120.0, 150.0, 200.0)
"""The lesson's length, then the other students'. Not 50 or 60 km, where 10^(−dB/10) lies within
10 % of 0.16 (dB/km taken for a share) or of 1/dB."""


@exercise(
    id="loss.ultralow_fraction",
    lesson=LESSON,
    answer_name="answer_ultralow_fraction",
    points=1,
    params=[Parameter("length_km", ULTRALOW_LENGTHS_KM, symbol="L", unit="km")],
)
def check_ultralow_fraction(answer: object, length_km: float) -> Verdict:
    """One number from 0 to 1: the share of the photons that arrive, e.g. 0.05.

    Exercise (predict, then check on the panel): what share of the photons crosses L km of
    ultralow-loss fibre (100 km in the lesson, each student's own length on a class hub), which
    loses 0.16 dB/km?

    Parameters
    ----------
    answer : float
        The share, within 10 % of its value.
    length_km : float
        The length L, in the student's variant.

    Returns
    -------
    Verdict
        Correct (with an invitation to check it on the panel), or the mistake (at the lesson's
        100 km): 0.01 (standard 0.2 dB/km fibre), 16 (the loss in dB), 0.16 (dB/km taken for a
        share), 0.84 or 0.84^100 (0.16 dB/km read as 16 % lost), 0.9984^100 (read as 0.16 % lost
        per km), 1/16 (16 dB taken for a factor 16), e^−1.6 (the natural exponential), 1e-16 (the
        dB taken for a power of ten), the share lost, a percentage.
    """
    alpha, length = ULTRALOW_DB_PER_KM, length_km
    loss_db = alpha * length
    truth = fiber_transmittance(length, alpha)
    standard = fiber_transmittance(length)
    rule = (
        f"{alpha:g} dB/km × {length:g} km = {loss_db:g} dB; the share that arrives is 10^(−{loss_db:g}/10)."
    )
    percent = (
        f"dB per km is not a percentage: {alpha:g} dB/km means that each km lets 10^(−{alpha:g}/10) = "
        f"{10 ** (-alpha / 10):.4f} of the light through."
    )
    value = read_number(answer, "the share of the photons", "0.05")
    return share_verdict(
        value,
        truth,
        [
            (
                standard,
                f"{standard:g} is what crosses {length:g} km of standard fibre, at "
                f"{FIBER_ATTENUATION_DB_PER_KM:g} dB/km ({FIBER_ATTENUATION_DB_PER_KM * length:g} dB). "
                f"Ultralow-loss fibre loses only {loss_db:g} dB over the same length.",
                rule,
            ),
            (
                loss_db,
                f"{loss_db:g} dB is the loss, the right first step. The question asks for the share of the "
                "photons that arrive, a number from 0 to 1.",
                rule,
            ),
            (
                alpha,
                f"{alpha:g} is the loss per km in dB, not a share of the photons.",
                rule,
            ),
            (
                1 - alpha,
                f"{1 - alpha:g} reads {alpha:g} dB/km as {alpha:.0%} of the light lost. {percent}",
                rule,
            ),
            (
                (1 - alpha) ** length,
                f"{(1 - alpha) ** length:.2g} = {1 - alpha:g}^{length:g} reads {alpha:g} dB/km as "
                f"{alpha:.0%} lost per km. {percent}",
                rule,
            ),
            (
                (1 - alpha / 100) ** length,
                f"{(1 - alpha / 100) ** length:.3g} reads {alpha:g} dB/km as {alpha:g} % lost per km. "
                f"{percent}",
                rule,
            ),
            (
                1 / loss_db,
                f"{1 / loss_db:.3g} = 1/{loss_db:g} reads {loss_db:g} dB as a factor {loss_db:g}. Decibels "
                f"are a logarithm: every 10 dB is one factor of ten, so {loss_db:g} dB is "
                f"10^({loss_db:g}/10).",
                rule,
            ),
            (
                math.exp(-loss_db / 10),
                f"{math.exp(-loss_db / 10):.3g} = e^(−{loss_db / 10:g}) uses the natural exponential. "
                "Decibels count powers of ten: use 10^(−dB/10).",
                rule,
            ),
            (
                10 ** (-loss_db),
                f"{10 ** (-loss_db):g} = 10^−{loss_db:g} takes the dB as a power of ten. A decibel is a "
                f"tenth of a factor of ten: {loss_db:g} dB is 10^(−{loss_db:g}/10).",
                rule,
            ),
            (
                1 - truth,
                f"{1 - truth:.3g} is the share the fibre swallows. The question asks for the share that "
                "arrives.",
                "The two add up to 1.",
            ),
        ],
        rule,
        what="the share of the photons that arrive",
        relative=True,
        remark=(
            f"{loss_db:g} dB is 10^(−{loss_db / 10:g}) ≈ 1 in {1 / truth:.0f}: {truth / standard:.1f} times "
            f"the light of standard fibre, for a saving of only {FIBER_ATTENUATION_DB_PER_KM - alpha:.2f} "
            "dB/km. Check it on the panel below."
        ),
        mistake_tolerance=0.01,  # 0.84 (16 % lost once) and 0.852 (0.16 % per km) lie 1.4 % apart
    )


# -- 3. The repeaterless bound in bits per second -------------------------------------------------
PLOB_LENGTH_KM = 500.0
"""Length of standard fibre in exercise ``loss.plob_rate``."""
PLOB_LENGTHS_KM = (PLOB_LENGTH_KM, 300.0, 400.0, 450.0, 550.0, 600.0)
"""The lesson's length, then the other students' (up to 120 dB: 1 − η is still not 1 in floats)."""
PLOB_CLOCK_HZ = 1e9
"""Pulses per second in exercise ``loss.plob_rate``."""


@exercise(
    id="loss.plob_rate",
    lesson=LESSON,
    answer_name="answer_plob_rate",
    points=1,
    params=[Parameter("length_km", PLOB_LENGTHS_KM, symbol="L", unit="km")],
)
def check_plob_rate(answer: object, length_km: float) -> Verdict:
    """One number: secret bits per second, e.g. 2.5 or 3e-4.

    Exercise: over L km of standard fibre (0.2 dB/km; 500 km in the lesson, each student's own
    length on a class hub), with a clock of 1 GHz, what is the most secret key, in bits per
    second, that any link without a station in between could give (the PLOB bound)?

    Parameters
    ----------
    answer : float
        Bits per second, within 10 % of the exact value.
    length_km : float
        The length L, in the student's variant.

    Returns
    -------
    Verdict
        Correct, or the mistake: the bound per pulse (no clock), the transmittance times the
        clock (one bit per arriving photon, or ln for log2), log10 for log2, ln 2 multiplied
        instead of divided, a sifting factor 1/2, the transmittance alone, the panel's 2 MHz
        clock, 0 (1e-100 for 100 dB), a negative rate.
    """
    length, clock = length_km, PLOB_CLOCK_HZ
    pulses = f"10^{round(math.log10(clock))}"  # 10^9
    eta = fiber_transmittance(length)
    per_pulse = plob_bound(eta)
    truth = clock * per_pulse
    loss_db = FIBER_ATTENUATION_DB_PER_KM * length
    recipe = (
        f"{length:g} km lose {loss_db:g} dB, so η = 10^(−{loss_db:g}/10) = {eta:g}. The bound is −log2(1 − "
        f"η) ≈ 1.44 η secret bits per pulse; multiply by {pulses} pulses per second."
    )
    value = read_number(answer, "the rate", "0.5")
    if near(value, truth):
        if truth < 1:
            pace = f"about one secret bit every {1 / truth:.0f} seconds"
        else:
            pace = f"about {truth:,.3g} secret bits each second"
        return correct(
            f"The bound is {per_pulse:.3g} bits per pulse × {pulses} pulses per second = {truth:.3g} bit/s; "
            f"you gave {value:g}: {pace}, and no direct link, whatever its source and detectors, can do "
            "better. The next cell prints the bound at other "
            "distances."
        )
    mistakes = [
        (
            per_pulse,
            f"{per_pulse:.3g} is the bound per pulse (per use of the fibre). The question asks for bits per "
            f"second: Alice sends {pulses} pulses each second.",
            "Multiply by the clock rate.",
        ),
        (
            clock * eta,
            f"{clock * eta:g} bit/s = η × clock counts one secret bit for every photon that arrives (or uses "
            "ln where log2 belongs). The bound is a little higher: −log2(1 − η) ≈ η / ln 2 ≈ 1.44 η per "
            "pulse.",
            recipe,
        ),
        (
            clock * -math.log10(1 - eta),
            f"{clock * -math.log10(1 - eta):.3g} bit/s uses log10. Secret bits are counted with log2: "
            "−log2(1 − η) ≈ 1.44 η.",
            recipe,
        ),
        (
            clock * eta * math.log(2),
            f"{clock * eta * math.log(2):.3g} bit/s multiplies η by ln 2. At high loss the bound is η / ln 2 "
            "≈ 1.44 η: divide by ln 2.",
            recipe,
        ),
        (
            truth / 2,
            f"{truth / 2:.3g} bit/s takes half of the bound, as if for BB84's sifting. The bound holds for "
            "every protocol at once and has no such factor: it is the most any of them could reach.",
            recipe,
        ),
        (
            eta,
            f"{eta:g} is η, the share of the photons that cross {length:g} km. The bound turns η into secret "
            "bits per pulse, and the clock turns those into bits per second.",
            recipe,
        ),
        (
            2e6 * per_pulse,
            f"{2e6 * per_pulse:.3g} bit/s uses a 2 MHz clock, the panel's 2004 equipment. Here the clock is "
            f"{pulses} Hz.",
            recipe,
        ),
    ]
    for wrong_value, message, mistake_hint in mistakes:
        if near(value, wrong_value, 0.02):  # η ln 2 and half the bound lie 4 % apart
            return wrong(message, mistake_hint)
    if value < 0:
        return wrong(f"{value:g} cannot be a rate: a key grows by 0 bits per second or more.", recipe)
    if value == 0 or value < truth * 1e-6:
        return wrong(
            f"{value:g} bit/s is far too little. The bound is never 0 while some light arrives. Did you take "
            f"{loss_db:g} dB as η = 10^−{loss_db:g}? That is 10^(−{loss_db:g}/10) = {eta:g}. (In Python, 1 − "
            "η rounds to exactly 1 when η is below about 1e-16, and −log2(1) = 0.)",
            recipe,
        )
    return wrong(f"{value:g} bit/s is not the bound.", recipe)


# -- 4. Predict, then check: where the decoy key stops -----------------------------------------------
def _photon_clicks(distance_km: float, link: Mapping[str, float] = WALL_LINK) -> float:
    """Photon clicks per pulse after ``distance_km`` of the link's fibre: ``mu eta_det eta``."""
    eta = fiber_transmittance(distance_km, link["attenuation_db_per_km"])
    return link["mean_photon_number"] * link["detector_efficiency"] * eta


def _distance_where_clicks_are(ratio: float, link: Mapping[str, float] = WALL_LINK) -> float:
    """The distance at which photon clicks per pulse are ``ratio`` times the dark counts, in km."""
    at_alice = link["mean_photon_number"] * link["detector_efficiency"]
    loss_db = 10 * math.log10(at_alice / (ratio * link["dark_count_probability"]))
    return loss_db / link["attenuation_db_per_km"]


def _wall_km(link: Mapping[str, float] = WALL_LINK) -> float:
    """Where the decoy key of the link (:data:`WALL_LINK` by default) stops, in km."""
    return max_distance_km(**link)


def _clicks_there(distance_km: float, link: Mapping[str, float] = WALL_LINK) -> str:
    """How photon clicks compare with false clicks at ``distance_km``, and the key rate there."""
    ratio = _photon_clicks(distance_km, link) / link["dark_count_probability"]
    rate = bb84_key_rate(distance_km, **link)
    if ratio >= 1:
        compare = f"photon clicks outnumber false clicks about {count_text(ratio)} to 1"
    else:
        compare = f"false clicks outnumber photon clicks about {count_text(1 / ratio)} to 1"
    key = "no key at all" if rate <= 0 else f"{rate_text(rate)} of key"
    return f"{compare}, and the model gives {key}"


def _reach_recipe(link: Mapping[str, float] = WALL_LINK) -> str:
    """How to estimate the wall with the lesson's rule of thumb, in the numbers of the link."""
    mu, efficiency = link["mean_photon_number"], link["detector_efficiency"]
    dark = f"{link['dark_count_probability']:g}".replace("e-0", "e-")  # 1.7e-6, not 1.7e-06
    return (
        f"The key stops when photon clicks outnumber false ones only about {_WALL_RATIO:g} to 1. At Alice's "
        f"end a pulse gives Bob {mu:g} × {efficiency:g} = {mu * efficiency:g} photon clicks: find how many "
        f"dB bring that down to {_WALL_RATIO:g} × {dark}, then divide by "
        f"{link['attenuation_db_per_km']:g} dB/km."
    )


DARK_COUNT_OPTIONS = (WALL_LINK["dark_count_probability"], 5e-7, 1.7e-7, 5e-8, 1.7e-8)
"""False clicks per pulse of Bob's detectors in ``loss.decoy_reach``: the lesson's 2004 detector,
then the other students' quieter ones. Each moves the wall by more than twice
:data:`REACH_TOLERANCE_KM`, and none brings it within reach of the 122 km of 2004."""


@exercise(
    id="loss.decoy_reach",
    lesson=LESSON,
    answer_name="answer_decoy_reach",
    points=2,
    params=[Parameter("dark_count", DARK_COUNT_OPTIONS, symbol="p_dark")],
)
def check_decoy_reach(answer: object, dark_count: float) -> Verdict:
    """One number: a distance in km, e.g. 250.

    Exercise (predict, then check on the panel): with the 2004 equipment (mu = 0.5, 4.5 %
    efficient detectors that click falsely with probability p_dark per pulse: 1.7e-6 in the
    lesson, each student's own on a class hub) on 0.2 dB/km fibre, where does the key of weak
    pulses with decoys stop? The lesson's rule of thumb: when photon clicks outnumber false
    clicks only about ten to one.

    Parameters
    ----------
    answer : float
        The distance in km, within :data:`REACH_TOLERANCE_KM` of the model's wall.
    dark_count : float
        The probability of a false click per pulse, in the student's variant.

    Returns
    -------
    Verdict
        Correct (with the rule of thumb's estimate and an invitation to check it on the panel),
        or the mistake: the loss in dB instead of km, the distance where photon clicks merely
        equal false clicks, the 122 km of the 2004 experiment, a negative distance; any other
        distance is told how photon clicks compare with false clicks there, and whether the
        model still gives a key.
    """
    link = {**WALL_LINK, "dark_count_probability": dark_count}
    wall = _wall_km(link)
    alpha = link["attenuation_db_per_km"]
    estimate = _distance_where_clicks_are(_WALL_RATIO, link)
    equal = _distance_where_clicks_are(1.0, link)
    value = read_number(answer, "the distance", "250")
    if close(value, wall, REACH_TOLERANCE_KM):
        ratio = _photon_clicks(wall, link) / dark_count
        return correct(
            f"The model's decoy key stops at {wall:.0f} km, after {alpha * wall:.1f} dB of fibre; you gave "
            f"{value:g}. The rule of thumb gives {estimate:.0f} km; at the exact wall photon clicks still "
            f"outnumber false clicks about {ratio:.0f} to 1, and yet there the errors come to cost as much "
            "as the key yields. Check it on the panel below: the hollow circle on the distance axis."
        )
    recipe = _reach_recipe(link)
    if value < 0:
        return wrong(f"{value:g} km cannot be a distance: a fibre is 0 km long or more.", recipe)
    if 0.8 * alpha * wall <= value <= 1.2 * alpha * wall:
        return wrong(
            f"{value:g} looks like a loss in dB: the wall stands near {alpha * wall:.0f} dB of fibre. The "
            f"question asks for km. (If you meant {value:g} km: there {_clicks_there(value, link)}.)",
            f"Divide a loss in dB by {alpha:g} dB/km to get km.",
        )
    if close(value, equal, 8.0):
        return wrong(
            f"At about {equal:.0f} km photon clicks merely equal false clicks. Long before that the key is "
            "gone: with half of all clicks false, and a false click wrong half the time, a quarter of Bob's "
            "bits would be wrong, far more than error correction and privacy amplification can pay for.",
            recipe,
        )
    if close(value, _GOBBY_KM, 2.0):
        return wrong(
            f"{_GOBBY_KM:g} km is the fibre Gobby, Yuan & Shields used in 2004, with the detector the "
            "lesson's equipment models. The question asks where the model's decoy key stops. At "
            f"{value:g} km "
            f"{_clicks_there(value, link)}.",
            recipe,
        )
    if value > wall:
        return wrong(
            f"Too far. At {value:g} km {_clicks_there(value, link)}: the false clicks spoil too many bits.",
            recipe,
        )
    return wrong(
        f"Too near. At {value:g} km {_clicks_there(value, link)}: the wall stands further out.", recipe
    )


# -- 5. Predict, then check: a faster clock -------------------------------------------------------------
FAST_CLOCK_HZ = 2e9
"""Alice's faster clock in exercise ``loss.fast_clock_reach`` (1000 times the 2 MHz of :data:`WALL_LINK`)."""


@exercise(id="loss.fast_clock_reach", lesson=LESSON, answer_name="answer_fast_clock_reach", points=1)
def check_fast_clock_reach(answer: object) -> Verdict:
    """One number: a distance in km, e.g. 250.

    Exercise (predict, then check with the library): Alice's clock goes from 2 MHz to 2 GHz, a
    thousand times faster, and Bob's detectors stay the same (the same efficiency and the same
    probability of a false click per pulse). Where does the decoy key stop now?

    Parameters
    ----------
    answer : float
        The distance in km, within :data:`REACH_TOLERANCE_KM` of the model's wall.

    Returns
    -------
    Verdict
        Correct, or the mistake: 30 dB (150 km) more for a factor 1000 of pulses, the distance
        scaled with the clock, a wall that moves out or in, the loss in dB, a negative distance.
    """
    slow = WALL_LINK["repetition_rate_hz"]
    factor = FAST_CLOCK_HZ / slow
    alpha = WALL_LINK["attenuation_db_per_km"]
    before = _wall_km()
    truth = max_distance_km(**{**WALL_LINK, "repetition_rate_hz": FAST_CLOCK_HZ})
    extra_km = 10 * math.log10(factor) / alpha
    same_odds = (
        f"{factor:,.0f} times more pulses give {factor:,.0f} times more photon clicks, and {factor:,.0f} "
        "times more false clicks too: the odds of each single pulse do not change."
    )
    hint = (
        f"The wall of the {slow / 1e6:g} MHz link is at {before:.0f} km. What sets it: the number of pulses, "
        "or how photon clicks compare with false clicks on each pulse?"
    )
    value = read_number(answer, "the distance", "250")
    if close(value, truth, REACH_TOLERANCE_KM):
        rate_slow = bb84_key_rate(100, **WALL_LINK)
        rate_fast = bb84_key_rate(100, **{**WALL_LINK, "repetition_rate_hz": FAST_CLOCK_HZ})
        return correct(
            f"The wall stays at {truth:.0f} km; you gave {value:g}. {same_odds} The error rate, and with it "
            f"the wall, depends only on those odds. What the clock buys is rate: {factor:,.0f} times more "
            f"key at every distance short of the wall (at 100 km, {rate_slow:.3g} bit/s becomes "
            f"{rate_fast / 1e3:.3g} kbit/s). The next cell checks it with the library."
        )
    if value < 0:
        return wrong(f"{value:g} km cannot be a distance: a fibre is 0 km long or more.", hint)
    if close(value, before + extra_km, REACH_TOLERANCE_KM):
        return wrong(
            f"{value:g} km adds {extra_km:.0f} km, the {10 * math.log10(factor):.0f} dB that a factor "
            f"{factor:,.0f} buys. That is how the rate behaves: at every distance there is {factor:,.0f} "
            f"times more key. But the wall does not move: {same_odds}",
            hint,
        )
    if value >= 100 * before:
        return wrong(
            f"{value:g} km scales the distance with the clock. A distance does not grow in proportion to the "
            "pulses: each 10 dB of fibre takes a factor 10 of the light. And here the wall does not move at "
            f"all: {same_odds}",
            hint,
        )
    if 0.8 * alpha * truth <= value <= 1.2 * alpha * truth:
        return wrong(
            f"{value:g} looks like a loss in dB (the wall stands near {alpha * truth:.0f} dB). The question "
            "asks for km.",
            f"Divide a loss in dB by {alpha:g} dB/km to get km.",
        )
    if value > truth:
        return wrong(f"The wall does not move out. {same_odds}", hint)
    return wrong(
        "A faster clock does not bring the wall closer either: each pulse has the same odds as before. "
        f"{same_odds}",
        hint,
    )


# -- 6. What could beat the bound? ----------------------------------------------------------------------
BOUND_CHOICES: Mapping[str, str] = MappingProxyType(
    {
        "a": "Detectors that never click falsely, and a perfect single-photon source.",
        "b": "A clock a thousand times faster.",
        "c": "An optical amplifier every 50 km, as on the classical internet.",
        "d": "A station halfway along the fibre that receives light from both Alice and Bob and announces "
        "only which of its detectors clicked.",
    }
)
"""The statements of exercise ``loss.beat_the_bound``, by letter, as the lesson prints them."""
BOUND_RIGHT_CHOICE = "d"
"""The letter of the right statement in :data:`BOUND_CHOICES`."""

_BOUND_FEEDBACK = {
    "a": "(a) removes the wall, not the bound. With no false clicks the key never stops, but each pulse "
    "still gives at most a share of a bit that falls with η: an ideal single-photon BB84 link makes at most "
    "η/2 secret bits per pulse, below the bound's 1.44 η. The bound holds whatever the source and the "
    "detectors: it belongs to the fibre.",
    "b": "(b) raises the bits per second, not the bits per pulse. The bound counts bits per use of the "
    "fibre; a faster clock multiplies the key and the bound in bits per second alike, and no pulse carries "
    "more than −log2(1 − η).",
    "c": "(c) is what the classical internet does, but amplifying is copying, and no device copies an "
    "unknown qubit (lesson 02: two copies of fidelity 5/6 at best). Each amplifier would add noise to every "
    "qubit, and the errors would eat the key.",
}
_BOUND_HINT = (
    "The PLOB bound is for a direct link: nothing between Alice and Bob but fibre. Which option changes that?"
)


@exercise(id="loss.beat_the_bound", lesson=LESSON, answer_name="answer_beat_the_bound", points=1)
def check_beat_the_bound(answer: object) -> Verdict:
    """The letter of one statement as text, e.g. 'a'.

    Exercise: Alice and Bob want more secret bits per pulse over 1000 km of fibre than the PLOB
    bound allows. Which statement (:data:`BOUND_CHOICES`) names something that could do it?

    Parameters
    ----------
    answer : str
        One letter, ``'a'`` to ``'d'``, in any case, with or without brackets (``'(d)'``).

    Returns
    -------
    Verdict
        Correct, or what is wrong with the chosen statement; an unknown letter, several letters
        or a sentence are explained as such.
    """
    letter = read_choice(answer, tuple(BOUND_CHOICES))
    if letter == BOUND_RIGHT_CHOICE:
        return correct(
            f"({letter}) is right: the bound holds for a direct link, and a station in the middle makes the "
            "link something else. Each photon then needs to cross only half of the fibre. This is "
            "twin-field QKD, the next section; the station need not even be trusted, since it announces "
            "only clicks. Quantum repeaters (lesson 10) are stations in the middle too."
        )
    return wrong(_BOUND_FEEDBACK[letter], _BOUND_HINT)
