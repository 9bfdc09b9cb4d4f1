"""Fixtures for the Voila tests: one Voila server on a copy of the lessons, pages in headless Chromium.

ONE server (``voila_server``, session scope) serves a temporary copy of ``lessons/`` with
progressive rendering, as :class:`qwidgets.app.VoilaServer` does for students. ``lesson_app``
opens one lesson in a new browser context, waits until every panel shows a picture, and records
(in the page) how long the first panel and all panels took; it is parametrized per lesson with
session scope, so pytest groups the tests of one lesson and opens each lesson once, and it opens
the next lesson at once (``Prefetch``), so that the server renders one lesson while the browser
tests the one before. The timings (inflated by that overlap; ``benchmarks/front_ends.py`` measures
cold pages one at a time) are printed at the end of the run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from qwidgets.app import VoilaServer
from qwidgets.localhost import free_port
from qwidgets.testing import jupyterlab as drv

RENDER_TIMEOUT_S = 120.0
# Injected before the page's own scripts: every 50 ms, note the page time (performance.now(),
# from the start of navigation) of the first panel picture and of every panel pictured.
PICTURE_CLOCK_JS = """
window.__qwl = {expected: %d, first: null, all: null};
(() => { const timer = setInterval(() => {
  const panels = [...document.querySelectorAll('.qwidgets-panel')];
  const shown = panels.filter((p) => {
    const imgs = [...p.querySelectorAll('img.widget-image')];
    return imgs.length && imgs.every((i) => i.src.startsWith('blob:') || i.src.startsWith('data:'));
  }).length;
  if (shown >= 1 && __qwl.first === null) __qwl.first = performance.now();
  if (shown >= __qwl.expected && panels.length === shown) {
    __qwl.all = performance.now();
    clearInterval(timer);
  }
}, 50); })();
"""
PANEL_APP = "eavesdropper"
TIMINGS: list[tuple[str, float, float]] = []


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One parameter per lesson notebook; no lessons is a failure, never a silent skip."""
    if "lesson_app" in metafunc.fixturenames:
        names = [p.name for p in drv.lesson_paths()] or ["<no lessons found>"]
        metafunc.parametrize("lesson_app", names, indirect=True, scope="session")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if TIMINGS:
        terminalreporter.write_sep(
            "-", "Voila: seconds from opening the page to the first / every panel (next lesson prefetched)"
        )
        for name, first, every in TIMINGS:
            terminalreporter.write_line(f"{name:40s} first {first:5.1f} s   all {every:5.1f} s")


@pytest.fixture(scope="session")
def voila_lessons(tmp_path_factory) -> Path:
    return drv.copy_lessons(tmp_path_factory.mktemp("voila-lessons"))


@pytest.fixture(scope="session")
def voila_server(voila_lessons):
    server = VoilaServer(voila_lessons, extra_args=("--VoilaConfiguration.show_tracebacks=True",))
    with server:
        yield server


def panel_pictures(page: Any) -> list[list[str]]:
    """The ``src`` of every picture, panel by panel."""
    return page.eval_on_selector_all(
        ".qwidgets-panel",
        "els => els.map(p => [...p.querySelectorAll('img.widget-image')].map(i => i.src))",
    )


def all_pictured(page: Any, expected: int) -> bool:
    """``expected`` panels are on the page and each shows pictures (blob: or data: URLs)."""
    srcs = panel_pictures(page)
    return len(srcs) >= expected and all(
        s and all(src.startswith(("blob:", "data:")) for src in s) for s in srcs
    )


def open_app(context: Any, url: str, expected: int) -> Any:
    """A new page of ``context`` that starts loading ``url``, its clock (``PICTURE_CLOCK_JS``) set."""
    page = context.new_page()
    page.add_init_script(PICTURE_CLOCK_JS % expected)
    page.goto(url, wait_until="commit")
    return page


def wait_rendered(page: Any) -> tuple[float, float]:
    """Wait until every panel shows its pictures; seconds from opening to the first and to the last.

    Raises ``TimeoutError`` when no panel shows a picture within ``RENDER_TIMEOUT_S``; when only
    some panels do, returns (first, timeout) and the tests say which panel is missing.
    """
    page.wait_for_function("() => window.__qwl && __qwl.first !== null", timeout=RENDER_TIMEOUT_S * 1000)
    drv.wait_until(lambda: page.evaluate("() => __qwl.all !== null"), RENDER_TIMEOUT_S)
    first, every = page.evaluate("() => [__qwl.first, __qwl.all ?? performance.now()]")
    return first / 1000, every / 1000


