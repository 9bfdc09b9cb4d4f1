"""Prepare-and-measure key distribution: BB84, the six-state protocol, and their eavesdroppers.

BB84 (Bennett & Brassard, Proc. IEEE ICCSSP 1984, 175): Alice sends each photon in a random
basis (Z or X) encoding a random bit; Bob measures in a random basis; they keep the bits where
the bases agree (sifting) and compare a sample to estimate the error rate (QBER). The six-state
protocol (Bruß, PRL 81, 3018, 1998) adds the Y basis (``bases=3``).

How it is computed (the split of DESIGN: exact QuTiP, sampled numpy): for every distinct case,
Alice's state x what Eve does x Bob's basis, QuTiP computes the outcome probabilities once
(:func:`_case_tables`); a run of a million photons then draws every photon's case and outcomes
from those tables with vectorised numpy. :func:`bb84_statistics` gives the exact expected
figures from the same tables, so tests show that runs converge on them.

Eavesdroppers (frozen dataclasses passed as ``eve=``):

- :class:`InterceptResend`: Eve measures and resends what she saw. Full attack in a random
  basis: QBER 1/4 and 1/2 bit per sifted bit (Bennett, Bessette, Brassard, Salvail & Smolin,
  J. Cryptology 5, 3, 1992); the Breidbart basis, halfway between the protocol's axes,
  maximises her chance of guessing each bit, cos^2(pi/8) ~ 0.854, at the same QBER.
- :class:`CloningAttack`: Eve keeps a clone from the optimal phase-covariant cloner and measures
  it after the bases are announced: QBER ``1/2 - 1/sqrt(8)`` ~ 14.6 % and information
  ``1 - h2(1/2 + sqrt(Q(1 - Q)))``, where it equals Bob's (Fuchs, Gisin, Griffiths, Niu & Peres,
  PRA 56, 1163, 1997).
- :class:`PhotonNumberSplitting`: against a weak-coherent-pulse source, Eve keeps one photon of
  every multi-photon pulse and forwards the rest losslessly, no errors at all (Brassard,
  Lütkenhaus, Mor & Sanders, PRL 85, 1330, 2000); decoy pulses of another intensity reveal her,
  because she cannot treat them differently (Hwang, PRL 91, 057901, 2003; Lo, Ma & Chen, PRL 94,
  230504, 2005).

``noise`` is the channel's own error: a depolarising channel just before Bob that flips the bit
in any basis with probability ``noise`` (0 to 1/2).
"""

from __future__ import annotations

import dataclasses
import functools
import math
from dataclasses import dataclass
from typing import Union

import numpy as np
import qutip
from scipy import stats

from qwidgets import validation
from qwidgets.errors import InvalidTypeError
from qwidgets.physics.bases import BASES
from qwidgets.physics.cloning import clone_state
from qwidgets.physics.records import ArrayRecord

__all__ = [
    "BB84Run",
    "BB84Stats",
    "CheckSample",
    "CloningAttack",
    "InterceptResend",
    "PhotonNumberSplitting",
    "bb84_statistics",
    "check_sample",
    "decoy_alarm",
    "decoy_alarm_probability",
    "protocol_bases",
    "simulate_bb84",
]

INTERCEPT_BASES: tuple[str, ...] = ("random", "Z", "X", "Y", "breidbart")
"""Where :class:`InterceptResend` measures: a random protocol basis, a fixed one, or Breidbart's."""
MAX_PHOTONS = 10_000_000
"""Most photons one run simulates (every photon is recorded)."""
_NONE = -1  # record value where Eve did not act or Bob received nothing


@dataclass(frozen=True)
class InterceptResend:
    """Eve measures a ``fraction`` of the photons in ``basis`` and resends what she found.

    ``basis`` is ``"random"`` (one of the protocol's bases, at random), ``"Z"``, ``"X"``,
    ``"Y"`` or ``"breidbart"`` (the direction halfway between the protocol's axes).
    """

    fraction: float = 1.0
    basis: str = "random"

    def __post_init__(self) -> None:
        object.__setattr__(self, "fraction", validation.probability("fraction", self.fraction))
        validation.choice("basis", self.basis, INTERCEPT_BASES)


