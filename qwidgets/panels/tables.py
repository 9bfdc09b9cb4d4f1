"""An accessible HTML table as a widget view: a frozen picture in, one ``ipywidgets.HTML`` out.

A panel shows a table beside its figures through :class:`HtmlTable`, a widget view
(:class:`~qwidgets.panels.base.WidgetView`): ``update(picture)`` writes a
:class:`TablePicture` as a ``<table>`` with a ``<caption>``, column headers
(``<th scope="col">``) and row headers (``<th scope="row">``), so a screen reader announces
every cell with its row and column. Meaning is never carried by colour alone: a cell's
:class:`TableCell.tone` only emphasises words or symbols that already say it, in the colours of
:data:`~qwidgets.plots.ROLE_COLORS`.

Colours and lines are CSS variables with today's light values as fallbacks
(``var(--qwl-rule, #D9D9D9)``): a static page shows the fallbacks, and the panel stylesheet
(``frontend.css``) takes them from the page's theme, light or dark.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from types import MappingProxyType

import ipywidgets as widgets

from qwidgets.plots.style import role_css

__all__ = ["DIM_TEXT", "TONES", "HtmlTable", "TableCell", "TablePicture", "TableRow", "table_html"]

TONES = MappingProxyType(
    {
        "plain": "",
        "strong": f"font-weight:bold;color:{role_css('state', text=True)}",
        "alert": f"font-weight:bold;color:{role_css('event', text=True)}",
        "symbol": "font-size:1.35em;line-height:1",
    }
)
"""The style of each tone a cell can have: emphasis for words or symbols that already say it
(``"strong"``, ``"alert"``), or a larger glyph (``"symbol"``)."""

DIM_TEXT = "var(--qwl-dim-text, #595959)"  # grey at 7:1 on white: dimmed rows stay readable
"""Dimmed text (also used by the stage card); the stylesheet gives its dark value."""
_TABLE_STYLE = (
    "border-collapse:collapse;font-size:12px;line-height:1.3;font-variant-numeric:tabular-nums;margin:2px 0"
)
_CAPTION_STYLE = "caption-side:top;text-align:left;padding:0 0 3px 2px;font-size:12px"
_CELL_STYLE = "padding:1px 5px;border-bottom:1px solid var(--qwl-rule, #D9D9D9);text-align:center"
_HEAD_STYLE = f"{_CELL_STYLE};vertical-align:bottom;border-bottom:2px solid var(--qwl-rule-strong, #7F7F7F)"
_DIMMED_STYLE = f"color:{DIM_TEXT};background:var(--qwl-dim-back, #F4F4F4);font-style:italic"


# A number and its unit stay on one line when a narrow panel wraps a column ("29 kbit/s")
_UNIT_SPACE = re.compile(r"(?<=\d) (?=[^\W\d_]|[%°])")


@dataclass(frozen=True)
class TableCell:
    """One data cell.

    Attributes
    ----------
    text : str
        What the cell says (words or symbols: the whole meaning).
    tone : str
        A key of :data:`TONES`: ``"plain"``, ``"strong"``, ``"alert"`` or ``"symbol"``.
    title : str
        Optional tooltip, e.g. the name of a symbol.
    """

    text: str
    tone: str = "plain"
    title: str = ""

    def __post_init__(self) -> None:
        if self.tone not in TONES:
            raise ValueError(f"tone must be one of {tuple(TONES)}; got {self.tone!r}")


@dataclass(frozen=True)
class TableRow:
    """One row: its header (e.g. a number) and its cells; ``dimmed`` rows are set apart in grey."""

    header: str
    cells: tuple[TableCell, ...]
    dimmed: bool = False


@dataclass(frozen=True)
class TablePicture:
    """What an :class:`HtmlTable` shows.

    Attributes
    ----------
    caption : str
        The table's title and key, read first by a screen reader.
    headers : tuple of str
        Column headers, the first one over the row headers.
    rows : tuple of TableRow
        The rows, each with ``len(headers) - 1`` cells.
    """

    caption: str
    headers: tuple[str, ...]
    rows: tuple[TableRow, ...]

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row.cells) != len(self.headers) - 1:
                raise ValueError(
                    f"row {row.header!r} has {len(row.cells)} cells for {len(self.headers)} headers"
                )


def _escape(text: str) -> str:
    """``text`` as HTML, with a no-break space between each number and its unit."""
    return _UNIT_SPACE.sub("&nbsp;", html.escape(text))


def _cell_html(cell: TableCell) -> str:
    title = f" title='{html.escape(cell.title)}'" if cell.title else ""
    text = _escape(cell.text)
    style = TONES[cell.tone]
    content = f"<span style='{style}'>{text}</span>" if style else text
    return f"<td style='{_CELL_STYLE}'{title}>{content}</td>"


def table_html(picture: TablePicture) -> str:
    """The HTML of ``picture``: caption, column and row headers, toned cells, dimmed rows."""
    head = "".join(  # an empty corner is a plain cell: a header must name its column (axe)
        f"<th scope='col' style='{_HEAD_STYLE}'>{html.escape(h)}</th>"
        if h
        else f"<td style='{_HEAD_STYLE}'></td>"
        for h in picture.headers
    )
    body = []
    for row in picture.rows:
        style = f" class='qwidgets-dimmed' style='{_DIMMED_STYLE}'" if row.dimmed else ""
        cells = "".join(_cell_html(cell) for cell in row.cells)
        body.append(
            f"<tr{style}><th scope='row' style='{_CELL_STYLE}'>{_escape(row.header)}</th>{cells}</tr>"
        )
    return (
        f"<div style='overflow-x:auto;max-width:100%'><table class='qwidgets-table' style='{_TABLE_STYLE}'>"
        f"<caption style='{_CAPTION_STYLE}'>{html.escape(picture.caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


class HtmlTable:
    """A widget view showing a :class:`TablePicture` in an ``ipywidgets.HTML``.

    Attributes
    ----------
    widget : ipywidgets.HTML
        The table, as placed beside the panel's figures.
    """

    def __init__(self) -> None:
        self.widget = widgets.HTML(layout=widgets.Layout(max_width="100%", margin="0 12px 0 0"))

    def update(self, picture: TablePicture) -> None:
        """Show ``picture``."""
        self.widget.value = table_html(picture)
