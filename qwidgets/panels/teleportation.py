"""TeleportationPanel: a qubit's state sent with one shared pair and two classical bits, step by step.

Stage 2 of the Delft roadmap (Wehner, Elkouss & Hanson, Science 362, eaam9288, 2018). The
student steps through the circuit of Bennett et al. (PRL 70, 1895, 1993; Nielsen & Chuang,
Fig. 1.13) and watches Bob's qubit: as far as Bob can tell it stays the maximally mixed state
until Alice's two bits arrive, whatever the input; after his correction it is the input, exactly
for a perfect pair and with fidelity ``(2F + 1)/3`` for a Werner pair of fidelity ``F``
(Horodecki, Horodecki & Horodecki, PRA 60, 1888, 1999). See :mod:`qwidgets.physics.teleportation`.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from qwidgets.panels.base import Panel
from qwidgets.panels.parameters import Action, Choice, Number
from qwidgets.panels.summary import Highlight, angle_text, number_text
from qwidgets.physics import (
    CLASSICAL_TELEPORT_FIDELITY,
    TELEPORT_STEPS,
    TeleportRun,
    average_teleport_fidelity,
    bloch_vector,
    ket,
    teleport,
    werner_state,
)
from qwidgets.physics import fidelity as state_fidelity  # the panel's parameter is also "fidelity"
from qwidgets.plots import (
    BarsPicture,
    CircuitPicture,
    OutcomeChart,
    SpherePicture,
    SphereRow,
    SphereRowPicture,
    TeleportCircuit,
)
from qwidgets.plots.circuit import STEP_LABELS

__all__ = ["TeleportReading", "TeleportationPanel"]

_STEP_HELP = (
    "the input on qubit 0; Alice holds qubit 1 and Bob qubit 2 of the shared pair",
    "Alice applies CNOT: qubit 0 controls qubit 1",
    "Alice applies H to qubit 0",
    "Alice measures qubits 0 and 1 and sends the two bits to Bob",
    "the bits arrive; Bob applies X if m₁ = 1, then Z if m₀ = 1",
)
_MEASURE, _CORRECT = TELEPORT_STEPS.index("measure"), TELEPORT_STEPS.index("correct")
_Vector = tuple[float, float, float]


@functools.lru_cache(maxsize=128)
def _run(theta: float, phi: float, pair_fidelity: float, seed: int) -> TeleportRun:
    """One teleportation (cached: stepping through it does not compute it again)."""
    return teleport(ket(theta, phi), werner_state(pair_fidelity), rng=seed)


@functools.lru_cache(maxsize=128)
def _average(pair_fidelity: float) -> float:
    """The output fidelity averaged over inputs, for a Werner pair of this fidelity."""
    return average_teleport_fidelity(werner_state(pair_fidelity))


def _vector(state: object) -> _Vector:
    return tuple(float(v) for v in bloch_vector(state))


@dataclass(frozen=True)
class TeleportReading:
    """What a :class:`TeleportationPanel` shows.

    Attributes
    ----------
    step : str
        The step shown, one of :data:`~qwidgets.physics.TELEPORT_STEPS`.
    label : str
        What happens in this step, in a sentence.
    theta, phi : float
        The input state's angles (rad).
    pair_fidelity : float
        Fidelity ``F`` of the shared Werner pair with ``Phi+``.
    input_vector : tuple of float
        Bloch vector of the input.
    bob_vector : tuple of float
        Bloch vector of Bob's qubit as Bob knows it at this step.
    bob_fidelity : float
        Fidelity of that state with the input (1/2 until the bits arrive).
    bits : tuple of int
        The run's two bits ``(m0, m1)`` (drawn whatever the step; shown from the measurement on).
    outcome_probabilities : tuple of float
        Probability of each outcome ``00, 01, 10, 11``.
    output_fidelity : float
        Fidelity of Bob's qubit with the input after the correction.
    average_fidelity : float
        That fidelity averaged over inputs, ``(2F + 1)/3``.
    seed : int
        The seed that drew the bits.
    """

    step: str
    label: str
    theta: float
    phi: float
    pair_fidelity: float
    input_vector: _Vector
    bob_vector: _Vector
    bob_fidelity: float
    bits: tuple[int, int]
    outcome_probabilities: tuple[float, float, float, float]
    output_fidelity: float
    average_fidelity: float
    seed: int

    @property
    def index(self) -> int:
        """The step's index, 0 (start) to 4 (correct)."""
        return TELEPORT_STEPS.index(self.step)

    @property
    def measured(self) -> bool:
        """Whether Alice has measured, so that her bits exist."""
        return self.index >= _MEASURE


