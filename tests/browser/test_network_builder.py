"""NetworkBuilderPanel in a real browser: build a network by typing and clicking, read its stage.

JupyterLab + headless Chromium (the driver of :mod:`qwidgets.testing.jupyterlab`, the server and
browser fixtures of ``conftest.py``). A notebook with one cell, ``NetworkBuilderPanel(preset=
"(empty)")``, is written beside the copied lessons and run. Then, as a student would: type two
names and press "Add node" twice, type a length, choose the link's ends in the menus, press "Add
link", and the panel says "stage 1 (prepare and measure)" (Wehner, Elkouss & Hanson, Science 362,
eaam9288, 2018: two end nodes that prepare and measure, nobody in between); tick "heralded
entanglement" for both nodes and it says "stage 2 (entanglement distribution)". No widget may show
"Error displaying widget", and no error may appear in the banner. Screenshots of the built
network at 1280 x 800 and 800 x 900 are saved in the test's tmp dir (their paths are printed).

Run: ``.venv/bin/python -m pytest tests/browser/test_network_builder.py -q -p no:cacheprovider``
"""

from __future__ import annotations

import re

import nbformat
import pytest

from qwidgets.testing import jupyterlab as drv

NOTEBOOK = "network_builder_in_the_browser.ipynb"
TITLE = "Build a quantum network"
UPDATE_TIMEOUT_S = 10.0


@pytest.fixture
def notebook(chromium, lessons_copy, request):
    """The one-cell notebook, open and run in JupyterLab; the page is closed afterwards."""
    if isinstance(chromium, Exception):
        pytest.fail(str(chromium), pytrace=False)
    cell = nbformat.v4.new_code_cell(
        'from qwidgets import NetworkBuilderPanel\nNetworkBuilderPanel(preset="(empty)")'
    )
    kernel = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    notebook = nbformat.v4.new_notebook(cells=[cell], metadata={"kernelspec": kernel})  # no kernel dialog
    nbformat.write(notebook, lessons_copy / NOTEBOOK)
    server = request.getfixturevalue("lab_server")
    context = chromium.new_context(viewport=drv.VIEWPORT)
    nb = drv.LabNotebook(context.new_page(), server, NOTEBOOK)
    try:
        nb.open()
        nb.run_all()
        nb.wait_execution_done(90.0)
        yield nb
    finally:
        context.close()
        server.shutdown_sessions(NOTEBOOK)


def _labelled(panel, kind: str, label: str):
    """The widget of class ``widget-<kind>`` whose label reads ``label`` exactly."""
    exact = re.compile(rf"^\s*{re.escape(label)}\s*$")
    return (
        panel.locator(f".widget-{kind}").filter(has=panel.page.locator(".widget-label", has_text=exact)).first
    )


def _tick(panel, label: str):
    """The check box whose description reads ``label``."""
    return panel.locator(".widget-checkbox").filter(has_text=label).first.locator("input[type=checkbox]")


def _report(panel) -> str:
    return panel.locator(".qwidgets-stage-report").first.inner_text()


def _wait_for(view: drv.PanelView, words: str, what: str) -> None:
    assert drv.wait_until(lambda: words in view.text(), UPDATE_TIMEOUT_S), (
        f"after {what} the summary does not say {words!r}: {view.text()!r}"
    )


def _no_error(panel) -> None:
    banner = panel.locator("[role=alert]")
    assert banner.count() == 0 or not banner.first.is_visible(), banner.first.inner_text()


def test_build_two_nodes_and_a_link_then_tick_heralded_entanglement(notebook, tmp_path):
    nb = notebook
    assert drv.wait_until(lambda: nb.panels(TITLE).count() == 1, 20.0), "no NetworkBuilderPanel on the page"
    panel = nb.panels(TITLE).first
    view = drv.PanelView(panel)
    _wait_for(view, "0 nodes, 0 links", "loading")
    assert "No stage yet" in _report(panel)

    name = _labelled(panel, "text", "New node").locator("input")
    for count, node in enumerate(("Alice", "Bob"), start=1):
        name.fill(node)
        view.button("Add node").click()
        _wait_for(view, f"{count} node{'s' if count > 1 else ''}, 0 links", f"adding {node}")
    assert drv.wait_until(lambda: name.input_value() == "", UPDATE_TIMEOUT_S), "the name box was not cleared"

    length = _labelled(panel, "text", "Length (km)").locator("input")
    length.fill("50")
    length.press("Enter")
    _labelled(panel, "dropdown", "Link from").locator("select").select_option(label="Alice")
    _labelled(panel, "dropdown", "to").locator("select").select_option(label="Bob")
    src = view.src()
    view.button("Add link").click()
    _wait_for(view, "2 nodes, 1 link: ", "Add link")
    _wait_for(view, "stage 1 (prepare and measure)", "a 50 km fibre between Alice and Bob")
    assert "Stage 1: prepare and measure" in _report(panel)
    assert drv.wait_until(lambda: view.src() != src, UPDATE_TIMEOUT_S), "the map did not change"
    _no_error(panel)

    heralded = _tick(panel, "heralded entanglement")
    heralded.check()  # Bob, the node added last, is selected
    assert drv.wait_until(lambda: "Bob (end node): prepares and measures, heralded" in _report(panel), 10.0)
    assert "stage 1 (prepare and measure)" in view.text()  # Alice still lacks it: every pair counts
    _labelled(panel, "dropdown", "Selected node").locator("select").select_option(label="Alice")
    assert drv.wait_until(lambda: not heralded.is_checked(), UPDATE_TIMEOUT_S), "Alice's box shows Bob's tick"
    heralded.check()
    _wait_for(view, "stage 2 (entanglement distribution)", "ticking heralded entanglement for both")
    assert "Stage 2: entanglement distribution" in _report(panel)
    _no_error(panel)
    assert nb.widget_problems() == {"Error displaying widget": 0, "Loading widget...": 0}
    assert not nb.error_outputs()

    for width, height in ((1280, 800), (800, 900)):
        nb.page.set_viewport_size({"width": width, "height": height})
        panel.scroll_into_view_if_needed()
        shot = tmp_path / f"network_builder_{width}x{height}.png"
        nb.page.screenshot(path=str(shot))
        print(f"screenshot: {shot}")
