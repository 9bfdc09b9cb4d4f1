"""Open one panel full-page in Voila, as an app for a lecture: ``python -m qwidgets.app eavesdropper``.

Usage::

    python -m qwidgets.app PANEL [--port N] [--no-browser]

``PANEL`` is a panel's short name, derived from the panel classes that :mod:`qwidgets` exports
(``EavesdropperPanel`` is ``eavesdropper``, ``BellPairPanel`` is ``bell_pair``); ``--help`` lists
them. The command writes a one-cell notebook (``from qwidgets import EavesdropperPanel`` then
``EavesdropperPanel()``) to a temporary directory, serves it with Voila (markdown and widgets, no
code) on 127.0.0.1, opens the page in the default browser unless ``--no-browser``, and removes the
directory when Voila stops (Ctrl-C).

:class:`VoilaServer` is the server behind it, also used by the Voila tests (``tests/voila/``) and
the front-end benchmark (``benchmarks/front_ends.py``) to serve a folder of lessons.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import webbrowser
from collections.abc import Sequence
from pathlib import Path

import nbformat

from qwidgets.localhost import free_port, stop_process

__all__ = [
    "VoilaServer",
    "main",
    "panel_class",
    "panel_names",
    "panel_notebook",
    "short_name",
    "write_panel_notebook",
]

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
DEFAULT_PORT = 8866
# CamelCase word boundaries: "BellPair" -> "Bell_Pair", "NetworkBuilder" -> "Network_Builder";
# runs of capitals and digits stay together ("BB84", "CHSH", "E91").
_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def short_name(class_name: str) -> str:
    """The command-line name of a panel class: ``"EavesdropperPanel"`` -> ``"eavesdropper"``.

    Parameters
    ----------
    class_name : str
        A class name ending in ``Panel`` (``"BellPairPanel"``, ``"BB84Panel"``).

    Returns
    -------
    str
        The name without ``Panel``, its words joined by underscores, in lower case
        (``"bell_pair"``, ``"bb84"``).
    """
    if not class_name.endswith("Panel") or class_name == "Panel":
        raise ValueError(f"class_name must be a panel class name ending in 'Panel'; got {class_name!r}")
    return _WORD_BOUNDARY.sub("_", class_name.removesuffix("Panel")).lower()


def panel_names() -> dict[str, str]:
    """Every panel that :mod:`qwidgets` exports, by short name (``"eavesdropper": "EavesdropperPanel"``).

    Returns
    -------
    dict of str to str
        Short name to class name, sorted by short name. The base class ``Panel`` is not a panel.
    """
    import qwidgets
    from qwidgets.panels.base import Panel

    classes = [
        name
        for name in qwidgets.__all__
        if isinstance(getattr(qwidgets, name), type)
        and issubclass(getattr(qwidgets, name), Panel)
        and getattr(qwidgets, name) is not Panel
    ]
    return dict(sorted((short_name(name), name) for name in classes))


def panel_class(panel: str, names: dict[str, str] | None = None) -> str:
    """The class name of the panel called ``panel`` on the command line.

    Parameters
    ----------
    panel : str
        A short name (``"eavesdropper"``); case, hyphens for underscores and the class name itself
        (``"EavesdropperPanel"``) are accepted too.
    names : dict of str to str, optional
        Short name to class name; :func:`panel_names` by default.

    Returns
    -------
    str
        The class name, e.g. ``"EavesdropperPanel"``.

    Raises
    ------
    ValueError
        For an unknown name; the message lists the valid ones.
    """
    names = panel_names() if names is None else names
    key = str(panel).strip().replace("-", "_")
    by_class = {cls.lower(): cls for cls in names.values()}
    found = names.get(key.lower()) or by_class.get(key.lower())
    if found is None:
        raise ValueError(f"panel must be one of {', '.join(names)}; got {panel!r}")
    return found


def panel_notebook(class_name: str) -> nbformat.NotebookNode:
    """A notebook of one code cell that shows the panel ``class_name`` with its defaults.

    Parameters
    ----------
    class_name : str
        A panel class that :mod:`qwidgets` exports (``"EavesdropperPanel"``).

    Returns
    -------
    nbformat.NotebookNode
        A valid nbformat 4 notebook with a Python 3 kernelspec (no kernel dialog).
    """
    if not class_name.isidentifier():
        raise ValueError(f"class_name must be a Python class name such as 'QubitPanel'; got {class_name!r}")
    cell = nbformat.v4.new_code_cell(f"from qwidgets import {class_name}\n\n{class_name}()")
    return nbformat.v4.new_notebook(cells=[cell], metadata={"kernelspec": KERNELSPEC})


def write_panel_notebook(panel: str, directory: Path) -> Path:
    """Write the one-panel notebook of ``panel`` (a short name) to ``directory/<panel>.ipynb``.

    Parameters
    ----------
    panel : str
        A short name, see :func:`panel_class`.
    directory : pathlib.Path
        An existing directory.

    Returns
    -------
    pathlib.Path
        The notebook's path.
    """
    class_name = panel_class(panel)
    path = Path(directory) / f"{short_name(class_name)}.ipynb"
    nbformat.write(panel_notebook(class_name), path)
    return path


class VoilaServer:
    """Voila on 127.0.0.1 serving one notebook or a folder of notebooks, as a context manager.

    Parameters
    ----------
    path : pathlib.Path
        A notebook (served at ``/``) or a folder (each notebook at ``/voila/render/<name>``).
    port : int, optional
        The port; 0 (the default) takes a free one.
    token : bool, optional
        Protect the server with a random token (added by :meth:`url`); default True.
    progressive_rendering : bool, optional
        Send each cell's output as soon as it has run (Voila's ``progressive_rendering``), so the
        first panel shows before the last cell runs; default True.
    extra_args : sequence of str, optional
        More Voila options, e.g. ``("--VoilaConfiguration.show_tracebacks=True",)``.
    log_path : pathlib.Path, optional
        Where Voila's output goes; by default ``voila.log`` in a temporary directory of its own.
    startup_timeout : float, optional
        Seconds to wait for the server to answer (default 60).
    """

    def __init__(
        self,
        path: Path,
        *,
        port: int = 0,
        token: bool = True,
        progressive_rendering: bool = True,
        extra_args: Sequence[str] = (),
        log_path: Path | None = None,
        startup_timeout: float = 60.0,
    ) -> None:
        self.path = Path(path).resolve()
        if not self.path.exists():
            raise ValueError(f"path must be an existing notebook or folder; got {str(path)!r}")
        if not isinstance(port, int) or not 0 <= port <= 65535:
            raise ValueError(f"port must be an integer from 0 to 65535 (0: a free port); got {port!r}")
        self.port = port or free_port()
        self.token = secrets.token_hex(16) if token else ""
        self.progressive_rendering = bool(progressive_rendering)
        self.extra_args = tuple(extra_args)
        self._tmp = tempfile.TemporaryDirectory(prefix="qwidgets-voila-")
        self.log_path = Path(log_path) if log_path else Path(self._tmp.name) / "voila.log"
        self.startup_timeout = startup_timeout
        self.proc: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self.port}"

    def url(self, notebook: str | None = None) -> str:
        """The page of ``notebook`` (a name in the served folder), or the served notebook itself."""
        page = f"/voila/render/{notebook}" if notebook else "/"
        return f"{self.base}{page}" + (f"?token={self.token}" if self.token else "")

    def command(self) -> list[str]:
        """The ``voila`` command line."""
        return [
            sys.executable,
            "-m",
            "voila",
            str(self.path),
            "--no-browser",
            "--Voila.ip=127.0.0.1",
            f"--Voila.port={self.port}",
            "--Voila.port_retries=0",
            f"--Voila.token={self.token}",
            f"--VoilaConfiguration.progressive_rendering={self.progressive_rendering}",
            *self.extra_args,
        ]

    def start(self) -> VoilaServer:
        """Start Voila and wait until it answers; stop it again on any failure."""
        # Voila reads voila.json / voila.py from its working directory: run it in our own, empty one.
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.pop("MPLBACKEND", None)
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                self.command(),
                cwd=self._tmp.name,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self) -> None:
        end = time.monotonic() + self.startup_timeout
        probe = f"{self.base}/voila/static/voila.js"  # answers (even 4xx) once the server listens
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"voila exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                urllib.request.urlopen(probe, timeout=5).close()
                return
            except urllib.error.HTTPError:
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"voila did not answer within {self.startup_timeout:.0f} s:\n{self.log_tail()}")

    def wait(self) -> int:
        """Wait until Voila exits (Ctrl-C stops it); return its exit code."""
        try:
            return self.proc.wait()
        except KeyboardInterrupt:
            self.stop()
            return 0

    def stop(self) -> None:
        """Stop Voila (SIGTERM, then SIGKILL after 20 s) and remove the temporary directory."""
        stop_process(self.proc)
        self._tmp.cleanup()

    def log_tail(self, n: int = 30) -> str:
        """The last ``n`` lines of Voila's output."""
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def __enter__(self) -> VoilaServer:
        return self if self.proc is not None else self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _parser(names: dict[str, str]) -> argparse.ArgumentParser:
    listing = ", ".join(f"{short} ({cls})" for short, cls in names.items())
    parser = argparse.ArgumentParser(
        prog="python -m qwidgets.app",
        description="Open one panel full-page in Voila (no code), e.g. to project it in a lecture.",
        epilog=f"Panels: {listing}.",
    )
    parser.add_argument("panel", help="the panel's short name, e.g. eavesdropper")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser; print the URL")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return its exit code."""
    names = panel_names()
    parser = _parser(names)
    args = parser.parse_args(argv)
    try:
        class_name = panel_class(args.panel, names)
    except ValueError as exc:
        parser.error(str(exc))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # `kill`: stop Voila, clean up, as on Ctrl-C
    with tempfile.TemporaryDirectory(prefix="qwidgets-app-") as tmp:
        notebook = write_panel_notebook(short_name(class_name), Path(tmp))
        try:
            server = VoilaServer(notebook, port=args.port, token=False, progressive_rendering=False)
        except ValueError as exc:
            parser.error(str(exc))
        try:
            server.start()
        except RuntimeError as exc:  # e.g. the port is taken: Voila's own words
            print(f"python -m qwidgets.app: {exc}", file=sys.stderr)
            return 1
        with server:
            url = server.url()
            print(f"{class_name} at {url} (notebook {notebook}; Ctrl-C to stop)", flush=True)
            if not args.no_browser:
                webbrowser.open(url)
            return server.wait()


if __name__ == "__main__":
    sys.exit(main())
