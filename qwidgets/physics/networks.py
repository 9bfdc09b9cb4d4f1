"""Networks of nodes and links, and the stage of the roadmap each one reaches.

A :class:`Network` holds :class:`Node` s (end nodes, quantum repeaters, trusted relays and
passive sources such as a satellite) and :class:`Link` s (fibre, free space, or a chain of
trusted relays). :func:`stage_of` decides which stage of Wehner, Elkouss & Hanson (Science 362,
eaam9288, 2018, "the paper"; :mod:`qwidgets.physics.stages`) it reaches: the highest stage whose
functionality, and that of every stage below, is available to *every pair of end nodes* (the
paper's definition). For each pair it tries every route through the network and keeps the best;
the network's stage is that of its weakest pair.

What a route must offer, stage by stage (thresholds from the paper's Table 1 unless marked *ours*):

0. **Trusted repeater.** Both end nodes prepare and measure qubits; every node on the route
   relays the key as a trusted node (passive sources excepted) and every hop keeps its error,
   ``e_T + e_M``, at most 0.11 (the paper's sufficient value for BB84). A trusted-relay link
   stands for a working chain of such hops.
1. **Prepare and measure.** No trusted relay on the route: every node in between is a passive
   source or a quantum repeater with a memory (an end node with a memory may act as one), and
   each repeater's memory outlasts one heralded pair on its longer segment plus the message
   across it (*ours*). End to end ``e_T + e_M <= 0.11``.
2. **Entanglement distribution.** Both end nodes hold heralded entanglement, and no passive
   source is on the route (its pairs are post-selected on detection, which this stage forbids);
   ``e_P + e_M <= 0.057`` (sufficient for device-independent QKD).
3. **Quantum memory.** Both end nodes have a memory and at least two qubits (one stored, one
   ancilla: *ours*, from the operations of Table 1), and the memory lasts the paper's
   ``k C_m t`` with ``t`` the time to make one pair and send one message between the farthest
   end nodes; we take one round, ``k C_m = 1`` (*ours*): :func:`required_memory_s`.
4. **Few-qubit fault-tolerant.** Both end nodes have at least one logical qubit.
5. **Quantum computing.** Both end nodes have more logical qubits than a classical computer
   simulates; we put that line at :data:`SIMULABLE_LOGICAL_QUBITS` (*ours*).

Errors (the paper's Box 1: errors of successive operations add up, ``D <= l eps``): the error of a
route is the sum of its segments' errors (segments end at repeaters) plus the errors of the two
end nodes (:attr:`Node.error`, their preparation and measurement, the paper's ``e_M``). A
segment's error is that of its links: a link with a measured error (:attr:`Link.error`) brings
it; the others bring the dark-count error of single photons after their summed loss
(:func:`~qwidgets.physics.dark_count_error`, lesson 05's detector: *ours*). Pair times follow
:func:`~qwidgets.physics.heralded_link` over the segment's loss; messages travel at
:data:`~qwidgets.physics.SPEED_IN_FIBRE_KM_PER_S`.

Besides the stage, :func:`stage_of` reports the *functional* stage (capabilities alone, every
error and memory-time threshold ignored), why the next stage fails and what to upgrade.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from scipy import integrate

from qwidgets import validation
from qwidgets.errors import InvalidTypeError, InvalidValueError
from qwidgets.physics.links import FIBER_ATTENUATION_DB_PER_KM, dark_count_error
from qwidgets.physics.links import loss_db as _loss_db
from qwidgets.physics.repeaters import SPEED_IN_FIBRE_KM_PER_S, heralded_link
from qwidgets.physics.satellites import MICIUS_ALTITUDE_KM, midpoint_downlinks, satellite_transmittance
from qwidgets.physics.stages import STAGES, Application, Stage, applications_up_to

__all__ = [
    "DI_QKD_ERROR_LIMIT",
    "LINK_KINDS",
    "NETWORK_PRESETS",
    "NODE_ROLES",
    "QKD_ERROR_LIMIT",
    "SIMULABLE_LOGICAL_QUBITS",
    "Link",
    "Network",
    "NetworkStage",
    "Node",
    "PairStage",
    "network_preset",
    "required_memory_s",
    "stage_of",
]

NODE_ROLES: tuple[str, ...] = ("end", "repeater", "trusted", "source")
"""Roles of a node: a user's end node, a quantum repeater, a trusted relay, a passive source."""
LINK_KINDS: tuple[str, ...] = ("fibre", "free space", "trusted relay")
"""Kinds of link: optical fibre, free space (a satellite), or a chain of trusted relays."""
QKD_ERROR_LIMIT = 0.11
"""``e_T + e_M`` sufficient for BB84 (the paper, Table 1 and 'Prepare and measure networks')."""
DI_QKD_ERROR_LIMIT = 0.057
"""``e_P + e_M`` sufficient for device-independent QKD (the paper, 'Entanglement distribution')."""
SIMULABLE_LOGICAL_QUBITS = 50
"""Logical qubits a classical computer can still simulate (ours: the usual ~50-qubit line)."""
MIN_QUBITS_FOR_MEMORY = 2
"""Qubits an end node needs at stage 3: one stored, one ancilla (ours, from Table 1's operations)."""
_MAX_PARALLEL_SEGMENTS = 12  # inclusion-exclusion up to 2^12 subsets; numerical beyond
_MAX_ROUTES = 2000  # routes tried per pair of end nodes; networks a learner builds have far fewer


