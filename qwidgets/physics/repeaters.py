"""Heralded links and quantum repeater chains: end-to-end fidelity and rate.

The model (in the spirit of Briegel, Dür, Cirac & Zoller, PRL 81, 5932, 1998, and the review of
Sangouard, Simon, de Riedmatten & Gisin, Rev. Mod. Phys. 83, 33, 2011):

- **Heralded link.** Each of ``n`` segments of length ``L0`` makes pairs by attempts: both nodes
  send a photon entangled with their memory to a station in the middle, which heralds success
  when both photons arrive and are detected (a two-photon herald, as in Barrett & Kok, PRA 71,
  060310, 2005): probability ``p = eta_d^2 / 2 * 10^(-alpha L0 / 10)`` per attempt, one attempt per
  ``L0 / c`` (the photons' way to the station and the herald's way back; ``c = 2e5 km/s`` in
  fibre), and never less than :data:`MIN_ATTEMPT_TIME_S`. A fresh pair has fidelity
  ``link_fidelity``; the herald lets the nodes keep only real pairs.
- **Purification** (optional, ``r`` rounds of :func:`~qwidgets.physics.purify` on each segment):
  a purified pair needs ``2^r`` heralded pairs and the tree succeeds with probability ``P``; it
  is modelled as a slower link of higher fidelity, ``p' = p P / 2^r`` (the time the first pairs
  wait for their partners during purification is neglected).
- **Waiting in memory.** Segments try in parallel; a segment that succeeds stores its pair until
  the slowest one has succeeded, then all swaps are made at once (memories make swapping
  deterministic) and their outcomes travel to the end nodes, ``L / c``, while the end qubits
  wait. Storage dephases both qubits of a pair (:func:`~qwidgets.physics.stored_pair_fidelity`);
  pairs are twirled to Werner form after each operation, so a pair is described by its Werner
  parameter ``w = (4F - 1)/3``: swapping multiplies them (:func:`~qwidgets.physics.swap_fidelity`),
  and ``s`` seconds in memory multiply ``w`` by ``(1 + 2 exp(-2 s / T2))/3``.
- **Analytic mode** gives the model's exact expectations: the mean time to the last of ``n``
  geometric trials and the mean end-to-end fidelity, summed over when the last segment succeeds
  (in the limit of exponential waiting times when ``p`` is so small that the sum grows too long;
  the difference is of order ``p``). **Monte-Carlo mode** samples the attempts of ``n_trials``
  end-to-end pairs with ``rng`` and converges on it.
"""

from __future__ import annotations

import functools
import math
import time
from dataclasses import dataclass

import numpy as np
from scipy import integrate

from qwidgets import validation
from qwidgets.errors import InvalidTypeError
from qwidgets.physics.keyrate import binary_entropy
from qwidgets.physics.links import FIBER_ATTENUATION_DB_PER_KM
from qwidgets.physics.memories import MAX_PURIFICATION_ROUNDS, PURIFICATION_PROTOCOLS, purify

__all__ = [
    "NESTED_SEGMENTS",
    "REPEATER_MODES",
    "SPEED_IN_FIBRE_KM_PER_S",
    "MIN_ATTEMPT_TIME_S",
    "HeraldedLink",
    "RepeaterChain",
    "heralded_link",
    "nested_swap_levels",
    "repeater_chain",
    "repeater_key_rate",
    "repeater_key_rates",
]

