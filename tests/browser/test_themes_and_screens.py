"""JupyterLab's dark theme, and screens from 800 px to 4K: panels readable, whole and sharp.

A JupyterLab server of its own starts in the dark theme ("JupyterLab Dark"); two lessons that
together show every kind of panel part run once each (00: a Bloch sphere and bar chart, basis
and stage toggle buttons, the stage ladder and its stage card; 05: charts with legends, detector
toggle buttons, tables), and every check reads that page.

Dark theme, measured in screenshots (pixels) and computed styles:
1. every figure's background is the page's background (within a few levels), and its text and
   lines still stand out from it (the panel stylesheet shows figures through a filter);
2. the selected toggle button differs from the others by at least 3:1 (WCAG 1.4.11), in the
   dark theme and (lesson 00, after switching the page to JupyterLab Light) in the light theme;
3. every text in a panel has a contrast of at least 4.5:1 with what is behind it (same themes);
4. table lines are the theme's border colours; other borders are theme or role colours;
5. (no lesson) the colour-blind-safe palette seen through the stylesheet, on JupyterLab Dark's
   and Voila's dark backgrounds, stays distinguishable (CIE76 ΔE >= 10 between every two
   colours and the background, under normal, protan, deutan and tritan vision; Machado et al.
   2009), keeps its hues (within 20°), equals ``on_dark`` (qwidgets/plots/style.py), and the
   stylesheet's dark role colours are those values.

Screens (800x900, 1280x800, 3840x2160 and 1920x1080 at 2 device pixels per CSS pixel): no panel,
output area or notebook scrolls sideways, every control and picture is inside the panel and the viewport,
no text under 12 CSS px (nor a figure shrunk so far that its smallest text is), every picture has
at least as many pixels as it covers on screen. A figure wider than its panel shrinks to fit
it (whole, not cut off); one shown under its drawn size in a panel wide enough for it fails.
(At 800 px with JupyterLab's file browser open a panel is ~370 px wide, and the 464 px charts of
the LinkPanel shrink to 79 %: their smallest text is then ~10 px. Closing the file browser,
Ctrl+B, gives them their size again.)

Screenshots of what was measured go to ``$QWL_THEME_SHOTS`` when that is set (e.g.
``/tmp/theme_shots``), for a look by eye.

Run: ``.venv/bin/python -m pytest tests/browser/test_themes_and_screens.py -q -p no:cacheprovider``
"""

from __future__ import annotations

import base64
import io
import itertools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from qwidgets.panels import frontend
from qwidgets.plots.style import (
    CSS_DPI,
    DARK_BACKGROUND,
    DARK_FIGURE_FILTER,
    PALETTE,
    PIXEL_RATIO,
    ROLE_COLORS,
    SMALL_FONT_SIZE,
    on_dark,
)
from qwidgets.testing import jupyterlab as drv

