"""Reference solutions of the exercises, one module per lesson.

Each solution is a function marked with
:func:`@solution(exercise_id) <qwidgets_grading.registry.solution>` that returns what a student
would assign to the exercise's ``answer_name``. It takes the exercise's parameters as keywords
(none for an exercise that is the same for everyone), so it answers every student's variant.
"""

from qwidgets_grading.solutions import (
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
