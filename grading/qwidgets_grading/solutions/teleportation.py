"""Reference solutions of lesson 09 (teleportation), as a student would write them."""

from __future__ import annotations

from qwidgets_grading.registry import solution


@solution("teleportation.teleport_bits")
def teleport_bits() -> int:
    """Alice measures two qubits: four equally likely outcomes, named by log2(4) = 2 bits."""
    return 2


@solution("teleportation.teleport_bob_before")
def teleport_bob_before() -> float:
    """Bob's qubit is the input flipped in one of four ways, each with probability 1/4.

    Two of the four have P(0) = cos²(θ/2) = 3/4 and two (the bit-flipped ones) sin²(θ/2) = 1/4:
    on average 1/2, the maximally mixed state, whatever θ.
    """
    return (3 / 4 + 3 / 4 + 1 / 4 + 1 / 4) / 4


@solution("teleportation.teleport_correction")
def teleport_correction() -> str:
    """m0 = 1 (the input qubit, measured after H) means a phase flip: Z; m1 = 0 means no X."""
    return "Z"


@solution("teleportation.teleport_werner_fidelity")
def teleport_werner_fidelity(fidelity: float) -> float:
    """F of the time the pair works (fidelity 1), else a Pauli flip (1/3 on average): (2F + 1)/3."""
    f = fidelity
    return f * 1 + (1 - f) / 3


@solution("teleportation.teleport_beat_classical")
def teleport_beat_classical() -> float:
    """(2F + 1)/3 = 2/3 gives 2F + 1 = 2: F = 1/2."""
    return (2 - 1) / 2


@solution("teleportation.teleport_original")
def teleport_original() -> str:
    """Alice's measurement leaves |m0 m1⟩, the same for every input: no copy stays behind."""
    return "b"


@solution("teleportation.teleport_faster_than_light")
def teleport_faster_than_light() -> str:
    """Bob's qubit alone is I/2 until the bits arrive, and the bits go no faster than light."""
    return "c"