def _name(parameter: str, value: object) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError(parameter, value, "a name (a str)")
    if not value.strip():
        raise InvalidValueError(parameter, value, "a name that is not empty")
    return value.strip()


def _flag(parameter: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidTypeError(parameter, value, "True or False")
    return value


@dataclass(frozen=True)
class Node:
    """A node of a quantum network and what it can do.

    Attributes
    ----------
    name : str
        Unique name in its network.
    role : str
        One of :data:`NODE_ROLES`: ``"end"`` (a user), ``"repeater"`` (a quantum repeater),
        ``"trusted"`` (a trusted relay) or ``"source"`` (a passive station in the middle, such as
        a satellite sending entangled photons: what it sends is post-selected on detection).
    x_km, y_km : float
        Position for drawing, in km.
    prepare_measure : bool
        Prepares and measures single qubits (photons).
    heralded : bool
        Holds heralded entanglement and measures it deterministically (a matter qubit).
    memory_s : float
        Coherence time of its memory in seconds (0: no memory), at most 1e6 s.
    qubits : int
        Physical qubits under universal local control.
    logical_qubits : int
        Fault-tolerant logical qubits.
    error : float
        Error of its preparations and measurements (the paper's ``e_M``), from 0 to 0.5.
    """

    name: str
    role: str = "end"
    x_km: float = 0.0
    y_km: float = 0.0
    prepare_measure: bool = True
    heralded: bool = False
    memory_s: float = 0.0
    qubits: int = 0
    logical_qubits: int = 0
    error: float = 0.01

    def __post_init__(self) -> None:
        set_ = functools.partial(object.__setattr__, self)
        set_("name", _name("name", self.name))
        validation.choice("role", self.role, NODE_ROLES)
        set_("x_km", validation.real("x_km", self.x_km, low=-1e5, high=1e5, unit="km"))
        set_("y_km", validation.real("y_km", self.y_km, low=-1e5, high=1e5, unit="km"))
        _flag("prepare_measure", self.prepare_measure)
        _flag("heralded", self.heralded)
        set_("memory_s", validation.real("memory_s", self.memory_s, low=0.0, high=1e6, unit="s"))
        validation.integer("qubits", self.qubits, low=0, high=10**6)
        validation.integer("logical_qubits", self.logical_qubits, low=0, high=10**6)
        set_("error", validation.real("error", self.error, low=0.0, high=0.5))

    @property
    def can_repeat(self) -> bool:
        """Whether it can act as a quantum repeater: a repeater or an end node, with a memory."""
        return self.role in ("repeater", "end") and self.memory_s > 0


@dataclass(frozen=True)
class Link:
    """A link between two nodes.

    Attributes
    ----------
    a, b : str
        The nodes it joins (distinct).
    length_km : float
        Its length in km, zero or more.
    kind : str
        One of :data:`LINK_KINDS`.
    loss_db : float or None
        Its loss in dB; fibre defaults to 0.2 dB/km, free space needs it (a trusted-relay link,
        a chain of QKD hops, has none).
    error : float or None
        A measured error it adds to a qubit (from 0 to 0.5); by default the dark-count error of
        single photons after its loss (see the module docstring).
    """

    a: str
    b: str
    length_km: float
    kind: str = "fibre"
    loss_db: float | None = None
    error: float | None = None

    def __post_init__(self) -> None:
        set_ = functools.partial(object.__setattr__, self)
        set_("a", _name("a", self.a))
        set_("b", _name("b", self.b))
        if self.a == self.b:
            raise InvalidValueError("b", self.b, f"a node other than {self.a!r}: a link joins two nodes")
        set_("length_km", validation.length_km("length_km", self.length_km))
        validation.choice("kind", self.kind, LINK_KINDS)
        if self.loss_db is not None:
            set_("loss_db", validation.real("loss_db", self.loss_db, low=0.0, high=1000.0, unit="dB"))
        elif self.kind == "fibre":
            set_("loss_db", FIBER_ATTENUATION_DB_PER_KM * self.length_km)
        elif self.kind == "free space":
            raise InvalidValueError("loss_db", None, "a loss for a free-space link, from 0 to 1000", "dB")
        if self.error is not None:
            set_("error", validation.real("error", self.error, low=0.0, high=0.5))

    @property
    def name(self) -> str:
        """``"a-b"``."""
        return f"{self.a}-{self.b}"

    def joins(self, a: str, b: str) -> bool:
        """Whether it joins nodes ``a`` and ``b`` (either way round)."""
        return {self.a, self.b} == {a, b}

    def other(self, node: str) -> str:
        """The node at its other end from ``node``."""
        return self.b if node == self.a else self.a


def _tuple_of(parameter: str, values: object, kind: type) -> tuple:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        raise InvalidTypeError(parameter, values, f"a sequence of {kind.__name__}")
    for value in values:
        if not isinstance(value, kind):
            raise InvalidTypeError(parameter, values, f"a sequence of {kind.__name__}")
    return tuple(values)


@dataclass(frozen=True)
class Network:
    """A quantum network: nodes, links and where its figures come from.

    Networks are immutable; the edit methods return a new one. Node names are unique, links
    join existing, distinct nodes, and no two links join the same pair.
    """

    name: str
    nodes: tuple[Node, ...]
    links: tuple[Link, ...]
    source: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.name, str):
            raise InvalidTypeError("name", self.name, "a str")
        if not isinstance(self.source, str):
            raise InvalidTypeError("source", self.source, "a str")
        nodes = _tuple_of("nodes", self.nodes, Node)
        links = _tuple_of("links", self.links, Link)
        object.__setattr__(self, "nodes", nodes)
        object.__setattr__(self, "links", links)
        names = [node.name for node in nodes]
        for i, name in enumerate(names):
            if name in names[:i]:
                raise InvalidValueError("name", name, "a name no other node has")
        for i, link in enumerate(links):
            for end in (link.a, link.b):
                if end not in names:
                    raise InvalidValueError(
                        "links", link.name, f"links between its nodes ({', '.join(names)})"
                    )
            if any(other.joins(link.a, link.b) for other in links[:i]):
                raise InvalidValueError("links", link.name, "at most one link between two nodes")

    @property
    def end_nodes(self) -> tuple[str, ...]:
        """Names of the end nodes, in order."""
        return tuple(node.name for node in self.nodes if node.role == "end")

    def node(self, name: str) -> Node:
        """The node called ``name``."""
        for node in self.nodes:
            if node.name == name:
                return node
        raise InvalidValueError(
            "name", name, f"one of {', '.join(n.name for n in self.nodes) or '(no nodes)'}"
        )

    def link(self, a: str, b: str) -> Link:
        """The link between nodes ``a`` and ``b``."""
        for link in self.links:
            if link.joins(a, b):
                return link
        raise InvalidValueError("b", b, f"a node linked to {a!r}")

    def with_node(self, node: Node) -> Network:
        """This network and ``node``."""
        return replace(self, nodes=(*self.nodes, node))

    def without_node(self, name: str) -> Network:
        """This network without node ``name`` and its links."""
        self.node(name)
        return replace(
            self,
            nodes=tuple(n for n in self.nodes if n.name != name),
            links=tuple(k for k in self.links if name not in (k.a, k.b)),
        )

    def replace_node(self, name: str, /, **changes: object) -> Network:
        """This network with node ``name`` changed (a new name renames its links too)."""
        new = replace(self.node(name), **changes)
        links = self.links
        if new.name != name:
            links = tuple(
                replace(k, a=new.name if k.a == name else k.a, b=new.name if k.b == name else k.b)
                for k in links
            )
        return replace(self, nodes=tuple(new if n.name == name else n for n in self.nodes), links=links)

    def with_link(self, link: Link) -> Network:
        """This network and ``link``."""
        return replace(self, links=(*self.links, link))

    def without_link(self, a: str, b: str) -> Network:
        """This network without the link between ``a`` and ``b``."""
        self.link(a, b)
        return replace(self, links=tuple(k for k in self.links if not k.joins(a, b)))

    def replace_link(self, a: str, b: str, /, **changes: object) -> Network:
        """This network with the link between ``a`` and ``b`` changed.

        A new ``kind`` or ``length_km`` recomputes a fibre's default loss unless ``loss_db`` is
        given too.
        """
        old = self.link(a, b)
        if "loss_db" not in changes and ({"kind", "length_km"} & changes.keys()):
            changes["loss_db"] = None
        new = replace(old, **changes)
        return replace(self, links=tuple(new if k is old else k for k in self.links))