@dataclass
class VoilaPage:
    """A notebook open as a Voila app (or why that was not possible)."""

    name: str
    expected: int = 0
    page: Any = None
    problem: str | None = None
    timings: tuple[float, float] = field(default=(0.0, 0.0))

    def require(self) -> Any:
        """The page; the test fails with the reason when it could not be opened."""
        if self.problem:
            pytest.fail(self.problem, pytrace=False)
        return self.page

    def pictures(self) -> list[list[str]]:
        return panel_pictures(self.page)

    def all_pictured(self) -> bool:
        return all_pictured(self.page, self.expected)


class Prefetch:
    """The lessons' pages, each opened while the tests of the one before run (the server renders
    one lesson while the browser tests the other, which halves the wall time on 2 cores)."""

    def __init__(self, chromium: Any, server: VoilaServer, lessons: Path) -> None:
        self.chromium, self.server, self.lessons = chromium, server, lessons
        self.open: dict[str, tuple[Any, Any]] = {}

    def page(self, name: str) -> tuple[Any, Any]:
        """The (context, page) of ``name``, opening it now unless it was prefetched."""
        if name not in self.open:
            context = self.chromium.new_context(viewport=drv.VIEWPORT)
            expected = drv.expected_panels(self.lessons / name)
            self.open[name] = (context, open_app(context, self.server.url(name), expected))
        return self.open[name]

    def close(self, name: str) -> None:
        context, _ = self.open.pop(name, (None, None))
        if context is not None:
            context.close()


@pytest.fixture(scope="session")
def prefetch(chromium, voila_server, voila_lessons):
    pages = Prefetch(chromium, voila_server, voila_lessons)
    yield pages
    for name in list(pages.open):
        pages.close(name)


@pytest.fixture(scope="session")
def lesson_app(request, chromium, voila_lessons, tmp_path_factory):
    name = request.param
    if isinstance(chromium, Exception):
        yield VoilaPage(name, problem=str(chromium))
        return
    if not (voila_lessons / name).is_file():
        yield VoilaPage(name, problem=f"no lesson notebooks (*.ipynb) in {drv.LESSONS_DIR}")
        return
    server = request.getfixturevalue("voila_server")
    prefetch = request.getfixturevalue("prefetch")
    expected = drv.expected_panels(voila_lessons / name)
    _, page = prefetch.page(name)
    names = [p.name for p in drv.lesson_paths(voila_lessons)]
    following = names[names.index(name) + 1 :]
    if following:
        prefetch.page(following[0])
    try:
        first, every = wait_rendered(page)
    except Exception:
        shot = tmp_path_factory.mktemp("voila-failure") / f"{Path(name).stem}.png"
        page.screenshot(path=str(shot))
        yield VoilaPage(
            name,
            expected,
            problem=f"{name}: the Voila page did not show a panel picture (screenshot {shot}):\n"
            f"{traceback.format_exc(limit=3)}\nvoila log tail:\n{server.log_tail(15)}",
        )
    else:
        TIMINGS.append((name, first, every))
        yield VoilaPage(name, expected, page, timings=(first, every))
    finally:
        prefetch.close(name)


@dataclass
class PanelApp:
    """``python -m qwidgets.app PANEL --no-browser`` running, its first line, its page."""

    proc: subprocess.Popen
    line: str
    notebook: Path
    app: VoilaPage

    def stop(self) -> int:
        """SIGTERM, as ``kill`` does; return the exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(timeout=10)


@pytest.fixture
def panel_app(chromium, tmp_path):
    """``python -m qwidgets.app eavesdropper --port P --no-browser``, its page open in Chromium."""
    if isinstance(chromium, Exception):
        pytest.fail(str(chromium), pytrace=False)
    port = free_port()
    log = tmp_path / "app.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "qwidgets.app", "eavesdropper", "--port", str(port), "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=open(log, "wb"),
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    context = None
    running = PanelApp(proc, "", Path(), VoilaPage(PANEL_APP))
    try:
        running.line = proc.stdout.readline()  # printed once Voila answers
        if f"at http://127.0.0.1:{port}/ (notebook " not in running.line:
            pytest.fail(f"python -m qwidgets.app did not start: {running.line!r}\n{log.read_text()[-2000:]}")
        running.notebook = Path(running.line.split("(notebook ", 1)[1].split(";", 1)[0])
        context = chromium.new_context(viewport=drv.VIEWPORT)
        page = open_app(context, f"http://127.0.0.1:{port}/", 1)
        first, every = wait_rendered(page)
        TIMINGS.append((f"python -m qwidgets.app {PANEL_APP}", first, every))
        running.app = VoilaPage(PANEL_APP, 1, page, timings=(first, every))
        yield running
    finally:
        if context is not None:
            context.close()
        running.stop()
