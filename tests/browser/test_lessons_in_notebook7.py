"""Each lesson in a real browser: Notebook 7 + headless Chromium, Run All, widgets work.

The same lessons and checks as ``test_lessons_in_jupyterlab.py`` (``lesson_checks.py``), in
Notebook 7 (``jupyter notebook``, the ``notebook`` package pinned with the same JupyterLab), ONE
server for the session. Per lesson (run once, then checked by the tests below, in order):

1. every code cell ran and none shows an error output;
2. every widget rendered (no "Error displaying widget" / "Loading widget...") and there is one
   ``.qwidgets-panel`` per panel cell of the notebook, each with its pictures;
3. in every panel, the arrow keys on a focused slider handle change a picture;
4. on the first QubitPanel, ArrowRight on the focused θ handle moves the readout and changes
   picture and summary, and the focus stays on the handle. (The bug: Notebook 7's command-mode
   shortcut ``notebook:move-cursor-heading-below-or-expand`` took the key first and moved the
   focus to a markdown cell; ``qwidgets/panels/frontend.js`` lets the handle have it.)

Run: ``.venv/bin/python -m pytest tests/browser/test_lessons_in_notebook7.py -q -p no:cacheprovider``
"""

from __future__ import annotations

import lesson_checks as checks


def test_all_cells_run_without_errors(nb7_lesson_run):
    checks.all_cells_ran_without_errors(nb7_lesson_run)


def test_widgets_render(nb7_lesson_run, lessons_copy):
    checks.widgets_render(nb7_lesson_run, lessons_copy / nb7_lesson_run.name)


def test_a_slider_key_changes_a_picture_in_every_panel(nb7_lesson_run):
    checks.slider_keys_change_a_picture_in_every_panel(nb7_lesson_run)


# Where the focus is, for a failure message: the element, and the cell it is in.
_FOCUS_JS = """() => {
  const a = document.activeElement;
  if (!a || a === document.body) return 'the page itself';
  const cell = a.closest('.jp-Cell');
  const kind = cell?.classList.contains('jp-MarkdownCell') ? 'a markdown cell' : 'a code cell';
  const label = a.getAttribute('aria-label') || '';
  return `<${a.tagName.toLowerCase()} class="${a.className}"> ${label} in ${cell ? kind : 'no cell'}`;
}"""


def test_qubit_theta_arrow_key_moves_the_readout_and_keeps_the_focus(nb7_lesson_run):
    """The issue's bug: ArrowRight on a focused θ handle did nothing, and the focus went to a
    markdown cell (Notebook 7's move-cursor-heading-below-or-expand had taken the key)."""

    def focus_stays(view):
        handle = view.slider("θ").locator(".noUi-handle").first
        assert handle.evaluate("h => h === document.activeElement"), (
            f"{nb7_lesson_run.label}: QubitPanel: after ArrowRight on the θ handle the focus is on "
            f"{nb7_lesson_run.nb.page.evaluate(_FOCUS_JS)}, not on the handle"
        )

    # the first QubitPanel of each lesson starts at θ = π/4 or π/2 (test 3 moved it by one step)
    checks.qubit_theta_key_changes_picture(nb7_lesson_run, "ArrowRight", first=focus_stays)
