"""The checks every lesson passes in every front end (JupyterLab, Notebook 7), in one place.

A :class:`LessonRun` is a lesson opened in a front end and run with Run All (``conftest.py``
makes one per lesson and front end). The functions below take one and fail the test with a
message that names the lesson, the front end, the panel and what is wrong; the test modules
(``test_lessons_in_jupyterlab.py``, ``test_lessons_in_notebook7.py``) call them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest

from qwidgets.testing import jupyterlab as drv

WIDGET_TIMEOUT_S = 20.0
UPDATE_TIMEOUT_S = 10.0
KEY_TIMEOUT_S = 3.0  # from a key press that moved a handle to the new picture
HANDLE_TIMEOUT_S = 1.0  # from a key press to the handle's move, in the page

T = TypeVar("T")


@dataclass
class LessonRun:
    """A lesson opened in a front end and run with Run All (or why that was not possible)."""

    name: str
    front_end: str
    """The front end's name for people (``"JupyterLab"``, ``"Notebook 7"``)."""
    nb: drv.LabNotebook | None = None
    prompts: list[str] | None = None
    problem: str | None = None

    @property
    def label(self) -> str:
        """``"01_qubits.ipynb in Notebook 7"``: how failure messages name the run."""
        return f"{self.name} in {self.front_end}"

    def require(self) -> drv.LabNotebook:
        """The open notebook; the test fails with the reason when the lesson could not be run."""
        if self.problem:
            pytest.fail(self.problem, pytrace=False)
        return self.nb


def changed(get: Callable[[], T], old: T, timeout: float = UPDATE_TIMEOUT_S) -> bool:
    """Whether ``get()`` differs from ``old`` within ``timeout`` seconds."""
    return drv.wait_until(lambda: get() != old, timeout)


def pictures(panel: Any) -> list[str]:
    """The ``src`` of each picture of ``panel`` (a locator of one ``.qwidgets-panel``)."""
    return panel.locator("img.widget-image").evaluate_all("els => els.map(e => e.src)")


def panel_title(panel: Any) -> str:
    """The title a panel shows in bold at its top ("" if it has none)."""
    return panel.evaluate("p => p.querySelector('b')?.textContent.trim() ?? ''")


def qubit_panel(run: LessonRun) -> drv.PanelView:
    """The first QubitPanel of the lesson; the test fails if there is none."""
    panels = run.require().panels(drv.QUBIT_PANEL_TITLE)
    if panels.count() == 0:
        pytest.fail(f"{run.label}: no QubitPanel ('{drv.QUBIT_PANEL_TITLE}') on the page")
    return drv.PanelView(panels.first)


# -- the checks ----------------------------------------------------------------------------------
def all_cells_ran_without_errors(run: LessonRun) -> None:
    """Every code cell has an execution count and no cell shows an error output."""
    nb = run.require()
    errors = nb.error_outputs()
    assert not errors, (
        f"{run.label}: {len(errors)} cell(s) show an error output; the first:\n" + errors[0][:2000]
    )
    not_run = [i + 1 for i, p in enumerate(run.prompts) if not re.search(r"\d", p)]
    assert not not_run, (
        f"{run.label}: code cells {not_run} (1-based, code cells only) were not executed "
        f"by Run All; prompts {run.prompts}"
    )


def widgets_render(run: LessonRun, notebook: Path) -> None:
    """No widget error or placeholder, one ``.qwidgets-panel`` per panel cell, each with pictures."""
    nb = run.require()
    expected = drv.expected_panels(notebook)
    assert expected >= 1, f"{run.label}: no panel cell found in the notebook"
    drv.wait_until(
        lambda: nb.panels().count() >= expected and nb.widget_problems()["Loading widget..."] == 0,
        WIDGET_TIMEOUT_S,
    )
    problems = nb.widget_problems()
    assert problems == {"Error displaying widget": 0, "Loading widget...": 0}, (
        f"{run.label}: widgets not rendered: {problems}"
    )
    assert nb.panels().count() == expected, (
        f"{run.label}: {nb.panels().count()} .qwidgets-panel elements on the page, "
        f"expected {expected} (one per panel cell)"
    )
    sources = nb.page.eval_on_selector_all(
        ".jp-Notebook .qwidgets-panel",
        "els => els.map(p => [...p.querySelectorAll('img.widget-image')].map(i => i.src))",
    )
    shown = [bool(srcs) and all(src.startswith(("blob:", "data:")) for src in srcs) for srcs in sources]
    blank = [i for i, ok in enumerate(shown) if not ok]
    assert not blank, f"{run.label}: panels {blank} (0-based) show no picture"


def _keys_change_a_picture(page: Any, panel: Any, slider: Any) -> bool:
    """ArrowRight (ArrowLeft if the handle did not move: the end of its range) on ``slider``'s
    focused handle changes a picture of ``panel``."""
    before = pictures(panel)
    origin = slider.locator(".noUi-origin").first  # its style places the handle (any step moves it)
    slider.scroll_into_view_if_needed()
    slider.locator(".noUi-handle").first.click()
    for key in ("ArrowRight", "ArrowLeft"):
        place = origin.get_attribute("style")
        page.keyboard.press(key)
        if changed(lambda: origin.get_attribute("style"), place, HANDLE_TIMEOUT_S):
            break  # the handle moved (the page moves it at once); the new picture comes from the kernel
    return drv.wait_until(lambda: pictures(panel) != before, KEY_TIMEOUT_S)


def slider_keys_change_a_picture_in_every_panel(run: LessonRun) -> None:
    """In each panel, the arrow keys on one of its enabled sliders change a picture.

    (Not every slider must: at the centre of the Bloch sphere, say, the angles mean nothing.)
    """
    nb = run.require()
    panels = nb.panels()
    for index in range(panels.count()):
        panel = panels.nth(index)
        sliders = panel.locator(".widget-slider").filter(has=nb.page.locator(".noUi-target:not([disabled])"))
        if sliders.count() == 0:
            continue
        moved = any(_keys_change_a_picture(nb.page, panel, sliders.nth(k)) for k in range(sliders.count()))
        assert moved, (
            f"{run.label}: panel {index} ({panel_title(panel)!r}): the arrow keys on its sliders "
            "changed no picture"
        )


def qubit_theta_key_changes_picture(
    run: LessonRun, key: str | None = None, first: Callable[[drv.PanelView], None] | None = None
) -> drv.PanelView:
    """``key`` on the focused θ handle of the first QubitPanel moves the readout and changes the
    picture and the summary; returns the panel. By default ArrowRight (ArrowLeft at θ = π).

    ``first(panel)``, if given, runs right after the key press, before those checks."""
    nb = run.require()
    view = qubit_panel(run)
    src0, text0, theta0 = view.src(), view.text(), view.readout("θ")
    key = key or ("ArrowRight" if theta0 < math.pi - 0.005 else "ArrowLeft")  # at the end: go back
    view.focus("θ")
    nb.page.keyboard.press(key)
    if first is not None:
        first(view)
    where = f"{run.label}: QubitPanel"
    assert changed(lambda: view.readout("θ"), theta0), (
        f"{where}: {key} on the focused θ handle left the readout at {theta0}"
    )
    moved = f"θ {theta0} -> {view.readout('θ')}"
    assert changed(view.src, src0), f"{where}: {moved}: the picture did not change"
    assert changed(view.text, text0), f"{where}: {moved}: the summary did not change"
    return view
