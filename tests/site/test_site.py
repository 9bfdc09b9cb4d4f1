"""The static course site: its builder's pieces, and every page opened offline in Chromium."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from qwidgets.paths import LESSONS_DIR, REPO_ROOT
from qwidgets.site import (
    GITHUB_REPOSITORY,
    binder_url,
    build_site,
    lesson_title,
    select_lessons,
    strip_widget_views,
)
from qwidgets.site.__main__ import main
from qwidgets.site.build import nav_html
from qwidgets.site.links import BINDER_BADGE_PREFIX, lesson_stem
from qwidgets.site.outputs import WIDGET_VIEW
from qwidgets.testing import jupyterlab as drv

# -- the builder's pieces (no kernel, no browser) ---------------------------------------------------


def test_binder_link_opens_the_same_lesson_in_the_readme_repository():
    assert binder_url("04_eavesdroppers") == (
        f"https://mybinder.org/v2/gh/{GITHUB_REPOSITORY}/HEAD?urlpath=lab/tree/lessons/04_eavesdroppers.ipynb"
    )
    assert binder_url("04_eavesdroppers.ipynb") == binder_url("04_eavesdroppers")
    badge = re.search(r"\(https://mybinder\.org/v2/gh/[^)]*\)", (REPO_ROOT / "README.md").read_text())
    assert badge and badge.group(0)[1:].startswith(BINDER_BADGE_PREFIX), "README's Binder badge moved"


@pytest.mark.parametrize("bad", ["", "qubits", "1_qubits", "01_qubits.html", "../01_qubits", None, 1])
def test_bad_lesson_names_are_refused(bad):
    with pytest.raises(ValueError, match="lesson must be"):
        lesson_stem(bad)


def _panel_output(html: str | None) -> dict:
    data = {"text/plain": "a summary", WIDGET_VIEW: {"model_id": "abc", "version_major": 2}}
    if html:
        data["text/html"] = html
    return nbformat.v4.new_output("execute_result", data=data, execution_count=1)


def test_widget_views_are_dropped_and_the_fallback_stays():
    nb = nbformat.v4.new_notebook()
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    panel = nbformat.v4.new_code_cell("QubitPanel()", outputs=[_panel_output("<figure>x</figure>")])
    bare = nbformat.v4.new_code_cell("widgets.IntSlider()", outputs=[_panel_output(None)])
    text = nbformat.v4.new_code_cell("1", outputs=[nbformat.v4.new_output("stream", text="1\n")])
    nb.cells = [nbformat.v4.new_markdown_cell("# 01 · Qubits\n\ntext"), panel, bare, text]
    assert strip_widget_views(nb) == ["a summary"]
    assert "widgets" not in nb.metadata
    assert panel.outputs[0]["data"] == {"text/plain": "a summary", "text/html": "<figure>x</figure>"}
    assert bare.outputs[0]["data"] == {"text/plain": "a summary"}
    assert text.outputs[0]["text"] == "1\n"
    assert lesson_title(nb) == "01 · Qubits"
    with pytest.raises(ValueError, match="nb must be"):
        strip_widget_views({"cells": []})


def test_lessons_are_chosen_by_name_in_course_order():
    chosen = select_lessons(["04_eavesdroppers.ipynb", "01_qubits"])
    assert [p.name for p in chosen] == ["01_qubits.ipynb", "04_eavesdroppers.ipynb"]
    assert select_lessons() == drv.lesson_paths(LESSONS_DIR)
    with pytest.raises(ValueError, match="lesson must be one of"):
        select_lessons(["99_nothing"])
    with pytest.raises(ValueError, match="lessons must be a list"):
        select_lessons("01_qubits")
    with pytest.raises(ValueError, match="at least one"):
        select_lessons([])


def test_bad_build_arguments_are_refused_before_any_work(tmp_path):
    out = tmp_path / "site"
    with pytest.raises(ValueError, match="timeout"):
        build_site(out, ["01_qubits"], timeout=0)
    with pytest.raises(ValueError, match="jobs"):
        build_site(out, ["01_qubits"], jobs=0)
    with pytest.raises(ValueError, match="lessons_dir"):
        build_site(out, lessons_dir=tmp_path)
    assert not out.exists()
    with pytest.raises(SystemExit) as exit_:
        main(["build", str(out), "--lesson", "99_nothing"])
    assert exit_.value.code == 2


def test_the_navigation_links_neighbours_the_map_and_binder():
    nav = nav_html("01_qubits", ["00_welcome", "01_qubits", "02_no_cloning"])
    for href in ("index.html", "00_welcome.html", "02_no_cloning.html"):
        assert f'href="{href}"' in nav
    assert f'href="{binder_url("01_qubits")}"' in nav
    assert "Previous" not in nav_html("00_welcome", ["00_welcome", "01_qubits"])


# -- the built site: files ----------------------------------------------------------------------------


class _Assets(HTMLParser):
    """Every asset a page loads: script src, link href, img src (and any CSS @import/url)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"script": "src", "img": "src", "link": "href", "iframe": "src", "source": "src"}.get(tag)
        self.urls += [value or "" for name, value in attrs if name == wanted]


