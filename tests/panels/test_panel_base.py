"""The panel base carries every later panel's shape without special cases.

``StepPanel`` is a test-only panel with two figures and an HTML table beside them, step-through
buttons, a stored float parameter and a computation that reports progress: the shapes of the
BB84 step-through table, the repeater chain and the rate-vs-distance curves. ``SpinPanel`` keeps
an exact state with two view parameters (an angle and a length), like the Bloch sphere's.
"""

import inspect
import math
from dataclasses import dataclass

import ipywidgets as widgets
import pytest

from qwidgets.errors import InvalidValueError, QWidgetsError
from qwidgets.panels.base import Panel, WidgetView
from qwidgets.panels.frontend import PanelFrontend
from qwidgets.panels.parameters import Action, Integer, Number
from qwidgets.plots import PngRenderer, new_figure
from qwidgets.testing import browser_echo, from_browser


@dataclass(frozen=True)
class Steps:
    step: int
    gain: float
    values: tuple[int, ...]


@dataclass(frozen=True)
class Curve:
    xs: tuple[float, ...]
    ys: tuple[float, ...]


class LineView:
    """The smallest figure view: one line."""

    def __init__(self):
        self.figure = new_figure(2, 2)
        ax = self.figure.add_subplot()
        ax.set_xlim(0, 5)
        ax.set_ylim(0, 30)
        (self.line,) = ax.plot([0], [0])

    @property
    def dynamic(self):
        return (self.line,)

    def update(self, picture):
        self.line.set_data(picture.xs, picture.ys)


class TableView:
    """A widget view: an HTML table."""

    def __init__(self):
        self.widget = widgets.HTML()

    def update(self, rows):
        self.widget.value = "<table>" + "".join(f"<tr><td>{v}</td></tr>" for v in rows) + "</table>"


class StepPanel(Panel):
    """Steps through a tiny computation."""

    title = "Steps"
    parameters = (
        Integer("step", "Step", 0, "which step", low=0, high=5),
        Number("gain", "Gain", 1.0, "how steep the second curve is", low=0.0, high=2.0, step=0.01),
    )
    actions = (
        Action("previous", "Previous", "one step back", "_move", (-1,)),
        Action("next", "Next", "one step on", "_move", (1,)),
        Action("fail", "Fail", "raise an unexpected error", "_fail"),
    )

    def _setup(self):
        self.progress_seen = []
        self.computed = 0
        self.table = TableView()
        return LineView(), LineView(), self.table

    def _move(self, delta):
        self._set_param("step", min(5, max(0, self.params["step"] + delta)))

    def _fail(self):
        raise RuntimeError("boom")

    def _compute(self, *, step, gain):
        self.computed += 1
        if step == 4:
            raise InvalidValueError("step", step, "not 4 (a test of the banner)")
        if step == 5:
            raise ZeroDivisionError("an unforeseen bug")
        for i in range(3):
            self._report_progress((i + 1) / 3)
            self.progress_seen.append(self.progress.value)
        return Steps(step, gain, tuple(range(step + 1)))

    def _draw(self, result):
        xs = tuple(float(v) for v in result.values)
        return Curve(xs, xs), Curve(xs, tuple(result.gain * v * v for v in xs)), result.values

    def _describe(self, result):
        return (f"Step {result.step} of 5.", f"Gain {result.gain}.")


@dataclass(frozen=True)
class Spin:
    angle: float
    length: float


class SpinPanel(Panel):
    """An exact state (a frozen dataclass) seen through two view parameters."""

    title = "Spin"
    parameters = (
        Number(
            "angle",
            "angle",
            0.0,
            "direction",
            low=0.0,
            high=2 * math.pi,
            step=0.01,
            unit="rad",
            periodic=True,
            view=True,
        ),
        Number("length", "length", 1.0, "length", low=0.0, high=1.0, step=0.01, view=True),
    )
    actions = (Action("turn", "Turn", "an eighth turn", "_turn"),)

    def _check_state(self, state):
        if not isinstance(state, Spin):
            raise InvalidValueError("state", state, "a Spin")
        return state

    def _views(self, state):
        return {"angle": None if state.length == 0 else state.angle, "length": state.length}

    def _state_from_views(self, *, angle, length):
        return Spin(angle, length)

    def _turn(self):
        self._set_state(Spin((self.state.angle + math.pi / 4) % (2 * math.pi), self.state.length))

    def _setup(self):
        return (LineView(),)

    def _compute(self):
        return self.state

    def _draw(self, result):
        return (Curve((0.0, math.cos(result.angle)), (0.0, result.length)),)

    def _describe(self, result):
        return (f"angle {result.angle:.6f}, length {result.length:.6f}",)


