"""The grader's side of Quantum Internet Lab: reference solutions and the instructor's answer key.

This package is not part of the ``qwidgets`` distribution that students install: it lives in
``grading/`` of the course's repository, and a teacher installs it beside the course with
``pip install -e ./grading`` (see ``docs/instructors/README.md``). The checks students run never
import it. :func:`reference_solution` gives the right answer of any exercise for any student's
variant; :mod:`qwidgets.classroom` uses it to write the nbgrader source notebooks, and
:mod:`qwidgets_grading.answer_key` to write the answer key.
"""

from qwidgets_grading.registry import reference_solution, solution

__all__ = ["reference_solution", "solution"]
