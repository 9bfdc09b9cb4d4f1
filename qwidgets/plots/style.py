"""The one look shared by every figure: palette, colour roles, font sizes, figure scale.

The palette is Okabe & Ito's colour-blind-safe set ("Color Universal Design", 2008). Each
meaning has one colour everywhere (:data:`ROLE_COLORS`), and no two meanings share one.
"""

from __future__ import annotations

import math
from types import MappingProxyType

__all__ = [
    "CSS_DPI",
    "DARK_BACKGROUND",
    "DARK_FIGURE_FILTER",
    "FONT_SIZE",
    "INCH_PER_UNIT",
    "PALETTE",
    "PIXEL_RATIO",
    "ROLE_COLORS",
    "SMALL_FONT_SIZE",
    "contrast_ratio",
    "on_dark",
    "role_css",
    "text_color",
]

PALETTE = MappingProxyType(
    {
        "black": "#000000",
        "orange": "#E69F00",
        "sky_blue": "#56B4E9",
        "green": "#009E73",
        "yellow": "#F0E442",
        "blue": "#0072B2",
        "vermillion": "#D55E00",
        "purple": "#CC79A7",
        "grey": "#7F7F7F",
        "light_grey": "#D9D9D9",
    }
)
"""Okabe-Ito colours by name, plus two neutral greys for scaffolding."""

ROLE_COLORS = MappingProxyType(
    {
        "state": PALETTE["blue"],  # a quantum state (the Bloch arrow) and what was sampled from it
        "measurement": PALETTE["green"],  # the measurement axis
        "exact": PALETTE["black"],  # exact probabilities, against which samples are compared
        "event": PALETTE["vermillion"],  # a single event the student caused (one shot)
        "copy": PALETTE["purple"],  # a second state made from the first (a clone)
        "scaffold": PALETTE["grey"],
        "scaffold_back": "#B0B0B0",
    }
)
"""The colour of each meaning, the same in every figure."""

FONT_SIZE = 11
"""Font size (points) of labels and titles."""
SMALL_FONT_SIZE = 9
"""Font size (points) of tick labels and annotations."""
CSS_DPI = 100
"""CSS pixels per inch of figure: a figure 3.2 inches wide is shown 320 CSS pixels wide."""
PIXEL_RATIO = 2
"""Device pixels per CSS pixel: figures carry twice the pixels, so they stay sharp on HiDPI screens."""
INCH_PER_UNIT = 3.2
"""Height of a panel figure in inches; widths are multiples of it."""


# -- Dark page themes --------------------------------------------------------------------------
# Python cannot know the page's theme: figures stay drawn on white, and the panel stylesheet
# (qwidgets/panels/frontend.css) shows them through DARK_FIGURE_FILTER when the page is dark
# (body[data-jp-theme-light="false"]: JupyterLab, Notebook 7 and Voila set it). The filter turns
# white into black and black into white, and turns hues back by half a turn, so that every
# colour keeps its hue; the picture is then blended with the page (mix-blend-mode: lighten), so
# its black becomes the page's own background, whatever the dark theme (#111111 in JupyterLab,
# #212121 in Voila). HTML beside the figures writes role colours as role_css(role); the
# stylesheet sets their dark values to on_dark(colour), the colour the figures show, so a
# table's words match the figure's lines in both themes.

DARK_FIGURE_FILTER = "invert(1) hue-rotate(180deg)"
"""The CSS filter that shows a figure on a dark page (the panel stylesheet uses this text)."""
DARK_BACKGROUND = "#111111"
"""The page background of JupyterLab Dark (``--jp-layout-color0``)."""


def _hue_rotate_matrix(degrees: float) -> tuple[tuple[float, float, float], ...]:
    """The ``hue-rotate()`` matrix of the W3C Filter Effects spec (section 13.1.1, feColorMatrix)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return (
        (0.213 + 0.787 * c - 0.213 * s, 0.715 - 0.715 * c - 0.715 * s, 0.072 - 0.072 * c + 0.928 * s),
        (0.213 - 0.213 * c + 0.143 * s, 0.715 + 0.285 * c + 0.140 * s, 0.072 - 0.072 * c - 0.283 * s),
        (0.213 - 0.213 * c - 0.787 * s, 0.715 - 0.715 * c + 0.715 * s, 0.072 + 0.928 * c + 0.072 * s),
    )


def on_dark(color: str, background: str = DARK_BACKGROUND) -> str:
    """How a figure's ``color`` (``"#RRGGBB"``) looks on a dark page of ``background``.

    :data:`DARK_FIGURE_FILTER` (the Filter Effects spec's ``invert(1)``, then
    ``hue-rotate(180deg)``, on sRGB values as Chromium applies them), then ``mix-blend-mode:
    lighten`` with the page (the larger of the two, channel by channel): e.g.
    ``on_dark("#FFFFFF")`` is the background.

    Parameters
    ----------
    color : str
        A colour as ``"#RRGGBB"``.
    background : str
        The page's background, ``"#RRGGBB"``; JupyterLab Dark's by default.

    Returns
    -------
    str
        The colour seen, as ``"#RRGGBB"``.
    """
    inverted = [1 - int(color.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    page = [int(background.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    rotated = [sum(m * c for m, c in zip(row, inverted)) for row in _hue_rotate_matrix(180.0)]
    return "#" + "".join(f"{round(max(min(c, 1.0), b) * 255):02X}" for c, b in zip(rotated, page))


def contrast_ratio(color: str, background: str = "#FFFFFF") -> float:
    """The WCAG 2 contrast ratio of two ``"#RRGGBB"`` colours, from 1 to 21."""

    def luminance(hex_color: str) -> float:
        channels = [int(hex_color.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(color), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_color(color: str, background: str = "#FFFFFF", ratio: float = 4.5) -> str:
    """``color``, darkened in steps of 1 % until text in it reaches ``ratio`` on ``background``.

    WCAG 1.4.3 asks 4.5:1 for text under 18.66 px bold: vermillion (#D55E00) is 3.87:1 on white,
    so its text is shown as #C25600, the same hue.
    """
    channels = [int(color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    for percent in range(100, -1, -1):
        candidate = "#" + "".join(f"{round(c * percent / 100):02X}" for c in channels)
        if contrast_ratio(candidate, background) >= ratio:
            return candidate
    return "#000000"


def role_css(role: str, *, text: bool = False) -> str:
    """A role colour for inline HTML styles: ``var(--qwl-<role>, <colour>)``.

    Without the panel stylesheet (a static page) it is the role's colour in :data:`ROLE_COLORS`
    (for ``text``, darkened to 4.5:1 on white by :func:`text_color`); the stylesheet sets
    ``--qwl-<role>`` to its :func:`on_dark` value on dark pages and, for text, to the darkened
    colour on light ones (``--qwl-<role>-text``).
    """
    if text:
        return f"var(--qwl-{role}-text, {text_color(ROLE_COLORS[role])})"
    return f"var(--qwl-{role}, {ROLE_COLORS[role]})"