def pngs(panel):
    return [bytes(image.value) for image in panel.images]


def test_two_figures_and_a_table_view_all_update():
    panel = StepPanel()
    first = pngs(panel)
    assert len(panel.images) == 2 and panel.image is panel.images[0]
    assert isinstance(panel.table, WidgetView)
    assert panel.table.widget.value.count("<tr>") == 1
    panel.controls["next"].click()
    assert all(after != before for after, before in zip(pngs(panel), first))
    assert panel.table.widget.value.count("<tr>") == 2
    assert panel.summary_text == "Step 1 of 5.\nGain 1.0."
    (figure_row,) = [box for box in panel.children if panel.images[0] in getattr(box, "children", ())]
    assert list(figure_row.children) == [*panel.images, panel.table.widget]


def test_only_the_figure_whose_picture_changed_is_encoded():
    panel = StepPanel(step=3)
    first, second = panel._renderers[0], panel._renderers[1]
    before = (first.encodes, second.encodes)
    panel.controls["gain"].value = 1.5  # changes only the second curve
    assert (first.encodes, second.encodes) == (before[0], before[1] + 1)


def test_step_buttons_walk_and_clamp():
    panel = StepPanel(step=1)
    panel.controls["previous"].click()
    panel.controls["previous"].click()
    assert panel.params["step"] == 0 and panel.controls["step"].value == 0
    assert panel.result.step == 0


def test_a_stored_float_keeps_its_exact_value_through_browser_echoes():
    panel = StepPanel(gain=math.pi / 3)
    result = panel.result
    assert panel.params["gain"] == math.pi / 3
    browser_echo(panel)  # the slider sends back 1.05
    assert panel.controls["gain"].value == 1.05
    assert panel.params["gain"] == math.pi / 3 and panel.result is result
    panel.controls["gain"].value = 1.06  # a real move, one step on
    assert panel.params["gain"] == 1.06 and panel.result.gain == 1.06


def test_only_the_browser_echoes_a_value_set_in_python_is_taken_exactly():
    panel = StepPanel(gain=math.pi / 3)
    from_browser(panel.controls["gain"], 1.05)  # the browser's rounding of pi / 3: an echo
    assert panel.params["gain"] == math.pi / 3
    from_browser(panel.controls["gain"], 1.06)  # a step on: a real move
    assert panel.params["gain"] == 1.06
    panel.controls["gain"].value = 1.0612345  # Python: exact, even within half a step
    assert panel.params["gain"] == 1.0612345 and panel.result.gain == 1.0612345


def test_view_parameters_follow_the_exact_state_and_echoes_change_nothing():
    panel = SpinPanel()
    for _ in range(8):  # eight eighth turns: a full turn, each followed by the browser's echo
        panel.controls["turn"].click()
        assert panel.controls["angle"].value == pytest.approx(panel.state.angle)
        browser_echo(panel)
    assert panel.state.angle == pytest.approx(0.0, abs=1e-12)
    assert panel.summary_text == SpinPanel().summary_text


def test_moving_a_view_sets_the_state_and_undefined_views_keep_their_value():
    panel = SpinPanel()
    panel.controls["angle"].value = 1.25
    assert panel.state == Spin(1.25, 1.0)
    panel.controls["length"].value = 0.0
    assert panel.state == Spin(1.25, 0.0) and panel.controls["angle"].value == 1.25
    panel.controls["length"].value = 0.5  # the angle the slider kept is used again
    assert panel.state == Spin(1.25, 0.5)


def test_the_state_keyword_sets_the_exact_state_and_excludes_the_views():
    assert SpinPanel(state=Spin(0.123456789, 0.5)).state == Spin(0.123456789, 0.5)
    with pytest.raises(InvalidValueError, match="state must be given alone"):
        SpinPanel(state=Spin(0.1, 0.5), angle=0.2)
    with pytest.raises(InvalidValueError, match="state must be a Spin"):
        SpinPanel(state="up")
    with pytest.raises(TypeError, match="StepPanel got an unexpected keyword 'state'"):
        StepPanel(state=Spin(0.1, 0.5))


def test_progress_is_reported_then_hidden():
    panel = StepPanel()
    assert panel.progress_seen[-3:] == pytest.approx([1 / 3, 2 / 3, 1.0])
    assert panel.progress.layout.display == "none"


