"""The relay chain: Alice, the trusted nodes and Bob on a line, each hop with its length and rate.

The line runs down the figure, Alice on top and Bob at the bottom, in the order of a table of the
parties. Each hop is drawn as long as its share of the line's length, but never shorter than a
minimum that leaves room for its label, so a stretched hop looks longer without crowding the
others (to scale only when the hops are about equal; the labels give the lengths). The slowest
hops are drawn thicker, in their own colour *and* beside the word "slowest"; a compromised node
is filled with the event colour, its name too, beside a box that says "compromised: key leaked".
Two lines of text on top state the end-to-end rate and who knows the key.
"""

from __future__ import annotations

from dataclasses import dataclass

from qwidgets.plots.render import new_figure
from qwidgets.plots.style import FONT_SIZE, PALETTE, ROLE_COLORS, SMALL_FONT_SIZE

__all__ = ["SLOWEST_COLOR", "ChainDiagram", "ChainHop", "ChainPicture", "hop_positions"]

SLOWEST_COLOR = PALETTE["orange"]
"""Colour of the slowest hop (the bottleneck), always with the word "slowest"."""
_HOP_COLOR = ROLE_COLORS["state"]  # a QKD link: photons carrying key bits
_LEAK_COLOR = ROLE_COLORS["event"]  # the student marked this node as compromised
_MIN_SHARE = 0.7  # each hop gets at least this share of an equal split of the line
_LINE_X = 0.3  # the chain runs down this line, Alice on top
_NAME_X = 0.25  # party names end here, left of the line
_HOP_X = 0.35  # hop names start here, right of the line
_VALUE_X = 0.5  # hop lengths and rates start here, after the names
_LEAK_X = 0.98  # the "compromised" box ends here, beside the compromised node
_TOP, _BOTTOM = 0.96, 0.04  # Alice's and Bob's heights in the axes
_SNAP = 0.02  # parties sit on this grid (a share of the line): no hop is shorter than 0.7 / 6 > 5 steps


def hop_positions(lengths_km: tuple[float, ...], min_share: float = _MIN_SHARE) -> tuple[float, ...]:
    """Where each party sits on a line drawn from 0 to 1, for hops of the given lengths.

    Hop ``i`` is ``m + (1 - n m) L_i / sum(L)`` long, ``m = min_share / n`` for ``n`` hops: as
    long as its share of the length, squeezed so that none is shorter than ``m``.

    Parameters
    ----------
    lengths_km : tuple of float
        Length of each hop, from Alice's end to Bob's (zero or more, at least one hop).
    min_share : float
        The shortest hop as a share of an equal split, from 0 (to scale) to 1 (all equal).

    Returns
    -------
    tuple of float
        ``len(lengths_km) + 1`` positions from 0 (Alice) to 1 (Bob).
    """
    n = len(lengths_km)
    total = sum(lengths_km)
    floor = min_share / n
    widths = [floor + (1 - n * floor) * (length / total if total > 0 else 1 / n) for length in lengths_km]
    positions = [0.0]
    for width in widths:
        positions.append(positions[-1] + width)
    positions[-1] = 1.0  # exactly, whatever the rounding
    return tuple(positions)


@dataclass(frozen=True)
class ChainHop:
    """One hop of the chain.

    Attributes
    ----------
    length_km : float
        Its length (sets its drawn length, see :func:`hop_positions`).
    length_text, rate_text : str
        Written beside it, e.g. ``"100 km"`` and ``"47.7 bit/s"``.
    slowest : bool
        Whether it is marked as the slowest (thick, orange, beside the word "slowest").
    """

    length_km: float
    length_text: str
    rate_text: str
    slowest: bool = False


