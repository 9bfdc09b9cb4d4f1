"""Where each page of the course site points: the same lesson on Binder, and the other pages."""

from __future__ import annotations

import re

__all__ = ["BINDER_BADGE_PREFIX", "GITHUB_REPOSITORY", "binder_url", "lesson_stem", "page_name"]

GITHUB_REPOSITORY = "quantum-internet-lab/quantum-internet-lab"
"""``owner/repo`` on GitHub, as in README.md's Binder badge (a test keeps the two equal)."""
BINDER_BADGE_PREFIX = f"https://mybinder.org/v2/gh/{GITHUB_REPOSITORY}/"
"""How every Binder link of the course starts, README's badge included."""

_STEM = re.compile(r"\d\d_[a-z0-9_]+")


def lesson_stem(lesson: str) -> str:
    """Return the stem of a lesson notebook's name (``01_qubits`` for ``01_qubits.ipynb``).

    Parameters
    ----------
    lesson : str
        ``NN_topic`` or ``NN_topic.ipynb`` (two digits, an underscore, lower-case words).

    Raises
    ------
    ValueError
        If ``lesson`` is not such a name.
    """
    if not isinstance(lesson, str):
        raise ValueError(f"lesson must be a lesson name such as '01_qubits'; got {lesson!r}")
    stem = lesson.removesuffix(".ipynb")
    if not _STEM.fullmatch(stem):
        raise ValueError(
            f"lesson must be a lesson name such as '01_qubits' or '01_qubits.ipynb'; got {lesson!r}"
        )
    return stem


def binder_url(lesson: str) -> str:
    """The address that opens ``lesson`` in JupyterLab on mybinder.org.

    Parameters
    ----------
    lesson : str
        The lesson's name, see :func:`lesson_stem`.

    Returns
    -------
    str
        ``https://mybinder.org/v2/gh/<owner>/<repo>/HEAD?urlpath=lab/tree/lessons/<lesson>.ipynb``.
    """
    return f"{BINDER_BADGE_PREFIX}HEAD?urlpath=lab/tree/lessons/{lesson_stem(lesson)}.ipynb"


def page_name(lesson: str) -> str:
    """The file name of ``lesson``'s page on the site (``01_qubits.html``)."""
    return f"{lesson_stem(lesson)}.html"
