"""The one table of named bases and of the six states on the Bloch sphere's axes.

Plots label the sphere from it, panels name measurement outcomes from it, exercises compare
answers with it. Conventions of Nielsen & Chuang (2010), eq. 1.4: ``|+> = (|0> + |1>)/sqrt 2``
on +x, ``|+i> = (|0> + i|1>)/sqrt 2`` on +y; outcome 0 of a basis is the state along its axis.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
import qutip

from qwidgets.errors import InvalidTypeError, InvalidValueError

__all__ = ["AXIS_STATES", "BASES", "AxisState", "NamedBasis", "axis_state", "named_basis"]


@dataclass(frozen=True)
class AxisState:
    """A state at one end of an axis of the Bloch sphere.

    Attributes
    ----------
    name : str
        Short name: ``"0"``, ``"1"``, ``"+"``, ``"-"``, ``"+i"`` or ``"-i"``.
    label : str
        Ket as printed, e.g. ``"|+⟩"``.
    axis : str
        ``"x"``, ``"y"`` or ``"z"``.
    sign : int
        +1 at the positive end of the axis, -1 at the negative end.
    theta, phi : float
        Bloch angles in rad (``phi`` is 0 at the poles).
    """

    name: str
    label: str
    axis: str
    sign: int
    theta: float
    phi: float

    @property
    def vector(self) -> tuple[float, float, float]:
        """Bloch vector: a unit vector along the axis."""
        return tuple(float(self.sign * (self.axis == a)) for a in "xyz")

    @property
    def ket(self) -> qutip.Qobj:
        """The state as a ket ``cos(theta/2)|0> + e^{i phi} sin(theta/2)|1>``."""
        return qutip.Qobj(
            np.array([[math.cos(self.theta / 2)], [np.exp(1j * self.phi) * math.sin(self.theta / 2)]])
        )


@dataclass(frozen=True)
class NamedBasis:
    """A measurement basis along one axis: outcome 0 along the axis, outcome 1 opposite.

    Attributes
    ----------
    name : str
        ``"Z"``, ``"X"`` or ``"Y"``.
    outcomes : tuple of AxisState
        The states of outcome 0 and outcome 1.
    """

    name: str
    outcomes: tuple[AxisState, AxisState]

    @property
    def axis(self) -> str:
        """The axis, ``"x"``, ``"y"`` or ``"z"``."""
        return self.outcomes[0].axis

    @property
    def vector(self) -> tuple[float, float, float]:
        """Unit Bloch vector of outcome 0."""
        return self.outcomes[0].vector

    @property
    def labels(self) -> tuple[str, str]:
        """Kets of the two outcomes, e.g. ``("|0⟩", "|1⟩")``."""
        return self.outcomes[0].label, self.outcomes[1].label

    @property
    def description(self) -> str:
        """One line saying what the basis measures, for tooltips."""
        zero, one = self.labels
        return f"measure along {self.axis}: outcome 0 is {zero}, outcome 1 is {one}"


_HALF_PI = math.pi / 2
AXIS_STATES = MappingProxyType(
    {
        state.name: state
        for state in (
            AxisState("0", "|0⟩", "z", +1, 0.0, 0.0),
            AxisState("1", "|1⟩", "z", -1, math.pi, 0.0),
            AxisState("+", "|+⟩", "x", +1, _HALF_PI, 0.0),
            AxisState("-", "|−⟩", "x", -1, _HALF_PI, math.pi),
            AxisState("+i", "|+i⟩", "y", +1, _HALF_PI, _HALF_PI),
            AxisState("-i", "|−i⟩", "y", -1, _HALF_PI, 3 * _HALF_PI),
        )
    }
)
"""The six axis states by short name (``"0"``, ``"1"``, ``"+"``, ``"-"``, ``"+i"``, ``"-i"``)."""

BASES = MappingProxyType(
    {
        "Z": NamedBasis("Z", (AXIS_STATES["0"], AXIS_STATES["1"])),
        "X": NamedBasis("X", (AXIS_STATES["+"], AXIS_STATES["-"])),
        "Y": NamedBasis("Y", (AXIS_STATES["+i"], AXIS_STATES["-i"])),
    }
)
"""The three named measurement bases, ``"Z"``, ``"X"`` and ``"Y"``."""


def named_basis(name: object) -> NamedBasis:
    """Return the basis called ``name`` (``"Z"``, ``"X"`` or ``"Y"``, any case)."""
    allowed = f"one of {', '.join(map(repr, BASES))}"
    if not isinstance(name, str):
        raise InvalidTypeError("basis", name, allowed)
    try:
        return BASES[name.upper()]
    except KeyError:
        raise InvalidValueError("basis", name, allowed) from None


def axis_state(name: object) -> AxisState:
    """Return the axis state called ``name``: ``"0"``, ``"+"``, ``"-i"`` or a ket like ``"|+⟩"``."""
    allowed = f"one of {', '.join(repr(s.label) for s in AXIS_STATES.values())}"
    if not isinstance(name, str):
        raise InvalidTypeError("state name", name, allowed)
    key = name.strip().removeprefix("|").removesuffix(">").removesuffix("⟩").replace("−", "-").strip()
    try:
        return AXIS_STATES[key]
    except KeyError:
        raise InvalidValueError("state name", name, allowed) from None
