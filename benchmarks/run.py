"""Quantum Internet Lab benchmarks: print a short table (a report: the exit code stays 0).

(a) QubitPanel refresh (both pictures, HiDPI) vs a fresh ``qutip.Bloch`` rendered to PNG at the
    same pixel size, interleaved; medians and their ratio (target: refresh / Bloch <= 0.1), and
    the refresh median against the 20 ms budget of a dragged slider.
(b) Every lesson executed headless with nbclient, a fresh kernel each: seconds per lesson, total.
(d) BB84 with 10^6 photons, with and without an eavesdropper: ``simulate_bb84`` against a plain
    vectorised numpy BB84 (target: at most 2x its time) and against one QuTiP object per photon
    (target: at least 1000x faster per photon), side by side.
(f) E91 with 10^5 and 10^6 pairs, without and with an eavesdropper: ``simulate_e91`` against a
    plain vectorised numpy E91 in the same run (target: at most 2x its time).
(g) The repeater chain's Monte-Carlo mode: 10^5 sampled end-to-end pairs over 8 and 64 segments,
    against the analytic mode of the same chain (a report: sampled pairs per second).
(e) The refresh of every panel as a student drives it (targets: median <= 20 ms).
(c) In JupyterLab in headless Chromium: a key press (ArrowRight/ArrowLeft on a focused slider
    handle) until the new pictures are in the page and until they are decoded and painted, for
    the theta slider of a QubitPanel and, interleaved in the same page, for the transport floor:
    a bare slider whose change sets a tiny image. Medians, and the panel's ratio to the floor.

Usage (from the repository root):
    .venv/bin/python benchmarks/run.py [--reps 100] [--key-reps 25] [--skip-lessons] [--skip-browser]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

import numpy as np

from qwidgets.testing import jupyterlab as drv

REFRESH_RATIO_TARGET = 0.1
REFRESH_BUDGET_MS = 20.0

Row = tuple[str, str, str]


def p90(values: list[float]) -> float:
    return float(np.percentile(values, 90))


def timing(values_ms: list[float]) -> str:
    """``median X ms, p90 Y ms`` of times in milliseconds."""
    return f"median {statistics.median(values_ms):.1f} ms, p90 {p90(values_ms):.1f} ms"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def interleaved(first, second, values: list, warm_up: int = 5) -> tuple[list[float], list[float]]:
    """Time ``first(v)`` and ``second(v)`` alternately (ABBA order, against drift) after a warm-up."""
    for value in values[:warm_up]:
        first(value)
        second(value)
    a, b = [], []
    for i, value in enumerate(values[warm_up:]):
        pair = ((first, a), (second, b)) if i % 2 == 0 else ((second, b), (first, a))
        for function, times in pair:
            times.append(function(value))
    return a, b


# -- (a) refresh vs qutip.Bloch -------------------------------------------------------------
def bench_refresh(reps: int) -> list[Row]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import qutip

    from qwidgets import QubitPanel
    from qwidgets.plots import PIXEL_RATIO

    panel = QubitPanel(theta=0.0)
    theta = panel.controls["theta"]
    sphere = panel._renderers[0]
    width_px, height_px = (PIXEL_RATIO * size for size in sphere.css_size)
    bloch_inches = sphere.figure.get_size_inches()
    values = [round(v, 2) for v in np.linspace(0.05, 3.05, reps + 5)]  # new values on the 0.01 grid

    def refresh(value: float) -> float:
        before = [bytes(image.value) for image in panel.images]
        start = time.perf_counter()
        theta.value = value
        elapsed = time.perf_counter() - start
        after = [bytes(image.value) for image in panel.images]
        assert all(a != b for a, b in zip(after, before)) and panel.error is None, "refresh did not redraw"
        return elapsed

    def bloch(value: float) -> float:
        start = time.perf_counter()
        state = np.cos(value / 2) * qutip.basis(2, 0) + np.sin(value / 2) * qutip.basis(2, 1)
        b = qutip.Bloch(figsize=list(bloch_inches))
        b.add_states(state)
        b.render()
        buffer = BytesIO()
        b.fig.savefig(buffer, format="png", dpi=width_px / bloch_inches[0])
        plt.close(b.fig)
        elapsed = time.perf_counter() - start
        assert buffer.getvalue()[:8] == b"\x89PNG\r\n\x1a\n"
        return elapsed

    refreshes, blochs = interleaved(refresh, bloch, values)
    refreshes, blochs = [t * 1e3 for t in refreshes], [t * 1e3 for t in blochs]
    r_med = statistics.median(refreshes)
    ratio = r_med / statistics.median(blochs)
    budget = f"budget {REFRESH_BUDGET_MS:.0f} ms: {verdict(r_med <= REFRESH_BUDGET_MS)}"
    return [
        ("(a) QubitPanel refresh, 2 HiDPI pictures", timing(refreshes), f"n={len(refreshes)}, {budget}"),
        (
            f"(a) qutip.Bloch + render + PNG, {width_px}x{height_px} px",
            timing(blochs),
            "the panel sphere's pixels, interleaved",
        ),
        (
            "(a) ratio refresh / Bloch",
            f"{ratio:.3f}",
            f"target <= {REFRESH_RATIO_TARGET}: {verdict(ratio <= REFRESH_RATIO_TARGET)}",
        ),
    ]


# -- (d) BB84 throughput --------------------------------------------------------------------------
def bench_qkd(reps: int) -> list[Row]:
    from baselines import lean_qutip_bb84, numpy_bb84, qutip_bb84

    from qwidgets.physics import InterceptResend, simulate_bb84

    n, naive_n = 10**6, 2000
    rows: list[Row] = []
    for fraction in (0.0, 0.5):
        eve = InterceptResend(fraction=fraction) if fraction else None
        seeds = list(range(reps + 2))

        def ours(seed: int, eve: InterceptResend | None = eve) -> float:
            start = time.perf_counter()
            simulate_bb84(n, eve=eve, rng=seed)
            return time.perf_counter() - start

        def plain(seed: int, fraction: float = fraction) -> float:
            start = time.perf_counter()
            numpy_bb84(n, fraction, np.random.default_rng(seed))
            return time.perf_counter() - start

        mine, numpy_times = interleaved(ours, plain, seeds, warm_up=2)
        ratio = statistics.median(mine) / statistics.median(numpy_times)
        who = f"Eve on {fraction:.0%}" if fraction else "no Eve"
        rows.append(
            (
                f"(d) simulate_bb84, 10^6 photons, {who}",
                timing([t * 1e3 for t in mine]),
                f"numpy BB84 {statistics.median(numpy_times) * 1e3:.1f} ms: {ratio:.2f}x, "
                f"target <= 2x: {verdict(ratio <= 2)}",
            )
        )
    ours_per_photon = statistics.median(mine) / n
    for name, baseline in (("QuTiP measure_observable", qutip_bb84), ("lean Qobj + expect", lean_qutip_bb84)):
        start = time.perf_counter()
        baseline(naive_n, 0.5, np.random.default_rng(0))
        naive = (time.perf_counter() - start) / naive_n
        speedup = naive / ours_per_photon
        target = (
            f"target >= 1000x: {verdict(speedup >= 1000)}" if baseline is qutip_bb84 else "for information"
        )
        rows.append(
            (
                f"(d) one Qobj per photon, {name}",
                f"{naive * 1e6:.1f} us per photon",
                f"simulate_bb84 {ours_per_photon * 1e9:.0f} ns per photon: {speedup:,.0f}x faster; {target}",
            )
        )
    return rows


# -- (f) E91 throughput ---------------------------------------------------------------------------
def bench_e91(reps: int) -> list[Row]:
    from baselines import numpy_e91

    from qwidgets.physics import InterceptResend, simulate_e91

    rows: list[Row] = []
    for n in (10**5, 10**6):
        for fraction in (0.0, 0.5):
            eve = InterceptResend(fraction=fraction) if fraction else None
            seeds = list(range(reps + 2))

            def ours(seed: int, eve: InterceptResend | None = eve, n: int = n) -> float:
                start = time.perf_counter()
                simulate_e91(n, eve=eve, rng=seed)
                return time.perf_counter() - start

            def plain(seed: int, fraction: float = fraction, n: int = n) -> float:
                start = time.perf_counter()
                numpy_e91(n, fraction, np.random.default_rng(seed))
                return time.perf_counter() - start

            mine, numpy_times = interleaved(ours, plain, seeds, warm_up=2)
            ratio = statistics.median(mine) / statistics.median(numpy_times)
            who = f"Eve on {fraction:.0%}" if fraction else "no Eve"
            rows.append(
                (
                    f"(f) simulate_e91, 10^{round(np.log10(n))} pairs, {who}",
                    timing([t * 1e3 for t in mine]),
                    f"numpy E91 {statistics.median(numpy_times) * 1e3:.1f} ms: {ratio:.2f}x, "
                    f"target <= 2x: {verdict(ratio <= 2)}",
                )
            )
    return rows


# -- (g) repeater Monte-Carlo ---------------------------------------------------------------------------
def bench_repeater(reps: int) -> list[Row]:
    from qwidgets.physics import repeater_chain

    rows: list[Row] = []
    n = 10**5
    for segments in (8, 64):
        seeds = list(range(reps + 2))

        def sampled(seed: int, segments: int = segments) -> float:
            start = time.perf_counter()
            repeater_chain(1000.0, segments, mode="monte-carlo", n_trials=n, rng=seed)
            return time.perf_counter() - start

        def analytic(seed: int, segments: int = segments) -> float:
            start = time.perf_counter()
            repeater_chain(1000.0 + seed * 1e-3, segments)  # a new length each time: no cache
            return time.perf_counter() - start

        mc, exact = interleaved(sampled, analytic, seeds, warm_up=2)
        rows.append(
            (
                f"(g) repeater_chain Monte-Carlo, 10^5 pairs, {segments} segments",
                timing([t * 1e3 for t in mc]),
                f"{n / statistics.median(mc) / 1e6:.1f} M pairs/s; analytic mode "
                f"{statistics.median(exact) * 1e3:.2f} ms",
            )
        )
    return rows


# -- (e) panel refresh ------------------------------------------------------------------------------
def bench_panels(reps: int) -> list[Row]:
    from qwidgets import (
        BB84Panel,
        BellPairPanel,
        CHSHPanel,
        ClonerPanel,
        E91Panel,
        EavesdropperPanel,
        LinkPanel,
        NetworkBuilderPanel,
        RepeaterPanel,
        SatellitePanel,
        StagesPanel,
        TeleportationPanel,
        TrustedNodePanel,
    )

    moves = [  # LinkPanel recomputes all its curves on every change, the cursor's included
        (LinkPanel, "distance_km", [round(v) for v in np.linspace(1, 999, reps)]),
        (
            LinkPanel,
            "attenuation_db_per_km",
            [round(v, 2) for v in np.tile([0.16, 0.2, 0.25, 0.3], reps)[:reps]],
        ),
        (TrustedNodePanel, "length_km", [float(v) for v in np.round(np.linspace(10, 1000, reps), -1)]),
        (TrustedNodePanel, "n_nodes", [int(v) for v in np.tile([0, 1, 2, 3, 4, 5], reps)[:reps]]),
        (SatellitePanel, "ground_distance_km", [round(v) for v in np.linspace(50, 3000, reps)]),
        (EavesdropperPanel, "fraction", [round(v, 2) for v in np.linspace(0.05, 0.95, reps)]),
        (BB84Panel, "eve_fraction", [round(v, 2) for v in np.tile([0.1, 0.3, 0.5, 0.7], reps)[:reps]]),
        (ClonerPanel, "theta", [round(v, 2) for v in np.linspace(0.1, 3.0, reps)]),
        (RepeaterPanel, "length_km", [float(v) for v in np.round(np.linspace(20, 1000, reps), -1)]),
        (RepeaterPanel, "n_segments", [int(v) for v in np.tile([1, 2, 4, 8, 16, 32, 64], reps)[:reps]]),
        (BellPairPanel, "bob_angle", [round(v, 2) for v in np.linspace(-3.0, 3.0, reps)]),
        (
            BellPairPanel,
            "pair",
            [str(v) for v in np.tile(["phi+", "phi-", "psi+", "psi-", "werner"], reps)[:reps]],
        ),
        (CHSHPanel, "b", [round(v, 2) for v in np.linspace(-3.0, 3.0, reps)]),
        (CHSHPanel, "noise", [round(v, 2) for v in np.linspace(0.0, 1.0, reps)]),
        (
            E91Panel,
            "fraction",
            [round(v, 2) for v in np.linspace(0.0, 1.0, reps)],
            {"attack": "intercept-resend"},
        ),
        (E91Panel, "noise", [round(v, 2) for v in np.linspace(0.0, 0.5, reps)]),  # new tables: QuTiP
        (E91Panel, "attack", [str(v) for v in np.tile(["none", "intercept-resend"], reps)[:reps]]),
        (NetworkBuilderPanel, "preset", [str(v) for v in np.tile(NetworkBuilderPanel.presets, reps)[:reps]]),
        (StagesPanel, "stage", [int(v) for v in np.tile([0, 1, 2, 3, 4, 5], reps)[:reps]]),
        (
            StagesPanel,
            "application",
            [str(v) for v in np.tile(["blind quantum computing", "leader election", ""], reps)[:reps]],
        ),
        (TeleportationPanel, "theta", [round(v, 2) for v in np.linspace(0.1, 3.0, reps)]),
        (
            TeleportationPanel,
            "step",
            [str(v) for v in np.tile(["start", "cnot", "hadamard", "measure", "correct"], reps)[:reps]],
        ),
    ]
    rows: list[Row] = []
    for panel_class, name, values, *settings in moves:  # settings: the panel's keywords, if any
        panel = panel_class(**(settings[0] if settings else {}))
        control, times = panel.controls[name], []
        for value in values:
            start = time.perf_counter()
            control.value = value
            times.append((time.perf_counter() - start) * 1e3)
            assert panel.error is None, panel.error
        med = statistics.median(times)
        rows.append(
            (
                f"(e) {panel_class.__name__} refresh ({name})",
                timing(times),
                f"n={len(times)}, budget {REFRESH_BUDGET_MS:.0f} ms: {verdict(med <= REFRESH_BUDGET_MS)}",
            )
        )
    return rows


# -- (b) lessons headless -------------------------------------------------------------------
def bench_lessons() -> list[Row]:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    rows, total, failures = [], 0.0, 0
    with tempfile.TemporaryDirectory(prefix="qwl-bench-lessons-") as tmp:
        copy = drv.copy_lessons(Path(tmp) / "lessons")  # notebooks may write files: not here
        for path in drv.lesson_paths(copy):
            nb = nbformat.read(path, as_version=4)
            resources = {"metadata": {"path": str(copy)}}
            client = NotebookClient(nb, timeout=300, kernel_name="python3", resources=resources)
            start = time.perf_counter()
            status = "ok"
            try:
                client.execute()  # a fresh kernel per notebook
            except CellExecutionError as exc:
                status = f"ERROR: {str(exc).strip().splitlines()[-1][:80]}"
                failures += 1
            elapsed = time.perf_counter() - start
            total += elapsed
            rows.append((f"(b) execute {path.name}", f"{elapsed:.2f} s", status))
    if not rows:
        return [("(b) execute lessons", "-", f"no notebooks in {drv.LESSONS_DIR}")]
    rows.append(
        (
            "(b) execute all lessons",
            f"{total:.2f} s",
            f"{len(rows)} notebooks, {'all ok' if not failures else f'{failures} FAILED'}",
        )
    )
    return rows


# -- (c) key press to pixels in JupyterLab, against the transport floor ------------------------
FLOOR_CELL = """
import ipywidgets as widgets
from qwidgets.plots import encode_png
import numpy as np
_tiny = [encode_png(np.full((2, 2, 4), (c, 0, 0, 255), dtype=np.uint8)) for c in (0, 255)]
floor_image = widgets.Image(value=_tiny[0], format="png", layout=widgets.Layout(width="8px"))
floor_slider = widgets.FloatSlider(min=0, max=3, step=0.01, value=1.5, description="floor")
def _show(change):
    floor_image.value = _tiny[round(change["new"] * 100) % 2]