@dataclass(frozen=True)
class PairStage:
    """The stage two end nodes reach with each other, over their best route.

    Attributes
    ----------
    a, b : str
        The end nodes.
    number : int
        The stage (0-5), or -1 when not even stage 0 holds.
    functional_number : int
        The stage their capabilities alone allow (errors and memory times ignored).
    route : tuple of str
        The best route, node by node (empty when they are not connected).
    error : float
        End-to-end error of that route, ``e_T + e_M``: infinite when no qubit crosses it (a trusted
        relay on the way), nan when they are not connected.
    reasons : tuple of str
        Why the next stage fails between them.
    upgrades : tuple of str
        What would lift that failure, one per reason.
    """

    a: str
    b: str
    number: int
    functional_number: int
    route: tuple[str, ...]
    error: float
    reasons: tuple[str, ...]
    upgrades: tuple[str, ...]


@dataclass(frozen=True)
class NetworkStage:
    """The stage a network reaches (see :func:`stage_of`).

    Attributes
    ----------
    network : Network
        The network judged.
    stage : Stage or None
        The highest stage every pair of end nodes reaches; None below stage 0.
    number : int
        Its number, -1 for None.
    functional_stage : int
        The stage the nodes' capabilities alone would allow (errors and memory times ignored).
    limiting_pair : tuple of str or None
        The first pair of end nodes held at ``number``.
    reasons : tuple of str
        Why the next stage fails (over every pair held at ``number``).
    upgrades : tuple of str
        What to change to reach the next stage, one per reason.
    pairs : tuple of PairStage
        Every pair of end nodes.
    applications : tuple of Application
        What the network runs (:func:`~qwidgets.physics.applications_up_to`).
    required_memory_s : float
        The memory time stage 3 asks of the end nodes (:func:`required_memory_s`).
    """

    network: Network
    stage: Stage | None
    number: int
    functional_stage: int
    limiting_pair: tuple[str, str] | None
    reasons: tuple[str, ...]
    upgrades: tuple[str, ...]
    pairs: tuple[PairStage, ...]
    applications: tuple[Application, ...]
    required_memory_s: float

    @property
    def summary(self) -> str:
        """One line: the stage, and why the next one fails."""
        name = self.network.name or "This network"
        if self.stage is None:
            head = f"{name} reaches no stage yet"
        else:
            head = f"{name} reaches stage {self.number} ({self.stage.name})"
        if self.number == 5:
            return head + ", the last."
        return f"{head}; the next fails: {self.reasons[0]}." if self.reasons else head + "."


