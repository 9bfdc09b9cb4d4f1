"""Accessibility of every lesson in JupyterLab after Run All (the lesson runs of ``conftest.py``).

1. axe-core (axe-playwright-python) on the whole page: no serious or critical violation on an
   element the course made (a panel, another cell output, a lesson's text). JupyterLab's own
   violations do not fail the test: each lesson's report (course and JupyterLab, counts per rule)
   is written to ``axe/<lesson>.txt`` (and axe's raw result to ``.json``) in the pytest tmp dir,
   whose path the test prints.
2. Every panel picture has alt text, the panel's summary; the summary sits in a live region
   (``aria-live``) that ipywidgets does not replace when the summary changes.
3. A keyboard-only walk through each of the panel classes, in the first lesson that shows it:
   from the panel's first control, Tab reaches every enabled control in page order (slider handles
   and their readouts, buttons, toggle buttons, check boxes, text boxes, menus) and then leaves
   the panel; each focused control shows a focus indicator. Then each kind of control works from
   the keyboard: the arrow keys move a slider's readout, Space and Enter select a toggle button,
   Space ticks a check box, a text box shows what is typed, the arrow keys change a menu, Enter
   on a button changes what the panel shows; the summary's live region is still there after all
   this. Every control is put back as it was (a button's effect stays).

Run: ``.venv/bin/python -m pytest tests/browser/test_accessibility.py -q -p no:cacheprovider``
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from qwidgets.testing import accessibility as a11y
from qwidgets.testing import exported_panels
from qwidgets.testing import jupyterlab as drv

RENDER_TIMEOUT_S = 20.0
KEY_TIMEOUT_S = 3.0
EFFECT_TIMEOUT_S = 15.0
# The button whose effect a walk checks: the first of these the panel has, else its first button.
PREFERRED_BUTTONS = ("New run", "Next step", "Add node")


def _first_lessons(lessons_dir: Path) -> dict[str, str]:
    """Each exported panel class's name -> the first lesson whose source calls it."""
    sources = {p.name: p.read_text(encoding="utf-8") for p in drv.lesson_paths(lessons_dir)}
    return {
        cls.__name__: next((name for name, text in sources.items() if f"{cls.__name__}(" in text), "")
        for cls in exported_panels()
    }


def _rendered(nb: drv.LabNotebook, expected: int) -> None:
    drv.wait_until(
        lambda: nb.panels().count() >= expected and nb.widget_problems()["Loading widget..."] == 0,
        RENDER_TIMEOUT_S,
    )


@pytest.fixture(scope="session")
def axe_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("axe")


def test_every_panel_class_is_in_a_lesson(lessons_copy):
    missing = [name for name, lesson in _first_lessons(lessons_copy).items() if not lesson]
    assert not missing, f"panel classes that no lesson shows, so no keyboard walk covers: {missing}"


def test_axe_finds_no_serious_violation_in_the_course(lesson_run, lessons_copy, axe_dir):
    nb = lesson_run.require()
    _rendered(nb, drv.expected_panels(lessons_copy / lesson_run.name))
    result = a11y.audit(nb.page, lesson_run.name)
    report = axe_dir / f"{Path(lesson_run.name).stem}.txt"
    result.save(report)
    print(f"{lesson_run.name}: JupyterLab's own {result.counts(result.jupyterlab())}; report {report}")
    blocking = result.course()
    assert not blocking, (
        f"{lesson_run.name}: {len(blocking)} serious/critical axe violation(s) on the course's own "
        f"elements {result.counts(blocking)}:\n" + "\n".join(f"- {n.describe()}" for n in blocking)
    )


# The summary's live region: the nearest ancestor with aria-live that ipywidgets keeps when the
# summary changes (an HTML widget replaces everything inside its .widget-html-content, and a live
# region that is replaced together with its text is not announced).
_LIVE_REGION = """(summary) => {
  let region = summary;
  while (region && !(region.hasAttribute('aria-live') && !region.closest('.widget-html-content'))) {
    region = region.parentElement;
  }
  return region;
}"""

# For each panel: its title, its pictures' alt text, its summary and its live region.
_TEXT_ALTERNATIVES = f"""
(panels) => panels.map((panel) => {{
  const summary = panel.querySelector('.qwidgets-summary');
  return {{
    title: panel.querySelector('b')?.textContent.trim() ?? '',
    alts: [...panel.querySelectorAll('img.widget-image')].map((img) => img.getAttribute('alt')),
    summary: summary?.innerText ?? null,
    live: summary ? ({_LIVE_REGION})(summary)?.getAttribute('aria-live') ?? null : null,
  }};
}})
"""


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


