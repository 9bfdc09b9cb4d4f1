"""A fast, flat Bloch sphere: an orthographic projection drawn on ordinary 2-D axes.

``qutip.Bloch`` draws on 3-D axes, which costs ~100 ms a frame; this projection keeps the
familiar look (sphere, equator, labelled axes, state arrow) at a few milliseconds, so a dragged
slider stays smooth. The view matches the textbook one: x towards the viewer and to the left,
y to the right, z up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyArrowPatch

from qwidgets.plots._axes import figure_and_axes
from qwidgets.plots.style import FONT_SIZE, PALETTE

__all__ = ["AXIS_LABELS", "BlochArtists", "draw_bloch", "project"]

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

AXIS_LABELS = {
    (0, 0, 1): "|0⟩",
    (0, 0, -1): "|1⟩",
    (1, 0, 0): "|+⟩",
    (-1, 0, 0): "|−⟩",
    (0, 1, 0): "|+i⟩",
    (0, -1, 0): "|−i⟩",
}
"""Label of the state at each end of the x, y and z axes."""


def project(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
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


@dataclass
class BlochArtists:
    """Handles of the parts of a Bloch sphere that change: the state and the measurement axis."""

    axes: Axes
    state_arrow: FancyArrowPatch
    state_tip: Line2D
    shadow: Line2D
    basis_axis: Line2D
    basis_ends: Line2D

    @property
    def dynamic(self) -> tuple:
        """The artists redrawn on every frame (the measurement axis changes rarely)."""
        return (self.shadow, self.state_arrow, self.state_tip)

    def update(self, vector: np.ndarray, basis_vector: np.ndarray | None = None) -> None:
        """Point the arrow at Bloch ``vector``; show the measurement axis along ``basis_vector``."""
        vector = np.asarray(vector, dtype=float)
        (tip_x, tip_y), depth = project(vector)
        self.state_arrow.set_positions((0.0, 0.0), (tip_x, tip_y))
        alpha = 1.0 if depth >= 0 else 0.55
        self.state_arrow.set_alpha(alpha)
        self.state_tip.set_data([tip_x], [tip_y])
        self.state_tip.set_alpha(alpha)
        foot = np.array([vector[0], vector[1], 0.0])
        shadow, _ = project(np.array([[0.0, 0.0, 0.0], foot, vector]))
        self.shadow.set_data(shadow[:, 0], shadow[:, 1])
        self.set_basis(basis_vector)

    def set_basis(self, basis_vector: np.ndarray | None) -> None:
        """Draw the measurement axis along ``basis_vector`` (hide it for ``None``).

        The axis is background: it is only touched when it really changes.
        """
        if basis_vector is None:
            self.basis_axis.set_visible(False)
            self.basis_ends.set_visible(False)
            return
        ends, _ = project(np.array([basis_vector, -np.asarray(basis_vector)]))
        current = self.basis_axis.get_xydata()
        if current.shape != ends.shape or not np.allclose(current, ends):
            self.basis_axis.set_data(ends[:, 0], ends[:, 1])
            self.basis_ends.set_data(ends[:, 0], ends[:, 1])
        self.basis_axis.set_visible(True)
        self.basis_ends.set_visible(True)


def draw_bloch(*, fig: Figure | None = None, ax: Axes | None = None) -> tuple[Figure, Axes, BlochArtists]:
    """Draw an empty Bloch sphere with labelled axes and return its figure, axes and handles.

    Call :meth:`BlochArtists.update` to place the state; the sphere itself never changes.
    """
    fig, ax = figure_and_axes(fig, ax)
    ax.set_aspect("equal")
    ax.set_xlim(-1.4, 1.4)
    ax.set_ylim(-1.3, 1.3)
    ax.set_axis_off()
    grey, light = PALETTE["grey"], PALETTE["light_grey"]
    ax.add_patch(Circle((0, 0), 1.0, facecolor="#F2F6FA", edgecolor=grey, linewidth=1.2))
    for normal, width in (((0, 0, 1), 1.0), ((0, 1, 0), 0.6), ((1, 0, 0), 0.6)):
        front, back = _great_circle(np.array(normal, dtype=float))
        ax.plot(front[:, 0], front[:, 1], color=grey, linewidth=width)
        ax.plot(back[:, 0], back[:, 1], color=light, linewidth=width, linestyle="--")
    for end, label in AXIS_LABELS.items():
        (x, y), depth = project(np.array(end, dtype=float))
        ax.plot([0, x], [0, y], color=grey if depth >= 0 else light, linewidth=0.8)
        ax.text(1.24 * x, 1.14 * y, label, fontsize=FONT_SIZE, ha="center", va="center")
    basis_axis = ax.plot([], [], color=PALETTE["orange"], linewidth=3, alpha=0.8, solid_capstyle="round")[0]
    basis_ends = ax.plot([], [], "o", color=PALETTE["orange"], markersize=7)[0]
    shadow = ax.plot([], [], color=PALETTE["blue"], linewidth=0.9, linestyle=":")[0]
    arrow = FancyArrowPatch(
        (0, 0), (0, 1), arrowstyle="-|>", mutation_scale=16, color=PALETTE["blue"], linewidth=2.4,
        shrinkA=0, shrinkB=0,
    )
    ax.add_patch(arrow)
    tip = ax.plot([], [], "o", color=PALETTE["blue"], markersize=5)[0]
    artists = BlochArtists(ax, arrow, tip, shadow, basis_axis, basis_ends)
    artists.update(np.array([0.0, 0.0, 1.0]))
    return fig, ax, artists
