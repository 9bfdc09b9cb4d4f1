"""Fixtures shared by the test folders."""

import pytest

from qwidgets.testing import jupyterlab as drv


@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium, or the :class:`drv.ChromiumMissing` error (tests fail on it).

    One for the whole session: Playwright's sync API allows one running instance per process,
    so the browser tests and the hub test share it.
    """
    try:
        drv.find_chromium()
    except drv.ChromiumMissing as exc:
        yield exc
        return
    with drv.headless_chromium() as browser:
        yield browser
