"""Fixtures for the real-browser tests: JupyterLab and Notebook 7 servers, headless Debian Chromium.

The driver is :mod:`qwidgets.testing.jupyterlab`; only ``playwright`` (its sync API) is needed,
pytest-playwright is not used. The lessons are
copied to a temporary directory first, so running them in the browser never touches the
repository's notebooks. Screenshots of failures go to the test's pytest tmp dir.

``lesson_run`` (JupyterLab) and ``nb7_lesson_run`` (Notebook 7) open one lesson, Run All Cells
and wait until it has run; they are parametrized per lesson with session scope, so pytest groups
the tests of one lesson and runs each lesson once per front end. One server per front end for the
session. In Notebook 7 the next lesson's page starts loading while the tests of a lesson run
(:class:`Prefetch`).

Environment:
``QWL_CHROMIUM``      another Chromium binary than /usr/bin/chromium
``QWL_LESSONS_DIR``   another folder of notebooks than lessons/ (to try the test itself)
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lesson_checks import LessonRun

from qwidgets.testing import jupyterlab as drv

LESSONS_SRC = Path(os.environ.get("QWL_LESSONS_DIR") or drv.LESSONS_DIR)
RUN_TIMEOUT_S = 90.0
# a word in a test's name -> the panel it drives
_PANEL_TESTS = {"qubit": "QubitPanel", "link": "LinkPanel", "teleport": "TeleportationPanel"}
# the fixtures that run a lesson -> (the fixture of their server, its key in drv.FRONT_ENDS)
_LESSON_RUNS = {"lesson_run": ("lab_server", "lab"), "nb7_lesson_run": ("nb7_server", "notebook")}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One parameter per lesson notebook; no lessons is a failure, never a silent skip."""
    for fixture in _LESSON_RUNS:
        if fixture not in metafunc.fixturenames:
            continue
        paths = drv.lesson_paths(LESSONS_SRC)
        for word, panel in _PANEL_TESTS.items():  # a panel's own tests: the lessons that show one
            if word in metafunc.function.__name__:
                paths = [p for p in paths if f"{panel}(" in p.read_text(encoding="utf-8")]
        names = [p.name for p in paths] or ["<no lessons found>"]
        metafunc.parametrize(fixture, names, indirect=True, scope="session")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def lessons_copy(tmp_path_factory) -> Path:
    return (
        drv.copy_lessons(tmp_path_factory.mktemp("lessons"), LESSONS_SRC)
        if LESSONS_SRC.is_dir()
        else tmp_path_factory.mktemp("lessons")
    )


@pytest.fixture(scope="session")
def lab_server(lessons_copy, tmp_path_factory):
    with drv.LabServer(lessons_copy, tmp_path_factory.mktemp("jupyterlab")) as server:
        yield server


@pytest.fixture(scope="session")
def nb7_server(lessons_copy, tmp_path_factory):
    """ONE Notebook 7 server (``jupyter notebook``) for the session, on the same copy of the lessons."""
    with drv.LabServer(lessons_copy, tmp_path_factory.mktemp("notebook7"), front_end="notebook") as server:
        yield server


class Prefetch:
    """Lesson pages opened ahead, so that one lesson loads and runs while the tests of the one
    before run (the kernel of one lesson computes while the browser tests the other).

    ``load`` starts loading a page; ``advance`` (called between tests) clicks Run All in every
    loaded page whose kernel is ready; ``take`` hands a page over, loaded and maybe running."""

    def __init__(self, chromium: Any, server: drv.LabServer) -> None:
        self.chromium, self.server = chromium, server
        self.pages: dict[str, tuple[Any, drv.LabNotebook]] = {}
        self.running: set[str] = set()

    def load(self, name: str) -> None:
        """Start loading ``name``'s page in a new browser context, unless it is already loading."""
        if name not in self.pages:
            context = self.chromium.new_context(viewport=drv.VIEWPORT)
            self.pages[name] = (context, drv.LabNotebook(context.new_page(), self.server, name).load())

    def advance(self) -> None:
        """Run All in each loaded page whose kernel is idle (a look at each page, no waiting).

        A page that fails here is dropped: ``take`` then opens the lesson afresh, and its own
        run reports what is wrong."""
        for name, (context, nb) in list(self.pages.items()):
            if name in self.running:
                continue
            try:
                if nb.ready():
                    nb.open()  # ready: returns at once
                    nb.run_all()
                    self.running.add(name)
            except Exception:  # noqa: BLE001 - reported by the lesson's own run, not by another test
                del self.pages[name]
                context.close()
                self.server.shutdown_sessions(name)

    def take(self, name: str) -> tuple[Any, drv.LabNotebook, bool]:
        """(context, notebook, whether Run All was clicked) of ``name``, loaded now if need be."""
        self.load(name)
        running = name in self.running
        self.running.discard(name)
        return (*self.pages.pop(name), running)

    def close(self) -> None:
        """Close the pages nobody took, and shut their kernels down."""
        for name, (context, _) in self.pages.items():
            context.close()
            self.server.shutdown_sessions(name)
        self.pages.clear()
        self.running.clear()


