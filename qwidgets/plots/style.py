"""The one look shared by every figure: palette, font sizes, figure scale.

The palette is Okabe & Ito's colour-blind-safe set ("Color Universal Design", 2008).
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = ["DPI", "FONT_SIZE", "INCH_PER_UNIT", "PALETTE", "SMALL_FONT_SIZE"]

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

FONT_SIZE = 11
"""Font size (points) of labels and titles."""
SMALL_FONT_SIZE = 9
"""Font size (points) of tick labels and annotations."""
DPI = 100
"""Dots per inch of every panel figure: with :data:`INCH_PER_UNIT` it fixes the pixel size."""
INCH_PER_UNIT = 3.6
"""Height of a panel figure in inches; widths are multiples of it."""
