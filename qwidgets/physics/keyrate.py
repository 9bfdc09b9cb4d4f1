"""How much secret key survives an error rate, and how likely a check reveals an eavesdropper.

Sources: the binary entropy is Shannon's; the BB84 key fraction with one-way error correction
and privacy amplification is Shor & Preskill, "Simple proof of security of the BB84 quantum key
distribution protocol", PRL 85, 441 (2000): ``r = 1 - 2 h2(Q)``; the six-state one is Lo, "Proof
of unconditional security of six-state quantum key distribution scheme", Quantum Inf. Comput. 1,
81 (2001): ``r = 1 + (1 - 3Q/2) log2(1 - 3Q/2) + (3Q/2) log2(Q/2)``. Their zeros are the
security thresholds, about 11.0 % and 12.6 %.
"""

from __future__ import annotations

import functools
import math

from scipy import stats

from qwidgets import validation

__all__ = [
    "PROTOCOLS",
    "binary_entropy",
    "detection_probability",
    "secret_key_fraction",
    "security_threshold",
]

PROTOCOLS: tuple[str, ...] = ("bb84", "six-state")
"""Protocols whose key fraction is known here."""


def binary_entropy(p: float) -> float:
    """Shannon's binary entropy ``h2(p) = -p log2 p - (1 - p) log2(1 - p)`` in bits (0 at 0 and 1)."""
    p = validation.probability("p", p)
    if p in (0.0, 1.0):
        return 0.0
    return -p * math.log2(p) - (1 - p) * math.log2(1 - p)


def _protocol(protocol: object) -> str:
    return validation.choice("protocol", protocol, PROTOCOLS)


def _raw_key_fraction(qber: float, protocol: str) -> float:
    if protocol == "bb84":
        return 1 - 2 * binary_entropy(qber)
    weight = 1.5 * qber  # six-state: the Bell-diagonal weights are 1 - 3Q/2 and three times Q/2
    rest = (1 - weight) * math.log2(1 - weight) if weight < 1 else 0.0
    return 1 + rest + (weight * math.log2(qber / 2) if qber > 0 else 0.0)


def secret_key_fraction(qber: float, protocol: str = "bb84") -> float:
    """Fraction of the sifted key that is secret after error correction and privacy amplification.

    Parameters
    ----------
    qber : float
        Quantum bit error rate of the sifted key, from 0 to 1 (the six-state formula holds up
        to 2/3).
    protocol : {"bb84", "six-state"}
        ``"bb84"``: Shor-Preskill ``1 - 2 h2(Q)``; ``"six-state"``: Lo's one-way formula.

    Returns
    -------
    float
        The fraction, or exactly 0 at and beyond the security threshold.
    """
    protocol = _protocol(protocol)
    high = 1.0 if protocol == "bb84" else 2 / 3
    qber = validation.real("qber", qber, low=0.0, high=high)
    if qber >= security_threshold(protocol):
        return 0.0
    return max(0.0, _raw_key_fraction(qber, protocol))


@functools.cache
def security_threshold(protocol: str = "bb84") -> float:
    """The error rate at which the key fraction reaches zero (bisection on the formula)."""
    protocol = _protocol(protocol)
    low, high = 0.0, 0.5
    for _ in range(80):
        middle = (low + high) / 2
        low, high = (middle, high) if _raw_key_fraction(middle, protocol) > 0 else (low, middle)
    return low


def detection_probability(qber: float, n_checked: int, *, alarm_qber: float = 0.0) -> float:
    """The probability that comparing ``n_checked`` bits raises the alarm.

    Each checked bit is wrong with probability ``qber``, independently. The alarm goes off when
    more than ``alarm_qber * n_checked`` of them are wrong; with the default 0, at the first
    error, so the probability is ``1 - (1 - qber) ** n_checked`` (for a full intercept-resend
    attack, Q = 1/4, Eve stays unseen with probability (3/4)^n).

    Parameters
    ----------
    qber : float
        Error rate of the sifted bits, from 0 to 1.
    n_checked : int
        Bits compared in public, from 0 to 100,000,000.
    alarm_qber : float
        Highest error rate tolerated in the checked bits, from 0 to 1.
    """
    qber = validation.probability("qber", qber)
    n_checked = validation.integer("n_checked", n_checked, low=0, high=validation.MAX_SHOTS)
    alarm_qber = validation.probability("alarm_qber", alarm_qber)
    tolerated = math.floor(alarm_qber * n_checked + 1e-9)
    if tolerated == 0:
        return 1.0 - (1.0 - qber) ** n_checked
    return float(stats.binom.sf(tolerated, n_checked, qber))
