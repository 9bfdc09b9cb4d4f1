"""The browser side of every panel: slider names, slider keys in Notebook 7, the panel stylesheet.

ipywidgets cannot set attributes on the parts of a control, and the page's keyboard shortcuts
are not ours; both need a few lines of JavaScript in the page. :class:`PanelFrontend` carries
them as an `anywidget <https://anywidget.dev>`_ module (``frontend.js``) and stylesheet
(``frontend.css``), with no build step. Every :class:`~qwidgets.panels.base.Panel` holds one,
hidden; it has no state.

In a page without a widget manager (nbconvert, GitHub, the course site) it does nothing: the
panel's static fallback (:meth:`~qwidgets.panels.base.Panel.static_html`) is shown instead.
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import ipywidgets as widgets

__all__ = ["PanelFrontend"]

_HERE = Path(__file__).parent


class PanelFrontend(anywidget.AnyWidget):
    """An invisible widget that gives its panel's controls what ipywidgets leaves out.

    - Each slider handle (``role="slider"``) gets its slider's label as ``aria-label``; a disabled
      slider's handle leaves the Tab order.
    - Each picture gets its text alternative (the summary) as ``alt``; the summary's box is a
      live region.
    - The arrow keys, Home, End, PageUp and PageDown reach a focused slider handle (Notebook 7)
      or menu (JupyterLab and Notebook 7) instead of the page's command-mode shortcuts.
    - The stylesheet: a visible keyboard focus, and colours from the page's theme.
    """

    _esm = _HERE / "frontend.js"
    _css = _HERE / "frontend.css"

    def __init__(self) -> None:
        super().__init__(layout=widgets.Layout(display="none"))
