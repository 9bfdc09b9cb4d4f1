"""QubitPanel: one qubit on the Bloch sphere, gates, and measurement in a chosen basis."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import qutip

from qwidgets import validation
from qwidgets.panels.base import Panel
from qwidgets.panels.parameters import Action, Caption, Choice, Integer, Number
from qwidgets.panels.summary import Highlight, angle_text, number_text, vector_text
from qwidgets.physics import (
    AXIS_STATES,
    BASES,
    GATE_NAMES,
    MeasurementRun,
    apply_gate,
    bloch_angles,
    bloch_state,
    bloch_vector,
    collapse,
    sample_measurement,
)
from qwidgets.plots import BarsPicture, BlochSphere, OutcomeChart, SpherePicture

__all__ = ["QubitPanel", "QubitPanelState", "QubitReading", "Shot"]

_GATE_HELP = {
    "X": "X: half turn about the x axis (|0⟩ ↔ |1⟩, the quantum NOT)",
    "Y": "Y: half turn about the y axis",
    "Z": "Z: half turn about the z axis (|+⟩ ↔ |−⟩; the poles stay)",
    "H": "H (Hadamard): half turn about the axis halfway between x and z (|0⟩ ↔ |+⟩)",
    "S": "S: quarter turn about the z axis (adds π/2 to φ)",
    "T": "T: eighth turn about the z axis (adds π/4 to φ)",
}
_UNDEFINED = 1e-9  # below this a Bloch vector has no direction, and sin(theta) no azimuth


@dataclass(frozen=True)
class Shot:
    """One copy measured with "Measure once": the basis (``"Z"``, ``"X"``, ``"Y"``) and the outcome."""

    basis: str
    outcome: int

    @property
    def label(self) -> str:
        """The ket the qubit collapsed onto, e.g. ``"|1⟩"``."""
        return BASES[self.basis].labels[self.outcome]


@dataclass(frozen=True)
class QubitPanelState:
    """The exact state of a :class:`QubitPanel`: the qubit, and the last single shot if any."""

    qubit: qutip.Qobj
    shot: Shot | None = None


@dataclass(frozen=True)
class QubitReading:
    """What a :class:`QubitPanel` shows.

    Attributes
    ----------
    run : MeasurementRun
        The copies measured in the chosen basis.
    theta, phi : float
        Direction of the Bloch vector in rad (``phi`` is 0 where undefined).
    r : float
        Length of the Bloch vector: 1 for a pure state, less for a mixture.
    shot : Shot or None
        The last single shot, if the state has not changed since.
    """

    run: MeasurementRun
    theta: float
    phi: float
    r: float
    shot: Shot | None


class QubitPanel(Panel):
    """A qubit on the Bloch sphere: set its state, apply gates, measure copies of it.

    The state is exact: gates act on it, and the sliders show it. It can be mixed (``r < 1``,
    or ``state=`` a density matrix), drawn inside the sphere.

    Notes
    -----
    Buttons: one ``gate_<name>`` per gate (X, Y, Z, H, S, T), ``reset``, ``measure_once``
    (measures one copy in the chosen basis: the state collapses onto the outcome) and
    ``new_run``. ``result`` is a :class:`QubitReading`.
    """

    title = "A qubit on the Bloch sphere"
    stochastic = True
    parameters = (
        Number(
            "theta",
            "θ",
            0.0,
            "polar angle of the state: 0 is |0⟩ (north pole), π is |1⟩ (south pole)",
            low=0.0,
            high=math.pi,
            step=0.01,
            unit="rad",
            view=True,
        ),
        Number(
            "phi",
            "φ",
            0.0,
            "azimuth, the relative phase: 0 is |+⟩, π/2 is |+i⟩, π is |−⟩",
            low=0.0,
            high=2 * math.pi,
            step=0.01,
            unit="rad",
            periodic=True,
            view=True,
        ),
        Number(
            "r",
            "r",
            1.0,
            "length of the Bloch vector: 1 for a pure state, less for a mixture, 0 for a fair coin",
            low=0.0,
            high=1.0,
            step=0.01,
            view=True,
        ),
        Choice(
            "basis",
            "Basis",
            "Z",
            "the basis in which copies are measured",
            options=tuple((b.name, b.name, b.description) for b in BASES.values()),
        ),
        Integer(
            "shots",
            "Shots",
            1000,
            "how many identical copies are measured, each once",
            low=1,
            high=validation.MAX_SHOTS,
        ),
    )
    actions = (
        *(
            Action(f"gate_{gate}", gate, _GATE_HELP[gate], "_apply", (gate,), width="3.2em")
            for gate in GATE_NAMES
        ),
        Action("reset", "Reset to |0⟩", "back to |0⟩: θ = 0, φ = 0, r = 1", "_reset"),
        Action(
            "measure_once",
            "Measure once",
            "measure one copy in the chosen basis: the state collapses onto the outcome",
            "_measure_once",
            icon="eye",
        ),
    )
    control_rows = (
        ("theta", "phi", "r"),
        (Caption("Gates"), *(f"gate_{gate}" for gate in GATE_NAMES), "reset"),
        ("basis", "measure_once", "shots", "seed", "new_run"),
    )

    # -- state ---------------------------------------------------------------------------------
    def _check_state(self, state: Any) -> QubitPanelState:
        return QubitPanelState(validation.qubit_state("state", state))

    def _views(self, state: QubitPanelState) -> dict[str, float | None]:
        vector = bloch_vector(state.qubit)
        r = float(np.linalg.norm(vector))
        if r < _UNDEFINED:
            return {"theta": None, "phi": None, "r": 0.0}
        theta, phi = bloch_angles(state.qubit)
        return {"theta": theta, "phi": phi if math.sin(theta) > _UNDEFINED else None, "r": min(r, 1.0)}

    def _state_from_views(self, *, theta: float, phi: float, r: float) -> QubitPanelState:
        return QubitPanelState(bloch_state(theta, phi, r))

    # -- buttons ---------------------------------------------------------------------------------
    def _apply(self, gate: str) -> None:
        self._set_state(QubitPanelState(apply_gate(self.state.qubit, gate)))

    def _reset(self) -> None:
        self._set_state(QubitPanelState(AXIS_STATES["0"].ket))

    def _measure_once(self) -> None:
        basis, seed = self.params["basis"], self.params["seed"]
        outcome, after = collapse(self.state.qubit, basis, rng=seed)
        self._set_state(QubitPanelState(after, Shot(basis, outcome)))
        self._new_run()  # the next single shot is a new draw

    # -- compute, draw, describe -------------------------------------------------------------------
    def _setup(self) -> tuple[BlochSphere, OutcomeChart]:
        return BlochSphere(), OutcomeChart()

    def _compute(self, *, basis: str, shots: int, seed: int) -> QubitReading:
        run = sample_measurement(self.state.qubit, basis, shots, rng=seed)
        theta, phi = bloch_angles(self.state.qubit)
        return QubitReading(run, theta, phi, min(1.0, math.hypot(*run.bloch_vector)), self.state.shot)

    def _draw(self, result: QubitReading) -> tuple[SpherePicture, BarsPicture]:
        run, shot = result.run, result.shot
        zero, one = BASES[run.basis].labels
        sphere = SpherePicture(
            run.bloch_vector,
            axis=run.basis_vector,
            shot=None if shot is None else BASES[shot.basis].outcomes[shot.outcome].vector,
        )
        bars = BarsPicture(
            run.frequencies,
            run.probabilities,
            tuple(f"{n:,}" for n in run.counts),
            (f"0: {zero}", f"1: {one}"),
            f"{run.shots:,} copies, measured in {run.basis}",
            highlight=shot.outcome if shot is not None and shot.basis == run.basis else None,
        )
        return sphere, bars

    def _describe(self, result: QubitReading) -> tuple[str, ...]:
        run = result.run
        zero, one = BASES[run.basis].labels
        (p0, p1), (n0, n1) = run.probabilities, run.counts
        lines = (
            []
            if result.shot is None
            else [
                Highlight(
                    f"Measure once in {result.shot.basis}: outcome {result.shot.outcome}, "
                    f"so the qubit is now {result.shot.label}."
                )
            ]
        )
        lines.append(_state_line(result))
        lines.append(
            f"Measuring in {run.basis}: P({zero}) = {p0:.3f}, P({one}) = {p1:.3f}; "
            f"of {run.shots:,} copies, each measured once, {n0:,} gave {zero} and {n1:,} gave {one}."
        )
        return tuple(lines)


def _state_line(result: QubitReading) -> str:
    """The summary's first line: which state, in angles and as a Bloch vector."""
    vector = f"(x, y, z) = {vector_text(result.run.bloch_vector)}"
    if result.r < _UNDEFINED:
        return f"Completely mixed state (r = 0), a fair coin in every basis: Bloch vector {vector}."
    pole = math.sin(result.theta) < _UNDEFINED
    angles = f"θ = {angle_text(result.theta)}, " + (
        "φ has no meaning at a pole" if pole else f"φ = {angle_text(result.phi)}"
    )
    if result.r < 1 - _UNDEFINED:
        length = number_text(result.r)
        return f"Mixed state, r = {length} (a pure state has r = 1): {angles}; Bloch vector {vector}."
    named = next(
        (
            s.label
            for s in AXIS_STATES.values()
            if np.allclose(result.run.bloch_vector, s.vector, atol=_UNDEFINED)
        ),
        None,
    )
    return f"State {named + ': ' if named else ''}{angles}; Bloch vector {vector}."
