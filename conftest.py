"""How the suite (``tests/`` and the lessons, checked by nbval) is split between two processes.

pytest-xdist runs it in two processes (``-n 2`` in ``pyproject.toml``). The scheduler below sends
all the tests of one group to one process: a group is one test file or notebook, so that its module
fixtures (and a notebook's kernel) are made once, or one of the folders whose files share session
fixtures (a server, the lesson runs in JupyterLab, the built site).
"""

from __future__ import annotations

FOLDER_GROUPS = ("tests/browser/", "tests/classroom/", "tests/hub/", "tests/site/", "tests/voila/")
"""Folders whose test files share session fixtures: one group each ..."""
OWN_GROUPS = ("tests/browser/test_lessons_in_notebook7.py", "tests/browser/test_themes_and_screens.py")
"""... except these files, which start servers of their own."""


def group_of(nodeid: str) -> str:
    """The group of a test from its node id: ``tests/x/test_y.py::test_z[1]``, ``lessons/n.ipynb::Cell 0``."""
    path = nodeid.split("::", 1)[0]
    if path in OWN_GROUPS:
        return path
    return next((folder for folder in FOLDER_GROUPS if path.startswith(folder)), path)


def pytest_xdist_make_scheduler(config, log):
    """xdist's "loadscope" scheduling, with :func:`group_of` as the scope of a test."""
    from xdist.scheduler import LoadScopeScheduling

    class GroupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return group_of(nodeid)

    return GroupScheduling(config, log)
