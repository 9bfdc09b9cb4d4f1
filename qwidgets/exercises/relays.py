"""Exercises of lesson 06 (trusted nodes and satellites): relaying a key, and what it costs in trust.

Every check computes its truth with :mod:`qwidgets.physics`: the rates of a chain of trusted
relays and who holds its key (:func:`~qwidgets.physics.relay_chain`,
:func:`~qwidgets.physics.trusted_node_chain`, with the decoy-state BB84 of
:func:`~qwidgets.physics.bb84_key_rate` and its reach :func:`~qwidgets.physics.max_distance_km`),
the light a satellite downlink delivers (:func:`~qwidgets.physics.satellite_transmittance`, the
Micius downlink) and the geometry of the Micius experiment
(:func:`~qwidgets.physics.midpoint_downlinks`), against fibre
(:func:`~qwidgets.physics.fiber_transmittance`). The relay of exercise ``relays.relay_xor_key``
is a one-time pad, XOR bit by bit, worked out here.

Each check names the typical mistakes of its exercise: the announcement or one's own key taken
for the relayed key, AND or OR in the place of XOR; hop rates added, averaged or the fastest one
taken, or the times of the hops added as if they took turns; hops or nodes alone counted as the
holders of the key; hops counted instead of nodes, and a count rounded down; a free-space loss
taken to fall as 1/L, or to double in dB like a fibre's; a difference in dB, its power of ten,
or both downlinks given for the factor asked; and, in the multiple choice, rate, tapping and
amplification taken for what stands between stage 0 and end-to-end security.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType

import numpy as np

from qwidgets.exercises.core import Verdict, correct, exercise, wrong
from qwidgets.exercises.readers import read_bits, read_choice, read_number
from qwidgets.exercises.variants import Parameter
from qwidgets.panels.summary import rate_text
from qwidgets.physics import (
    FIBER_ATTENUATION_DB_PER_KM,
    MAX_TRUSTED_NODES,
    bb84_key_rate,
    fiber_transmittance,
    loss_db,
    max_distance_km,
    midpoint_downlinks,
    relay_chain,
    satellite_transmittance,
    trusted_node_chain,
)

__all__ = [
    "CHAIN_FIRST_HOPS_KM",
    "CHAIN_HOPS_KM",
    "DOUBLING_RANGES_KM",
    "END_TO_END_CHOICES",
    "END_TO_END_RIGHT_CHOICE",
    "FEWEST_NODES_LINES_KM",
    "FEWEST_NODES_LINE_KM",
    "HOLDERS_LINE_KM",
    "HOLDERS_NODES",
    "HOLDERS_NODES_OPTIONS",
    "MICIUS_STATIONS_KM",
    "RELAY_HOP1_KEY",
    "RELAY_HOP2_KEY",
    "RELAY_KEYS_OPTIONS",
    "STATIONS_KM_OPTIONS",
    "check_chain_fewest_nodes",
    "check_chain_key_holders",
    "check_chain_rate",
    "check_downlink_doubling_db",
    "check_downlink_vs_fibre",
    "check_relay_end_to_end",
    "check_relay_xor_key",
]

LESSON = "06_trusted_nodes_and_satellites"

_RATE_TOLERANCE = 0.05  # a rate typed by hand, relative to its size (the lesson prints 3 digits)
_DB_TOLERANCE = 0.3  # a loss difference in dB typed by hand
_LOG_TOLERANCE = math.log10(2.0)  # a huge factor: within a factor 2 (the lesson rounds dB to 0.1)
_MAX_COUNT = 10**6  # most nodes or parties worth discussing
_PANEL_MAX_NODES = 5  # the most nodes the TrustedNodePanel holds (qwidgets.panels.trusted.MAX_NODES)


def _xor(a: str, b: str) -> str:
    """Two equally long strings of bits combined bit by bit with XOR (the one-time pad)."""
    return "".join("1" if x != y else "0" for x, y in zip(a, b))


def _combine(a: str, b: str, rule) -> str:
    return "".join(str(rule(int(x), int(y))) for x, y in zip(a, b))


def _whole(value: float) -> bool:
    return abs(value - round(value)) <= 1e-9 * max(1.0, abs(value))


# -- 1. The node in the middle: relaying a key with one announcement ----------------------------------
RELAY_HOP1_KEY = "101101"
"""The key Alice and the node share, from hop 1's QKD (exercise ``relays.relay_xor_key``)."""
RELAY_HOP2_KEY = "011001"
"""The key the node and Bob share, from hop 2's QKD (exercise ``relays.relay_xor_key``)."""
RELAY_KEYS_OPTIONS: tuple[tuple[str, str], ...] = (
    (RELAY_HOP1_KEY, RELAY_HOP2_KEY),
    ("110010", "011011"),
    ("100110", "110101"),
    ("111000", "010011"),
    ("111100", "100001"),
    ("110001", "101100"),
)
"""The lesson's keys (k1, k2), then the other students'. In each pair the named mistakes (the
announcement, k2, XOR upside down, AND, OR) differ from one another and from every pair's k1."""


