"""Reference solutions of lesson 10 (repeaters), as a student would write them."""

from __future__ import annotations

import math

from qwidgets_grading.registry import solution


@solution("repeaters.repeater_memory_time")
def repeater_memory_time(length_km: float) -> float:
    """1,000 km at two thirds of 300,000 km/s, the speed of light in glass: 5 ms, one way."""
    return length_km / 200_000


@solution("repeaters.repeater_memory_fidelity")
def repeater_memory_fidelity(wait: float) -> float:
    """The populations of |00⟩ and |11⟩ stay 1/2; the coherences fall to e^-1/2: F = (1 + e^-1)/2."""
    return (1 + math.exp(-wait)) / 2


@solution("repeaters.repeater_swap_fidelity")
def repeater_swap_fidelity(fidelity: float) -> float:
    """Both pairs right, or both with the same one of three flips: F² + (1 - F)²/3."""
    f = fidelity
    return f * f + (1 - f) ** 2 / 3


def _kept(f: float) -> tuple[float, float]:
    """Probability that the round passes and keeps Φ+, and that it passes at all.

    With b = (1 - F)/3 per flip, the bilateral CNOT and the measurement compare the two pairs'
    parities: the round passes when both are among Φ+ and Φ- ((F + b)²) or both among Ψ+ and Ψ-
    ((2b)²), and it keeps Φ+ for Φ+ with Φ+ and for Φ- with Φ- (F² + b²).
    """
    b = (1 - f) / 3
    return f * f + b * b, (f + b) ** 2 + (2 * b) ** 2


@solution("repeaters.repeater_purify_fidelity")
def repeater_purify_fidelity(fidelity: float) -> float:
    """(F² + b²) / ((F + b)² + 4b²), b = (1 - F)/3: about 0.838 for F = 0.8."""
    right, passed = _kept(fidelity)
    return right / passed


@solution("repeaters.repeater_purify_success")
def repeater_purify_success(fidelity: float) -> float:
    """(F + b)² + 4b², b = (1 - F)/3: about 0.769 for F = 0.8."""
    return _kept(fidelity)[1]


@solution("repeaters.repeater_swap_levels")
def repeater_swap_levels(segments: int) -> int:
    """Each level doubles the span of the pairs: 1 → 2 → 4 → 8 segments, log2(8) = 3 levels."""
    return round(math.log2(segments))


@solution("repeaters.repeater_not_amplifier")
def repeater_not_amplifier() -> str:
    """No-cloning forbids amplifying a qubit; a repeater swaps stored entanglement instead."""
    return "c"
