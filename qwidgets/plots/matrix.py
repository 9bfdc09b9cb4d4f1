"""A density matrix as a Hinton diagram: one square per entry, its area the entry's size.

Hinton diagrams (Hinton & Sejnowski, in *Parallel Distributed Processing*, vol. 1, MIT Press,
1986) draw each entry as a square whose area is its magnitude: positive entries solid blue,
negative ones orange and hatched, so that the sign is never told by colour alone. The grid, the
row and column labels, the key and the title are static; the squares (two collections) are
dynamic. Numbers are left to the panel's summary: drawing 16 texts a frame would cost more than
the rest of the figure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from matplotlib.collections import PolyCollection

from qwidgets.plots.render import new_figure
from qwidgets.plots.style import FONT_SIZE, INCH_PER_UNIT, PALETTE, ROLE_COLORS, SMALL_FONT_SIZE

__all__ = ["MatrixPicture", "MatrixView"]

_POSITIVE = ROLE_COLORS["state"]
_NEGATIVE = PALETTE["orange"]
_CELL = 0.92  # side of the square of an entry of magnitude 1, in cells
_SMALLEST = 0.005  # entries below this in size get no square (they read 0.00)


@dataclass(frozen=True)
class MatrixPicture:
    """What a matrix view shows.

    Attributes
    ----------
    values : tuple of tuple of float
        The real entries, row by row, each from -1 to 1.
    title : str
        What the matrix is.
    """

    values: tuple[tuple[float, ...], ...]
    title: str = ""


class MatrixView:
    """A Hinton diagram figure view of a square matrix with named rows and columns.

    Parameters
    ----------
    row_labels, column_labels : tuple of str
        Names of the rows (e.g. ``"|01⟩"``) and columns (e.g. ``"⟨01|"``).
    """

    def __init__(self, row_labels: tuple[str, ...], column_labels: tuple[str, ...]) -> None:
        n = len(row_labels)
        if len(column_labels) != n:
            raise ValueError(f"a square matrix needs as many column labels as rows; got {column_labels}")
        self.size = n
        self.figure = new_figure(0.95 * INCH_PER_UNIT, 0.95 * INCH_PER_UNIT)
        ax = self.axes = self.figure.add_axes((0.15, 0.12, 0.8, 0.72))
        ax.set_xlim(-0.5, n - 0.5)
        ax.set_ylim(n - 0.5, -0.5)  # row 0 at the top
        ax.set_aspect("equal")
        ax.set_xticks(range(n), column_labels, fontsize=SMALL_FONT_SIZE)
        ax.set_yticks(range(n), row_labels, fontsize=SMALL_FONT_SIZE)
        ax.xaxis.tick_top()
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_color(ROLE_COLORS["scaffold"])
        for k in range(1, n):
            ax.axhline(k - 0.5, color=PALETTE["light_grey"], linewidth=0.8, zorder=0)
            ax.axvline(k - 0.5, color=PALETTE["light_grey"], linewidth=0.8, zorder=0)
        self.positive = ax.add_collection(PolyCollection([], facecolors=_POSITIVE, linewidths=0, zorder=1))
        self.negative = ax.add_collection(
            PolyCollection([], facecolors=_NEGATIVE, edgecolors="white", hatch="///", linewidths=0, zorder=1)
        )
        self.figure.text(
            0.55,
            0.02,
            "area: size;  blue: positive;  orange ///: negative",
            ha="center",
            va="bottom",
            fontsize=SMALL_FONT_SIZE - 1,
            color=ROLE_COLORS["scaffold"],
        )
        self.title = self.figure.text(0.55, 0.985, "", ha="center", va="top", fontsize=FONT_SIZE - 1)
        self._picture: MatrixPicture | None = None

    @property
    def dynamic(self) -> tuple:
        """The artists redrawn on every frame: the positive and the negative squares."""
        return (self.positive, self.negative)

    def update(self, picture: MatrixPicture) -> None:
        """Show ``picture``: each square's area is the entry's magnitude."""
        if len(picture.values) != self.size or any(len(row) != self.size for row in picture.values):
            raise ValueError(f"the matrix must be {self.size} x {self.size}")
        squares: dict[bool, list] = {True: [], False: []}
        for i, row in enumerate(picture.values):
            for j, value in enumerate(row):
                if abs(value) >= _SMALLEST:
                    half = _CELL * math.sqrt(min(1.0, abs(value))) / 2
                    corners = [
                        (j - half, i - half),
                        (j + half, i - half),
                        (j + half, i + half),
                        (j - half, i + half),
                    ]
                    squares[value > 0].append(corners)
        self.positive.set_verts(squares[True])
        self.negative.set_verts(squares[False])
        if self._picture is None or self._picture.title != picture.title:
            self.title.set_text(picture.title)
        self._picture = picture
