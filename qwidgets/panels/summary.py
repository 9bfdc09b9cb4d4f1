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

from qwidgets.plots import ROLE_COLORS

__all__ = ["Highlight", "angle_text", "number_text", "summary_html", "summary_text"]


class Highlight(str):
    """A summary line shown emphasised: the result of the student's last action."""

    __slots__ = ()


def number_text(value: float, decimals: int = 2) -> str:
    """Format ``value`` with ``decimals`` decimals, never as ``-0.00``."""
    rounded = round(float(value), decimals)
    return f"{rounded + 0.0:.{decimals}f}"


def angle_text(angle: float) -> str:
    """Format an angle in radians and as a multiple of pi, e.g. ``'1.57 rad (0.50π)'``."""
    return f"{number_text(angle)} rad ({number_text(angle / math.pi)}π)"


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
                f"<div class='qwidgets-highlight' style='border-left:4px solid {ROLE_COLORS['event']};"
                f"padding-left:6px'><b>{text}</b></div>"
            )
        else:
            rows.append(f"<div>{text}</div>")
    return f"<div class='qwidgets-summary' aria-live='polite'>{''.join(rows)}</div>"
