"""Physics models of Quantum Internet Lab: QuTiP-backed, free of widgets and plotting.

A teacher writes ``from qwidgets.physics import ket, measure`` in their own notebook.
"""

from qwidgets.physics.bases import AXIS_STATES, BASES, AxisState, NamedBasis, axis_state, named_basis
from qwidgets.physics.qubit import (
    GATE_NAMES,
    ROTATION_NAMES,
    MeasurementRun,
    apply_gate,
    bloch_angles,
    bloch_state,
    bloch_vector,
    collapse,
    ket,
    measure,
    measurement_probabilities,
    mixture,
    sample_measurement,
)

__all__ = [
    "AXIS_STATES",
    "BASES",
    "GATE_NAMES",
    "ROTATION_NAMES",
    "AxisState",
    "MeasurementRun",
    "NamedBasis",
    "apply_gate",
    "axis_state",
    "bloch_angles",
    "bloch_state",
    "bloch_vector",
    "collapse",
    "ket",
    "measure",
    "measurement_probabilities",
    "mixture",
    "named_basis",
    "sample_measurement",
]