@dataclass(frozen=True)
class CloningAttack:
    """Eve clones a ``fraction`` of the photons (optimal phase-covariant cloner), keeps one copy
    and measures it in Alice's basis once the bases are announced."""

    fraction: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "fraction", validation.probability("fraction", self.fraction))


@dataclass(frozen=True)
class PhotonNumberSplitting:
    """Eve splits the multi-photon pulses of a weak-coherent-pulse source.

    Attributes
    ----------
    mean_photon_number : float
        Mean photons per signal pulse, ``mu`` (Poisson statistics), from 0.01 to 2.
    transmittance : float
        Transmittance of the channel Alice and Bob believe they have, from 1e-6 to 1: Eve
        replaces it by a lossless one and blocks or forwards pulses so that Bob's detection rate
        for signal pulses is what that channel would give (``1 - exp(-eta mu)``).
    decoy_photon_number : float or None
        Mean photons of the decoy pulses (``nu < mu``), or ``None`` for no decoys.
    decoy_fraction : float
        Share of the pulses that are decoys, from 0.01 to 0.99.
    """

    mean_photon_number: float = 0.5
    transmittance: float = 0.01
    decoy_photon_number: float | None = None
    decoy_fraction: float = 0.5

    def __post_init__(self) -> None:
        mu = validation.real("mean_photon_number", self.mean_photon_number, low=0.01, high=2.0)
        object.__setattr__(self, "mean_photon_number", mu)
        eta = validation.real("transmittance", self.transmittance, low=1e-6, high=1.0)
        object.__setattr__(self, "transmittance", eta)
        if self.decoy_photon_number is not None:
            nu = validation.real(
                "decoy_photon_number", self.decoy_photon_number, low=0.0, high=mu, high_open=True
            )
            object.__setattr__(self, "decoy_photon_number", nu)
        fraction = validation.real("decoy_fraction", self.decoy_fraction, low=0.01, high=0.99)
        object.__setattr__(self, "decoy_fraction", fraction)

    def _splitting(self) -> tuple[float, float]:
        """Eve's forwarding probabilities ``(single, multi)`` for one- and multi-photon pulses.

        She matches the signal gain ``Q = 1 - exp(-eta mu)``: from the multi-photon pulses alone
        when there are enough of them (all single photons blocked), else all of those and some
        single photons, forwarded untouched.
        """
        mu, eta = self.mean_photon_number, self.transmittance
        gain = -math.expm1(-eta * mu)
        single, multi = _poisson_one(mu), _poisson_many(mu)
        if multi >= gain:
            return 0.0, gain / multi
        return (gain - multi) / single, 1.0


Eavesdropper = Union[InterceptResend, CloningAttack, PhotonNumberSplitting]


def _poisson_one(mean: float) -> float:
    return mean * math.exp(-mean)


def _poisson_many(mean: float) -> float:
    """P(n >= 2) for a Poisson number of photons, without cancellation at small ``mean``."""
    return -math.expm1(-mean) - _poisson_one(mean)


def protocol_bases(bases: int) -> tuple[str, ...]:
    """The named bases of a protocol: ``("Z", "X")`` for BB84, ``("Z", "X", "Y")`` for six-state."""
    bases = validation.integer("bases", bases, low=2, high=3)
    return ("Z", "X", "Y")[:bases]


def _check_eve(eve: object) -> Eavesdropper | None:
    if eve is None or isinstance(eve, (InterceptResend, CloningAttack, PhotonNumberSplitting)):
        return eve
    raise InvalidTypeError(
        "eve", eve, "None, InterceptResend(...), CloningAttack(...) or PhotonNumberSplitting(...)"
    )


