"""The course as apps: every lesson in Voila, and one panel full-page (``python -m qwidgets.app``).

In headless Chromium (the session's ``chromium`` fixture) against ONE Voila server on a copy of
the lessons (``conftest.py``), for every lesson:

1. every panel cell shows its panel (as many ``.qwidgets-panel`` as
   ``expected_panels``), each with its pictures, and no widget says "Error displaying widget";
2. no code is shown (Voila strips the sources) and no cell failed;
3. a control changes a picture: the arrow keys on a slider of the first panel that has one
   (lesson 01: the θ slider of its QubitPanel), or else a click on one of its buttons.

And ``python -m qwidgets.app eavesdropper --no-browser`` end to end: its page shows exactly one
panel, which reacts to a key, and stopping the command removes its notebook. Unit tests cover
the panel names and the notebook the command writes.

Run: ``.venv/bin/python -m pytest tests/voila -q -p no:cacheprovider`` (add ``-s`` for the timings
as they come; they are printed at the end anyway).
"""

from __future__ import annotations

import nbformat
import pytest

import qwidgets
from qwidgets import app
from qwidgets.panels.base import Panel
from qwidgets.testing import jupyterlab as drv

CHANGE_TIMEOUT_S = 5.0
CODE_SELECTOR = ".jp-CodeCell .jp-InputArea, .jp-CodeCell .jp-InputPrompt, .cm-editor, .CodeMirror"
STDERR_SELECTOR = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'


# -- names and the notebook of the single-panel app ----------------------------------------------
def test_every_exported_panel_has_a_short_name():
    exported = {
        name
        for name in qwidgets.__all__
        if isinstance(getattr(qwidgets, name), type)
        and issubclass(getattr(qwidgets, name), Panel)
        and name != "Panel"
    }
    names = app.panel_names()
    assert set(names.values()) == exported
    assert len(names) == len(exported), "two panels share a short name"
    assert {
        "eavesdropper": "EavesdropperPanel",
        "bell_pair": "BellPairPanel",
        "bb84": "BB84Panel",
        "chsh": "CHSHPanel",
        "e91": "E91Panel",
        "network_builder": "NetworkBuilderPanel",
        "trusted_node": "TrustedNodePanel",
    }.items() <= names.items()
    for short, cls in names.items():
        assert app.panel_class(short) == cls
        assert app.panel_class(cls) == cls
    assert app.panel_class("Bell-Pair") == "BellPairPanel"


@pytest.mark.parametrize("bad", ["nope", "", "Panel", "eaves dropper", 3])
def test_an_unknown_panel_is_refused_with_the_valid_names(bad):
    with pytest.raises(ValueError, match=r"panel must be one of bb84, bell_pair, .*eavesdropper"):
        app.panel_class(bad)


@pytest.mark.parametrize("bad", ["Eavesdropper", "Panel", "panel"])
def test_short_name_needs_a_panel_class_name(bad):
    with pytest.raises(ValueError, match="class_name must be a panel class name"):
        app.short_name(bad)


