"""Nothing a student can import hands over a graded answer; the grader's side can (positive control).

A student's environment is the installed ``qwidgets`` with the lessons, on a hub that names the
student (``JUPYTERHUB_USER``); the reference solutions live in ``grading/`` of the repository,
which is not installed with ``qwidgets``.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from qwidgets.paths import REPO_ROOT

PROBE = Path(__file__).with_name("student_probe.py")


def probe(tmp_path, *extra_packages, pythonpath=None):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "QWIDGETS_STUDENT")}
    env.update(JUPYTERHUB_USER="alice", MPLBACKEND="Agg")
    if pythonpath:
        env["PYTHONPATH"] = str(pythonpath)
    result = subprocess.run(
        [sys.executable, str(PROBE), *extra_packages],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def student_probe(tmp_path_factory):
    return probe(tmp_path_factory.mktemp("student"))


def test_the_grading_side_is_not_importable_for_a_student(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    script = "import importlib.util; print(importlib.util.find_spec('qwidgets_grading'))"
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO_ROOT / "lessons",
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "None", "a student's kernel (in lessons/) must not find the solutions"


def test_nothing_importable_returns_a_graded_answer(student_probe):
    assert "qwidgets.exercises.variants" in student_probe["modules"]
    assert "qwidgets.classroom.assignments" in student_probe["modules"]
    assert student_probe["calls"] > 10_000, "the probe called (almost) nothing"
    assert student_probe["graded"] == []


def test_the_probe_finds_the_graders_reference_solution(tmp_path):
    grader = probe(tmp_path, "qwidgets_grading", pythonpath=REPO_ROOT / "grading")
    found = {(label, exercise) for label, _, exercise in grader["graded"]}
    assert ("qwidgets_grading.registry.reference_solution", "qubits.probability_zero") in found


def test_the_installed_package_holds_no_reference_solution():
    files = importlib.metadata.files("qwidgets") or []
    sources = [f for f in files if f.suffix == ".py" and str(f).startswith("qwidgets/")]
    if not sources:  # an editable install lists no module files: read the package itself
        sources = list((REPO_ROOT / "qwidgets").rglob("*.py"))
        texts = {str(p): p.read_text(encoding="utf-8") for p in sources}
    else:
        texts = {str(f): f.read_text(encoding="utf-8") for f in sources}
    assert len(texts) > 30
    assert not [name for name, text in texts.items() if "@solution(" in text]
