"""Physics models of Quantum Internet Lab: QuTiP-backed, free of widgets and plotting.

A teacher writes ``from qwidgets.physics import ket, measure, simulate_bb84`` in their own
notebook.
"""

from qwidgets.physics.bases import AXIS_STATES, BASES, AxisState, NamedBasis, axis_state, named_basis
from qwidgets.physics.cloning import (
    CLONERS,
    CloneResult,
    clone,
    clone_state,
    cloner_unitary,
    optimal_clone_fidelity,
)
from qwidgets.physics.keyrate import (
    PROTOCOLS,
    binary_entropy,
    detection_probability,
    secret_key_fraction,
    security_threshold,
)
from qwidgets.physics.links import FIBER_ATTENUATION_DB_PER_KM, fiber_transmittance
from qwidgets.physics.qkd import (
    BB84Run,
    BB84Stats,
    CheckSample,
    CloningAttack,
    InterceptResend,
    PhotonNumberSplitting,
    bb84_statistics,
    check_sample,
    decoy_alarm,
    decoy_alarm_probability,
    protocol_bases,
    simulate_bb84,
)
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
    "CLONERS",
    "FIBER_ATTENUATION_DB_PER_KM",
    "GATE_NAMES",
    "PROTOCOLS",
    "ROTATION_NAMES",
    "AxisState",
    "BB84Run",
    "BB84Stats",
    "CheckSample",
    "CloneResult",
    "CloningAttack",
    "InterceptResend",
    "MeasurementRun",
    "NamedBasis",
    "PhotonNumberSplitting",
    "apply_gate",
    "axis_state",
    "bb84_statistics",
    "binary_entropy",
    "bloch_angles",
    "bloch_state",
    "bloch_vector",
    "check_sample",
    "clone",
    "clone_state",
    "cloner_unitary",
    "collapse",
    "decoy_alarm",
    "decoy_alarm_probability",
    "detection_probability",
    "fiber_transmittance",
    "ket",
    "measure",
    "measurement_probabilities",
    "mixture",
    "named_basis",
    "optimal_clone_fidelity",
    "protocol_bases",
    "sample_measurement",
    "secret_key_fraction",
    "security_threshold",
    "simulate_bb84",
]
