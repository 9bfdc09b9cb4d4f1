"""Exercise checks with feedback, and the registry of exercises.

``check_<task>(answer)`` returns a :class:`Feedback` (shown by Jupyter) and never raises;
:data:`EXERCISES` lists every exercise for tests and graders, and :func:`reference_solution`
loads an exercise's reference answer from :mod:`qwidgets.exercises.solutions` when asked.
"""

from qwidgets.exercises.core import (
    EXERCISES,
    Exercise,
    Feedback,
    assert_correct,
    reference_solution,
)
from qwidgets.exercises.qubits import (
    check_gates_to_plus_i,
    check_minus_angles,
    check_probability_zero,
    check_state_after_measurement,
    check_y_basis_probability,
    check_z_then_x,
)

__all__ = [
    "EXERCISES",
    "Exercise",
    "Feedback",
    "assert_correct",
    "check_gates_to_plus_i",
    "check_minus_angles",
    "check_probability_zero",
    "check_state_after_measurement",
    "check_y_basis_probability",
    "check_z_then_x",
    "reference_solution",
]
