"""E91: key distribution from entangled pairs, with a Bell test as the alarm (Ekert, PRL 67, 661, 1991).

A source sends one qubit of a ``Phi+`` pair to Alice and the other to Bob. Each measures at one
of three angles in the x-z plane of the Bloch sphere (:data:`ALICE_ANGLES`,
:data:`BOB_ANGLES`), chosen at random and announced afterwards:

- two of the nine setting pairs agree (Alice pi/4 with Bob pi/4, Alice pi/2 with Bob pi/2): there
  both get the same bit, the key, so 2/9 of the pairs give key;
- four others, Alice's 0 and pi/2 against Bob's pi/4 and 3 pi/4, are the CHSH test:
  ``S = E(a1, b1) - E(a1, b3) + E(a3, b1) + E(a3, b3)`` is ``2 sqrt(2)`` for a perfect pair
  and at most 2 for anything with a local description, such as pairs an eavesdropper has
  measured.

Ekert used the singlet ``Psi-``, for which every correlation changes sign (S = -2 sqrt(2));
with ``Phi+`` matching settings give equal bits rather than opposite ones.

How it is computed (as for BB84, :mod:`qwidgets.physics.qkd`): QuTiP gives the joint outcome
probabilities of every case (what Eve did x Alice's setting x Bob's setting) once; numpy draws a
run of up to ten million pairs from them. :func:`e91_statistics` gives the exact expectations.
Eve (:class:`~qwidgets.physics.qkd.InterceptResend`) measures Bob's qubit on its way and
resends what she found; ``noise`` flips Bob's bit with that probability in every basis (a
depolarising channel on his qubit).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np
import qutip

from qwidgets import validation
from qwidgets.errors import InvalidTypeError
from qwidgets.physics.pairs import _correlation, bell_state, outcome_probabilities
from qwidgets.physics.qkd import InterceptResend, _eve_directions
from qwidgets.physics.records import ArrayRecord

__all__ = [
    "ALICE_ANGLES",
    "BOB_ANGLES",
    "E91_CHSH_SETTINGS",
    "E91_KEY_FRACTION",
    "E91_KEY_SETTINGS",
    "MAX_PAIRS",
    "E91Run",
    "E91Stats",
    "e91_state",
    "e91_statistics",
    "simulate_e91",
]

ALICE_ANGLES: tuple[float, float, float] = (0.0, math.pi / 4, math.pi / 2)
"""Alice's three measurement angles (rad, x-z plane)."""
BOB_ANGLES: tuple[float, float, float] = (math.pi / 4, math.pi / 2, 3 * math.pi / 4)
"""Bob's three measurement angles (rad, x-z plane)."""
E91_KEY_SETTINGS: tuple[tuple[int, int], ...] = ((1, 0), (2, 1))
"""Setting pairs ``(Alice's index, Bob's index)`` at the same angle: their bits are the key."""
E91_CHSH_SETTINGS: tuple[tuple[int, int, int], ...] = ((0, 0, 1), (0, 2, -1), (2, 0, 1), (2, 2, 1))
"""Setting pairs of the CHSH test, each with its sign in ``S``."""
E91_KEY_FRACTION = len(E91_KEY_SETTINGS) / 9
"""Share of the pairs that give key: 2/9."""
MAX_PAIRS = 10_000_000
"""Most pairs one run simulates (every pair is recorded)."""
_EVE_ALLOWED = "None or InterceptResend(...) (she measures Bob's qubit and resends it)"
_PLANE = ("Z", "X")  # the protocol's measurements lie in the x-z plane


def _check_eve(eve: object) -> InterceptResend | None:
    if eve is None or isinstance(eve, InterceptResend):
        return eve
    raise InvalidTypeError("eve", eve, _EVE_ALLOWED)


def _measured(rho: qutip.Qobj, direction: np.ndarray) -> qutip.Qobj:
    """The pair after Eve measured Bob's qubit along ``direction`` (and resent what she found)."""
    n_sigma = sum(v * op for v, op in zip(direction, (qutip.sigmax(), qutip.sigmay(), qutip.sigmaz())))
    projectors = [qutip.tensor(qutip.qeye(2), (qutip.qeye(2) + sign * n_sigma) / 2) for sign in (1, -1)]
    return sum(p * rho * p for p in projectors)


