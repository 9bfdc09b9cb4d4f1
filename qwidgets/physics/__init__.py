"""Physics models of Quantum Internet Lab: QuTiP-backed, free of widgets and plotting.

A teacher writes ``from qwidgets.physics import ket, measure`` in their own notebook.
"""

from qwidgets.physics.qubit import (
    GATE_NAMES,
    ROTATION_NAMES,
    MeasurementRun,
    apply_gate,
    bloch_angles,
    bloch_vector,
    collapse,
    ket,
    measure,
    measurement_probabilities,
    sample_measurement,
)

__all__ = [
    "GATE_NAMES",
    "ROTATION_NAMES",
    "MeasurementRun",
    "apply_gate",
    "bloch_angles",
    "bloch_vector",
    "collapse",
    "ket",
    "measure",
    "measurement_probabilities",
    "sample_measurement",
]
