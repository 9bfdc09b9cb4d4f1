"""Render a figure to PNG bytes fast, redrawing only the artists that change.

The figure is drawn in full once; its pixels, minus the *dynamic* artists, are kept as a
background. Each later frame restores that background and draws only the dynamic artists
(matplotlib's blitting technique, on the Agg canvas), then encodes the pixels as PNG.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

__all__ = ["PngRenderer", "new_figure"]


def new_figure(width_in: float, height_in: float, *, dpi: int) -> Figure:
    """Return a figure on its own Agg canvas, never attached to pyplot (so never shown)."""
    figure = Figure(figsize=(width_in, height_in), dpi=dpi, facecolor="white")
    FigureCanvasAgg(figure)
    return figure


class PngRenderer:
    """Turn a figure into PNG bytes, redrawing only its dynamic artists.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        A figure on an Agg canvas (see :func:`new_figure`).
    dynamic : sequence of Artist
        The artists whose data change between frames; everything else is background.
    """

    def __init__(self, figure: Figure, dynamic: Sequence[Artist]) -> None:
        self.figure = figure
        self.dynamic = tuple(dynamic)
        for artist in self.dynamic:
            artist.set_animated(True)
        self._background = None

    def invalidate(self) -> None:
        """Redraw the background at the next :meth:`png` (after a static artist changed)."""
        self._background = None

    def png(self) -> bytes:
        """Return the current figure as PNG bytes."""
        canvas = self.figure.canvas
        if self._background is None:
            canvas.draw()
            self._background = canvas.copy_from_bbox(self.figure.bbox)
        else:
            canvas.restore_region(self._background)
        for artist in self.dynamic:
            self.figure.draw_artist(artist)
        pixels = canvas.buffer_rgba()
        image = Image.frombuffer("RGBA", (pixels.shape[1], pixels.shape[0]), pixels, "raw")
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, format="PNG", compress_level=1)
        return buffer.getvalue()
