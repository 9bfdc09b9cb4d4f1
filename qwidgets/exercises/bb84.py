"""Exercises of lesson 03 (BB84): the protocol step by step, sifting, Eve's errors, and the one-time pad.

Every check computes its truth with :mod:`qwidgets.physics`: the Born rule for a photon measured
in the other basis (:func:`~qwidgets.physics.measurement_probabilities`), the share of photons
kept and the error rate that an intercept-resend eavesdropper causes
(:func:`~qwidgets.physics.bb84_statistics`), and the sifted key of a small seeded run
(:func:`~qwidgets.physics.simulate_bb84`), which the lesson prints as a table and which then
serves as the key of the one-time pad. Numbers are judged with
:func:`~qwidgets.exercises.verdicts.probability_verdict`; keys and ciphertexts are read here as
strings of bits (text such as ``'0110'`` or ``'0 1 1 0'``, or a list such as ``[0, 1, 1, 0]``), and
the multiple-choice question as one letter. Each check names the typical mistakes of its exercise:
the bit taken to survive a measurement in the other basis, cases counted instead of weighed,
bits kept where the bases differ or where the bits happen to agree, the wrong basis taken for a
wrong bit, AND or OR instead of XOR.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType

import numpy as np

from qwidgets.exercises.core import Verdict, correct, exercise, wrong
from qwidgets.exercises.readers import MAX_TEXT, read_bits, read_choice
from qwidgets.exercises.variants import Parameter, format_value
from qwidgets.exercises.verdicts import probability_verdict
from qwidgets.physics import (
    AXIS_STATES,
    InterceptResend,
    bb84_statistics,
    measurement_probabilities,
    protocol_bases,
    simulate_bb84,
)

__all__ = [
    "EVE_FRACTIONS",
    "PAD_HOURS",
    "PAD_MESSAGE",
    "SIFTING_PHOTONS",
    "SIFTING_SEED",
    "WHO_KNOWS_CHOICES",
    "WHO_KNOWS_RIGHT_CHOICE",
    "check_eve_qber",
    "check_one_time_pad",
    "check_other_basis_probability",
    "check_sift_fraction",
    "check_sifted_key",
    "check_who_knows",
]

LESSON = "03_bb84"

SIFTING_PHOTONS = 10
"""Photons of the small run whose table the lesson prints for exercise ``bb84.sifted_key``."""
SIFTING_SEED = 41
"""Seed of that run: ``simulate_bb84(SIFTING_PHOTONS, rng=SIFTING_SEED)``."""
PAD_MESSAGE = "01110"
"""The message of exercise ``bb84.one_time_pad`` (the hour 14 in five bits); its key is the sifted key."""
PAD_HOURS = (int(PAD_MESSAGE, 2), 19, 22, 11, 6, 3)
"""The hour sent in exercise ``bb84.one_time_pad``: the lesson's 14, then the other students'. Each
shares a 1 with the key 11010, so that OR and addition with carries differ from XOR, and no hour's
named mistake (AND, OR, XOR upside down, ...) is another hour's ciphertext."""
EVE_FRACTIONS = (1.0, 0.7, 0.75, 0.8, 0.9)
"""Share of the photons Eve intercepts in exercise ``bb84.eve_qber``: the lesson's every photon, then
the other students'. The QBER f/4 stays above 11 %, so Alice and Bob still abort."""


# -- reading bits -----------------------------------------------------------------------------------
def _listed(places: Sequence[int]) -> str:
    """Numbers in words, e.g. ``'3'`` or ``'2, 4 and 5'``."""
    if len(places) == 1:
        return str(places[0])
    return f"{', '.join(map(str, places[:-1]))} and {places[-1]}"


def _positions(places: Sequence[int]) -> str:
    """Positions in words, e.g. ``'bit 3'`` or ``'bits 2, 4 and 5'``."""
    return f"bit{'s' if len(places) > 1 else ''} {_listed(places)}"


