"""Reference solutions of lesson 03 (BB84), written as a student would, with the reasoning."""

from __future__ import annotations

from qwidgets_grading.registry import solution


@solution("bb84.other_basis_probability")
def other_basis_probability() -> float:
    """|+⟩ = (|0⟩ + |1⟩)/√2: the amplitude of |0⟩ is 1/√2, so P(0) = (1/√2)² = 1/2.

    On the sphere |+⟩ is a quarter turn from the z axis: P = (1 + r·n)/2 = (1 + 0)/2.
    """
    return 0.5


@solution("bb84.sift_fraction")
def sift_fraction() -> float:
    """Four equally likely pairs of bases, ZZ, ZX, XZ, XX; they agree in two: 2/4 = 1/2."""
    return 0.5


@solution("bb84.who_knows")
def who_knows() -> str:
    """Only bases were announced, and where they agree Bob's bit is Alice's: statement (b)."""
    return "b"


@solution("bb84.sifted_key")
def sifted_key() -> str:
    """The bases agree for photons 1, 2, 5, 6 and 10 (X X, X X, X X, X X, Z Z).

    Alice's bits there, in order: 1, 1, 0, 1, 0 (Bob's are the same).
    """
    return "11010"


@solution("bb84.eve_qber")
def eve_qber(fraction: float) -> float:
    """Eve picks the wrong basis half the time; then Bob's bit is a coin toss: 1/2 · 1/2 = 1/4.

    That is for every photon intercepted (the lesson's f = 1); for a share f of them, f/4.
    """
    return fraction * 0.5 * 0.5


@solution("bb84.one_time_pad")
def one_time_pad(hour: int) -> str:
    """Message 01110 (the hour 14), key 11010 (the sifted key); XOR bit by bit.

    0⊕1, 1⊕1, 1⊕0, 1⊕1, 0⊕0 = 10100.
    """
    message = format(hour, "05b")
    key = "11010"
    return "".join("1" if m != k else "0" for m, k in zip(message, key))