SPEED_IN_FIBRE_KM_PER_S = 2.0e5
"""Speed of light in fibre (refractive index about 1.5)."""
MIN_ATTEMPT_TIME_S = 1e-6
"""Shortest attempt, however short the link: the nodes' own cycle (a model choice, about a
microsecond; it matters only below a few hundred metres)."""
NESTED_SEGMENTS: tuple[int, ...] = (1, 2, 4, 8, 16, 32, 64)
"""Segment counts of a nested chain (powers of two; 1 is a single heralded link)."""
REPEATER_MODES: tuple[str, ...] = ("analytic", "monte-carlo")
"""Modes of :func:`repeater_chain`."""
MAX_TRIALS = 10_000_000
"""Most end-to-end pairs one Monte-Carlo run samples."""
_EXACT_SUM_LIMIT = 20_000  # longest sum over attempt numbers; beyond it, exponential waiting times
_TAIL = 1e-13  # probability left out of the sums
_CHUNK = 200_000  # trials sampled at a time
_PROGRESS_AFTER_S = 1.0


@dataclass(frozen=True)
class HeraldedLink:
    """One heralded segment.

    Attributes
    ----------
    length_km : float
        Segment length.
    success_probability : float
        Probability that one attempt is heralded.
    attempt_time_s : float
        Duration of one attempt (photons to the middle, herald back).
    mean_time_s : float
        Mean time to a heralded pair, ``attempt_time_s / success_probability``.
    """

    length_km: float
    success_probability: float
    attempt_time_s: float
    mean_time_s: float


def heralded_link(
    length_km: float,
    *,
    attenuation_db_per_km: float = FIBER_ATTENUATION_DB_PER_KM,
    detector_efficiency: float = 0.9,
    loss_db: float | None = None,
) -> HeraldedLink:
    """The heralded segment of ``length_km`` (see the module docstring).

    ``loss_db``, when given, is the segment's whole loss (a free-space segment, say) and replaces
    ``attenuation_db_per_km * length_km``.
    """
    length_km = validation.length_km("length_km", length_km)
    alpha = validation.real("attenuation_db_per_km", attenuation_db_per_km, low=0.0, high=10.0, unit="dB/km")
    eta_d = validation.real("detector_efficiency", detector_efficiency, low=0.0, high=1.0, low_open=True)
    loss = alpha * length_km if loss_db is None else validation.real("loss_db", loss_db, low=0.0, unit="dB")
    p = eta_d**2 / 2 * 10 ** (-loss / 10)
    attempt = max(length_km / SPEED_IN_FIBRE_KM_PER_S, MIN_ATTEMPT_TIME_S)
    return HeraldedLink(length_km, p, attempt, attempt / p if p > 0 else math.inf)


def nested_swap_levels(n_segments: int) -> tuple[tuple[tuple[int, int, int], ...], ...]:
    """The swaps of a nested chain of nodes 0..n, level by level: ``(left, middle, right)`` nodes.

    Level 1 joins neighbouring segments (0-1-2, 2-3-4, ...), level 2 the pairs so made, and so
    on: ``log2(n)`` levels.
    """
    n = _segments(n_segments)
    levels = []
    span = 1
    while span < n:
        levels.append(tuple((left, left + span, left + 2 * span) for left in range(0, n, 2 * span)))
        span *= 2
    return tuple(levels)


def _segments(n_segments: object) -> int:
    n = validation.integer("n_segments", n_segments, low=1, high=NESTED_SEGMENTS[-1])
    if n not in NESTED_SEGMENTS:
        validation.choice("n_segments", n, NESTED_SEGMENTS)
    return n


