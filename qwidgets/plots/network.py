"""A quantum network seen from above: its nodes where they stand, its links, the pair that holds it back.

Nodes sit at their map positions (km east and north of an arbitrary origin), each drawn with the
marker of its role (an end node is a square, a repeater a circle, a trusted relay a diamond, a
passive source a triangle) and labelled with its name. Links join them, styled by kind: fibre
solid, free space dotted, a trusted relay dashed, the line style carrying the kind as much as its
colour (Okabe-Ito colours, :mod:`qwidgets.plots.style`). The pair of end nodes that sets the
network's stage (the limiting pair of the Delft roadmap's rule that a stage is reached only when
every pair of end nodes has its functionality; Wehner, Elkouss & Hanson, Science 362, eaam9288,
2018) is ringed in the event colour, the selected node in black, and a legend names every marker
and line. The headline on top states the stage.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
from matplotlib.lines import Line2D

from qwidgets.plots.render import new_figure
from qwidgets.plots.style import FONT_SIZE, INCH_PER_UNIT, PALETTE, ROLE_COLORS, SMALL_FONT_SIZE

__all__ = [
    "KIND_STYLES",
    "ROLE_MARKERS",
    "LinkMark",
    "NetworkPicture",
    "NetworkView",
    "NodeMark",
    "map_limits",
]

ROLE_MARKERS = MappingProxyType(
    {
        "end": ("s", PALETTE["blue"], "end node"),
        "repeater": ("o", PALETTE["green"], "quantum repeater"),
        "trusted": ("D", PALETTE["orange"], "trusted relay"),
        "source": ("^", PALETTE["purple"], "source or satellite"),
    }
)
"""Marker, fill colour and legend label of each node role."""
KIND_STYLES = MappingProxyType(
    {
        "fibre": ("-", PALETTE["black"], "fibre"),
        "free space": (":", PALETTE["sky_blue"], "free space"),
        "trusted relay": ("--", PALETTE["orange"], "via trusted relays"),
    }
)
"""Line style, colour and legend label of each link kind."""
_LIMIT_COLOR = ROLE_COLORS["event"]
_AXES = (0.02, 0.2, 0.96, 0.69)  # the map: left, bottom, width, height (figure fraction)
_MARGIN = 0.12  # of the map's span, on each side, so that labels fit
_MIN_SPAN_KM = 20.0  # the width of a map of one node (or of nodes all on one spot)
_MAX_LINK_LABELS = 12  # more links than this: their lengths would crowd the map, so none is written
_NODE_LABEL = {
    "ha": "center",
    "va": "bottom",
    "fontweight": "bold",
    "bbox": {"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.7},
}
_LINK_LABEL = {
    "ha": "center",
    "va": "center",
    "bbox": {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
}


@dataclass(frozen=True)
class NodeMark:
    """One node on the map.

    Attributes
    ----------
    name : str
        Its label.
    role : str
        A key of :data:`ROLE_MARKERS`.
    x_km, y_km : float
        Its position.
    """

    name: str
    role: str
    x_km: float
    y_km: float

    def __post_init__(self) -> None:
        if self.role not in ROLE_MARKERS:
            raise ValueError(f"role must be one of {tuple(ROLE_MARKERS)}; got {self.role!r}")


@dataclass(frozen=True)
class LinkMark:
    """One link, between the nodes numbered ``a`` and ``b`` in the picture's ``nodes``.

    Attributes
    ----------
    a, b : int
        Indices of its ends.
    kind : str
        A key of :data:`KIND_STYLES`.
    label : str
        Written at its middle, e.g. ``"50 km"`` (left out when the map has many links).
    """

    a: int
    b: int
    kind: str
    label: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KIND_STYLES:
            raise ValueError(f"kind must be one of {tuple(KIND_STYLES)}; got {self.kind!r}")


@dataclass(frozen=True)
class NetworkPicture:
    """What a :class:`NetworkView` shows.

    Attributes
    ----------
    nodes : tuple of NodeMark
        The nodes (none: an empty map that says so).
    links : tuple of LinkMark
        The links between them.
    headline : str
        The line on top, e.g. ``"Stage 2: entanglement distribution"``.
    selected : int or None
        The selected node (ringed in black).
    limiting : tuple of int
        The limiting pair of end nodes (ringed in the event colour; empty for none).
    """

    nodes: tuple[NodeMark, ...]
    links: tuple[LinkMark, ...]
    headline: str
    selected: int | None = None
    limiting: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        n = len(self.nodes)
        marked = [i for link in self.links for i in (link.a, link.b)]
        marked += list(self.limiting) + ([] if self.selected is None else [self.selected])
        bad = [i for i in marked if not 0 <= i < n]
        if bad:
            raise ValueError(f"node indices must be from 0 to {n - 1}; got {bad[0]}")


def map_limits(xs: np.ndarray, ys: np.ndarray, aspect: float) -> tuple[tuple[float, float], ...]:
    """The x and y limits that show every point, with a margin, at one km per km both ways.

    Parameters
    ----------
    xs, ys : numpy.ndarray
        The points (km); none, or all on one spot, gives a map 20 km wide around them.
    aspect : float
        Width over height of the axes box.

    Returns
    -------
    tuple of tuple of float
        ``((x_low, x_high), (y_low, y_high))``: the same km per pixel on both axes.
    """
    if len(xs) == 0:
        xs = ys = np.zeros(1)
    centre_x, centre_y = (xs.max() + xs.min()) / 2, (ys.max() + ys.min()) / 2
    width, height = xs.max() - xs.min(), ys.max() - ys.min()
    if max(width, height) == 0:  # one node, or all on one spot
        width = height = _MIN_SPAN_KM
    width, height = width * (1 + 2 * _MARGIN), height * (1 + 2 * _MARGIN)
    width, height = max(width, height * aspect), max(height, width / aspect)
    return (centre_x - width / 2, centre_x + width / 2), (centre_y - height / 2, centre_y + height / 2)


class NetworkView:
    """The network map figure view.

    Every edit of a network moves, adds or restyles something on the map, so the whole map is
    dynamic and only the legend (a dozen texts, the slowest part to draw) is static, drawn once.
    The map is scaled into fixed axes (:func:`map_limits`), so no axis limit ever changes. Node
    and link labels come from pools that grow with the largest network shown (a new label is the
    only change that costs a full redraw).

    Attributes
    ----------
    role_lines : dict of str to matplotlib.lines.Line2D
        The nodes of each role, as markers.
    kind_lines : dict of str to matplotlib.lines.Line2D
        The links of each kind, as one line broken by NaNs.
    selected_ring, limiting_ring : matplotlib.lines.Line2D
        The rings around the selected node and the limiting pair.
    headline, empty_text : matplotlib.text.Text
        The stage on top; the hint shown on an empty map.
    node_texts, link_texts : list of matplotlib.text.Text
        The labels in use and spare ones (hidden).
    """

    def __init__(self) -> None:
        self.figure = new_figure(1.5 * INCH_PER_UNIT, 1.2 * INCH_PER_UNIT)  # 480 x 384 CSS px
        ax = self.axes = self.figure.add_axes(_AXES)
        ax.set_axis_off()
        ax.set_xlim(0, 1)  # fixed: the map is scaled into the axes here, so that no limit ever changes
        ax.set_ylim(0, 1)
        box = self.figure.get_size_inches() * np.array(_AXES[2:])
        self._aspect = float(box[0] / box[1])
        self.kind_lines = {
            kind: ax.plot([], [], linestyle=style, color=color, linewidth=2.0, zorder=1, label=label)[0]
            for kind, (style, color, label) in KIND_STYLES.items()
        }
        self.limiting_ring = ax.plot(
            [],
            [],
            "o",
            markersize=21,
            markerfacecolor="none",
            markeredgecolor=_LIMIT_COLOR,
            markeredgewidth=3.0,
            zorder=2,
            label="limiting pair",
        )[0]
        self.selected_ring = ax.plot(
            [],
            [],
            "o",
            markersize=17,
            markerfacecolor="none",
            markeredgecolor=PALETTE["black"],
            markeredgewidth=1.6,
            linestyle="",
            zorder=2,
            label="selected node",
        )[0]
        self.role_lines = {
            role: ax.plot(
                [],
                [],
                marker,
                linestyle="",
                markersize=10,
                markerfacecolor=color,
                markeredgecolor=PALETTE["black"],
                markeredgewidth=1.0,
                zorder=3,
                label=label,
            )[0]
            for role, (marker, color, label) in ROLE_MARKERS.items()
        }
        rings = [  # legend keys at the size of a node (the rings on the map are larger)
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markersize=11,
                markerfacecolor="none",
                markeredgecolor=ring.get_markeredgecolor(),
                markeredgewidth=ring.get_markeredgewidth(),
                label=ring.get_label(),
            )
            for ring in (self.selected_ring, self.limiting_ring)
        ]
        self.figure.legend(
            handles=[*self.role_lines.values(), *self.kind_lines.values(), *rings],
            loc="lower center",
            ncol=3,
            fontsize=SMALL_FONT_SIZE - 1,
            frameon=False,
            handlelength=2.2,
            columnspacing=1.0,
            borderaxespad=0.2,
        )
        self.headline = self.figure.text(0.02, 0.95, "", fontsize=FONT_SIZE, fontweight="bold", va="center")
        self.empty_text = ax.text(
            0.5,
            0.5,
            "No nodes yet: add one",
            ha="center",
            va="center",
            transform=ax.transAxes,
            fontsize=FONT_SIZE,
            color=ROLE_COLORS["scaffold"],
            visible=False,
        )
        self.node_texts: list = []
        self.link_texts: list = []
        self._picture: NetworkPicture | None = None

    @property
    def dynamic(self) -> tuple:
        """The whole map and the headline (every edit changes the map); only the legend is static."""
        return (
            *self.kind_lines.values(),
            self.limiting_ring,
            self.selected_ring,
            *self.role_lines.values(),
            self.headline,
            self.empty_text,
            *self.node_texts,
            *self.link_texts,
        )

    def update(self, picture: NetworkPicture) -> None:
        """Draw ``picture``; an equal picture changes nothing."""
        if picture == self._picture:
            return
        self._picture = picture
        nodes = picture.nodes
        xs = np.array([node.x_km for node in nodes], dtype=float)
        ys = np.array([node.y_km for node in nodes], dtype=float)
        (x_low, x_high), (y_low, y_high) = map_limits(xs, ys, self._aspect)
        xs, ys = (xs - x_low) / (x_high - x_low), (ys - y_low) / (y_high - y_low)  # into the axes' 0 to 1
        for role, line in self.role_lines.items():
            mine = [i for i, node in enumerate(nodes) if node.role == role]
            line.set_data(xs[mine], ys[mine])
        for kind, line in self.kind_lines.items():
            line.set_data(*_segments([link for link in picture.links if link.kind == kind], xs, ys))
        chosen = [] if picture.selected is None else [picture.selected]
        self.selected_ring.set_data(xs[chosen], ys[chosen])
        self.limiting_ring.set_data(xs[list(picture.limiting)], ys[list(picture.limiting)])
        self.empty_text.set_visible(not nodes)
        self.headline.set_text(picture.headline)
        offset = 0.065  # names sit above their markers and the rings around them
        self._label(
            self.node_texts, [(x, y + offset, node.name) for x, y, node in zip(xs, ys, nodes)], _NODE_LABEL
        )
        links = picture.links if len(picture.links) <= _MAX_LINK_LABELS else ()
        self._label(
            self.link_texts,
            [((xs[link.a] + xs[link.b]) / 2, (ys[link.a] + ys[link.b]) / 2, link.label) for link in links],
            _LINK_LABEL,
        )

    def _label(self, pool: list, labels: list[tuple[float, float, str]], style: dict) -> None:
        """Show ``labels`` (x, y, text) with the texts of ``pool``, growing it as needed; hide the rest."""
        while len(pool) < len(labels):
            pool.append(self.axes.text(0, 0, "", zorder=4, fontsize=SMALL_FONT_SIZE, animated=True, **style))
        for index, text in enumerate(pool):
            shown = index < len(labels)
            text.set_visible(shown)
            if shown:
                x, y, words = labels[index]
                text.set_position((x, y))
                text.set_text(words)


def _segments(links: list[LinkMark], xs: np.ndarray, ys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The links as one polyline broken by NaNs."""
    if not links:
        return np.array([]), np.array([])
    ends = np.array([(link.a, link.b) for link in links])
    gap = np.full((len(links), 1), math.nan)
    return (
        np.hstack([xs[ends], gap]).ravel(),
        np.hstack([ys[ends], gap]).ravel(),
    )
