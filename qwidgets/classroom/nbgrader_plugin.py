"""An nbgrader preprocessor that grades each student against their own variant of the exercises.

The generated test cell of an exercise with per-student numbers calls
``assert_correct(id, answer, student=None)``: in a student's own notebook ``None`` means "the
student the environment names" (the hub's ``JUPYTERHUB_USER``). When the teacher autogrades, the
kernel runs under the teacher's account, so :class:`StudentVariants`, run by ``nbgrader
autograde`` after it has restored the test cells from the gradebook, writes the id of the student
whose submission it grades into each of them. The id is in the cell's source, not in the
environment, so nothing the submission does to ``os.environ`` changes whose numbers are checked;
and the feedback shows it. ``generate_course`` adds it to the course's ``nbgrader_config.py``::

    c.Autograde.sanitize_preprocessors.append("qwidgets.classroom.nbgrader_plugin.StudentVariants")
"""

from __future__ import annotations

from typing import Any

from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

__all__ = ["STUDENT_PLACEHOLDER", "StudentVariants", "name_student"]

STUDENT_PLACEHOLDER = ", student=None)"
"""How a generated test cell ends its ``assert_correct`` call when the exercise has variants."""


def name_student(source: str, student: str) -> str:
    """``source`` with every :data:`STUDENT_PLACEHOLDER` naming ``student`` instead."""
    return source.replace(STUDENT_PLACEHOLDER, f", student={student!r})")


class StudentVariants(Preprocessor):
    """Name the submitting student (nbgrader's ``resources['nbgrader']['student']``) in every test cell."""

    enabled = Bool(True, help="nbconvert runs a registered preprocessor only when enabled").tag(config=True)

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        student = resources["nbgrader"]["student"]
        for cell in nb.cells:
            if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade"):
                cell.source = name_student(cell.source, student)
        return nb, resources
