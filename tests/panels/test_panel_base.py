"""The panel base carries every later panel's shape without special cases.

``StepPanel`` is a test-only panel with two figures, an HTML table beside them, step-through
buttons and a computation that reports progress: the shapes of the BB84 step-through table,
the repeater chain and the rate-vs-distance curves.
"""

from dataclasses import dataclass

import ipywidgets as widgets
import pytest

from qwidgets.errors import InvalidValueError
from qwidgets.panels.base import Panel
from qwidgets.plots import PngRenderer, new_figure


@dataclass(frozen=True)
class Steps:
    step: int
    values: tuple[int, ...]


class StepPanel(Panel):
    title = "Steps"

    def __init__(self, *, step=0):
        self.progress_seen = []
        self.computed = 0
        self.table = widgets.HTML()
        figures = [new_figure(2, 2, dpi=50), new_figure(2, 2, dpi=50)]
        self.lines = [fig.add_subplot().plot([0], [0])[0] for fig in figures]
        for fig in figures:
            fig.axes[0].set_xlim(0, 5)
            fig.axes[0].set_ylim(0, 30)
        step_box = widgets.BoundedIntText(value=0, min=0, max=5, description="Step")
        previous, following = widgets.Button(description="Previous"), widgets.Button(description="Next")
        previous.on_click(self._action(lambda: setattr(step_box, "value", step_box.value - 1)))
        following.on_click(self._action(lambda: setattr(step_box, "value", step_box.value + 1)))
        failing = widgets.Button(description="Fail")
        failing.on_click(self._action(self._fail))
        super().__init__(
            controls={"step": step_box, "previous": previous, "next": following, "fail": failing},
            renderers=[PngRenderer(fig, [line]) for fig, line in zip(figures, self.lines)],
            initial={"step": step},
            side=[self.table],
        )

    def _fail(self):
        raise RuntimeError("boom")

    def _compute(self):
        self.computed += 1
        step = self.controls["step"].value
        if step == 4:
            raise InvalidValueError("step", step, "not 4 (a test of the banner)")
        if step == 5:
            raise ZeroDivisionError("an unforeseen bug")
        for i in range(3):
            self._report_progress((i + 1) / 3)
            self.progress_seen.append(self.progress.value)
        return Steps(step, tuple(range(step + 1)))

    def _draw(self, result):
        self.lines[0].set_data(result.values, result.values)
        self.lines[1].set_data(result.values, [v * v for v in result.values])
        self.table.value = "<table>" + "".join(f"<tr><td>{v}</td></tr>" for v in result.values) + "</table>"

    def _describe(self, result):
        return f"Step {result.step} of 5."


def test_two_figures_and_a_side_table_all_update():
    panel = StepPanel()
    first = [bytes(image.value) for image in panel.images]
    assert len(panel.images) == 2 and panel.image is panel.images[0]
    assert panel.table.value.count("<tr>") == 1
    panel.controls["next"].click()
    assert [bytes(image.value) for image in panel.images] != first
    assert all(bytes(a.value) != b for a, b in zip(panel.images, first))
    assert panel.table.value.count("<tr>") == 2
    assert panel.summary.value.endswith("Step 1 of 5.</span>")
    assert panel.table in panel.children[-2].children  # beside the figures


def test_step_buttons_walk_and_clamp():
    panel = StepPanel(step=1)
    panel.controls["previous"].click()
    panel.controls["previous"].click()
    assert panel.controls["step"].value == 0
    assert panel.result.step == 0


def test_progress_is_reported_then_hidden():
    panel = StepPanel()
    assert panel.progress_seen[-3:] == pytest.approx([1 / 3, 2 / 3, 1.0])
    assert panel.progress.layout.display == "none"


def test_named_error_shows_in_banner_and_panel_recovers():
    panel = StepPanel(step=3)
    images = [bytes(image.value) for image in panel.images]
    panel.controls["step"].value = 4
    assert panel.error == "step must be not 4 (a test of the banner); got 4"
    assert panel.banner.layout.display is None and "role='alert'" in panel.banner.value
    assert [bytes(image.value) for image in panel.images] == images
    assert panel.result.step == 3 and panel.summary.value.endswith("Step 3 of 5.</span>")
    panel.controls["step"].value = 2
    assert panel.error is None and panel.banner.layout.display == "none"
    assert panel.result.step == 2


def test_unexpected_errors_are_caught_and_labelled_as_bugs():
    panel = StepPanel()
    panel.controls["step"].value = 5
    assert panel.error.startswith("Unexpected ZeroDivisionError: an unforeseen bug")
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
        panel.controls["step"].value = 1
        panel.controls["step"].value = 2
    assert panel.computed == count + 1 and panel.result.step == 2


@pytest.mark.parametrize(("keywords", "match"), [({"step": 9}, "step must be from 0 to 5")])
def test_constructor_checks_values_against_the_control(keywords, match):
    with pytest.raises(ValueError, match=match):
        StepPanel(**keywords)


def test_constructor_error_from_the_physics_is_raised_not_bannered():
    with pytest.raises(InvalidValueError, match="step must be not 4"):
        StepPanel(step=4)


def test_layout_order():
    panel = StepPanel()
    kinds = [type(child).__name__ for child in panel.children]
    assert kinds[0] == "HTML"  # title
    assert panel.banner in panel.children and panel.progress in panel.children
    assert panel.children[-1] is panel.summary
    assert "qwidgets-panel" in panel._dom_classes