# --- routes -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Failure:
    level: int
    functional: bool  # a missing capability (True) or a threshold not met (False)
    reason: str
    upgrade: str


@dataclass(frozen=True)
class _Route:
    nodes: tuple[Node, ...]
    links: tuple[Link, ...]
    failures: tuple[_Failure, ...] = field(default=())
    error: float = math.nan

    def number(self, *, functional: bool = False) -> int:
        blocked = [f.level for f in self.failures if f.functional or not functional]
        return min(blocked, default=len(STAGES)) - 1

    @property
    def length_km(self) -> float:
        return sum(k.length_km for k in self.links)


def _routes(network: Network, a: str, b: str) -> Iterator[tuple[tuple[str, ...], tuple[Link, ...]]]:
    """Simple paths from ``a`` to ``b`` (depth first, at most ``_MAX_ROUTES``)."""
    neighbours: dict[str, list[Link]] = {n.name: [] for n in network.nodes}
    for link in network.links:
        neighbours[link.a].append(link)
        neighbours[link.b].append(link)
    found = 0
    stack: list[tuple[tuple[str, ...], tuple[Link, ...]]] = [((a,), ())]
    while stack and found < _MAX_ROUTES:
        names, links = stack.pop()
        for link in reversed(neighbours[names[-1]]):
            nxt = link.other(names[-1])
            if nxt == b:
                found += 1
                yield (*names, nxt), (*links, link)
            elif nxt not in names:
                stack.append(((*names, nxt), (*links, link)))


def _segments(nodes: Sequence[Node], links: Sequence[Link], split: callable) -> list[list[Link]]:
    """The route's links, cut at the inner nodes for which ``split(node)`` holds."""
    segments: list[list[Link]] = [[]]
    for i, link in enumerate(links):
        segments[-1].append(link)
        if i + 1 < len(links) and split(nodes[i + 1]):
            segments.append([])
    return segments


