"""The set-up files agree with each other: README, CI, pyproject and Binder."""

import re
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent


def readme_commands():
    return re.findall(r"```bash\n(.+?)\n```", (ROOT / "README.md").read_text())


def test_readme_has_exactly_two_setup_commands():
    commands = readme_commands()
    assert len(commands) == 2
    assert "jupyter lab lessons/00_welcome.ipynb" in commands[0]
    assert commands[1].endswith("-m pytest")


def test_ci_runs_the_readme_test_command():
    ci_lines = (ROOT / ".ci" / "run").read_text().splitlines()
    assert readme_commands()[1] in ci_lines


def test_binder_pins_satisfy_the_package_ranges():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    ranges = {Requirement(r).name.lower(): Requirement(r).specifier for r in project["dependencies"]}
    pins = {}
    for line in (ROOT / "binder" / "requirements.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            requirement = Requirement(line)
            (spec,) = requirement.specifier
            assert spec.operator == "==", f"{line}: Binder pins exact versions"
            pins[requirement.name.lower()] = spec.version
    for name, specifier in ranges.items():
        assert name in pins, f"binder/requirements.txt does not pin {name}"
        assert specifier.contains(pins[name]), f"Binder's {name}=={pins[name]} is outside {specifier}"
    assert {"jupyterlab_widgets", "widgetsnbextension"} <= set(pins)


def test_readme_lesson_map_lists_every_lesson():
    readme = (ROOT / "README.md").read_text()
    lessons = sorted(p.name for p in (ROOT / "lessons").glob("*.ipynb"))
    assert lessons
    for name in lessons:
        assert f"(lessons/{name})" in readme, f"README's lesson map misses {name}"
    assert readme.count("](lessons/") == len(lessons)