def _noisy(rho: qutip.Qobj, noise: float) -> qutip.Qobj:
    """Depolarise Bob's qubit so that his bit flips with probability ``noise`` in every basis."""
    return (1 - 2 * noise) * rho + 2 * noise * qutip.tensor(rho.ptrace(0), qutip.qeye(2) / 2)


def e91_state(*, eve: InterceptResend | None = None, noise: float = 0.0) -> qutip.Qobj:
    """The pair Alice and Bob measure: ``Phi+`` after Eve (on a ``fraction`` of pairs) and the noise."""
    eve = _check_eve(eve)
    noise = validation.real("noise", noise, low=0.0, high=0.5)
    weights, states = _cases(eve, noise)
    return sum(w * s for w, s in zip(weights, states))


def _cases(eve: InterceptResend | None, noise: float) -> tuple[tuple[float, ...], tuple[qutip.Qobj, ...]]:
    """Eve's cases (0: she leaves the pair alone; then one per direction) with weights and states."""
    pair = bell_state("phi+").proj()
    directions = [] if eve is None else _eve_directions(eve, _PLANE)
    states = (pair, *(_measured(pair, d) for d in directions))
    if not directions:
        return (1.0,), (_noisy(pair, noise),)
    weights = (1 - eve.fraction, *([eve.fraction / len(directions)] * len(directions)))
    return weights, tuple(_noisy(s, noise) for s in states)


@functools.lru_cache(maxsize=512)  # every Eve basis x every noise step of a panel's slider
def _tables(eve: InterceptResend | None, noise: float) -> np.ndarray:
    """``P[c, i, j, 2x + y]``: outcome probabilities per Eve case ``c`` and settings ``i, j``."""
    _, states = _cases(eve, noise)
    table = np.array(
        [
            [[outcome_probabilities(rho, a, b).ravel() for b in BOB_ANGLES] for a in ALICE_ANGLES]
            for rho in states
        ]
    )
    table /= table.sum(axis=-1, keepdims=True)
    table.flags.writeable = False
    return table


@dataclass(frozen=True)
class E91Stats:
    """Exact expected figures of an E91 run.

    Attributes
    ----------
    chsh : float
        The expected CHSH value of the test settings (``2 sqrt(2)`` for perfect pairs).
    qber : float
        Share of key bits where Alice and Bob differ.
    key_fraction : float
        Share of the pairs whose settings match (2/9).
    correlations : tuple of tuple of float
        ``E(a_i, b_j)`` for Alice's setting ``i`` (rows) and Bob's ``j`` (columns).
    """

    chsh: float
    qber: float
    key_fraction: float
    correlations: tuple[tuple[float, ...], ...]


def e91_statistics(*, eve: InterceptResend | None = None, noise: float = 0.0) -> E91Stats:
    """Exact expected CHSH value, QBER and correlations of E91 (see the module docstring).

    Parameters
    ----------
    eve : InterceptResend or None
        The eavesdropper, measuring Bob's qubit.
    noise : float
        The channel's own bit-flip probability on Bob's qubit, from 0 to 0.5.
    """
    rho = e91_state(eve=eve, noise=noise)
    e = tuple(tuple(_correlation(rho, a, b) for b in BOB_ANGLES) for a in ALICE_ANGLES)
    chsh = sum(sign * e[i][j] for i, j, sign in E91_CHSH_SETTINGS)
    qber = sum((1 - e[i][j]) / 2 for i, j in E91_KEY_SETTINGS) / len(E91_KEY_SETTINGS)
    return E91Stats(chsh=float(chsh), qber=float(qber), key_fraction=E91_KEY_FRACTION, correlations=e)