def _alternative_problems(panel: dict) -> list[str]:
    if panel["summary"] is None:
        return ["no summary (.qwidgets-summary)"]
    problems = []
    if not panel["alts"]:
        problems.append("no picture (img.widget-image)")
    for index, alt in enumerate(panel["alts"]):
        if not _words(alt):
            problems.append(f"picture {index} has no alt text")
        elif _words(alt) != _words(panel["summary"]):
            problems.append(f"picture {index}: alt {alt!r} is not the summary {panel['summary']!r}")
    if panel["live"] not in ("polite", "assertive"):
        problems.append(
            f"the summary is in no live region that outlives its changes (aria-live: {panel['live']})"
        )
    return problems


def test_pictures_have_alt_text_and_the_summary_is_live(lesson_run, lessons_copy):
    nb = lesson_run.require()
    expected = drv.expected_panels(lessons_copy / lesson_run.name)
    _rendered(nb, expected)

    def problems() -> list[str]:
        panels = nb.panels().evaluate_all(_TEXT_ALTERNATIVES)
        found = [
            f"panel {i} '{p['title']}': {x}" for i, p in enumerate(panels) for x in _alternative_problems(p)
        ]
        return found + ([] if len(panels) == expected else [f"{len(panels)} panels, expected {expected}"])

    drv.wait_until(lambda: not problems(), 5.0)  # frontend.js labels each view once it is attached
    found = problems()
    assert not found, f"{lesson_run.name}:\n" + "\n".join(found)


# -- keyboard ----------------------------------------------------------------------------------


def _walk_problems(panel, stops: list[a11y.Stop]) -> list[str]:
    """Tab order and focus indicators (see the module docstring)."""
    problems = []
    for index, (keys, focus) in enumerate(a11y.walk(panel, stops)):
        if index == len(stops):
            if focus.in_panel:
                problems.append(f"Tab after the last control stayed in the panel, on {focus.what}")
            break
        expected, came_from = stops[index], stops[index - 1] if index else "the start"
        if focus.stop != index:
            landed = stops[focus.stop] if focus.stop is not None else focus.what
            problems.append(f"{keys} from {came_from} focused {landed}, not {expected}")
            break  # the rest of the order is off by the same step
        problem = a11y.focus_problem(expected, focus)
        if problem:
            problems.append(problem)
    return problems


def _press(control, key: str, read, timeout: float = KEY_TIMEOUT_S) -> tuple[object, object]:
    """Focus ``control``, press ``key``; return the reading before and once it changed (or not)."""
    before = read()
    control.focus()
    control.page.keyboard.press(key)
    drv.wait_until(lambda: read() != before, timeout)
    return before, read()


_READOUT = "h => h.closest('.widget-slider').querySelector('.widget-readout').textContent"


def _slider_problems(handle, stop: a11y.Stop) -> list[str]:
    def read() -> str:
        return handle.evaluate(_READOUT)

    at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
    there, back = ("ArrowLeft", "ArrowRight") if at_max else ("ArrowRight", "ArrowLeft")
    before, after = _press(handle, there, read)
    if after == before:
        return [f"{stop}: {there} left its readout at {before}"]
    _, restored = _press(handle, back, read)
    if restored != before:
        return [f"{stop}: {there} then {back} left the readout at {restored}, not {before}"]
    return []


def _active(button) -> bool:
    return "mod-active" in (button.get_attribute("class") or "")


def _toggle_problems(panel, stops: list[a11y.Stop]) -> list[str]:
    """In each group: Space selects a neighbour of the selected button, Enter selects it again."""
    problems = []
    groups = panel.locator(".widget-toggle-buttons")
    for g in range(groups.count()):
        buttons = groups.nth(g).locator(f"button[{a11y.STOP_ATTRIBUTE}]")
        states = [_active(buttons.nth(i)) for i in range(buttons.count())]
        if len(states) < 2 or True not in states:
            continue
        start = states.index(True)
        first, other = buttons.nth(start), buttons.nth(start - 1 if start else 1)
        for button, key in ((other, "Space"), (first, "Enter")):
            _press(button, key, functools.partial(_active, button))
            if not _active(button):
                problems.append(
                    f"{stops[int(button.get_attribute(a11y.STOP_ATTRIBUTE))]}: {key} did not select it"
                )
                break
    return problems


def _checkbox_problems(box, stop: a11y.Stop) -> list[str]:
    before, after = _press(box, "Space", box.is_checked)
    if after == before:
        return [f"{stop}: Space did not tick or untick it"]
    _, restored = _press(box, "Space", box.is_checked)
    return [] if restored == before else [f"{stop}: a second Space did not put it back"]


def _text_box_problems(box, stop: a11y.Stop) -> list[str]:
    """Typed text shows in the box; the old value is typed back before the box is left."""
    old = box.input_value()
    typed = ("2" if old == "1" else "1") if box.get_attribute("type") == "number" else "Ada"
    box.focus()
    keyboard = box.page.keyboard
    keyboard.press("Control+a")
    keyboard.type(typed)
    shown = box.input_value()
    keyboard.press("Control+a")
    keyboard.press("Backspace")
    keyboard.type(old)
    problems = [] if shown == typed else [f"{stop}: typing {typed!r} left {shown!r} in the box"]
    return problems + ([] if box.input_value() == old else [f"{stop}: could not type {old!r} back"])


