"""Pixels for tests of figure views: decode a PNG, and draw a figure in full as the renderer does.

A :class:`~qwidgets.plots.PngRenderer` frame must equal a plain, complete draw of the same
figure; :func:`full_draw` is that reference, drawn under the renderer's own settings
(:data:`~qwidgets.plots.render.RENDER_RC`).
"""

from __future__ import annotations

import io

import matplotlib
import numpy as np
from matplotlib.figure import Figure
from PIL import Image

from qwidgets.plots.render import RENDER_RC

__all__ = ["decode_png", "full_draw", "same_picture"]


def decode_png(png: bytes) -> np.ndarray:
    """The RGBA pixels of a PNG, as an array of shape (height, width, 4)."""
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def full_draw(figure: Figure) -> np.ndarray:
    """The pixels of a complete draw of ``figure``: every artist, animated (blitted) or not."""
    animated = [a for a in figure.findobj() if a.get_animated()]
    for artist in animated:
        artist.set_animated(False)
    try:
        with matplotlib.rc_context(RENDER_RC):
            figure.canvas.draw()
        return np.asarray(figure.canvas.buffer_rgba()).copy()
    finally:
        for artist in animated:
            artist.set_animated(True)


def same_picture(frame: np.ndarray, reference: np.ndarray) -> bool:
    """Equal but for the few pixels (under 0.2 %) where a dynamic artist crosses a static one.

    (Blitting draws dynamic artists over the background; a full draw interleaves by zorder.)
    """
    return frame.shape == reference.shape and np.any(frame != reference, axis=2).mean() < 0.002