def test_named_error_shows_in_banner_and_panel_recovers():
    panel = StepPanel(step=3)
    images = pngs(panel)
    panel.controls["step"].value = 4
    assert panel.error == "step must be not 4 (a test of the banner); got 4"
    assert panel.banner.layout.display is None and "role='alert'" in panel.banner.value
    assert pngs(panel) == images
    assert panel.result.step == 3 and panel.summary_text.startswith("Step 3 of 5.")
    panel.controls["step"].value = 2
    assert panel.error is None and panel.banner.layout.display == "none"
    assert panel.result.step == 2


def test_an_invalid_input_keeps_the_banner_until_it_is_fixed():
    panel = StepPanel(step=2)
    result = panel.result
    panel.controls["step"].value = 9
    assert panel.error == "step must be an integer from 0 to 5; got 9"
    panel.controls["gain"].value = 0.5  # another change does not hide the invalid input
    assert panel.error.startswith("step must be") and panel.result is result
    panel.controls["next"].click()  # nor does a button: it waits
    assert panel.error == "Next waits until every input is valid: step must be an integer from 0 to 5; got 9"
    assert panel.params["step"] == 2
    panel.controls["step"].value = 2  # back to the valid value it had
    assert panel.error is None and panel.result.gain == 0.5


def test_unexpected_errors_are_caught_and_labelled_as_bugs():
    panel = StepPanel()
    panel.controls["step"].value = 5
    assert panel.error.startswith("Unexpected ZeroDivisionError: an unforeseen bug")
    panel.controls["step"].value = 1
    panel.controls["fail"].click()
    assert panel.error.startswith("Unexpected RuntimeError: boom")


def test_only_value_changes_refresh():
    panel = StepPanel()
    count = panel.computed
    panel.controls["step"].description = "Another label"
    assert panel.computed == count


def test_batched_changes_refresh_once():
    panel = StepPanel()
    count = panel.computed
    with panel._batched():
        panel._set_param("step", 1)
        panel._set_param("step", 2)
    assert panel.computed == count + 1 and panel.result.step == 2


@pytest.mark.parametrize(
    ("keywords", "error", "message"),
    [
        ({"step": 9}, ValueError, "step must be an integer from 0 to 5; got 9"),
        ({"step": 2.0}, TypeError, "step must be an integer from 0 to 5; got float 2.0"),
        ({"gain": 3.0}, ValueError, "gain must be a number from 0 to 2; got 3.0"),
        ({"gain": float("nan")}, ValueError, "gain must be a number from 0 to 2; got nan"),
        ({"gian": 1.0}, TypeError, "StepPanel got an unexpected keyword 'gian'; it takes step, gain"),
    ],
)
def test_constructor_checks_keywords_against_the_declarations(keywords, error, message):
    with pytest.raises(error) as info:
        StepPanel(**keywords)
    assert isinstance(info.value, QWidgetsError) and str(info.value) == message


def test_constructor_error_from_the_computation_is_raised_not_bannered():
    with pytest.raises(InvalidValueError, match="step must be not 4"):
        StepPanel(step=4)


def test_units_appear_in_messages():
    with pytest.raises(ValueError, match=r"angle must be a number from 0 to 6.28319 rad; got 7"):
        SpinPanel(angle=7)


def test_signature_and_docs_come_from_the_declarations():
    signature = inspect.signature(StepPanel)
    assert list(signature.parameters) == ["step", "gain"]
    assert signature.parameters["gain"].default == 1.0
    assert list(inspect.signature(SpinPanel).parameters) == ["angle", "length", "state"]
    assert (
        "gain : float, default 1.0\n    How steep the second curve is (a number from 0 to 2)."
        in StepPanel.__doc__
    )


def test_declaring_a_name_twice_is_refused():
    with pytest.raises(TypeError, match="declares these control names twice or reserved"):
        type(
            "Twice",
            (Panel,),
            {
                "parameters": (Integer("n", "n", 0, "n", low=0, high=1),),
                "actions": (Action("n", "n", "n", "_n"),),
            },
        )


def test_layout_order():
    panel = StepPanel()
    assert isinstance(panel.children[0], widgets.HTML) and "Steps" in panel.children[0].value
    assert panel.banner in panel.children and panel.progress in panel.children
    assert panel.children[-2] is panel.summary  # the last shown; then the hidden browser side
    assert isinstance(panel.children[-1], PanelFrontend) and panel.children[-1].layout.display == "none"
    assert "qwidgets-panel" in panel._dom_classes


def test_renderers_draw_the_figures_in_full_only_once():
    panel = StepPanel()
    for step in (1, 2, 3, 2, 1):
        panel.controls["step"].value = step
    assert all(isinstance(r, PngRenderer) and r.full_redraws == 1 for r in panel._renderers[:2])