@dataclass(frozen=True)
class RepeaterChain:
    """End-to-end entanglement over a repeater chain.

    Attributes
    ----------
    length_km, segment_km : float
        Length of the chain and of each segment.
    n_segments : int
        Segments (nodes in between: ``n_segments - 1``).
    link : HeraldedLink
        One segment's heralded link (before purification).
    link_fidelity : float
        Fidelity of a segment's pair as used for swapping (after purification, before waiting).
    purification_success_probability : float
        Probability that a segment's purification tree succeeds (1 without purification).
    classical_time_s : float
        Time for the swap outcomes to reach the end nodes, ``L / c`` (0 for one segment).
    mean_time_s : float
        Mean time to one end-to-end pair.
    rate_pairs_per_s : float
        End-to-end pairs per second, ``1 / mean_time_s``.
    mean_storage_s : float
        Mean time an elementary pair waits in memory for the slowest segment.
    fidelity : float
        Mean end-to-end fidelity.
    fidelity_error, time_error : float
        Standard errors of ``fidelity`` and ``mean_time_s`` (0 in analytic mode).
    mode : str
        ``"analytic"`` or ``"monte-carlo"``.
    n_trials : int
        End-to-end pairs sampled (0 in analytic mode).
    """

    length_km: float
    n_segments: int
    segment_km: float
    link: HeraldedLink
    link_fidelity: float
    purification_success_probability: float
    classical_time_s: float
    mean_time_s: float
    rate_pairs_per_s: float
    mean_storage_s: float
    fidelity: float
    fidelity_error: float
    time_error: float
    mode: str
    n_trials: int


def repeater_chain(
    length_km: float,
    n_segments: int,
    *,
    memory_t2_s: float = 1.0,
    purification_rounds: int = 0,
    link_fidelity: float = 0.98,
    protocol: str = "dejmps",
    attenuation_db_per_km: float = FIBER_ATTENUATION_DB_PER_KM,
    detector_efficiency: float = 0.9,
    mode: str = "analytic",
    n_trials: int = 10_000,
    rng: np.random.Generator | int | None = None,
) -> RepeaterChain:
    """End-to-end fidelity and rate of a nested repeater chain (see the module docstring).

    Parameters
    ----------
    length_km : float
        Distance between the end nodes, km.
    n_segments : int
        One of :data:`NESTED_SEGMENTS`.
    memory_t2_s : float
        Coherence time T2 of every memory, s (> 0).
    purification_rounds : int
        Recurrence rounds on each segment, 0 to 6.
    link_fidelity : float
        Fidelity of a freshly heralded pair, 0 to 1.
    protocol : {"bbpssw", "dejmps"}
        Purification protocol.
    attenuation_db_per_km, detector_efficiency : float
        Fibre loss and the efficiency of each herald detector (see :func:`heralded_link`).
    mode : {"analytic", "monte-carlo"}
        Exact expectations, or a sampled run of ``n_trials`` end-to-end pairs.
    n_trials : int
        Pairs sampled in Monte-Carlo mode, 1 to 10,000,000; a progress bar (``tqdm.auto``)
        appears when sampling takes more than a second.
    rng : numpy.random.Generator, int or None
        Source of randomness (Monte-Carlo mode).
    """
    length_km = validation.length_km("length_km", length_km)
    n = _segments(n_segments)
    t2 = validation.real("memory_t2_s", memory_t2_s, low=0.0, high=1e12, low_open=True, unit="s")
    rounds = validation.integer(
        "purification_rounds", purification_rounds, low=0, high=MAX_PURIFICATION_ROUNDS
    )
    f_link = validation.probability("link_fidelity", link_fidelity)
    protocol = validation.choice("protocol", protocol, PURIFICATION_PROTOCOLS)
    mode = validation.choice("mode", mode, REPEATER_MODES)
    trials = validation.integer("n_trials", n_trials, low=1, high=MAX_TRIALS)
    link = heralded_link(
        length_km / n, attenuation_db_per_km=attenuation_db_per_km, detector_efficiency=detector_efficiency
    )
    f_pure, tree = purify(f_link, protocol, rounds) if rounds else (f_link, 1.0)
    p = link.success_probability * tree / 2**rounds
    tau = link.attempt_time_s
    classical = length_km / SPEED_IN_FIBRE_KM_PER_S if n > 1 else 0.0
    w_link = (4 * f_pure - 1) / 3
    after_messages = _storage_factor(classical, t2)
    common = dict(
        length_km=length_km,
        n_segments=n,
        segment_km=length_km / n,
        link=link,
        link_fidelity=f_pure,
        purification_success_probability=tree,
        classical_time_s=classical,
    )
    if p <= 0.0:
        return _never(common, mode, trials)
    if mode == "analytic":
        attempts, product = _expected_max_and_storage(p, n, 2 * tau / t2)
        mean_time = attempts * tau + classical
        fidelity = (1 + 3 * w_link**n * product * after_messages) / 4
        return RepeaterChain(
            **common,
            mean_time_s=mean_time,
            rate_pairs_per_s=1 / mean_time,
            mean_storage_s=max(0.0, (attempts - 1 / p) * tau),
            fidelity=float(fidelity),
            fidelity_error=0.0,
            time_error=0.0,
            mode=mode,
            n_trials=0,
        )
    g = validation.rng(rng)
    times, fidelities, storage = _sample(g, trials, p, n, tau, t2, w_link, classical, after_messages)
    mean_time = float(times.mean())
    return RepeaterChain(
        **common,
        mean_time_s=mean_time,
        rate_pairs_per_s=1 / mean_time,
        mean_storage_s=storage,
        fidelity=float(fidelities.mean()),
        fidelity_error=float(fidelities.std(ddof=1) / math.sqrt(trials)) if trials > 1 else math.nan,
        time_error=float(times.std(ddof=1) / math.sqrt(trials)) if trials > 1 else math.nan,
        mode=mode,
        n_trials=trials,
    )


