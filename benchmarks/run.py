"""Quantum Internet Lab benchmarks: print a short table (a report: the exit code stays 0).

(a) QubitPanel refresh vs a fresh ``qutip.Bloch`` rendered to PNG, interleaved, medians + ratio
    (target: refresh / Bloch <= 0.2).
(b) Every lesson executed headless with nbclient, a fresh kernel each: seconds per lesson, total.
(c) In JupyterLab in headless Chromium: key press (ArrowRight/ArrowLeft on the focused theta
    handle of a QubitPanel) to new picture (the panel image's ``src`` changes), measured in the
    page with ``performance.now()``; median and p90 (target: median <= 60 ms).

Usage (from the repository root):
    .venv/bin/python benchmarks/run.py [--reps 100] [--key-reps 25]
                                       [--skip-lessons] [--skip-browser] [--lesson 01_qubits.ipynb]
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "tests" / "browser"))  # the shared JupyterLab driver

import jupyterlab_driver as drv  # noqa: E402

REFRESH_RATIO_TARGET = 0.2
KEY_TO_PICTURE_TARGET_MS = 60.0


def p90(values: list[float]) -> float:
    import numpy as np

    return float(np.percentile(values, 90))


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


# -- (a) refresh vs qutip.Bloch -------------------------------------------------------------
def bench_refresh(reps: int) -> list[tuple[str, str, str]]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    import qutip

    from qwidgets import QubitPanel

    panel = QubitPanel(theta=0.0)
    theta = panel.controls["theta"]
    # Successive new values inside (0, pi), never the current one, on the slider's 0.01 grid.
    values = [round(v, 2) for v in np.linspace(0.05, 3.05, reps + 5)]

    def refresh(value: float) -> float:
        before = panel.image.value
        t = time.perf_counter()
        theta.value = value
        dt = time.perf_counter() - t
        assert panel.image.value != before and panel.error is None, "refresh did not redraw"
        return dt

    def bloch(value: float) -> float:
        t = time.perf_counter()
        state = np.cos(value / 2) * qutip.basis(2, 0) + np.sin(value / 2) * qutip.basis(2, 1)
        b = qutip.Bloch()
        b.add_states(state)
        b.render()
        buf = BytesIO()
        b.fig.savefig(buf, format="png")
        plt.close(b.fig)
        dt = time.perf_counter() - t
        assert buf.getvalue()[:8] == b"\x89PNG\r\n\x1a\n"
        return dt

    for v in values[:5]:  # warm-up: first draws, font caches
        refresh(v)
        bloch(v)
    r_times, b_times = [], []
    for i, v in enumerate(values[5:]):  # interleaved, alternating order (ABBA) against drift
        if i % 2 == 0:
            r_times.append(refresh(v))
            b_times.append(bloch(v))
        else:
            b_times.append(bloch(v))
            r_times.append(refresh(v))
    r_med, b_med = statistics.median(r_times) * 1e3, statistics.median(b_times) * 1e3
    ratio = r_med / b_med
    r_p90, b_p90 = p90(r_times) * 1e3, p90(b_times) * 1e3
    ok = verdict(ratio <= REFRESH_RATIO_TARGET)
    return [
        ("(a) QubitPanel refresh (theta.value = new)",
         f"median {r_med:.1f} ms, p90 {r_p90:.1f} ms", f"n={reps}"),
        ("(a) qutip.Bloch() + add_states + render + PNG",
         f"median {b_med:.1f} ms, p90 {b_p90:.1f} ms", f"n={reps}, interleaved"),
        ("(a) ratio refresh / Bloch", f"{ratio:.3f}", f"target <= {REFRESH_RATIO_TARGET}: {ok}"),
    ]


# -- (b) lessons headless -------------------------------------------------------------------
def bench_lessons() -> list[tuple[str, str, str]]:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    rows, total, failures = [], 0.0, 0
    with tempfile.TemporaryDirectory(prefix="qwl-bench-lessons-") as tmp:
        copy = drv.copy_lessons(Path(tmp) / "lessons")  # notebooks may write files: not here
        for path in drv.lesson_paths(copy):
            nb = nbformat.read(path, as_version=4)
            client = NotebookClient(
                nb, timeout=300, kernel_name="python3",
                resources={"metadata": {"path": str(copy)}},
            )
            t = time.perf_counter()
            status = "ok"
            try:
                client.execute()  # a fresh kernel per notebook
            except CellExecutionError as exc:
                status = f"ERROR: {str(exc).strip().splitlines()[-1][:80]}"
                failures += 1
            dt = time.perf_counter() - t
            total += dt
            rows.append((f"(b) execute {path.name}", f"{dt:.2f} s", status))
    if not rows:
        return [("(b) execute lessons", "-", f"no notebooks in {drv.LESSONS_DIR}")]
    rows.append(("(b) execute all lessons", f"{total:.2f} s",
                 f"{len(rows)} notebooks, {'all ok' if not failures else f'{failures} FAILED'}"))
    return rows


# -- (c) key press to picture in JupyterLab --------------------------------------------------
def bench_browser(key_reps: int, lesson: str | None) -> list[tuple[str, str, str]]:
    from playwright.sync_api import sync_playwright

    drv.find_chromium()  # raises ChromiumMissing with install instructions
    with tempfile.TemporaryDirectory(prefix="qwl-bench-lab-") as tmp:
        copy = drv.copy_lessons(Path(tmp) / "lessons")
        names = [p.name for p in drv.lesson_paths(copy)]
        if lesson is None:  # the first lesson whose source builds a QubitPanel
            lesson = next((n for n in names if "QubitPanel(" in (copy / n).read_text()), None)
        if lesson is None:
            return [("(c) key press -> new picture", "-", "no lesson with a QubitPanel")]
        with drv.LabServer(copy, Path(tmp) / "lab") as server, sync_playwright() as pw:
            browser = drv.launch_browser(pw)
            try:
                page = browser.new_page(viewport=drv.VIEWPORT)
                nb = drv.LabNotebook(page, server, lesson).open()
                nb.run_all()
                nb.wait_execution_done(120)
                panels = nb.panels(drv.QUBIT_PANEL_TITLE)
                drv.wait_until(lambda: panels.count() > 0, 20)
                view = drv.QubitPanelView(panels.first)
                img = view.image.element_handle()
                view.focus_theta()
                theta = view.theta()
                first = "ArrowRight" if theta < 3.1 else "ArrowLeft"  # pi = 3.14 is the end
                keys = [first, "ArrowLeft" if first == "ArrowRight" else "ArrowRight"]
                src_ms, frame_ms, lost = [], [], 0
                for i in range(key_reps + 3):  # 3 warm-up presses; alternate, stay in range
                    page.evaluate(drv.ARM_LATENCY_PROBE, img)
                    page.keyboard.press(keys[i % 2])
                    got = page.evaluate("() => window.__qwlLatency")
                    time.sleep(0.25)  # let the summary (sent after the image) land first
                    if got is None:
                        lost += 1
                    elif i >= 3:
                        src_ms.append(got["src_ms"])
                        frame_ms.append(got["frame_ms"])
                version = browser.version
            finally:
                browser.close()
    if not src_ms:
        return [("(c) key press -> new picture", "-", f"no picture change seen ({lost} presses)")]
    med = statistics.median(src_ms)
    note = f"n={len(src_ms)}, {lesson}, Chromium {version}" + (f", {lost} lost" if lost else "")
    return [
        ("(c) key press -> img src changed", f"median {med:.1f} ms, p90 {p90(src_ms):.1f} ms",
         f"target <= {KEY_TO_PICTURE_TARGET_MS:.0f} ms: {verdict(med <= KEY_TO_PICTURE_TARGET_MS)}"),
        ("(c) key press -> decoded + next frame",
         f"median {statistics.median(frame_ms):.1f} ms, p90 {p90(frame_ms):.1f} ms", note),
    ]


def print_table(rows: list[tuple[str, str, str]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    line = "-+-".join("-" * w for w in widths)
    print(line)
    for r in rows:
        print(" | ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    print(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=100, help="(a) repetitions (default 100)")
    parser.add_argument("--key-reps", type=int, default=25, help="(c) key presses (default 25)")
    parser.add_argument("--skip-lessons", action="store_true", help="skip (b)")
    parser.add_argument("--skip-browser", action="store_true", help="skip (c)")
    parser.add_argument("--lesson", help="(c) notebook to use (default: first with a QubitPanel)")
    args = parser.parse_args()

    print(f"Quantum Internet Lab benchmarks, {datetime.datetime.now():%Y-%m-%d %H:%M}, "
          f"Python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.machine()}")
    rows: list[tuple[str, str, str]] = [("figure", "value", "notes")]
    t0 = time.perf_counter()
    rows += bench_refresh(args.reps)
    if not args.skip_lessons:
        rows += bench_lessons()
    if not args.skip_browser:
        try:
            rows += bench_browser(args.key_reps, args.lesson)
        except drv.ChromiumMissing as exc:
            rows.append(("(c) key press -> new picture", "-", "skipped: no Chromium"))
            print(exc, file=sys.stderr)
    print_table(rows)
    print(f"(benchmarks took {time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