# -- the exact tables ----------------------------------------------------------------------------
def _projector(basis_vector: np.ndarray, outcome: int) -> qutip.Qobj:
    """Projector of ``outcome`` (0 along ``basis_vector``, 1 opposite): ``(I +- n.sigma) / 2``."""
    sign = 1 if outcome == 0 else -1
    n_sigma = sum(v * op for v, op in zip(basis_vector, (qutip.sigmax(), qutip.sigmay(), qutip.sigmaz())))
    return (qutip.qeye(2) + sign * n_sigma) / 2


def _depolarise(rho: qutip.Qobj, noise: float) -> qutip.Qobj:
    """The channel before Bob: ``(1 - 2n) rho + 2n I/2`` flips any basis with probability ``n``."""
    return (1 - 2 * noise) * rho + noise * qutip.qeye(2)


def _eve_directions(eve: Eavesdropper | None, names: tuple[str, ...]) -> list[np.ndarray | None]:
    """One entry per case in which Eve acts: her measurement direction, or ``None`` for a clone.

    Case ``i + 1`` of the tables is entry ``i``; case 0 is "Eve leaves the photon alone".
    """
    if isinstance(eve, InterceptResend):
        if eve.basis == "random":
            return [np.array(BASES[name].vector) for name in names]
        if eve.basis == "breidbart":  # equally far from every axis the protocol uses
            return [sum(np.array(BASES[name].vector) for name in names) / math.sqrt(len(names))]
        return [np.array(BASES[eve.basis].vector)]
    if isinstance(eve, CloningAttack):
        return [None]  # she measures her clone in Alice's basis, once it is announced
    return []


def _cloner(n_bases: int) -> str:
    """Eve's best cloner: phase-covariant for BB84's states on one circle, universal for six states."""
    return "phase-covariant" if n_bases == 2 else "universal"


