"""Exercise checks with feedback, and their reference solutions.

``check_<task>(answer)`` returns a :class:`Feedback` (shown by Jupyter) and never raises;
:data:`EXERCISES` lists every exercise with its reference solution for tests and graders.
"""

from qwidgets.exercises.core import (
    EXERCISES,
    Exercise,
    Feedback,
    assert_correct,
    reference_solution,
)

__all__ = ["EXERCISES", "Exercise", "Feedback", "assert_correct", "reference_solution"]
