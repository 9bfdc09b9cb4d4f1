"""The panel contract shared by every panel (see DESIGN.md, "Panels: one contract for all").

A panel is a ``VBox`` of: a title, its controls, an error banner, a progress bar (shown only
while a long computation reports progress), a row with one PNG image per figure plus optional
side widgets (a table, say), and a one-line text summary of what the figures show.

A subclass builds its controls and figures, passes them to :meth:`Panel.__init__`, and
implements three methods:

``_compute()``
    Read the controls and return the physics result (a frozen dataclass). May call
    :meth:`Panel._report_progress` when it takes long.
``_draw(result)``
    Update the figures' artists in place (never create new figures).
``_describe(result)``
    Return the one-line plain-text summary.

Every change goes through :meth:`Panel._refresh`. Errors never escape a callback: they are shown
in the banner, the last good picture stays, and the next valid input clears them.
"""

from __future__ import annotations

import contextlib
import html
import numbers
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import ipywidgets as widgets
import traitlets

from qwidgets.errors import InvalidTypeError, InvalidValueError, QWidgetsError
from qwidgets.plots.render import PngRenderer

__all__ = ["Panel"]

_BANNER_STYLE = (
    "background:#FCEBE6;border-left:4px solid #D55E00;padding:4px 8px;margin:2px 0;"
    "color:#000;"
)


_KINDS = {int: "an integer", float: "a number", str: "a string", bool: "True or False"}


def _set_initial(name: str, widget: widgets.Widget, value: Any) -> None:
    """Set control ``widget`` to ``value``, or raise a named error if it does not accept it."""
    kind = _KINDS.get(type(widget.value), type(widget.value).__name__)
    options = getattr(widget, "options", None)
    if options is not None:
        allowed = [o[1] if isinstance(o, tuple) else o for o in options]
        if value not in allowed:
            raise InvalidValueError(name, value, f"one of {allowed}")
    low, high = getattr(widget, "min", None), getattr(widget, "max", None)
    if low is not None and high is not None:
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise InvalidTypeError(name, value, f"{kind} from {low:g} to {high:g}")
        if not low <= value <= high:
            raise InvalidValueError(name, value, f"from {low:g} to {high:g}")
    try:
        widget.value = value
    except traitlets.TraitError:
        raise InvalidTypeError(name, value, kind) from None
    cast = isinstance(value, bool) and not isinstance(widget.value, bool)  # True became 1
    if cast or widget.value != value:  # or 2.5 became 2
        raise InvalidTypeError(name, value, kind)