def test_the_command_line_lists_the_panels_on_an_unknown_name(capsys):
    with pytest.raises(SystemExit) as exit_info:
        app.main(["nope"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "panel must be one of" in err and "eavesdropper" in err and "'nope'" in err


def test_the_app_notebook_is_one_cell_that_shows_the_panel(tmp_path):
    path = app.write_panel_notebook("eavesdropper", tmp_path)
    assert path == tmp_path / "eavesdropper.ipynb"
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    assert [c.cell_type for c in nb.cells] == ["code"]
    source = nb.cells[0].source
    assert source == "from qwidgets import EavesdropperPanel\n\nEavesdropperPanel()"
    assert drv.expected_panels(path) == 1
    namespace: dict = {}
    *body, last = source.splitlines()
    exec("\n".join(body), namespace)
    assert isinstance(eval(last, namespace), qwidgets.EavesdropperPanel)


def test_voila_server_refuses_bad_arguments(tmp_path):
    with pytest.raises(ValueError, match="path must be an existing notebook or folder"):
        app.VoilaServer(tmp_path / "missing.ipynb")
    with pytest.raises(ValueError, match="port must be an integer from 0 to 65535"):
        app.VoilaServer(tmp_path, port=70000)


# -- every lesson as an app -------------------------------------------------------------------
def test_every_panel_renders(lesson_app):
    page = lesson_app.require()
    expected = lesson_app.expected
    assert expected >= 1, f"{lesson_app.name}: no panel cell found in the notebook"
    problems = page.get_by_text("Error displaying widget").count()
    assert problems == 0, f"{lesson_app.name}: {problems} widget(s) show 'Error displaying widget'"
    srcs = lesson_app.pictures()
    assert len(srcs) == expected, (
        f"{lesson_app.name}: {len(srcs)} .qwidgets-panel elements in Voila, expected {expected} "
        "(one per panel cell)"
    )
    blank = [i for i, s in enumerate(srcs) if not s or not all(x.startswith(("blob:", "data:")) for x in s)]
    assert not blank, f"{lesson_app.name}: panels {blank} (0-based) show no picture"


def test_no_code_and_no_error_is_shown(lesson_app):
    page = lesson_app.require()
    code = page.locator(CODE_SELECTOR).count()
    assert code == 0, f"{lesson_app.name}: {code} code input(s) shown in Voila"
    assert "from qwidgets import" not in page.inner_text("body"), f"{lesson_app.name}: source code shown"
    errors = [t for t in page.locator(STDERR_SELECTOR).all_inner_texts() if "Traceback" in t or "Error" in t]
    assert not errors, f"{lesson_app.name}: a cell failed in Voila:\n{errors[0][:2000]}"
    assert page.get_by_text("There was an error when executing cell").count() == 0


def _pictures(panel) -> list[str]:
    return panel.locator("img.widget-image").evaluate_all("els => els.map(e => e.src)")


def _a_control_changes_a_picture(page, panel) -> str | None:
    """Arrow keys on an enabled slider, else a click on a button: the control that changed a picture."""
    sliders = panel.locator(".widget-slider").filter(has=page.locator(".noUi-target:not([disabled])"))
    for k in range(sliders.count()):
        slider = sliders.nth(k)
        before = _pictures(panel)
        slider.scroll_into_view_if_needed()
        slider.locator(".noUi-handle").first.click()
        for key in ("ArrowRight", "ArrowLeft", "ArrowLeft"):  # at the end of the range: go back
            page.keyboard.press(key)
            if drv.wait_until(lambda b=before: _pictures(panel) != b, CHANGE_TIMEOUT_S):
                return f"{key} on slider {slider.locator('.widget-label').first.inner_text()!r}"
    buttons = panel.locator("button:not([disabled])")  # buttons and toggle buttons
    for k in range(buttons.count()):
        before = _pictures(panel)
        buttons.nth(k).click()
        if drv.wait_until(lambda b=before: _pictures(panel) != b, CHANGE_TIMEOUT_S):
            return f"a click on {buttons.nth(k).inner_text()!r}"
    return None


def test_a_control_changes_a_picture(lesson_app):
    """In the first panel that has an enabled control (lesson 01: the QubitPanel's θ slider)."""
    page = lesson_app.require()
    panels = page.locator(".qwidgets-panel")
    assert panels.count() >= 1, f"{lesson_app.name}: no panel"
    how = _a_control_changes_a_picture(page, panels.first)
    assert how, f"{lesson_app.name}: no slider key or button click changed the first panel's picture"
    if lesson_app.name.startswith("01_"):
        assert how.startswith("ArrowRight on slider 'θ"), f"01: the θ key did not move the picture ({how})"


# -- one panel full-page: python -m qwidgets.app -----------------------------------------------
def test_single_panel_app_end_to_end(panel_app):
    page = panel_app.app.require()
    assert panel_app.line.startswith("EavesdropperPanel at "), panel_app.line
    assert panel_app.notebook.name == "eavesdropper.ipynb" and panel_app.notebook.is_file()
    assert panel_app.app.all_pictured(), f"the panel shows no picture: {panel_app.app.pictures()}"
    assert page.locator(".qwidgets-panel").count() == 1
    assert page.locator(CODE_SELECTOR).count() == 0
    assert page.get_by_text("Error displaying widget").count() == 0
    how = _a_control_changes_a_picture(page, page.locator(".qwidgets-panel").first)
    assert how, "no control of the EavesdropperPanel changed its picture"
    code = panel_app.stop()
    assert code == 0, f"python -m qwidgets.app exited with {code} on SIGTERM"
    assert not panel_app.notebook.parent.exists(), f"{panel_app.notebook.parent} was not removed at exit"
