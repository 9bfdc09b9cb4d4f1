"""A satellite above two ground stations, to scale, and the loss budget of its downlinks.

:class:`OrbitDiagram` draws a slice of the Earth (radius
:data:`~qwidgets.physics.EARTH_RADIUS_KM`, its curve included), the two stations, the satellite
above the midpoint of the great circle between them, the orbit, the two downlinks and the fibre
along the ground, all to one scale, fitted to the figure. :class:`LossBudget` draws the losses in
dB as horizontal bars on a fixed 0-100 dB axis: each free-space link split into diffraction
(solid) and everything beyond it (hatched), against a fibre (its own colour) that runs off the
chart when it is long, with measured losses as diamonds on a row of their own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon

from qwidgets.physics import EARTH_RADIUS_KM
from qwidgets.plots.render import new_figure
from qwidgets.plots.style import FONT_SIZE, PALETTE, ROLE_COLORS, SMALL_FONT_SIZE

__all__ = ["BudgetPicture", "LinkLoss", "LossBudget", "OrbitDiagram", "OrbitPicture"]

_BEAM_COLOR = ROLE_COLORS["state"]  # the photons' path: downlinks and their diffraction loss
_BEYOND_COLOR = PALETTE["sky_blue"]  # the rest of a downlink's loss (hatched as well)
_FIBRE_COLOR = PALETTE["black"]  # the fibre: the reference the satellite is compared with
_MEASURED_COLOR = ROLE_COLORS["measurement"]  # losses measured in an experiment
_EARTH_COLOR = "#EDEDED"
_ORBIT_COLOR = ROLE_COLORS["scaffold"]
_NOTE_COLOR = "#595959"  # grey at 7:1 contrast on white
_HATCH = "//"  # denser hatching costs more time to draw, every frame


@dataclass(frozen=True)
class OrbitPicture:
    """What an :class:`OrbitDiagram` shows.

    Attributes
    ----------
    ground_distance_km : float
        Distance between the stations along the ground (the great circle).
    altitude_km : float
        The satellite's altitude, above the midpoint between the stations.
    range_text : str
        Written beside each downlink, e.g. ``"800 km"``.
    ground_text : str
        Written under the fibre along the ground, e.g. ``"1,203 km"``.
    satellite_text : str
        Written above the satellite, e.g. ``"500 km up"``.
    headline : str
        The line on top; it should seldom change (it costs a full redraw).
    """

    ground_distance_km: float
    altitude_km: float
    range_text: str
    ground_text: str
    satellite_text: str
    headline: str


class OrbitDiagram:
    """The orbit figure view: Earth, stations, satellite, downlinks and the fibre, to scale.

    The scene changes size with every setting, so the view draws in pixel units on fixed axes
    and fits the scene (in km) into them itself: every artist of the scene is dynamic, and the
    scale is the same along both axes. The labels are numbers only (the ranges, the fibre's
    length, the altitude); a legend under the headline names the symbols.

    Attributes
    ----------
    beams : tuple of matplotlib.lines.Line2D
        The two downlinks.
    range_texts : tuple of matplotlib.text.Text
        Their ranges.
    """

    _WIDTH_PX, _HEIGHT_PX = 340, 230  # the axes, in CSS px (one unit: one CSS pixel)
    _MARGIN_PX = (44, 28, 30, 32)  # room for labels: left, right, bottom, top (and the note)

    def __init__(self) -> None:
        self.figure = new_figure(3.4, 2.8)  # 340 x 280 CSS px, as tall as the loss budget: a headline,
        # a legend, then the scene
        ax = self.axes = self.figure.add_axes((0.0, 0.0, 1.0, self._HEIGHT_PX / 280))
        ax.set_xlim(0, self._WIDTH_PX)
        ax.set_ylim(0, self._HEIGHT_PX)
        ax.set_axis_off()
        self.earth = ax.add_patch(
            Polygon(
                np.zeros((3, 2)), closed=True, facecolor=_EARTH_COLOR, edgecolor=PALETTE["grey"], zorder=1
            )
        )
        (self.orbit,) = ax.plot([], [], color=_ORBIT_COLOR, linestyle=(0, (4, 3)), linewidth=1, zorder=2)
        (self.fibre,) = ax.plot([], [], color=_FIBRE_COLOR, linestyle=(0, (3, 1.5)), linewidth=2.2, zorder=3)
        (self.vertical,) = ax.plot([], [], color=_ORBIT_COLOR, linestyle=":", linewidth=1, zorder=2)
        self.beams = tuple(ax.plot([], [], color=_BEAM_COLOR, linewidth=2.2, zorder=4)[0] for _ in range(2))
        (self.stations,) = ax.plot(
            [], [], "^", markersize=9, color=PALETTE["black"], linestyle="", zorder=5, clip_on=False
        )
        (self.satellite,) = ax.plot(
            [], [], "s", markersize=9, color=_BEAM_COLOR, markeredgecolor="black", linestyle="", zorder=5
        )
        small = {"fontsize": SMALL_FONT_SIZE, "zorder": 6}
        self.range_texts = tuple(ax.text(0, 0, "", **small) for _ in range(2))
        self.ground_text = ax.text(0, 0, "", ha="center", va="top", **small)
        self.satellite_text = ax.text(0, 0, "", ha="center", va="bottom", **small)
        ax.text(  # top left: the orbit curves down from the satellite, so no dynamic artist covers it
            4,
            self._HEIGHT_PX - 4,
            "drawn to scale",
            va="top",
            fontsize=SMALL_FONT_SIZE - 0.5,
            style="italic",
            color=_NOTE_COLOR,
        )
        self.headline = self.figure.text(0.03, 0.955, "", fontsize=FONT_SIZE, fontweight="bold", va="center")
        self.figure.legend(
            handles=[
                Line2D([], [], color=PALETTE["black"], marker="^", linestyle="", label="station"),
                Line2D(
                    [],
                    [],
                    color=_BEAM_COLOR,
                    marker="s",
                    markeredgecolor="black",
                    linestyle="",
                    label="satellite",
                ),
                Line2D([], [], color=_BEAM_COLOR, linewidth=2.2, label="downlink"),
                Line2D([], [], color=_FIBRE_COLOR, linestyle=(0, (3, 1.5)), linewidth=2.2, label="fibre"),
            ],
            loc="upper left",
            bbox_to_anchor=(0.01, 0.93),
            ncol=4,
            frameon=False,
            fontsize=SMALL_FONT_SIZE - 0.5,
            handlelength=1.5,
            handletextpad=0.4,
            columnspacing=0.9,
        )

    @property
    def dynamic(self) -> tuple:
        """Every artist but the legend: the scene is refitted at every change.

        The headline is dynamic too: it names the fibre's loss as a power of ten, which changes
        every 50 km of ground, so a quick drag would redraw the whole figure at almost every
        step (median 21.5 ms static against 15.8 ms dynamic, 30 km steps, measured side by side).
        """
        return (
            self.earth,
            self.orbit,
            self.fibre,
            self.vertical,
            *self.beams,
            self.stations,
            self.satellite,
            *self.range_texts,
            self.ground_text,
            self.satellite_text,
            self.headline,
        )

    def update(self, picture: OrbitPicture) -> None:
        """Fit the scene into the axes and draw it."""
        radius, altitude = EARTH_RADIUS_KM, picture.altitude_km
        half_angle = picture.ground_distance_km / (2 * radius)  # each station's angle from the midpoint
        station_x = radius * math.sin(half_angle)
        station_y = radius * math.cos(half_angle) - radius  # the midpoint of the ground is at (0, 0)
        left, right, bottom, top = self._MARGIN_PX
        half_width = max(station_x, 0.35 * altitude)  # keep a steep scene from being a needle
        scale = min(
            (self._WIDTH_PX - left - right) / (2 * half_width),
            (self._HEIGHT_PX - bottom - top) / (altitude - station_y),
        )
        centre_x = left + (self._WIDTH_PX - left - right) / 2
        spare = self._HEIGHT_PX - bottom - top - scale * (altitude - station_y)  # centre it vertically
        base_y = bottom + spare / 2 - scale * station_y  # pixel height of the ground's midpoint

        def px(x_km: np.ndarray | float, y_km: np.ndarray | float) -> tuple:
            return centre_x + scale * np.asarray(x_km), base_y + scale * np.asarray(y_km)

        view_angle = min(math.pi, (self._WIDTH_PX / scale) / radius)  # the arc across the whole figure
        angles = np.linspace(-view_angle, view_angle, 181)
        ground = np.column_stack(px(radius * np.sin(angles), radius * np.cos(angles) - radius))
        self.earth.set_xy(np.vstack([ground, [[ground[-1, 0], -10.0], [ground[0, 0], -10.0]]]))
        orbit = radius + altitude
        self.orbit.set_data(*px(orbit * np.sin(angles), orbit * np.cos(angles) - radius))
        path = np.linspace(-half_angle, half_angle, 61)
        self.fibre.set_data(*px(radius * np.sin(path), radius * np.cos(path) - radius))
        self.vertical.set_data(*px([0.0, 0.0], [0.0, altitude]))
        (sat_x,), (sat_y,) = (np.atleast_1d(v) for v in px(0.0, altitude))
        stations = [px(-station_x, station_y), px(station_x, station_y)]
        self.stations.set_data([s[0] for s in stations], [s[1] for s in stations])
        self.satellite.set_data([sat_x], [sat_y])
        for side, beam, text, (x, y) in zip((-1, 1), self.beams, self.range_texts, stations):
            beam.set_data([x, sat_x], [y, sat_y])
            # beside the beam's midpoint, on its outer side, slightly above
            text.set_position(((x + sat_x) / 2 + side * 6, (y + sat_y) / 2 + 4))
            text.set_horizontalalignment("right" if side < 0 else "left")
            text.set_text(picture.range_text)
        self.ground_text.set_position((centre_x, base_y - 12))
        self.ground_text.set_text(picture.ground_text)
        self.satellite_text.set_position((sat_x, sat_y + 7))
        self.satellite_text.set_text(picture.satellite_text)
        self.headline.set_text(picture.headline)


@dataclass(frozen=True)
class LinkLoss:
    """The loss of one free-space link, split in two.

    Attributes
    ----------
    label : str
        The row's name, e.g. ``"each downlink"``; it seldom changes.
    diffraction_db : float
        Loss to the beam's spread (drawn solid).
    beyond_db : float
        Everything else: air, pointing, optics, detectors (drawn hatched).
    """

    label: str
    diffraction_db: float
    beyond_db: float

    @property
    def total_db(self) -> float:
        """The whole loss."""
        return self.diffraction_db + self.beyond_db


@dataclass(frozen=True)
class BudgetPicture:
    """What a :class:`LossBudget` shows.

    Attributes
    ----------
    links : tuple of LinkLoss
        The free-space rows, top down.
    fibre_label : str
        The fibre row's name (two short lines fit best); like the links' names, it seldom changes.
    fibre_db : float
        The fibre's loss.
    measured : tuple of tuple of float
        ``(distance in km, loss in dB)`` of measured losses, drawn when in view (at most 100 dB).
    headline : str
        The line on top; it should seldom change (it costs a full redraw).
    """

    links: tuple[LinkLoss, ...]
    fibre_label: str
    fibre_db: float
    measured: tuple[tuple[float, float], ...]
    headline: str


_LIMIT_DB = 100.0  # the x axis: room for the downlinks and the measured losses; a longer bar runs off it


class LossBudget:
    """The loss budget figure view: free-space links against a fibre, in dB, plus measured losses.

    The x axis is fixed from 0 to 100 dB, so that the downlinks and the measured losses are easy
    to tell apart; a longer bar (the fibre, typically) runs off the chart, and its value is
    written after the chart's edge, behind an arrowhead.

    Parameters
    ----------
    n_links : int
        Free-space rows.
    measured_label : str
        The name of the row of measured losses.

    Attributes
    ----------
    diffraction_bars, beyond_bars : tuple of matplotlib.patches.Rectangle
        Each link's two segments.
    fibre_bar : matplotlib.patches.Rectangle
        The fibre's loss.
    value_texts, row_texts : tuple of matplotlib.text.Text
        The total after each bar (after the chart's edge, for a bar that runs off it), and each
        row's name; the fibre's last.
    """

    def __init__(self, n_links: int = 2, measured_label: str = "measured") -> None:
        self.figure = new_figure(3.6, 2.8)  # 360 x 280 CSS px
        ax = self.axes = self.figure.add_axes((0.27, 0.26, 0.52, 0.62))  # room for values at the right
        rows = np.arange(n_links + 2)  # the links, the fibre, the measured losses
        self._measured_row = n_links + 1
        zeros = np.zeros(n_links)
        bar = {"height": 0.62, "linewidth": 0}
        self.diffraction_bars = tuple(ax.barh(rows[:n_links], zeros, color=_BEAM_COLOR, **bar))
        self.beyond_bars = tuple(
            ax.barh(rows[:n_links], zeros, color=_BEYOND_COLOR, hatch=_HATCH, edgecolor="white", **bar)
        )
        (self.fibre_bar,) = ax.barh([n_links], [0.0], color=_FIBRE_COLOR, **bar)
        (self.marks,) = ax.plot(
            [], [], "D", color=_MEASURED_COLOR, markersize=7, markeredgecolor="black", linestyle="", zorder=4
        )
        small = {"fontsize": SMALL_FONT_SIZE, "va": "center"}
        self.value_texts = tuple(ax.text(0, row, "", ha="left", clip_on=False, **small) for row in rows[:-1])
        name = {
            "ha": "right",
            "transform": ax.get_yaxis_transform(),
            "fontsize": SMALL_FONT_SIZE - 0.5,
            "va": "center",
        }
        self.row_texts = tuple(ax.text(-0.03, row, "", **name) for row in rows[:-1])
        ax.text(-0.03, self._measured_row, measured_label, **name)
        self.mark_texts: tuple = ()
        ax.set_xlim(0, _LIMIT_DB)
        ax.set_ylim(len(rows) - 0.5, -0.5)
        ax.set_yticks([])
        ax.set_xlabel("loss (dB): each 10 dB, 10 times less light", fontsize=SMALL_FONT_SIZE)
        ax.tick_params(labelsize=SMALL_FONT_SIZE)
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(True, axis="x", color=PALETTE["light_grey"], linewidth=0.6)
        ax.set_axisbelow(True)
        self.figure.legend(
            handles=[
                Patch(color=_BEAM_COLOR, label="diffraction"),
                Patch(facecolor=_BEYOND_COLOR, edgecolor="white", hatch=_HATCH, label="air, optics"),
                Patch(color=_FIBRE_COLOR, label="fibre"),
            ],
            loc="lower center",
            bbox_to_anchor=(0.5, 0.0),
            ncol=3,
            frameon=False,
            fontsize=SMALL_FONT_SIZE - 0.5,
            handlelength=1.4,
            columnspacing=1.0,
        )
        self.headline = self.figure.text(
            0.03, 0.94, "", fontsize=SMALL_FONT_SIZE + 1, fontweight="bold", va="center"
        )
        self._measured: tuple[tuple[float, float], ...] | None = None

    @property
    def dynamic(self) -> tuple:
        """The bars and their values; the headline, the rows' names and the measured losses are static."""
        return (
            *self.diffraction_bars,
            *self.beyond_bars,
            self.fibre_bar,
            *self.value_texts,
        )

    def update(self, picture: BudgetPicture) -> None:
        """Show each link's two segments and the fibre; the measured losses only when they change."""
        if len(picture.links) != len(self.diffraction_bars):
            raise ValueError(f"link rows: built for {len(self.diffraction_bars)}, got {len(picture.links)}")
        if picture.measured != self._measured:
            self._draw_measured(picture.measured)
        for link, solid, hatched in zip(picture.links, self.diffraction_bars, self.beyond_bars):
            solid.set_width(link.diffraction_db)
            hatched.set_x(link.diffraction_db)
            hatched.set_width(link.beyond_db)
        self.fibre_bar.set_width(picture.fibre_db)
        totals = [link.total_db for link in picture.links] + [picture.fibre_db]
        for value, total in zip(self.value_texts, totals):
            off_chart = total > _LIMIT_DB
            value.set_text(f"▶ {total:.1f} dB" if off_chart else f"{total:.1f} dB")  # ▶: the bar goes on
            value.set_x(_LIMIT_DB if off_chart else total + 1.5)
        labels = [link.label for link in picture.links] + [picture.fibre_label]
        if [name.get_text() for name in self.row_texts] != labels:  # static: they seldom change
            for name, label in zip(self.row_texts, labels):
                name.set_text(label)
        if picture.headline != self.headline.get_text():  # static: text costs the most to draw
            self.headline.set_text(picture.headline)

    def _draw_measured(self, measured: tuple[tuple[float, float], ...]) -> None:
        """Diamonds at the measured losses in view, labelled with their distances, outwards."""
        for text in self.mark_texts:
            text.remove()
        shown = sorted((loss, distance) for distance, loss in measured if loss <= _LIMIT_DB)
        self.marks.set_data([loss for loss, _ in shown], [self._measured_row] * len(shown))
        middle = len(shown) / 2
        self.mark_texts = tuple(
            self.axes.text(
                loss + (-4.0 if index < middle else 4.0),
                self._measured_row,
                f"{distance:,.0f} km",
                ha="right" if index < middle else "left",
                va="center",
                fontsize=SMALL_FONT_SIZE - 0.5,
            )
            for index, (loss, distance) in enumerate(shown)
        )
        self._measured = measured
