"""BellPairPanel: one entangled pair, its two halves, their correlations, and no signalling."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np
import qutip

from qwidgets.panels.base import Panel
from qwidgets.panels.parameters import Action, Choice, Number
from qwidgets.panels.summary import Highlight, angle_text, number_text, vector_text
from qwidgets.physics import (
    AliceMeasurement,
    PairOutcomes,
    bell_state,
    bloch_vector,
    concurrence,
    measure_alice,
    pair_outcomes,
    reduced_state,
    werner_state,
)
from qwidgets.plots import (
    BarsPicture,
    MatrixPicture,
    MatrixView,
    OutcomeChart,
    SpherePicture,
    SphereRow,
    SphereRowPicture,
)

__all__ = ["AliceShot", "BellPairPanel", "BellPairReading"]

_PAIRS = {
    "phi+": ("Φ⁺", "Φ⁺ = (|00⟩ + |11⟩)/√2: the same bits along z and along x"),
    "phi-": ("Φ⁻", "Φ⁻ = (|00⟩ − |11⟩)/√2: the same bits along z, opposite along x"),
    "psi+": ("Ψ⁺", "Ψ⁺ = (|01⟩ + |10⟩)/√2: opposite bits along z, the same along x"),
    "psi-": ("Ψ⁻", "Ψ⁻ = (|01⟩ − |10⟩)/√2, the singlet: opposite bits along every axis"),
    "werner": (
        "Werner",
        "a Werner pair: Φ⁺ with probability F, otherwise one of the other three Bell states",
    ),
}
_KETS = ("|00⟩", "|01⟩", "|10⟩", "|11⟩")
_BRAS = ("⟨00|", "⟨01|", "⟨10|", "⟨11|")
# -π to π, with the ends on the 0.01 grid: a browser echoes a slider's value snapped to min + k step
_ANGLE = {"low": -3.15, "high": 3.15, "step": 0.01, "unit": "rad"}


@dataclass(frozen=True)
class PairFacts:
    """A pair's entanglement, each qubit's Bloch vector, and its density matrix.

    Attributes
    ----------
    concurrence : float
        0 for a pair that is not entangled, 1 for a Bell pair.
    alice_vector, bob_vector : tuple of float
        Bloch vectors of each qubit alone (zero for a Bell pair).
    matrix : tuple of tuple of float
        Real part of the density matrix in the basis ``|00⟩ |01⟩ |10⟩ |11⟩`` (every state this
        panel makes is real).
    """

    concurrence: float
    alice_vector: tuple[float, float, float]
    bob_vector: tuple[float, float, float]
    matrix: tuple[tuple[float, ...], ...]


def _facts(rho: qutip.Qobj) -> PairFacts:
    return PairFacts(
        concurrence=concurrence(rho),
        alice_vector=_vector(reduced_state(rho, 0)),
        bob_vector=_vector(reduced_state(rho, 1)),
        matrix=tuple(tuple(float(v) for v in row) for row in rho.full().real),
    )


@dataclass(frozen=True)
class AliceShot:
    """Alice's measurement of a pair from the source ``pair`` (with ``fidelity``), and the pair after it."""

    pair: str
    fidelity: float
    measurement: AliceMeasurement
    after: PairFacts

    def applies(self, pair: str, fidelity: float, alice_angle: float) -> bool:
        """Whether the settings still give the pair she measured (else the panel shows a fresh pair)."""
        return (self.pair, self.fidelity, self.measurement.angle) == (pair, fidelity, alice_angle)


@dataclass(frozen=True)
class BellPairReading:
    """What a :class:`BellPairPanel` shows.

    Attributes
    ----------
    pair : str
        The pair's name; ``fidelity`` matters for ``"werner"`` only.
    alice_angle, bob_angle : float
        The measurement angles (rad, x-z plane).
    fresh : PairFacts
        A fresh pair from the source.
    now : PairFacts
        This pair now (the fresh pair until Alice measures it).
    outcomes : PairOutcomes
        Joint outcomes of fresh pairs at the two angles, ``E(a, b)``, and Bob's ``P(0)`` alone,
        after Alice measured, and given her outcome.
    outcome : int or None
        Alice's outcome, if she has measured this pair.
    outcome_probability : float
        The probability of that outcome (nan if she has not measured).
    """

    pair: str
    fidelity: float
    alice_angle: float
    bob_angle: float
    fresh: PairFacts
    now: PairFacts
    outcomes: PairOutcomes
    outcome: int | None
    outcome_probability: float


