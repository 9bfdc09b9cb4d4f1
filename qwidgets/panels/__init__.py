"""Panels: ipywidgets composites of controls, pictures and a summary around an exact state."""

from qwidgets.panels.base import Panel
from qwidgets.panels.qubit import QubitPanel

__all__ = ["Panel", "QubitPanel"]
