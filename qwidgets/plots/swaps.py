"""The nested swap: Alice, the repeater nodes and Bob on a line, the pairs of each level as arcs.

A chain of ``n`` segments (a power of two) has nodes 0 (Alice) to ``n`` (Bob) on a horizontal
line. Each entangled pair is an arc between the two nodes that hold it; the pairs of level ``k``
span ``2**k`` segments, so their arcs are taller, and the arcs nest as in the usual picture of a
nested repeater (Briegel, Dür, Cirac & Zoller, PRL 81, 5932, 1998, Fig. 1). At each step the pairs
that exist are drawn thick, the pairs used up by a swap thin and dotted, and pairs not made yet
not at all; the nodes making a Bell measurement now carry a cross, and the nodes that already
have (their memories are free again) are hollow. Two lines of text on top say what happens and
what the pairs are worth; their words carry the meaning, never the colour alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from qwidgets.plots.render import new_figure
from qwidgets.plots.style import FONT_SIZE, INCH_PER_UNIT, PALETTE, ROLE_COLORS, SMALL_FONT_SIZE

__all__ = ["SwapDiagram", "SwapPicture"]
_LEFT, _RIGHT = 0.05, 0.95  # Alice's and Bob's x in the axes
_BASE = 0.16  # the line of nodes
_TOP = 0.92  # the tallest arc reaches this height
_ARC_POINTS = 33
_PAIR_COLOR = ROLE_COLORS["state"]
_USED_COLOR = ROLE_COLORS["scaffold"]
_SWAP_COLOR = ROLE_COLORS["event"]


@dataclass(frozen=True)
class SwapPicture:
    """What a :class:`SwapDiagram` shows.

    Attributes
    ----------
    n_segments : int
        Segments of the chain (a power of two, at most ``2 ** max_levels``).
    level : int
        The level of the pairs that exist now (0: one pair per segment); levels below it are
        drawn as used up.
    swapping : tuple of int
        The nodes making a Bell measurement at this step (crossed).
    swapped : tuple of int
        The nodes that made theirs at an earlier step (hollow: their memories are free).
    headline, status : str
        The two lines on top: the step (it changes with the step only), and what the pairs are
        worth.
    """

    n_segments: int
    level: int
    swapping: tuple[int, ...]
    swapped: tuple[int, ...]
    headline: str
    status: str

    def __post_init__(self) -> None:
        levels = round(math.log2(self.n_segments)) if self.n_segments >= 1 else -1
        if self.n_segments < 1 or 2**levels != self.n_segments:
            raise ValueError(f"n_segments must be a power of two; got {self.n_segments}")
        if not 0 <= self.level <= levels:
            raise ValueError(
                f"level must be from 0 to {levels} for {self.n_segments} segments; got {self.level}"
            )


def _x(node: float, n_segments: int) -> float:
    return _LEFT + (_RIGHT - _LEFT) * node / n_segments


def _arcs(n_segments: int, level: int) -> tuple[np.ndarray, np.ndarray]:
    """The arcs of every pair of ``level``, as one line broken by NaNs."""
    levels = round(math.log2(n_segments))
    span = 2**level
    height = (_TOP - _BASE) * (level + 1) / (levels + 1)
    t = np.linspace(0.0, math.pi, _ARC_POINTS)
    xs, ys = [], []
    for left in range(0, n_segments, span):
        a, b = _x(left, n_segments), _x(left + span, n_segments)
        xs.extend([(a + b) / 2 - (b - a) / 2 * np.cos(t), [np.nan]])
        ys.extend([_BASE + height * np.sin(t), [np.nan]])
    return np.concatenate(xs), np.concatenate(ys)


class SwapDiagram:
    """The nested-swap figure view, for chains of up to ``2 ** max_levels`` segments.

    Only the status line (what the pairs are worth) changes with the chain's length, so only it
    is dynamic; the headline, arcs and nodes change with the step and the number of segments and
    are set, with one full redraw, only when they change.

    Parameters
    ----------
    max_levels : int
        Most swap levels a picture may have.

    Attributes
    ----------
    arc_lines : tuple of matplotlib.lines.Line2D
        The pairs of each level, 0 to ``max_levels``.
    headline, status : matplotlib.text.Text
        The two lines on top.
    """

    def __init__(self, max_levels: int) -> None:
        self.figure = new_figure(2.3 * INCH_PER_UNIT, 0.8 * INCH_PER_UNIT)
        ax = self.axes = self.figure.add_axes((0.0, 0.0, 1.0, 0.8))
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_axis_off()
        self.max_levels = max_levels
        self.arc_lines = tuple(
            ax.plot([], [], solid_capstyle="round", zorder=2)[0] for _ in range(max_levels + 1)
        )
        ax.plot([_LEFT, _RIGHT], [_BASE, _BASE], color=PALETTE["light_grey"], linewidth=1.5, zorder=1)
        marker = {"linestyle": "", "color": PALETTE["black"], "zorder": 3}
        (self.ends,) = ax.plot(
            [_LEFT, _RIGHT],
            [_BASE, _BASE],
            "s",
            markersize=10,
            markerfacecolor="white",
            markeredgewidth=1.8,
            **marker,
        )
        (self.nodes,) = ax.plot([], [], "o", markerfacecolor=PALETTE["black"], **marker)
        (self.freed,) = ax.plot([], [], "o", markerfacecolor="white", markeredgecolor=_USED_COLOR, **marker)
        (self.swaps,) = ax.plot([], [], "X", color=_SWAP_COLOR, linestyle="", zorder=4)
        for x, name in ((_LEFT, "Alice"), (_RIGHT, "Bob")):
            ax.text(x, _BASE - 0.09, name, ha="center", va="top", fontsize=SMALL_FONT_SIZE, fontweight="bold")
        self.headline = self.figure.text(0.01, 0.93, "", fontsize=FONT_SIZE, fontweight="bold", va="center")
        self.status = self.figure.text(0.01, 0.84, "", fontsize=SMALL_FONT_SIZE, va="center")
        self._layout: tuple | None = None

    @property
    def dynamic(self) -> tuple:
        """The status line: the fidelities and times it states change with the chain's length."""
        return (self.status,)

    def update(self, picture: SwapPicture) -> None:
        """Write the status; draw the arcs, nodes and headline again only when they changed."""
        n = picture.n_segments
        if round(math.log2(n)) > self.max_levels:
            raise ValueError(f"this diagram draws at most {2**self.max_levels} segments; got {n}")
        layout = (n, picture.level, picture.swapping, picture.swapped, picture.headline)
        if layout != self._layout:
            self._lay_out(picture)
            self._layout = layout
        self.status.set_text(picture.status)

    def _lay_out(self, picture: SwapPicture) -> None:
        """Draw the arcs of each level as existing, used up or not made yet, the nodes, the headline."""
        n = picture.n_segments
        for level, line in enumerate(self.arc_lines):
            line.set_visible(level <= picture.level)
            if level > picture.level:
                continue
            line.set_data(*_arcs(n, level))
            current = level == picture.level
            line.set_color(_PAIR_COLOR if current else _USED_COLOR)
            line.set_linewidth(2.6 if current else 1.0)
            line.set_linestyle("-" if current else ":")
        size = max(3.0, min(9.0, 40.0 / math.sqrt(n)))
        inner = [node for node in range(1, n) if node not in picture.swapped]
        self.nodes.set_data([_x(node, n) for node in inner], [_BASE] * len(inner))
        self.nodes.set_markersize(size)
        self.freed.set_data([_x(node, n) for node in picture.swapped], [_BASE] * len(picture.swapped))
        self.freed.set_markersize(size)
        self.swaps.set_data([_x(node, n) for node in picture.swapping], [_BASE] * len(picture.swapping))
        self.swaps.set_markersize(size + 5)
        self.headline.set_text(picture.headline)
