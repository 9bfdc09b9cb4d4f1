"""The text under every figure: number formats and the summary's HTML and plain-text forms.

A panel describes its result as a few short lines (plain text); a line can be a
:class:`Highlight` (the outcome of something the student just did). The same lines give the
HTML summary shown under the figures and ``summary_text``, the plain-text alternative that a
teacher prints in a terminal and a screen reader announces.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

from qwidgets.plots.style import role_css

__all__ = [
    "Highlight",
    "angle_text",
    "distance_text",
    "number_text",
    "rate_text",
    "summary_html",
    "summary_text",
    "time_text",
    "vector_text",
]

_RATE_PREFIXES = ((1e9, "Gbit/s"), (1e6, "Mbit/s"), (1e3, "kbit/s"))
_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


class Highlight(str):
    """A summary line shown emphasised: the result of the student's last action."""

    __slots__ = ()


def number_text(value: float, decimals: int = 2) -> str:
    """Format ``value`` with ``decimals`` decimals, never as ``-0.00``."""
    rounded = round(float(value), decimals)
    return f"{rounded + 0.0:.{decimals}f}"


def vector_text(vector: Sequence[float]) -> str:
    """Format a Bloch vector as ``'(0.00, 0.00, 1.00)'``."""
    return "(" + ", ".join(number_text(v) for v in vector) + ")"


def angle_text(angle: float) -> str:
    """Format an angle in radians and as a multiple of pi, e.g. ``'1.57 rad (0.50π)'``."""
    return f"{number_text(angle)} rad ({number_text(angle / math.pi)}π)"


def rate_text(rate_bits_per_s: float) -> str:
    """A key rate in words, to three significant digits: ``"1.23 kbit/s"``, ``"no key"`` for zero.

    Rates under 0.01 bit/s read ``"< 0.01 bit/s"`` (less than a bit in 100 s) and an infinite
    rate ``"unlimited"`` (the bound of a lossless channel).
    """
    if rate_bits_per_s <= 0:
        return "no key"
    if math.isinf(rate_bits_per_s):
        return "unlimited"
    if rate_bits_per_s < 0.0095:
        return "< 0.01 bit/s"
    rounded = float(f"{rate_bits_per_s:.3g}")  # round first: 999.7 bit/s reads 1 kbit/s
    for scale, unit in _RATE_PREFIXES:
        if rounded >= scale:
            return f"{rounded / scale:.3g} {unit}"
    return f"{rounded:.3g} bit/s"


def power_of_ten_text(exponent: int) -> str:
    """``10`` to an integer power, with a superscript exponent: ``"10²⁰"``, ``"10⁻³"``."""
    return f"10{str(exponent).translate(_SUPERSCRIPTS)}"


def count_text(count: float) -> str:
    """A positive number in words, to two significant digits: ``"7.2"``, ``"1,600"``, ``"4.5 × 10²⁰"``.

    From 100,000 up it is written as a power of ten (a reader counts no zeros).
    """
    if count < 10:
        return f"{count:.2g}"
    rounded = float(f"{count:.2g}")  # round first: 99,999 reads 1 × 10⁵
    if rounded < 1e5:
        return f"{rounded:,.0f}"
    exponent = math.floor(math.log10(rounded))
    return f"{rounded / 10.0**exponent:.2g} × {power_of_ten_text(exponent)}"


_YEAR_S = 365.25 * 86400.0


def time_text(seconds: float) -> str:
    """A duration in words: ``"375 µs"``, ``"82 ms"``, ``"1.5 s"``, ``"4.2 min"``, ``"3 × 10⁵ years"``."""
    if math.isinf(seconds):
        return "never"
    units = ((_YEAR_S, "years"), (86400.0, "days"), (3600.0, "h"), (60.0, "min"), (1.0, "s"), (1e-3, "ms"))
    scale, unit = next(((s, u) for s, u in units if seconds >= s), (1e-6, "µs"))
    value = seconds / scale
    return f"{value:.2g} {unit}" if value < 10 else f"{count_text(value)} {unit}"


def distance_text(length_km: float) -> str:
    """A distance in km: whole km from 100 km up (``"1,203 km"``), else 3 significant digits."""
    if math.isinf(length_km):
        return "∞ km"
    return f"{length_km:,.0f} km" if length_km >= 99.5 else f"{length_km:.3g} km"


def summary_text(lines: Sequence[str]) -> str:
    """The plain-text summary: one line per line."""
    return "\n".join(lines)


def summary_html(lines: Sequence[str]) -> str:
    """The HTML summary: a live region (screen readers announce changes), highlights emphasised."""
    rows = []
    for line in lines:
        text = html.escape(line)
        if isinstance(line, Highlight):
            rows.append(
                f"<div class='qwidgets-highlight' style='border-left:4px solid {role_css('event')};"
                f"padding-left:6px'><b>{text}</b></div>"
            )
        else:
            rows.append(f"<div>{text}</div>")
    return f"<div class='qwidgets-summary' aria-live='polite'>{''.join(rows)}</div>"