def _segment_error(links: Sequence[Link]) -> float:
    """Error of one segment (infinite through a trusted relay: no qubit crosses it)."""
    if any(k.kind == "trusted relay" for k in links):
        return math.inf
    measured = sum(k.error for k in links if k.error is not None)
    unmeasured = [k for k in links if k.error is None]
    if not unmeasured:
        return measured
    return measured + dark_count_error(sum(k.loss_db for k in unmeasured))


def _pair_time_s(links: Sequence[Link]) -> float:
    """Mean time to herald one pair across a segment, plus the message across it."""
    length = sum(k.length_km for k in links)
    herald = heralded_link(length, loss_db=sum(k.loss_db for k in links)).mean_time_s
    return herald + length / SPEED_IN_FIBRE_KM_PER_S


def _expected_slowest_s(means_s: Sequence[float]) -> float:
    """Mean time until every segment holds a pair, segments trying in parallel.

    Waiting times taken as exponential with the segments' means ``tau_i`` (the limit of many
    attempts, as in :func:`~qwidgets.physics.repeater_chain`): ``E[max] = sum over non-empty sets S
    of (-1)^(|S|+1) / sum_{i in S} 1/tau_i``; 1.5 tau for two equal segments.
    """
    rates = [1 / t for t in means_s]
    if len(rates) > _MAX_PARALLEL_SEGMENTS:  # too many subsets: integrate P(max > x) instead
        tail = lambda x: -math.expm1(sum(math.log1p(-math.exp(-r * x)) for r in rates))  # noqa: E731
        return integrate.quad(tail, 0, math.inf, limit=200)[0]
    total = 0.0
    for size in range(1, len(rates) + 1):
        for subset in itertools.combinations(rates, size):
            total += (-1) ** (size + 1) / sum(subset)
    return total


def _route_time_s(links: Sequence[Link], nodes: Sequence[Node]) -> float:
    """The paper's t for one route: a pair on every segment (in parallel), then a message end to end."""
    segments = _segments(nodes, links, lambda n: n.can_repeat)
    heralds = [_pair_time_s(s) - sum(k.length_km for k in s) / SPEED_IN_FIBRE_KM_PER_S for s in segments]
    return _expected_slowest_s(heralds) + sum(k.length_km for k in links) / SPEED_IN_FIBRE_KM_PER_S


def _quantum_route(links: Sequence[Link], nodes: Sequence[Node]) -> bool:
    """Whether heralded pairs can cross the route: no trusted relay, no source, repeaters in between."""
    return all(k.kind != "trusted relay" for k in links) and all(n.can_repeat for n in nodes[1:-1])


@functools.lru_cache(maxsize=256)
def required_memory_s(network: Network) -> float:
    """The memory time stage 3 asks of every end node of ``network``, in seconds.

    The paper's ``k C_m t`` with one round (``k C_m = 1``, ours): ``t`` is the time to make one
    pair between two end nodes (the mean time until every segment of their route, repeater to
    repeater, has heralded a pair, :func:`~qwidgets.physics.heralded_link`, segments trying in
    parallel; swaps are deterministic with memories) plus one message between them at the speed
    of light in fibre, for the pair of end nodes where it is longest, each pair
    over its quickest route of heralded links and repeaters (no trusted relay, no source: stage 3
    asks for stage 2 first). Pairs with no such route do not count.
    """
    ends = network.end_nodes
    worst = 0.0
    for i, a in enumerate(ends):
        for b in ends[i + 1 :]:
            times = [
                _route_time_s(links, [network.node(n) for n in names])
                for names, links in _routes(network, a, b)
                if _quantum_route(links, [network.node(n) for n in names])
            ]
            if times:
                worst = max(worst, min(times))
    return worst


def _count(n: int, thing: str) -> str:
    return f"{n} {thing}{'s' * (n != 1)}"


def _ms(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.3g} s"
    return f"{seconds * 1e3:.3g} ms"


def _cure(links: Sequence[Link], what: str, for_loss: str) -> str:
    """What lowers an error: better links where it was measured, else less loss per segment."""
    measured = [k for k in links if k.error is not None]
    if measured:
        names = ", ".join(k.name for k in measured)
        total = sum(k.error for k in measured)
        return f"lower {what}: better pairs on {names} (measured error {total:.3f}), or purify them"
    return f"lower {what}: {for_loss} (dark counts win over long fibre), or better nodes"


