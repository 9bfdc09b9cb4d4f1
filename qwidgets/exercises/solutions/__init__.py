"""Reference solutions of the exercises, one module per lesson.

Each solution is a function of no argument, marked with
:func:`@solution(exercise_id) <qwidgets.exercises.core.solution>`, that returns what a student
would assign to the exercise's ``answer_name``. Nothing in the checks imports this package:
:func:`qwidgets.exercises.reference_solution` imports it when a teacher or a test asks, so a
graded release can ship without it.
"""

from qwidgets.exercises.solutions import (
    bb84,
    computing_networks,
    e91,
    eavesdroppers,
    entanglement,
    loss,
    no_cloning,
    qubits,
    relays,
    repeaters,
    roadmap,
    teleportation,
)

__all__ = [
    "bb84",
    "computing_networks",
    "e91",
    "eavesdroppers",
    "entanglement",
    "loss",
    "no_cloning",
    "qubits",
    "relays",
    "repeaters",
    "roadmap",
    "teleportation",
]