LESSONS = ("00_welcome.ipynb", "05_loss_and_distance.ipynb")
# also checked in JupyterLab Light (switched to in the page: 5 s; the other lesson's toggle
# buttons are the same widget with the same stylesheet)
LIGHT_TOO = ("00_welcome.ipynb",)
DARK_THEME = {"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}
RUN_TIMEOUT_S = 90.0
WIDGET_TIMEOUT_S = 20.0
DARK_SCREEN = (1280, 800, 1)
SCREENS = {  # CSS px wide and high, device pixels per CSS px
    "800x900": (800, 900, 1),
    "1280x800": (1280, 800, 1),
    "3840x2160": (3840, 2160, 1),
    "1920x1080@2x": (1920, 1080, 2),
}
SHOTS = os.environ.get("QWL_THEME_SHOTS")

BACKGROUND_TOLERANCE = 6  # per channel, of 255: a figure "is" the page's background
INK_CONTRAST = 4.5  # a figure's text and lines against its background
STATE_CONTRAST = 3.0  # WCAG 1.4.11: the selected toggle button against the others
TEXT_CONTRAST = 4.5  # WCAG 1.4.3
MIN_TEXT_PX = 12.0
MIN_PALETTE_DELTA_E = 10.0  # CIE76: colours told apart at a glance (2.3 is just noticeable)
MAX_HUE_SHIFT_DEG = 20.0
# a figure shown at least this fraction of its drawn size keeps its smallest text at 12 CSS px
MIN_FIGURE_SCALE = MIN_TEXT_PX / (SMALL_FONT_SIZE * CSS_DPI / 72)

# Okabe-Ito colours told apart by hue (the greys are scaffolding, told apart by lightness; no
# figure draws in yellow, at 1.3:1 on white too pale for lines in either theme)
HUES = tuple(name for name in PALETTE if name not in ("grey", "light_grey", "yellow"))
# Machado, Oliveira & Fernandes (2009), IEEE TVCG 15, 1291: full dichromacy, on linear sRGB
VISION = {
    "normal": np.eye(3),
    "protan": np.array(
        [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
    ),
    "deutan": np.array(
        [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
    ),
    "tritan": np.array(
        [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]
    ),
}


# -- colour arithmetic ---------------------------------------------------------------------------
def hex_rgb(color: str) -> np.ndarray:
    """``"#RRGGBB"`` as three values 0-255."""
    return np.array([int(color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)], dtype=float)


def css_rgba(value: str) -> np.ndarray:
    """A computed CSS colour (``rgb(…)``/``rgba(…)``) as r, g, b (0-255) and alpha (0-1)."""
    numbers = [float(x) for x in re.findall(r"[\d.]+", value)]
    if not value.startswith("rgb") or len(numbers) < 3:
        raise ValueError(f"not a computed rgb() colour: {value!r}")
    return np.array([*numbers[:3], numbers[3] if len(numbers) > 3 else 1.0])


def over(colors: list[str]) -> np.ndarray:
    """The colour seen through a stack of CSS colours, the nearest first, the last one opaque."""
    seen = np.zeros(3)
    for rgba in reversed([css_rgba(c) for c in colors]):
        seen = rgba[3] * rgba[:3] + (1 - rgba[3]) * seen
    return seen


def linear(rgb: np.ndarray) -> np.ndarray:
    c = np.asarray(rgb, dtype=float) / 255
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG relative luminance of sRGB colours (last axis r, g, b in 0-255)."""
    return linear(rgb) @ np.array([0.2126, 0.7152, 0.0722])


def contrast(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """WCAG contrast ratio of two colours (or arrays of colours), 1 to 21."""
    la, lb = luminance(a), luminance(b)
    return (np.maximum(la, lb) + 0.05) / (np.minimum(la, lb) + 0.05)


def lab(rgb: np.ndarray, vision: str = "normal") -> np.ndarray:
    """CIELAB (D65) of an sRGB colour as seen with ``vision`` (see :data:`VISION`)."""
    seen = np.clip(VISION[vision] @ linear(rgb), 0, 1)
    xyz_matrix = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = (xyz_matrix @ seen) / (xyz_matrix @ np.ones(3))
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def png_pixels(png: bytes) -> np.ndarray:
    """The RGB pixels of a screenshot, shape (height, width, 3)."""
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(float)


def dominant(pixels: np.ndarray) -> np.ndarray:
    """The most frequent colour of an image (a figure's or a button's background)."""
    colors, counts = np.unique(pixels.reshape(-1, 3), axis=0, return_counts=True)
    return colors[np.argmax(counts)]


def hex_text(rgb: np.ndarray) -> str:
    """r, g, b (0-255) as ``"#RRGGBB"``, for messages."""
    return "#" + "".join(f"{round(float(v)):02X}" for v in rgb[:3])


# -- the page ------------------------------------------------------------------------------------
@dataclass
class LabPage:
    """A lesson run in the dark JupyterLab, with the means to set the page's screen."""

    name: str
    nb: drv.LabNotebook
    cdp: Any

    @property
    def page(self):
        return self.nb.page

    def screen(self, width: int, height: int, pixel_ratio: int) -> None:
        """Emulate a screen (CSS px and device pixels per CSS px) and let the layout settle."""
        self.cdp.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": pixel_ratio, "mobile": False},
        )
        got = self.page.evaluate("[innerWidth, devicePixelRatio]")
        assert got == [width, pixel_ratio], f"screen {width}x{height}@{pixel_ratio}: the page reports {got}"
        # Lumino lays out on resize, in animation frames: wait until the notebook's width holds
        drv.wait_stable(lambda: self.page.evaluate(_LAYOUT), quiet=0.15, interval=0.03)

    def panels(self) -> list[Any]:
        loc = self.nb.panels()
        return [loc.nth(i) for i in range(loc.count())]

    def shot(self, locator: Any, label: str) -> bytes:
        locator.scroll_into_view_if_needed()
        png = locator.screenshot(animations="disabled")
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            (Path(SHOTS) / f"{Path(self.name).stem}-{label}.png").write_bytes(png)
        return png

    def theme(self, name: str) -> None:
        """Settings > Theme > ``name``, as a student would; wait until the page has it."""
        light = "true" if "Light" in name else "false"
        self.page.locator(".lm-MenuBar-itemLabel", has_text="Settings").first.click()
        self.page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Theme$")).first.hover()
        self.page.locator(".lm-Menu-itemLabel", has_text=re.compile(rf"^{name}$")).first.click()
        self.page.wait_for_selector(f'body[data-jp-theme-light="{light}"]', state="attached", timeout=10_000)
        notebook = self.page.locator(".jp-Notebook").first
        # the theme's stylesheet loads after the attribute: wait for the page to turn light or dark
        turned = drv.wait_until(
            lambda: (luminance(over(notebook.evaluate(_BACKGROUNDS))) > 0.5) == (light == "true")
        )
        assert turned, f"{self.name}: the page did not turn to {name}"


@pytest.fixture(scope="module")
def dark_lab(lessons_copy, tmp_path_factory):
    with drv.LabServer(
        lessons_copy, tmp_path_factory.mktemp("jupyterlab-dark"), overrides=DARK_THEME
    ) as server:
        yield server


@pytest.fixture(scope="module", params=LESSONS)
def lesson(request, chromium, dark_lab, lessons_copy):
    """The lesson opened in the dark JupyterLab and run (Run All), every panel rendered."""
    name = request.param
    if isinstance(chromium, Exception):
        pytest.fail(str(chromium), pytrace=False)
    context = chromium.new_context(no_viewport=True)  # the screen is set through CDP (with its pixel ratio)
    page = context.new_page()
    run = LabPage(name, drv.LabNotebook(page, dark_lab, name), context.new_cdp_session(page))
    try:
        run.screen(*DARK_SCREEN)
        run.nb.open()
        run.nb.run_all()
        run.nb.wait_execution_done(RUN_TIMEOUT_S)
        expected = drv.expected_panels(lessons_copy / name)
        drv.wait_until(lambda: run.nb.panels().count() >= expected, WIDGET_TIMEOUT_S)
        assert run.nb.panels().count() == expected, (
            f"{name}: {run.nb.panels().count()} of {expected} panels shown"
        )
        assert run.nb.widget_problems() == {"Error displaying widget": 0, "Loading widget...": 0}
        pictured = drv.wait_until(lambda: page.evaluate(_PICTURED), WIDGET_TIMEOUT_S)
        assert pictured, f"{name}: not every panel picture has loaded"
        theme = page.evaluate("document.body.dataset.jpThemeLight")
        assert theme == "false", f"{name}: the page is not in the dark theme (data-jp-theme-light={theme!r})"
        yield run
    finally:
        context.close()
        dark_lab.shutdown_sessions(name)


def _title(panel: Any) -> str:
    return panel.evaluate("p => (p.innerText.split('\\n')[0] || '').trim()")[:60]


# JS: whether every panel picture has loaded.
_PICTURED = """
() => [...document.querySelectorAll('.qwidgets-panel img.widget-image')]
  .every((img) => img.complete && img.naturalWidth > 0)
"""

# JS: the widths of the notebook and its panels, after two animation frames.
_LAYOUT = """
() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(
  [...document.querySelectorAll('.jp-Notebook, .qwidgets-panel')].map((el) => el.clientWidth)))))
"""

# JS: the colours behind an element, the nearest first, up to the first opaque one.
_BACKGROUNDS = """
(el) => {
  const stack = [];
  for (let e = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg.startsWith('rgba') && /,\\s*0\\)$/.test(bg)) continue;
    stack.push(bg);
    if (!bg.startsWith('rgba')) break;
  }
  if (!stack.length || stack[stack.length - 1].startsWith('rgba')) stack.push('rgb(255, 255, 255)');
  return stack;
}
"""

# JS: every visible text in a panel (text nodes, form values): its colour, size and backgrounds.
_TEXTS = (
    """
(panel) => {
  const backgrounds = """
    + _BACKGROUNDS
    + """;
  const out = [];
  for (const el of [panel, ...panel.querySelectorAll('*')]) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const field = el.matches('input[type=text], input[type=number], select, textarea');
    if ((!own && !field) || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || el.closest('[aria-hidden=true]')) continue;
    const text = field ? (el.value || '') : el.textContent.trim();
    if (!text) continue;
    out.push({text: text.slice(0, 50), tag: el.tagName.toLowerCase(), color: style.color,
              size: parseFloat(style.fontSize), backgrounds: backgrounds(el),
              inactive: !!el.closest(':disabled, .mod-disabled, [disabled]')});
  }
  return out;
}
"""
)


# -- dark theme: figures ---------------------------------------------------------------------------
def test_dark_figures_take_the_page_background_and_keep_their_ink(lesson):
    """Each figure's background is the page's own, and its text and lines contrast with it."""
    lesson.screen(*DARK_SCREEN)
    problems = []
    for p, panel in enumerate(lesson.panels()):
        images = panel.locator("img.widget-image")
        for i in range(images.count()):
            image = images.nth(i)
            page_bg = over(image.evaluate(_BACKGROUNDS))
            pixels = png_pixels(lesson.shot(image, f"dark-panel{p}-figure{i}"))
            figure_bg = dominant(pixels)
            where = f"{lesson.name}: panel {p} ({_title(panel)!r}), figure {i}"
            if np.abs(figure_bg - page_bg).max() > BACKGROUND_TOLERANCE:
                problems.append(
                    f"{where}: background {hex_text(figure_bg)}, the page's is {hex_text(page_bg)}"
                )
            ink = np.percentile(contrast(pixels, figure_bg), 99.9)
            if ink < INK_CONTRAST:
                problems.append(f"{where}: its text and lines reach only {ink:.2f}:1 against its background")
    assert not problems, "\n".join(problems)


# -- dark (and light) theme: toggle buttons, text, borders ------------------------------------------
def _toggle_state_problems(lesson: LabPage, theme: str) -> list[str]:
    problems = []
    for p, panel in enumerate(lesson.panels()):
        groups = panel.locator(".widget-toggle-buttons")
        for g in range(groups.count()):
            group = groups.nth(g)
            selected = group.locator(".widget-toggle-button.mod-active")
            others = group.locator(".widget-toggle-button:not(.mod-active)")
            if selected.count() != 1 or others.count() == 0:
                continue
            label = group.locator(".widget-label").first.inner_text().strip() or f"group {g}"
            on = dominant(png_pixels(lesson.shot(selected.first, f"{theme}-panel{p}-toggle{g}-on")))
            off = dominant(png_pixels(lesson.shot(others.first, f"{theme}-panel{p}-toggle{g}-off")))
            ratio = contrast(on, off)
            if ratio < STATE_CONTRAST:
                problems.append(
                    f"{lesson.name} ({theme}): panel {p} ({_title(panel)!r}), toggle buttons {label!r}: "
                    f"the selected one differs from the others by {ratio:.2f}:1 "
                    f"(background {hex_text(on)} vs {hex_text(off)}), under {STATE_CONTRAST}:1"
                )
    return problems


def _text_problems(lesson: LabPage, theme: str) -> list[str]:
    problems = []
    for p, panel in enumerate(lesson.panels()):
        for text in panel.evaluate(_TEXTS):
            if text["inactive"]:
                continue  # WCAG 1.4.3 exempts inactive controls
            back = over(text["backgrounds"])
            ink = css_rgba(text["color"])
            seen = ink[3] * ink[:3] + (1 - ink[3]) * back
            ratio = contrast(seen, back)
            if ratio < TEXT_CONTRAST:
                problems.append(
                    f"{lesson.name} ({theme}): panel {p} ({_title(panel)!r}), "
                    f"<{text['tag']}> {text['text']!r}: contrast {ratio:.2f}:1 "
                    f"({text['color']} on {text['backgrounds'][0]})"
                )
    return problems


def test_selected_toggle_and_text_contrast_in_dark_and_light(lesson):
    """The selected toggle button stands out by 3:1 and every text reads at 4.5:1, in both themes."""
    lesson.screen(*DARK_SCREEN)
    problems = _toggle_state_problems(lesson, "dark") + _text_problems(lesson, "dark")
    if lesson.name in LIGHT_TOO:
        lesson.theme("JupyterLab Light")
        try:
            problems += _toggle_state_problems(lesson, "light") + _text_problems(lesson, "light")
        finally:
            lesson.theme("JupyterLab Dark")
    assert not problems, "\n".join(problems)


# JS: the theme's border colours, and every visible border in a panel with its colour.
_BORDERS = """
(panel) => {
  const probe = document.createElement('div');
  panel.appendChild(probe);
  const theme = {};
  for (const k of [0, 1, 2, 3]) {
    const name = `--jp-border-color${k}`;
    probe.style.color = `var(${name})`;
    theme[name] = getComputedStyle(probe).color;
  }
  const roles = {};
  for (const role of ['state', 'event']) {
    probe.style.color = `var(--qwl-${role})`;
    roles[role] = getComputedStyle(probe).color;
  }
  probe.remove();
  const borders = [];
  for (const el of [panel, ...panel.querySelectorAll('*')]) {
    if (!el.getClientRects().length) continue;
    const s = getComputedStyle(el);
    for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
      if (parseFloat(s[`border${side}Width`]) > 0 && s[`border${side}Style`] !== 'none') {
        borders.push({where: `<${el.tagName.toLowerCase()} class="${el.className}"> ${side.toLowerCase()}`,
                      color: s[`border${side}Color`], table: !!el.closest('.qwidgets-table')});
      }
    }
  }
  return {theme, roles, borders};
}
"""


def test_dark_borders_come_from_the_theme(lesson):
    """Table lines are the theme's border colours; any other border a theme or role colour."""
    lesson.screen(*DARK_SCREEN)
    problems, tables = [], 0
    for p, panel in enumerate(lesson.panels()):
        found = panel.evaluate(_BORDERS)
        theme = {tuple(css_rgba(c)) for c in found["theme"].values()}
        roles = {tuple(css_rgba(c)) for c in found["roles"].values()}
        for border in found["borders"]:
            color = tuple(css_rgba(border["color"]))
            tables += border["table"]
            allowed = theme if border["table"] else theme | roles
            if color not in allowed:
                problems.append(
                    f"{lesson.name}: panel {p} ({_title(panel)!r}), {border['where']}: "
                    f"border {border['color']}, not one of the theme's {sorted(found['theme'].values())}"
                )
    assert not problems, "\n".join(problems[:20])
    if lesson.name.startswith("05"):
        assert tables, f"{lesson.name}: no table lines found (the LinkPanel shows a table)"


# -- the palette through the dark filter (no lesson) ---------------------------------------------------
_SWATCH = 24


def _swatches_png(colors: list[str]) -> bytes:
    """A PNG with one square per colour on a white background, as a figure would show them."""
    image = Image.new("RGB", (_SWATCH * (2 * len(colors) + 1), 3 * _SWATCH), "white")
    for k, color in enumerate(colors):
        image.paste(
            tuple(int(v) for v in hex_rgb(color)),
            (_SWATCH * (2 * k + 1), _SWATCH, _SWATCH * (2 * k + 2), 2 * _SWATCH),
        )
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _seen_through_the_stylesheet(chromium: Any, colors: list[str], background: str) -> tuple[dict, list[str]]:
    """Each colour as a dark page of ``background`` shows it in a figure, and the page's role colours."""
    css = Path(frontend.__file__).with_name("frontend.css").read_text(encoding="utf-8")
    assert DARK_FIGURE_FILTER in css, f"frontend.css does not show figures through {DARK_FIGURE_FILTER!r}"
    page = chromium.new_page(viewport={"width": 800, "height": 200})
    try:
        src = "data:image/png;base64," + base64.b64encode(_swatches_png(colors)).decode()
        page.set_content(
            f"<body data-jp-theme-light='false' style='margin:0;background:{background}'>"
            f"<div class='qwidgets-panel'><img class='widget-image' src='{src}'></div></body>"
        )
        page.add_style_tag(content=css)
        pixels = png_pixels(page.locator("img").screenshot())
        roles = page.locator(".qwidgets-panel").evaluate(
            "p => ['state', 'event'].map((r) => getComputedStyle(p).getPropertyValue(`--qwl-${r}`).trim())"
        )
    finally:
        page.close()
    return {c: pixels[int(1.5 * _SWATCH), int((2 * k + 1.5) * _SWATCH)] for k, c in enumerate(colors)}, roles


def _hue_shift(before: np.ndarray, after: np.ndarray) -> float:
    """Degrees between the CIELAB hue angles of two colours."""
    turn = np.degrees(np.arctan2(after[2], after[1]) - np.arctan2(before[2], before[1]))
    return float(abs((turn + 180) % 360 - 180))


@pytest.mark.parametrize("background", [DARK_BACKGROUND, "#212121"], ids=["jupyterlab", "voila"])
def test_dark_filter_keeps_the_palette_distinguishable(chromium, background):
    """Seen through the dark stylesheet on a page of ``background`` (JupyterLab Dark's, Voila's dark),
    the Okabe-Ito colours stay apart for every vision, keep their hues and equal :func:`on_dark`;
    the stylesheet's role colours are those values."""
    if isinstance(chromium, Exception):
        pytest.fail(str(chromium), pytrace=False)
    colors = [PALETTE[name] for name in HUES] + ["#FFFFFF"]
    seen, roles = _seen_through_the_stylesheet(chromium, colors, background)
    problems = [
        f"{c} shows as {hex_text(seen[c])} on {background}, on_dark() says {on_dark(c, background)}"
        for c in colors
        if np.abs(seen[c] - hex_rgb(on_dark(c, background))).max() > 3
    ]
    for role, value in zip(("state", "event"), roles):
        if value.upper() != on_dark(ROLE_COLORS[role]):
            problems.append(
                f"frontend.css: --qwl-{role} is {value!r} on dark pages, "
                f"the figures show {on_dark(ROLE_COLORS[role])}"
            )
    names = [*HUES, "background"]
    for vision in VISION:
        labs = {n: lab(seen[c], vision) for n, c in zip(names, colors)}
        for a, b in itertools.combinations(names, 2):
            delta = float(np.linalg.norm(labs[a] - labs[b]))
            if delta < MIN_PALETTE_DELTA_E:
                problems.append(
                    f"{vision} vision on {background}: {a} and {b} are {delta:.1f} ΔE apart, "
                    f"under {MIN_PALETTE_DELTA_E}"
                )
    for name in HUES:
        before, after = lab(hex_rgb(PALETTE[name])), lab(seen[PALETTE[name]])
        if (
            np.hypot(*before[1:]) > 20 and _hue_shift(before, after) > MAX_HUE_SHIFT_DEG
        ):  # a colour, not a grey
            problems.append(
                f"{name} {PALETTE[name]}: its hue turns {_hue_shift(before, after):.0f}° on {background}"
            )
    assert not problems, "\n".join(problems)


# -- screens ------------------------------------------------------------------------------------------
# JS: what a screen does to each panel: sideways overflow, parts outside, small text, blurry pictures.
_SCREEN = """
(panel, [minText, minScale, drawnRatio]) => {
  const vw = document.documentElement.clientWidth, dpr = devicePixelRatio;
  const box = panel.getBoundingClientRect();
  const name = (el) => `<${el.tagName.toLowerCase()} class="${String(el.className).slice(0, 60)}">` +
    ` ${(el.innerText || el.getAttribute('aria-label') || el.alt || '').trim().slice(0, 30)}`;
  const out = {overflow: panel.scrollWidth - panel.clientWidth,
               outside: [], clipped: [], small: [], blurry: [], shrunk: []};
  const parts = panel.querySelectorAll(
    '.widget-slider, .widget-toggle-buttons, button, input, select, img, table, .widget-label, .widget-html');
  for (const el of parts) {
    const r = el.getBoundingClientRect();
    if (!el.getClientRects().length || r.width === 0) continue;
    if (r.left < Math.max(0, box.left) - 1 || r.right > Math.min(vw, box.right) + 1) {
      out.outside.push(`${name(el)}: x ${r.left.toFixed(0)} to ${r.right.toFixed(0)}, ` +
        `panel ${box.left.toFixed(0)} to ${box.right.toFixed(0)}, screen ${vw}`);
    }
  }
  for (let el = panel.parentElement; el && !el.matches('.jp-Notebook'); el = el.parentElement) {
    if (getComputedStyle(el).overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) {
      out.clipped.push(`the panel's <${el.tagName.toLowerCase()} class="${el.className}">: ` +
        `${el.scrollWidth} px of content in ${el.clientWidth} px (it scrolls sideways)`);
    }
  }
  for (const el of [panel, ...panel.querySelectorAll('*')]) {
    if (!el.getClientRects().length) continue;
    const s = getComputedStyle(el);
    if (s.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) {
      out.clipped.push(`${name(el)}: ${el.scrollWidth} px of content in ${el.clientWidth} px ` +
        `(overflow-x ${s.overflowX})`);
    }
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (own && parseFloat(s.fontSize) < minText) out.small.push(`${name(el)}: ${s.fontSize}`);
  }
  for (const img of panel.querySelectorAll('img.widget-image')) {
    const w = img.getBoundingClientRect().width;
    if (!w) continue;
    if (img.naturalWidth < w * dpr - 0.5) {
      out.blurry.push(`${name(img)}: ${img.naturalWidth} px shown ${w.toFixed(0)} CSS px wide at ${dpr}x`);
    }
    const drawn = img.naturalWidth / drawnRatio;  // a panel narrower than a figure shrinks it to fit
    if (w < drawn * minScale && panel.clientWidth > drawn + 4) {
      out.shrunk.push(`${name(img)}: drawn ${drawn} CSS px, shown ${w.toFixed(0)}`);
    }
  }
  return out;
}
"""

_NOTEBOOK_OVERFLOW = """
() => [...document.querySelectorAll('.jp-NotebookPanel :is(.jp-WindowedPanel-outer, .jp-Notebook)')]
  .filter((el) => el.getClientRects().length)
  .map((el) => el.scrollWidth - el.clientWidth)
"""


@pytest.mark.parametrize("screen", list(SCREENS))
def test_screens_show_every_panel_whole_readable_and_sharp(lesson, screen):
    """At each screen size and pixel ratio: nothing clipped or outside, text >= 12 px, pictures sharp."""
    lesson.screen(*SCREENS[screen])
    problems = [
        f"{lesson.name} at {screen}: the notebook scrolls sideways by {over_px} px"
        for over_px in lesson.page.evaluate(_NOTEBOOK_OVERFLOW)
        if over_px > 1
    ]
    for p, panel in enumerate(lesson.panels()):
        panel.scroll_into_view_if_needed()
        if screen in ("800x900", "1280x800"):
            lesson.shot(panel, f"{screen}-panel{p}")
        found = panel.evaluate(_SCREEN, [MIN_TEXT_PX, MIN_FIGURE_SCALE, PIXEL_RATIO])
        where = f"{lesson.name} at {screen}: panel {p} ({_title(panel)!r})"
        if found["overflow"] > 1:
            problems.append(f"{where}: scrolls sideways by {found['overflow']} px")
        for kind, what in (
            ("outside", "outside the panel or the screen"),
            ("clipped", "cut off"),
            ("small", f"text under {MIN_TEXT_PX:.0f} px"),
            ("blurry", "blurry (fewer pixels than shown)"),
            (
                "shrunk",
                f"figure shrunk under {MIN_FIGURE_SCALE:.2f} of its size (its small text under 12 px)",
            ),
        ):
            problems += [f"{where}: {what}: {item}" for item in found[kind]]
    assert not problems, "\n".join(problems[:25])
