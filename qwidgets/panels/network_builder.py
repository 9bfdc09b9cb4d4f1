"""NetworkBuilderPanel: build a quantum network node by node and see which stage of the roadmap it reaches.

The Delft roadmap (Wehner, Elkouss & Hanson, "Quantum internet: A vision for the road ahead",
Science 362, eaam9288, 2018) ranks networks in six stages, from trusted repeaters (0) to quantum
computing (5), and a network reaches a stage only when *every* pair of its end nodes has that
stage's functionality. The panel holds a :class:`~qwidgets.physics.Network` (start from a preset
or from nothing), edits it only through the network's own immutable edits, and asks
:func:`~qwidgets.physics.stage_of` for its stage, the pair that holds it back, why the next stage
fails and what to upgrade; it decides nothing about stages itself.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, replace
from typing import Any, ClassVar

import ipywidgets as widgets

from qwidgets.errors import InvalidTypeError
from qwidgets.panels.base import Panel
from qwidgets.panels.parameters import Action, Integer, Menu, Tick
from qwidgets.panels.summary import distance_text, time_text
from qwidgets.physics import (
    LINK_KINDS,
    NETWORK_PRESETS,
    NODE_ROLES,
    Link,
    Network,
    NetworkStage,
    Node,
    stage_of,
)
from qwidgets.plots.network import LinkMark, NetworkPicture, NetworkView, NodeMark

__all__ = [
    "EMPTY",
    "BuilderState",
    "NetworkBuilderPanel",
    "NetworkReading",
    "ReportPicture",
    "StageReport",
    "free_spot",
    "network_picture",
    "stage_report",
]

EMPTY = "(empty)"
"""The preset menu's entry for a network with no nodes."""
_SPACING_SHARE = 0.3  # a node placed automatically keeps this share of the drawing's size from the others
_SPACING_KM = 20.0  # ... or this far, when the drawing has no size (one node, or all on one spot)
_DIRECTIONS = 12  # places tried on each ring around the centre
_CAPABILITIES = ("prepare_measure", "heralded", "memory_s", "qubits", "logical_qubits")
_LOCKED_WITHOUT_NODE = (*_CAPABILITIES, "remove_node")


def _tick(name: str, label: str, default: bool, tooltip: str) -> Tick:
    return Tick(name, label, default, tooltip, options=((False, "no", "no"), (True, "yes", "yes")), view=True)


_MEMORY_TIMES = (
    (0.0, "none"),
    (1e-3, "1 ms"),
    (1e-2, "10 ms"),
    (0.1, "100 ms"),
    (1.0, "1 s"),
    (10.0, "10 s"),
)
_LOGICAL = (0, 1, 10, 100)


@dataclass(frozen=True)
class BuilderState:
    """The exact state of a :class:`NetworkBuilderPanel`.

    Attributes
    ----------
    network : Network
        The network built so far.
    selected : str or None
        The node whose capabilities the controls show and set (``None``: no node).
    preset : str
        The preset it started from (:data:`EMPTY` for nothing, or for a network given as ``state``).
    """

    network: Network
    selected: str | None
    preset: str


@dataclass(frozen=True)
class NetworkReading:
    """What a :class:`NetworkBuilderPanel` shows: the state and the network's stage.

    Attributes
    ----------
    state : BuilderState
        The network, the selected node and the preset it started from.
    stage : NetworkStage
        :func:`~qwidgets.physics.stage_of` of the network.
    """

    state: BuilderState
    stage: NetworkStage


@dataclass(frozen=True)
class ReportPicture:
    """What a :class:`StageReport` shows: a heading, then titled lists.

    Attributes
    ----------
    heading : str
        The first line, in bold (the stage).
    sections : tuple of (str, tuple of str)
        Each section's title and its items (sections without items are left out).
    """

    heading: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]


class StageReport:
    """A widget view: the stage, why the next fails, the upgrades and the applications, as HTML lists.

    Attributes
    ----------
    widget : ipywidgets.HTML
        The report, beside the map.
    """

    def __init__(self) -> None:
        self.widget = widgets.HTML(  # beside the map while there is room, else below it
            layout=widgets.Layout(flex="1 1 18em", min_width="15em", max_width="34em", margin="0 0 0 8px")
        )

    def update(self, picture: ReportPicture) -> None:
        """Show ``picture``."""
        parts = [f"<div style='font-size:1.15em;font-weight:bold'>{html.escape(picture.heading)}</div>"]
        for title, items in picture.sections:
            if items:
                rows = "".join(f"<li>{html.escape(item)}</li>" for item in items)
                parts.append(
                    f"<div style='margin-top:4px'><b>{html.escape(title)}</b>"
                    f"<ul style='margin:0;padding-left:1.3em'>{rows}</ul></div>"
                )
        self.widget.value = (
            f"<div class='qwidgets-stage-report' style='line-height:1.35'>{''.join(parts)}</div>"
        )


