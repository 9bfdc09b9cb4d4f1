"""Each lesson in a real browser: JupyterLab + headless Chromium, Run All, widgets work.

Per lesson (run once, then checked by the tests below, in order):
1. every code cell ran and none shows an error output;
2. every widget rendered (no "Error displaying widget" / "Loading widget...") and there is one
   ``.qwidgets-panel`` per panel cell of the notebook, each with its pictures;
3. in every panel, the arrow keys on its first enabled slider change a picture; on the first
   QubitPanel, ArrowRight on the focused theta handle changes picture and summary;
4. then "Reset to |0>" and the gate "X": the summary reports |1> (z = -1.00), new picture;
5. then H and eight T gates, each click answered by the browser's rounded slider echoes: the
   summary is exactly the one after H (eight T gates are a full turn, on screen too);
6. on the first LinkPanel, ArrowRight on the focused distance handle moves the cursor 1 km:
   the summary and the table read the curves at the new distance;
7. on the first TeleportationPanel, "Start over" then "Next step" clicks walk through the five steps
   (summary and pictures change at each), "Back" goes one step back.

Checks 1 to 3 are shared with Notebook 7 (``lesson_checks.py``, ``test_lessons_in_notebook7.py``).

Run: ``.venv/bin/python -m pytest tests/browser -q -p no:cacheprovider``
"""

from __future__ import annotations

import math
import re

import lesson_checks as checks
import pytest

from qwidgets.testing import jupyterlab as drv

UPDATE_TIMEOUT_S = checks.UPDATE_TIMEOUT_S
NORTH_POLE = re.compile(r"\(x, y, z\) = \(0\.00, 0\.00, 1\.00\)")
SOUTH_POLE = re.compile(r"\(x, y, z\) = \(0\.00, 0\.00, -1\.00\)")


def _theta(view: drv.PanelView) -> float:
    return view.readout("θ")


def _click_and_settle(view: drv.PanelView, label: str) -> str:
    """Click a button; return the summary once it (and the echoes after it) settled."""
    before = view.text()
    view.button(label).click()
    checks.changed(view.text, before)
    return drv.wait_stable(view.text)


def test_all_cells_run_without_errors(lesson_run):
    checks.all_cells_ran_without_errors(lesson_run)


def test_widgets_render(lesson_run, lessons_copy):
    checks.widgets_render(lesson_run, lessons_copy / lesson_run.name)


def test_a_slider_key_changes_a_picture_in_every_panel(lesson_run):
    checks.slider_keys_change_a_picture_in_every_panel(lesson_run)


def test_qubit_slider_key_changes_picture(lesson_run):
    checks.qubit_theta_key_changes_picture(lesson_run)


def test_qubit_gate_button_changes_picture(lesson_run):
    view = checks.qubit_panel(lesson_run)
    view.button("Reset to |0⟩").click()
    assert drv.wait_until(lambda: NORTH_POLE.search(view.text()), UPDATE_TIMEOUT_S), (
        f"after 'Reset to |0⟩' the summary does not say z = 1.00: {view.text()!r}"
    )
    drv.wait_until(lambda: _theta(view) == 0.0, UPDATE_TIMEOUT_S)
    src0, text0 = view.src(), view.text()
    view.button("X").click()
    assert drv.wait_until(lambda: SOUTH_POLE.search(view.text()), UPDATE_TIMEOUT_S), (
        f"after X on |0⟩ the summary does not say z = -1.00: {view.text()!r}"
    )
    text = view.text()
    assert text != text0 and "P(|1⟩) = 1.000" in text, text
    assert checks.changed(view.src, src0), "after X the picture did not change"
    assert drv.wait_until(lambda: abs(_theta(view) - math.pi) < 0.006, UPDATE_TIMEOUT_S), (
        f"after X the theta readout is {_theta(view)}, not π"
    )


def test_qubit_eight_t_gates_are_a_full_turn_on_screen(lesson_run):
    """The issue's bug: the browser echoed phi rounded to 0.01 and H + 8 T ended at phi = 0.03."""
    view = checks.qubit_panel(lesson_run)
    view.button("Reset to |0⟩").click()
    assert drv.wait_until(lambda: NORTH_POLE.search(view.text()), UPDATE_TIMEOUT_S), view.text()
    after_h = _click_and_settle(view, "H")
    assert "State |+⟩" in after_h, after_h
    phis = []
    for _ in range(8):
        _click_and_settle(view, "T")
        phis.append(view.readout("φ"))
    assert phis == pytest.approx([0.79, 1.57, 2.36, 3.14, 3.93, 4.71, 5.50, 0.0], abs=0.006), phis
    assert view.text() == after_h, f"after H and eight T:\n{view.text()}\nafter H:\n{after_h}"


def test_link_distance_key_moves_the_readout(lesson_run):
    nb = lesson_run.require()
    panels = nb.panels(drv.LINK_PANEL_TITLE)
    if panels.count() == 0:
        pytest.fail(f"{lesson_run.name}: no LinkPanel ('{drv.LINK_PANEL_TITLE}') on the page")
    view = drv.PanelView(panels.first)
    start = view.readout("Distance")
    key, step = ("ArrowRight", 1) if start < 1000 else ("ArrowLeft", -1)
    src0 = view.src()
    view.focus("Distance")
    nb.page.keyboard.press(key)
    moved = f"{start + step:,.0f}"
    assert drv.wait_until(lambda: view.text().startswith(f"At {moved} km"), UPDATE_TIMEOUT_S), (
        f"{key} on the distance handle at {start:.0f} km: the summary reads {view.text()!r}"
    )
    assert f"At {moved} km" in view.tables(), view.tables()
    assert view.readout("Distance") == start + step
    assert checks.changed(view.src, src0), "the cursor moved but the picture did not change"


def test_teleport_next_step_clicks_walk_through_the_protocol(lesson_run):
    nb = lesson_run.require()
    panels = nb.panels(drv.TELEPORT_PANEL_TITLE)
    if panels.count() == 0:
        pytest.fail(f"{lesson_run.name}: no TeleportationPanel ('{drv.TELEPORT_PANEL_TITLE}') on the page")
    view = drv.PanelView(panels.first)
    view.button("Start over").click()
    assert drv.wait_until(lambda: view.text().startswith("Step 1 of 5"), UPDATE_TIMEOUT_S), view.text()
    for step in range(2, 6):
        pictures, text = view.srcs(), view.text()
        view.button("Next step").click()
        heading = f"Step {step} of 5"
        assert drv.wait_until(lambda h=heading: view.text().startswith(h), UPDATE_TIMEOUT_S), (
            f"after {step - 1} clicks on 'Next step' the summary reads {view.text()!r}"
        )
        assert view.text() != text
        assert checks.changed(view.srcs, pictures), f"step {step}: no picture changed"
    assert "fidelity" in view.text(), view.text()
    view.button("Back").click()
    assert drv.wait_until(lambda: view.text().startswith("Step 4 of 5"), UPDATE_TIMEOUT_S), view.text()
