"""Interactive panels: ipywidgets composites wiring controls to physics and drawing."""

from qwidgets.panels.base import Panel
from qwidgets.panels.qubit import QubitPanel

__all__ = ["Panel", "QubitPanel"]