class TeleportationPanel(Panel):
    """Teleport a qubit: step through the circuit and watch what Bob holds.

    The circuit marks the current step and Alice's two bits; the spheres show the input and
    Bob's qubit as Bob knows it; the chart compares the fidelity of Bob's qubit with the input
    with 2/3, the best without entanglement.

    Notes
    -----
    Buttons: ``back`` and ``next`` (one step back or on; nothing happens at the ends),
    ``start_over`` and ``new_run`` (another seed: another measurement outcome). ``result`` is a
    :class:`TeleportReading`.
    """

    title = "Teleporting a qubit"
    stochastic = True
    parameters = (
        Number(
            "theta",
            "θ",
            math.pi / 3,
            "polar angle of the state to teleport: 0 is |0⟩, π is |1⟩",
            low=0.0,
            high=math.pi,
            step=0.01,
            unit="rad",
        ),
        Number(
            "phi",
            "φ",
            math.pi / 4,
            "azimuth of the state to teleport: 0 is |+⟩, π/2 is |+i⟩",
            low=0.0,
            high=2 * math.pi,
            step=0.01,
            unit="rad",
            periodic=True,
        ),
        Number(
            "fidelity",
            "Pair fidelity F",
            1.0,
            "fidelity of the shared pair with Φ+ (a Werner pair): 1 is perfect, 1/4 carries no entanglement",
            low=0.25,
            high=1.0,
            step=0.01,
        ),
        Choice(
            "step",
            "Step",
            "start",
            "the step of the protocol shown",
            options=tuple(zip(TELEPORT_STEPS, STEP_LABELS, _STEP_HELP)),
            button_width="auto",
        ),
    )
    actions = (
        Action("back", "Back", "one step back (nothing before step 1)", "_move", (-1,), icon="arrow-left"),
        Action(
            "next", "Next step", "on to the next step (nothing after 5)", "_move", (1,), icon="arrow-right"
        ),
        Action(
            "start_over",
            "Start over",
            "back to step 1: same input, pair and bits",
            "_start_over",
            icon="undo",
        ),
    )
    control_rows = (
        ("step",),
        ("back", "next", "start_over"),
        ("theta", "phi"),
        ("fidelity", "seed", "new_run"),
    )

    def _move(self, delta: int) -> None:
        index = TELEPORT_STEPS.index(self.params["step"]) + delta
        if 0 <= index < len(TELEPORT_STEPS):
            self._set_param("step", TELEPORT_STEPS[index])

    def _start_over(self) -> None:
        self._set_param("step", TELEPORT_STEPS[0])

    def _setup(self) -> tuple[TeleportCircuit, SphereRow, OutcomeChart]:
        spheres = SphereRow(("Alice's input |ψ⟩", "Bob's qubit, as Bob knows it"))
        chart = OutcomeChart(
            bar_label="Bob's qubit",
            mark_label="best without a pair: 2/3",
            ylabel="fidelity with |ψ⟩",
        )
        return TeleportCircuit(), spheres, chart

    def _compute(self, *, theta: float, phi: float, fidelity: float, step: str, seed: int) -> TeleportReading:
        run = _run(theta, phi, fidelity, seed)
        now = run.step(step)
        return TeleportReading(
            step=step,
            label=now.label,
            theta=theta,
            phi=phi,
            pair_fidelity=fidelity,
            input_vector=_vector(run.input),
            bob_vector=_vector(now.bob_knows),
            bob_fidelity=state_fidelity(now.bob_knows, run.input),
            bits=run.bits,
            outcome_probabilities=run.outcome_probabilities,
            output_fidelity=run.fidelity,
            average_fidelity=_average(fidelity),
            seed=seed,
        )

    def _draw(self, result: TeleportReading) -> tuple[CircuitPicture, SphereRowPicture, BarsPicture]:
        circuit = CircuitPicture(result.index, result.bits if result.measured else None)
        spheres = SphereRowPicture((SpherePicture(result.input_vector), SpherePicture(result.bob_vector)))
        average = result.average_fidelity
        bars = BarsPicture(
            (result.bob_fidelity, average),
            (CLASSICAL_TELEPORT_FIDELITY,) * 2,
            (number_text(result.bob_fidelity, 3), number_text(average, 3)),
            ("Bob now", "(2F+1)/3"),
            "Bob now; the end, on average",
        )
        return circuit, spheres, bars

    def _describe(self, result: TeleportReading) -> tuple[str, ...]:
        pair = (
            "a perfect Φ+ pair"
            if result.pair_fidelity == 1
            else f"a Werner pair of fidelity F = {number_text(result.pair_fidelity)}"
        )
        lines = [
            Highlight(f"Step {result.index + 1} of {len(TELEPORT_STEPS)}: {result.label}"),
            f"Input |ψ⟩: θ = {angle_text(result.theta)}, φ = {angle_text(result.phi)}; shared: {pair}.",
            _bits_line(result),
            _bob_line(result),
        ]
        return tuple(lines)


def _bits_line(reading: TeleportReading) -> str:
    """What is known of Alice's bits at this step."""
    if not reading.measured:
        return "Alice has not measured yet: there are no bits to send."
    m0, m1 = reading.bits
    probability = reading.outcome_probabilities[2 * m0 + m1]
    text = f"Alice's bits: m₀ = {m0}, m₁ = {m1} (this outcome had probability {number_text(probability)})"
    if reading.index < _CORRECT:
        return f"{text}; they are on their way to Bob."
    gates = " then ".join(gate for gate, bit in (("X", m1), ("Z", m0)) if bit)
    return f"{text}; Bob applies {gates}." if gates else f"{text}; Bob needs no correction."


def _bob_line(reading: TeleportReading) -> str:
    """Bob's qubit as Bob knows it, and its fidelity with the input."""
    if reading.index < _CORRECT:
        text = (
            "Bob's qubit, as far as Bob can tell: the maximally mixed state I/2 (Bloch vector 0, "
            f"fidelity {number_text(reading.bob_fidelity)} with the input), whatever the input: "
            "without the bits nothing has reached him."
        )
        if reading.measured:
            text += (
                " Given Alice's outcome it already holds |ψ⟩ up to the X and Z the bits call for, "
                "but until they arrive Bob cannot tell which."
            )
        return text
    return (
        f"Bob's qubit now has fidelity {number_text(reading.output_fidelity, 3)} with the input; "
        f"for this pair (2F + 1)/3 = {number_text(reading.average_fidelity, 3)} on average over inputs, "
        f"and the best without entanglement is 2/3."
    )
