"""Reference solutions of lesson 01 (qubits), written as a student would, with the reasoning."""

from __future__ import annotations

import math

from qwidgets_grading.registry import solution


@solution("qubits.minus_angles")
def minus_angles() -> tuple[float, float]:
    """|−⟩ is on the equator (θ = π/2) with relative phase e^{iφ} = −1, so φ = π."""
    return math.pi / 2, math.pi


@solution("qubits.probability_zero")
def probability_zero(theta: float) -> float:
    """Born rule: P(0) = cos²(θ/2), with the half angle (θ = π/6 in the lesson: 0.933)."""
    return math.cos(theta / 2) ** 2


@solution("qubits.y_basis_probability")
def y_basis_probability(theta: float) -> float:
    """P(+i) = (1 + y)/2 with y = sin θ sin φ, for φ = π/2 (θ = π/3 in the lesson: 0.933)."""
    return (1 + math.sin(theta) * math.sin(math.pi / 2)) / 2


@solution("qubits.z_then_x")
def z_then_x() -> float:
    """Z leaves |0⟩ or |1⟩, each a quarter turn from the x axis: P(+) = 1/2 either way."""
    return 0.5


@solution("qubits.state_after_measurement")
def state_after_measurement() -> tuple[float, float]:
    """Outcome 1 of Z leaves |1⟩, the south pole (any φ)."""
    return math.pi, 0.0


@solution("qubits.gates_to_plus_i")
def gates_to_plus_i() -> list[str]:
    """H takes |0⟩ to |+⟩ on the equator, S turns it a quarter turn about z to |+i⟩."""
    return ["H", "S"]