@exercise(
    id="relays.relay_xor_key",
    lesson=LESSON,
    answer_name="answer_relay_xor_key",
    points=1,
    params=[Parameter("keys", RELAY_KEYS_OPTIONS, symbol="(k1, k2)")],
)
def check_relay_xor_key(answer: object, keys: tuple[str, str]) -> Verdict:
    """The bits Bob ends up with, in quotes, e.g. '000111' (or a list, e.g. [0, 0, 0, 1, 1, 1]).

    Exercise: the node shares k1 with Alice (hop 1) and k2 with Bob (hop 2): in the lesson
    :data:`RELAY_HOP1_KEY` and :data:`RELAY_HOP2_KEY`, on a class hub each student's own pair.
    It announces in public the XOR of the two keys, and Bob XORs the announcement with his
    hop-2 key. What bits does Bob get?

    Parameters
    ----------
    answer : str or list of int
        Six bits, as text (spaces and commas allowed) or as a list of 0s and 1s.
    keys : tuple of str
        The keys (k1, k2) of the student's variant.

    Returns
    -------
    Verdict
        Correct (Bob now holds hop 1's key, which Alice holds too, and so does the node), or the
        mistake: the announcement itself, Bob's own key, XOR upside down, AND or OR in the place
        of XOR, a number that lost its leading zeros, a wrong length, or which bits are wrong.
    """
    k1, k2 = keys
    announced = _xor(k1, k2)
    truth = _xor(announced, k2)
    rule = (
        f"XOR gives 1 where two bits differ and 0 where they agree. Line up the announcement {announced} "
        f"and Bob's key {k2} and XOR them position by position."
    )
    mistakes = [
        (
            announced,
            f"{announced} is what the node announced: k1 ⊕ k2. Bob still has to take his own key off it: XOR "
            "it with k2.",
            rule,
        ),
        (
            k2,
            f"{k2} is Bob's own hop-2 key, which he had already. (XOR-ing the announcement with hop 1's key "
            "gives it back: that is what Alice could do, but Bob holds hop 2's key.)",
            rule,
        ),
        (
            _combine(announced, k2, lambda a, b: 1 - (a ^ b)),
            "That is XOR upside down: 1 where the bits agree and 0 where they differ. Each of your bits "
            "is the opposite of the right one.",
            rule,
        ),
        (
            _combine(announced, k2, lambda a, b: a & b),
            "That is the AND of the announcement and Bob's key: 1 only where both are 1. The one-time pad "
            "uses XOR, which can be undone; AND cannot.",
            rule,
        ),
        (
            _combine(announced, k2, lambda a, b: a | b),
            "That is the OR of the announcement and Bob's key: where both are 1, XOR gives 0.",
            rule,
        ),
    ]
    bits = read_bits(answer)
    if bits == truth:
        return correct(
            f"Bob gets {truth}: (k1 ⊕ k2) ⊕ k2 = k1, since a key XOR-ed twice cancels. That is hop 1's "
            "key, which Alice already holds, so Alice and Bob now share it. The node knows it too: it shares "
            f"hop 1's key with Alice. Someone who hears the announcement {announced} learns nothing, because "
            "it is k1 padded with k2, a one-time pad (lesson 03)."
        )
    for wrong_bits, message, hint in mistakes:
        if bits == wrong_bits:
            return wrong(message, hint)
    if isinstance(answer, (int, np.integer)) and not isinstance(answer, bool):
        for candidate in (truth, *(m[0] for m in mistakes)):
            if candidate.startswith("0") and bits == candidate.lstrip("0"):
                return wrong(
                    f"Typed as a number, {bits} lost its leading zeros: the keys here have {len(truth)} "
                    "bits.",
                    "Write the bits as text in quotes, e.g. '000111': then every leading 0 stays.",
                )
    if len(bits) != len(truth):
        return wrong(f"Your answer has {len(bits)} bits; the keys here have {len(truth)}.", rule)
    positions = [str(i) for i, (a, b) in enumerate(zip(bits, truth), start=1) if a != b]
    return wrong(
        f"{len(positions)} of the {len(truth)} bits {'is' if len(positions) == 1 else 'are'} wrong: "
        f"position{'' if len(positions) == 1 else 's'} {', '.join(positions)}, counted from the left.",
        rule,
    )


