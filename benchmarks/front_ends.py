"""Time to first panel on screen after opening a lesson, in each front end (a report: exit code 0).

For one lesson (default ``01_qubits.ipynb``), in headless Chromium, from ``page.goto`` until the
first ``.qwidgets-panel`` image has a picture (a ``blob:`` or ``data:`` src), polled every 50 ms:

- JupyterLab: open the notebook, wait for its kernel, Run All through the menu (as a student does);
- Notebook 7 (``jupyter notebook``): the same, in its one-notebook page (``/notebooks/NAME``);
- Voila, all cells at once (Voila's default): the page arrives once every cell has run;
- Voila, progressive rendering (``VoilaConfiguration.progressive_rendering``, what the course uses):
  each cell's output is sent as soon as it has run;
- the static course site (``python -m qwidgets.site``, built once for the lesson before the rounds,
  served from a local HTTP server): the page until its first panel picture has loaded.

Every run opens a fresh page with a fresh kernel; the front ends take turns in each round (rotated
order, against drift on a shared machine), and the table shows medians and every run. Nothing is
written into the repository: the servers serve a temporary copy of the lessons.

Usage (from the repository root):
    .venv/bin/python benchmarks/front_ends.py [--reps 3] [--lesson 01_qubits.ipynb]
"""

from __future__ import annotations

import argparse
import datetime
import functools
import http.server
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from qwidgets.app import VoilaServer
from qwidgets.site import build_site
from qwidgets.testing import jupyterlab as drv

FIRST_PICTURE_JS = (
    "() => [...document.querySelectorAll('.qwidgets-panel img.widget-image')]"
    ".some(i => i.src.startsWith('blob:') || i.src.startsWith('data:'))"
)
# On a site page a panel is its static fallback: pictures as <img> with data: sources.
FIRST_STATIC_PICTURE_JS = (
    "() => [...document.querySelectorAll('img[src^=\"data:image/png\"]')]"
    ".some(i => i.complete && i.naturalWidth > 0)"
)
TIMEOUT_S = 180.0


def first_picture(page: Any, start: float, predicate: str = FIRST_PICTURE_JS) -> float:
    """Seconds from ``start`` until the page shows its first panel picture."""
    page.wait_for_function(predicate, timeout=TIMEOUT_S * 1000, polling=50)
    return time.monotonic() - start


def notebook_run(browser: Any, server: drv.LabServer, lesson: str) -> float:
    """Open ``lesson`` in the server's front end (JupyterLab or Notebook 7), Run All, return the
    seconds to the first panel picture."""
    context = browser.new_context(viewport=drv.VIEWPORT)
    nb = drv.LabNotebook(context.new_page(), server, lesson)
    try:
        start = time.monotonic()
        nb.open()
        nb.run_all()
        return first_picture(nb.page, start)
    finally:
        context.close()
        server.shutdown_sessions(lesson)


def voila_run(browser: Any, server: VoilaServer, lesson: str) -> float:
    """Open ``lesson`` in Voila, return the seconds to the first panel picture."""
    context = browser.new_context(viewport=drv.VIEWPORT)
    try:
        page = context.new_page()
        start = time.monotonic()
        page.goto(server.url(lesson), wait_until="commit")
        return first_picture(page, start)
    finally:
        context.close()  # the page's kernel is shut down by Voila when its websocket closes


def site_run(browser: Any, url: str) -> float:
    """Open a page of the static site, return the seconds to its first panel picture."""
    context = browser.new_context(viewport=drv.VIEWPORT)
    try:
        page = context.new_page()
        start = time.monotonic()
        page.goto(url, wait_until="commit")
        return first_picture(page, start, FIRST_STATIC_PICTURE_JS)
    finally:
        context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    """Serve ``folder`` on 127.0.0.1 (a free port) from a daemon thread; ``shutdown()`` stops it."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def rounds(runs: dict[str, Callable[[], float]], reps: int) -> dict[str, list[float]]:
    """``reps`` rounds after one warm-up round; each round runs every front end once, order rotated."""
    names = list(runs)
    for name in names:  # warm-up: server caches, the browser's first page, the OS file cache
        runs[name]()
    times: dict[str, list[float]] = {name: [] for name in names}
    for r in range(reps):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            times[name].append(runs[name]())
            print(f"  round {r + 1}: {name}: {times[name][-1]:.2f} s", flush=True)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3, help="rounds after a warm-up round (default 3)")
    parser.add_argument("--lesson", default="01_qubits.ipynb", help="lesson notebook (default 01_qubits)")
    args = parser.parse_args()
    if args.reps < 1:
        parser.error(f"--reps must be a positive integer; got {args.reps}")
    lessons = [p.name for p in drv.lesson_paths()]
    if args.lesson not in lessons:
        parser.error(f"--lesson must be one of {', '.join(lessons)}; got {args.lesson!r}")
    print(
        f"Time to first panel, {args.lesson}, {datetime.datetime.now():%Y-%m-%d %H:%M}, "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.machine()}"
    )
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="qwl-front-ends-") as tmp:
        root = drv.copy_lessons(Path(tmp) / "lessons")
        site = build_site(Path(tmp) / "site", [args.lesson], lessons_dir=root)
        http_server = serve(site.out_dir)
        page_url = f"http://127.0.0.1:{http_server.server_address[1]}/{site.pages[0].file}"
        with (
            drv.headless_chromium() as browser,
            drv.LabServer(root, Path(tmp) / "lab") as lab,
            drv.LabServer(root, Path(tmp) / "notebook7", front_end="notebook") as nb7,
            VoilaServer(root, progressive_rendering=False) as voila_at_once,
            VoilaServer(root, progressive_rendering=True) as voila_progressive,
        ):
            lesson = args.lesson
            runs = {
                "JupyterLab (open, Run All)": lambda: notebook_run(browser, lab, lesson),
                "Notebook 7 (open, Run All)": lambda: notebook_run(browser, nb7, lesson),
                "Voila, all cells at once": lambda: voila_run(browser, voila_at_once, lesson),
                "Voila, progressive rendering": lambda: voila_run(browser, voila_progressive, lesson),
                "Static site (no kernel)": lambda: site_run(browser, page_url),
            }
            times = rounds(runs, args.reps)
        http_server.shutdown()
    width = max(map(len, times))
    print(f"\n{'front end'.ljust(width)} | median  | runs (s)")
    for name, values in times.items():
        listed = ", ".join(f"{v:.2f}" for v in values)
        print(f"{name.ljust(width)} | {statistics.median(values):5.2f} s | {listed}")
    at_once = statistics.median(times["Voila, all cells at once"])
    progressive = statistics.median(times["Voila, progressive rendering"])
    print(f"progressive / all at once: {progressive / at_once:.2f}")
    print(f"(benchmark took {time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
