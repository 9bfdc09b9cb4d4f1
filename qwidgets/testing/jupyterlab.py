"""Drive JupyterLab or Notebook 7 in headless Chromium with Playwright (sync API).

Shared by the real-browser tests (``tests/browser/``) and the benchmarks (``benchmarks/``);
it needs the ``test`` extra (playwright) and a Chromium binary, never a browser download.
Nothing here writes into the repository: the server serves a temporary copy of the lessons and
keeps its config, user settings, workspaces and runtime files in a temporary directory.

Pieces:

``find_chromium()``
    Debian's ``/usr/bin/chromium`` (or ``$QWL_CHROMIUM``); raises :class:`ChromiumMissing` with
    install instructions. Never ``playwright install``.
``FrontEnd``, ``FRONT_ENDS``
    What differs between JupyterLab (``"lab"``) and Notebook 7 (``"notebook"``): the server
    module, the app classes that take ``app_settings_dir`` and the page URL of a notebook. Both
    run the same JupyterLab 4 components (the same menus, cells and widget manager), so
    everything else below serves both.
``LabServer``
    ``jupyter lab`` (or, with ``front_end="notebook"``, ``jupyter notebook``) on 127.0.0.1, a
    free port, ``port_retries=0``, a random token, and an ``overrides.json`` (no news/update
    toast, every cell kept in the DOM) in an ``app_settings_dir`` of its own.
``LabNotebook``
    One notebook in one page: open, wait for the kernel through the REST API, Run All through
    the menu (Run > Run All Cells, in both front ends), wait until execution finishes, inspect
    outputs and panels.
``PanelView``
    The DOM of one panel: sliders, buttons, pictures, summary and tables.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qwidgets.localhost import free_port, stop_process
from qwidgets.paths import LESSONS_DIR

CHROMIUM_ENV = "QWL_CHROMIUM"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}

# Settings the server reads from its own app_settings_dir (overrides.json):
# - no "Jupyter news?" / update toast over the bottom right of the page;
# - windowingMode "none": every cell stays in the DOM, so counting panels, widget errors and
#   error outputs sees the whole notebook, not only the cells scrolled into view.
LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
}


@dataclass(frozen=True)
class FrontEnd:
    """How to start one Jupyter front end and where it shows a notebook."""

    title: str
    """Its name for people, e.g. in failure messages (``"Notebook 7"``)."""
    module: str
    """The module ``python -m`` starts (``jupyterlab``, ``notebook``)."""
    apps: tuple[str, ...]
    """The traitlets classes of the apps in that server that read ``app_settings_dir``."""
    notebook_url: str
    """The page of a notebook, ``{path}`` standing for its (quoted) path under the root."""


FRONT_ENDS = {
    "lab": FrontEnd("JupyterLab", "jupyterlab", ("LabApp",), "/lab/tree/{path}?reset"),  # ?reset: no old tabs
    # A Notebook 7 server loads JupyterLab's server extension too, and both register
    # /lab/api/settings: the one that answers reads LabApp's app_settings_dir (seen in
    # notebook 7.6.5), so both get ours. Start-up checks that the page's settings have it.
    "notebook": FrontEnd("Notebook 7", "notebook", ("JupyterNotebookApp", "LabApp"), "/notebooks/{path}"),
}
# JupyterLab's news feed and update check, off (its server extension also runs under Notebook 7).
_NO_NEWS_ARGS = ("--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate")

QUBIT_PANEL_TITLE = "A qubit on the Bloch sphere"
LINK_PANEL_TITLE = "Key rate against distance"
TELEPORT_PANEL_TITLE = "Teleporting a qubit"

# A code cell that displays a panel: a call of a class whose name ends in "Panel" that is not
# an import line (e.g. ``QubitPanel(theta=1.0)`` or ``panel = QubitPanel()`` then ``panel``).
_PANEL_CALL = re.compile(r"\b[A-Z]\w*Panel\s*\(")

# Error outputs: JupyterLab renders both an ``error`` output and a ``stream`` to stderr as
# ``application/vnd.jupyter.stderr``; an error's text has a traceback ("Traceback (most recent
# call last)") or, for a SyntaxError and friends, an "SomethingError: ..." line. Warnings
# ("UserWarning: ...") and plain stderr prints are not errors.
_ERROR_TEXT = re.compile(
    r"Traceback \(most recent call last\)|^\s*\w*(Error|Exception|Exit|Interrupt)\b(:|\s*$)",
    re.MULTILINE,
)
ERROR_OUTPUT_SELECTOR = (
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], '
    ".jp-RenderedText[data-mime-type*=error]"
)


class ChromiumMissing(RuntimeError):
    """No usable Chromium binary: the message says how to get one."""


def find_chromium() -> str:
    """Return the Chromium binary to use, or raise :class:`ChromiumMissing`."""
    wanted = os.environ.get(CHROMIUM_ENV) or DEFAULT_CHROMIUM
    path = shutil.which(wanted) if not os.path.isabs(wanted) else wanted
    if path and os.path.isfile(path) and os.access(path, os.X_OK):
        try:
            probe = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ChromiumMissing(_missing_message(path, f"`{path} --version` failed: {exc}")) from exc
        if probe.returncode == 0 and "chrom" in probe.stdout.lower():
            return path
        raise ChromiumMissing(
            _missing_message(
                path,
                f"`{path} --version` gave {probe.returncode}: {(probe.stdout + probe.stderr).strip()[:200]}",
            )
        )
    raise ChromiumMissing(_missing_message(wanted, "not found or not executable"))


def _missing_message(path: str, why: str) -> str:
    return (
        f"Chromium for the browser tests: {path}: {why}. Install Debian's chromium "
        f"(`sudo apt-get install -y chromium`, which provides {DEFAULT_CHROMIUM}) or set "
        f"{CHROMIUM_ENV}=/path/to/a/chromium-binary. Do not run `playwright install`."
    )


def launch_browser(playwright: Any):
    """Launch headless Chromium (Debian's, never Playwright's download)."""
    return playwright.chromium.launch(executable_path=find_chromium(), headless=True, args=LAUNCH_ARGS)


@contextlib.contextmanager
def headless_chromium() -> Iterator[Any]:
    """A Playwright session with :func:`launch_browser`'s browser, closed on exit.

    Raises :class:`ChromiumMissing` before starting anything when no Chromium is found.
    """
    find_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_browser(playwright)
        try:
            yield browser
        finally:
            browser.close()


def lesson_paths(lessons_dir: Path = LESSONS_DIR) -> list[Path]:
    """The course notebooks, in order (``NN_topic.ipynb``)."""
    return sorted(p for p in lessons_dir.glob("*.ipynb") if not p.name.startswith("."))


def copy_lessons(dst: Path, lessons_dir: Path = LESSONS_DIR) -> Path:
    """Copy the lessons (notebooks and any data beside them) to ``dst``; return ``dst``."""
    shutil.copytree(
        lessons_dir,
        dst,
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
    )
    return dst


def expected_panels(notebook: Path) -> int:
    """Number of code cells in ``notebook`` that display a panel (see ``_PANEL_CALL``)."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    count = 0
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        lines = [
            line
            for line in source.splitlines()
            if line.strip() and not line.lstrip().startswith(("from ", "import ", "#"))
        ]
        if any(_PANEL_CALL.search(line) for line in lines) and not lines[-1].rstrip().endswith(";"):
            count += 1
    return count