def _nearest(value: float, options: tuple[float, ...]) -> float:
    """The option closest to ``value`` on a log scale (0 only for 0): what a menu of round values shows."""
    if value <= 0:
        return options[0]
    return min((o for o in options if o > 0), key=lambda o: abs(math.log(value / o)))


def free_spot(network: Network) -> tuple[float, float]:
    """A place for a new node: the centre of the drawing, or the nearest free spot around it.

    Spots are tried on rings around the centre of the nodes' bounding box, nearest first, each
    ring one spacing wider (the spacing is 30 % of the drawing's size, or 20 km when it has no
    size), twelve spots a ring; the first spot at least one spacing from every node is taken.

    Parameters
    ----------
    network : Network
        The network the node joins.

    Returns
    -------
    tuple of float
        ``(x_km, y_km)``.
    """
    points = [(node.x_km, node.y_km) for node in network.nodes]
    if not points:
        return 0.0, 0.0
    xs, ys = zip(*points)
    size = max(max(xs) - min(xs), max(ys) - min(ys))
    spacing = _SPACING_SHARE * size if size > 0 else _SPACING_KM
    centre = ((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2)
    ring = 0
    while True:
        angles = [0.0] if ring == 0 else [2 * math.pi * k / _DIRECTIONS for k in range(_DIRECTIONS)]
        for angle in angles:
            x = round(centre[0] + ring * spacing * math.cos(angle), 1)
            y = round(centre[1] + ring * spacing * math.sin(angle), 1)
            if all(math.hypot(x - px, y - py) >= spacing * (1 - 1e-9) for px, py in points):
                return x, y
        ring += 1


def _first_node(network: Network) -> str | None:
    """The node selected when a network is loaded: its first end node, else its first node."""
    names = network.end_nodes or tuple(node.name for node in network.nodes)
    return names[0] if names else None


def _load(preset: str) -> BuilderState:
    network = Network("", (), ()) if preset == EMPTY else NETWORK_PRESETS[preset]
    return BuilderState(network, _first_node(network), preset)


def _free_name(network: Network) -> str:
    """``"Node 1"``, ``"Node 2"``, ...: the first such name not taken."""
    taken = {node.name for node in network.nodes}
    return next(f"Node {k}" for k in range(1, len(taken) + 2) if f"Node {k}" not in taken)


def network_picture(reading: NetworkReading) -> NetworkPicture:
    """The map of a reading: nodes, links with their lengths, the selection and the limiting pair."""
    network, stage = reading.state.network, reading.stage
    index = {node.name: i for i, node in enumerate(network.nodes)}
    nodes = tuple(NodeMark(node.name, node.role, node.x_km, node.y_km) for node in network.nodes)
    links = tuple(
        LinkMark(index[link.a], index[link.b], link.kind, distance_text(link.length_km))
        for link in network.links
    )
    selected = reading.state.selected
    return NetworkPicture(
        nodes,
        links,
        _heading(stage),
        None if selected is None else index[selected],
        tuple(index[name] for name in stage.limiting_pair or ()),
    )


def _heading(stage: NetworkStage) -> str:
    return "No stage yet" if stage.stage is None else stage.stage.title


def _capabilities(node: Node) -> str:
    """What a node can do, in words."""
    can = [
        word
        for word, has in (("prepares and measures", node.prepare_measure), ("heralded", node.heralded))
        if has
    ]
    if node.memory_s > 0:
        can.append(f"memory {time_text(node.memory_s)}")
    if node.qubits:
        can.append(f"{node.qubits:,} qubit{'s' if node.qubits != 1 else ''}")
    if node.logical_qubits:
        can.append(f"{node.logical_qubits:,} logical")
    return f"{node.name} ({node.role} node): {', '.join(can) or 'nothing yet'}"


def stage_report(reading: NetworkReading) -> ReportPicture:
    """The report beside the map: what the network runs, why the next stage fails, what to upgrade."""
    stage, network = reading.stage, reading.state.network
    following = stage.number + 1
    sections = []
    if stage.limiting_pair is not None and len(stage.pairs) > 1:
        a, b = stage.limiting_pair
        sections.append(("Limiting pair", (f"{a} and {b} (ringed on the map)",)))
    if following <= 5:
        sections.append((f"Why not stage {following}", stage.reasons))
        sections.append((f"To reach stage {following}", stage.upgrades))
    if stage.functional_stage != stage.number:
        sections.append(
            (
                "Capabilities alone",
                (
                    f"Functionality alone would allow stage {stage.functional_stage}: errors, losses or "
                    "memory times hold the network back.",
                ),
            )
        )
    if stage.applications:  # one line: the list is long by stage 3
        sections.append(("It runs", (", ".join(app.name for app in stage.applications),)))
    if reading.state.selected is not None:
        sections.append(("Selected node", (_capabilities(network.node(reading.state.selected)),)))
    if network.source:
        sections.append(("Source", (network.source,)))
    return ReportPicture(_heading(stage), tuple(sections))


class NetworkBuilderPanel(Panel):
    """Build a network: nodes with capabilities, links between them; read its stage of the roadmap.

    Start from a preset (or from "(empty)"), add and remove nodes and links, and give the selected
    node its capabilities. The map shows the nodes at their positions (a marker per role), the
    links (solid fibre, dotted free space, dashed trusted relays), the selected node and the pair
    of end nodes that holds the network back; beside it, the stage, why the next stage fails,
    what to upgrade and the applications the network runs. The stage comes from
    :func:`~qwidgets.physics.stage_of`, with the thresholds of Wehner, Elkouss & Hanson (Science
    362, eaam9288, 2018) and those marked as ours in :mod:`qwidgets.physics.networks`.

    Inputs that are not parameters (their options change with the network) are in
    :attr:`inputs`: ``"name"`` (the new node's name; blank gives "Node 1", "Node 2", ...),
    ``"node"`` (the selected node), ``"link_from"`` and ``"link_to"`` (a link's ends).

    Notes
    -----
    The capability keywords (``prepare_measure`` ... ``logical_qubits``) set the selected node
    (the preset's first end node) when given; otherwise it keeps the preset's values (their
    defaults are those of a new :class:`~qwidgets.physics.Node`). The memory
    time and logical qubits are shown rounded to the nearest option of their menus (on a log
    scale), but only a change made by the student is stored. A new node is placed automatically
    on a free spot around the drawing's centre (:func:`free_spot`); its position only draws it,
    the links' lengths are what counts. "Add link" on two nodes already linked changes that link's
    length and kind (a free-space link also needs its loss: 30 dB unless set, a round figure of
    ours). ``state`` takes a :class:`~qwidgets.physics.Network` (or a
    :class:`BuilderState`). ``result`` is a :class:`NetworkReading`.
    """

    title = "Build a quantum network"
    presets: ClassVar[tuple[str, ...]] = (EMPTY, *NETWORK_PRESETS)
    """The starting points the preset menu offers: nothing, then every preset network."""
    parameters = (
        Menu(
            "preset",
            "Start from",
            "Toy five-city network",
            "a network to start from: a real one from the literature, a toy one, or nothing",
            options=(
                (EMPTY, EMPTY, "no nodes"),
                *((name, name, network.source) for name, network in NETWORK_PRESETS.items()),
            ),
            view=True,
            width="auto",
        ),
        Menu(
            "role",
            "Role",
            "end",
            "the new node's role: a user's end node, a quantum repeater, a trusted relay or a passive source",
            options=tuple((role, role, role) for role in NODE_ROLES),
            width="auto",
        ),
        _tick(
            "prepare_measure",
            "prepares and measures",
            True,
            "the selected node prepares and measures single qubits",
        ),
        _tick(
            "heralded",
            "heralded entanglement",
            False,
            "the selected node holds heralded entanglement and measures it at will (a matter qubit)",
        ),
        Menu(
            "memory_s",
            "Memory",
            0.0,
            "how long the selected node's memory keeps a qubit",
            options=tuple((value, label, label) for value, label in _MEMORY_TIMES),
            view=True,
            width="auto",
        ),
        Integer(
            "qubits",
            "Qubits",
            0,
            "physical qubits of the selected node under universal control",
            low=0,
            high=10**6,
            view=True,
        ),
        Menu(
            "logical_qubits",
            "Logical qubits",
            0,
            "fault-tolerant logical qubits of the selected node",
            options=tuple((n, str(n), f"{n} logical qubits") for n in _LOGICAL),
            view=True,
            width="auto",
        ),
        Integer("length_km", "Length (km)", 50, "the link's length", low=0, high=40_000, unit="km"),
        Menu(
            "kind",
            "Kind",
            "fibre",
            "the link's kind: optical fibre, free space (a satellite), or a chain of trusted relays",
            options=tuple((kind, kind, kind) for kind in LINK_KINDS),
            width="auto",
        ),
        Integer(
            "loss_db",
            "Loss (dB)",
            30,
            "the free-space link's loss (a Micius preset downlink loses 34 dB; fibre 0.2 dB per km)",
            low=0,
            high=1000,
            unit="dB",
            when={"kind": ("free space",)},
        ),
    )
    actions = (
        Action(
            "start_over", "Start over", "load the chosen starting network again", "_start_over", icon="undo"
        ),
        Action("add_node", "Add node", "add a node with this name and role", "_add_node", icon="plus"),
        Action(
            "remove_node",
            "Remove node",
            "remove the selected node and its links",
            "_remove_node",
            icon="trash",
        ),
        Action(
            "add_link",
            "Add link",
            "link the two nodes (or change the link between them)",
            "_add_link",
            icon="link",
        ),
        Action(
            "remove_link",
            "Remove link",
            "remove the link between the two nodes",
            "_remove_link",
            icon="unlink",
        ),
    )
    control_rows = (
        ("preset", "start_over"),
        ("role", "add_node"),
        ("remove_node",),
        ("prepare_measure", "heralded", "memory_s"),
        ("qubits", "logical_qubits"),
        ("length_km", "kind", "loss_db"),
        ("add_link", "remove_link"),
    )
    _inputs_before: ClassVar[dict[str, tuple[str, ...]]] = {
        "role": ("name",),
        "remove_node": ("node",),
        "length_km": ("link_from", "link_to"),
    }
    """Where the inputs go: at the start of the row of the control named by each key."""

    def __init__(self, **kwargs: Any) -> None:
        self._given = frozenset(kwargs)
        self.inputs: dict[str, widgets.Widget] = {}
        super().__init__(**kwargs)

    # -- state ------------------------------------------------------------------------------------
    def _check_state(self, state: Any) -> BuilderState:
        if isinstance(state, BuilderState):
            if state.selected is not None:
                state.network.node(state.selected)  # a named error if it is not in the network
            return state
        if isinstance(state, Network):
            return BuilderState(state, _first_node(state), EMPTY)
        raise InvalidTypeError("state", state, "a Network or a BuilderState")

    def _views(self, state: BuilderState) -> dict[str, Any]:
        views: dict[str, Any] = {"preset": state.preset, **dict.fromkeys(_CAPABILITIES)}
        if state.selected is not None:
            node = state.network.node(state.selected)
            views.update(
                prepare_measure=node.prepare_measure,
                heralded=node.heralded,
                memory_s=_nearest(node.memory_s, tuple(v for v, _ in _MEMORY_TIMES)),
                qubits=node.qubits,
                logical_qubits=int(_nearest(node.logical_qubits, _LOGICAL)),
            )
        return views

    def _state_from_views(self, *, preset: str, **capabilities: Any) -> BuilderState:
        current: BuilderState | None = getattr(self, "state", None)
        if current is None:  # being built: the keywords given set the first node
            current = _load(preset)
            changes = {name: value for name, value in capabilities.items() if name in self._given}
        elif preset != current.preset:
            return _load(preset)
        else:  # the student changed one capability: store that one only (the others may be rounded)
            shown = self._views(current)
            changes = {name: value for name, value in capabilities.items() if value != shown[name]}
        if current.selected is None or not changes:
            return current
        return replace(current, network=current.network.replace_node(current.selected, **changes))

    def _edit(self, network: Network, selected: str | None) -> None:
        """Make ``network`` (an edit of the current one) the state, with ``selected`` selected."""
        self._set_state(replace(self.state, network=network, selected=selected))

    # -- buttons ----------------------------------------------------------------------------------
    def _start_over(self) -> None:
        self._set_state(_load(self.state.preset))

    def _add_node(self) -> None:
        network = self.state.network
        name = self.inputs["name"].value.strip() or _free_name(network)
        x_km, y_km = free_spot(network)
        self._edit(network.with_node(Node(name, role=self.params["role"], x_km=x_km, y_km=y_km)), name)
        self.inputs["name"].value = ""

    def _remove_node(self) -> None:
        selected = self.state.selected
        if selected is not None:  # the button is disabled then; a click from Python does nothing
            network = self.state.network.without_node(selected)
            self._edit(network, _first_node(network))

    def _add_link(self) -> None:
        a, b = self.inputs["link_from"].value, self.inputs["link_to"].value
        if a is None or b is None:  # fewer than two nodes: the button is disabled
            return
        kind = self.params["kind"]
        settings = {
            "length_km": float(self.params["length_km"]),
            "kind": kind,
            "loss_db": float(self.params["loss_db"]) if kind == "free space" else None,
        }
        network = self.state.network
        if a != b and any(link.joins(a, b) for link in network.links):
            network = network.replace_link(a, b, **settings)
        else:  # a link to itself is refused by the network, and the banner says why
            network = network.with_link(Link(a, b, **settings))
        self._edit(network, self.state.selected)

    def _remove_link(self) -> None:
        a, b = self.inputs["link_from"].value, self.inputs["link_to"].value
        if self._linked(a, b):  # otherwise the button is disabled
            self._edit(self.state.network.without_link(a, b), self.state.selected)

    def _linked(self, a: str | None, b: str | None) -> bool:
        return a is not None and b is not None and any(link.joins(a, b) for link in self.state.network.links)

    # -- the inputs whose options follow the network ----------------------------------------------
    def _setup(self) -> tuple[NetworkView, StageReport]:
        style = {"description_width": "initial"}
        self.inputs.update(
            name=widgets.Text(
                value="",
                placeholder="e.g. Alice",
                description="New node",
                tooltip="the new node's name; leave it blank for Node 1, Node 2, ...",
                style=style,
                layout=widgets.Layout(width="17em"),
            ),
            node=widgets.Dropdown(
                description="Selected node",
                tooltip="the node whose capabilities the controls below show and set",
                style=style,
                layout=widgets.Layout(width="auto", min_width="12em"),
            ),
            link_from=widgets.Dropdown(
                description="Link from",
                tooltip="one end of the link",
                style=style,
                layout=widgets.Layout(width="auto"),
            ),
            link_to=widgets.Dropdown(
                description="to",
                tooltip="the other end of the link",
                style=style,
                layout=widgets.Layout(width="auto"),
            ),
        )
        self.inputs["node"].observe(self._on_select, names="value")
        for end in ("link_from", "link_to"):
            self.inputs[end].observe(self._on_link_end, names="value")
        self._menus_syncing = False
        return NetworkView(), StageReport()

    def _layout(self) -> tuple[widgets.Widget, ...]:
        """The base's layout, with each input at the start of the row it belongs to."""
        children = super()._layout()
        for control, names in self._inputs_before.items():
            row = next(box for box in children if self.controls[control] in getattr(box, "children", ()))
            row.children = (*(self.inputs[name] for name in names), *row.children)
        return children

    def _sync_views(self) -> None:
        super()._sync_views()
        state = self.state
        names = tuple(node.name for node in state.network.nodes)
        self._menus_syncing = True
        try:
            self.inputs["node"].options = names
            self.inputs["node"].value = state.selected
            a, b = self.inputs["link_from"].value, self.inputs["link_to"].value
            self.inputs["link_from"].options = self.inputs["link_to"].options = names
            a = a if a in names else (names[0] if names else None)
            b = b if b in names and b != a else next((n for n in names if n != a), None)
            self.inputs["link_from"].value, self.inputs["link_to"].value = a, b
        finally:
            self._menus_syncing = False
        for name in _LOCKED_WITHOUT_NODE:
            self.controls[name].disabled = state.selected is None
        self._sync_link_buttons()

    def _sync_link_buttons(self) -> None:
        a, b = self.inputs["link_from"].value, self.inputs["link_to"].value
        self.controls["add_link"].disabled = a is None or b is None
        self.controls["remove_link"].disabled = not self._linked(a, b)

    def _on_select(self, change: dict) -> None:
        if self._menus_syncing:
            return
        try:
            self._set_state(replace(self.state, selected=change["new"]))
        except Exception as exc:  # noqa: BLE001 - a callback must never raise into the kernel
            self._show_error(exc)

    def _on_link_end(self, _change: dict) -> None:
        if not self._menus_syncing:
            self._sync_link_buttons()

    # -- compute, draw, describe ------------------------------------------------------------------
    def _compute(self, **_params: Any) -> NetworkReading:
        return NetworkReading(self.state, stage_of(self.state.network))

    def _draw(self, result: NetworkReading) -> tuple[NetworkPicture, ReportPicture]:
        return network_picture(result), stage_report(result)

    def _describe(self, result: NetworkReading) -> tuple[str, ...]:
        network = result.state.network
        nodes, links = len(network.nodes), len(network.links)
        size = f"{nodes} node{'s' if nodes != 1 else ''}, {links} link{'s' if links != 1 else ''}"
        return (f"{size}: {result.stage.summary}",)
