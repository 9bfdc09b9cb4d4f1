"""Drawing: matplotlib functions that draw physics results onto figures built once.

Each ``draw_*`` function takes keyword-only ``fig`` and ``ax``, creates whichever is missing,
and returns ``(fig, ax, artists)``; ``artists.update(...)`` changes the picture in place and
``artists.dynamic`` lists what :class:`PngRenderer` redraws each frame.
"""

from qwidgets.plots.bloch import AXIS_LABELS, BlochArtists, draw_bloch, project
from qwidgets.plots.outcomes import OutcomeArtists, draw_outcomes
from qwidgets.plots.render import PngRenderer, new_figure
from qwidgets.plots.style import DPI, FONT_SIZE, INCH_PER_UNIT, PALETTE, SMALL_FONT_SIZE

__all__ = [
    "AXIS_LABELS",
    "DPI",
    "FONT_SIZE",
    "INCH_PER_UNIT",
    "PALETTE",
    "SMALL_FONT_SIZE",
    "BlochArtists",
    "OutcomeArtists",
    "PngRenderer",
    "draw_bloch",
    "draw_outcomes",
    "new_figure",
    "project",
]