@dataclass(frozen=True, eq=False)
class E91Run(ArrayRecord):
    """A sampled E91 run, pair by pair (arrays are read-only).

    Attributes
    ----------
    alice_settings, bob_settings : numpy.ndarray
        ``int8`` index (0, 1, 2) into :data:`ALICE_ANGLES` / :data:`BOB_ANGLES`, per pair.
    alice_bits, bob_bits : numpy.ndarray
        ``int8`` outcomes (0: +1, 1: -1), per pair.
    eve_measured : numpy.ndarray
        ``bool``: Eve measured Bob's qubit of this pair.
    key : numpy.ndarray
        ``bool``: the settings matched, so the pair gives a key bit.
    chsh : float
        ``S`` estimated from the test pairs (nan if a test setting got no pair).
    chsh_error : float
        Its standard error.
    qber : float
        Error rate of the key bits (nan when there are none).
    key_length : int
        Key bits (before error correction and privacy amplification).
    correlations : numpy.ndarray
        Estimated ``E(a_i, b_j)``, shape (3, 3); nan where a setting pair got no pair.
    """

    alice_settings: np.ndarray
    bob_settings: np.ndarray
    alice_bits: np.ndarray
    bob_bits: np.ndarray
    eve_measured: np.ndarray
    key: np.ndarray
    chsh: float
    chsh_error: float
    qber: float
    key_length: int
    correlations: np.ndarray

    @property
    def n_pairs(self) -> int:
        """Pairs measured."""
        return len(self.alice_bits)


def simulate_e91(
    n_pairs: int,
    *,
    eve: InterceptResend | None = None,
    noise: float = 0.0,
    rng: np.random.Generator | int | None = None,
) -> E91Run:
    """Simulate E91 pair by pair.

    Parameters
    ----------
    n_pairs : int
        Pairs the source sends, from 1 to 10,000,000.
    eve, noise
        As in :func:`e91_statistics`.
    rng : numpy.random.Generator, int or None
        Source of randomness.

    Returns
    -------
    E91Run
        Every pair's record and the run's figures; they converge on :func:`e91_statistics`.
    """
    n = validation.integer("n_pairs", n_pairs, low=1, high=MAX_PAIRS)
    eve = _check_eve(eve)
    noise = validation.real("noise", noise, low=0.0, high=0.5)
    g = validation.rng(rng)
    table = _tables(None if eve is None else InterceptResend(1.0, eve.basis), noise)
    alice = g.integers(0, 3, n, dtype=np.int8)
    bob = g.integers(0, 3, n, dtype=np.int8)
    n_cases = table.shape[0]
    if n_cases == 1:
        case = np.zeros(n, dtype=np.intp)
    else:  # one uniform per pair: Eve acts if u < fraction, in case 1 + floor(u / fraction * k)
        k, fraction = n_cases - 1, eve.fraction
        u = g.random(n, dtype=np.float32)
        scaled = np.minimum(u * np.float32(k / max(fraction, 1e-30)), np.float32(k - 1))
        case = (1 + scaled.astype(np.intp)) * (u < fraction)
    cumulative = np.cumsum(table, axis=-1)[..., :3].reshape(-1, 3).astype(np.float32)
    row = (case * 3 + alice) * 3 + bob
    u = g.random(n, dtype=np.float32)[:, None]
    outcome = np.count_nonzero(u >= cumulative[row], axis=1).astype(np.int8)
    alice_bits, bob_bits = outcome >> 1, outcome & 1
    return _finish(alice, bob, alice_bits, bob_bits, case > 0)


def _finish(alice, bob, alice_bits, bob_bits, eve_measured) -> E91Run:
    """The run's figures from its records."""
    cell = alice.astype(np.intp) * 3 + bob
    counts = np.bincount(cell, minlength=9).reshape(3, 3)
    same = np.bincount(cell, weights=(alice_bits == bob_bits), minlength=9).reshape(3, 3)
    with np.errstate(invalid="ignore", divide="ignore"):
        correlations = np.where(counts > 0, (2 * same - counts) / counts, np.nan)
    chsh = float(sum(sign * correlations[i, j] for i, j, sign in E91_CHSH_SETTINGS))
    variance = sum(
        (1 - correlations[i, j] ** 2) / counts[i, j] if counts[i, j] else math.nan
        for i, j, _ in E91_CHSH_SETTINGS
    )
    key = np.zeros(len(alice), dtype=bool)
    for i, j in E91_KEY_SETTINGS:
        key |= (alice == i) & (bob == j)
    key_length = int(np.count_nonzero(key))
    errors = int(np.count_nonzero(key & (alice_bits != bob_bits)))
    return E91Run(
        alice_settings=alice,
        bob_settings=bob,
        alice_bits=alice_bits,
        bob_bits=bob_bits,
        eve_measured=eve_measured,
        key=key,
        chsh=chsh,
        chsh_error=float(math.sqrt(variance)) if not math.isnan(variance) else math.nan,
        qber=errors / key_length if key_length else math.nan,
        key_length=key_length,
        correlations=correlations,
    )
