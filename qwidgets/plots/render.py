"""Figure views and their renderer: draw once, update in place, encode PNG only when needed.

A *figure view* (:class:`FigureView`) owns one figure, built once, and changes its artists in
place in ``update(picture)``. The :class:`PngRenderer` owns which of those artists are dynamic:
it draws the figure in full once, keeps its pixels minus the dynamic artists as a background,
and afterwards restores that background and draws only the dynamic artists (matplotlib's
blitting technique on the Agg canvas). When a static artist changes (a new title, say)
matplotlib marks the figure stale and the background is redrawn once; the renderer counts these
full redraws, so tests can prove that no view causes them silently. A frame whose pixels equal
the last one is not encoded again.
"""

from __future__ import annotations

import struct
import zlib
from typing import Any, Protocol, runtime_checkable

import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from qwidgets.plots.style import CSS_DPI, PIXEL_RATIO

__all__ = ["FigureView", "PngRenderer", "encode_png", "new_figure"]

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def new_figure(width_in: float, height_in: float) -> Figure:
    """Return a figure on its own Agg canvas (never attached to pyplot, so never shown).

    It has :data:`~qwidgets.plots.style.PIXEL_RATIO` device pixels per CSS pixel.
    """
    figure = Figure(figsize=(width_in, height_in), dpi=CSS_DPI * PIXEL_RATIO, facecolor="white")
    FigureCanvasAgg(figure)
    return figure


@runtime_checkable
class FigureView(Protocol):
    """What a panel needs from a figure: the figure, its dynamic artists, and ``update``.

    ``update(picture)`` changes artists in place to show ``picture`` (a small frozen dataclass
    the view defines); it never creates figures and only touches static artists whose value
    really changed.
    """

    figure: Figure

    @property
    def dynamic(self) -> tuple[Artist, ...]:
        """The artists that change on most updates (redrawn every frame)."""

    def update(self, picture: Any) -> None:
        """Show ``picture``."""


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))


def encode_png(rgba: np.ndarray) -> bytes:
    """Encode an ``(height, width, 4)`` uint8 RGBA array as a PNG.

    Rows are stored unfiltered (PNG filter type 0) as 8-bit RGBA and deflated at level 1: for
    flat-coloured plots that is about as small as adaptive filtering and several times faster
    to make, and keeping the alpha byte spares a strided copy (PNG specification, W3C 2003,
    sections 9 and 11.2.2; measured in ``benchmarks/``).
    """
    height, width, _ = rgba.shape
    rows = np.empty((height, 1 + 4 * width), dtype=np.uint8)
    rows[:, 0] = 0  # filter type "none"
    rows[:, 1:] = rgba.reshape(height, 4 * width)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"".join(
        (
            _PNG_SIGNATURE,
            _chunk(b"IHDR", header),
            _chunk(b"IDAT", zlib.compress(rows, 1)),
            _chunk(b"IEND", b""),
        )
    )


class PngRenderer:
    """Turn a view's figure into PNG bytes, redrawing only its dynamic artists.

    Parameters
    ----------
    view : FigureView
        The view whose figure is rendered; its ``dynamic`` artists are marked animated.

    Attributes
    ----------
    full_redraws : int
        How often the whole figure was drawn (the first frame, then each static change).
    encodes : int
        How many PNGs were encoded (frames with unchanged pixels are not).
    """

    def __init__(self, view: FigureView) -> None:
        self.view = view
        self.figure = view.figure
        for artist in view.dynamic:
            artist.set_animated(True)
        self._background = None
        self._last_pixels: np.ndarray | None = None
        self.full_redraws = 0
        self.encodes = 0

    @property
    def css_size(self) -> tuple[int, int]:
        """Width and height in CSS pixels at which the picture is shown."""
        width, height = self.figure.get_size_inches()
        return round(width * CSS_DPI), round(height * CSS_DPI)

    def render(self) -> bytes | None:
        """Return the figure as PNG bytes, or ``None`` if its pixels did not change."""
        canvas = self.figure.canvas
        if self._background is None or self.figure.stale:
            canvas.draw()
            self.full_redraws += 1
            self._background = canvas.copy_from_bbox(self.figure.bbox)
        else:
            canvas.restore_region(self._background)
        for artist in self.view.dynamic:
            self.figure.draw_artist(artist)
        pixels = np.asarray(canvas.buffer_rgba())
        if self._last_pixels is not None and np.array_equal(pixels, self._last_pixels):
            return None
        self._last_pixels = pixels.copy()
        self.encodes += 1
        return encode_png(pixels)
