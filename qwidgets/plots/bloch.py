"""A fast, flat Bloch sphere: an orthographic projection drawn on ordinary 2-D axes.

``qutip.Bloch`` draws on 3-D axes, which costs ~100 ms a frame; this projection keeps the
familiar look (sphere, equator, named axes, the six axis states, state arrow) at a few
milliseconds, so a dragged slider stays smooth. The view matches the textbook one (Nielsen &
Chuang, Fig. 1.3): x towards the viewer and to the lower left, y to the right, z up.

Labels sit outside the sphere so that no arrow ever covers them; labels of the axis ends on the
far side are dimmed, and so is the arrow when the state points away from the viewer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyArrowPatch
from matplotlib.text import Text

from qwidgets.physics import AXIS_STATES
from qwidgets.plots.render import new_figure
from qwidgets.plots.style import FONT_SIZE, INCH_PER_UNIT, ROLE_COLORS, SMALL_FONT_SIZE

__all__ = ["BlochSphere", "SpherePicture", "project"]

Vector = tuple[float, float, float]

AZIMUTH = math.radians(25)
ELEVATION = math.radians(25)
_VIEW = np.array(
    [
        math.cos(ELEVATION) * math.cos(AZIMUTH),
        math.cos(ELEVATION) * math.sin(AZIMUTH),
        math.sin(ELEVATION),
    ]
)
_RIGHT = np.array([-math.sin(AZIMUTH), math.cos(AZIMUTH), 0.0])
_UP = np.cross(_VIEW, _RIGHT)
_LABEL_RADIUS = 1.1  # screen radius where the kets at the axis ends start (the sphere has radius 1)
_LIMIT = 1.5


def project(points: np.ndarray | Vector) -> tuple[np.ndarray, np.ndarray]:
    """Project 3-D points (shape ``(..., 3)``) to screen ``(x, y)`` and their depth.

    Depth is positive on the viewer's side of the sphere.
    """
    points = np.asarray(points, dtype=float)
    return np.stack([points @ _RIGHT, points @ _UP], axis=-1), points @ _VIEW


def _great_circle(normal: np.ndarray, samples: int = 181) -> tuple[np.ndarray, np.ndarray]:
    """Screen coordinates of the front and back halves (NaN-separated) of a great circle."""
    u = np.cross(normal, [0.3, 0.5, 0.8])
    u /= np.linalg.norm(u)
    v = np.cross(normal, u)
    t = np.linspace(0, 2 * math.pi, samples)[:, None]
    xy, depth = project(np.cos(t) * u + np.sin(t) * v)
    front, back = xy.copy(), xy.copy()
    front[depth < 0] = np.nan
    back[depth >= 0] = np.nan
    return front, back


def _outside(end: np.ndarray, radius: float) -> np.ndarray:
    """The screen point at ``radius`` from the centre in the direction of projected ``end``."""
    (x, y), _ = project(end)
    return np.array([x, y]) * radius / math.hypot(x, y)


def _facing(anchor: np.ndarray) -> tuple[str, str, tuple[float, float]]:
    """Alignment of a label that starts at ``anchor`` and extends away from the sphere.

    Returns matplotlib's ``ha`` and ``va`` and the point of the label's box (in box fractions)
    that faces away from the sphere.
    """
    x, y = anchor / np.linalg.norm(anchor)
    column = 0 if x < -0.35 else (2 if x > 0.35 else 1)
    row = 0 if y < -0.35 else (2 if y > 0.35 else 1)
    ha = ("right", "center", "left")[column]
    va = ("top", "center", "bottom")[row]
    return ha, va, (column / 2, row / 2)


@dataclass(frozen=True)
class SpherePicture:
    """What a Bloch sphere shows.

    Attributes
    ----------
    vector : tuple of float
        Bloch vector of the state (length 1 for a pure state, less for a mixture).
    axis : tuple of float or None
        Unit vector of outcome 0 of the measurement basis, drawn as an axis through the sphere.
    shot : tuple of float or None
        Bloch vector of the outcome of the last single measurement, ringed.
    copy : tuple of float or None
        Bloch vector of a copy of the state (a clone), drawn as a second, dashed arrow.
    """

    vector: Vector
    axis: Vector | None = None
    shot: Vector | None = None
    copy: Vector | None = None


class BlochSphere:
    """A Bloch sphere figure view: the sphere is drawn once, ``update`` moves the state.

    Parameters
    ----------
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; by default a new square figure of its own.
    """

    def __init__(self, ax: Axes | None = None) -> None:
        if ax is None:
            self.figure = new_figure(INCH_PER_UNIT, INCH_PER_UNIT)
            ax = self.figure.add_axes((0.0, 0.0, 1.0, 1.0))
        else:
            self.figure = ax.figure
        self.axes = ax
        ax.set_aspect("equal")
        ax.set_xlim(-_LIMIT, _LIMIT)
        ax.set_ylim(-_LIMIT, _LIMIT)
        ax.set_axis_off()
        self.labels = self._draw_scaffold(ax)
        colors = ROLE_COLORS
        self.measurement_axis: Line2D = ax.plot(
            [], [], color=colors["measurement"], linewidth=1.6, marker="o", markersize=4, zorder=3
        )[0]
        self.shot_ring: Line2D = ax.plot(
            [],
            [],
            "o",
            markersize=15,
            markerfacecolor="none",
            markeredgecolor=colors["event"],
            markeredgewidth=2.4,
            zorder=6,
        )[0]
        self.shadow: Line2D = ax.plot([], [], color=colors["state"], linewidth=0.9, linestyle=":", zorder=4)[
            0
        ]
        outline = [patheffects.withStroke(linewidth=5.5, foreground="white")]
        self.arrow = FancyArrowPatch(
            (0, 0),
            (0, 1),
            arrowstyle="-|>",
            mutation_scale=16,
            color=colors["state"],
            linewidth=2.4,
            shrinkA=0,
            shrinkB=0,
            zorder=5,
            path_effects=outline,
        )
        ax.add_patch(self.arrow)
        self.copy_arrow = FancyArrowPatch(
            (0, 0),
            (0, 0),
            arrowstyle="-|>",
            mutation_scale=14,
            color=colors["copy"],
            linewidth=2.2,
            linestyle=(0, (3, 1.5)),
            shrinkA=0,
            shrinkB=0,
            zorder=6,
            path_effects=outline,
        )
        ax.add_patch(self.copy_arrow)
        self.tip: Line2D = ax.plot(
            [], [], "o", color=colors["state"], markersize=5, zorder=5, markeredgecolor="white"
        )[0]
        self._picture: SpherePicture | None = None
        self.update(SpherePicture((0.0, 0.0, 1.0)))

    @staticmethod
    def _draw_scaffold(ax: Axes) -> dict[str, Text]:
        """Draw the static sphere: outline, great circles, axes, kets and axis names."""
        grey, back = ROLE_COLORS["scaffold"], ROLE_COLORS["scaffold_back"]
        ax.add_patch(Circle((0, 0), 1.0, facecolor="#F2F6FA", edgecolor=grey, linewidth=1.2, zorder=0))
        for normal, width in (((0, 0, 1), 1.0), ((0, 1, 0), 0.6), ((1, 0, 0), 0.6)):
            front, rear = _great_circle(np.array(normal, dtype=float))
            ax.plot(front[:, 0], front[:, 1], color=grey, linewidth=width, zorder=1)
            ax.plot(rear[:, 0], rear[:, 1], color=back, linewidth=width, linestyle="--", zorder=1)
        labels = {}
        for state in AXIS_STATES.values():
            end = np.array(state.vector)
            (x, y), depth = project(end)
            color = grey if depth >= 0 else back
            ax.plot([0, x], [0, y], color=color, linewidth=0.8, zorder=1)
            anchor = _outside(end, _LABEL_RADIUS)
            ax.plot([x, anchor[0]], [y, anchor[1]], color=back, linewidth=0.7, linestyle=":", zorder=1)
            ha, va, side = _facing(anchor)
            labels[state.name] = ax.text(
                *anchor,
                state.label,
                fontsize=FONT_SIZE,
                ha=ha,
                va=va,
                zorder=2,
                color="black" if depth >= 0 else "#8C8C8C",
            )
            if state.sign > 0:  # name the axis just beyond its positive end's ket
                ax.annotate(
                    state.axis,
                    xy=side,
                    xycoords=labels[state.name],
                    xytext=(0.4 * (2 * side[0] - 1), 0.4 * (2 * side[1] - 1)),
                    textcoords="offset fontsize",
                    ha=ha,
                    va=va,
                    fontsize=SMALL_FONT_SIZE,
                    style="italic",
                    color=grey,
                    zorder=2,
                )
        return labels

    @property
    def dynamic(self) -> tuple:
        """The artists redrawn on every frame: the state arrow, its tip, its shadow and a copy's arrow."""
        return (self.shadow, self.arrow, self.tip, self.copy_arrow)

    def update(self, picture: SpherePicture) -> None:
        """Show ``picture``: the arrow to its Bloch vector, the measurement axis, the shot ring."""
        vector = np.asarray(picture.vector, dtype=float)
        (tip_x, tip_y), depth = project(vector)
        alpha = 1.0 if depth >= -1e-9 else 0.55
        self.arrow.set_positions((0.0, 0.0), (tip_x, tip_y))
        self.arrow.set_visible(bool(np.linalg.norm(vector) > 0.02))  # no arrow for a fair coin
        self.arrow.set_alpha(alpha)
        self.tip.set_data([tip_x], [tip_y])
        self.tip.set_alpha(alpha)
        copy = np.zeros(3) if picture.copy is None else np.asarray(picture.copy, dtype=float)
        (copy_x, copy_y), _ = project(copy)
        self.copy_arrow.set_positions((0.0, 0.0), (copy_x, copy_y))
        self.copy_arrow.set_visible(bool(np.linalg.norm(copy) > 0.02))
        foot = np.array([vector[0], vector[1], 0.0])
        shadow, _ = project(np.array([[0.0, 0.0, 0.0], foot, vector]))
        self.shadow.set_data(shadow[:, 0], shadow[:, 1])
        previous = self._picture
        if previous is None or picture.axis != previous.axis:  # static: touch only on change
            self._set_line(
                self.measurement_axis,
                None if picture.axis is None else np.array([picture.axis, np.negative(picture.axis)]),
            )
        if previous is None or picture.shot != previous.shot:
            self._set_line(self.shot_ring, None if picture.shot is None else np.array([picture.shot]))
        self._picture = picture

    @staticmethod
    def _set_line(line: Line2D, points: np.ndarray | None) -> None:
        if points is None:
            line.set_data([], [])
            return
        xy, _ = project(points)
        line.set_data(xy[:, 0], xy[:, 1])
