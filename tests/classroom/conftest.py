"""Running nbgrader from the tests: its commands need the venv's ``bin`` on PATH (it runs ``alembic``)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
RELEASE_ALL = """
import os
from nbgrader.apps import NbGraderAPI
from traitlets.config.loader import PyFileConfigLoader

config = PyFileConfigLoader("nbgrader_config.py", path=".").load_config()
config.CourseDirectory.root = os.getcwd()
api = NbGraderAPI(config=config)
for assignment in sorted(os.listdir("source")):
    result = api.generate_assignment(assignment, force=True)
    assert result["success"], result.get("error")
"""


def nbgrader_env() -> dict[str, str]:
    """The environment for nbgrader: this interpreter's ``bin`` first on PATH."""
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}


def run_in(course: Path, *command: str) -> subprocess.CompletedProcess:
    """Run ``command`` in the course directory; fail the test with its output if it fails."""
    result = subprocess.run(
        command, cwd=course, env=nbgrader_env(), capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result


def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    """Run ``nbgrader ARGS`` in the course directory."""
    return run_in(course, str(BIN / "nbgrader"), *args)


@pytest.fixture(scope="session")
def released_course(tmp_path_factory):
    """A course of every lesson with exercises, generated and released (``generate_assignment``)."""
    from qwidgets.classroom import generate_course

    course = tmp_path_factory.mktemp("course")
    generate_course(course)
    run_in(course, sys.executable, "-c", RELEASE_ALL)  # one process for all lessons: ~12 s, not 12 x 5 s
    return course


@pytest.fixture(scope="session")
def run_nbgrader():
    """:func:`nbgrader`, for tests: ``run_nbgrader(course, "autograde", ...)``."""
    return nbgrader
