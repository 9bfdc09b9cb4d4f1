"""The set-up files agree with each other: README, CI, pyproject, Binder and .dockerignore."""

import fnmatch
import posixpath
import re
import shlex
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent


def readme_commands():
    return re.findall(r"```bash\n(.+?)\n```", (ROOT / "README.md").read_text())


FIRST_LESSON = "lessons/00_welcome.ipynb"


def jupyter_lab_argv(command):
    """The arguments of the ``jupyter lab`` call that ends a README command (shell words)."""
    argv = shlex.split(command.split("&&")[-1])
    assert argv[:2] == [".venv/bin/jupyter", "lab"], f"not a `.venv/bin/jupyter lab` call: {command}"
    return argv[2:]


def served_and_opened(args):
    """(server root relative to where the command runs, path opened in JupyterLab's tree).

    Follows jupyter_server 2 (serverapp.py): a file given on the command line becomes
    ``file_to_run``, and when ``root_dir`` is not set it defaults to that file's directory
    (``_default_root_dir``); without a file the root is the current directory. The page opened
    is the file (relative to the root), else ``default_url`` (``/lab`` unless set).
    """
    options, files = {}, []
    for arg in args:
        if arg.startswith("--"):
            name, _, value = arg[2:].partition("=")
            options[name] = value
        else:
            files.append(arg)
    assert len(files) <= 1, f"more than one file to open: {files}"
    root = options.get("ServerApp.root_dir") or options.get("notebook-dir")
    if root is None:
        root = (posixpath.dirname(files[0]) or ".") if files else "."
    if files:
        opened = posixpath.relpath(posixpath.normpath(files[0]), posixpath.normpath(root))
    else:
        default_url = options.get("LabApp.default_url", "/lab")
        opened = default_url.removeprefix("/lab/tree/") if default_url.startswith("/lab/tree/") else None
    return posixpath.normpath(root), opened


def test_readme_has_exactly_two_setup_commands():
    commands = readme_commands()
    assert len(commands) == 2
    assert commands[0].startswith("python3 -m venv .venv && .venv/bin/pip install -e . && ")
    jupyter_lab_argv(commands[0])  # fails unless it ends with `.venv/bin/jupyter lab ...`
    assert commands[1].endswith("-m pytest")


def test_readme_open_command_works_as_root():
    # jupyter_server refuses to start as root ("Running as root is not recommended. Use
    # --allow-root to bypass."), and containers run as root; the flag is harmless otherwise.
    assert "--allow-root" in jupyter_lab_argv(readme_commands()[0])


def test_readme_open_command_serves_the_repository_and_opens_the_first_lesson():
    root, opened = served_and_opened(jupyter_lab_argv(readme_commands()[0]))
    assert root == ".", f"the server's root is {root!r}, not the repository (file browser, paths)"
    assert opened == FIRST_LESSON, f"the command opens {opened!r}, not {FIRST_LESSON}"
    assert (ROOT / FIRST_LESSON).is_file()
    # The same page as the Binder badge, so paths match between a local install and Binder.
    assert f"urlpath=lab/tree/{FIRST_LESSON})" in (ROOT / "README.md").read_text()


def test_served_and_opened_follows_jupyter_server():
    # The model above must be able to tell the old command (root = lessons/) from a good one.
    assert served_and_opened([FIRST_LESSON]) == ("lessons", "00_welcome.ipynb")
    assert served_and_opened(["--ServerApp.root_dir=.", FIRST_LESSON]) == (".", FIRST_LESSON)
    assert served_and_opened([f"--LabApp.default_url=/lab/tree/{FIRST_LESSON}"]) == (".", FIRST_LESSON)
    assert served_and_opened([]) == (".", None)


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert readme_commands()[1] in ci.splitlines()
    # and installs Debian's chromium first when it is missing (the browser tests need it)
    assert "command -v chromium" in ci
    assert re.search(r"apt-get install .*\bchromium\b", ci)