def _judge(network: Network, names: tuple[str, ...], links: tuple[Link, ...], memory_s: float) -> _Route:
    """Every failure of one route, stage by stage."""
    nodes = tuple(network.node(n) for n in names)
    ends, inner = (nodes[0], nodes[-1]), nodes[1:-1]
    fail: list[_Failure] = []

    def add(level: int, functional: bool, reason: str, upgrade: str) -> None:
        fail.append(_Failure(level, functional, reason, upgrade))

    # Stage 0: QKD hop by hop, every inner node a trusted relay (sources pass photons on).
    for node in (*ends, *(n for n in inner if n.role != "source")):
        if not node.prepare_measure:
            add(
                0,
                True,
                f"node {node.name} cannot prepare and measure qubits",
                f"give {node.name} QKD equipment",
            )
    hop_nodes = [nodes[0]] + [n for n in inner if n.role != "source"] + [nodes[-1]]
    for hop, (start, end) in zip(
        _segments(nodes, links, lambda n: n.role != "source"), zip(hop_nodes, hop_nodes[1:]), strict=True
    ):
        if any(k.kind == "trusted relay" for k in hop):
            continue
        error = _segment_error(hop) + start.error + end.error
        if error > QKD_ERROR_LIMIT:
            add(
                0,
                False,
                f"the hop {start.name}-{end.name} has an error of {error:.3f}, above the {QKD_ERROR_LIMIT} "
                "BB84 allows",
                _cure(hop, f"the error of the hop {start.name}-{end.name}", "put a trusted relay halfway"),
            )
    # Stage 1: end to end, nobody trusted; repeaters store long enough.
    for link in links:
        if link.kind == "trusted relay":
            add(
                1,
                True,
                f"{link.name} relies on trusted relays",
                f"replace {link.name} by links with quantum repeaters",
            )
    for node in inner:
        if node.role == "trusted":
            add(
                1,
                True,
                f"{node.name} is a trusted relay",
                f"make {node.name} a quantum repeater with a memory",
            )
        elif node.role in ("repeater", "end") and node.memory_s <= 0:
            add(
                1,
                True,
                f"{node.name} has no memory, so it can only relay as a trusted node",
                f"give {node.name} a memory",
            )
    segments = _segments(nodes, links, lambda n: n.can_repeat)
    for i, node in enumerate(n for n in inner if n.can_repeat):
        beside = (segments[i], segments[i + 1])
        if any(k.kind == "trusted relay" for k in (*beside[0], *beside[1])):
            continue  # no pair crosses a trusted relay: judged above
        need = max(_pair_time_s(beside[0]), _pair_time_s(beside[1]))
        if node.memory_s < need:
            add(
                1,
                False,
                f"the memory of {node.name} ({_ms(node.memory_s)}) fades before its segments deliver a pair "
                f"({_ms(need)})",
                f"give {node.name} a memory of at least {_ms(need)}",
            )
    crosses = all(k.kind != "trusted relay" for k in links) and all(
        n.role == "source" or n.can_repeat for n in inner
    )  # a qubit crosses end to end: no trusted relay, no memoryless node in between
    error = sum(_segment_error(s) for s in segments) + ends[0].error + ends[1].error if crosses else math.inf
    pair = f"{ends[0].name}-{ends[1].name}"
    if QKD_ERROR_LIMIT < error < math.inf:
        add(
            1,
            False,
            f"the error {pair} end to end is {error:.3f}, above the {QKD_ERROR_LIMIT} BB84 allows",
            _cure(links, f"the error {pair}", "shorter segments: add quantum repeaters"),
        )
    # Stage 2: heralded entanglement, no post-selecting source.
    for node in ends:
        if not node.heralded:
            add(
                2,
                True,
                f"node {node.name} cannot hold heralded entanglement",
                f"give {node.name} heralded entanglement (a matter qubit with an optical interface)",
            )
    for node in inner:
        if node.role == "source":
            add(
                2,
                True,
                f"the pairs from {node.name} are post-selected, not heralded",
                f"replace {node.name} by heralded links between quantum nodes",
            )
    if DI_QKD_ERROR_LIMIT < error < math.inf:
        add(
            2,
            False,
            f"the error {pair} end to end is {error:.3f}, above the {DI_QKD_ERROR_LIMIT} "
            "device-independent QKD allows",
            _cure(
                links,
                f"the error {pair} below {DI_QKD_ERROR_LIMIT}",
                "shorter segments: add quantum repeaters",
            ),
        )
    # Stage 3: memories at the end nodes that outlast the network's t.
    for node in ends:
        if node.memory_s <= 0:
            add(
                3,
                True,
                f"node {node.name} has no memory",
                f"give {node.name} a memory of at least {_ms(memory_s)}",
            )
        elif node.memory_s < memory_s:
            add(
                3,
                False,
                f"the memory of {node.name} ({_ms(node.memory_s)}) is shorter than the {_ms(memory_s)} "
                "stage 3 asks",
                f"give {node.name} a memory of at least {_ms(memory_s)}",
            )
        if node.qubits < MIN_QUBITS_FOR_MEMORY:
            add(
                3,
                True,
                f"node {node.name} has {_count(node.qubits, 'qubit')}; stage 3 needs "
                f"{MIN_QUBITS_FOR_MEMORY} (one stored, one ancilla)",
                f"give {node.name} at least {MIN_QUBITS_FOR_MEMORY} qubits",
            )
    # Stages 4 and 5: logical qubits.
    for node in ends:
        if node.logical_qubits < 1:
            add(
                4,
                True,
                f"node {node.name} has no fault-tolerant logical qubit",
                f"give {node.name} a logical qubit",
            )
        if node.logical_qubits <= SIMULABLE_LOGICAL_QUBITS:
            add(
                5,
                True,
                f"node {node.name} has {_count(node.logical_qubits, 'logical qubit')}, few enough to "
                "simulate classically",
                f"give {node.name} more than {SIMULABLE_LOGICAL_QUBITS} logical qubits",
            )
    return _Route(nodes, links, tuple(fail), error)


