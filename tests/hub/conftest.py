"""Fixtures for the class-on-one-hub test: JupyterHub on 127.0.0.1 with two students.

The hub runs in a temporary directory: its database, cookie secret, proxy pid file and the
students' homes and notebook folders (each with a copy of the lessons) all live there.

- authentication: ``SharedPasswordAuthenticator`` (``"shared-password"``), the successor of
  ``DummyAuthenticator.password`` (deprecated in JupyterHub 5.3): one class password, only the
  students in ``allowed_users`` may log in;
- spawning: ``SimpleLocalProcessSpawner`` (``"simple"``), each student's single-user server a
  subprocess of this user with ``HOME`` in the temporary directory, ``jupyterhub-singleuser`` of
  this environment, JupyterLab (``/lab``) with the same ``overrides.json`` as the JupyterLab
  browser tests, ``--allow-root`` (for test runs as root);
- the proxy: ``configurable-http-proxy`` (npm): ``$QWL_CHP``, else the one beside this Python
  (``npm install --global --prefix .venv ...`` puts it in ``.venv/bin``), else the one on ``PATH``;
- a service token (``admin:users``, ``read:servers``, ``tokens``, ``access:servers``) for the
  test's REST calls; the browsers themselves log in through the hub's login form.

- a git repository named like the course's, with the lessons committed on ``main``, for the
  nbgitpuller link (nbgitpuller must be installed: it is a server extension of the single-user
  servers).

The browser pages are driven with :mod:`qwidgets.testing.jupyterlab`. ``QWL_CHROMIUM`` and
``QWL_LESSONS_DIR`` work as for ``tests/browser/``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from qwidgets.localhost import free_port, stop_process
from qwidgets.testing import jupyterlab as drv

STUDENTS = ("alice", "bob")
LESSON = "01_qubits.ipynb"
LESSONS_SRC = Path(os.environ.get("QWL_LESSONS_DIR") or drv.LESSONS_DIR)
PROXY_ENV = "QWL_CHP"
STARTUP_TIMEOUT_S = 60.0
RUN_TIMEOUT_S = 90.0
SERVICE = "class-test"
COURSE_REPO = "quantum-internet-lab"
"""The repository's name, which nbgitpuller uses as the folder it clones into."""


def find_proxy() -> str:
    """The ``configurable-http-proxy`` binary, or a test failure that says how to install it."""
    wanted = os.environ.get(PROXY_ENV)
    if wanted:
        return wanted
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    found = shutil.which("configurable-http-proxy", path=search)
    if found is None:
        pytest.fail(
            "configurable-http-proxy (npm) not found on PATH or beside this Python: install it with "
            f"`npm install --global --prefix {sys.prefix} configurable-http-proxy@5.3.0`, "
            f"or set {PROXY_ENV}=/path/to/configurable-http-proxy",
            pytrace=False,
        )
    return found