floor_slider.observe(_show, names="value")
widgets.VBox([floor_slider, floor_image])
"""
PANEL_CELL = "from qwidgets import QubitPanel\nQubitPanel(theta=1.0)"


def _bench_notebook(path: Path) -> None:
    cells = [
        {"cell_type": "code", "metadata": {}, "source": source, "outputs": [], "execution_count": None}
        for source in (PANEL_CELL, FLOOR_CELL)
    ]
    notebook = {
        "cells": cells,
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path.write_text(json.dumps(notebook))


def _press(page, slider, images, keys: list[str], reps: int) -> tuple[list[float], list[float], int]:
    """Press ``keys`` alternately on ``slider``'s handle; time each until ``images`` are new."""
    handles = [image.element_handle() for image in images]
    slider.locator(".noUi-handle").first.click()
    src_ms, frame_ms, lost = [], [], 0
    for i in range(reps):
        page.evaluate(drv.ARM_LATENCY_PROBE, handles)
        page.keyboard.press(keys[i % 2])
        got = page.evaluate("() => window.__qwlLatency")
        time.sleep(0.25)  # let the summary (sent after the images) and any echo land first
        if got is None:
            lost += 1
        else:
            src_ms.append(got["src_ms"])
            frame_ms.append(got["frame_ms"])
    return src_ms, frame_ms, lost


