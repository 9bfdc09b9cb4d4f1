"""Bloch spheres side by side in one figure, each under its own title: a figure view.

Used where two qubits are compared, such as the state Alice teleports and Bob's qubit. Each
sphere is a :class:`~qwidgets.plots.BlochSphere` drawn on its own axes; the titles are fixed
when the view is built, so moving a state or turning a measurement axis redraws only the arrows
and the axes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qwidgets.plots.bloch import BlochSphere, SpherePicture
from qwidgets.plots.render import new_figure
from qwidgets.plots.style import FONT_SIZE, INCH_PER_UNIT

__all__ = ["SphereRow", "SphereRowPicture"]

_SIZE = 0.75  # each sphere's square, in units of the usual figure height
_TITLE = 0.12  # room for a title above each sphere, in the same units
_MARGIN = 0.06  # room on the right for the last sphere's axis name, in the same units


@dataclass(frozen=True)
class SphereRowPicture:
    """What a row of spheres shows: one :class:`~qwidgets.plots.SpherePicture` per sphere, left to right."""

    spheres: tuple[SpherePicture, ...]


class SphereRow:
    """A figure view of Bloch spheres in a row, each titled.

    Parameters
    ----------
    titles : sequence of str
        The title above each sphere, left to right (one sphere per title).

    Attributes
    ----------
    spheres : tuple of BlochSphere
        The spheres, left to right.
    """

    def __init__(self, titles: Sequence[str]) -> None:
        n = len(titles)
        width = n * _SIZE + _MARGIN
        self.figure = new_figure(width * INCH_PER_UNIT, (_SIZE + _TITLE) * INCH_PER_UNIT)
        height = _SIZE / (_SIZE + _TITLE)
        spheres = []
        for index, title in enumerate(titles):
            ax = self.figure.add_axes((index * _SIZE / width, 0.0, _SIZE / width, height))
            spheres.append(BlochSphere(ax))
            centre = (index + 0.5) * _SIZE / width
            self.figure.text(centre, 0.98, title, ha="center", va="top", fontsize=FONT_SIZE)
        self.spheres = tuple(spheres)

    @property
    def dynamic(self) -> tuple:
        """The artists redrawn on every frame: every sphere's arrows and measurement axis."""
        arrows = tuple(artist for sphere in self.spheres for artist in sphere.dynamic)
        return (*arrows, *(sphere.measurement_axis for sphere in self.spheres))

    def update(self, picture: SphereRowPicture) -> None:
        """Show each sphere's picture."""
        if len(picture.spheres) != len(self.spheres):
            raise ValueError(f"{len(picture.spheres)} sphere pictures for {len(self.spheres)} spheres")
        for sphere, sphere_picture in zip(self.spheres, picture.spheres):
            sphere.update(sphere_picture)