def _pair(network: Network, a: str, b: str, memory_s: float) -> PairStage:
    routes = [_judge(network, names, links, memory_s) for names, links in _routes(network, a, b)]
    if not routes:
        return PairStage(
            a, b, -1, -1, (), math.nan, (f"{a} and {b} are not connected",), (f"link {a} and {b}",)
        )
    best = max(routes, key=lambda r: (r.number(), r.number(functional=True), -r.error, -r.length_km))
    number = best.number()
    nxt = [f for f in best.failures if f.level == number + 1]
    return PairStage(
        a,
        b,
        number,
        best.number(functional=True),
        tuple(n.name for n in best.nodes),
        best.error,
        tuple(f.reason for f in nxt),
        tuple(f.upgrade for f in nxt),
    )


def _unique(items: Iterator[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


@functools.lru_cache(maxsize=256)
def stage_of(network: Network) -> NetworkStage:
    """The stage of the roadmap ``network`` reaches, why the next one fails and what to upgrade.

    See the module docstring for what each stage asks of a route between two end nodes. Every
    pair of end nodes is judged over its best route; the network reaches the lowest of their
    stages.

    Parameters
    ----------
    network : Network
        The network to judge.

    Returns
    -------
    NetworkStage
        The stage (None below stage 0), the functional stage, the limiting pair, the reasons
        and upgrades for the next stage, every pair, the applications it runs.
    """
    if not isinstance(network, Network):
        raise InvalidTypeError("network", network, "a Network")
    memory = required_memory_s(network)
    ends = network.end_nodes
    pairs = tuple(_pair(network, a, b, memory) for i, a in enumerate(ends) for b in ends[i + 1 :])
    if not pairs:
        return NetworkStage(
            network,
            None,
            -1,
            -1,
            None,
            (f"a network needs two end nodes; it has {len(ends)}",),
            ("add end nodes",),
            (),
            (),
            memory,
        )
    number = min(p.number for p in pairs)
    held = [p for p in pairs if p.number == number]
    return NetworkStage(
        network=network,
        stage=STAGES[number] if number >= 0 else None,
        number=number,
        functional_stage=min(p.functional_number for p in pairs),
        limiting_pair=(held[0].a, held[0].b),
        reasons=_unique(r for p in held for r in p.reasons),
        upgrades=_unique(u for p in held for u in p.upgrades),
        pairs=pairs,
        applications=applications_up_to(number) if number >= 0 else (),
        required_memory_s=memory,
    )


# --- presets ------------------------------------------------------------------------------------


def _beijing_shanghai() -> Network:
    return Network(
        "Beijing-Shanghai backbone",
        (Node("Beijing", x_km=0.0, y_km=0.0), Node("Shanghai", x_km=460.0, y_km=-970.0)),
        (Link("Beijing", "Shanghai", 2000.0, kind="trusted relay"),),
        source="Over 2,000 km of fibre through Jinan, Hefei and 32 trusted relays in all: Chen et al., "
        "Nature 589, 214 (2021). "
        "Positions: the two cities' longitude and latitude.",
    )


def _chicago_loop() -> Network:
    loop_km = 26 * 1.609344  # each photon's fibre loop: 26 miles
    return Network(
        "Chicago quantum loop",
        (
            Node("Detector A", x_km=-loop_km / 2, y_km=0.0),
            Node("Argonne source", role="source", prepare_measure=False, x_km=0.0, y_km=10.0),
            Node("Detector B", x_km=loop_km / 2, y_km=0.0),
        ),
        (Link("Argonne source", "Detector A", loop_km), Link("Argonne source", "Detector B", loop_km)),
        source="Entangled photon pairs sent through two 26-mile fibre loops and detected on their return, "
        "52 miles in all: Argonne National Laboratory and University of Chicago press release, 19 February "
        "2020. The source and both detectors are at Argonne; drawn apart here.",
    )


def _delft() -> Network:
    # Link errors: the bit error of a Werner pair of fidelity 0.8, 2 (1 - F) / 3.
    werner_error = 2 * (1 - 0.8) / 3
    heralded = {"heralded": True, "prepare_measure": True}
    return Network(
        "Delft three-node network",
        (
            Node("Alice", x_km=-0.03, y_km=0.0, qubits=1, **heralded),
            Node("Bob", x_km=0.0, y_km=0.02, qubits=2, memory_s=0.01, **heralded),
            Node("Charlie", x_km=0.03, y_km=0.0, qubits=2, memory_s=0.01, **heralded),
        ),
        (
            Link("Alice", "Bob", 0.03, error=werner_error),
            Link("Bob", "Charlie", 0.03, error=werner_error),
        ),
        source="Three NV-centre nodes, Bob linked to Alice and Charlie by heralded entanglement of "
        "fidelity about 0.8, a memory qubit at Bob: Pompili et al., Science 372, 259 (2021); a memory at "
        "Charlie as in the teleportation of Hermans et al., Nature 605, 663 (2022). Distances (tens of "
        "metres) and the 10 ms memory time are round figures of ours.",
    )


def _micius() -> Network:
    ground_km = 1203.0
    downlink = midpoint_downlinks(ground_km)
    loss = _loss_db(satellite_transmittance(downlink.range_km))
    # Each downlink's share of the pairs' error: S = 2.37 gives a Werner parameter S / 2 sqrt(2),
    # a bit error (1 - w) / 2 = 0.081 for the pair, split evenly between the two downlinks.
    pair_error = (1 - 2.37 / (2 * math.sqrt(2))) / 2
    return Network(
        "Micius satellite link",
        (
            Node("Delingha", x_km=-ground_km / 2, y_km=0.0),
            Node("Micius", role="source", prepare_measure=False, x_km=0.0, y_km=MICIUS_ALTITUDE_KM),
            Node("Lijiang", x_km=ground_km / 2, y_km=0.0),
        ),
        (
            Link(
                "Micius", "Delingha", downlink.range_km, kind="free space", loss_db=loss, error=pair_error / 2
            ),
            Link(
                "Micius", "Lijiang", downlink.range_km, kind="free space", loss_db=loss, error=pair_error / 2
            ),
        ),
        source="Entangled photons from Micius (500 km up) to Delingha and Lijiang, 1,203 km apart, "
        "Bell value S = 2.37: Yin et al., Science 356, 1140 (2017). Downlinks: the satellite above the "
        "midpoint and the fitted Micius downlink loss (lesson 06).",
    )


def _toy_five_cities() -> Network:
    cities = (("Ada", 0.0, 60.0), ("Bohr", 57.0, 19.0), ("Curie", 35.0, -49.0), ("Dirac", -35.0, -49.0),
              ("Euler", -57.0, 19.0))  # fmt: skip
    hub = Node("Hub", role="repeater", memory_s=1.0, qubits=2)
    return Network(
        "Toy five-city network",
        (*(Node(name, x_km=x, y_km=y) for name, x, y in cities), hub),
        tuple(Link(name, "Hub", round(math.hypot(x, y))) for name, x, y in cities),
        source="An invented network: five cities about 60 km from a quantum repeater at their centre.",
    )


NETWORK_PRESETS: dict[str, Network] = {
    net.name: net for net in (_beijing_shanghai(), _chicago_loop(), _delft(), _micius(), _toy_five_cities())
}
"""Real networks (their sources in ``Network.source``) and a toy one to start building from."""


def network_preset(name: str) -> Network:
    """The preset network called ``name`` (a key of :data:`NETWORK_PRESETS`)."""
    return NETWORK_PRESETS[validation.choice("name", name, tuple(NETWORK_PRESETS))]