@functools.lru_cache(maxsize=128)
def _source(pair: str, fidelity: float) -> qutip.Qobj:
    """A fresh pair as a density matrix."""
    return werner_state(fidelity) if pair == "werner" else bell_state(pair).proj()


@functools.lru_cache(maxsize=128)
def _fresh_facts(pair: str, fidelity: float) -> PairFacts:
    return _facts(_source(pair, fidelity))


def _fidelity(pair: str, fidelity: float) -> float:
    """The fidelity that matters: the Werner pair's, 1 for the Bell pairs."""
    return fidelity if pair == "werner" else 1.0


def _direction(angle: float) -> tuple[float, float, float]:
    """Bloch vector of outcome 0 of the measurement at ``angle`` (x-z plane), drawn as its axis."""
    return (math.sin(angle), 0.0, math.cos(angle))


def _vector(state: qutip.Qobj) -> tuple[float, float, float]:
    return tuple(float(v) + 0.0 for v in np.round(bloch_vector(state), 12))


class BellPairPanel(Panel):
    """An entangled pair: each half alone is a fair coin, yet the two always agree (or disagree).

    The spheres show each qubit as its owner sees it: for a Bell pair both Bloch vectors are
    zero, a fair coin in every basis. "Measure Alice" measures her qubit at her angle: it points
    along her outcome, and Bob's qubit collapses onto the state that outcome leaves him. The
    charts hold for many fresh pairs: the joint outcomes at the two angles against what two
    independent qubits would give, and Bob's own ``P(0)``, which is the same whether or not
    Alice measures (no signalling), unless he learns her outcome. See
    :mod:`qwidgets.physics.pairs` and :func:`qwidgets.physics.pair_outcomes`.

    Notes
    -----
    Buttons: ``measure_alice``, ``reset`` (a fresh pair) and ``new_run``. Changing the pair or
    Alice's angle also gives a fresh pair. ``result`` is a :class:`BellPairReading`.
    """

    title = "A Bell pair"
    stochastic = True
    parameters = (
        Choice(
            "pair",
            "Pair",
            "phi+",
            "which entangled pair the source sends",
            options=tuple((name, label, tip) for name, (label, tip) in _PAIRS.items()),
            button_width="auto",
        ),
        Number(
            "fidelity",
            "Werner F",
            0.9,
            "fidelity F of the Werner pair with Φ⁺: 1 is a perfect pair, 1/4 two unrelated fair coins",
            low=0.25,
            high=1.0,
            step=0.01,
            when={"pair": ("werner",)},
        ),
        Number(
            "alice_angle",
            "Alice's angle a",
            0.0,
            "direction of Alice's measurement in the x-z plane: 0 is Z (|0⟩ gives bit 0), π/2 is X",
            **_ANGLE,
        ),
        Number(
            "bob_angle",
            "Bob's angle b",
            math.pi / 4,
            "direction of Bob's measurement in the x-z plane: 0 is Z (|0⟩ gives bit 0), π/2 is X",
            **_ANGLE,
        ),
    )
    actions = (
        Action(
            "measure_alice",
            "Measure Alice",
            "Alice measures her qubit at her angle: Bob's qubit collapses (see his sphere)",
            "_measure_alice",
            icon="eye",
        ),
        Action("reset", "Reset pair", "a fresh pair from the source, nobody has measured it", "_reset"),
    )
    control_rows = (
        ("pair", "fidelity"),
        ("alice_angle", "bob_angle"),
        ("measure_alice", "reset", "seed", "new_run"),
    )

    # -- buttons ---------------------------------------------------------------------------------
    def _measure_alice(self) -> None:
        pair, fidelity = self.params["pair"], _fidelity(self.params["pair"], self.params["fidelity"])
        measurement = measure_alice(
            _source(pair, fidelity), self.params["alice_angle"], rng=self.params["seed"]
        )
        self._set_state(AliceShot(pair, fidelity, measurement, _facts(measurement.state)))
        self._new_run()  # the next pair is a new draw

    def _reset(self) -> None:
        self._set_state(None)

    # -- compute, draw, describe -------------------------------------------------------------------
    def _setup(self) -> tuple[SphereRow, MatrixView, OutcomeChart, OutcomeChart]:
        joint = OutcomeChart(
            4,
            bar_label="the pairs",
            mark_label="if independent",
            ylabel="probability",
        )
        bob = OutcomeChart(4, bar_label="Bob's P(0)", mark_label="Bob alone", ylabel="probability")
        return SphereRow(("Alice's qubit", "Bob's qubit")), MatrixView(_KETS, _BRAS), joint, bob

    def _compute(
        self, *, pair: str, fidelity: float, alice_angle: float, bob_angle: float, seed: int
    ) -> BellPairReading:
        fidelity = _fidelity(pair, fidelity)
        fresh = _fresh_facts(pair, fidelity)
        shot = (
            self.state if self.state is not None and self.state.applies(pair, fidelity, alice_angle) else None
        )
        return BellPairReading(
            pair=pair,
            fidelity=fidelity,
            alice_angle=alice_angle,
            bob_angle=bob_angle,
            fresh=fresh,
            now=fresh if shot is None else shot.after,
            outcomes=pair_outcomes(_source(pair, fidelity), alice_angle, bob_angle),
            outcome=None if shot is None else shot.measurement.outcome,
            outcome_probability=math.nan if shot is None else shot.measurement.probability,
        )

    def _draw(
        self, result: BellPairReading
    ) -> tuple[SphereRowPicture, MatrixPicture, BarsPicture, BarsPicture]:
        now, outcomes = result.now, result.outcomes
        spheres = SphereRowPicture(
            (
                SpherePicture(now.alice_vector, axis=_direction(result.alice_angle)),
                SpherePicture(now.bob_vector, axis=_direction(result.bob_angle)),
            )
        )
        matrix = MatrixPicture(now.matrix, "ρ of this pair")  # a fixed title: no full redraw on a click
        joint = tuple(p for row in outcomes.joint for p in row)
        joint_bars = BarsPicture(
            joint,
            tuple(p for row in outcomes.independent for p in row),
            tuple(f"{p:.2f}" for p in joint),
            ("0 0", "0 1", "1 0", "1 1"),
            "fresh pairs: Alice's bit, Bob's bit",
        )
        bob = (
            outcomes.bob_alone,
            outcomes.bob_after_alice,
            *(0.0 if math.isnan(p) else p for p in outcomes.bob_given),
        )
        bob_bars = BarsPicture(
            bob,
            (outcomes.bob_alone,) * 4,
            tuple(f"{p:.2f}" for p in bob),
            ("Bob\nalone", "Alice\nmeas.", "she\ngot 0", "she\ngot 1"),
            "Bob gets bit 0, over fresh pairs",
            highlight=None if result.outcome is None else 2 + result.outcome,
            highlight_label="(this pair)",
        )
        return spheres, matrix, joint_bars, bob_bars

    def _describe(self, result: BellPairReading) -> tuple[str, ...]:
        fresh, now, outcomes = result.fresh, result.now, result.outcomes
        lines: list[str] = []
        if result.outcome is not None:
            lines.append(
                Highlight(
                    f"Alice measured at a = {angle_text(result.alice_angle)} and got {result.outcome} "
                    f"(probability {result.outcome_probability:.2f}): Bob's qubit now has the Bloch vector "
                    f"{vector_text(now.bob_vector)}, and the pair is "
                    f"{'still' if now.concurrence > 1e-9 else 'no longer'} entangled "
                    f"(concurrence {number_text(now.concurrence)})."
                )
            )
        _, what = _PAIRS[result.pair]
        if result.pair == "werner":
            what = f"{what} (F = {number_text(result.fidelity)})"
        lines.append(
            f"Pair {what}; concurrence {number_text(fresh.concurrence)}. Each qubit alone: Bloch vectors "
            f"{vector_text(fresh.alice_vector)} (Alice) and {vector_text(fresh.bob_vector)} (Bob)."
        )
        (p00, p01), (p10, p11) = outcomes.joint
        lines.append(
            f"Fresh pairs measured at a = {angle_text(result.alice_angle)} and b = "
            f"{angle_text(result.bob_angle)}: P(0 0) = {p00:.3f}, P(0 1) = {p01:.3f}, P(1 0) = {p10:.3f}, "
            f"P(1 1) = {p11:.3f}; E(a, b) = {number_text(outcomes.correlation, 3)}."
        )
        given = " and ".join(
            f"{p:.3f} if she got {x}" for x, p in enumerate(outcomes.bob_given) if not math.isnan(p)
        )
        lines.append(
            f"No signalling: Bob's P(0) is {outcomes.bob_alone:.3f} alone and {outcomes.bob_after_alice:.3f} "
            f"when Alice measures first; only learning her outcome changes it ({given})."
        )
        return tuple(lines)
