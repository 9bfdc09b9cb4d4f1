"""Plain simulations to measure ``simulate_bb84`` and ``simulate_e91`` against (benchmarks only).

Both run BB84 with an intercept-resend eavesdropper on a ``fraction`` of the photons (random
basis) and return the QBER of the sifted key.

``numpy_bb84``: the straightforward vectorised numpy program one would write for this one attack.
``qutip_bb84``: one QuTiP object per photon, measured with QuTiP's own measurement function
(``qutip.measurement.measure_observable``): the idiomatic way to "use QuTiP" photon by photon.
``lean_qutip_bb84``: one QuTiP object per photon too, but the Born rule through ``qutip.expect``
with cached projectors: about the fastest a per-photon QuTiP loop gets.

``numpy_e91``: E91 on Phi+ pairs with Ekert's angles and the same intercept-resend eavesdropper
on Bob's qubit, written directly in numpy from the textbook probabilities (no QuTiP): returns
the estimated CHSH value.
"""

from __future__ import annotations

import numpy as np
import qutip
from qutip.measurement import measure_observable


def numpy_bb84(n: int, fraction: float, rng: np.random.Generator) -> float:
    """QBER of ``n`` photons, Eve intercepting a ``fraction`` of them in a random basis."""
    alice_bits = rng.integers(0, 2, n, dtype=np.int8)
    alice_bases = rng.integers(0, 2, n, dtype=np.int8)
    bob_bases = rng.integers(0, 2, n, dtype=np.int8)
    attacked = rng.random(n) < fraction
    eve_bases = rng.integers(0, 2, n, dtype=np.int8)
    eve_bits = np.where(eve_bases == alice_bases, alice_bits, rng.integers(0, 2, n, dtype=np.int8))
    sent_bits = np.where(attacked, eve_bits, alice_bits)
    sent_bases = np.where(attacked, eve_bases, alice_bases)
    bob_bits = np.where(bob_bases == sent_bases, sent_bits, rng.integers(0, 2, n, dtype=np.int8))
    sifted = alice_bases == bob_bases
    return np.count_nonzero(bob_bits[sifted] != alice_bits[sifted]) / np.count_nonzero(sifted)


_STATES = [
    [qutip.basis(2, 0), qutip.basis(2, 1)],
    [(qutip.basis(2, 0) + qutip.basis(2, 1)).unit(), (qutip.basis(2, 0) - qutip.basis(2, 1)).unit()],
]
_PROJECTORS = [[state.proj() for state in pair] for pair in _STATES]


_OBSERVABLES = [qutip.sigmaz(), qutip.sigmax()]  # eigenvalue +1 is bit 0, -1 is bit 1


def qutip_bb84(n: int, fraction: float, rng: np.random.Generator) -> float:
    """The same, one ``Qobj`` per photon measured by ``measure_observable`` (QuTiP's global RNG)."""
    errors = kept = 0
    for _ in range(n):
        bit, basis, bob_basis = rng.integers(0, 2, 3)
        state = qutip.Qobj(_STATES[basis][bit].full())  # Alice's photon
        if rng.random() < fraction:
            eve_basis = rng.integers(0, 2)
            value, state = measure_observable(state, _OBSERVABLES[eve_basis])  # collapsed: resent
        value, _ = measure_observable(state, _OBSERVABLES[bob_basis])
        if bob_basis == basis:
            kept += 1
            errors += int(value < 0) != bit
    return errors / kept


def lean_qutip_bb84(n: int, fraction: float, rng: np.random.Generator) -> float:
    """The same, with one QuTiP ket per photon and the Born rule through ``qutip.expect``."""
    errors = kept = 0
    for _ in range(n):
        bit, basis, bob_basis = rng.integers(0, 2, 3)
        state = qutip.Qobj(_STATES[basis][bit].full())  # Alice's photon
        if rng.random() < fraction:
            eve_basis = rng.integers(0, 2)
            eve_bit = int(rng.random() < qutip.expect(_PROJECTORS[eve_basis][1], state))
            state = qutip.Qobj(_STATES[eve_basis][eve_bit].full())  # a new photon, resent
        bob_bit = int(rng.random() < qutip.expect(_PROJECTORS[bob_basis][1], state))
        if bob_basis == basis:
            kept += 1
            errors += bob_bit != bit
    return errors / kept


_E91_ALICE = np.array([0.0, np.pi / 4, np.pi / 2])
_E91_BOB = np.array([np.pi / 4, np.pi / 2, 3 * np.pi / 4])


def numpy_e91(n: int, fraction: float, rng: np.random.Generator) -> float:
    """CHSH value of ``n`` Phi+ pairs, Eve measuring Bob's qubit of a ``fraction`` in Z or X.

    Untouched pair: Alice's bit is a coin, Bob's equal to it with probability cos^2((a - b)/2).
    Measured pair: both qubits are left along Eve's axis e with her coin's bit c; each side then
    gives c with probability cos^2((angle - e)/2), independently.
    """
    a = _E91_ALICE[rng.integers(0, 3, n)]
    b = _E91_BOB[rng.integers(0, 3, n)]
    alice_bits = rng.integers(0, 2, n, dtype=np.int8)
    same = rng.random(n) < np.cos((a - b) / 2) ** 2
    bob_bits = np.where(same, alice_bits, 1 - alice_bits)
    measured = rng.random(n) < fraction
    e = np.where(rng.integers(0, 2, n) == 1, np.pi / 2, 0.0)
    c = rng.integers(0, 2, n, dtype=np.int8)
    alice_eve = np.where(rng.random(n) < np.cos((a - e) / 2) ** 2, c, 1 - c)
    bob_eve = np.where(rng.random(n) < np.cos((b - e) / 2) ** 2, c, 1 - c)
    alice_bits = np.where(measured, alice_eve, alice_bits)
    bob_bits = np.where(measured, bob_eve, bob_bits)
    product = 1 - 2 * (alice_bits != bob_bits)
    s = 0.0
    for i, j, sign in ((0, 0, 1), (0, 2, -1), (2, 0, 1), (2, 2, 1)):
        cell = (a == _E91_ALICE[i]) & (b == _E91_BOB[j])
        s += sign * product[cell].mean()
    return float(s)
