"""Panels: ipywidgets composites of controls, pictures and a summary around an exact state."""

from qwidgets.panels.base import Panel
from qwidgets.panels.bb84 import BB84Panel
from qwidgets.panels.bell_pair import BellPairPanel
from qwidgets.panels.chsh import CHSHPanel
from qwidgets.panels.cloner import ClonerPanel
from qwidgets.panels.e91 import E91Panel
from qwidgets.panels.eavesdropper import EavesdropperPanel
from qwidgets.panels.link import LinkPanel
from qwidgets.panels.network_builder import NetworkBuilderPanel
from qwidgets.panels.qubit import QubitPanel
from qwidgets.panels.repeater import RepeaterPanel
from qwidgets.panels.satellite import SatellitePanel
from qwidgets.panels.stages import StagesPanel
from qwidgets.panels.teleportation import TeleportationPanel
from qwidgets.panels.trusted import TrustedNodePanel

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
]