# -- 2. Predict, then check: the slowest hop --------------------------------------------------------
CHAIN_HOPS_KM: tuple[float, ...] = (120.0, 80.0, 80.0)
"""The hops of exercise ``relays.chain_rate``, from Alice to Bob (two trusted nodes, 280 km)."""
CHAIN_FIRST_HOPS_KM = (CHAIN_HOPS_KM[0], 100.0, 110.0, 130.0, 140.0)
"""The first hop of the lesson, then the other students'; the other two hops stay 80 km."""


@exercise(
    id="relays.chain_rate",
    lesson=LESSON,
    answer_name="answer_chain_rate",
    points=1,
    params=[Parameter("first_hop_km", CHAIN_FIRST_HOPS_KM, symbol="L1", unit="km")],
)
def check_chain_rate(answer: object, first_hop_km: float) -> Verdict:
    """One number: the end-to-end key rate in bits per second, e.g. 42.5.

    Exercise (predict, then check on the panel): a line runs from Alice to node 1 (L1 km: 120 km
    in the lesson, each student's own on a class hub), to node 2 (80 km), to Bob (80 km). Each
    hop runs its own decoy BB84 (the lesson prints the rates of a 120 km and an 80 km link;
    ``bb84_key_rate(L1)`` gives any other). At what rate does Alice and Bob's key grow?

    Parameters
    ----------
    answer : float
        The rate in bit/s, within 5 % of its value.
    first_hop_km : float
        The length L1 of hop 1, in the student's variant.

    Returns
    -------
    Verdict
        Correct, or the mistake: the rates added, averaged, the fastest hop's, the times of the hops
        added (as if they took turns), the direct link's zero, kbit/s, a negative rate; any other
        number is told whether it is more than the slowest hop can supply.
    """
    hops_km = (first_hop_km, *CHAIN_HOPS_KM[1:])
    chain = relay_chain(hops_km)
    rates = chain.segment_rates_bits_per_s
    truth = chain.rate_bits_per_s
    hops = len(rates)
    slowest = rates.index(truth) + 1
    direct = bb84_key_rate(sum(hops_km))
    pad = (
        "Every bit of the key crosses every hop, padded with one bit of that hop's key each time. All hops "
        "make key at the same time; which one runs out of pad first?"
    )
    value = read_number(answer, "the rate", "42.5")
    if abs(value - truth) <= _RATE_TOLERANCE * truth:
        return correct(
            f"{rate_text(truth)}, the rate of the slowest hop, hop {slowest} "
            f"({hops_km[slowest - 1]:g} km); you gave {value:g}. Each hop must supply one bit of pad "
            f"for every bit of the key, so the {hops_km[-1]:g} km hops, which could make "
            f"{rate_text(max(rates))}, use only part of their key. Check it on the panel below: its "
            "first line names the slowest hop."
        )
    mistakes = [
        (
            sum(rates),
            f"{value:g} bit/s adds the hops' rates, as if each hop carried a different part of the key. But "
            "every bit of Alice and Bob's key must cross all the hops, one after the other.",
        ),
        (
            sum(rates) / hops,
            f"{value:g} bit/s is the average of the hops' rates. The key cannot go faster than its slowest "
            "hop, whatever the others do.",
        ),
        (
            max(rates),
            f"{value:g} bit/s is the rate of the fastest hops. They cannot pass on more key than hop "
            f"{slowest} brings them: it makes pad for only {rate_text(truth)}.",
        ),
        (
            1 / sum(1 / r for r in rates),
            f"{value:g} bit/s adds up the time each hop needs per bit, as if the hops took turns. They do "
            "not: every hop runs its QKD all day long, at the same time as the others, so no hop waits for "
            "another except for pad.",
        ),
        (
            truth / 1000,
            f"{value:g} looks like kbit/s. The answer is asked for in bit/s.",
        ),
    ]
    for wrong_value, message in mistakes:
        if abs(value - wrong_value) <= _RATE_TOLERANCE * wrong_value:
            return wrong(message, pad)
    if value < 0:
        return wrong(f"{value:g} cannot be a rate: a key grows by 0 bits per second or more.", pad)
    if value == 0:
        return wrong(
            f"0 is what one direct link over {sum(hops_km):g} km gives"
            + (": it is too long for one BB84 link." if direct == 0 else f" ({rate_text(direct)}).")
            + " The nodes cut the line into hops that each carry a key.",
            pad,
        )
    if value > truth:
        return wrong(
            f"{value:g} bit/s is more than hop {slowest} can supply: it makes only {rate_text(truth)} of "
            "pad, and every bit of the key needs one bit of it.",
            pad,
        )
    return wrong(f"{value:g} bit/s is less than the chain delivers: no hop is that slow.", pad)


