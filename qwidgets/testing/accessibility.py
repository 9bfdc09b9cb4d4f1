"""Accessibility in a real browser: an axe-core audit of a page, and a keyboard-only walk through a panel.

Shared by the browser tests (``tests/browser/test_accessibility.py``); it needs the ``test`` extra
(playwright, axe-playwright-python with its bundled axe-core) and a page that
:mod:`qwidgets.testing.jupyterlab` opened.

Audit
    :func:`audit` runs axe-core on the whole page and sorts every node of every violation by who
    made it: the course (inside a panel, a cell's output or a lesson's text) or JupyterLab (its
    menus, toolbars, editors, ...). :class:`Audit` keeps both, counts them per rule and formats a
    readable report.
Keyboard walk
    :func:`tab_stops` lists a panel's enabled controls in page order, each as a :class:`Stop` (its
    kind, its label and how it looks without focus); :func:`walk` presses Tab from the first one
    and returns what each press focused. :func:`focus_problem` says whether a focused control
    shows a focus indicator. :func:`fingerprint` is everything a panel shows, to see that a key
    had an effect.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "BLOCKING_IMPACTS",
    "STOP_ATTRIBUTE",
    "Audit",
    "AxeNode",
    "Focus",
    "Stop",
    "audit",
    "fingerprint",
    "focus_problem",
    "focused",
    "tab_stops",
    "walk",
]

BLOCKING_IMPACTS = ("serious", "critical")
"""The axe impacts a course node must never have."""

# Where a node is, decided in the page: the course made it (a panel, another cell output, a
# lesson's rendered Markdown) or JupyterLab did. A target is axe's selector path: one entry per
# frame (the course makes no frames), an entry that is a list goes down through shadow roots.
_WHERE = """
(targets) => targets.map((target) => {
  if (target.length !== 1) return null;
  let el = null;
  for (const part of [].concat(target[0])) {
    el = (el ? el.shadowRoot : document)?.querySelector(part) ?? null;
    if (!el) return null;
  }
  const panel = el.closest('.qwidgets-panel');
  const cells = [...document.querySelectorAll('.jp-Notebook .jp-Cell')];
  const cell = el.closest('.jp-Cell');
  const number = cell ? cells.indexOf(cell) + 1 : 0;
  if (panel) {
    const panels = [...document.querySelectorAll('.qwidgets-panel')];
    const title = panel.querySelector('b')?.textContent.trim() || '(untitled)';
    return `panel ${panels.indexOf(panel)} '${title}' (cell ${number})`;
  }
  if (el.closest('.jp-OutputArea-output')) return `output of cell ${number}`;
  if (el.closest('.jp-RenderedMarkdown')) return `text of cell ${number}`;
  return null;
})
"""


@dataclass(frozen=True)
class AxeNode:
    """One element that breaks one axe rule.

    Attributes
    ----------
    rule, impact, help : str
        The axe rule id, its impact (minor, moderate, serious, critical) and what it asks.
    target : str
        axe's CSS selector for the element.
    html : str
        The start of the element's HTML.
    summary : str
        What axe says is wrong.
    where : str or None
        Where the course made it (``"panel 0 'A qubit on the Bloch sphere' (cell 12)"``,
        ``"output of cell 7"``, ``"text of cell 3"``); ``None``: JupyterLab's own.
    """

    rule: str
    impact: str
    help: str
    target: str
    html: str
    summary: str
    where: str | None

    @property
    def course(self) -> bool:
        """Whether the course made the element."""
        return self.where is not None

    def describe(self) -> str:
        """One readable paragraph: rule, impact, where, element, what is wrong."""
        where = self.where or "JupyterLab"
        summary = " ".join(self.summary.split())
        return f"{self.rule} ({self.impact}) in {where}: {self.help}\n    {self.html}\n    {summary}"


@dataclass(frozen=True)
class Audit:
    """The violations axe found on one page, node by node."""

    page: str
    nodes: tuple[AxeNode, ...]
    raw: dict

    def course(self, impacts: Sequence[str] = BLOCKING_IMPACTS) -> list[AxeNode]:
        """The course's nodes with one of ``impacts``."""
        return [n for n in self.nodes if n.course and n.impact in impacts]

    def jupyterlab(self) -> list[AxeNode]:
        """JupyterLab's own nodes, every impact."""
        return [n for n in self.nodes if not n.course]

    @staticmethod
    def counts(nodes: Iterable[AxeNode]) -> dict[str, int]:
        """Nodes per ``"rule (impact)"``, most first."""
        return dict(Counter(f"{n.rule} ({n.impact})" for n in nodes).most_common())

    def report(self) -> str:
        """A readable report: the course's nodes, then JupyterLab's, with counts per rule."""
        parts = [f"axe-core audit of {self.page}"]
        for title, nodes in (
            ("The course's own", [n for n in self.nodes if n.course]),
            ("JupyterLab's", self.jupyterlab()),
        ):
            parts.append(f"\n{title}: {len(nodes)} node(s)")
            parts += [f"  {rule}: {count}" for rule, count in self.counts(nodes).items()]
            parts += [f"- {n.describe()}" for n in nodes]
        return "\n".join(parts)

    def save(self, path: Path) -> None:
        """Write :meth:`report` to ``path`` and axe's raw result beside it (``.json``)."""
        path.write_text(self.report() + "\n", encoding="utf-8")
        path.with_suffix(".json").write_text(json.dumps(self.raw, indent=1), encoding="utf-8")


