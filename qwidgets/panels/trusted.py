"""TrustedNodePanel: a key relayed hop by hop through trusted nodes (stage 0 of the roadmap).

Stage 0 of the Delft roadmap (Wehner, Elkouss & Hanson, Science 362, eaam9288, 2018) is the
trusted-repeater network: a line split into QKD links that meet at nodes, each node decrypting
the key it received with one link's key and re-encrypting it with the next link's as a one-time
pad, as on the 2,000 km Beijing-Shanghai backbone (Chen et al., Nature 589, 214, 2021). The key
reaches Bob at the rate of the slowest link, and every node knows it. Rates and reach come from
:mod:`qwidgets.physics.links` (BB84 with decoys, Lo, Ma & Chen, PRL 94, 230504, 2005).
"""

from __future__ import annotations

from dataclasses import dataclass

from qwidgets.panels.base import Panel
from qwidgets.panels.parameters import Integer, Number
from qwidgets.panels.summary import Highlight, distance_text, rate_text
from qwidgets.panels.tables import HtmlTable, TableCell, TablePicture, TableRow
from qwidgets.physics import TrustedChain, bb84_key_rate, max_distance_km, relay_chain
from qwidgets.plots.chain import ChainDiagram, ChainHop, ChainPicture

__all__ = ["MAX_NODES", "TrustedNodePanel", "TrustedReading", "who_knows_table"]

MAX_NODES = 5
"""Most trusted nodes the panel draws (the physics takes up to 100)."""
_REACH = distance_text(max_distance_km())  # the longest hop that still gives a key: "151 km"
_YES, _NO, _LEAKED = "yes\u00a0✓", "no\u00a0✗", "yes\u00a0⚠"  # no-break spaces: word and mark stay together


def _times(ratio: float) -> str:
    """A ratio above 1 in words: ``"10.9"``, ``"6,021"``."""
    return f"{ratio:,.0f}" if ratio >= 99.5 else f"{ratio:.3g}"


@dataclass(frozen=True)
class TrustedReading:
    """What a :class:`TrustedNodePanel` shows.

    Attributes
    ----------
    length_km : float
        Length of the whole line.
    segment_lengths_km : tuple of float
        Each hop's length, from Alice's end to Bob's (hop 1 is the stretched one).
    chain : TrustedChain
        Each hop's key rate, the end-to-end rate, and who holds the key.
    direct_rate_bits_per_s : float
        The rate of one direct link over the whole length.
    asked : int
        The node the student marked as compromised (0: none; it may not exist on this line).
    """

    length_km: float
    segment_lengths_km: tuple[float, ...]
    chain: TrustedChain
    direct_rate_bits_per_s: float
    asked: int

    @property
    def n_nodes(self) -> int:
        """Trusted nodes on the line."""
        return len(self.segment_lengths_km) - 1

    @property
    def compromised(self) -> int | None:
        """The compromised node, or ``None`` (none asked, or the asked node is not on this line)."""
        return self.asked if 1 <= self.asked <= self.n_nodes else None

    @property
    def slowest(self) -> tuple[int, ...]:
        """The hops (numbered from 1) whose rate is the end-to-end rate; empty when all hops tie."""
        rates = self.chain.segment_rates_bits_per_s
        slowest = tuple(hop for hop, rate in enumerate(rates, start=1) if rate == self.chain.rate_bits_per_s)
        return () if len(slowest) == len(rates) else slowest


def _ends(hop: int, n_nodes: int) -> str:
    """The two parties hop ``hop`` joins, e.g. ``"Alice to node 1"``."""
    start = "Alice" if hop == 1 else f"node {hop - 1}"
    stop = "Bob" if hop == n_nodes + 1 else f"node {hop}"
    return f"{start} to {stop}"