class Panel(widgets.VBox):
    """Base class of every panel: controls wired to physics, figures, summary, error banner.

    Parameters
    ----------
    controls : mapping of str to Widget
        Every input by a stable name. Widgets with a ``value`` trigger a refresh when it
        changes; buttons are wired by the subclass with :meth:`_action`.
    renderers : sequence of PngRenderer
        One per figure; each gets its own ``Image`` (``images[i]``; ``image`` is the first).
    initial : mapping of str to value
        Constructor keywords: initial control values by name, checked against each control's
        range or options before use.
    control_rows : sequence of sequence of Widget, optional
        How to arrange the controls; by default one wrapping row in ``controls`` order.
    side : sequence of Widget
        Widgets shown beside the figures, such as an ``HTML`` table.

    Attributes
    ----------
    controls, image, images, summary, result, error
        The panel contract of DESIGN.md.
    """

    title = ""
    """Heading shown at the top of the panel."""

    def __init__(
        self,
        *,
        controls: Mapping[str, widgets.Widget],
        renderers: Sequence[PngRenderer],
        initial: Mapping[str, Any] | None = None,
        control_rows: Sequence[Sequence[widgets.Widget]] | None = None,
        side: Sequence[widgets.Widget] = (),
    ) -> None:
        self.controls: dict[str, widgets.Widget] = dict(controls)
        self._renderers = tuple(renderers)
        self.images = tuple(
            widgets.Image(
                format="png",
                layout=widgets.Layout(
                    width=f"{r.figure.bbox.width:.0f}px", max_width="100%", height="auto"
                ),
            )
            for r in self._renderers
        )
        self.image = self.images[0]
        self.summary = widgets.HTML(layout=widgets.Layout(margin="0 0 0 4px"))
        self.banner = widgets.HTML(layout=widgets.Layout(display="none"))
        self.progress = widgets.FloatProgress(
            min=0.0, max=1.0, description="Working", layout=widgets.Layout(display="none")
        )
        self.result: Any = None
        self._failure: Exception | None = None
        self._holds = 0

        for name, value in (initial or {}).items():
            if name not in self.controls:
                raise InvalidValueError(
                    "keyword", name, f"one of the panel's controls {sorted(self.controls)}"
                )
            _set_initial(name, self.controls[name], value)
        for widget in self.controls.values():
            if widget.has_trait("value"):
                widget.observe(self._on_value_change, names="value")

        rows = control_rows or [list(self.controls.values())]
        boxes = [widgets.HBox(list(row), layout=widgets.Layout(flex_flow="row wrap")) for row in rows]
        header = [widgets.HTML(f"<b>{html.escape(self.title)}</b>")] if self.title else []
        figure_row = widgets.HBox(
            [*self.images, *side], layout=widgets.Layout(flex_flow="row wrap", align_items="center")
        )
        super().__init__(
            [*header, *boxes, self.banner, self.progress, figure_row, self.summary],
            layout=widgets.Layout(border="1px solid #D9D9D9", padding="6px", max_width="980px"),
        )
        self.add_class("qwidgets-panel")
        self._refresh()
        if self._failure is not None:  # bad constructor keywords: tell the caller at once
            raise self._failure

    # -- subclass hooks -------------------------------------------------------------------
    def _compute(self) -> Any:
        raise NotImplementedError

    def _draw(self, result: Any) -> None:
        raise NotImplementedError

    def _describe(self, result: Any) -> str:
        raise NotImplementedError

    # -- machinery ------------------------------------------------------------------------
    def _on_value_change(self, change: dict) -> None:
        self._refresh()

    @contextlib.contextmanager
    def _batched(self) -> Iterator[None]:
        """Change several controls with one refresh at the end (instead of one per change)."""
        self._holds += 1
        try:
            yield
        finally:
            self._holds -= 1
        self._refresh()

    def _action(self, callback: Callable[[], None]) -> Callable[[widgets.Button], None]:
        """Wrap ``callback`` as a button handler: errors go to the banner, then one refresh."""

        def on_click(_button: widgets.Button) -> None:
            try:
                with self._batched():
                    callback()
            except Exception as exc:  # noqa: BLE001 - a callback must never raise into the kernel
                self._show_error(exc)

        return on_click

    def _report_progress(self, fraction: float) -> None:
        """Show the progress bar at ``fraction`` (0-1) during a long ``_compute``."""
        self.progress.layout.display = None
        self.progress.value = min(1.0, max(0.0, fraction))

    def _refresh(self) -> None:
        """Recompute, redraw and re-render; on any error show it and keep the last picture."""
        if self._holds:
            return
        try:
            result = self._compute()
            self._draw(result)
            pngs = [renderer.png() for renderer in self._renderers]
            text = self._describe(result)
        except Exception as exc:  # noqa: BLE001 - shown in the banner, never lost in a log
            self._show_error(exc)
            return
        finally:
            self.progress.layout.display = "none"
        self.result = result
        for image, png in zip(self.images, pngs):
            image.value = png
        self.summary.value = f"<span class='qwidgets-summary'>{html.escape(text)}</span>"
        self._failure = None
        self.banner.layout.display = "none"

    @property
    def error(self) -> str | None:
        """``None``, or the message of the last failed update, as shown in the banner."""
        exc = self._failure
        if exc is None:
            return None
        if isinstance(exc, QWidgetsError):
            return str(exc)
        return f"Unexpected {type(exc).__name__}: {exc}. Please report this as a bug."

    def _show_error(self, exc: Exception) -> None:
        self._failure = exc
        self.banner.value = (
            f"<div role='alert' style='{_BANNER_STYLE}'>&#9888; {html.escape(self.error)}"
            " &mdash; the picture shows the last valid settings.</div>"
        )
        self.banner.layout.display = None