# -- 3. Predict: who holds the key? ---------------------------------------------------------------
HOLDERS_NODES = 5
"""Trusted nodes on the line of exercise ``relays.chain_key_holders``."""
HOLDERS_LINE_KM = 280.0
"""Length of that line (the count does not depend on it)."""
HOLDERS_NODES_OPTIONS = (HOLDERS_NODES, 4, 6, 7, 8, 9)
"""The lesson's count of nodes, then the other students'. Not 1 to 3, where the count n of the
nodes would meet the named mistakes 2 and 3."""


@exercise(
    id="relays.chain_key_holders",
    lesson=LESSON,
    answer_name="answer_chain_key_holders",
    points=1,
    params=[Parameter("nodes", HOLDERS_NODES_OPTIONS, symbol="n")],
)
def check_chain_key_holders(answer: object, nodes: int) -> Verdict:
    """A whole number of places that hold the key, e.g. 4.

    Exercise: Alice and Bob's key is relayed through a line of n trusted nodes (5 in the lesson,
    each student's own number on a class hub), each in its own building. Counting Alice and Bob,
    in how many places is the whole key known in the clear?

    Parameters
    ----------
    answer : int
        A count; a float with a whole value (``7.0``) is read as the integer.
    nodes : int
        The number of nodes n, in the student's variant.

    Returns
    -------
    Verdict
        Correct, or the mistake: the nodes alone, the hops, only Alice and Bob, an attacker on a
        fibre counted, the provider counted once, a fraction, a negative count.
    """
    n = nodes
    truth = len(trusted_node_chain(HOLDERS_LINE_KM, n).who_knows)
    follow = (
        "Follow the key along the line: who decrypts it with one hop's key and re-encrypts it with the "
        "next? And who made it, and who receives it at the end?"
    )
    value = read_number(answer, "the count", "4")
    if not _whole(value):
        return wrong(f"{value:g} is not a whole number: count places, one by one.", follow)
    count = round(value)
    if count == truth:
        if n <= _PANEL_MAX_NODES:
            see = f"Check it on the panel below: set Trusted nodes to {n} and read the table."
        else:
            see = f"len(trusted_node_chain({HOLDERS_LINE_KM:g}, {n}).who_knows) checks it."
        return correct(
            f"{truth} places: Alice, Bob and all {n} nodes. Each node decrypts the key with the key of the "
            "hop before it and re-encrypts it with the key of the hop after it, so for a moment it holds "
            f"the key in the clear. {see}"
        )
    mistakes = {
        n: f"{n} counts the nodes, but Alice and Bob hold the key too: it is theirs.",
        n + 1: f"{n + 1} is the number of hops: {n} nodes cut the line into {n + 1} pieces. The question "
        "counts the places where the key is known.",
        2: "Only Alice and Bob would know it over a direct link. Here every node decrypts the key to "
        "re-encrypt it for the next hop, so it holds the key in the clear.",
        n + 3: f"{n + 3} counts an attacker on a fibre. A fibre carries only padded bits (they look random "
        "to anyone without the hop's key), and tapping a QKD hop shows up as errors.",
        3: "3 would count Alice, Bob and one provider who runs every node. But the key sits in every node's "
        f"building, {n} places that a thief or a spy could break into; the question counts those places.",
    }
    if count in mistakes:
        return wrong(mistakes[count], follow)
    if count < 0:
        return wrong(f"{count} cannot be a count of places.", follow)
    if count in (0, 1):
        return wrong("At least Alice and Bob know their key.", follow)
    if count > _MAX_COUNT:
        return wrong(f"{count:,} is far more than the parties on a line of {n} nodes.", follow)
    return wrong(f"{count} is not the number of places that know the key.", follow)