class LabServer:
    """A JupyterLab (or Notebook 7) server on 127.0.0.1 serving ``root_dir``, state in ``work_dir``."""

    def __init__(
        self,
        root_dir: Path,
        work_dir: Path,
        *,
        startup_timeout: float = 60.0,
        overrides: dict[str, dict[str, Any]] | None = None,
        front_end: str = "lab",
    ) -> None:
        """``overrides``: settings per plugin, merged over :data:`LAB_OVERRIDES` (e.g. a theme).

        ``front_end``: a key of :data:`FRONT_ENDS`, ``"lab"`` (JupyterLab) or ``"notebook"``
        (Notebook 7)."""
        if front_end not in FRONT_ENDS:
            raise ValueError(f"front_end must be one of {sorted(FRONT_ENDS)}; got {front_end!r}")
        self.front_end = FRONT_ENDS[front_end]
        self.root_dir = Path(root_dir)
        self.overrides = {
            plugin: {**LAB_OVERRIDES.get(plugin, {}), **(overrides or {}).get(plugin, {})}
            for plugin in {**LAB_OVERRIDES, **(overrides or {})}
        }
        self.work_dir = Path(work_dir)
        self.startup_timeout = startup_timeout
        self.token = secrets.token_hex(16)
        self.port = 0
        self.proc: subprocess.Popen | None = None
        self.log_path = self.work_dir / f"{self.front_end.module}.log"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def notebook_url(self, name: str) -> str:
        """The page that shows notebook ``name`` (a path under the root), token included."""
        url = self.base + self.front_end.notebook_url.format(path=urllib.parse.quote(name))
        return f"{url}{'&' if '?' in url else '?'}token={self.token}"

    # -- lifecycle ------------------------------------------------------------------------
    def _prepare_dirs(self) -> dict[str, str]:
        lab = self.work_dir / "lab"
        settings = lab / "settings"
        settings.mkdir(parents=True, exist_ok=True)
        (settings / "overrides.json").write_text(json.dumps(self.overrides, indent=2))
        # jupyterlab_server reads <dirname(app_settings_dir)>/static/package.json for the
        # extension metadata of the built app: point that at the real one.
        real_static = Path(sys.prefix) / "share" / "jupyter" / "lab" / "static"
        if real_static.is_dir() and not (lab / "static").exists():
            (lab / "static").symlink_to(real_static)
        dirs = {}
        for var, sub in (
            ("JUPYTER_CONFIG_DIR", "config"),
            ("JUPYTERLAB_SETTINGS_DIR", "user-settings"),
            ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"),
            ("JUPYTER_RUNTIME_DIR", "runtime"),
        ):
            path = self.work_dir / sub
            path.mkdir(parents=True, exist_ok=True)
            dirs[var] = str(path)
        return {**dirs, "APP_SETTINGS_DIR": str(settings)}

    def start(self) -> "LabServer":
        """Start the server and wait until it answers; on any failure, stop it again."""
        try:
            return self._start()
        except BaseException:
            self.stop()  # never leave a server behind (also on Ctrl-C)
            raise

    def _start(self) -> "LabServer":
        dirs = self._prepare_dirs()
        app_settings = dirs.pop("APP_SETTINGS_DIR")
        env = {**os.environ, **dirs, "PYTHONUNBUFFERED": "1"}
        env.pop("MPLBACKEND", None)  # an exported Agg backend makes pyplot warn on stderr when showing
        last_error = ""
        for _attempt in range(3):  # a free port can be taken between probe and bind: retry
            self.port = free_port()
            cmd = [
                sys.executable,
                "-m",
                self.front_end.module,
                "--no-browser",
                "--ServerApp.ip=127.0.0.1",
                f"--ServerApp.port={self.port}",
                "--ServerApp.port_retries=0",
                f"--IdentityProvider.token={self.token}",
                "--allow-root",
                f"--ServerApp.root_dir={self.root_dir}",
                *(f"--{app}.app_settings_dir={app_settings}" for app in self.front_end.apps),
                *_NO_NEWS_ARGS,
            ]
            log = open(self.log_path, "ab")
            self.proc = subprocess.Popen(
                cmd, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
            log.close()
            end = time.monotonic() + self.startup_timeout
            while time.monotonic() < end:
                if self.proc.poll() is not None:
                    last_error = f"exited with {self.proc.returncode}"
                    break
                try:
                    self.api("/api/status")
                except (OSError, urllib.error.URLError):
                    time.sleep(0.2)
                    continue
                self._check_overrides()
                return self
            else:
                last_error = f"no answer within {self.startup_timeout:.0f} s"
                self.stop()
        raise RuntimeError(
            f"{self.front_end.title} ({self.front_end.module}) did not start on 127.0.0.1 ({last_error}); "
            f"log: {self.log_path}\n" + self.log_tail()
        )

    def _check_overrides(self) -> None:
        """Fail early if the server ignored our overrides.json (the news toast would be back).

        Overrides replace the schema defaults the server hands out (``fetchNews`` ships as
        ``"none"``, i.e. "ask", which is the toast)."""
        for plugin, wanted in self.overrides.items():
            schema = self.api(f"/lab/api/settings/{plugin}")["schema"]["properties"]
            for key, value in wanted.items():
                got = schema.get(key, {}).get("default")
                if got != value:
                    raise RuntimeError(
                        f"overrides.json not applied: {plugin} {key} defaults to {got!r}, "
                        f"not {value!r}; log: {self.log_path}"
                    )

    def stop(self) -> None:
        """Stop the server this object started (SIGTERM, then SIGKILL after 20 s)."""
        stop_process(self.proc)

    def __enter__(self) -> "LabServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def log_tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    # -- REST -----------------------------------------------------------------------------
    def api(self, path: str, method: str = "GET") -> Any:
        req = urllib.request.Request(
            f"{self.base}{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(req, timeout=10) as r:
            body = r.read()
        return json.loads(body) if body else None

    def sessions(self, name: str) -> list[dict]:
        return [s for s in self.api("/api/sessions") if s["path"].endswith(name)]

    def wait_kernel_idle(self, name: str, timeout: float = 60.0) -> None:
        """Wait until the frontend has a session for ``name`` whose kernel is idle.

        (The toolbar can read idle before the session exists; Run All would then
        open a "Select Kernel" dialog.)"""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if any(s["kernel"]["execution_state"] == "idle" for s in self.sessions(name)):
                return
            time.sleep(0.25)
        raise TimeoutError(f"the kernel of {name} did not become idle within {timeout:.0f} s")

    def shutdown_sessions(self, name: str) -> None:
        """Delete the notebook's sessions (and kernels) so the next one starts cold."""
        for s in self.sessions(name):
            try:
                self.api(f"/api/sessions/{s['id']}", "DELETE")
            except urllib.error.URLError:
                pass


class LabNotebook:
    """One notebook open in a Playwright page of the server's front end (JupyterLab or Notebook 7)."""

    def __init__(self, page: Any, server: LabServer, name: str) -> None:
        self.page = page
        self.server = server
        self.name = name
        self._loading = False

    def load(self) -> "LabNotebook":
        """Start loading the notebook's page and return at once; :meth:`open` waits for it.

        The page and the notebook's kernel start in the background meanwhile (the tests open
        the next lesson this way while they test the one before)."""
        self.page.goto(self.server.notebook_url(self.name), wait_until="commit")
        self._loading = True
        return self

    def open(self, timeout: float = 60.0) -> "LabNotebook":
        """Open the notebook (unless :meth:`load` started it) and wait for its cells and kernel."""
        if not self._loading:
            self.page.goto(self.server.notebook_url(self.name))
        self._loading = False
        self.page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=timeout * 1000)
        self.server.wait_kernel_idle(self.name, timeout)
        return self

    def ready(self) -> bool:
        """Whether the page shows the notebook's cells and its kernel is idle (one look, no wait)."""
        return self.page.locator(".jp-Notebook .jp-Cell").count() > 0 and any(
            s["kernel"]["execution_state"] == "idle" for s in self.server.sessions(self.name)
        )

    def run_all(self) -> None:
        """Run > Run All Cells, through the menu as a user would."""
        self.page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        self.page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()

    def prompts(self) -> list[str]:
        """Input prompts of the code cells, e.g. ``["[1]:", "[*]:", "[ ]:"]``."""
        return self.page.eval_on_selector_all(
            ".jp-Notebook .jp-CodeCell .jp-InputArea-prompt",
            "els => els.map(e => e.textContent.trim())",
        )

    def wait_execution_done(self, timeout: float = 120.0) -> list[str]:
        """Wait until no cell is queued or running (``[*]``) and the kernel is idle.

        Returns the final prompts. Run All marks every cell ``[*]`` at once, so a moment with
        no ``[*]`` after the first numbered prompt means the run is over (or stopped at an
        error, which leaves later prompts empty)."""
        end = time.monotonic() + timeout
        quiet_since = None
        prompts: list[str] = []
        while time.monotonic() < end:
            prompts = self.prompts()
            busy = any("*" in p for p in prompts)
            started = any(re.search(r"\d", p) for p in prompts)
            idle = (
                not busy
                and started
                and any(s["kernel"]["execution_state"] == "idle" for s in self.server.sessions(self.name))
            )
            if idle:
                quiet_since = quiet_since or time.monotonic()
                if time.monotonic() - quiet_since >= 0.6:
                    return prompts
            else:
                quiet_since = None
            time.sleep(0.2)
        raise TimeoutError(f"{self.name}: execution did not finish within {timeout:.0f} s; prompts {prompts}")

    def error_outputs(self) -> list[str]:
        """Texts of error outputs (tracebacks), not warnings or plain stderr prints."""
        texts = self.page.eval_on_selector_all(ERROR_OUTPUT_SELECTOR, "els => els.map(e => e.innerText)")
        return [t for t in texts if _ERROR_TEXT.search(t)]

    def widget_problems(self) -> dict[str, int]:
        """How many widget outputs show "Error displaying widget" or "Loading widget..."."""
        return {
            text: self.page.get_by_text(text).count()
            for text in ("Error displaying widget", "Loading widget...")
        }

    def panels(self, title: str | None = None):
        """Locator of the ``.qwidgets-panel`` elements (optionally only those with ``title``)."""
        loc = self.page.locator(".jp-Notebook .qwidgets-panel")
        return loc.filter(has_text=title) if title else loc

    def close(self) -> None:
        try:
            self.page.close()
        finally:
            self.server.shutdown_sessions(self.name)


class PanelView:
    """The DOM of one panel: its sliders, buttons, pictures, summary and tables."""

    def __init__(self, panel: Any) -> None:
        self.panel = panel
        self.images = panel.locator("img.widget-image")
        self.image = self.images.first
        self.summary = panel.locator(".qwidgets-summary").first

    def slider(self, label: str):
        """The slider whose description starts with ``label`` (``"θ"``, ``"φ"``, ``"r"``)."""
        exact = re.compile(rf"^\s*{re.escape(label)}(\s|$)")  # no \\b: JavaScript reads it as ASCII-only
        return (
            self.panel.locator(".widget-slider")
            .filter(has=self.panel.page.locator(".widget-label", has_text=exact))
            .first
        )

    def button(self, label: str):
        """A plain Button (not a basis ToggleButton) whose whole text is ``label``."""
        exact = re.compile(rf"^\s*{re.escape(label)}\s*$")
        return self.panel.locator("button.widget-button").filter(has_text=exact).first

    def src(self) -> str:
        return self.image.get_attribute("src") or ""

    def srcs(self) -> list[str]:
        return [self.images.nth(i).get_attribute("src") or "" for i in range(self.images.count())]

    def text(self) -> str:
        return self.summary.inner_text()

    def focus(self, label: str = "θ") -> None:
        """Click a slider's handle (a click, not ``focus()``, so that JupyterLab passes keys through)."""
        slider = self.slider(label)
        slider.scroll_into_view_if_needed()
        slider.locator(".noUi-handle").first.click()

    def readout(self, label: str = "θ") -> float:
        return float(self.slider(label).locator(".widget-readout").first.inner_text())

    def tables(self) -> str:
        """The text of the panel's tables (``.qwidgets-table``), one after the other."""
        return "\n".join(self.panel.locator(".qwidgets-table").all_inner_texts())


def wait_stable(get, quiet: float = 0.4, timeout: float = 10.0, interval: float = 0.05):
    """Poll ``get()`` until its value has not changed for ``quiet`` seconds; return it."""
    end = time.monotonic() + timeout
    value, since = get(), time.monotonic()
    while time.monotonic() < end:
        time.sleep(interval)
        now = get()
        if now != value:
            value, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            break
    return value


def wait_until(predicate, timeout: float = 10.0, interval: float = 0.05) -> bool:
    """Poll ``predicate()`` until it is true; return its last value."""
    end = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() >= end:
            return value
        time.sleep(interval)


# In-page latency probe for benchmarks: the time from the keydown of a key press until every
# given image's ``src`` has changed (MutationObserver), and until those new pictures are
# decoded and the next frame is drawn (closest to "the pixels are on screen").
ARM_LATENCY_PROBE = """
(imgs) => {
  window.__qwlLatency = new Promise((resolve) => {
    let t0 = null;
    const changed = new Map(), observers = [];
    const onKey = () => { if (t0 === null) t0 = performance.now(); };
    document.addEventListener('keydown', onKey, true);
    const done = (value) => {
      observers.forEach((o) => o.disconnect());
      document.removeEventListener('keydown', onKey, true);
      clearTimeout(timer); resolve(value);
    };
    imgs.forEach((img) => {
      const obs = new MutationObserver(() => {
        if (t0 === null || changed.has(img)) return;
        changed.set(img, performance.now());
        if (changed.size < imgs.length) return;
        const tSrc = Math.max(...changed.values());
        Promise.all(imgs.map((i) => i.decode().catch(() => null))).then(() => requestAnimationFrame(() => {
          done({src_ms: tSrc - t0, frame_ms: performance.now() - t0});
        }));
      });
      obs.observe(img, {attributes: true, attributeFilter: ['src']});
      observers.push(obs);
    });
    const timer = setTimeout(() => done(null), 15000);
  });
  return true;
}
"""
