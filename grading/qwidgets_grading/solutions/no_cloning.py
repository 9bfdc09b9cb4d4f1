"""Reference solutions of lesson 02 (no-cloning), written as a student would, with the reasoning."""

from __future__ import annotations

from qwidgets_grading.registry import solution


@solution("no_cloning.cnot_copy_fidelity")
def cnot_copy_fidelity() -> float:
    """The CNOT makes (|00⟩ + |11⟩)/√2 from |+⟩|0⟩; one qubit alone is |0⟩ or |1⟩, half the time each.

    Each passes the test "are you |+⟩?" with probability 1/2: F = ½·½ + ½·½ = 1/2.
    """
    return 0.5


@solution("no_cloning.universal_fidelity")
def universal_fidelity(copies: int) -> float:
    """Gisin-Massar with N = 1, M = 2 (the lesson's M): F = (2·2 + 1) / (2·3) = 5/6."""
    n, m = 1, copies
    return (m * (n + 1) + n) / (m * (n + 2))


@solution("no_cloning.copy_length")
def copy_length(copies: int) -> float:
    """F = (1 + r)/2 for a copy of length r along the original, so r = 2·(5/6) − 1 = 2/3 (M = 2).

    For M copies, F = (2M + 1)/(3M) by Gisin-Massar with N = 1.
    """
    fidelity = (2 * copies + 1) / (3 * copies)
    return 2 * fidelity - 1


@solution("no_cloning.measure_prepare_fidelity")
def measure_prepare_fidelity() -> float:
    """F = (1 + cos²θ)/2 for a state at angle θ from the measured axis; cos²θ averages to 1/3.

    So F = (1 + 1/3)/2 = 2/3, the limit (N + 1)/(N + 2) of the Gisin-Massar formula for N = 1.
    """
    return 2 / 3


@solution("no_cloning.no_amplifier")
def no_amplifier() -> str:
    """Amplifying is copying, and no device copies an unknown qubit perfectly: statement (b)."""
    return "b"