def _never(common: dict, mode: str, trials: int) -> RepeaterChain:
    """A chain whose links never herald a pair (no light gets through)."""
    return RepeaterChain(
        **common,
        mean_time_s=math.inf,
        rate_pairs_per_s=0.0,
        mean_storage_s=0.0,
        fidelity=math.nan,
        fidelity_error=0.0,
        time_error=0.0,
        mode=mode,
        n_trials=0 if mode == "analytic" else trials,
    )


def _storage_factor(seconds: float, t2_s: float) -> float:
    """Factor on the Werner parameter of a pair whose two qubits wait ``seconds``, then twirled."""
    return (1 + 2 * math.exp(-2 * seconds / t2_s)) / 3


@functools.lru_cache(maxsize=4096)
def _expected_max_and_storage(p: float, n: int, kappa: float) -> tuple[float, float]:
    """``E[M]`` and ``E[prod_i g(M - N_i)]`` for ``n`` geometric attempt counts ``N_i`` (success ``p``).

    ``M = max N_i``; ``g(s) = (1 + 2 r^s)/3`` with ``r = exp(-kappa)`` is the storage factor of a
    pair that waits ``s`` attempts (``kappa = 2 tau / T2``). With ``q = 1 - p``, conditioning on
    ``M = m``: ``E[prod g ; M = m] = G_m^n - (G_m - p q^(m-1))^n`` where
    ``G_m = sum_{k<=m} p q^(k-1) g(m - k)`` has a closed form.
    """
    q = 1.0 - p
    cutoff = math.log(_TAIL / n) / math.log1p(-p) if p < 1 else 1.0
    if cutoff > _EXACT_SUM_LIMIT:
        return _exponential_limit(p, n, kappa)
    m = np.arange(1, int(math.ceil(cutoff)) + 2, dtype=float)
    qm = q**m
    attempts = float(np.sum(-np.expm1(n * np.log1p(-qm))) + 1.0)  # sum_{m>=0} P(M > m)
    r = math.exp(-kappa)
    if abs(r - q) < 1e-12:
        geometric = m * q ** (m - 1)
    else:
        geometric = (r**m - qm) / (r - q)  # sum_{k=1..m} q^(k-1) r^(m-k)
    big_g = (1 - qm) / 3 + 2 * p / 3 * geometric
    last = p * q ** (m - 1)  # the segment that succeeds at attempt m waits for nothing: g(0) = 1
    share = np.minimum(last / big_g, 1.0)  # exactly 1 at m = 1, where G_1 = p
    with np.errstate(divide="ignore"):
        terms = big_g**n * -np.expm1(n * np.log1p(-share))
    return attempts, float(np.sum(terms))