def who_knows_table(reading: TrustedReading) -> TablePicture:
    """The "who knows the key" table: Alice, every node, Bob and an attacker, in words."""
    n, bad = reading.n_nodes, reading.compromised
    if n == 0:
        alice, bob = "makes it with Bob by QKD", "makes it with Alice by QKD"
    else:
        alice, bob = "makes it; pads it with hop 1's key", f"decrypts it with hop {n + 1}'s key"
    rows = [TableRow("Alice", (TableCell(_YES, "strong"), TableCell(alice)))]
    for node in range(1, n + 1):
        how = f"decrypts with hop {node}'s key, re-encrypts with hop {node + 1}'s"
        tone = "alert" if node == bad else "strong"
        rows.append(
            TableRow(
                f"node {node}",
                (
                    TableCell(_YES, tone),
                    TableCell(f"{how}: leaks it", tone) if node == bad else TableCell(how),
                ),
            )
        )
    rows.append(TableRow("Bob", (TableCell(_YES, "strong"), TableCell(bob))))
    if bad is None:
        rows.append(
            TableRow(
                "attacker on a fibre",
                (TableCell(_NO), TableCell("sees only padded bits; tapping a QKD link shows as errors")),
            )
        )
    else:
        rows.append(
            TableRow(
                f"attacker in node {bad}",
                (TableCell(_LEAKED, "alert"), TableCell("reads the whole key; no error betrays it", "alert")),
            )
        )
    return TablePicture("Who knows the key", ("who", "knows it?", "how"), tuple(rows))


class TrustedNodePanel(Panel):
    """A key relayed through trusted nodes: the slowest hop sets the rate, every node knows the key.

    Alice and Bob are ``length_km`` apart; ``n_nodes`` trusted nodes split the line into hops.
    Each hop runs its own QKD (BB84 with decoys over 0.2 dB/km fibre, see
    :mod:`qwidgets.physics.links`); node ``k`` decrypts the key with hop ``k``'s key and
    re-encrypts it with hop ``k + 1``'s, a one-time pad. Hop 1 is ``stretch`` times as long as
    each of the others, which share the rest. Mark a node as compromised and the attacker in it
    reads the whole key, without causing a single error.

    The figure shows the chain from Alice (top) to Bob (bottom), each hop as tall as its share of
    the line but never too short for its label (so not to scale when the hops differ much), with
    its length and rate, the slowest hops and the compromised node; the table says who knows the
    key. Rates: decoy-state BB84 with the detectors of Gobby, Yuan & Shields (Appl. Phys. Lett.
    84, 3762, 2004) as :func:`~qwidgets.physics.bb84_key_rate` models them; one such link
    reaches 151 km.

    Notes
    -----
    A ``compromised`` node beyond ``n_nodes`` does not exist on the line: nothing is compromised
    (the summary says so). ``stretch`` only applies with at least one node. ``result`` is a
    :class:`TrustedReading`.
    """

    title = "Trusted nodes: a key relayed hop by hop"
    parameters = (
        Number(
            "length_km",
            "Line",
            300.0,
            "distance from Alice to Bob along the fibre",
            low=10.0,
            high=1000.0,
            step=10.0,
            unit="km",
        ),
        Integer(
            "n_nodes",
            "Trusted nodes",
            2,
            f"trusted nodes splitting the line into hops (0: one direct link; at most {MAX_NODES})",
            low=0,
            high=MAX_NODES,
        ),
        Number(
            "stretch",
            "Hop 1 stretched ×",
            1.5,
            "hop 1 is this many times as long as each other hop (1: all hops equal)",
            low=1.0,
            high=4.0,
            step=0.1,
            when={"n_nodes": tuple(range(1, MAX_NODES + 1))},
        ),
        Integer(
            "compromised",
            "Compromised node",
            0,
            "the node an attacker controls (0: none; a node beyond the line's last counts as none)",
            low=0,
            high=MAX_NODES,
        ),
    )
    control_rows = (("length_km", "stretch"), ("n_nodes", "compromised"))

    def _setup(self) -> tuple[ChainDiagram, HtmlTable]:
        return ChainDiagram(MAX_NODES + 1), HtmlTable()

    def _compute(self, *, length_km: float, n_nodes: int, stretch: float, compromised: int) -> TrustedReading:
        other = length_km / (n_nodes + stretch) if n_nodes else length_km
        lengths = (stretch * other if n_nodes else length_km, *(other,) * n_nodes)
        return TrustedReading(length_km, lengths, relay_chain(lengths), bb84_key_rate(length_km), compromised)

    def _draw(self, result: TrustedReading) -> tuple[ChainPicture, TablePicture]:
        chain, slowest = result.chain, result.slowest  # no hop is marked when all tie
        hops = tuple(
            ChainHop(length, distance_text(length), rate_text(rate), hop in slowest)
            for hop, (length, rate) in enumerate(
                zip(result.segment_lengths_km, chain.segment_rates_bits_per_s), 1
            )
        )
        where = "Direct link" if result.n_nodes == 0 else "End to end"
        bad = result.compromised
        status = (
            f"Node {bad} compromised: the key leaks"
            if bad is not None
            else f"{len(chain.who_knows)} parties know the key"
        )
        headline = f"{where}: {rate_text(chain.rate_bits_per_s)}"
        return ChainPicture(hops, bad, headline, status, alarm=bad is not None), who_knows_table(result)

    def _describe(self, result: TrustedReading) -> tuple[str, ...]:
        lines = [_rate_line(result)]
        if result.n_nodes:
            lines.append(_direct_line(result))
        lines.append(_relay_line(result))
        lines.append(_trust_line(result))
        return tuple(lines)


