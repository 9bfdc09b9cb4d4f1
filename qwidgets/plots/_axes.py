"""Figure/axes helper shared by the drawing functions."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from qwidgets.plots.render import new_figure
from qwidgets.plots.style import DPI, INCH_PER_UNIT


def figure_and_axes(fig: Figure | None, ax: Axes | None) -> tuple[Figure, Axes]:
    """Return ``(fig, ax)``, creating whichever is missing (one square axes on a new figure)."""
    if ax is not None:
        return ax.figure, ax
    if fig is None:
        fig = new_figure(INCH_PER_UNIT, INCH_PER_UNIT, dpi=DPI)
    return fig, fig.add_subplot()