def hub_config(work_dir: Path, ports: dict[str, int], password: str, service_token: str) -> dict:
    """The hub's settings, ``{(section, trait): value}``, all state kept in ``work_dir``.

    Each value is written to ``jupyterhub_config.py`` as ``c.<section>.<trait> = <repr(value)>``;
    docs/hub.md maps them to Zero to JupyterHub's ``config.yaml``.
    """
    # overrides.json (no news toast, every cell in the DOM), as the JupyterLab tests have it
    lab_dirs = drv.LabServer(work_dir, work_dir / "lab-settings")._prepare_dirs()
    singleuser = Path(sys.executable).with_name("jupyterhub-singleuser")
    return {
        ("JupyterHub", "ip"): "127.0.0.1",
        ("JupyterHub", "port"): ports["public"],
        ("JupyterHub", "hub_ip"): "127.0.0.1",
        ("JupyterHub", "hub_port"): ports["hub"],
        ("ConfigurableHTTPProxy", "api_url"): f"http://127.0.0.1:{ports['proxy_api']}",
        ("ConfigurableHTTPProxy", "command"): [find_proxy()],
        ("ConfigurableHTTPProxy", "pid_file"): str(work_dir / "proxy.pid"),
        ("JupyterHub", "db_url"): f"sqlite:///{work_dir / 'jupyterhub.sqlite'}",
        ("JupyterHub", "cookie_secret_file"): str(work_dir / "cookie_secret"),
        ("JupyterHub", "authenticator_class"): "shared-password",
        ("SharedPasswordAuthenticator", "user_password"): password,
        ("Authenticator", "allowed_users"): set(STUDENTS),
        ("JupyterHub", "spawner_class"): "simple",
        ("SimpleLocalProcessSpawner", "home_dir_template"): str(work_dir / "home" / "{username}"),
        ("Spawner", "cmd"): [str(singleuser)],
        ("Spawner", "args"): [
            "--allow-root",
            f"--LabApp.app_settings_dir={lab_dirs['APP_SETTINGS_DIR']}",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ],
        ("Spawner", "default_url"): "/lab",
        ("Spawner", "notebook_dir"): str(work_dir / "notebooks" / "{username}"),
        ("Spawner", "start_timeout"): int(STARTUP_TIMEOUT_S),
        ("Spawner", "http_timeout"): int(STARTUP_TIMEOUT_S),
        ("JupyterHub", "services"): [{"name": SERVICE, "api_token": service_token}],
        ("JupyterHub", "load_roles"): [
            {
                "name": SERVICE,
                "scopes": ["admin:users", "read:servers", "tokens", "access:servers"],
                "services": [SERVICE],
            }
        ],
    }


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test that takes ``student`` runs once per student."""
    if "student" in metafunc.fixturenames:
        metafunc.parametrize("student", STUDENTS)


class Hub:
    """JupyterHub on 127.0.0.1 with a free port, run from ``work_dir``; :meth:`stop` ends it."""

    def __init__(self, work_dir: Path, lessons: Path) -> None:
        self.work_dir = Path(work_dir)
        self.password = secrets.token_urlsafe(12)
        self.token = secrets.token_hex(16)
        self.proc: subprocess.Popen | None = None
        self.log_path = self.work_dir / "jupyterhub.log"
        for student in STUDENTS:
            drv.copy_lessons(self.work_dir / "notebooks" / student, lessons)
        self.port = 0
        self.students = STUDENTS
        self.lessons = Path(lessons)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "Hub":
        try:
            return self._start()
        except BaseException:
            self.stop()
            raise

    def _start(self) -> "Hub":
        ports = {name: free_port() for name in ("public", "hub", "proxy_api")}
        self.port = ports["public"]
        config = hub_config(self.work_dir, ports, self.password, self.token)
        lines = [f"c.{section}.{trait} = {value!r}" for (section, trait), value in config.items()]
        config_file = self.work_dir / "jupyterhub_config.py"
        config_file.write_text("\n".join(lines) + "\n")
        hub = Path(sys.executable).with_name("jupyterhub")
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                [str(hub), "-f", str(config_file)],
                cwd=self.work_dir,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        end = time.monotonic() + STARTUP_TIMEOUT_S
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyterhub exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                self.api("/hub/api/")
                return self
            except (OSError, urllib.error.URLError):
                time.sleep(0.25)
        raise RuntimeError(f"jupyterhub gave no answer within {STARTUP_TIMEOUT_S:.0f} s:\n{self.log_tail()}")

    def stop(self) -> None:
        """SIGTERM the hub (it stops the proxy and the single-user servers), SIGKILL after 30 s."""
        stop_process(self.proc, grace=30.0)

    def log_tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def api(self, path: str, method: str = "GET", body: dict | None = None) -> Any:
        """A REST call through the proxy with the service token; the decoded JSON."""
        req = urllib.request.Request(
            f"{self.base}{path}",
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(req, timeout=10) as r:
            data = r.read()
        return json.loads(data) if data else None

    def log_in(self, page: Any, student: str, password: str) -> None:
        """Log in through the hub's login form in ``page`` (which starts the student's server)."""
        page.goto(f"{self.base}/hub/login")
        page.fill("#username_input", student)
        page.fill("#password_input", password)
        page.click("#login_submit")

    def nbgitpuller_link(self, repo: str, branch: str, notebook: str) -> str:
        """A link that clones (or updates) ``repo`` in the student's folder, then opens ``notebook``.

        nbgitpuller 1.3 (``nbgitpuller/handlers.py``): ``/git-pull`` takes ``repo``, ``branch`` and
        ``urlpath``; the clone goes to a folder named after the repository (``targetpath``'s
        default). JupyterHub's ``/hub/user-redirect/`` sends each student to their own server.
        """
        target = repo.rstrip("/").split("/")[-1]
        urlpath = f"lab/tree/{target}/{notebook}"
        query = urllib.parse.urlencode({"repo": repo, "branch": branch, "urlpath": urlpath})
        return f"{self.base}/hub/user-redirect/git-pull?{query}"

    def user_server(self, student: str) -> "UserServer":
        """The student's single-user server, with a token of the student's own for REST calls."""
        token = self.api(f"/hub/api/users/{student}/tokens", "POST", {"note": "class test"})["token"]
        return UserServer(self, student, token)


class UserServer(drv.LabServer):
    """A student's single-user server behind the hub, for :class:`drv.LabNotebook`'s REST calls.

    The hub starts and stops it; only ``base`` and ``token`` differ from a plain JupyterLab.
    (JupyterHub 6 ignores ``?token=`` in page URLs, so the browser's identity is its login cookie.)
    """

    def __init__(self, hub: Hub, student: str, token: str) -> None:
        super().__init__(hub.work_dir / "notebooks" / student, hub.work_dir / "home" / student)
        self.hub = hub
        self.student = student
        self.token = token

    @property
    def base(self) -> str:
        return f"{self.hub.base}/user/{self.student}"

    def start(self) -> "UserServer":
        raise NotImplementedError("the hub spawns single-user servers: log in through the browser")

    def check_overrides(self) -> None:
        """Fail if the single-user server ignored the test's ``overrides.json``."""
        self._check_overrides()


@pytest.fixture(scope="session")
def hub(tmp_path_factory):
    hub = Hub(tmp_path_factory.mktemp("hub"), LESSONS_SRC)
    try:
        yield hub.start()
    finally:
        hub.stop()


@pytest.fixture(scope="session")
def chromium(chromium):
    """The session's headless Chromium (tests/conftest.py); without one, fail with install instructions."""
    if isinstance(chromium, Exception):
        pytest.fail(str(chromium), pytrace=False)
    return chromium


@pytest.fixture(scope="session")
def classroom(hub, chromium, tmp_path_factory):
    """Each student logged in (own browser context), the lesson open and run with Run All.

    Both kernels run at once, as in a class. Yields ``{student: (LabNotebook, prompts)}``."""
    contexts, notebooks = [], {}
    try:
        for student in STUDENTS:
            context = chromium.new_context(viewport=drv.VIEWPORT)
            contexts.append(context)
            page = context.new_page()
            hub.log_in(page, student, hub.password)
            page.wait_for_url(f"**/user/{student}/lab**", timeout=STARTUP_TIMEOUT_S * 1000)
            server = hub.user_server(student)
            server.check_overrides()
            notebooks[student] = drv.LabNotebook(page, server, LESSON).open()
        for nb in notebooks.values():
            nb.run_all()
        yield {student: (nb, nb.wait_execution_done(RUN_TIMEOUT_S)) for student, nb in notebooks.items()}
    except Exception:
        shots = tmp_path_factory.mktemp("hub-failure")
        for student, nb in notebooks.items():
            nb.page.screenshot(path=str(shots / f"{student}.png"))
        print(f"screenshots in {shots}; hub log tail:\n{hub.log_tail(25)}")
        raise
    finally:
        for context in contexts:
            context.close()


@pytest.fixture(scope="session")
def course_repo(tmp_path_factory) -> Path:
    """A git repository named like the course's, branch ``main``, with the lessons committed."""
    if importlib.util.find_spec("nbgitpuller") is None:
        pytest.fail("nbgitpuller is not installed: pip install 'nbgitpuller==1.3.0'", pytrace=False)
    repo = tmp_path_factory.mktemp("git") / COURSE_REPO
    drv.copy_lessons(repo / "lessons", LESSONS_SRC)
    git = ["git", "-C", str(repo), "-c", "user.name=hub test", "-c", "user.email=hub-test@localhost"]
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    subprocess.run([*git, "add", "lessons"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "lessons"], check=True)
    return repo
