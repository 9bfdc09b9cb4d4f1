"""Make an executed notebook's outputs readable without a kernel or a widget manager."""

from __future__ import annotations

from typing import Any

__all__ = ["STATIC_FALLBACKS", "WIDGET_VIEW", "strip_widget_views"]

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
"""The mimetype of a live widget: it needs require.js, the widget manager and the saved state."""
STATIC_FALLBACKS = ("text/html", "image/png", "image/svg+xml", "image/jpeg")
"""Mimetypes that show a widget without a kernel (a panel gives ``text/html`` and ``image/png``)."""


def strip_widget_views(nb: Any) -> list[str]:
    """Drop every live widget view and the saved widget state from ``nb``, in place.

    A page without a widget manager then shows each panel's static fallback (its pictures and
    summary as ``text/html``) instead of an empty box, and loads nothing from a CDN.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        An executed notebook (version 4).

    Returns
    -------
    list of str
        The ``text/plain`` of each widget that had no static fallback (only its text is left):
        empty when every widget on the page shows a picture or HTML.

    Raises
    ------
    ValueError
        If ``nb`` is not a version 4 notebook with cells.
    """
    if not hasattr(nb, "get") or nb.get("nbformat") != 4 or not isinstance(nb.get("cells"), list):
        raise ValueError(f"nb must be a version 4 notebook (nbformat.NotebookNode); got {type(nb).__name__}")
    nb.get("metadata", {}).pop("widgets", None)
    bare = []
    for cell in nb["cells"]:
        for output in cell.get("outputs", ()) if cell.get("cell_type") == "code" else ():
            data = output.get("data", {})
            if data.pop(WIDGET_VIEW, None) is not None and not any(m in data for m in STATIC_FALLBACKS):
                bare.append(str(data.get("text/plain", "")))
    return bare