def test_every_lesson_has_a_page_and_every_widget_a_fallback(site):
    assert [p.lesson for p in site.pages] == [p.stem for p in drv.lesson_paths(LESSONS_DIR)]
    assert {p.lesson: p.bare_widgets for p in site.pages if p.bare_widgets} == {}
    for page in site.pages:
        assert (site.out_dir / page.file).is_file()
        notebook = json.loads((LESSONS_DIR / f"{page.lesson}.ipynb").read_text(encoding="utf-8"))
        assert page.title and page.title == lesson_title(notebook)


def test_no_page_loads_anything_from_the_internet(site):
    for file in ["index.html", *(p.file for p in site.pages)]:
        text = (site.out_dir / file).read_text(encoding="utf-8")
        parser = _Assets()
        parser.feed(text)
        remote = [u for u in parser.urls if re.match(r"\s*(https?:)?//", u, re.IGNORECASE)]
        remote += re.findall(r"@import\s+url\(\s*['\"]?https?:[^)]*\)", text)
        assert remote == [], f"{file} loads from the internet: {remote[:5]}"
        assert WIDGET_VIEW not in text and "widget-state+json" not in text, f"{file} keeps a widget view"
    assert (site.out_dir / "_static" / "mathjax" / "MathJax.js").is_file()


# -- the built site in Chromium, offline ---------------------------------------------------------------


def _exercise_headings(notebook: Path) -> int:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    return len(re.findall(r"^#+\s*Exercise\b", text, re.MULTILINE))


def _has_math(notebook: Path) -> bool:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    return any("$" in "".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def test_the_course_map_links_every_page(site, offline):
    page = offline.open("index.html")
    hrefs = page.eval_on_selector_all("a.qwl-lesson", "links => links.map(a => a.getAttribute('href'))")
    assert hrefs == [p.file for p in site.pages]
    titles = page.locator("a.qwl-lesson").all_inner_texts()
    assert titles == [p.title for p in site.pages]
    assert offline.blocked == []


_PICTURES = """figures => figures.map(f => ({
    images: [...f.querySelectorAll('img')].map(
        i => ({complete: i.complete, width: i.naturalWidth, alt: i.alt})),
    caption: (f.querySelector('figcaption') || {}).innerText || '',
    captionVisible: !!(f.querySelector('figcaption') && f.querySelector('figcaption').checkVisibility()),
}))"""


def test_every_panel_shows_its_picture_and_summary(lesson, site, offline):
    path = LESSONS_DIR / f"{lesson}.ipynb"
    page = offline.open(f"{lesson}.html")
    page.wait_for_function("[...document.images].every(i => i.complete)", timeout=20_000)
    figures = page.eval_on_selector_all("figure.qwidgets-static", _PICTURES)
    assert len(figures) == drv.expected_panels(path), f"{lesson}: panels on the page"
    for n, figure in enumerate(figures, 1):
        assert figure["images"], f"{lesson}: panel {n} has no picture"
        for image in figure["images"]:
            assert image["complete"] and image["width"] > 0, f"{lesson}: panel {n}'s picture did not load"
            assert image["alt"].strip(), f"{lesson}: panel {n}'s picture has no alt text"
        assert figure["captionVisible"] and figure["caption"].strip(), f"{lesson}: panel {n} has no summary"
    assert offline.blocked == [], f"requests to the internet: {offline.blocked[:5]}"
    assert offline.missing == [], f"files missing from the site: {offline.missing[:5]}"


def test_every_exercise_and_the_binder_link_are_there(lesson, site, offline):
    path = LESSONS_DIR / f"{lesson}.ipynb"
    page = offline.open(f"{lesson}.html")
    headings = page.locator("h1, h2, h3, h4, h5, h6").all_inner_texts()
    shown = [h for h in headings if h.strip().startswith("Exercise")]
    assert len(shown) == _exercise_headings(path), f"{lesson}: exercises shown: {shown}"
    binder = page.locator("a.qwl-binder").first
    assert binder.get_attribute("href") == binder_url(lesson)
    assert binder.is_visible()
    assert page.locator("a.qwl-index").first.get_attribute("href") == "index.html"


def test_the_math_is_typeset(lesson, site, offline):
    path = LESSONS_DIR / f"{lesson}.ipynb"
    page = offline.open(f"{lesson}.html")
    if not _has_math(path):
        assert page.locator(".MathJax").count() == 0
        return
    page.wait_for_function("document.querySelectorAll('.MathJax').length > 0", timeout=30_000)
    assert page.locator(".MathJax_Error, .merror").count() == 0, f"{lesson}: MathJax errors"
    assert offline.blocked == [], f"requests to the internet: {offline.blocked[:5]}"
    assert offline.missing == [], f"files missing from the site: {offline.missing[:5]}"