# -- 4. Predict, then check: how many nodes for 1000 km? ------------------------------------------
FEWEST_NODES_LINE_KM = 1000.0
"""Length of the line of exercise ``relays.chain_fewest_nodes``."""
FEWEST_NODES_LINES_KM = (FEWEST_NODES_LINE_KM, 700.0, 800.0, 1100.0, 1450.0)
"""The lesson's line, then the other students': each a different answer, none with hops within a
few km of the 151 km wall."""


def _fewest_nodes(length_km: float) -> int:
    """The fewest equally spaced trusted nodes that give a key over ``length_km`` (default link)."""
    for n in range(MAX_TRUSTED_NODES + 1):
        if trusted_node_chain(length_km, n).rate_bits_per_s > 0:
            return n
    raise ValueError(f"no chain of up to {MAX_TRUSTED_NODES} nodes carries a key over {length_km:g} km")


@exercise(
    id="relays.chain_fewest_nodes",
    lesson=LESSON,
    answer_name="answer_chain_fewest_nodes",
    points=2,
    params=[Parameter("length_km", FEWEST_NODES_LINES_KM, symbol="L", unit="km")],
)
def check_chain_fewest_nodes(answer: object, length_km: float) -> Verdict:
    """A whole number of trusted nodes, e.g. 4.

    Exercise (predict, then check): with the 2004 equipment of lesson 05, one decoy BB84 link
    gives a key up to about 151 km. What is the fewest trusted nodes, equally spaced, that give
    Alice and Bob any key over L km (1000 km in the lesson, each student's own on a class hub)?

    Parameters
    ----------
    answer : int
        A count; a float with a whole value (``6.0``) is read as the integer.
    length_km : float
        The length L of the line, in the student's variant.

    Returns
    -------
    Verdict
        Correct, or the mistake: hops counted instead of nodes, a count rounded down (hops too
        long), a fraction of hops or of nodes, no node at all, enough but not the fewest, a
        negative count.
    """
    length = length_km
    reach = max_distance_km()
    truth = _fewest_nodes(length)
    exact_hops = length / reach
    rule = (
        f"Each hop may be at most {reach:.1f} km long: {length:g} / {reach:.1f} = {exact_hops:.2f} hops, so "
        f"round up to whole hops. Nodes sit between hops: one fewer than the hops."
    )
    value = read_number(answer, "the number of nodes", "4")
    if not _whole(value):
        if 0 < value < _MAX_COUNT and math.ceil(value) == truth + 1:
            return wrong(
                f"{value:g} is the number of hops as a fraction ({length:g} km / {reach:.1f} km). Hops come "
                "whole, so round up; and the question asks for nodes, which sit between the hops.",
                rule,
            )
        if 0 < value < _MAX_COUNT and math.ceil(value) == truth:
            return wrong(
                f"{value:g} nodes is not a whole number. A fraction of a node is not enough: round up.",
                rule,
            )
        return wrong(f"{value:g} is not a whole number of nodes.", rule)
    n = round(value)
    if n < 0:
        return wrong(f"{n} cannot be a number of nodes.", rule)
    if n > _MAX_COUNT:
        return wrong(f"{n:,} nodes are far more than needed, and every node must be trusted.", rule)
    hop = length / (n + 1)
    if n == truth:
        rate = trusted_node_chain(length, n).rate_bits_per_s
        fewer = length / n
        return correct(
            f"{n} nodes make {n + 1} hops of {hop:.1f} km, each a little shorter than the {reach:.1f} km a "
            f"link reaches: {rate_text(rate)} end to end, every bit known to {n + 2} parties. With "
            f"{n - 1} nodes each of the {n} hops would be {fewer:.1f} km long: no key at all. Check it "
            "below."
        )
    if n == truth + 1:
        return wrong(
            f"{n} is the number of hops. {n} hops of {hop * (n + 1) / n:.1f} km do reach, but the nodes sit "
            f"between the hops: {n} hops need {n - 1} nodes.",
            rule,
        )
    if n == 0:
        return wrong(
            f"With no node, one link would have to span {length:g} km, far beyond the {reach:.1f} km it "
            "reaches.",
            rule,
        )
    if n < truth:
        return wrong(
            f"Too few: {n} nodes make {n + 1} hops of {hop:.1f} km, longer than the {reach:.1f} km one link "
            "reaches. Then no key crosses those hops, and none reaches Bob."
            + (
                " Did you round down? Round up: a hop a little too long gives nothing."
                if n == truth - 1
                else ""
            ),
            rule,
        )
    rate = trusted_node_chain(length, n).rate_bits_per_s if n <= MAX_TRUSTED_NODES else None
    faster = f" ({rate_text(rate)} end to end)" if rate is not None else ""
    return wrong(
        f"{n} nodes work{faster}, but they are not the fewest. Every node is one more place to trust, and "
        "fewer, longer hops still reach.",
        rule,
    )


