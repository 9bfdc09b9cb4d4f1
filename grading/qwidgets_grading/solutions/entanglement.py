"""Reference solutions of lesson 07 (entanglement), as a student would write them."""

from __future__ import annotations

import math

from qwidgets_grading.registry import solution


@solution("entanglement.same_bit_probability")
def same_bit_probability(bob_angle: float) -> float:
    """The directions are pi/4 apart on the sphere; the Born rule takes half of it: cos²(pi/8)."""
    alice_angle = 0.0
    return math.cos((bob_angle - alice_angle) / 2) ** 2


@solution("entanglement.bob_without_news")
def bob_without_news() -> float:
    """Alice gets 0 or 1 half the time each; Bob gets 0 in cos²(pi/8) of the first and sin²(pi/8) of the rest.

    1/2 cos²(pi/8) + 1/2 sin²(pi/8) = 1/2: no signalling.
    """
    return 0.5 * math.cos(math.pi / 8) ** 2 + 0.5 * math.sin(math.pi / 8) ** 2


@solution("entanglement.chsh_classical_win")
def chsh_classical_win() -> float:
    """Both always answer 0: they win unless x = y = 1, so 3 of the 4 question pairs; none wins all four."""
    return 3 / 4


@solution("entanglement.chsh_werner_value")
def chsh_werner_value(fidelity: float) -> float:
    """F = 0.85 is the perfect pair with weight 1 - p, p = 4(1 - F)/3 = 0.2, and noise with weight p.

    Every correlation shrinks by 1 - p = (4F - 1)/3 = 0.8: S = 2 sqrt(2) x 0.8.
    """
    return 2 * math.sqrt(2) * (4 * fidelity - 1) / 3


@solution("entanglement.chsh_violation_fidelity")
def chsh_violation_fidelity() -> float:
    """2 sqrt(2) (4F - 1)/3 = 2 gives 4F - 1 = 3/sqrt(2): F = (1 + 3/sqrt(2))/4."""
    return (1 + 3 / math.sqrt(2)) / 4


@solution("entanglement.no_signalling")
def no_signalling() -> str:
    """Bob's qubit alone is I/2 whatever Alice does: the correlations show only in the two lists compared."""
    return "b"