def audit(page: Any, name: str) -> Audit:
    """Run axe-core (every rule, WCAG 2.x A/AA and best practices) on ``page``; sort its nodes.

    ``name`` names the page in the report.
    """
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"resultTypes": ["violations"]}).response
    flat = [(v, node) for v in result["violations"] for node in v["nodes"]]
    wheres = page.evaluate(_WHERE, [node["target"] for _, node in flat]) if flat else []
    nodes = tuple(
        AxeNode(
            rule=v["id"],
            impact=node.get("impact") or v.get("impact") or "unknown",
            help=v["help"],
            target=json.dumps(node["target"], ensure_ascii=False),
            html=node["html"][:300],
            summary=node.get("failureSummary", ""),
            where=where,
        )
        for (v, node), where in zip(flat, wheres)
    )
    return Audit(name, nodes, {"url": result.get("url"), "violations": result["violations"]})


# -- keyboard ------------------------------------------------------------------------------------

STOP_ATTRIBUTE = "data-qwl-stop"
"""The attribute that marks each control of a walked panel with its index (see :func:`tab_stops`)."""

# A panel's controls in page order, marked with their index; each with its kind, label and
# unfocused look. A control counts when it is shown and enabled: a slider's handle (and its
# readout, which ipywidgets makes editable), buttons, toggle buttons, check boxes, text boxes,
# menus. Nothing here asks the browser what it can focus: that is what the walk finds out.
_MARK_STOPS = """
(panel) => {
  document.activeElement?.blur();
  for (const old of panel.querySelectorAll('[%(attr)s]')) old.removeAttribute('%(attr)s');
  const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const label = (e) => e.closest('.widget-inline-hbox, .widget-toggle-buttons')
    ?.querySelector(':scope > .widget-label')?.textContent.trim() || '';
  const stops = [];
  for (const el of panel.querySelectorAll('.noUi-handle, .widget-readout, button, input, select, textarea')) {
    if (!shown(el)) continue;
    let kind;
    if (el.matches('.noUi-handle')) {
      if (el.closest('.noUi-target').hasAttribute('disabled')) continue;
      kind = 'slider';
    } else if (el.matches('.widget-readout')) {
      if (el.getAttribute('contenteditable') !== 'true') continue;
      kind = 'slider readout';
    } else if (el.disabled) {
      continue;
    } else if (el.matches('.widget-toggle-button')) {
      kind = 'toggle button';
    } else if (el.matches('button')) {
      kind = 'button';
    } else if (el.matches('input[type=checkbox]')) {
      kind = 'checkbox';
    } else if (el.matches('select')) {
      kind = 'menu';
    } else {
      kind = 'text box';
    }
    const own = el.matches('button') ? el.textContent.trim() || el.title : '';
    const box = el.matches('input[type=checkbox]') && el.closest('.widget-checkbox');
    const group = box ? box.textContent.trim() : label(el);
    const name = [group, own].filter(Boolean).join(': ') || el.title || el.getAttribute('aria-label') || '?';
    const style = getComputedStyle(el);
    el.setAttribute('%(attr)s', String(stops.length));
    stops.push({index: stops.length, kind, name, box_shadow: style.boxShadow});
  }
  return stops;
}
""" % {"attr": STOP_ATTRIBUTE}