# -- 5. Predict, then check: doubling the range of a downlink ------------------------------------------
DOUBLING_RANGES_KM: tuple[float, float] = (500.0, 1000.0)
"""The two ranges of exercise ``relays.downlink_doubling_db`` (the second twice the first)."""


@exercise(
    id="relays.downlink_doubling_db", lesson=LESSON, answer_name="answer_downlink_doubling_db", points=1
)
def check_downlink_doubling_db(answer: object) -> Verdict:
    """One number: the extra loss in dB, e.g. 10.

    Exercise (predict, then check with the library): a satellite's downlink grows from 500 km to
    1000 km. How many dB does its loss grow by? The beam's spread (diffraction) makes the share
    caught fall as 1/L^2; the air, pointing and optics add a loss that stays the same.

    Parameters
    ----------
    answer : float
        The difference in dB, within 0.3 dB.

    Returns
    -------
    Verdict
        Correct, or the mistake: 3 dB (a share falling as 1/L), the dB doubled as in a fibre, only
        the spread's dB doubled, the whole loss at 1000 km, 100 dB of fibre, the factor 4 or 2 or
        the share 1/4 instead of dB, the sign.
    """
    near, far = DOUBLING_RANGES_KM
    loss_near = loss_db(satellite_transmittance(near))
    loss_far = loss_db(satellite_transmittance(far))
    truth = loss_far - loss_near
    spread_near = loss_db(satellite_transmittance(near, atmospheric_loss_db=0.0, pointing_loss_db=0.0))
    factor = (far / near) ** 2
    square = (
        f"The range grows {far / near:g} times, so the spot of light grows {far / near:g} times wider and "
        f"{factor:g} times larger in area: the telescope catches 1/{factor:g} as much. In dB, a factor F "
        "is 10 log10(F)."
    )
    value = read_number(answer, "the extra loss", "10")
    if abs(value - truth) <= _DB_TOLERANCE:
        return correct(
            f"{truth:.2f} dB = 10 log10({factor:g}) = 20 log10(2); you gave {value:g}. The loss goes from "
            f"{loss_near:.1f} dB to {loss_far:.1f} dB. The fixed part (air, pointing, optics) does not grow "
            "at all. A fibre twice as long would double its dB. Check it with the library below."
        )
    fibre = FIBER_ATTENUATION_DB_PER_KM * (far - near)
    mistakes = [
        (
            10 * math.log10(far / near),
            f"{value:g} dB = 10 log10(2) treats the share caught as falling as 1/L. The beam spreads in two "
            "directions at once, up-down and left-right, so the spot's area, and the loss factor, grow as "
            "L².",
        ),
        (
            loss_near,
            f"{value:g} dB doubles the loss in dB, as for a fibre (each km of fibre takes the same share, so "
            "twice the length is twice the dB). Empty space absorbs nothing: the beam only spreads, and the "
            "air is crossed once whatever the range.",
        ),
        (
            spread_near,
            f"{value:g} dB doubles the spreading loss in dB, as if it grew in proportion to the range. It "
            "grows by a fixed number of dB each time the range doubles.",
        ),
        (
            loss_far,
            f"{value:g} dB is the whole loss at {far:g} km. The question asks how much it grows from "
            f"{near:g} km.",
        ),
        (
            fibre,
            f"{value:g} dB is what {far - near:g} km more of fibre would lose, at "
            f"{FIBER_ATTENUATION_DB_PER_KM:g} dB/km. Between the satellite and the ground there is no fibre "
            "and almost no air.",
        ),
        (
            -truth,
            f"{value:g} dB has the wrong sign: the loss grows as the range grows. Give the growth as a "
            "positive number of dB.",
        ),
    ]
    for wrong_value, message in mistakes:
        if abs(value - wrong_value) <= _DB_TOLERANCE:
            return wrong(message, square)
    if abs(value - factor) <= 1e-9 or abs(value - 1 / factor) <= 1e-9:
        return wrong(
            f"{value:g} is the factor as a plain number (the share caught falls to 1/{factor:g}). The "
            "question asks for it in dB.",
            square,
        )
    if abs(value - far / near) <= 1e-9:
        return wrong(
            f"{value:g} is how many times longer the range gets. The loss grows with its square, and the "
            "question asks for dB.",
            square,
        )
    return wrong(f"{value:g} dB is not how much the loss grows.", square)


