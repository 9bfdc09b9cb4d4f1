"""The one look shared by every figure: palette, colour roles, font sizes, figure scale.

The palette is Okabe & Ito's colour-blind-safe set ("Color Universal Design", 2008). Each
meaning has one colour everywhere (:data:`ROLE_COLORS`), and no two meanings share one.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = [
    "CSS_DPI",
    "FONT_SIZE",
    "INCH_PER_UNIT",
    "PALETTE",
    "PIXEL_RATIO",
    "ROLE_COLORS",
    "SMALL_FONT_SIZE",
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