def bench_browser(key_reps: int) -> list[Row]:
    from playwright.sync_api import sync_playwright

    drv.find_chromium()  # raises ChromiumMissing with install instructions
    panel_src, panel_frame, floor_src, floor_frame, lost = [], [], [], [], 0
    with tempfile.TemporaryDirectory(prefix="qwl-bench-lab-") as tmp:
        root = Path(tmp) / "notebooks"
        root.mkdir()
        _bench_notebook(root / "latency.ipynb")
        with drv.LabServer(root, Path(tmp) / "lab") as server, sync_playwright() as pw:
            browser = drv.launch_browser(pw)
            try:
                page = browser.new_page(viewport=drv.VIEWPORT)
                nb = drv.LabNotebook(page, server, "latency.ipynb").open()
                nb.run_all()
                nb.wait_execution_done(120)
                panels = nb.panels(drv.QUBIT_PANEL_TITLE)
                drv.wait_until(lambda: panels.count() > 0 and page.locator(".widget-slider").count() >= 4, 20)
                view = drv.PanelView(panels.first)
                panel_images = [view.images.nth(i) for i in range(view.images.count())]
                floor = page.locator(".widget-slider").filter(has_text="floor").first
                floor_image = page.locator(".jp-OutputArea img.widget-image").last
                for round_ in range(key_reps + 1):  # round 0 warms up; then ABBA order
                    order = [("panel", view.slider("θ"), panel_images), ("floor", floor, [floor_image])]
                    for name, slider, images in order if round_ % 2 == 0 else order[::-1]:
                        src, frame, missed = _press(page, slider, images, ["ArrowRight", "ArrowLeft"], 2)
                        if round_ == 0:
                            continue
                        lost += missed
                        (panel_src if name == "panel" else floor_src).extend(src)
                        (panel_frame if name == "panel" else floor_frame).extend(frame)
                version = browser.version
            finally:
                browser.close()
    if not panel_src or not floor_src:
        return [("(c) key press -> new pictures", "-", f"no picture change seen ({lost} presses lost)")]
    note = f"n={len(panel_src)}+{len(floor_src)}, Chromium {version}" + (f", {lost} lost" if lost else "")
    med = statistics.median
    return [
        ("(c) floor: bare slider -> tiny image, src", timing(floor_src), "the widget round trip alone"),
        ("(c) floor: decoded + next frame", timing(floor_frame), note),
        (
            "(c) QubitPanel theta key -> both srcs",
            timing(panel_src),
            f"{med(panel_src) / med(floor_src):.2f} x the floor",
        ),
        (
            "(c) QubitPanel: decoded + next frame",
            timing(panel_frame),
            f"{med(panel_frame) / med(floor_frame):.2f} x the floor (key to pixels)",
        ),
    ]