def _rate_line(reading: TrustedReading) -> str:
    """The end-to-end rate and which hop sets it."""
    n, rate = reading.n_nodes, reading.chain.rate_bits_per_s
    if n == 0:
        line = f"Direct link over {distance_text(reading.length_km)}"
        if rate == 0:
            return f"{line}: no key, it is longer than the {_REACH} one BB84 link reaches. Add trusted nodes."
        return f"{line}: {rate_text(rate)}. Add trusted nodes to split it into shorter hops."
    slowest = reading.slowest
    if not slowest:
        hops = f"All {n + 1} hops are {distance_text(reading.segment_lengths_km[0])} long"
        if rate == 0:
            return f"End to end: no key. {hops}, longer than the {_REACH} one BB84 hop reaches."
        return f"End to end: {rate_text(rate)}. {hops}, so each sets the rate."
    hop = slowest[0]
    where = f"hop {hop} ({_ends(hop, n)}, {distance_text(reading.segment_lengths_km[hop - 1])})"
    if rate == 0:
        return (
            f"End to end: no key. The slowest hop, {where}, is longer than the {_REACH} one BB84 hop "
            "reaches, so no key crosses it, whatever the other hops carry."
        )
    best = max(reading.chain.segment_rates_bits_per_s)
    return (
        f"End to end: {rate_text(rate)}, the rate of the slowest hop, {where}: each hop must supply as "
        f"much pad as the key is long, so the faster hops (up to {rate_text(best)}) wait for it."
    )


def _direct_line(reading: TrustedReading) -> str:
    """The same line without nodes."""
    direct, rate = reading.direct_rate_bits_per_s, reading.chain.rate_bits_per_s
    line = f"A direct link over the same {distance_text(reading.length_km)}"
    if direct == 0:
        return f"{line} gives no key: one BB84 link reaches {_REACH}."
    return f"{line} gives {rate_text(direct)}: the nodes make the key {_times(rate / direct)} times faster."


def _relay_line(reading: TrustedReading) -> str:
    """How the key is relayed, and how many parties know it."""
    n = reading.n_nodes
    if n == 0:
        return "Only Alice and Bob know the key: no node stands between them."
    nodes = "node 1" if n == 1 else f"all {n} nodes"
    return (
        f"Node k decrypts the key with hop k's key and re-encrypts it with hop k+1's (a one-time pad), "
        f"so the key is in the clear inside every node: {n + 2} parties know it (Alice, Bob and {nodes})."
    )


def _trust_line(reading: TrustedReading) -> str:
    """What a compromised node means: the attacker reads everything, unseen."""
    why = (
        "Trusted nodes are points of failure, and the provider who runs them knows every key: "
        "the reason for end-to-end QKD (stage 1) and, later, entanglement."
    )
    bad = reading.compromised
    if bad is not None:
        return Highlight(
            f"Node {bad} is compromised: the attacker reads the whole key as it passes through, and no "
            f"error betrays it (QKD guards the fibres, not the nodes). {why}"
        )
    missing = ""
    if reading.asked:
        line = "a direct link" if reading.n_nodes == 0 else f"a line of {reading.n_nodes} nodes"
        missing = f"There is no node {reading.asked} on {line}, so no node is compromised. "
    if reading.n_nodes == 0:
        return (
            f"{missing}With no node between them, an attacker can only tap the fibre: QKD shows it as errors."
        )
    return (
        f"{missing}Each node must be trusted: an attacker inside one would read the whole key unseen. {why}"
    )
