"""Reference solutions of lesson 11 (quantum computing networks), as a student would write them."""

from __future__ import annotations

from qwidgets_grading.registry import solution


@solution("computing_networks.computing_nonlocal_cost")
def computing_nonlocal_cost() -> tuple[int, int]:
    """One pair, and one bit each way: Alice's Z outcome to Bob, Bob's X outcome to Alice."""
    return (1, 2)


@solution("computing_networks.computing_plus_zero")
def computing_plus_zero() -> str:
    """CNOT (|00⟩ + |10⟩)/√2 = (|00⟩ + |11⟩)/√2: the Bell pair Φ+."""
    return "c"


@solution("computing_networks.computing_werner_fidelity")
def computing_werner_fidelity(fidelity: float) -> float:
    """|11⟩ is changed by the pair's bit flip and its combined flip, not its phase flip: 1 - 2(1 - F)/3."""
    f = fidelity
    return 1 - 2 * (1 - f) / 3


@solution("computing_networks.computing_blind_stage")
def computing_blind_stage() -> int:
    """Qubits delivered deterministically and kept while the server computes: stage 3, quantum memory."""
    return 3


@solution("computing_networks.computing_telescope_gain")
def computing_telescope_gain(baseline_km: float) -> float:
    """The angle goes as wavelength / baseline: 10,000 m / 100 m."""
    return baseline_km * 1000 / 100


@solution("computing_networks.computing_fault_tolerance")
def computing_fault_tolerance() -> str:
    """Deep local circuits and storage at will, on nodes still small enough to simulate."""
    return "b"
