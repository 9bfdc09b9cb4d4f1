"""The panel contract suite: every check a panel must pass, run over every exported panel.

As scikit-learn's ``check_estimator`` does for estimators, each ``check_*`` function takes a
panel class and raises ``AssertionError`` with an explanation when the panel breaks the contract
(the panel base in :mod:`qwidgets.panels.base`). ``tests/panels/test_contract.py`` runs every
check over every panel that ``qwidgets`` exports, so a new panel gets the whole suite for free;
:func:`check_panel` runs them all on one class.

The checks drive controls as a browser does: after every change, :func:`browser_echo` sends
back each slider's value rounded to its step, which must change nothing.
"""

from __future__ import annotations

import base64
import copy
import dataclasses
import html
import inspect
import itertools
import math
import numbers
from collections.abc import Callable, Iterator
from typing import Any

import ipywidgets as widgets
import numpy as np

import qwidgets
from qwidgets.errors import QWidgetsError
from qwidgets.panels.base import Panel
from qwidgets.panels.frontend import PanelFrontend
from qwidgets.panels.parameters import Caption, Choice, Integer, Number
from qwidgets.plots import PIXEL_RATIO

__all__ = [
    "PANEL_CHECKS",
    "browser_echo",
    "check_banner_and_recovery",
    "check_buttons_in_every_order",
    "check_controls_through_their_range",
    "check_declarations",
    "check_describe_has_no_side_effects",
    "check_keywords",
    "check_no_silent_redraws",
    "check_panel",
    "check_random_walk",
    "check_results_are_immutable",
    "check_seed_reproduces_runs",
    "check_static_fallback",
    "check_summary",
    "exported_panels",
    "from_browser",
]

PanelClass = type[Panel]


def exported_panels() -> list[PanelClass]:
    """Every panel class that ``qwidgets`` exports (not the base)."""
    return [
        obj
        for name in qwidgets.__all__
        if isinstance(obj := getattr(qwidgets, name), type) and issubclass(obj, Panel) and obj is not Panel
    ]


def _slider_echo(slider: widgets.FloatSlider) -> float:
    """The value a browser sends back for ``slider``: its value snapped to the step grid."""
    steps = round((slider.value - slider.min) / slider.step)
    value = min(max(slider.min + steps * slider.step, slider.min), slider.max)
    decimals = max(0, -math.floor(math.log10(slider.step) + 1e-9))
    return round(value, decimals)


def from_browser(control: widgets.Widget, value: Any) -> None:
    """Set ``control`` to ``value`` as a message from the browser does (``Widget.set_state``)."""
    control.set_state({"value": value})


def browser_echo(panel: Panel) -> None:
    """Send back every slider's value rounded to its step, as JupyterLab does after each change."""
    for control in panel.controls.values():
        if isinstance(control, widgets.FloatSlider):
            from_browser(control, _slider_echo(control))


def _snapshot(panel: Panel) -> tuple:
    return panel.result, panel.summary_text, tuple(bytes(image.value) for image in panel.images), panel.error


def _assert_echo_changes_nothing(panel: Panel, what: str) -> None:
    before, state = _snapshot(panel), panel.state
    params = dict(panel.params)
    browser_echo(panel)
    assert _snapshot(panel) == before, f"{what}: the browser's rounded echo of the sliders changed the panel"
    panel._refresh()  # a panel that reads its sliders instead of its exact values shows it now
    assert _snapshot(panel) == before, f"{what}: after the browser's echo, a refresh gives another result"
    assert dict(panel.params) == params, (
        f"{what}: the echo changed the exact parameters {params} -> {panel.params}"
    )
    assert panel.state is state, f"{what}: the echo replaced the exact state"


def _assert_healthy(panel: Panel, what: str) -> None:
    assert panel.error is None, f"{what}: the panel shows an error: {panel.error}"
    assert panel.result is not None, f"{what}: no result"
    assert panel.summary_text.strip(), f"{what}: empty summary"
    for image in panel.images:
        assert bytes(image.value).startswith(b"\x89PNG"), f"{what}: an image holds no PNG"


def _buttons(panel: Panel) -> list[str]:
    return [name for name, control in panel.controls.items() if isinstance(control, widgets.Button)]