def _bits_verdict(
    answer: object,
    truth: str,
    what: str,
    mistakes: Sequence[tuple[str, str, str]],
    hint: str,
    *,
    remark: str,
    numbers_note: str = "",
) -> Verdict:
    """Judge a string of bits against ``truth``.

    ``mistakes`` lists the bit strings typical mistakes give, with their message and hint (the
    first that matches is used); otherwise a wrong length, or the positions of the wrong bits,
    are named. A number typed without quotes that lost its leading zeros is explained.
    """
    bits = read_bits(answer, numbers_note)
    if bits == truth:
        return correct(f"{what.capitalize()} is {truth}. {remark}".strip())
    for wrong_bits, message, mistake_hint in mistakes:
        if bits == wrong_bits != truth:
            return wrong(message, mistake_hint)
    if isinstance(answer, (int, np.integer)) and truth.startswith("0") and bits == truth.lstrip("0"):
        return wrong(
            f"Those are the right bits, but typed as a number, and a number drops its leading zeros: {bits} "
            f"has {len(bits)} digits, {what} has {len(truth)} bits.",
            "Write the bits as text in quotes, e.g. '0110': then every leading 0 stays.",
        )
    if len(bits) != len(truth):
        return wrong(f"Your answer has {len(bits)} bits; {what} has {len(truth)}.", hint)
    wrong_positions = [i for i, (a, b) in enumerate(zip(bits, truth), start=1) if a != b]
    count = len(wrong_positions)
    return wrong(
        f"{count} of the {len(truth)} bits {'is' if count == 1 else 'are'} wrong: "
        f"{_positions(wrong_positions)}, counted from the left.",
        hint,
    )


def _whole_numbers(answer: object) -> tuple[int, ...] | None:
    """The whole numbers that an answer lists, as text (``'1 2 5'``) or a list, or ``None`` if it does not."""
    if isinstance(answer, str):
        if len(answer) <= MAX_TEXT and re.fullmatch(r"[\s\d,;\[\]()]*", answer):
            return tuple(int(number) for number in re.findall(r"\d+", answer))
        return None
    if isinstance(answer, (list, tuple)) and len(answer) <= MAX_TEXT:
        if all(isinstance(i, (int, np.integer)) and not isinstance(i, (bool, np.bool_)) for i in answer):
            return tuple(int(i) for i in answer)
    return None


# -- 1. Predict, then check: a photon measured in the other basis ---------------------------------
@exercise(
    id="bb84.other_basis_probability",
    lesson=LESSON,
    answer_name="answer_other_basis_probability",
    points=1,
)
def check_other_basis_probability(answer: object) -> Verdict:
    """One number from 0 to 1: the probability that Bob reads 0, e.g. 0.3.

    Exercise (predict, then check on the panel): Alice sends bit 0 in the X basis, the photon
    ``|+>``. Bob measures it in the Z basis. Predict the probability that he reads 0.

    Parameters
    ----------
    answer : float
        The probability, within 0.01.

    Returns
    -------
    Verdict
        Correct (with an invitation to check it on the panel), or the mistake: 1 (the bit taken
        to survive a measurement in the other basis, or Bob's basis taken for Alice's), 0
        (``|+>`` taken as orthogonal to ``|0>``), 0.25 (squared twice), 0.707 (the amplitude), a
        percentage.
    """
    plus = AXIS_STATES["+"].ket
    truth = measurement_probabilities(plus, "Z")[0]
    same_basis = measurement_probabilities(plus, "X")[0]
    rule = (
        "|+⟩ lies on the x axis, a quarter turn from both |0⟩ and |1⟩; the Born rule of lesson 01, "
        "P = (1 + r·n)/2, gives the probability of outcome 0 along n = (0, 0, 1)."
    )
    return probability_verdict(
        answer,
        truth,
        [
            (
                same_basis,
                "1 is what Bob gets when he measures in Alice's basis, X: |+⟩ gives + (bit 0) every time. "
                "In the Z basis the bit Alice put into the photon does not carry over: a Z measurement asks "
                "'|0⟩ or |1⟩?', and |+⟩ is neither.",
                rule,
            ),
            (
                0.0,
                "0 would mean that |+⟩ never passes as |0⟩, as if the two were opposite (orthogonal). They "
                "are not: |+⟩ is opposite |−⟩, and a quarter turn from |0⟩.",
                rule,
            ),
            (
                truth * truth,
                f"{truth * truth:g} squares once too often. The amplitude of |0⟩ in |+⟩ is 1/√2, and its "
                "square is already the probability.",
                rule,
            ),
            (
                math.sqrt(truth),
                "0.707 = 1/√2 is the amplitude of |0⟩ in |+⟩ = (|0⟩ + |1⟩)/√2. A probability is the squared "
                "size of an amplitude (Born rule).",
                "Square the amplitude.",
            ),
        ],
        rule,
        remark=(
            "In the other basis Bob's bit is a coin toss: it tells him nothing about Alice's bit. Check it "
            "on the panel below: it holds |+⟩ and measures in Z."
        ),
    )