_FOCUSED = """
(panel) => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const stop = el.getAttribute('%(attr)s');
  const text = (el.textContent || el.value || '').trim().slice(0, 30);
  return {
    stop: stop === null ? null : Number(stop),
    in_panel: panel.contains(el),
    what: `<${el.tagName.toLowerCase()} class="${el.className}"> ${text}`.trim(),
    outline: [style.outlineStyle, style.outlineWidth, style.outlineColor],
    box_shadow: style.boxShadow,
  };
}
""" % {"attr": STOP_ATTRIBUTE}

# Everything a panel shows: summary, pictures, and the value every control shows.
_FINGERPRINT = """
(panel) => JSON.stringify([
  panel.querySelector('.qwidgets-summary')?.innerText ?? '',
  [...panel.querySelectorAll('img')].map((i) => i.src),
  [...panel.querySelectorAll('input')].map((i) => i.type === 'checkbox' ? i.checked : i.value),
  [...panel.querySelectorAll('select')].map((s) => s.value),
  [...panel.querySelectorAll('.widget-readout')].map((r) => r.textContent),
  [...panel.querySelectorAll('.widget-toggle-button')].map((b) => b.classList.contains('mod-active')),
  [...panel.querySelectorAll('.qwidgets-table, .widget-html-content')].map((t) => t.innerText),
])
"""


@dataclass(frozen=True)
class Stop:
    """A control the keyboard must reach: its place in the panel, kind, label and unfocused shadow."""

    index: int
    kind: str
    name: str
    box_shadow: str

    def __str__(self) -> str:
        return f"{self.kind} '{self.name}' (control {self.index})"


@dataclass(frozen=True)
class Focus:
    """The focused element after a key press."""

    stop: int | None
    in_panel: bool
    what: str
    outline: tuple[str, str, str]
    box_shadow: str


def tab_stops(panel: Any) -> list[Stop]:
    """The enabled, shown controls of ``panel`` (a Playwright locator) in page order.

    Each is marked in the page (attribute ``data-qwl-stop``) so that :func:`focused` can tell
    which one has the focus; the page's focus is cleared first.
    """
    return [Stop(**s) for s in panel.evaluate(_MARK_STOPS)]


def focused(panel: Any) -> Focus:
    """What has the focus now, seen from ``panel``."""
    data = panel.evaluate(_FOCUSED)
    return Focus(**{**data, "outline": tuple(data["outline"])})


def walk(panel: Any, stops: Sequence[Stop]) -> list[tuple[str, Focus]]:
    """Keyboard-only walk: focus the first stop, Tab, Shift+Tab back, then Tab to past the last.

    Returns ``(keys, focus)`` pairs: the focus after the first stop was reached with Shift+Tab,
    then after each further Tab (one more than there are stops, to see the focus leave).
    """
    page = panel.page
    panel.locator(f"[{STOP_ATTRIBUTE}='0']").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")  # reached with a key: the browser shows keyboard focus
    visits = [("focus, Tab, Shift+Tab", focused(panel))]
    for _ in stops:
        page.keyboard.press("Tab")
        visits.append(("Tab", focused(panel)))
    return visits


_ALPHA = re.compile(r"rgba\([^)]*,\s*([\d.]+)\)")


def _opaque(colour: str) -> bool:
    match = _ALPHA.search(colour)
    return colour != "transparent" and (match is None or float(match.group(1)) > 0)


def focus_problem(stop: Stop, focus: Focus) -> str | None:
    """Why the focused ``stop`` shows no focus indicator, or ``None`` if it shows one.

    An indicator is an outline (not ``none``, wider than 0, not transparent) or a box shadow that
    the control does not have without focus.
    """
    style, width, colour = focus.outline
    if style != "none" and float(width.removesuffix("px") or 0) > 0 and _opaque(colour):
        return None
    if focus.box_shadow not in ("none", stop.box_shadow):
        return None
    return (
        f"{stop}: no visible focus indicator (outline {style} {width} {colour}, "
        f"box-shadow {focus.box_shadow!r}, the same as without focus)"
    )


def fingerprint(panel: Any) -> str:
    """Everything ``panel`` shows (summary, pictures, every control's value), as one string."""
    return panel.evaluate(_FINGERPRINT)