def _valid_values(parameter: Any) -> list[Any]:
    """Values across a parameter's whole range, on and off the control's step grid."""
    if isinstance(
        parameter, Number
    ):  # more than a step apart, or a browser's echo of one would equal the next
        span = parameter.high - parameter.low
        inside = [parameter.low + f * span for f in (0.137, 0.25, 0.5001, 0.731, 0.97)]
        inside = [v for v in inside if min(v - parameter.low, parameter.high - v) > parameter.step]
        return [parameter.low, *inside, parameter.high]
    if isinstance(parameter, Integer):
        return sorted(
            {
                parameter.low,
                parameter.high,
                min(parameter.high, max(parameter.low, parameter.default + 7)),
                parameter.default,
            }
        )
    if isinstance(parameter, Choice):
        return list(parameter.values)
    raise AssertionError(f"the contract suite does not know how to drive {type(parameter).__name__}")


def _wrong_types(parameter: Any) -> list[Any]:
    if isinstance(parameter, Number):
        return ["half", True, 1j, None]
    if isinstance(parameter, Integer):
        return [2.5, "many", True, None]
    return []


def _out_of_range(parameter: Any) -> list[Any]:
    if isinstance(parameter, Number):
        return [parameter.high + 10 * parameter.step + 1, parameter.low - 1, math.nan, math.inf]
    if isinstance(parameter, Integer):
        return [parameter.low - 1, parameter.high + 1, 10**400]
    if isinstance(parameter, Choice):
        return ["no such option"]
    return []


# -- the checks -----------------------------------------------------------------------------------
def check_declarations(cls: PanelClass) -> None:
    """Parameters and buttons are declared completely; every control is labelled, tipped and laid out."""
    assert cls.title, f"{cls.__name__} has no title"
    for name, parameter in cls._declared.items():
        assert name.isidentifier(), f"parameter name {name!r} is not a Python identifier"
        assert parameter.label and parameter.tooltip, f"{name}: declare a label and a tooltip"
        assert parameter.check(parameter.default) == parameter.default, f"{name}: the default is not valid"
        if isinstance(parameter, Number):
            assert parameter.low < parameter.high and 0 < parameter.step <= parameter.high - parameter.low, (
                name
            )
        for other, allowed in (parameter.when or {}).items():
            assert other in cls._declared and other != name, (
                f"{name}: 'when' names an unknown parameter {other!r}"
            )
            assert all(cls._declared[other].check(v) == v for v in allowed), (
                f"{name}: 'when' allows invalid values"
            )
    signature = inspect.signature(cls)
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in signature.parameters.values())
    declared = set(cls._declared) | ({"state"} if any(p.view for p in cls._declared.values()) else set())
    assert set(signature.parameters) == declared, f"signature {signature} does not match the declarations"
    assert "Parameters\n----------" in (cls.__doc__ or ""), (
        f"{cls.__name__}'s docstring has no Parameters section"
    )

    panel = cls()
    for name, control in panel.controls.items():
        assert control.tooltip, f"control {name!r} has no tooltip (a browser would show 'null')"
        if isinstance(control, widgets.ToggleButtons):
            assert len(control.tooltips) == len(control.options) and all(control.tooltips), name
    assert panel.progress.tooltip, "the progress bar has no tooltip"
    laid_out = [
        item
        for row in (cls.control_rows or [list(panel.controls)])
        for item in row
        if not isinstance(item, Caption)
    ]
    assert sorted(laid_out) == sorted(panel.controls), (
        f"control_rows must place every control exactly once: {sorted(laid_out)} vs {sorted(panel.controls)}"
    )


def check_keywords(cls: PanelClass) -> None:
    """Valid keyword values are kept exactly; wrong ones raise errors naming parameter, range and unit."""
    for name, parameter in cls._declared.items():
        for value in _valid_values(parameter):
            try:
                panel = cls(**{name: value})
            except Exception as exc:  # noqa: BLE001 - any error on a valid value breaks the contract
                raise AssertionError(
                    f"{cls.__name__}({name}={value!r}) raised {exc!r} for a valid value"
                ) from exc
            _assert_healthy(panel, f"{cls.__name__}({name}={value!r})")
            kept = panel.params[name] if not parameter.view else panel._shown[name]
            expected = parameter.check(value)
            assert kept == expected or (parameter.view and math.isclose(kept, expected, abs_tol=1e-9)), (
                f"{cls.__name__}({name}={value!r}) kept {kept!r}"
            )
        for value in _wrong_types(parameter):
            try:
                cls(**{name: value})
            except TypeError as exc:
                assert isinstance(exc, QWidgetsError) and name in str(exc), f"{name}={value!r}: {exc}"
            else:
                raise AssertionError(f"{cls.__name__}({name}={value!r}) did not raise TypeError")
        for value in _out_of_range(parameter):
            try:
                cls(**{name: value})
            except ValueError as exc:
                assert isinstance(exc, QWidgetsError), f"{name}={value!r}: not a QWidgetsError"
                assert str(exc).startswith(f"{name} must be {parameter.allowed}"), (
                    f"{name}={value!r}: the message does not give the range and unit: {exc}"
                )
            else:
                raise AssertionError(f"{cls.__name__}({name}={value!r}) did not raise ValueError")
    try:
        cls(no_such_keyword=1)
    except TypeError as exc:
        assert "no_such_keyword" in str(exc) and all(n in str(exc) for n in cls._declared), str(exc)
    else:
        raise AssertionError(f"{cls.__name__}(no_such_keyword=1) did not raise TypeError")