def _settle(panel) -> None:
    """Wait until the panel shows the kernel's answer to the last key (a menu can rebuild others)."""
    drv.wait_stable(lambda: a11y.fingerprint(panel), quiet=0.3, timeout=5.0)


def _menu_problems(menu, stop: a11y.Stop) -> list[str]:
    """The arrow keys choose the next (or previous) entry and back; a menu with no choice is left as is."""
    options = menu.locator("option").count()
    index = menu.evaluate("m => m.selectedIndex")
    if options < 2 or index < 0:
        return []
    last = index == options - 1
    there, back = ("ArrowUp", "ArrowDown") if last else ("ArrowDown", "ArrowUp")
    before, after = _press(menu, there, menu.input_value)
    if after == before:
        return [f"{stop}: {there} did not change the choice ({before!r})"]
    _, restored = _press(menu, back, menu.input_value)
    _settle(menu.locator("xpath=ancestor::*[contains(@class, 'qwidgets-panel')][1]"))
    return [] if restored == before else [f"{stop}: {back} did not put back {before!r}"]


def _button_problems(panel, stops: list[a11y.Stop]) -> list[str]:
    """Enter on one button (see PREFERRED_BUTTONS) changes what the panel shows."""
    buttons = [s for s in stops if s.kind == "button"]
    if not buttons:
        return []
    stop = next((s for label in PREFERRED_BUTTONS for s in buttons if s.name == label), buttons[0])
    button = panel.locator(f"[{a11y.STOP_ATTRIBUTE}='{stop.index}']")
    _settle(panel)  # the answers to the keys before: not the button's effect
    before, after = _press(button, "Enter", lambda: a11y.fingerprint(panel), EFFECT_TIMEOUT_S)
    return [] if after != before else [f"{stop}: Enter changed nothing the panel shows"]


_OPERATE = {
    "slider": _slider_problems,
    "checkbox": _checkbox_problems,
    "text box": _text_box_problems,
    "menu": _menu_problems,
}

# The summary's live region, and the summary in it (ipywidgets replaces that one at each change).
_LIVE = f"p => {{ const s = p.querySelector('.qwidgets-summary'); return [s && ({_LIVE_REGION})(s), s]; }}"


def _key_problems(panel, stops: list[a11y.Stop]) -> list[str]:
    """Each kind of control works from the keyboard; the live region outlives the summary's changes."""
    live = panel.evaluate_handle(_LIVE)
    problems = []
    for stop in stops:
        operate = _OPERATE.get(stop.kind)
        if operate:
            problems += operate(panel.locator(f"[{a11y.STOP_ATTRIBUTE}='{stop.index}']"), stop)
    problems += _toggle_problems(panel, stops)
    problems += _button_problems(panel, stops)
    region, summary_replaced, region_kept = live.evaluate(
        "([r, s]) => [!!r, !!s && !s.isConnected, !!r?.isConnected && !!r.querySelector('.qwidgets-summary')]"
    )
    if not region:
        problems.append("the summary is in no live region")
    elif not summary_replaced:
        problems.append("no key changed the summary")
    elif not region_kept:
        problems.append("the summary's live region was replaced when the summary changed (not announced)")
    return problems


def _panel(nb: drv.LabNotebook, title: str):
    exact = re.compile(rf"^\s*{re.escape(title)}\s*$")
    return nb.panels().filter(has=nb.page.locator("b", has_text=exact)).first


def test_keyboard_only_walk_through_each_panel_class(lesson_run, lessons_copy):
    nb = lesson_run.require()
    name = lesson_run.name
    _rendered(nb, drv.expected_panels(lessons_copy / name))
    titles = {cls.__name__: cls.title for cls in exported_panels()}
    firsts = _first_lessons(lessons_copy)
    shown = {c for c in titles if f"{c}(" in (lessons_copy / name).read_text(encoding="utf-8")}
    missing = [c for c in sorted(shown) if _panel(nb, titles[c]).count() == 0]
    assert not missing, f"{name}: the notebook shows {missing} but the page has no panel titled so"
    problems = []
    for cls in sorted(c for c in shown if firsts[c] == name):
        panel = _panel(nb, titles[cls])
        panel.scroll_into_view_if_needed()
        stops = a11y.tab_stops(panel)
        found = ["no control"] if not stops else _walk_problems(panel, stops) + _key_problems(panel, stops)
        problems += [f"{name}: {cls}: {p}" for p in found]
    assert not problems, "\n".join(problems)
