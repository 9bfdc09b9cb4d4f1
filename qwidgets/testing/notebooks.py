"""What a lesson notebook says, for tests: its markdown, its code cells and what they print.

Exercise tests check that a lesson asks exactly what its checks judge (the statements of a
multiple choice, an answer cell per exercise, the printed figures); they read the notebook here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import nbformat

__all__ = ["LessonText", "lesson_text"]


@dataclass(frozen=True)
class LessonText:
    """The text of a lesson notebook.

    Attributes
    ----------
    markdown : str
        Every markdown cell, joined by newlines.
    code : tuple of str
        The source of each code cell, in order.
    printed : tuple of str
        The text of each stream output (what the saved cells printed), in order.
    """

    markdown: str
    code: tuple[str, ...]
    printed: tuple[str, ...]

    def has_answer_cell(self, answer_name: str, check_name: str) -> bool:
        """Whether one code cell leaves ``answer_name`` unanswered and passes it to its check."""
        return any(
            f"{answer_name} = None" in cell and f"{check_name}({answer_name})" in cell for cell in self.code
        )


def lesson_text(path: Path | str) -> LessonText:
    """Read the notebook at ``path``."""
    notebook = nbformat.read(str(path), as_version=4)
    cells = notebook.cells
    return LessonText(
        markdown="\n".join(cell.source for cell in cells if cell.cell_type == "markdown"),
        code=tuple(cell.source for cell in cells if cell.cell_type == "code"),
        printed=tuple(
            output.get("text", "")
            for cell in cells
            if cell.cell_type == "code"
            for output in cell.outputs
            if output.output_type == "stream"
        ),
    )
