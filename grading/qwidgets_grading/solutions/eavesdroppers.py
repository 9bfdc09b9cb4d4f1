"""Reference solutions of lesson 04 (eavesdroppers), written as a student would, with the reasoning."""

from __future__ import annotations

import math

from qwidgets_grading.registry import solution


@solution("eavesdroppers.partial_qber")
def partial_qber(fraction: float) -> float:
    """Eve measures 40 % of the photons; half in the wrong basis; half of those reach Bob wrong."""
    return fraction * 0.5 * 0.5


@solution("eavesdroppers.breidbart_guess")
def breidbart_guess() -> float:
    """A bit-0 state (|0⟩ or |+⟩) is π/4 from the Breidbart direction on the sphere: cos²(π/8)."""
    return math.cos(math.pi / 8) ** 2


@solution("eavesdroppers.unseen_probability")
def unseen_probability(n: int) -> float:
    """Each of the 20 checked bits is right with probability 3/4, independently."""
    return 0.75**n


@solution("eavesdroppers.check_bits")
def check_bits(target: float) -> int:
    """(3/4)^n ≤ 0.001 gives n ≥ ln(0.001)/ln(0.75) ≈ 24.01: round up."""
    return math.ceil(math.log(1 - target) / math.log(0.75))


@solution("eavesdroppers.key_fraction")
def key_fraction(qber: float) -> float:
    """Shor-Preskill: r = 1 - 2h(Q) at Q = 0.05."""
    q = qber
    h = -q * math.log2(q) - (1 - q) * math.log2(1 - q)
    return 1 - 2 * h


@solution("eavesdroppers.pns_share")
def pns_share() -> float:
    """At 100 km Bob expects 0.5 % of the pulses, fewer than the 9 % with two photons or more:
    Eve blocks every single photon and splits every pulse Bob receives, so she knows every bit."""
    return 1.0
