"""Reference solutions of lesson 08 (E91), written as a student would, with the reasoning."""

from __future__ import annotations

import math

from qwidgets_grading.registry import solution


@solution("e91.e91_key_settings")
def e91_key_settings() -> str:
    """Same angle on both sides: a2 = b1 = π/4 and a3 = b2 = π/2. There E = cos(0) = 1."""
    return "a2b1, a3b2"


@solution("e91.e91_key_bits")
def e91_key_bits(pairs: int) -> float:
    """Each of the 3 × 3 pairs of settings comes up with probability 1/9; two of them give key."""
    return pairs * 2 / 9


@solution("e91.e91_eve_chsh")
def e91_eve_chsh(share: float) -> float:
    """Eve in Z leaves E = cos a cos b, in X E = sin a sin b: on average cos(a - b)/2, so S halves."""
    measured = 2 * math.sqrt(2) / 2
    return (1 - share) * 2 * math.sqrt(2) + share * measured


@solution("e91.e91_eve_qber")
def e91_eve_qber(share: float) -> float:
    """Half the time Eve's basis does not fit the key's; then Bob's bit is a coin toss: 1/2 × 1/2."""
    return share * 0.5 * 0.5


@solution("e91.e91_noise_threshold")
def e91_noise_threshold() -> float:
    """A flip with probability p turns every E into (1 - 2p) E: 2√2 (1 - 2p) = 2 gives p = (1 - 1/√2)/2."""
    return (1 - 1 / math.sqrt(2)) / 2


@solution("e91.e91_device_independent")
def e91_device_independent() -> str:
    """Security from the observed violation alone, not from how the devices are built."""
    return "b"
