"""The panel base: exact state, declared parameters, controls as views, one refresh.

A panel is five things, and nothing else:

parameters
    Class-level declarations (:mod:`qwidgets.panels.parameters`): ``parameters`` (inputs),
    ``actions`` (buttons), ``stochastic`` (adds a ``seed`` box and a "New run" button) and
    ``control_rows`` (layout). The base builds every control from them, checks constructor
    keywords against them and generates the class signature and its "Parameters" docs.
state
    The exact physics state, ``self.state`` (a frozen dataclass or a ``Qobj``). Parameters
    declared with ``view=True`` are views of it: ``_views(state)`` says what they show and
    ``_state_from_views(**values)`` builds the state when the student moves one. Buttons change
    the state through ``_set_state`` and stored values through ``_set_param``. A value sent by
    the browser that only echoes the exact value rounded to the control's step changes nothing.
compute
    ``_compute(**params)`` gets the stored (non-view) parameter values as keywords, as
    ``ipywidgets.interactive`` passes them, reads ``self.state`` and returns a frozen result.
draw
    ``_setup()`` builds the views once (after the base has checked the keywords and built the
    controls, before the first refresh): figure views (:class:`~qwidgets.plots.FigureView`,
    each shown as a PNG image) and widget views (:class:`WidgetView`, e.g. a table beside the
    figures). ``_draw(result)`` returns one picture per view. A view is only updated, and its
    PNG only encoded, when its picture changed.
describe
    ``_describe(result)`` returns the summary's lines, without side effects.

Every change ends in one :meth:`Panel._refresh`. An error never escapes a callback: the banner
shows it, the last good picture stays, and the next valid input clears it.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import html
import inspect
import math
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, ClassVar, Protocol, runtime_checkable

import ipywidgets as widgets
from traitlets import Unicode

from qwidgets.errors import ActionRefusedError, InvalidValueError, QWidgetsError, UnknownKeywordError
from qwidgets.panels.frontend import PanelFrontend
from qwidgets.panels.parameters import Action, Caption, ControlRows, Integer, Parameter
from qwidgets.panels.summary import summary_html, summary_text
from qwidgets.plots import FigureView, PngRenderer
from qwidgets.validation import MAX_SEED

__all__ = ["Panel", "Picture", "WidgetView"]

_BANNER_STYLE = "background:#FFF4E5;border-left:4px solid #D55E00;padding:4px 8px;margin:2px 0;color:#000"
SEED = Integer(
    "seed",
    "Seed",
    0,
    "same settings and seed give the same samples: share a seed to compare runs",
    low=0,
    high=MAX_SEED,
)
"""The seed parameter of every stochastic panel."""
NEW_RUN = Action("new_run", "New run", "sample again, with the next seed", "_new_run", icon="refresh")
"""The "New run" button of every stochastic panel."""


class Picture(widgets.Image):
    """A PNG image whose tooltip (the text alternative of the figure) works in the browser.

    ipywidgets 8.1's ``DOMWidgetView.updateTooltip`` reads the model's ``description``, which
    an ``Image`` lacks, so setting ``tooltip`` on a plain ``Image`` breaks its view ("Error
    displaying widget"; jupyter-widgets/ipywidgets PR #3921). An empty ``description`` synced
    with the model avoids that; the browser then shows the tooltip as the image's ``title``,
    its accessible name.
    """

    description = Unicode("", help="Always empty; present so that the tooltip works.").tag(sync=True)


@runtime_checkable
class WidgetView(Protocol):
    """A view shown as a widget of its own (an HTML table, say) rather than as a picture."""

    widget: widgets.Widget

    def update(self, picture: Any) -> None:
        """Show ``picture``."""


def _from_browser(control: widgets.Widget) -> bool:
    """Whether the control's value change being notified came from the browser.

    ipywidgets applies a browser's update in ``Widget.set_state`` with the property locked
    until the observers have run (so that it is not sent back); a change made in Python has
    no lock. Only a browser can echo, so only its changes are checked for echoes: a value set
    in Python is always taken exactly.
    """
    return "value" in control._property_lock


def _close(a: object, b: object) -> bool:
    """Equal values, allowing float noise far below any control's step."""
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    return a == b


class Panel(widgets.VBox):
    """Base of every panel: controls, figures, summary and error banner around an exact state.

    Attributes
    ----------
    controls : dict of str to ipywidgets.Widget
        Every input and button, by name.
    images : tuple of ipywidgets.Image
        One PNG image per figure; ``image`` is the first.
    summary : ipywidgets.HTML
        The sentences stating the key numbers of what the figures show.
    summary_text : str
        The same as plain text (the figures' text alternative, also their tooltip).
    result : object
        The latest result, a frozen dataclass.
    state : object
        The exact physics state (``None`` for a panel without one).
    params : Mapping
        The exact values of the stored (non-view) parameters, read-only.
    error : str or None
        The message in the error banner, or ``None``.
    """

    title: ClassVar[str] = ""
    """Heading shown at the top of the panel."""
    parameters: ClassVar[tuple[Parameter, ...]] = ()
    """The panel's inputs."""
    actions: ClassVar[tuple[Action, ...]] = ()
    """The panel's buttons."""
    stochastic: ClassVar[bool] = False
    """Whether the panel samples: adds the ``seed`` parameter and the ``new_run`` button."""
    control_rows: ClassVar[ControlRows | None] = None
    """Rows of control names (and captions); by default one row of everything."""

    _declared: ClassVar[Mapping[str, Parameter]] = MappingProxyType({})
    _buttons: ClassVar[tuple[Action, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        declared = (*cls.parameters, *((SEED,) if cls.stochastic else ()))
        buttons = (*cls.actions, *((NEW_RUN,) if cls.stochastic else ()))
        names = [p.name for p in declared] + [a.name for a in buttons]
        duplicates = sorted({n for n in names if names.count(n) > 1} | ({"state"} & set(names)))
        if duplicates:
            raise TypeError(f"{cls.__name__} declares these control names twice or reserved: {duplicates}")
        cls._declared = MappingProxyType({p.name: p for p in declared})
        cls._buttons = buttons
        signature = [
            inspect.Parameter(
                p.name, inspect.Parameter.KEYWORD_ONLY, default=p.default, annotation=p.annotation
            )
            for p in declared
        ]
        views = [p.name for p in declared if p.view]
        if views:
            signature.append(
                inspect.Parameter("state", inspect.Parameter.KEYWORD_ONLY, default=None, annotation="object")
            )
        cls.__signature__ = inspect.Signature(signature)
        cls.__doc__ = _with_parameters_section(cls.__doc__, declared, views)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__()
        cls = type(self)
        declared = cls._declared
        views = tuple(name for name, p in declared.items() if p.view)
        accepted = (*declared, *(("state",) if views else ()))
        for keyword in kwargs:
            if keyword not in accepted:
                raise UnknownKeywordError(cls.__name__, keyword, accepted)
        initial_state = kwargs.pop("state", None)
        given_views = [name for name in views if name in kwargs]
        if initial_state is not None and given_views:
            raise InvalidValueError(
                "state",
                f"a state together with {', '.join(given_views)}",
                f"given alone (it sets {', '.join(views)})",
            )
        values = {
            name: p.check(kwargs[name]) if name in kwargs else p.default for name, p in declared.items()
        }
        self._view_names = views
        self._params = {name: value for name, value in values.items() if name not in views}
        self.params: Mapping[str, Any] = MappingProxyType(self._params)
        self._shown: dict[str, Any] = dict(values)  # the exact value each control stands for
        self._invalid: dict[str, QWidgetsError] = {}
        self._failure: Exception | None = None
        self._holds = 0
        self._syncing = False
        self.result: Any = None
        self.summary_text = ""
        if views:
            self.state = (
                self._check_state(initial_state)
                if initial_state is not None
                else self._state_from_views(**{name: values[name] for name in views})
            )
        else:
            self.state = None

        self.controls: dict[str, widgets.Widget] = {name: p.make_control() for name, p in declared.items()}
        self.controls.update({action.name: action.make_control() for action in cls._buttons})
        for name in declared:
            self._show_control(name, values[name])
        self._displays = tuple(self._setup())
        self._renderers = tuple(
            PngRenderer(view) if isinstance(view, FigureView) else None for view in self._displays
        )
        self._pictures: list[Any] = [None] * len(self._displays)
        self._images = tuple(None if r is None else self._make_image(r) for r in self._renderers)
        self.images = tuple(image for image in self._images if image is not None)
        self.image = self.images[0] if self.images else None
        self.summary = widgets.HTML(layout=widgets.Layout(margin="2px 0 0 4px"))
        self.summary.add_class("qwidgets-live")  # a live region in the browser (frontend.js)
        self.banner = widgets.HTML(layout=widgets.Layout(display="none"))
        self.progress = widgets.FloatProgress(
            min=0.0,
            max=1.0,
            description="Working",
            tooltip="computing the new result",
            layout=widgets.Layout(display="none"),
        )
        self.children = self._layout()
        self.add_class("qwidgets-panel")
        for name, control in self.controls.items():
            if name in declared:
                control.observe(functools.partial(self._on_control, name), names="value")
        for action in cls._buttons:
            self.controls[action.name].on_click(functools.partial(self._on_click, action))
        self._sync_views()
        self._refresh()
        if self._failure is not None:  # the initial settings do not compute: tell the caller at once
            raise self._failure

    # -- subclass hooks ---------------------------------------------------------------------
    def _setup(self) -> Sequence[FigureView | WidgetView]:
        """Build the views (once) and any other set-up; return the views in display order."""
        return ()

    def _check_state(self, state: Any) -> Any:
        """Return the exact state for the ``state`` keyword, or raise a named error."""
        raise NotImplementedError

    def _views(self, state: Any) -> dict[str, Any]:
        """The value each view parameter shows for ``state`` (``None``: undefined, keep it)."""
        raise NotImplementedError

    def _state_from_views(self, **values: Any) -> Any:
        """The exact state that the view parameters' ``values`` describe."""
        raise NotImplementedError

    def _compute(self, **params: Any) -> Any:
        """The result for the stored parameter values and ``self.state``."""
        raise NotImplementedError

    def _draw(self, result: Any) -> Sequence[Any]:
        """One picture per view, in the order of ``_setup``."""
        raise NotImplementedError

    def _describe(self, result: Any) -> Sequence[str]:
        """The summary's lines (plain text); no side effects."""
        raise NotImplementedError

    # -- changing state and values (for subclasses' buttons) -----------------------------------
    def _set_state(self, state: Any) -> None:
        """Make ``state`` the panel's exact state, show it in the view controls, refresh."""
        self.state = state
        self._sync_views()
        self._refresh()

    def _set_param(self, name: str, value: Any) -> None:
        """Store an exact parameter value, show it in its control, refresh."""
        value = self._declared[name].check(value)
        self._params[name] = self._shown[name] = value
        self._invalid.pop(name, None)
        self._show_control(name, value)
        self._refresh()

    def _new_run(self) -> None:
        self._set_param("seed", (self._params["seed"] + 1) % (MAX_SEED + 1))

    @contextlib.contextmanager
    def _batched(self) -> Iterator[None]:
        """Make several changes with one refresh at the end (instead of one per change)."""
        self._holds += 1
        try:
            yield
        finally:
            self._holds -= 1
        self._refresh()

    def _report_progress(self, fraction: float) -> None:
        """Show the progress bar at ``fraction`` (0-1) during a long ``_compute``."""
        self.progress.layout.display = None
        self.progress.value = min(1.0, max(0.0, fraction))

    # -- what a page without a kernel shows ---------------------------------------------------
    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any] | None:
        """The widget view, plus a picture and text for front ends without widgets.

        JupyterLab, Notebook 7 and Voila render the widget view. nbconvert, GitHub, nbviewer and the
        course site have no widget manager: they show ``text/html`` (every figure with the summary
        as its ``alt`` text, and the summary below), ``image/png`` (the first figure) or
        ``text/plain`` (the summary), whichever they support first.
        """
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None:  # a closed widget has no view
            return None
        bundle["text/plain"] = self.summary_text or self.title or type(self).__name__
        bundle["text/html"] = self.static_html()
        pngs = [image.value for image in self.images if image.value]
        if pngs:
            bundle["image/png"] = base64.b64encode(pngs[0]).decode("ascii")
        return bundle

    def static_html(self) -> str:
        """The panel as a static HTML figure: title, pictures (alt: the summary), tables and summary."""
        alt = html.escape(self.summary_text, quote=True)
        parts = []
        for view, image in zip(self._displays, self._images):
            if image is not None and image.value:
                data = base64.b64encode(image.value).decode("ascii")
                size = f"width:{image.layout.width};max-width:100%;height:auto"  # CSS px: sharp on HiDPI
                parts.append(f'<img alt="{alt}" src="data:image/png;base64,{data}" style="{size}">')
            elif isinstance(getattr(view, "widget", None), widgets.HTML):
                parts.append(view.widget.value)
        title = f"<b>{html.escape(self.title)}</b><br>" if self.title else ""
        return (
            f"<figure class='qwidgets-static'>{title}"
            f"<div style='display:flex;flex-wrap:wrap;align-items:center'>{''.join(parts)}</div>"
            f"<figcaption class='qwidgets-summary'>{self.summary.value}</figcaption></figure>"
        )

    # -- machinery ------------------------------------------------------------------------------
    def _make_image(self, renderer: PngRenderer) -> widgets.Image:
        width, _ = renderer.css_size
        layout = widgets.Layout(width=f"{width}px", max_width="100%", height="auto")  # CSS px: sharp on HiDPI
        return Picture(format="png", layout=layout)

    def _layout(self) -> tuple[widgets.Widget, ...]:
        rows = self.control_rows or [list(self.controls)]
        boxes = []
        for row in rows:
            items = [
                widgets.Label(item.text, layout=widgets.Layout(margin="0 4px 0 6px"))
                if isinstance(item, Caption)
                else self.controls[item]
                for item in row
            ]
            boxes.append(
                widgets.HBox(items, layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
            )
        header = [widgets.HTML(f"<b>{html.escape(self.title)}</b>")] if self.title else []
        figures = widgets.HBox(
            [view.widget if image is None else image for view, image in zip(self._displays, self._images)],
            layout=widgets.Layout(flex_flow="row wrap", align_items="center"),
        )
        return (*header, *boxes, self.banner, self.progress, figures, self.summary, PanelFrontend())

    def _show_control(self, name: str, value: Any) -> None:
        """Put ``value`` in a control without treating it as the student's input."""
        self._syncing = True
        try:
            self.controls[name].value = value
        finally:
            self._syncing = False

    def _sync_views(self) -> None:
        """Show the exact state in the view controls (undefined values keep what they show)."""
        if not self._view_names:
            return
        for name, value in self._views(self.state).items():
            if value is None or _close(value, self._shown[name]):
                continue
            self._shown[name] = value
            self._show_control(name, value)

    def _on_control(self, name: str, change: dict) -> None:
        if self._syncing:
            return
        try:
            parameter = self._declared[name]
            if _from_browser(change["owner"]) and parameter.is_echo(self._shown[name], change["new"]):
                if self._invalid.pop(name, None) is not None:  # back to the valid value it had
                    self._refresh()
                return
            try:
                value = parameter.check(change["new"])
            except QWidgetsError as exc:
                self._invalid[name] = exc
                self._show_error(exc)
                return
            self._invalid.pop(name, None)
            self._shown[name] = value
            if parameter.view:
                self.state = self._state_from_views(**{view: self._shown[view] for view in self._view_names})
                self._sync_views()
            else:
                self._params[name] = value
            self._refresh()
        except Exception as exc:  # noqa: BLE001 - a callback must never raise into the kernel
            self._show_error(exc)

    def _on_click(self, action: Action, _button: widgets.Button) -> None:
        try:
            if self._invalid:
                raise ActionRefusedError(action.label, next(iter(self._invalid.values())))
            with self._batched():
                getattr(self, action.method)(*action.args)
        except Exception as exc:  # noqa: BLE001 - a callback must never raise into the kernel
            self._show_error(exc)

    def _refresh(self) -> None:
        """Recompute, redraw what changed, re-describe; on any error show it, keep the last picture."""
        if self._holds:
            return
        if self._invalid:
            self._show_error(next(iter(self._invalid.values())))
            return
        try:
            result = self._compute(**self._params)
            pictures = tuple(self._draw(result))
            lines = tuple(self._describe(result))
            if len(pictures) != len(self._displays):
                raise TypeError(f"_draw returned {len(pictures)} pictures for {len(self._displays)} views")
            pngs = []
            for index, (view, renderer, picture) in enumerate(zip(self._displays, self._renderers, pictures)):
                if picture != self._pictures[index]:
                    view.update(picture)
                    pngs.append(None if renderer is None else renderer.render())
                else:
                    pngs.append(None)
        except Exception as exc:  # noqa: BLE001 - shown in the banner, never lost in a log
            self._show_error(exc)
            return
        finally:
            self.progress.layout.display = "none"
        self.result = result
        self._pictures = list(pictures)
        for name, parameter in self._declared.items():
            if parameter.when:
                self.controls[name].disabled = not parameter.applies(self._params)
        self.summary_text = summary_text(lines)
        with self.hold_sync():
            for image, png in zip(self._images, pngs):
                if image is None:
                    continue
                if png is not None:
                    image.value = png
                image.tooltip = self.summary_text  # the figures' text alternative
            self.summary.value = summary_html(lines)
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


def _with_parameters_section(doc: str | None, declared: Sequence[Parameter], views: Sequence[str]) -> str:
    """The class docstring with a numpydoc "Parameters" section generated from the declarations."""
    doc = inspect.cleandoc(doc or "")
    if not declared or "\nParameters\n----------" in doc:
        return doc
    entries = []
    for p in declared:
        what = f"{p.tooltip[:1].upper()}{p.tooltip[1:]} ({p.allowed})."
        entries.append(f"{p.name} : {p.annotation}, default {p.default!r}\n    {what}")
    if views:
        entries.append(f"state : optional\n    The exact initial state, given instead of {', '.join(views)}.")
    section = "Parameters\n----------\n" + "\n".join(entries)
    head, separator, tail = doc.partition("\n\nNotes\n-----")
    return f"{head}\n\n{section}{separator}{tail}"
