"""Build the course site: execute every lesson, export one static HTML page each, and a course map.

The pages need no kernel and nothing from the internet: panels show their static fallback
(pictures and summary, :mod:`qwidgets.site.outputs`), MathJax comes from the site itself
(:mod:`qwidgets.site.template`), and every page links to the course map and to the same lesson
on Binder (:mod:`qwidgets.site.links`).

Code cells stay on the pages: they are one-line panel calls and the exercises' answer cells, and
a reader learns from them what to type once they open the lesson on Binder or at home.
"""

from __future__ import annotations

import html
import os
import shutil
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qwidgets import validation
from qwidgets.exercises.variants import STUDENT_VARIABLES
from qwidgets.paths import LESSONS_DIR
from qwidgets.site.links import binder_url, lesson_stem, page_name
from qwidgets.site.outputs import strip_widget_views
from qwidgets.site.template import copy_mathjax, exporter

__all__ = ["DEFAULT_TIMEOUT", "Page", "SiteBuild", "build_site", "lesson_title", "select_lessons"]

DEFAULT_TIMEOUT = 300
"""Seconds one cell may run before the build fails."""
KERNEL = "python3"


@dataclass(frozen=True)
class Page:
    """One lesson's page on the site."""

    lesson: str
    """The notebook's stem, e.g. ``01_qubits``."""
    title: str
    """The notebook's first heading, without the ``#``."""
    file: str
    """The page's file name inside the site, e.g. ``01_qubits.html``."""
    seconds: float
    """How long executing and exporting the lesson took."""
    bare_widgets: tuple[str, ...] = ()
    """The text of widgets that had no static fallback (they show as text only)."""


@dataclass(frozen=True)
class SiteBuild:
    """What :func:`build_site` wrote."""

    out_dir: Path
    pages: tuple[Page, ...]
    seconds: float

    @property
    def index(self) -> Path:
        """The course map, the site's start page."""
        return self.out_dir / "index.html"


def lesson_title(nb: Any) -> str:
    """The text of the first markdown heading of ``nb`` (``01 · Qubits``), or ``""`` if none."""
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        for line in source.splitlines():
            if line.startswith("#"):
                return line.lstrip("#").strip()
    return ""


def select_lessons(lessons: Sequence[str] | None = None, lessons_dir: Path | str = LESSONS_DIR) -> list[Path]:
    """The lesson notebooks to build, in course order.

    Parameters
    ----------
    lessons : sequence of str, optional
        Lesson names (``01_qubits`` or ``01_qubits.ipynb``); default: every ``NN_*.ipynb``.
    lessons_dir : path
        The folder of lesson notebooks.

    Raises
    ------
    ValueError
        If ``lessons_dir`` has no lessons, or a name in ``lessons`` is not one of them.
    """
    folder = Path(lessons_dir)
    available = sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb"))
    if not available:
        raise ValueError(f"lessons_dir must be a folder of NN_topic.ipynb notebooks; got {str(folder)!r}")
    if lessons is None:
        return available
    if isinstance(lessons, str):
        raise ValueError(f"lessons must be a list of lesson names, not one string; got {lessons!r}")
    stems = [p.stem for p in available]
    wanted = {validation.choice("lesson", lesson_stem(name), stems) for name in lessons}
    if not wanted:
        raise ValueError(f"lessons must name at least one of {stems}; got an empty list")
    return [p for p in available if p.stem in wanted]