def check_controls_through_their_range(cls: PanelClass) -> None:
    """Each control goes through its range, with browser echoes; values stay exact, pictures change.

    Each control is swept on a fresh panel whose other sliders sit mid-range (a generic point:
    at a pole of the Bloch sphere, say, the azimuth rightly changes nothing), with the choices its
    ``when`` names set so that it matters.
    """
    changed: list[bool] = []
    for name, parameter in cls._declared.items():
        panel = cls()
        changed = changed or [False] * len(panel._pictures)
        for other, declared in cls._declared.items():
            if other != name and isinstance(declared, Number):
                panel.controls[other].value = declared.low + 0.5001 * (declared.high - declared.low)
        for other, allowed in (parameter.when or {}).items():  # where the parameter matters
            panel.controls[other].value = allowed[0]
        control = panel.controls[name]
        assert not control.disabled, (
            f"{cls.__name__}: {name} is disabled where its declaration says it applies"
        )
        moved = False
        for value in _valid_values(parameter):
            before = list(panel._pictures)
            control.value = value
            what = f"{cls.__name__}: {name} = {value!r}"
            _assert_healthy(panel, what)
            if not parameter.view:
                assert panel.params[name] == parameter.check(value), f"{what}: stored {panel.params[name]!r}"
            _assert_echo_changes_nothing(panel, what)
            if not parameter.view:
                assert panel.params[name] == parameter.check(value), (
                    f"{what}: the echo rounded the exact value"
                )
            for i, picture in enumerate(panel._pictures):
                if picture != before[i]:
                    changed[i] = moved = True
        if isinstance(parameter, Number):
            assert moved, f"{cls.__name__}: moving {name} through its range never changed a picture"
    assert all(changed), f"{cls.__name__}: displays {changed} never changed while every control moved"


def check_buttons_in_every_order(cls: PanelClass) -> None:
    """Every ordered pair of buttons, with browser echoes after each click, leaves a healthy panel."""
    panel = cls()
    buttons = _buttons(panel)
    for first, second in itertools.product(buttons, repeat=2):
        for name in (first, second):
            panel.controls[name].click()
            what = f"{cls.__name__}: {first} then {second} (at {name})"
            _assert_healthy(panel, what)
            _assert_echo_changes_nothing(panel, what)


def _invalid_inputs(panel: Panel) -> Iterator[tuple[str, Any]]:
    for name, parameter in type(panel)._declared.items():
        if isinstance(parameter, Integer):
            yield name, parameter.high + 1
            yield name, parameter.low - 1


def check_banner_and_recovery(cls: PanelClass) -> None:
    """An invalid input or a failing computation shows in the banner, keeps the picture, and recovers."""
    panel = cls()
    for name, bad in _invalid_inputs(panel):
        good, result, images = (
            panel.controls[name].value,
            panel.result,
            [bytes(i.value) for i in panel.images],
        )
        panel.controls[name].value = bad
        assert panel.error is not None and panel.error.startswith(f"{name} must be "), (
            f"{cls.__name__}: {name} = {bad!r} gave error {panel.error!r}"
        )
        assert panel.banner.layout.display is None and "role='alert'" in panel.banner.value
        assert panel.result is result and [bytes(i.value) for i in panel.images] == images, (
            f"{cls.__name__}: {name} = {bad!r} changed the result or the picture"
        )
        for button in _buttons(panel):
            panel.controls[button].click()
            assert panel.error is not None and name in panel.error, (
                f"{cls.__name__}: {button} with {name} = {bad!r} gave {panel.error!r}"
            )
            assert panel.result is result, f"{cls.__name__}: {button} acted while {name} = {bad!r}"
        panel.controls[name].value = good
        _assert_healthy(panel, f"{cls.__name__}: {name} back to {good!r}")
        assert panel.banner.layout.display == "none"

    def fail(**_: Any) -> Any:
        raise RuntimeError("a deliberate failure")

    panel._compute = fail
    result = panel.result
    first = next(iter(cls._declared))
    parameter = cls._declared[first]
    other = next(v for v in _valid_values(parameter) if not parameter.is_echo(panel._shown[first], v))
    panel.controls[first].value = other
    assert panel.error is not None and panel.error.startswith("Unexpected RuntimeError: a deliberate failure")
    assert "bug" in panel.error and panel.result is result
    del panel._compute  # the class's own method again
    panel.controls[first].value = parameter.default
    _assert_healthy(panel, f"{cls.__name__}: after a failing computation")