def binder_pins():
    pins = {}
    for line in (ROOT / "binder" / "requirements.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            requirement = Requirement(line)
            (spec,) = requirement.specifier
            assert spec.operator == "==", f"{line}: Binder pins exact versions"
            pins[requirement.name.lower()] = spec.version
    return pins


def test_binder_pins_satisfy_the_package_ranges():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    ranges = {Requirement(r).name.lower(): Requirement(r).specifier for r in project["dependencies"]}
    pins = binder_pins()
    for name, specifier in ranges.items():
        assert name in pins, f"binder/requirements.txt does not pin {name}"
        assert specifier.contains(pins[name]), f"Binder's {name}=={pins[name]} is outside {specifier}"
    assert {"jupyterlab_widgets", "widgetsnbextension"} <= set(pins)


def notebook_goes_with_jupyterlab(notebook, jupyterlab):
    """Notebook 7 follows JupyterLab 4's minor versions: notebook 7.N requires jupyterlab 4.N.

    The rule is notebook's own: "Follow JupyterLab minor versions" (jupyter/notebook#7250, in
    the 7.1.0 release notes), and every 7.N release declares ``jupyterlab>=4.N.x,<4.(N+1)``
    (7.4.7: ``>=4.4.9,<4.5``; 7.6.5: ``>=4.6.6,<4.7``).
    """
    notebook, jupyterlab = Version(notebook), Version(jupyterlab)
    return (notebook.major, jupyterlab.major) == (7, 4) and notebook.minor == jupyterlab.minor


def test_binder_pins_a_notebook_that_goes_with_its_jupyterlab():
    # repo2docker's base environment already has notebook (7.4.7 in the py3.12 one); pip
    # refuses our jupyterlab pin next to it unless notebook is pinned to the matching release.
    pins = binder_pins()
    assert "notebook" in pins, "binder/requirements.txt must pin notebook (repo2docker ships one)"
    assert notebook_goes_with_jupyterlab(pins["notebook"], pins["jupyterlab"]), (
        f"notebook=={pins['notebook']} does not go with jupyterlab=={pins['jupyterlab']}"
    )


def test_notebook_goes_with_jupyterlab_rule():
    assert notebook_goes_with_jupyterlab("7.6.5", "4.6.6")
    assert not notebook_goes_with_jupyterlab("7.4.7", "4.6.6")  # repo2docker's base + our pin
    assert not notebook_goes_with_jupyterlab("6.5.7", "4.6.6")


def dockerignore_patterns(path):
    lines = (line.strip() for line in path.read_text().splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def ignored(path, patterns):
    """Whether a path is left out (roughly Docker's rules: a pattern matches the path or a parent
    directory of it; ``**/`` matches at any depth)."""
    parts = path.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if pattern.startswith("**/"):
            if any(fnmatch.fnmatchcase(part, pattern[3:]) for part in parts):
                return True
        elif any(fnmatch.fnmatchcase(prefix, pattern) for prefix in prefixes):
            return True
    return False


def test_dockerignore_keeps_local_environments_out_of_images():
    patterns = dockerignore_patterns(ROOT / ".dockerignore")
    for junk in [".venv/bin/python", "qwidgets/__pycache__/x.pyc", "qwidgets.egg-info/PKG-INFO",
                 ".pytest_cache/v", ".hypothesis/examples"]:
        assert ignored(junk, patterns), f".dockerignore does not leave out {junk}"
    for needed in ["binder/requirements.txt", "binder/postBuild", "pyproject.toml", "README.md",
                   "qwidgets/__init__.py", FIRST_LESSON]:
        assert not ignored(needed, patterns), f".dockerignore leaves out {needed}, which the image needs"


def test_repo2docker_reads_the_same_dockerignore():
    # With a binder/ folder, repo2docker reads its ignore file from there (binder_path(
    # ".dockerignore") in repo2docker/buildpacks/base.py), never from the repository root.
    binder_copy = ROOT / "binder" / ".dockerignore"
    assert binder_copy.is_file(), "binder/.dockerignore missing: repo2docker would send .venv"
    assert binder_copy.read_text() == (ROOT / ".dockerignore").read_text()


def test_dockerignore_rules_can_fail():
    assert ignored(".venv/lib", [".venv"]) and ignored("a/__pycache__/b", ["**/__pycache__"])
    assert not ignored("lessons/00_welcome.ipynb", [".venv", "**/__pycache__"])


def test_readme_lesson_map_lists_every_lesson():
    readme = (ROOT / "README.md").read_text()
    lessons = sorted(p.name for p in (ROOT / "lessons").glob("*.ipynb"))
    assert lessons
    for name in lessons:
        assert f"(lessons/{name})" in readme, f"README's lesson map misses {name}"
    assert readme.count("](lessons/") == len(lessons)


def test_package_data_ships_every_file_the_package_reads():
    """Every non-Python file under ``qwidgets/`` (the panels' JavaScript and CSS) is package data.

    An editable install reads them from the source tree, so only a built wheel would miss one:
    the panels would then fail to load in the browser.
    """
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    patterns = config.get("package-data", {})
    files = [
        path
        for path in (ROOT / "qwidgets").rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    ]
    assert files, "expected the panels' frontend.js and frontend.css under qwidgets/"
    missing = []
    for path in files:
        package_dir = path.parent.relative_to(ROOT)
        package = ".".join(package_dir.parts)
        globs = patterns.get(package, []) + patterns.get("*", [])
        if not any(fnmatch.fnmatch(path.name, glob) for glob in globs):
            missing.append(str(path.relative_to(ROOT)))
    assert not missing, f"not in [tool.setuptools.package-data] of pyproject.toml: {missing}"
