"""Quantum Internet Lab: interactive panels for a course on the quantum internet.

Panels are exported here (``from qwidgets import QubitPanel``); the physics lives in
:mod:`qwidgets.physics` and the exercise checks in :mod:`qwidgets.exercises`.
"""

from qwidgets.panels import (
    BB84Panel,
    BellPairPanel,
    CHSHPanel,
    ClonerPanel,
    E91Panel,
    EavesdropperPanel,
    LinkPanel,
    NetworkBuilderPanel,
    Panel,
    QubitPanel,
    RepeaterPanel,
    SatellitePanel,
    StagesPanel,
    TeleportationPanel,
    TrustedNodePanel,
)

__all__ = [
    "BB84Panel",
    "BellPairPanel",
    "CHSHPanel",
    "ClonerPanel",
    "E91Panel",
    "EavesdropperPanel",
    "LinkPanel",
    "NetworkBuilderPanel",
    "Panel",
    "QubitPanel",
    "RepeaterPanel",
    "SatellitePanel",
    "StagesPanel",
    "TeleportationPanel",
    "TrustedNodePanel",
    "__version__",
]
__version__ = "0.1.0"