def check_summary(cls: PanelClass) -> None:
    """A plain-text summary (no markup, no '-0.00') is the HTML and each image's tooltip; images are HiDPI."""
    panel = cls()
    text = panel.summary_text
    assert text.strip() and "<" not in text and "-0.00" not in text, f"{cls.__name__}: summary_text {text!r}"
    assert all(line.strip() for line in text.splitlines()), f"{cls.__name__}: an empty summary line"
    assert "aria-live" in panel.summary.value
    for line in text.splitlines():
        assert html.escape(line) in panel.summary.value, f"{cls.__name__}: the HTML summary lacks {line!r}"
    for image, renderer in zip(panel.images, [r for r in panel._renderers if r is not None]):
        assert image.tooltip == text, "an image's tooltip (its text alternative) is not the summary"
        width_css, _ = renderer.css_size
        assert image.layout.width == f"{width_css}px"
        width_px = int.from_bytes(bytes(image.value)[16:20], "big")
        assert width_px == PIXEL_RATIO * width_css, (
            f"image is {width_px} px for {width_css} CSS px: not HiDPI"
        )


def check_static_fallback(cls: PanelClass) -> None:
    """Without a widget manager the panel still shows its pictures (alt: the summary) and its summary.

    The display bundle keeps the widget view and adds ``text/plain`` (the summary), ``image/png``
    (the first figure, as shown) and ``text/html`` (every figure and the summary), so that nbconvert,
    GitHub, nbviewer and the course site show the panel as it was, after any change.
    """
    panel = cls()
    for _ in range(2):
        bundle = panel._repr_mimebundle_()
        name = cls.__name__
        assert "application/vnd.jupyter.widget-view+json" in bundle, f"{name}: the widget view is gone"
        assert bundle["text/plain"] == panel.summary_text, f"{name}: text/plain is not the summary"
        page = bundle["text/html"]
        sources = [
            f'src="data:image/png;base64,{base64.b64encode(image.value).decode()}"' for image in panel.images
        ]
        assert all(source in page for source in sources), f"{name}: a figure is missing from text/html"
        assert page.count(f'alt="{html.escape(panel.summary_text, quote=True)}"') == len(sources)
        assert panel.summary.value in page, f"{name}: the summary is missing from text/html"
        if panel.images:
            assert base64.b64decode(bundle["image/png"]) == bytes(panel.images[0].value)
        else:
            assert "image/png" not in bundle and "<table" in page, f"{name}: neither a picture nor a table"
        buttons = _buttons(panel)
        if not buttons:
            break
        panel.controls[buttons[0]].click()  # the fallback follows the panel's state


def check_browser_side(cls: PanelClass) -> None:
    """The panel holds exactly one hidden :class:`~qwidgets.panels.frontend.PanelFrontend`.

    It names the slider handles for screen readers, lets the arrow keys reach them in Notebook 7
    and loads the panel stylesheet (theme colours, visible focus); a layout that drops it loses all
    three, which only a browser would show.
    """
    panel = cls()

    def walk(widget: widgets.Widget) -> Iterator[widgets.Widget]:
        yield widget
        for child in getattr(widget, "children", ()):
            yield from walk(child)

    found = [w for w in walk(panel) if isinstance(w, PanelFrontend)]
    assert len(found) == 1, f"{cls.__name__}: {len(found)} PanelFrontend widgets in the panel, expected 1"
    assert found[0].layout.display == "none", f"{cls.__name__}: the PanelFrontend is visible"


