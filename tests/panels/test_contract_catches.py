"""The contract suite can fail: each check catches the fault it is there for.

``Good`` is a minimal correct panel; each ``Bad*`` class breaks one rule of the contract, the
way a hurried panel would, and the matching check must reject it.
"""

from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
import pytest

from qwidgets.panels.base import Panel
from qwidgets.panels.frontend import PanelFrontend
from qwidgets.panels.parameters import Integer, Number
from qwidgets.plots import new_figure
from qwidgets.testing.contract import (
    PANEL_CHECKS,
    check_browser_side,
    check_controls_through_their_range,
    check_declarations,
    check_describe_has_no_side_effects,
    check_keywords,
    check_no_silent_redraws,
    check_results_are_immutable,
    check_seed_reproduces_runs,
    check_static_fallback,
)


@dataclass(frozen=True)
class Level:
    gain: float
    noise: float


class Bar:
    def __init__(self):
        self.figure = new_figure(1.5, 1.5)
        ax = self.figure.add_subplot()
        ax.set_ylim(0, 2.5)
        (self.line,) = ax.plot([0, 1], [0, 0])
        (self.static,) = ax.plot([0, 1], [1, 1])

    @property
    def dynamic(self):
        return (self.line,)

    def update(self, picture):
        self.line.set_ydata([picture, picture])


class Good(Panel):
    """A level that follows a gain, plus sampled noise."""

    title = "Good"
    stochastic = True
    parameters = (Number("gain", "gain", 1.0, "how high", low=0.0, high=2.0, step=0.01),)

    def _setup(self):
        return (Bar(),)

    def _compute(self, *, gain, seed):
        return Level(gain, float(np.random.default_rng(seed).normal(scale=0.01)))

    def _draw(self, result):
        return (round(result.gain + result.noise, 6),)

    def _describe(self, result):
        return (f"Level {result.gain:.3f}.",)


class BadStateInSliders(Good):
    """Reads the slider, not the exact value: the browser's rounded echo moves the result."""

    def _compute(self, *, gain, seed):
        return super()._compute(gain=self.controls["gain"].value, seed=seed)


class BadStaleView(Good):
    def _setup(self):
        view = Bar()
        original = view.update

        def update(picture):
            original(picture)
            view.static.set_color("C1")  # touches a static artist on every update

        view.update = update
        return (view,)


@dataclass(frozen=True)
class Listy:
    values: list


class BadMutableResult(Good):
    def _compute(self, *, gain, seed):
        return Listy([gain])

    def _draw(self, result):
        return (result.values[0],)

    def _describe(self, result):
        return ("A list.",)


class BadChattyDescribe(Good):
    def _describe(self, result):
        self.calls = getattr(self, "calls", 0) + 1
        return (f"Described {self.calls} times.",)


class BadNoTooltip(Good):
    parameters = (Number("gain", "gain", 1.0, "", low=0.0, high=2.0, step=0.01),)


class BadIgnoresSeed(Good):
    def _compute(self, *, gain, seed):
        return Level(gain, float(np.random.default_rng().normal(scale=0.01)))


class BadDeadControl(Good):
    parameters = (
        *Good.parameters,
        Number("unused", "unused", 0.0, "does nothing", low=0.0, high=1.0, step=0.1),
    )

    def _compute(self, *, gain, unused, seed):
        return super()._compute(gain=gain, seed=seed)


class BadRejectsItsRange(Good):
    parameters = (Integer("count", "count", 1, "how many", low=1, high=10),)

    def _compute(self, *, count, seed):
        if count > 5:
            raise ValueError("too many")
        return Level(float(count), 0.0)


class BadStaticFallback(Good):
    def _repr_mimebundle_(self, **kwargs):
        return widgets.VBox._repr_mimebundle_(self, **kwargs)  # the widget view only: an empty box elsewhere


class BadNoFrontend(Good):
    def _layout(self):
        return tuple(w for w in super()._layout() if not isinstance(w, PanelFrontend))


def test_a_correct_panel_passes_every_check():
    for check in PANEL_CHECKS:
        check(Good)


@pytest.mark.parametrize(
    ("panel_class", "check", "message"),
    [
        (BadStateInSliders, check_controls_through_their_range, "echo"),
        (BadStaleView, check_no_silent_redraws, "marked the figure stale"),
        (BadMutableResult, check_results_are_immutable, "mutable list"),
        (BadChattyDescribe, check_describe_has_no_side_effects, "different lines"),
        (BadNoTooltip, check_declarations, "label and a tooltip"),
        (BadIgnoresSeed, check_seed_reproduces_runs, None),
        (BadDeadControl, check_controls_through_their_range, "never changed a picture"),
        (BadRejectsItsRange, check_keywords, "raised ValueError"),
        (BadStaticFallback, check_static_fallback, "text/plain is not the summary"),
        (BadNoFrontend, check_browser_side, "0 PanelFrontend widgets"),
    ],
    ids=lambda value: getattr(value, "__name__", None),
)
def test_each_check_rejects_the_panel_that_breaks_its_rule(panel_class, check, message):
    with pytest.raises(AssertionError, match=message):
        check(panel_class)
