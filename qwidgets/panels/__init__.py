"""Panels: ipywidgets composites of controls, pictures and a summary around an exact state."""

from qwidgets.panels.base import Panel
from qwidgets.panels.bb84 import BB84Panel
from qwidgets.panels.cloner import ClonerPanel
from qwidgets.panels.eavesdropper import EavesdropperPanel
from qwidgets.panels.qubit import QubitPanel

__all__ = ["BB84Panel", "ClonerPanel", "EavesdropperPanel", "Panel", "QubitPanel"]