# -- 2. Predict, then check: the share of photons kept ---------------------------------------------
@exercise(id="bb84.sift_fraction", lesson=LESSON, answer_name="answer_sift_fraction", points=1)
def check_sift_fraction(answer: object) -> Verdict:
    """One number from 0 to 1: the share of the photons kept, e.g. 0.3.

    Exercise (predict, then check on the panel): Alice and Bob each choose Z or X at random, with
    equal odds, for every photon, and keep the photons where their bases agree. On average, what
    share of the photons do they keep?

    Parameters
    ----------
    answer : float
        The share, within 0.01.

    Returns
    -------
    Verdict
        Correct (with the six-state protocol's 1/3 and an invitation to check it on the panel), or
        the mistake: 1/4 (both Z only), 1 (no sifting), 3/4 (the share of Bob's bits that happen
        to be right), 2/3 (three cases counted as equally likely), 1/3 (three bases), a percentage.
    """
    stats = bb84_statistics()
    truth = stats.sift_fraction
    p_basis = 1 / len(protocol_bases(2))  # the chance of choosing one given basis
    both_z = p_basis * p_basis
    coin = measurement_probabilities(AXIS_STATES["+"].ket, "Z")[0]  # a photon measured in the other basis
    right_by_chance = truth + (1 - truth) * coin
    six_state = bb84_statistics(bases=3).sift_fraction
    count = (
        "List the four equally likely pairs (Alice's basis, Bob's basis): ZZ, ZX, XZ, XX. "
        "In how many do the bases agree?"
    )
    return probability_verdict(
        answer,
        truth,
        [
            (
                both_z,
                f"{both_z:g} is the chance that both choose Z. They also keep the photons where both choose "
                f"X, another {both_z:g}.",
                count,
            ),
            (
                1.0,
                "Keeping every photon would keep the coin tosses too: where Bob measured in the other basis, "
                "his bit is random and tells him nothing about Alice's.",
                count,
            ),
            (
                right_by_chance,
                f"{right_by_chance:g} is the share of photons where Bob's bit happens to equal Alice's: all "
                f"those measured in the same basis ({truth:g}) and, by luck, half of the others. But nobody "
                "knows which of the others are right, so all of them are thrown away.",
                count,
            ),
            (
                2 / 3,
                "2/3 counts three cases, 'both Z', 'both X' and 'different', as if they were equally likely. "
                "'Different' happens in two ways: Alice Z and Bob X, or Alice X and Bob Z.",
                count,
            ),
            (
                six_state,
                "1/3 is the share for the six-state protocol, which uses three bases (Z, X and Y). BB84 "
                "uses two.",
                count,
            ),
        ],
        count,
        remark=(
            f"A photon is kept with probability {truth:g}, so on average Alice and Bob keep half of the "
            "photons: the bases agree in two of the four equally likely pairs. (With three bases, in the "
            f"six-state protocol, they would keep only {six_state:.3g}.) Check it on the panel below: step "
            "to '3 compare bases', read how many of the photons are kept, and press New run a few times."
        ),
    )


# -- 3. Who knows the sifted key? --------------------------------------------------------------------
WHO_KNOWS_CHOICES: Mapping[str, str] = MappingProxyType(
    {
        "a": "Everyone listening: the bases were announced in public, and the basis of a photon tells "
        "its bit.",
        "b": "Only Alice and Bob: everyone now knows which photons are kept, but no bit was announced, "
        "and for the kept photons Bob's bit equals Alice's.",
        "c": "Nobody yet: Alice and Bob must first announce their bits in public to find out which ones "
        "agree.",
        "d": "Only Alice: Bob's bits are coin tosses, so he must wait until Alice tells him her bits.",
    }
)
"""The statements of exercise ``bb84.who_knows``, by letter, as the lesson prints them."""
WHO_KNOWS_RIGHT_CHOICE = "b"
"""The letter of the right statement in :data:`WHO_KNOWS_CHOICES`."""