def _exponential_limit(p: float, n: int, kappa: float) -> tuple[float, float]:
    """The same for exponential waiting times of rate ``lambda = -ln(1 - p)`` per attempt."""
    lam = -math.log1p(-p)
    attempts = sum(1 / k for k in range(1, n + 1)) / lam + 0.5

    def inner(x: float) -> float:  # int_0^x g(x - y) lam exp(-lam y) dy
        if abs(kappa - lam) < 1e-12 * lam:
            mixed = lam * x * math.exp(-lam * x)
        else:
            mixed = lam * (math.exp(-lam * x) - math.exp(-kappa * x)) / (kappa - lam)
        return -math.expm1(-lam * x) / 3 + 2 / 3 * mixed

    def density(u: float) -> float:  # u = lam x: n exp(-u) inner(x)^(n - 1)
        return n * math.exp(-u) * inner(u / lam) ** (n - 1)

    product, _ = integrate.quad(density, 0.0, math.inf, limit=200)
    return attempts, float(product)


def _sample(g, trials, p, n, tau, t2, w_link, classical, after_messages):
    """Sampled end-to-end pairs: their times, fidelities, and the mean storage time of a segment."""
    from tqdm.auto import tqdm

    times, fidelities, storage = [], [], 0.0
    start, bar, done = time.perf_counter(), None, 0
    try:
        while done < trials:
            size = min(_CHUNK, trials - done)
            # geometric attempt counts by inversion, in floats: no overflow at p ~ 1e-20
            attempts = np.floor(np.log1p(-g.random((size, n))) / math.log1p(-p)) + 1
            last = attempts.max(axis=1)
            waits = (last[:, None] - attempts) * tau
            factors = np.prod((1 + 2 * np.exp(-2 * waits / t2)) / 3, axis=1)
            w = w_link**n * factors * after_messages
            times.append(last * tau + classical)
            fidelities.append((1 + 3 * w) / 4)
            storage += float(waits.sum()) / n
            done += size
            if (
                bar is None
                and done < trials
                and time.perf_counter() - start > _PROGRESS_AFTER_S * done / trials
            ):
                bar = tqdm(total=trials, initial=done, desc="repeater chain", unit="pair")
            elif bar is not None:
                bar.update(size)
    finally:
        if bar is not None:
            bar.close()
    return np.concatenate(times), np.concatenate(fidelities), storage / trials


# -- key ------------------------------------------------------------------------------------------------
def repeater_key_rate(chain: RepeaterChain) -> float:
    """Secret bits per second from the chain's pairs (entanglement-based BB84, BBM92).

    Both bases see the error rate ``e = 2(1 - F)/3`` of a Werner pair; half the pairs are
    measured in matching bases, and each keeps ``1 - 2 h2(e)`` secret bits (Shor & Preskill,
    PRL 85, 441, 2000): zero when ``e`` is above 11 %, that is ``F`` below about 0.83.
    """
    if not isinstance(chain, RepeaterChain):
        raise InvalidTypeError("chain", chain, "a RepeaterChain from repeater_chain")
    if not chain.rate_pairs_per_s > 0 or math.isnan(chain.fidelity):
        return 0.0
    e = 2 * (1 - chain.fidelity) / 3
    return float(chain.rate_pairs_per_s / 2 * max(0.0, 1 - 2 * binary_entropy(e)))


def repeater_key_rates(distances_km, **settings) -> np.ndarray:
    """:func:`repeater_key_rate` of ``repeater_chain(d, **settings)`` for each distance ``d`` (analytic)."""
    distances = np.asarray(distances_km, dtype=float)
    rates = [repeater_key_rate(repeater_chain(float(d), **settings)) for d in distances.ravel()]
    return np.array(rates).reshape(distances.shape)
