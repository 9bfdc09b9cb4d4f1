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
from qwidgets.exercises.qubits import (
    check_disturbed_probability,
    check_gates_to_plus_i,
    check_minus_angles,
    check_probability_zero,
    check_state_after_measurement,
)

__all__ = [
    "EXERCISES",
    "Exercise",
    "Feedback",
    "assert_correct",
    "check_disturbed_probability",
    "check_gates_to_plus_i",
    "check_minus_angles",
    "check_probability_zero",
    "check_state_after_measurement",
    "reference_solution",
]