def build_site(
    out_dir: Path | str,
    lessons: Sequence[str] | None = None,
    *,
    lessons_dir: Path | str = LESSONS_DIR,
    timeout: int = DEFAULT_TIMEOUT,
    jobs: int = 1,
) -> SiteBuild:
    """Execute the lessons and write the static course site into ``out_dir``.

    Parameters
    ----------
    out_dir : path
        The site's folder (created; pages of the same name are replaced).
    lessons : sequence of str, optional
        Lessons to build (see :func:`select_lessons`); default: the whole course.
    lessons_dir : path
        Where the lesson notebooks are; they run in a temporary copy of this folder.
    timeout : int
        Seconds one cell may run (1 to 3600).
    jobs : int
        Lessons executed at the same time, each in its own kernel (1 to 16).

    Returns
    -------
    SiteBuild
        The pages written, in course order, and the build's duration.

    Raises
    ------
    ValueError
        On a bad argument.
    nbclient.exceptions.CellExecutionError
        If a cell of a lesson fails.
    """
    timeout = validation.integer("timeout", timeout, low=1, high=3600, unit="s")
    jobs = validation.integer("jobs", jobs, low=1, high=16)
    paths = select_lessons(lessons, lessons_dir)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    copy_mathjax(out)
    stems = [p.stem for p in paths]
    with tempfile.TemporaryDirectory(prefix="qwl-site-") as work:
        shutil.copytree(
            lessons_dir, work, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
        )

        def one(path: Path) -> Page:
            return _build_page(Path(work) / path.name, out, stems, timeout)

        with ThreadPoolExecutor(max_workers=jobs) as pool:
            pages = tuple(pool.map(one, paths))
    (out / "index.html").write_text(index_html(pages), encoding="utf-8")
    return SiteBuild(out, pages, time.perf_counter() - start)


def _build_page(path: Path, out: Path, stems: list[str], timeout: int) -> Page:
    import nbformat

    start = time.perf_counter()
    nb = nbformat.read(path, as_version=4)
    execute(nb, path.parent, timeout)
    bare = strip_widget_views(nb)
    title = lesson_title(nb) or path.stem
    nb.metadata["title"] = title
    html_text, _ = exporter().from_notebook_node(
        nb, resources={"qwl_nav": nav_html(path.stem, stems), "metadata": {"name": title}}
    )
    (out / page_name(path.stem)).write_text(html_text, encoding="utf-8")
    return Page(path.stem, title, page_name(path.stem), time.perf_counter() - start, tuple(bare))


def execute(nb: Any, cwd: Path, timeout: int) -> None:
    """Run ``nb`` in place in a fresh ``python3`` kernel started in ``cwd``, with the lesson's own numbers."""
    from nbclient import NotebookClient

    env = {k: v for k, v in os.environ.items() if k not in STUDENT_VARIABLES}  # the lesson's own numbers
    client = NotebookClient(
        nb, kernel_name=KERNEL, timeout=timeout, resources={"metadata": {"path": str(cwd)}}
    )
    client.execute(env=env)


def nav_html(lesson: str, lessons: Sequence[str]) -> str:
    """The navigation bar of ``lesson``'s page: course map, previous, next, and Binder."""
    links = ['<a class="qwl-index" href="index.html">Course map</a>']
    at = list(lessons).index(lesson)
    if at > 0:
        links.append(f'<a class="qwl-prev" href="{page_name(lessons[at - 1])}">← Previous lesson</a>')
    if at + 1 < len(lessons):
        links.append(f'<a class="qwl-next" href="{page_name(lessons[at + 1])}">Next lesson →</a>')
    links.append(
        f'<a class="qwl-binder" href="{html.escape(binder_url(lesson))}">'
        "Run this lesson on Binder (live panels, your own answers)</a>"
    )
    return f'<nav class="qwl-nav" aria-label="Course">{" ".join(links)}</nav>'


def index_html(pages: Sequence[Page]) -> str:
    """The course map: every page, in order, with its Binder link; self-contained HTML."""
    items = "\n".join(
        f'<li><a class="qwl-lesson" href="{html.escape(p.file)}">{html.escape(p.title)}</a>'
        f' · <a class="qwl-binder" href="{html.escape(binder_url(p.lesson))}">on Binder</a></li>'
        for p in pages
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Quantum Internet Lab: the course</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 48em; margin: 2em auto; padding: 0 1em;
  line-height: 1.5; }}
a {{ color: #0072b2; }}
li {{ margin: 0.4em 0; }}
</style>
</head>
<body>
<main>
<h1>Quantum Internet Lab</h1>
<p>An interactive course on how a quantum internet works. These pages show every lesson as it
runs, with each panel's picture and summary: read them here, then open a lesson on Binder to move
the controls and check your own answers.</p>
<ol class="qwl-lessons">
{items}
</ol>
</main>
</body>
</html>
"""