@pytest.fixture(scope="session")
def nb7_prefetch(chromium, nb7_server):
    pages = Prefetch(chromium, nb7_server)
    yield pages
    pages.close()


def _lessons_after(request: pytest.FixtureRequest, fixture: str, name: str) -> list[str]:
    """The lessons that ``fixture`` will run after ``name``, in the order of the selected tests."""
    order: list[str] = []
    for item in request.session.items:
        param = getattr(item, "callspec", None) and item.callspec.params.get(fixture)
        if param and param not in order:
            order.append(param)
    return order[order.index(name) + 1 :] if name in order else []


def _run_lesson(
    request: pytest.FixtureRequest, fixture: str, prefetch: str | None = None
) -> Iterator[LessonRun]:
    """Open the lesson ``request.param`` in the front end of ``_LESSON_RUNS[fixture]``, Run All
    Cells, wait until execution is over; yield the :class:`LessonRun`, then close the page and
    shut its kernel down. With ``prefetch`` (a :class:`Prefetch` fixture), the next lesson starts
    loading as soon as this one runs."""
    name = request.param
    chromium = request.getfixturevalue("chromium")
    lessons = request.getfixturevalue("lessons_copy")
    server_fixture, key = _LESSON_RUNS[fixture]
    front_end = drv.FRONT_ENDS[key].title
    if isinstance(chromium, Exception):
        yield LessonRun(name, front_end, problem=str(chromium))
        return
    if not (lessons / name).is_file():
        yield LessonRun(name, front_end, problem=f"no lesson notebooks (*.ipynb) in {LESSONS_SRC}")
        return
    server = request.getfixturevalue(server_fixture)
    pages = request.getfixturevalue(prefetch) if prefetch else Prefetch(chromium, server)
    context, nb, running = pages.take(name)
    try:
        if not running:
            nb.open()
            nb.run_all()
        following = _lessons_after(request, fixture, name) if prefetch else []
        if following:  # it loads while this one runs, and runs (advance) while this one is tested
            pages.load(following[0])
        prompts = nb.wait_execution_done(RUN_TIMEOUT_S)
        pages.advance()
    except Exception:
        shot = request.getfixturevalue("tmp_path_factory").mktemp("failure") / f"{Path(name).stem}-run.png"
        nb.page.screenshot(path=str(shot))
        yield LessonRun(
            name,
            front_end,
            nb,
            problem=f"{name}: could not open and run it in {front_end} (screenshot {shot}):\n"
            f"{traceback.format_exc(limit=3)}\nserver log tail:\n{server.log_tail(15)}",
        )
    else:
        yield LessonRun(name, front_end, nb, prompts)
    finally:
        context.close()
        server.shutdown_sessions(name)


@pytest.fixture(scope="session")
def lesson_run(request):
    """The lesson opened in JupyterLab and run with Run All Cells."""
    yield from _run_lesson(request, "lesson_run")


@pytest.fixture(scope="session")
def nb7_lesson_run(request):
    """The lesson opened in Notebook 7 and run with Run All Cells (the next lesson prefetched)."""
    yield from _run_lesson(request, "nb7_lesson_run", prefetch="nb7_prefetch")


@pytest.fixture(autouse=True)
def _run_prefetched_lessons(request):
    """After each Notebook 7 lesson test, Run All in the next lesson's page once it is ready."""
    pages = request.getfixturevalue("nb7_prefetch") if "nb7_lesson_run" in request.fixturenames else None
    yield
    if pages is not None:
        pages.advance()


@pytest.fixture(autouse=True)
def _screenshot_on_failure(request, tmp_path):
    """On a failed browser test, save a screenshot of its page in the test's tmp dir."""
    runs = [request.getfixturevalue(fixture) for fixture in _LESSON_RUNS if fixture in request.fixturenames]
    yield
    report = getattr(request.node, "rep_call", None)
    if report is None or not report.failed:
        return
    for run in runs:
        if run.nb is None or run.nb.page.is_closed():
            continue
        shot = tmp_path / f"{Path(run.name).stem}-{request.node.originalname}.png"
        try:
            run.nb.page.screenshot(path=str(shot))
            print(f"screenshot of the failure: {shot}")
        except Exception as exc:  # noqa: BLE001 - the test already failed; say why there's no shot
            print(f"no screenshot ({exc})")
