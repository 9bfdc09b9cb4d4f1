"""A line chart figure view: curves, marked points and shaded ranges on fixed axes.

The curves and points change on most updates and are dynamic artists; the legend, the shaded
ranges and the title are static and are touched only when they change (a new attack type, say),
which costs one full redraw. (Text is slow to draw, about 5 ms for a title: redrawn on every
frame it would cost more than the curves.)
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from qwidgets.plots.render import new_figure
from qwidgets.plots.style import INCH_PER_UNIT, PALETTE, ROLE_COLORS, SMALL_FONT_SIZE

__all__ = ["ChartPicture", "Curve", "LineChart", "Marker", "Span"]

_BELOW = "below"
_BELOW_LEGEND_HEIGHT = 0.25  # of the usual figure height: room for three rows of legend under the axes


def _color(name: str) -> str:
    """A colour by meaning (:data:`ROLE_COLORS`) or by palette name."""
    return ROLE_COLORS.get(name) or PALETTE[name]


@dataclass(frozen=True)
class Curve:
    """A labelled line through the points ``(x[i], y[i])``, coloured by ``color`` (a role or palette name).

    ``symbol``, if given, is drawn on the line's legend entry: the marker of the points that
    belong to the curve.
    """

    label: str
    x: tuple[float, ...]
    y: tuple[float, ...]
    color: str = "state"
    style: str = "-"
    symbol: str = ""


@dataclass(frozen=True)
class Marker:
    """A labelled point drawn as ``symbol`` (a matplotlib marker: ``"o"``, ``"s"``, ``"^"``, ...).

    Hollow when ``filled`` is false, and then by default larger, so that a dot at the same place
    shows inside it; ``size`` (points) overrides that. A point or curve with an empty label stays
    out of the legend.
    """

    label: str
    x: float
    y: float
    color: str = "event"
    filled: bool = True
    symbol: str = "o"
    size: float | None = None


@dataclass(frozen=True)
class Span:
    """A shaded range of x, from ``start`` to ``stop``, with a label written in it."""

    start: float
    stop: float
    label: str


@dataclass(frozen=True)
class ChartPicture:
    """What a line chart shows."""

    curves: tuple[Curve, ...] = ()
    markers: tuple[Marker, ...] = ()
    spans: tuple[Span, ...] = ()
    title: str = ""
    xlim: tuple[float, float] | None = None  # None: the chart's own range


class LineChart:
    """A line chart figure view with room for ``n_curves`` curves and ``n_markers`` points.

    Parameters
    ----------
    xlabel, ylabel : str
        Axis labels (with units).
    xlim, ylim : tuple of float
        Fixed axis ranges.
    n_curves, n_markers : int
        How many curves and points a picture may hold.
    legend : str
        Where the legend sits: a matplotlib ``loc`` inside the axes, or ``"below"``, in two
        columns under the axes (the figure grows taller to hold up to three rows of entries).
    yscale : {"linear", "log"}
        Scale of the y axis; on a log scale points at or below zero are not drawn.
    width : float
        Width of the figure as a multiple of its height.
    """

    def __init__(
        self,
        *,
        xlabel: str,
        ylabel: str,
        xlim: tuple[float, float],
        ylim: tuple[float, float],
        n_curves: int,
        n_markers: int,
        legend: str = "upper right",
        yscale: str = "linear",
        width: float = 1.15,
    ) -> None:
        below = _BELOW_LEGEND_HEIGHT if legend == _BELOW else 0.0  # in units of the usual height
        height = 1.0 + below
        self.figure = new_figure(width * INCH_PER_UNIT, height * INCH_PER_UNIT)
        left = 0.16 * 1.15 / width  # the same margins in inches, whatever the size
        ax = self.axes = self.figure.add_axes((left, (0.15 + below) / height, 0.96 - left, 0.74 / height))
        self._legend_top = below / height
        ax.set_yscale(yscale)
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
        ax.set_xlabel(xlabel, fontsize=SMALL_FONT_SIZE)
        ax.set_ylabel(ylabel, fontsize=SMALL_FONT_SIZE)
        ax.tick_params(labelsize=SMALL_FONT_SIZE)
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(True, color=PALETTE["light_grey"], linewidth=0.6)
        self.lines = tuple(ax.plot([], [], linewidth=2.2, zorder=3)[0] for _ in range(n_curves))
        self.points = tuple(
            ax.plot([], [], "o", markersize=9, markeredgewidth=2.2, zorder=4 + i, clip_on=False)[0]
            for i in range(n_markers)
        )
        self.title = ax.set_title("", fontsize=SMALL_FONT_SIZE + 1)
        self._legend_loc = legend
        self._span_artists: list = []
        self._picture: ChartPicture | None = None

    @property
    def dynamic(self) -> tuple:
        """The artists redrawn on every frame: curves and points."""
        return (*self.lines, *self.points)

    def update(self, picture: ChartPicture) -> None:
        """Show ``picture``; the legend, spans and title are redrawn only when they change."""
        for index, line in enumerate(self.lines):
            curve = picture.curves[index] if index < len(picture.curves) else None
            line.set_data((curve.x, curve.y) if curve else ([], []))
            if curve:
                line.set_color(_color(curve.color))
                line.set_linestyle(curve.style)
        for index, point in enumerate(self.points):
            marker = picture.markers[index] if index < len(picture.markers) else None
            point.set_data(([marker.x], [marker.y]) if marker else ([], []))
            if marker:  # a hollow ring is drawn larger, so that a dot at the same place shows inside it
                point.set_color(_color(marker.color))
                point.set_markerfacecolor(_color(marker.color) if marker.filled else "white")
                point.set_markersize(marker.size or (8 if marker.filled else 14))
                point.set_marker(marker.symbol)
        previous = self._picture
        if previous is None or _legend_key(previous) != _legend_key(picture):
            self._draw_legend(picture)
        if previous is None or previous.spans != picture.spans:
            self._draw_spans(picture.spans)
        if previous is None or previous.title != picture.title:
            self.title.set_text(picture.title)
        if picture.xlim is not None and (previous is None or previous.xlim != picture.xlim):
            self.axes.set_xlim(*picture.xlim)
        self._picture = picture

    def _draw_legend(self, picture: ChartPicture) -> None:
        handles = (
            [
                Line2D(
                    [],
                    [],
                    color=_color(c.color),
                    linestyle=c.style,
                    linewidth=2.2,
                    marker=c.symbol or None,
                    markersize=6,
                    label=c.label,
                )
                for c in picture.curves
                if c.label
            ]
            + [
                Line2D(
                    [],
                    [],
                    color=_color(m.color),
                    marker=m.symbol,
                    linestyle="",
                    markersize=8,
                    markeredgewidth=2,
                    markerfacecolor=_color(m.color) if m.filled else "white",
                    label=m.label,
                )
                for m in picture.markers
                if m.label
            ]
            + [Patch(facecolor=PALETTE["light_grey"], label=s.label) for s in picture.spans]
        )
        below = self._legend_loc == _BELOW
        self.axes.legend(
            handles=handles,
            loc="upper center" if below else self._legend_loc,
            bbox_to_anchor=(0.5, self._legend_top) if below else None,
            bbox_transform=self.figure.transFigure if below else None,
            ncols=2 if below else 1,
            fontsize=SMALL_FONT_SIZE - 1,
            frameon=True,
            framealpha=0.9,
            handlelength=1.6,
        )

    def _draw_spans(self, spans: tuple[Span, ...]) -> None:
        for artist in self._span_artists:
            artist.remove()
        self._span_artists = [
            self.axes.axvspan(
                span.start, span.stop, color=PALETTE["light_grey"], alpha=0.6, zorder=1, linewidth=0
            )
            for span in spans
        ]


def _legend_key(picture: ChartPicture) -> tuple:
    """What the legend shows: labels and looks, not positions."""
    return (
        tuple((c.label, c.color, c.style, c.symbol) for c in picture.curves if c.label),
        tuple((m.label, m.color, m.filled, m.symbol) for m in picture.markers if m.label),
        tuple(s.label for s in picture.spans),
    )
