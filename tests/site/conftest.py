"""Fixtures for the course site's tests: the site built once, served on 127.0.0.1, opened offline.

The build executes every lesson (about two minutes on two cores); the browser is the session's
``chromium`` (``tests/conftest.py``) and every request that does not go to 127.0.0.1 is blocked
and recorded, so a page that needs the internet fails its test.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest

from qwidgets.paths import LESSONS_DIR
from qwidgets.site import SiteBuild, build_site
from qwidgets.testing import jupyterlab as drv

LESSONS = [p.stem for p in drv.lesson_paths(LESSONS_DIR)]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One parameter per lesson; no lessons is a failure, never a silent skip."""
    if "lesson" in metafunc.fixturenames:
        metafunc.parametrize("lesson", LESSONS or ["<no lessons found>"])


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> SiteBuild:
    """The whole course site, built once (two lessons at a time)."""
    built = build_site(tmp_path_factory.mktemp("site"), jobs=2)
    print(f"\ncourse site: {len(built.pages)} lessons built in {built.seconds:.0f} s")
    return built


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def site_url(site) -> Iterator[str]:
    """The site served by ``http.server`` on 127.0.0.1 (a free port), in a thread."""
    handler = functools.partial(_QuietHandler, directory=str(site.out_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class OfflineBrowser:
    """A browser context that only reaches 127.0.0.1.

    ``blocked`` lists the requests it refused (to the internet), ``missing`` the site's files a
    page asked for in vain (a status of 400 or more; the browser's own favicon.ico aside).
    """

    context: Any
    base: str
    blocked: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    pages: dict[str, Any] = field(default_factory=dict)

    def open(self, file: str) -> Any:
        """The page ``file`` of the site, loaded once and kept for the other tests."""
        if file not in self.pages:
            page = self.context.new_page()
            page.goto(f"{self.base}/{file}", wait_until="load")
            self.pages[file] = page
        return self.pages[file]


@pytest.fixture(scope="session")
def offline(chromium, site_url) -> Iterator[OfflineBrowser]:
    """A Chromium context on the served site with every request not to 127.0.0.1 blocked."""
    if isinstance(chromium, Exception):
        pytest.fail(str(chromium))
    context = chromium.new_context(viewport=drv.VIEWPORT)
    browser = OfflineBrowser(context, site_url)

    def route(route: Any) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            browser.blocked.append(route.request.url)
            route.abort()

    def response(response: Any) -> None:
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            browser.missing.append(f"{response.status} {response.url}")

    context.route("**/*", route)
    context.on("response", response)
    try:
        yield browser
    finally:
        context.close()