_WHO_KNOWS_FEEDBACK = {
    "a": "(a) mixes up the basis and the bit. In each basis both bits are equally likely: knowing that a "
    "photon went in X tells you it was |+⟩ or |−⟩, bit 0 or bit 1, with even odds. The announcement "
    "reveals which photons are kept, not one bit of the key.",
    "c": "(c) would give the key away: a bit announced in public is known to everyone, so it can no longer "
    "be secret. There is no need: where the bases agree, Bob's measurement gives Alice's bit for sure, "
    "unless noise or Eve got in the way (which step 4 estimates from a sample that is then thrown away).",
    "d": "(d) holds only for the photons Bob measured in the other basis, and those are thrown away. Where "
    "his basis is Alice's, his result is certain: |0⟩ measured in Z gives 0 every time, |+⟩ measured in X "
    "gives 0 every time. So after sifting Bob already holds Alice's bits.",
}


@exercise(id="bb84.who_knows", lesson=LESSON, answer_name="answer_who_knows", points=1)
def check_who_knows(answer: object) -> Verdict:
    """The letter of one statement as text, e.g. 'a'.

    Exercise: Alice and Bob have announced their bases in public and kept the photons measured in
    the same basis. Eve did not touch the photons; she hears everything said in public. Which
    statement (:data:`WHO_KNOWS_CHOICES`) says who knows the sifted key?

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
    letter = read_choice(answer, tuple(WHO_KNOWS_CHOICES))
    if letter == WHO_KNOWS_RIGHT_CHOICE:
        return correct(
            f"({letter}) is right: the public now knows both bases of every photon, so it knows which "
            "photons are kept, but not a single bit. Where the bases agree, Bob measured exactly what Alice "
            "prepared, so his bits are hers: Alice and Bob share the sifted key, and only they do."
        )
    return wrong(
        _WHO_KNOWS_FEEDBACK[letter],
        "For a kept photon, what does Bob's result say about Alice's bit? And what does the basis alone say?",
    )


# -- 4. The sifted key of a small run --------------------------------------------------------------
def _sifting_run():
    """The small seeded run whose table the lesson prints."""
    return simulate_bb84(SIFTING_PHOTONS, rng=SIFTING_SEED)


def _text(bits: np.ndarray) -> str:
    return "".join(str(int(bit)) for bit in bits)


def _sifted_key() -> str:
    """The sifted key of the lesson's small run, as text (Alice's bits where the bases agree)."""
    run = _sifting_run()
    return _text(run.alice_bits[run.sifted])


@exercise(id="bb84.sifted_key", lesson=LESSON, answer_name="answer_sifted_key", points=1)
def check_sifted_key(answer: object) -> Verdict:
    """The sifted key as bits in quotes, e.g. '0110' (or a list, e.g. [0, 1, 1, 0]).

    Exercise: from the printed table of the run ``simulate_bb84(SIFTING_PHOTONS,
    rng=SIFTING_SEED)`` (Alice's and Bob's bases and bits), write the sifted key, in the order of
    the photons.

    Parameters
    ----------
    answer : str or list of int
        The bits, as text (spaces and commas allowed) or as a list of 0s and 1s.

    Returns
    -------
    Verdict
        Correct, or the mistake: every photon kept (Alice's or Bob's bits), the photons whose
        bases differ kept instead (Alice's or Bob's bits), the photons whose bits agree kept,
        the right bits in reverse order, photon numbers or bases instead of bits, a wrong length,
        or which bits are wrong.
    """
    run = _sifting_run()
    kept, other = run.sifted, ~run.sifted
    truth = _text(run.alice_bits[kept])
    agree = run.alice_bits == run.bob_results
    lucky = int(np.count_nonzero(agree & other))
    rule = (
        "Keep a photon when Alice's basis and Bob's basis are the same letter; its bit is then the same "
        "for both."
    )
    mistakes = [
        (
            _text(run.alice_bits),
            "That is every one of Alice's bits. Sifting throws away the photons that Bob measured in the "
            "other basis: his bits there are coin tosses.",
            rule,
        ),
        (
            _text(run.bob_results),
            "That is every one of Bob's bits. Where he measured in the other basis his bit is a coin toss, "
            "and those photons are thrown away.",
            rule,
        ),
        (
            _text(run.alice_bits[other]),
            "You kept the photons whose bases differ, the ones that are thrown away. Those are Alice's bits "
            "for photons Bob measured in the wrong basis.",
            rule,
        ),
        (
            _text(run.bob_results[other]),
            "You kept Bob's bits for the photons whose bases differ. There his bits are coin tosses: those "
            "photons are the ones thrown away.",
            rule,
        ),
        (
            _text(run.alice_bits[agree]),
            f"You kept the photons where Alice's and Bob's bits agree. But they never compare bits (that "
            f"would make them public), and {lucky} of those photons were measured in different bases: "
            "their bits agree by luck.",
            "Compare the bases, not the bits.",
        ),
        (
            truth[::-1],
            "Those are the right bits in reverse order. The key keeps the order of the photons: the first "
            "kept photon gives the first bit.",
            "Read the table from photon 1 to the last.",
        ),
    ]
    kept_numbers = tuple(int(i) + 1 for i in np.flatnonzero(kept))
    numbers = _whole_numbers(answer)
    if numbers is not None and any(n > 1 for n in numbers):
        for listed, counted in ((kept_numbers, ""), (tuple(n - 1 for n in kept_numbers), ", counted from 0")):
            if numbers == listed:
                return wrong(
                    f"Those are the right photons{counted}, the ones whose bases agree. But the key is made "
                    "of their bits, not of their numbers.",
                    "Write Alice's bit of each of those photons (Bob's is the same there), in the same "
                    "order.",
                )
    numbers_note = "If those are photon numbers, write the bits of those photons instead, in the same order."
    return _bits_verdict(
        answer,
        truth,
        "the sifted key",
        mistakes,
        rule,
        remark=(
            f"The bases agree for photons {_listed(kept_numbers)}, and there "
            "Bob's bits equal Alice's: both hold this key, and the public, which heard only the bases, "
            "does not. The next cell checks it with the library."
        ),
        numbers_note=numbers_note,
    )


# -- 5. Predict, then check: the errors Eve leaves ----------------------------------------------
@exercise(
    id="bb84.eve_qber",
    lesson=LESSON,
    answer_name="answer_eve_qber",
    points=1,
    params=[Parameter("fraction", EVE_FRACTIONS, symbol="f")],
)
def check_eve_qber(answer: object, fraction: float) -> Verdict:
    """One number from 0 to 1: the share of the sifted bits that differ, e.g. 0.3.

    Exercise (predict, then check on the panel): Eve intercepts a share ``f`` of the photons
    (every photon, f = 1, in the lesson; each student's own share on a class hub), measures each
    in Z or X at random and sends Bob a new photon in the state she found. What share of the
    sifted bits (photons where Alice's and Bob's bases agree) end up different at Alice's and
    Bob's?

    Parameters
    ----------
    answer : float
        The share, within 0.01.
    fraction : float
        ``f``, the share of the photons Eve intercepts in the student's variant.

    Returns
    -------
    Verdict
        Correct (with an invitation to check it on the panel), or the mistake: f/2 (every
        intercepted photon measured in the wrong basis taken as an error), 1 (every bit wrong), 0
        (no trace), 1 − f/4 (the bits that stay right), f/8 (a share of all photons sent), a
        percentage.
    """
    f = fraction
    shown = format_value(f)
    truth = bb84_statistics(eve=InterceptResend(fraction=f)).qber
    wrong_basis = f * (1 - 1 / len(protocol_bases(2)))  # Eve intercepts, and picks the other basis
    per_photon = truth * bb84_statistics().sift_fraction
    every = f == 1
    caught = "" if every else f"Eve intercepts it with probability f = {shown}. "
    steps = (
        f"Follow one sifted photon. {caught}Half of the time Eve picks Alice's basis: what does Bob get? "
        "The other half she picks the wrong one: her photon is then a quarter turn from Alice's axis, and "
        "Bob measures in Alice's basis."
    )
    how_often = (
        "how often Eve picks the wrong basis"
        if every
        else f"how often a photon is intercepted in the wrong basis ({shown} × 1/2)"
    )
    share = (
        "A quarter of the sifted bits differ: Eve picks the wrong basis half the time, and then Bob's bit "
        "is wrong half the time."
        if every
        else f"A share {truth:g} of the sifted bits differ, f/4: Eve intercepts a share {shown} of the "
        "photons, picks the wrong basis half the time, and then Bob's bit is wrong half the time."
    )
    return probability_verdict(
        answer,
        truth,
        [
            (
                wrong_basis,
                f"{wrong_basis:g} is {how_often}. But even then Bob's bit is a coin toss, right half the "
                "time: only half of those photons end up as errors.",
                steps,
            ),
            (
                1.0,
                "Not every bit goes wrong. When Eve happens to pick Alice's basis (half the time) she finds "
                "Alice's bit and resends exactly Alice's photon: Bob gets the right bit.",
                steps,
            ),
            (
                0.0,
                "Eve's measurement does leave a trace. When she picks the wrong basis, the photon she "
                "resends lies on her axis, not Alice's, and Bob's result in Alice's basis becomes a coin "
                "toss.",
                steps,
            ),
            (
                1 - truth,
                f"{1 - truth:g} is the share of sifted bits that stay right. The question asks for the share "
                "that differ.",
                steps,
            ),
            (
                per_photon,
                f"{per_photon:g} is the share of all photons sent that end up as wrong bits. But half of the "
                "photons are thrown away at sifting: the question asks for the share of the sifted bits.",
                steps,
            ),
        ],
        steps,
        remark=(
            f"{share} This error rate is the QBER her attack causes. Check it on the panel below: step to "
            "'4 check a sample' and read how many of the compared bits differ."
        ),
    )


# -- 6. The one-time pad -----------------------------------------------------------------------------
def _combine(a: str, b: str, rule) -> str:
    return "".join(str(rule(int(x), int(y))) for x, y in zip(a, b))


@exercise(
    id="bb84.one_time_pad",
    lesson=LESSON,
    answer_name="answer_one_time_pad",
    points=1,
    params=[Parameter("hour", PAD_HOURS, symbol="hour")],
)
def check_one_time_pad(answer: object, hour: int) -> Verdict:
    """The ciphertext as bits in quotes, e.g. '0110' (or a list, e.g. [0, 1, 1, 0]).

    Exercise: Alice encrypts the hour of a meeting, written in five bits (14, the message
    :data:`PAD_MESSAGE`, in the lesson; each student's own hour on a class hub), with the
    one-time pad, using the sifted key of exercise ``bb84.sifted_key`` as the key: each bit of
    the ciphertext is the XOR of the message's bit and the key's bit at the same position. Give
    the ciphertext.

    Parameters
    ----------
    answer : str or list of int
        The bits, as text (spaces and commas allowed) or as a list of 0s and 1s.
    hour : int
        The hour of the student's variant, sent as five bits.

    Returns
    -------
    Verdict
        Correct, or the mistake: AND or OR instead of XOR, XOR turned upside down (1 where the
        bits agree), the key or the message itself, the two added as binary numbers (with carries),
        a wrong length, or which bits are wrong.
    """
    key = _sifted_key()
    width = len(PAD_MESSAGE)
    message = format(hour, f"0{width}b")
    truth = _combine(message, key, lambda m, k: m ^ k)
    added = format((int(message, 2) + int(key, 2)) % 2**width, f"0{width}b")
    xor_rule = (
        "XOR gives 1 when the two bits differ and 0 when they are the same: "
        "0⊕0 = 0, 0⊕1 = 1, 1⊕0 = 1, 1⊕1 = 0."
    )
    mistakes = [
        (
            _combine(message, key, lambda m, k: m & k),
            "That is the AND of the message and the key: 1 only where both bits are 1. AND loses "
            "information: wherever the key bit is 0 the result is 0, and Bob could never recover the "
            "message bit there.",
            xor_rule,
        ),
        (
            _combine(message, key, lambda m, k: m | k),
            "That is the OR of the message and the key: 1 where either bit is 1. Where both are 1, XOR "
            "gives 0. OR loses information too: wherever the key bit is 1 the result is 1, whatever the "
            "message.",
            xor_rule,
        ),
        (
            _combine(message, key, lambda m, k: 1 - (m ^ k)),
            "That is XOR upside down: you wrote 1 where the bits are the same and 0 where they differ.",
            xor_rule,
        ),
        (
            key,
            "That is the key itself. The ciphertext combines the key with the message, bit by bit.",
            xor_rule,
        ),
        (
            message,
            "That is the message itself, sent in the clear: Eve could read it. The ciphertext combines "
            "the message with the key, bit by bit.",
            xor_rule,
        ),
        (
            added,
            "That is the message and the key added as binary numbers, with carries from one position to "
            "the next. The one-time pad adds each position on its own, with no carry: that is XOR "
            "(addition modulo 2).",
            xor_rule,
        ),
    ]
    return _bits_verdict(
        answer,
        truth,
        "the ciphertext",
        mistakes,
        f"{xor_rule} The message is the hour {hour} in five bits, {message}.",
        remark=(
            f"Bob undoes it with the same key: {truth} ⊕ {key} = {message}, since XOR-ing a bit twice with "
            "the same key bit gives it back. Eve, who sees only the ciphertext, learns nothing: each "
            "possible message goes with exactly one key, and every key is equally likely."
        ),
    )
