"""Render a figure to PNG bytes fast, redrawing only the artists that change.

The figure is drawn in full once; its pixels, minus the *dynamic* artists, are kept as a
background. Each later frame restores that background and draws only the dynamic artists
(matplotlib's blitting technique, on the Agg canvas), then encodes the pixels as PNG. When a
static artist changes (a new title, say), matplotlib marks the figure stale and the background
is redrawn once: dynamic artists are *animated*, so their changes never mark it stale.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence

import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

__all__ = ["PngRenderer", "encode_png", "new_figure"]

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def new_figure(width_in: float, height_in: float, *, dpi: int) -> Figure:
    """Return a figure on its own Agg canvas, never attached to pyplot (so never shown)."""
    figure = Figure(figsize=(width_in, height_in), dpi=dpi, facecolor="white")
    FigureCanvasAgg(figure)
    return figure


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))


def encode_png(rgba: np.ndarray) -> bytes:
    """Encode an ``(height, width, 4)`` uint8 RGBA array as an opaque RGB PNG.

    Rows are stored unfiltered (PNG filter type 0) and deflated at level 1: for flat-coloured
    plots that is about as small as adaptive filtering and several times faster to make
    (PNG specification, W3C 2003, sections 9 and 11.2.2).
    """
    height, width, _ = rgba.shape
    rows = np.zeros((height, 1 + 3 * width), dtype=np.uint8)  # leading 0 = filter "none"
    rows[:, 1:] = rgba[:, :, :3].reshape(height, 3 * width)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"".join(
        (
            _PNG_SIGNATURE,
            _chunk(b"IHDR", header),
            _chunk(b"IDAT", zlib.compress(rows.tobytes(), 1)),
            _chunk(b"IEND", b""),
        )
    )


class PngRenderer:
    """Turn a figure into PNG bytes, redrawing only its dynamic artists.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        A figure on an Agg canvas (see :func:`new_figure`).
    dynamic : sequence of Artist
        The artists whose data change often; everything else is background.
    """

    def __init__(self, figure: Figure, dynamic: Sequence[Artist]) -> None:
        self.figure = figure
        self.dynamic = tuple(dynamic)
        for artist in self.dynamic:
            artist.set_animated(True)
        self._background = None

    def png(self) -> bytes:
        """Return the current figure as PNG bytes."""
        canvas = self.figure.canvas
        if self._background is None or self.figure.stale:
            canvas.draw()
            self._background = canvas.copy_from_bbox(self.figure.bbox)
        else:
            canvas.restore_region(self._background)
        for artist in self.dynamic:
            self.figure.draw_artist(artist)
        return encode_png(np.asarray(canvas.buffer_rgba()))