def print_table(rows: list[Row]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    line = "-+-".join("-" * w for w in widths)
    print(line)
    for row in rows:
        print(" | ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    print(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=100, help="(a) repetitions (default 100)")
    parser.add_argument("--key-reps", type=int, default=12, help="(c) rounds of 2 presses each (default 12)")
    parser.add_argument("--skip-lessons", action="store_true", help="skip (b)")
    parser.add_argument("--skip-browser", action="store_true", help="skip (c)")
    args = parser.parse_args()

    print(
        f"Quantum Internet Lab benchmarks, {datetime.datetime.now():%Y-%m-%d %H:%M}, "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.machine()}"
    )
    rows: list[Row] = [("figure", "value", "notes")]
    start = time.perf_counter()
    rows += bench_refresh(args.reps)
    rows += bench_panels(args.reps)
    rows += bench_qkd(max(3, args.reps // 20))
    rows += bench_e91(max(5, args.reps // 10))
    rows += bench_repeater(max(5, args.reps // 10))
    if not args.skip_lessons:
        rows += bench_lessons()
    if not args.skip_browser:
        try:
            rows += bench_browser(args.key_reps)
        except drv.ChromiumMissing as exc:
            rows.append(("(c) key press -> new pictures", "-", "skipped: no Chromium"))
            print(exc, file=sys.stderr)
    print_table(rows)
    print(f"(benchmarks took {time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
