"""ClonerPanel: try to copy a qubit, and see how good the copies can be."""

from __future__ import annotations

import math
from dataclasses import dataclass

from qwidgets.panels.base import Panel
from qwidgets.panels.parameters import Choice, Number
from qwidgets.panels.summary import angle_text, number_text
from qwidgets.physics import CloneResult, clone, ket, optimal_clone_fidelity
from qwidgets.plots import BarsPicture, BlochSphere, OutcomeChart, SpherePicture

__all__ = ["CloneReading", "ClonerPanel"]

_WHAT = {
    "universal": "The universal cloner (Bužek and Hillery)",
    "phase-covariant": "The phase-covariant cloner, tuned to the x-z circle of the BB84 states,",
    "cnot": "The CNOT copier, which copies |0⟩ and |1⟩ perfectly,",
}


@dataclass(frozen=True)
class CloneReading:
    """What a :class:`ClonerPanel` shows: the input's angles and the cloning result."""

    theta: float
    phi: float
    clone: CloneResult
    optimum: float


class ClonerPanel(Panel):
    """A qubit, a copying machine and its two copies: no machine copies every state perfectly.

    The sphere shows the original (solid arrow) and a copy (dashed; both copies are alike); the
    chart compares each copy's fidelity with the original against 5/6, the best a machine can
    reach for every state (Gisin & Massar 1997). See :mod:`qwidgets.physics.cloning`.

    Notes
    -----
    ``result`` is a :class:`CloneReading`.
    """

    title = "Copying a qubit"
    parameters = (
        Number(
            "theta",
            "θ",
            math.pi / 2,
            "polar angle of the state to copy: 0 is |0⟩, π is |1⟩",
            low=0.0,
            high=math.pi,
            step=0.01,
            unit="rad",
        ),
        Number(
            "phi",
            "φ",
            0.0,
            "azimuth of the state to copy: 0 is |+⟩, π/2 is |+i⟩",
            low=0.0,
            high=2 * math.pi,
            step=0.01,
            unit="rad",
            periodic=True,
        ),
        Choice(
            "cloner",
            "Machine",
            "universal",
            "the copying machine",
            options=(
                ("universal", "universal", "the best copier for every state: fidelity 5/6"),
                ("phase-covariant", "phase-covariant", "the best copier for the states of BB84"),
                ("cnot", "CNOT", "copies |0⟩ and |1⟩ perfectly, and nothing else"),
            ),
        ),
    )
    control_rows = (("theta", "phi"), ("cloner",))

    def _setup(self) -> tuple[BlochSphere, OutcomeChart]:
        chart = OutcomeChart(
            bar_label="copy's fidelity",
            mark_label="best for all: 5/6",
            ylabel="fidelity with the original",
        )
        return BlochSphere(), chart

    def _compute(self, *, theta: float, phi: float, cloner: str) -> CloneReading:
        return CloneReading(theta, phi, clone(ket(theta, phi), cloner), optimal_clone_fidelity(1, 2))

    def _draw(self, result: CloneReading) -> tuple[SpherePicture, BarsPicture]:
        copies = result.clone
        sphere = SpherePicture(copies.input_vector, copy=copies.bloch_vectors[0])
        bars = BarsPicture(
            copies.fidelities,
            (result.optimum, result.optimum),
            tuple(f"{f:.3f}" for f in copies.fidelities),
            ("copy 1", "copy 2"),
            f"{result.clone.cloner} machine",
        )
        return sphere, bars

    def _describe(self, result: CloneReading) -> tuple[str, ...]:
        copies = result.clone
        length = math.hypot(*copies.bloch_vectors[0]) / max(math.hypot(*copies.input_vector), 1e-12)
        entangled = (
            f"the two copies are entangled (concurrence {copies.concurrence:.2f})"
            if copies.entangled
            else "the two copies are not entangled"
        )
        return (
            f"Original: θ = {angle_text(result.theta)}, φ = {angle_text(result.phi)}.",
            f"{_WHAT[copies.cloner]} gives copies of fidelity {copies.fidelities[0]:.3f} and "
            f"{copies.fidelities[1]:.3f} with the original (best possible for every state: "
            f"{number_text(result.optimum, 3)}).",
            f"Each copy's Bloch vector is {length:.2f} times as long as the original's, and {entangled}.",
        )
