"""Where the course's files are in a checkout of the repository (an editable install)."""

from pathlib import Path

__all__ = ["LESSONS_DIR", "REPO_ROOT"]

REPO_ROOT = Path(__file__).resolve().parents[1]
"""The repository's top folder."""
LESSONS_DIR = REPO_ROOT / "lessons"
"""The lesson notebooks of the course."""
