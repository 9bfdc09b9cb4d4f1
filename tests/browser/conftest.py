"""Fixtures for the real-browser tests: a JupyterLab server and headless Debian Chromium.

The driver is :mod:`qwidgets.testing.jupyterlab`; only ``playwright`` (its sync API) is needed,
pytest-playwright is not used. The lessons are
copied to a temporary directory first, so running them in the browser never touches the
repository's notebooks. Screenshots of failures go to the test's pytest tmp dir.

Environment:
``QWL_CHROMIUM``      another Chromium binary than /usr/bin/chromium
``QWL_LESSONS_DIR``   another folder of notebooks than lessons/ (to try the test itself)
"""

from __future__ import annotations

import os
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest

from qwidgets.testing import jupyterlab as drv

LESSONS_SRC = Path(os.environ.get("QWL_LESSONS_DIR") or drv.LESSONS_DIR)
RUN_TIMEOUT_S = 90.0
# a word in a test's name -> the panel it drives
_PANEL_TESTS = {"qubit": "QubitPanel", "link": "LinkPanel", "teleport": "TeleportationPanel"}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One parameter per lesson notebook; no lessons is a failure, never a silent skip."""
    if "lesson_run" in metafunc.fixturenames:
        paths = drv.lesson_paths(LESSONS_SRC)
        for word, panel in _PANEL_TESTS.items():  # a panel's own tests: the lessons that show one
            if word in metafunc.function.__name__:
                paths = [p for p in paths if f"{panel}(" in p.read_text(encoding="utf-8")]
        names = [p.name for p in paths] or ["<no lessons found>"]
        metafunc.parametrize("lesson_run", names, indirect=True, scope="session")


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


@dataclass
class LessonRun:
    """A lesson opened in JupyterLab and run with Run All (or why that was not possible)."""

    name: str
    nb: drv.LabNotebook | None = None
    prompts: list[str] | None = None
    problem: str | None = None

    def require(self) -> drv.LabNotebook:
        if self.problem:
            pytest.fail(self.problem, pytrace=False)
        return self.nb


@pytest.fixture(scope="session")
def lesson_run(request, chromium, lessons_copy, tmp_path_factory):
    """Open the lesson in JupyterLab, Run All Cells, wait until execution is over."""
    name = request.param
    if isinstance(chromium, Exception):
        yield LessonRun(name, problem=str(chromium))
        return
    if not (lessons_copy / name).is_file():
        yield LessonRun(name, problem=f"no lesson notebooks (*.ipynb) in {LESSONS_SRC}")
        return
    server = request.getfixturevalue("lab_server")
    context = chromium.new_context(viewport=drv.VIEWPORT)
    page = context.new_page()
    nb = drv.LabNotebook(page, server, name)
    try:
        nb.open()
        nb.run_all()
        prompts = nb.wait_execution_done(RUN_TIMEOUT_S)
    except Exception:
        shot = tmp_path_factory.mktemp("failure") / f"{Path(name).stem}-run.png"
        page.screenshot(path=str(shot))
        yield LessonRun(
            name,
            nb,
            problem=f"{name}: could not open and run it in JupyterLab (screenshot {shot}):\n"
            f"{traceback.format_exc(limit=3)}\nserver log tail:\n{server.log_tail(15)}",
        )
    else:
        yield LessonRun(name, nb, prompts)
    finally:
        context.close()
        server.shutdown_sessions(name)


@pytest.fixture(autouse=True)
def _screenshot_on_failure(request, tmp_path):
    """On a failed browser test, save a screenshot of its page in the test's tmp dir."""
    yield
    report = getattr(request.node, "rep_call", None)
    if report is None or not report.failed or "lesson_run" not in request.fixturenames:
        return
    run = request.getfixturevalue("lesson_run")
    if run.nb is None or run.nb.page.is_closed():
        return
    shot = tmp_path / f"{Path(run.name).stem}-{request.node.originalname}.png"
    try:
        run.nb.page.screenshot(path=str(shot))
        print(f"screenshot of the failure: {shot}")
    except Exception as exc:  # noqa: BLE001 - the test already failed; say why there's no shot
        print(f"no screenshot ({exc})")
