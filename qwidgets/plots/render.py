"""Figure views and their renderer: draw once, update in place, encode PNG only when needed.

A *figure view* (:class:`FigureView`) owns one figure, built once, and changes its artists in
place in ``update(picture)``. The :class:`PngRenderer` owns which of those artists are dynamic:
it draws the figure in full once, keeps its pixels minus the dynamic artists as a background,
and afterwards restores that background and draws only the dynamic artists (matplotlib's
blitting technique on the Agg canvas). When a static artist changes (a new title, say)
matplotlib marks the figure stale and the background is redrawn once; the renderer counts these
full redraws, so tests can prove that no view causes them silently. A frame whose pixels equal
the last one is not encoded again, and only the bands of rows that changed are compressed anew.
"""

from __future__ import annotations

import contextlib
import struct
import zlib
from collections.abc import Iterator
from typing import Any, Protocol, runtime_checkable

import matplotlib
import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from qwidgets.plots.style import CSS_DPI, PIXEL_RATIO

__all__ = [
    "RENDER_RC",
    "FigureView",
    "PngEncoder",
    "PngRenderer",
    "adler32_concat",
    "encode_png",
    "new_figure",
]

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
RENDER_RC = {"text.hinting": "none"}
"""Matplotlib settings under which :class:`PngRenderer` draws (see :meth:`PngRenderer.render`)."""


@contextlib.contextmanager
def _render_settings() -> Iterator[None]:
    """:data:`RENDER_RC` in force, then the previous values back.

    Like ``matplotlib.rc_context(RENDER_RC)``, which copies and restores all of ``rcParams``
    (about 0.8 ms of a three-figure refresh, measured side by side), but saves only these keys.
    """
    saved = {key: matplotlib.rcParams[key] for key in RENDER_RC}
    matplotlib.rcParams.update(RENDER_RC)
    try:
        yield
    finally:
        matplotlib.rcParams.update(saved)


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


_ADLER_MOD = 65521
_ZLIB_HEADER = b"\x78\x01"  # deflate, 32 KiB window, fastest level (RFC 1950, section 2.2)
_FINAL_EMPTY_BLOCK = b"\x03\x00"  # a last, empty block with fixed codes (RFC 1951, section 3.2.6)


def adler32_concat(first: int, second: int, second_length: int) -> int:
    """The Adler-32 checksum of two byte strings in a row, from the checksum of each (RFC 1950, 8.2).

    With ``A = 1 + sum(bytes)`` and ``B`` the sum of the running values of ``A`` (both modulo
    65521), joining ``x`` and ``y`` gives ``A(xy) = A(x) + A(y) - 1`` and
    ``B(xy) = B(x) + B(y) + len(y) (A(x) - 1)``.
    """
    a_first, b_first = first & 0xFFFF, first >> 16
    a_second, b_second = second & 0xFFFF, second >> 16
    a = (a_first + a_second - 1) % _ADLER_MOD
    b = (b_first + b_second + second_length * (a_first - 1)) % _ADLER_MOD
    return (b << 16) | a


class PngEncoder:
    """Encode successive RGBA frames as PNG, deflating again only the bands of rows that changed.

    Rows are stored unfiltered (PNG filter type 0) as 8-bit RGBA and deflated at level 1: for
    flat-coloured plots that is about as small as adaptive filtering and several times faster
    to make, and keeping the alpha byte spares a strided copy (PNG specification, W3C 2003,
    sections 9 and 11.2.2; measured in ``benchmarks/``). Each band of :attr:`band_rows` rows is
    deflated on its own and ends on a full flush, so the compressed bands of unchanged rows are
    reused as they are in the next frame's zlib stream, as pigz joins blocks compressed apart.
    """

    band_rows = 32

    def __init__(self) -> None:
        self._pixels: np.ndarray | None = None
        self._bands: list[tuple[bytes, int, int]] = []  # (deflated, Adler-32, length) of each band

    def encode(self, rgba: np.ndarray) -> bytes | None:
        """PNG bytes of an ``(height, width, 4)`` uint8 frame, or ``None`` if it equals the last one."""
        height, width, _ = rgba.shape
        previous = self._pixels if self._pixels is not None and self._pixels.shape == rgba.shape else None
        bands, checksum, changed = [], 1, previous is None
        for index, top in enumerate(range(0, height, self.band_rows)):
            block = rgba[top : top + self.band_rows]
            if previous is not None and np.array_equal(block, previous[top : top + self.band_rows]):
                band = self._bands[index]
            else:
                changed = True
                rows = np.empty((len(block), 1 + 4 * width), dtype=np.uint8)
                rows[:, 0] = 0  # filter type "none"
                rows[:, 1:] = block.reshape(len(block), 4 * width)
                compressor = zlib.compressobj(1, zlib.DEFLATED, -15)  # raw deflate: no header of its own
                band = (
                    compressor.compress(rows) + compressor.flush(zlib.Z_FULL_FLUSH),
                    zlib.adler32(rows),
                    rows.size,
                )
            bands.append(band)
            checksum = adler32_concat(checksum, band[1], band[2])
        if not changed:
            return None
        self._pixels, self._bands = rgba.copy(), bands
        stream = b"".join(
            (_ZLIB_HEADER, *(band[0] for band in bands), _FINAL_EMPTY_BLOCK, checksum.to_bytes(4, "big"))
        )
        header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
        return b"".join(
            (_PNG_SIGNATURE, _chunk(b"IHDR", header), _chunk(b"IDAT", stream), _chunk(b"IEND", b""))
        )


def encode_png(rgba: np.ndarray) -> bytes:
    """Encode one ``(height, width, 4)`` uint8 RGBA array as a PNG."""
    return PngEncoder().encode(rgba)


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
        self._encoder = PngEncoder()
        self.full_redraws = 0
        self.encodes = 0

    @property
    def css_size(self) -> tuple[int, int]:
        """Width and height in CSS pixels at which the picture is shown."""
        width, height = self.figure.get_size_inches()
        return round(width * CSS_DPI), round(height * CSS_DPI)

    def render(self) -> bytes | None:
        """Return the figure as PNG bytes, or ``None`` if its pixels did not change.

        Text is drawn without hinting: at two device pixels per CSS pixel hinting adds no
        sharpness, and drawing text takes about a third less time without it (the text-heavy
        panels' refresh, measured side by side: 21.5 -> 16 ms).
        """
        canvas = self.figure.canvas
        with _render_settings():
            if self._background is None or self.figure.stale:
                canvas.draw()
                self.full_redraws += 1
                self._background = canvas.copy_from_bbox(self.figure.bbox)
            else:
                canvas.restore_region(self._background)
            for artist in self.view.dynamic:
                self.figure.draw_artist(artist)
        png = self._encoder.encode(np.asarray(canvas.buffer_rgba()))
        self.encodes += png is not None
        return png