# -- 6. Predict, then check: a downlink against fibre --------------------------------------------------
MICIUS_STATIONS_KM = 1203.0
"""Distance between the stations of exercise ``relays.downlink_vs_fibre``: Delingha and Lijiang.

Yin et al., "Satellite-based entanglement distribution over 1200 kilometers", Science 356, 1140 (2017).
"""
STATIONS_KM_OPTIONS = (MICIUS_STATIONS_KM, 800.0, 1000.0, 1500.0, 1800.0)
"""The Micius stations' distance, then the other students' (the satellite always 500 km above the
midpoint)."""


@exercise(
    id="relays.downlink_vs_fibre",
    lesson=LESSON,
    answer_name="answer_downlink_vs_fibre",
    points=2,
    params=[Parameter("stations_km", STATIONS_KM_OPTIONS, symbol="D", unit="km")],
)
def check_downlink_vs_fibre(answer: object, stations_km: float) -> Verdict:
    """One number: how many times more photons, e.g. 3e12 or 10**12.5.

    Exercise (predict, then check on the panel): two ground stations D km apart (1203 km in the
    lesson, Micius's; each student's own on a class hub), a satellite 500 km above the midpoint
    between them (at 1203 km each downlink is about 800 km long; the lesson prints its loss). How
    many times more photons reach a station through one downlink than through a fibre of D km
    (0.2 dB/km) laid between the stations?

    Parameters
    ----------
    answer : float
        The factor, within a factor of 2 (a huge number: near 10^20 in the lesson).
    stations_km : float
        The distance D between the stations, in the student's variant.

    Returns
    -------
    Verdict
        Correct, or the mistake: the difference in dB, its power of ten alone, dB turned into a
        power of ten without dividing by 10, the fibre's loss alone (in dB or as a factor), both
        downlinks, a ratio of dBs or of distances, the factor upside down; otherwise what the number
        means in dB.
    """
    downlink = midpoint_downlinks(stations_km)
    fibre_db = loss_db(fiber_transmittance(stations_km))
    link_db = loss_db(satellite_transmittance(downlink.range_km))
    gap_db = fibre_db - link_db
    truth_log = gap_db / 10
    recipe = (
        f"Losses in dB subtract: the fibre loses {fibre_db:.1f} dB, one downlink {link_db:.1f} dB. A "
        "difference of D dB is a factor 10^(D/10): in Python, 10 ** (D / 10)."
    )
    value = read_number(answer, "the factor", "3e12")
    near_log = value > 0 and abs(math.log10(value) - truth_log) <= _LOG_TOLERANCE
    if near_log:
        return correct(
            f"{fibre_db:.1f} dB − {link_db:.1f} dB = {gap_db:.1f} dB: a factor 10^{truth_log:.2f} ≈ "
            f"{10**truth_log:.1e}; you gave {value:.2g}. Even both downlinks together, what an entangled "
            f"pair loses, beat the fibre by a factor of about 10^{(gap_db - link_db) / 10:.0f}. Check it on "
            "the panel below: its second line says it in words."
        )
    plain = [
        (
            gap_db,
            3.0,
            f"{value:g} is the difference in dB. As a factor of photons that is 10^({gap_db:.1f}/10).",
        ),
        (
            truth_log,
            _LOG_TOLERANCE,
            f"{value:g} is the power of ten. The factor is 10 to that power: write 10 ** {truth_log:.2f}.",
        ),
        (
            fibre_db,
            3.0,
            f"{value:g} is the fibre's loss in dB alone. The downlink loses too: subtract its dB, then turn "
            "the difference into a factor.",
        ),
        (
            fibre_db / link_db,
            0.2,
            f"{value:g} divides one loss in dB by the other. Losses in dB subtract, they do not divide.",
        ),
        (
            stations_km / downlink.range_km,
            0.1,
            f"{value:g} compares the distances. The fibre and the downlink lose light in different ways: "
            "compare their losses in dB.",
        ),
    ]
    for wrong_value, tolerance, message in plain:
        if abs(value - wrong_value) <= tolerance:
            return wrong(message, recipe)
    if value <= 0:
        return wrong(
            f"{value:g} cannot be a factor of photons: the downlink delivers more than the fibre, so the "
            "factor is a positive number, far above 1.",
            recipe,
        )
    logs = [
        (
            -truth_log,
            "That is the factor upside down: the share of the downlink's photons that the fibre delivers. "
            "The downlink delivers more, so the factor asked for is far above 1.",
        ),
        (
            fibre_db / 10,
            f"10^{fibre_db / 10:.1f} is how much light the fibre loses on its own. The downlink loses "
            f"{link_db:.1f} dB too: subtract it first.",
        ),
        (
            (fibre_db - 2 * link_db) / 10,
            f"10^{(fibre_db - 2 * link_db) / 10:.1f} compares the fibre with both downlinks together, what "
            "an entangled pair loses. For a key relayed by the satellite, each station runs its own QKD over "
            "one downlink: the question compares one.",
        ),
        (
            gap_db,
            f"10^{gap_db:.0f} turns the dB into a power of ten without dividing by 10. 10 dB is one factor "
            "of 10.",
        ),
    ]
    for wrong_log, message in logs:
        if abs(math.log10(value) - wrong_log) <= _LOG_TOLERANCE:
            return wrong(message, recipe)
    said_db = 10 * math.log10(value)
    return wrong(
        f"A factor {value:.2g} is {said_db:.1f} dB; the fibre loses {gap_db:.1f} dB more than the downlink.",
        recipe,
    )