@functools.lru_cache(maxsize=64)
def _case_tables(eve: Eavesdropper | None, noise: float, bases: int) -> tuple[np.ndarray, np.ndarray]:
    """Outcome probabilities of every case, computed once with QuTiP.

    Returns ``(eve_one, bob_one)``: ``eve_one[s, c]`` is the probability that Eve's outcome is
    1 for Alice's state ``s = 2 * basis + bit`` and Eve's case ``c`` (0: she does nothing);
    ``bob_one[s, c, e, k]`` that Bob's outcome is 1 in basis ``k`` given Eve's outcome ``e``.
    """
    names = protocol_bases(bases)
    directions = _eve_directions(eve, names)
    n_states, n_cases = 2 * len(names), 1 + len(directions)
    eve_one = np.zeros((n_states, n_cases))
    bob_one = np.zeros((n_states, n_cases, 2, len(names)))
    bob_projectors = [_projector(np.array(BASES[name].vector), 1) for name in names]
    for state_index in range(n_states):
        basis = BASES[names[state_index // 2]]
        alice = basis.outcomes[state_index % 2].ket.proj()
        received = _depolarise(alice, noise)
        bob_one[state_index, 0] = [[qutip.expect(p, received) for p in bob_projectors]] * 2
        for case, direction in enumerate(directions, start=1):
            if direction is None:
                joint = clone_state(alice, _cloner(len(names)))  # (Bob's copy, Eve's copy)
                noisy = (1 - 2 * noise) * joint + 2 * noise * qutip.tensor(qutip.qeye(2) / 2, joint.ptrace(1))
                eve_projectors = [_projector(np.array(basis.vector), e) for e in (0, 1)]
                eve_one[state_index, case] = qutip.expect(
                    qutip.tensor(qutip.qeye(2), eve_projectors[1]), noisy
                )
                for e, eve_projector in enumerate(eve_projectors):
                    p_e = qutip.expect(qutip.tensor(qutip.qeye(2), eve_projector), noisy)
                    for k, bob_projector in enumerate(bob_projectors):
                        both = qutip.expect(qutip.tensor(bob_projector, eve_projector), noisy)
                        bob_one[state_index, case, e, k] = both / p_e if p_e > 1e-15 else 0.5
            else:  # intercept and resend along ``direction``
                eve_one[state_index, case] = qutip.expect(_projector(direction, 1), alice)
                for e in (0, 1):
                    resent = _depolarise(_projector(direction, e), noise)
                    bob_one[state_index, case, e] = [qutip.expect(p, resent) for p in bob_projectors]
    eve_one, bob_one = np.clip(eve_one, 0.0, 1.0), np.clip(bob_one, 0.0, 1.0)
    eve_one.flags.writeable = bob_one.flags.writeable = False
    return eve_one, bob_one


def _tables(eve: Eavesdropper | None, noise: float, bases: int) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_case_tables` for ``eve``; they do not depend on the fraction she attacks, so one
    computation serves every fraction (a dragged slider stays fast)."""
    if isinstance(eve, (InterceptResend, CloningAttack)):
        eve = dataclasses.replace(eve, fraction=1.0)
    return _case_tables(eve, noise, bases)


def _case_weights(eve: Eavesdropper | None, names: tuple[str, ...]) -> np.ndarray:
    """Probability of each of Eve's cases for one photon (case 0: she leaves it alone)."""
    choices = len(_eve_directions(eve, names))
    if choices == 0:
        return np.array([1.0])
    return np.array([1 - eve.fraction] + [eve.fraction / choices] * choices)


def _mutual_information(joint: np.ndarray) -> float:
    """Mutual information (bits) of a joint distribution ``joint[a, d]`` (unnormalised)."""
    total = joint.sum()
    if total <= 0:
        return 0.0
    joint = joint / total
    marginal_a, marginal_d = joint.sum(axis=1, keepdims=True), joint.sum(axis=0, keepdims=True)
    mask = joint > 0
    return float(np.sum(joint[mask] * np.log2(joint[mask] / (marginal_a @ marginal_d)[mask])))


# -- exact statistics ----------------------------------------------------------------------------
@dataclass(frozen=True)
class BB84Stats:
    """Exact expected figures of a prepare-and-measure run.

    Attributes
    ----------
    qber : float
        Error rate of the sifted key.
    sift_fraction : float
        Share of the pulses sent that end up in the sifted key.
    eve_information : float
        Eve's mutual information with Alice's sifted key, in bits per sifted bit, given all she
        saw including the public basis announcement.
    signal_gain, expected_signal_gain : float
        Share of signal pulses Bob detects, with this eavesdropper and without one (1 for single
        photons on a lossless line).
    decoy_gain, expected_decoy_gain : float or None
        The same for decoy pulses, when there are decoys.
    """

    qber: float
    sift_fraction: float
    eve_information: float
    signal_gain: float = 1.0
    expected_signal_gain: float = 1.0
    decoy_gain: float | None = None
    expected_decoy_gain: float | None = None


def bb84_statistics(*, eve: Eavesdropper | None = None, noise: float = 0.0, bases: int = 2) -> BB84Stats:
    """Exact expected QBER, sift fraction and Eve's information (see the module docstring).

    Parameters
    ----------
    eve : InterceptResend, CloningAttack, PhotonNumberSplitting or None
        The eavesdropper.
    noise : float
        The channel's own bit-flip probability, from 0 to 0.5.
    bases : {2, 3}
        2 for BB84, 3 for the six-state protocol.
    """
    eve = _check_eve(eve)
    noise = validation.real("noise", noise, low=0.0, high=0.5)
    names = protocol_bases(bases)
    if isinstance(eve, PhotonNumberSplitting):
        return _pns_statistics(eve, noise, len(names))
    eve_one, bob_one = _tables(eve, noise, len(names))
    weights = _case_weights(eve, names)
    qber = 0.0
    joint = np.zeros((2, len(names) * len(weights) * 2))  # a x (Alice's basis, Eve's case, Eve's outcome)
    for state_index in range(2 * len(names)):
        basis, bit = divmod(state_index, 2)
        for case, weight in enumerate(weights):
            for e in (0, 1):
                p_e = eve_one[state_index, case] if e else 1 - eve_one[state_index, case]
                p_wrong = (
                    bob_one[state_index, case, e, basis]
                    if bit == 0
                    else 1 - bob_one[state_index, case, e, basis]
                )
                qber += weight * p_e * p_wrong / len(names) / 2
                joint[bit, (basis * len(weights) + case) * 2 + e] += weight * p_e / len(names) / 2
    return BB84Stats(
        qber=float(qber), sift_fraction=1 / len(names), eve_information=_mutual_information(joint)
    )


def _pns_statistics(eve: PhotonNumberSplitting, noise: float, n_bases: int) -> BB84Stats:
    mu, eta, nu = eve.mean_photon_number, eve.transmittance, eve.decoy_photon_number
    single, multi = eve._splitting()
    signal_gain = _poisson_one(mu) * single + _poisson_many(mu) * multi
    signal_share = 1 - eve.decoy_fraction if nu is not None else 1.0
    decoy_gain = None if nu is None else _poisson_one(nu) * single + _poisson_many(nu) * multi
    return BB84Stats(
        qber=noise,
        sift_fraction=signal_share * signal_gain / n_bases,
        eve_information=_poisson_many(mu) * multi / signal_gain,
        signal_gain=signal_gain,
        expected_signal_gain=-math.expm1(-eta * mu),
        decoy_gain=decoy_gain,
        expected_decoy_gain=None if nu is None else -math.expm1(-eta * nu),
    )


# -- sampled runs ----------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class BB84Run(ArrayRecord):
    """A sampled prepare-and-measure run, photon by photon (arrays are read-only).

    Attributes
    ----------
    basis_names : tuple of str
        Names of the basis codes in the records, e.g. ``("Z", "X")``; Eve's code
        ``len(basis_names)`` is the Breidbart basis.
    alice_bits, alice_bases, bob_bases : numpy.ndarray
        ``int8`` per photon (pulse).
    eve_bases, eve_results : numpy.ndarray
        ``int8``, -1 where Eve did not act.
    bob_results : numpy.ndarray
        ``int8``, -1 where Bob detected nothing.
    sifted : numpy.ndarray
        ``bool``: kept in the sifted key (Bob detected it, same basis, a signal pulse).
    photon_numbers, decoy : numpy.ndarray or None
        Photons in each pulse and which pulses are decoys, for a weak-coherent-pulse source.
    qber : float
        Error rate of the sifted key (nan when it is empty).
    sifted_key_length : int
        Bits in the sifted key.
    eve_information : float
        Eve's mutual information with Alice's sifted key per sifted bit, estimated from the run.
    signal_gain, decoy_gain : float or None
        Share of signal (decoy) pulses Bob detected; ``None`` without pulses of that kind.
    """

    basis_names: tuple[str, ...]
    alice_bits: np.ndarray
    alice_bases: np.ndarray
    eve_bases: np.ndarray
    eve_results: np.ndarray
    bob_bases: np.ndarray
    bob_results: np.ndarray
    sifted: np.ndarray
    photon_numbers: np.ndarray | None
    decoy: np.ndarray | None
    qber: float
    sifted_key_length: int
    eve_information: float
    signal_gain: float
    decoy_gain: float | None

    @property
    def n_photons(self) -> int:
        """Photons (pulses) sent."""
        return len(self.alice_bits)

    @property
    def errors(self) -> np.ndarray:
        """``bool`` per photon: in the sifted key, and Bob's bit differs from Alice's."""
        return self.sifted & (self.bob_results != self.alice_bits)


def simulate_bb84(
    n_photons: int,
    *,
    eve: Eavesdropper | None = None,
    noise: float = 0.0,
    bases: int = 2,
    rng: np.random.Generator | int | None = None,
) -> BB84Run:
    """Simulate a prepare-and-measure run photon by photon.

    Parameters
    ----------
    n_photons : int
        Photons (or pulses) Alice sends, from 1 to 10,000,000.
    eve, noise, bases
        As in :func:`bb84_statistics`.
    rng : numpy.random.Generator, int or None
        Source of randomness.

    Returns
    -------
    BB84Run
        Every photon's record and the run's figures; they converge on :func:`bb84_statistics`.
    """
    n = validation.integer("n_photons", n_photons, low=1, high=MAX_PHOTONS)
    eve = _check_eve(eve)
    noise = validation.real("noise", noise, low=0.0, high=0.5)
    names = protocol_bases(bases)
    g = validation.rng(rng)
    alice_bits, alice_bases, bob_bases = _choices(g, n, len(names))
    if isinstance(eve, PhotonNumberSplitting):
        return _pns_run(eve, noise, names, g, alice_bits, alice_bases, bob_bases)
    eve_one, bob_one = _tables(eve, noise, len(names))
    weights = _case_weights(eve, names)
    state = 2 * alice_bases + alice_bits
    if len(weights) == 1:
        case = np.zeros(n, dtype=np.int8)
    else:  # one uniform u per photon: Eve acts if u < fraction, in her case 1 + floor(u / fraction * k)
        choices, fraction = len(weights) - 1, 1.0 - weights[0]
        u = g.random(n, dtype=np.float32)
        scaled = np.minimum(u * np.float32(choices / max(fraction, 1e-30)), np.float32(choices - 1))
        case = (1 + scaled.astype(np.int8)) * (u < fraction)
    acted = case > 0
    row = state.astype(np.intp) * len(weights) + case  # the case's row in the tables, per photon
    eve_table, bob_table = (
        t.ravel().astype(np.float32) for t in (eve_one, bob_one)
    )  # tiny; halves the gathers
    eve_outcomes = (g.random(n, dtype=np.float32) < eve_table[row]).view(np.int8)
    column = (row * 2 + eve_outcomes) * len(names) + bob_bases
    bob_results = (g.random(n, dtype=np.float32) < bob_table[column]).view(np.int8)
    eve_bases = _eve_basis_codes(eve, case, alice_bases, len(names))
    eve_results = np.where(acted, eve_outcomes, np.int8(_NONE))
    sifted = alice_bases == bob_bases
    key_eve = (2 * case + eve_outcomes) * acted  # what Eve holds about a photon (0: nothing)
    return _finish(
        names,
        alice_bits,
        alice_bases,
        eve_bases,
        eve_results,
        bob_bases,
        bob_results,
        sifted,
        key_eve,
        None,
        None,
        signal_gain=1.0,
        decoy_gain=None,
    )


def _choices(g: np.random.Generator, n: int, n_bases: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Alice's bits and bases and Bob's bases, uniform, as ``int8`` arrays.

    For two bases all three come from one random byte per photon (three of its bits).
    """
    if n_bases == 2:
        byte = g.integers(0, 256, n, dtype=np.uint8)
        return (byte & 1).view(np.int8), ((byte >> 1) & 1).view(np.int8), ((byte >> 2) & 1).view(np.int8)
    return (
        g.integers(0, 2, n, dtype=np.int8),
        g.integers(0, n_bases, n, dtype=np.int8),
        g.integers(0, n_bases, n, dtype=np.int8),
    )


def _eve_basis_codes(
    eve: Eavesdropper | None, case: np.ndarray, alice_bases: np.ndarray, n_bases: int
) -> np.ndarray:
    """Eve's basis per photon as a code (-1: she did nothing; ``n_bases``: Breidbart's)."""
    if isinstance(eve, InterceptResend) and eve.basis == "random":
        return case - np.int8(1)  # case k measures in basis k - 1; case 0 is "nothing"
    if isinstance(eve, CloningAttack):
        return np.where(case > 0, alice_bases, np.int8(_NONE))
    if isinstance(eve, InterceptResend):
        fixed = n_bases if eve.basis == "breidbart" else ("Z", "X", "Y").index(eve.basis)
        return np.where(case > 0, np.int8(fixed), np.int8(_NONE))
    return np.full(len(case), _NONE, dtype=np.int8)


def _pns_run(
    eve: PhotonNumberSplitting,
    noise: float,
    names: tuple[str, ...],
    g: np.random.Generator,
    alice_bits: np.ndarray,
    alice_bases: np.ndarray,
    bob_bases: np.ndarray,
) -> BB84Run:
    n = len(alice_bits)
    nu = eve.decoy_photon_number
    decoy = g.random(n) < eve.decoy_fraction if nu is not None else np.zeros(n, dtype=bool)
    photons = g.poisson(np.where(decoy, nu if nu is not None else 0.0, eve.mean_photon_number)).astype(
        np.int16
    )
    single, multi = eve._splitting()
    forward = np.where(photons >= 2, multi, np.where(photons == 1, single, 0.0))
    received = g.random(n) < forward
    split = received & (photons >= 2)  # Eve kept one photon of these
    flipped = g.random(n) < noise
    bob_results = np.where(bob_bases == alice_bases, alice_bits ^ flipped, g.integers(0, 2, n, dtype=np.int8))
    bob_results = np.where(received, bob_results, _NONE).astype(np.int8)
    eve_bases = np.where(split, alice_bases, _NONE).astype(np.int8)
    eve_results = np.where(split, alice_bits, _NONE).astype(np.int8)  # measured after the announcement
    sifted = received & ~decoy & (alice_bases == bob_bases)
    signal_gain = float(received[~decoy].mean()) if (~decoy).any() else math.nan
    decoy_gain = float(received[decoy].mean()) if decoy.any() else None
    key_eve = np.where(split, 2 + alice_bits, 0)
    return _finish(
        names,
        alice_bits,
        alice_bases,
        eve_bases,
        eve_results,
        bob_bases,
        bob_results,
        sifted,
        key_eve,
        photons,
        decoy if nu is not None else None,
        signal_gain=signal_gain,
        decoy_gain=decoy_gain,
    )


def _finish(
    names,
    alice_bits,
    alice_bases,
    eve_bases,
    eve_results,
    bob_bases,
    bob_results,
    sifted,
    key_eve,
    photons,
    decoy,
    *,
    signal_gain: float,
    decoy_gain: float | None,
) -> BB84Run:
    """Figures of a run from its records; ``key_eve`` codes what Eve knows of each photon."""
    kept = int(np.count_nonzero(sifted))
    errors = int(np.count_nonzero(sifted & (bob_results != alice_bits)))
    views = int(key_eve.max(initial=0)) + 1  # Eve's view: the announced basis and what she holds
    view_and_bit = ((alice_bases.astype(np.int16) * views + key_eve) * 2 + alice_bits)[sifted]
    joint = np.bincount(view_and_bit, minlength=2 * len(names) * views).reshape(-1, 2).T
    return BB84Run(
        basis_names=names,
        alice_bits=alice_bits,
        alice_bases=alice_bases,
        eve_bases=eve_bases,
        eve_results=eve_results,
        bob_bases=bob_bases,
        bob_results=bob_results,
        sifted=sifted,
        photon_numbers=photons,
        decoy=decoy,
        qber=errors / kept if kept else math.nan,
        sifted_key_length=kept,
        eve_information=_mutual_information(joint.astype(float)),
        signal_gain=signal_gain,
        decoy_gain=decoy_gain,
    )


# -- the check ---------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class CheckSample(ArrayRecord):
    """Alice and Bob compare ``n_checked`` random bits of the sifted key in public.

    Attributes
    ----------
    positions : numpy.ndarray
        Indices (into the run's photons) of the bits compared, in increasing order.
    n_checked : int
        Bits compared (and then thrown away: they are public).
    errors : int
        How many of them differ.
    estimated_qber : float
        ``errors / n_checked`` (nan when nothing was checked).
    key_length : int
        Sifted bits left for the key.
    """

    positions: np.ndarray
    n_checked: int
    errors: int
    estimated_qber: float
    key_length: int


def check_sample(
    run: BB84Run, n_checked: int, *, rng: np.random.Generator | int | None = None
) -> CheckSample:
    """Compare ``n_checked`` random sifted bits of ``run`` (at most its sifted key length)."""
    if not isinstance(run, BB84Run):
        raise InvalidTypeError("run", run, "a BB84Run from simulate_bb84")
    n_checked = validation.integer("n_checked", n_checked, low=0, high=run.sifted_key_length)
    positions = np.sort(validation.rng(rng).choice(np.flatnonzero(run.sifted), size=n_checked, replace=False))
    errors = int(np.count_nonzero(run.bob_results[positions] != run.alice_bits[positions]))
    return CheckSample(
        positions=positions,
        n_checked=n_checked,
        errors=errors,
        estimated_qber=errors / n_checked if n_checked else math.nan,
        key_length=run.sifted_key_length - n_checked,
    )


# -- the decoy check -------------------------------------------------------------------------------
DECOY_SIGMAS = 3.0
"""How many standard deviations below the honest expectation the decoys' detections must fall to
raise the alarm."""


def _decoy_floor(expected_gain: float, n_decoys: int, sigmas: float) -> float:
    """The fewest decoy detections that raise no alarm: mean minus ``sigmas`` standard deviations."""
    return n_decoys * expected_gain - sigmas * math.sqrt(n_decoys * expected_gain * (1 - expected_gain))


def decoy_alarm_probability(
    decoy_gain: float, expected_decoy_gain: float, n_decoys: int, *, sigmas: float = DECOY_SIGMAS
) -> float:
    """Probability that ``n_decoys`` decoy pulses raise the alarm.

    Alice and Bob expect each decoy to be detected with probability ``expected_decoy_gain`` (the
    honest channel); they raise the alarm when fewer arrive than that mean minus ``sigmas``
    binomial standard deviations. Each decoy is in fact detected with probability
    ``decoy_gain`` (:attr:`BB84Stats.decoy_gain`).
    """
    decoy_gain = validation.probability("decoy_gain", decoy_gain)
    expected_decoy_gain = validation.probability("expected_decoy_gain", expected_decoy_gain)
    n_decoys = validation.integer("n_decoys", n_decoys, low=0, high=MAX_PHOTONS)
    sigmas = validation.real("sigmas", sigmas, low=0.0, high=10.0)
    floor = _decoy_floor(expected_decoy_gain, n_decoys, sigmas)
    if floor <= 0:
        return 0.0
    return float(stats.binom.cdf(math.ceil(floor) - 1, n_decoys, decoy_gain))


def decoy_alarm(run: BB84Run, expected_decoy_gain: float, *, sigmas: float = DECOY_SIGMAS) -> bool:
    """Whether ``run``'s decoys raised the alarm (see :func:`decoy_alarm_probability`)."""
    if not isinstance(run, BB84Run) or run.decoy is None:
        raise InvalidTypeError("run", run, "a BB84Run with decoy pulses (PhotonNumberSplitting with decoys)")
    expected_decoy_gain = validation.probability("expected_decoy_gain", expected_decoy_gain)
    n_decoys = int(np.count_nonzero(run.decoy))
    detected = int(np.count_nonzero(run.decoy & (run.bob_results >= 0)))
    return detected < _decoy_floor(expected_decoy_gain, n_decoys, sigmas)
