"""Drawing: figure views that draw physics results onto figures built once.

A view (:class:`FigureView`) builds its figure in ``__init__`` and changes its artists in
place in ``update(picture)``; :class:`PngRenderer` turns the figure into PNG bytes, redrawing
only the view's dynamic artists and skipping frames whose pixels did not change.
"""

from qwidgets.plots.bloch import BlochSphere, SpherePicture, project
from qwidgets.plots.chain import ChainDiagram
from qwidgets.plots.charts import ChartPicture, Curve, LineChart, Marker, Span
from qwidgets.plots.circuit import CircuitPicture, TeleportCircuit
from qwidgets.plots.matrix import MatrixPicture, MatrixView
from qwidgets.plots.orbit import LossBudget, OrbitDiagram
from qwidgets.plots.outcomes import BarsPicture, OutcomeChart
from qwidgets.plots.render import FigureView, PngRenderer, encode_png, new_figure
from qwidgets.plots.spheres import SphereRow, SphereRowPicture
from qwidgets.plots.style import (
    CSS_DPI,
    FONT_SIZE,
    INCH_PER_UNIT,
    PALETTE,
    PIXEL_RATIO,
    ROLE_COLORS,
    SMALL_FONT_SIZE,
)
from qwidgets.plots.swaps import SwapDiagram, SwapPicture

__all__ = [
    "CSS_DPI",
    "FONT_SIZE",
    "INCH_PER_UNIT",
    "PALETTE",
    "PIXEL_RATIO",
    "ROLE_COLORS",
    "SMALL_FONT_SIZE",
    "BarsPicture",
    "BlochSphere",
    "ChainDiagram",
    "ChartPicture",
    "CircuitPicture",
    "Curve",
    "FigureView",
    "LineChart",
    "LossBudget",
    "Marker",
    "MatrixPicture",
    "MatrixView",
    "OrbitDiagram",
    "OutcomeChart",
    "PngRenderer",
    "Span",
    "SpherePicture",
    "SphereRow",
    "SphereRowPicture",
    "SwapDiagram",
    "SwapPicture",
    "TeleportCircuit",
    "encode_png",
    "new_figure",
    "project",
]