@dataclass(frozen=True)
class ChainPicture:
    """What a :class:`ChainDiagram` shows.

    Attributes
    ----------
    hops : tuple of ChainHop
        From Alice's end to Bob's; the parties between them are the nodes 1, 2, ...
    compromised : int or None
        The compromised node (1 to ``len(hops) - 1``), or ``None``.
    headline : str
        First line on top (the end-to-end rate).
    status : str
        Second line (who knows the key, or that it leaked); it seldom changes.
    alarm : bool
        Whether the status is a warning (bold, in the event colour; it must say so in words).
    """

    hops: tuple[ChainHop, ...]
    compromised: int | None
    headline: str
    status: str
    alarm: bool = False

    def __post_init__(self) -> None:
        if not self.hops:
            raise ValueError("a chain has at least one hop")
        if self.compromised is not None and not 1 <= self.compromised < len(self.hops):
            raise ValueError(
                f"compromised must be a node from 1 to {len(self.hops) - 1}; got {self.compromised}"
            )


class ChainDiagram:
    """The relay chain figure view, with room for up to ``max_hops`` hops.

    The chain runs down the figure, Alice on top and Bob at the bottom (the order of a table
    of the parties): the parties' names and the "slowest" marks left of the line, each hop's
    name, length and rate and the "compromised" box right of it. Only the lengths and rates and
    the headline change with the line's length, so only they are dynamic; the rest (the layout)
    changes with the number of nodes, the hops' shares and the compromised node, and is set,
    with one full redraw, only when it changes. The parties snap to a grid of 2 % of the line,
    so that a slowly stretched hop moves them only every few steps. Unused hops and nodes are
    hidden.

    Parameters
    ----------
    max_hops : int
        Most hops a picture may hold (trusted nodes + 1).

    Attributes
    ----------
    hop_lines : tuple of matplotlib.lines.Line2D
        One line per hop.
    hop_names, hop_texts, slowest_texts : tuple of matplotlib.text.Text
        Each hop's name ("hop 1"), its length and rate, and its "slowest" box.
    node_texts : tuple of matplotlib.text.Text
        Each node's name.
    leak_text : matplotlib.text.Text
        The "compromised" box beside the compromised node.
    """

    def __init__(self, max_hops: int) -> None:
        self.figure = new_figure(3.4, 3.3)  # 340 x 330 CSS px: readable on a narrow screen
        ax = self.axes = self.figure.add_axes((0.0, 0.0, 1.0, 0.82))
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_axis_off()
        small = {"va": "center", "fontsize": SMALL_FONT_SIZE}
        self.hop_lines = tuple(ax.plot([], [], solid_capstyle="butt", zorder=2)[0] for _ in range(max_hops))
        self.hop_names = tuple(
            ax.text(_HOP_X, 0, f"hop {hop}:", ha="left", **small) for hop in range(1, max_hops + 1)
        )
        self.hop_texts = tuple(ax.text(_VALUE_X, 0, "", ha="left", **small) for _ in range(max_hops))
        self.slowest_texts = tuple(
            ax.text(
                _NAME_X,
                0,
                "slowest",
                ha="right",
                fontweight="bold",
                bbox={"boxstyle": "round,pad=0.3", "facecolor": SLOWEST_COLOR, "edgecolor": "none"},
                **small,
            )
            for _ in range(max_hops)
        )
        marker = {"linestyle": "", "color": PALETTE["black"], "markeredgewidth": 1.8, "zorder": 3}
        (self.ends,) = ax.plot(
            [_LINE_X, _LINE_X], [_TOP, _BOTTOM], "s", markersize=12, markerfacecolor="white", **marker
        )
        (self.nodes,) = ax.plot([], [], "o", markersize=11, markerfacecolor="white", **marker)
        (self.leak,) = ax.plot([], [], "o", markersize=11, markerfacecolor=_LEAK_COLOR, **marker)
        for y, name in ((_TOP, "Alice"), (_BOTTOM, "Bob")):
            ax.text(_NAME_X, y, name, ha="right", va="center", fontsize=FONT_SIZE - 1, fontweight="bold")
        self.node_texts = tuple(
            ax.text(_NAME_X, 0, f"node {node}", ha="right", **small) for node in range(1, max_hops)
        )
        self.leak_text = ax.text(
            _LEAK_X,
            0,
            "compromised: key leaked",
            ha="right",
            fontweight="bold",
            color="white",
            bbox={"boxstyle": "round,pad=0.3", "facecolor": _LEAK_COLOR, "edgecolor": "none"},
            **small,
        )
        self.headline = self.figure.text(0.03, 0.95, "", fontsize=FONT_SIZE, fontweight="bold", va="center")
        self.status = self.figure.text(0.03, 0.885, "", fontsize=SMALL_FONT_SIZE, va="center")
        self._layout: tuple | None = None
        self._status: tuple[str, bool] | None = None

    @property
    def dynamic(self) -> tuple:
        """The hops' lengths and rates and the headline: they change with the line's length."""
        return (*self.hop_texts, self.headline)

    def update(self, picture: ChainPicture) -> None:
        """Write the lengths and rates; lay the chain out again only when its layout changed."""
        hops = picture.hops
        if len(hops) > len(self.hop_lines):
            raise ValueError(f"this diagram draws at most {len(self.hop_lines)} hops; got {len(hops)}")
        positions = hop_positions(tuple(hop.length_km for hop in hops))
        heights = tuple(_TOP - (_TOP - _BOTTOM) * round(x / _SNAP) * _SNAP for x in positions)
        layout = (heights, tuple(hop.slowest for hop in hops), picture.compromised)
        if layout != self._layout:
            self._lay_out(picture, heights)
            self._layout = layout
        for index, text in enumerate(self.hop_texts):
            text.set_visible(index < len(hops))
            if index < len(hops):
                text.set_text(f"{hops[index].length_text} · {hops[index].rate_text}")
                text.set_y((heights[index] + heights[index + 1]) / 2)
        self.headline.set_text(picture.headline)
        if (picture.status, picture.alarm) != self._status:
            self.status.set_text(picture.status)
            self.status.set_color(_LEAK_COLOR if picture.alarm else "black")
            self.status.set_fontweight("bold" if picture.alarm else "normal")
            self._status = (picture.status, picture.alarm)

    def _lay_out(self, picture: ChainPicture, heights: tuple[float, ...]) -> None:
        """Place the hops, the nodes, the "slowest" marks and the leak (static artists)."""
        hops = picture.hops
        for index, (line, name, slowest) in enumerate(
            zip(self.hop_lines, self.hop_names, self.slowest_texts)
        ):
            shown = index < len(hops)
            line.set_visible(shown)
            name.set_visible(shown)
            slowest.set_visible(shown and hops[index].slowest)
            if not shown:
                continue
            top, bottom = heights[index], heights[index + 1]
            line.set_data([_LINE_X, _LINE_X], [top, bottom])
            line.set_color(SLOWEST_COLOR if hops[index].slowest else _HOP_COLOR)
            line.set_linewidth(7.0 if hops[index].slowest else 2.5)
            name.set_y((top + bottom) / 2)
            slowest.set_y((top + bottom) / 2)
        inner = heights[1:-1]
        honest = [y for node, y in enumerate(inner, start=1) if node != picture.compromised]
        self.nodes.set_data([_LINE_X] * len(honest), honest)
        leaked = [] if picture.compromised is None else [inner[picture.compromised - 1]]
        self.leak.set_data([_LINE_X] * len(leaked), leaked)
        for node, text in enumerate(self.node_texts, start=1):
            text.set_visible(node <= len(inner))
            if node <= len(inner):
                bad = node == picture.compromised
                text.set_y(inner[node - 1])
                text.set_color(_LEAK_COLOR if bad else "black")
                text.set_fontweight("bold" if bad else "normal")
        self.leak_text.set_visible(bool(leaked))
        if leaked:
            self.leak_text.set_y(leaked[0])