def _assert_immutable(value: Any, where: str) -> None:
    if value is None or isinstance(value, (str, bytes, numbers.Number, np.generic)):
        return
    if isinstance(value, tuple):
        for i, item in enumerate(value):
            _assert_immutable(item, f"{where}[{i}]")
        return
    if isinstance(value, np.ndarray):
        assert not value.flags.writeable, f"{where} is a writeable array"
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        assert value.__dataclass_params__.frozen, (
            f"{where} ({type(value).__name__}) is not a frozen dataclass"
        )
        for field in dataclasses.fields(value):
            _assert_immutable(getattr(value, field.name), f"{where}.{field.name}")
        return
    raise AssertionError(f"{where} is a mutable {type(value).__name__}")


def check_results_are_immutable(cls: PanelClass) -> None:
    """The result is a frozen dataclass of immutable values that compares safely with a copy."""
    panel = cls()
    result = panel.result
    assert dataclasses.is_dataclass(result), f"{cls.__name__}.result is a {type(result).__name__}"
    _assert_immutable(result, "result")
    equal = result == copy.deepcopy(result)
    assert equal is True, f"{cls.__name__}.result does not compare equal to its copy (got {equal!r})"


def check_describe_has_no_side_effects(cls: PanelClass) -> None:
    """Describing a result twice gives the same lines and changes nothing in the panel."""
    panel = cls()
    before, state, params = _snapshot(panel), panel.state, dict(panel.params)
    first, second = panel._describe(panel.result), panel._describe(panel.result)
    assert tuple(first) == tuple(second), f"{cls.__name__}._describe gave different lines the second time"
    assert _snapshot(panel) == before and panel.state is state and dict(panel.params) == params


def check_no_silent_redraws(cls: PanelClass) -> None:
    """A refresh with nothing changed re-encodes nothing; no view leaves its figure stale after an update."""
    panel = cls()
    renderers = [r for r in panel._renderers if r is not None]  # widget views have none
    counts = [(r.full_redraws, r.encodes) for r in renderers]
    images = [bytes(image.value) for image in panel.images]
    panel._refresh()
    assert [(r.full_redraws, r.encodes) for r in renderers] == counts, "an unchanged refresh drew again"
    assert [bytes(image.value) for image in panel.images] == images
    for renderer, picture in zip(panel._renderers, panel._pictures):
        if renderer is None:
            continue
        renderer.view.update(picture)
        assert not renderer.figure.stale, (
            f"{type(renderer.view).__name__}.update with the same picture marked the figure stale: "
            "it sets a static artist every time, so every frame would be a full redraw"
        )
        assert renderer.render() is None, f"{type(renderer.view).__name__}: the same picture gave new pixels"


def check_seed_reproduces_runs(cls: PanelClass) -> None:
    """For a stochastic panel: the same seed gives the same run; "New run" moves to the next seed in view."""
    if not cls.stochastic:
        assert "seed" not in cls._declared and "new_run" not in cls().controls
        return
    a, b = cls(seed=7), cls(seed=7)
    assert a.result == b.result and [bytes(i.value) for i in a.images] == [bytes(i.value) for i in b.images]
    a.controls["new_run"].click()
    assert a.params["seed"] == 8 and a.controls["seed"].value == 8


def check_random_walk(cls: PanelClass, steps: int = 60, seed: int = 2024) -> None:
    """Random valid changes and clicks, as from a browser and with echoes, never break the panel."""
    rng = np.random.default_rng(seed)
    panel = cls()
    names = sorted(panel.controls)
    for _ in range(steps):
        name = names[rng.integers(len(names))]
        control = panel.controls[name]
        if isinstance(control, widgets.Button):
            control.click()
        else:  # as a student does it: sliders send values on their step grid
            values = _valid_values(cls._declared[name])
            control.value = values[rng.integers(len(values))]
            if isinstance(control, widgets.FloatSlider):
                from_browser(control, _slider_echo(control))
        _assert_healthy(panel, f"{cls.__name__}: random walk at {name}")
        _assert_echo_changes_nothing(panel, f"{cls.__name__}: random walk at {name}")


PANEL_CHECKS: tuple[Callable[[PanelClass], None], ...] = (
    check_declarations,
    check_keywords,
    check_controls_through_their_range,
    check_buttons_in_every_order,
    check_banner_and_recovery,
    check_summary,
    check_static_fallback,
    check_browser_side,
    check_results_are_immutable,
    check_describe_has_no_side_effects,
    check_no_silent_redraws,
    check_seed_reproduces_runs,
    check_random_walk,
)
"""Every contract check, in the order :func:`check_panel` runs them."""


def check_panel(cls: PanelClass) -> None:
    """Run every contract check on ``cls``; raise ``AssertionError`` at the first failure."""
    for check in PANEL_CHECKS:
        check(cls)
