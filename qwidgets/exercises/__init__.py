"""Exercise checks with feedback, and the registry of exercises.

``check_<task>(answer)`` returns a :class:`Feedback` (shown by Jupyter) and never raises;
:data:`EXERCISES` lists every exercise for tests and graders, in the order of the lessons, and
:func:`variant` shows a student their own numbers for an exercise that has them (on a class hub).
The reference solutions are not here: they live on the grader's side (``grading/`` in the
course's repository). Each lesson's checks live in a module of their
own (``qubits``, ``no_cloning``, ``bb84``, ``eavesdroppers``, ``loss``, ``relays``,
``entanglement``, ``e91``, ``teleportation``, ``repeaters``, ``computing_networks``,
``roadmap``); all are re-exported here.
"""

# The lesson modules are imported in lesson order: the order in which exercises are registered.
# isort: off
from qwidgets.exercises import (
    qubits,
    no_cloning,
    bb84,
    eavesdroppers,
    loss,
    relays,
    entanglement,
    e91,
    teleportation,
    repeaters,
    computing_networks,
    roadmap,
)
from qwidgets.exercises.qubits import *  # noqa: F403
from qwidgets.exercises.no_cloning import *  # noqa: F403
from qwidgets.exercises.bb84 import *  # noqa: F403
from qwidgets.exercises.eavesdroppers import *  # noqa: F403
from qwidgets.exercises.loss import *  # noqa: F403
from qwidgets.exercises.relays import *  # noqa: F403
from qwidgets.exercises.entanglement import *  # noqa: F403
from qwidgets.exercises.e91 import *  # noqa: F403
from qwidgets.exercises.teleportation import *  # noqa: F403
from qwidgets.exercises.repeaters import *  # noqa: F403
from qwidgets.exercises.computing_networks import *  # noqa: F403
from qwidgets.exercises.roadmap import *  # noqa: F403

# isort: on
from qwidgets.exercises.core import (
    EXERCISES,
    Exercise,
    Feedback,
    assert_correct,
    get_exercise,
    variant,
)
from qwidgets.exercises.variants import Parameter, Variant, current_student

__all__ = [
    "EXERCISES",
    "Exercise",
    "Feedback",
    "Parameter",
    "Variant",
    "assert_correct",
    "current_student",
    "get_exercise",
    "variant",
    *qubits.__all__,
    *no_cloning.__all__,
    *bb84.__all__,
    *eavesdroppers.__all__,
    *loss.__all__,
    *relays.__all__,
    *entanglement.__all__,
    *e91.__all__,
    *teleportation.__all__,
    *repeaters.__all__,
    *computing_networks.__all__,
    *roadmap.__all__,
]