# -- 7. Why stage 0 is not end-to-end security -----------------------------------------------------
END_TO_END_CHOICES: Mapping[str, str] = MappingProxyType(
    {
        "a": "Their key rates are too low to be of any practical use.",
        "b": "Someone who taps a fibre between two trusted nodes can copy the photons and read the key "
        "unseen.",
        "c": "Every trusted node, and the satellite, holds the key in the clear: the users must trust "
        "whoever runs them, and an attacker inside one would read the key without causing a single error.",
        "d": "The trusted nodes amplify the photons on their way, and amplifying adds noise in which an "
        "attacker can hide.",
    }
)
"""The statements of exercise ``relays.relay_end_to_end``, by letter, as the lesson prints them."""
END_TO_END_RIGHT_CHOICE = "c"
"""The letter of the right statement in :data:`END_TO_END_CHOICES`."""

_END_TO_END_FEEDBACK = {
    "a": "(a) is about speed, not security. A key relayed through nodes is slow or fast whoever runs "
    "them, and a slow key shared by Alice and Bob alone would still be perfectly secret. What "
    "end-to-end security asks is that nobody but the two users can know the key.",
    "b": "(b) is what each hop's QKD prevents. Each hop is a QKD link: photons cannot be copied (lesson "
    "02), and measuring them leaves errors that the check at the two ends of the hop catches (lesson 04). "
    "The fibres are safe; the weak points are elsewhere.",
    "d": "(d) describes amplifiers, and there are none: no device copies an unknown qubit, so none can "
    "amplify one (lesson 02). A trusted node ends each QKD link: it measures the photons, and passes the "
    "key on with ordinary bits, padded with the next hop's key.",
}
_END_TO_END_HINT = "Where is the key in the clear on its way from Alice to Bob, and who can read it there?"


@exercise(id="relays.relay_end_to_end", lesson=LESSON, answer_name="answer_relay_end_to_end", points=1)
def check_relay_end_to_end(answer: object) -> Verdict:
    """The letter of one statement as text, e.g. 'a'.

    Exercise: two banks get a key through the trusted nodes of a fibre backbone, two others through
    a satellite relay. Which statement (:data:`END_TO_END_CHOICES`) says why neither is end-to-end
    security?

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
    letter = read_choice(answer, tuple(END_TO_END_CHOICES))
    if letter == END_TO_END_RIGHT_CHOICE:
        return correct(
            f"({letter}) is right: QKD guards each link, but the key is in the clear wherever one link ends "
            "and the next begins. The provider who runs the nodes, or the satellite, knows every key it "
            "relays, and an intruder there leaves no trace in the error rates. That is stage 0 of the "
            "roadmap; stage 1 sends the qubits from one user to the other with no node in between to trust."
        )
    return wrong(_END_TO_END_FEEDBACK[letter], _END_TO_END_HINT)
