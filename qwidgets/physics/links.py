"""Links: how much light survives a fibre, how much key it carries, and how far.

Attenuation in decibels adds up along a fibre, so the transmittance falls exponentially with its
length: ``eta = 10 ** (-alpha L / 10)``. Standard telecom fibre at 1550 nm loses about
``alpha = 0.2 dB/km`` (Pirandola et al., "Advances in quantum cryptography", Adv. Opt. Photon. 12,
1012, 2020, section 2).

Sources of the key rates:

- The repeaterless bound: no point-to-point protocol over a pure-loss channel of transmittance
  ``eta`` distils more than ``-log2(1 - eta)`` secret bits per channel use, about ``1.44 eta`` at
  high loss (Pirandola, Laurenza, Ottaviani & Banchi, "Fundamental limits of repeaterless quantum
  communications", Nat. Commun. 8, 15043, 2017; the PLOB bound).
- BB84 with weak laser pulses and infinitely many decoy intensities: the GLLP rate (Gottesman,
  Lo, Lütkenhaus & Preskill, Quantum Inf. Comput. 4, 325, 2004) with the single-photon gain and
  error rate the decoys reveal (Lo, Ma & Chen, "Decoy state quantum key distribution", PRL 94,
  230504, 2005, whose channel model is used here)::

      R = q { -Q_mu f h2(E_mu) + Q_1 [1 - h2(e_1)] },   q = 1/2 (sifting)
      eta = eta_det 10^(-alpha L / 10),   Y_0 = dark-count probability,   e_0 = 1/2
      Q_mu = Y_0 + 1 - exp(-eta mu),      E_mu Q_mu = e_0 Y_0 + e_d (1 - exp(-eta mu))
      Y_1 = Y_0 + eta,   Q_1 = Y_1 mu exp(-mu),   e_1 = (e_0 Y_0 + e_d eta) / Y_1

- An ideal single-photon source with the same detector: ``Q = Y_1``, ``E = e_1`` and the
  Shor-Preskill rate with an error-correction inefficiency ``f``, ``R = q Q [1 - f h2(E) -
  h2(E)]`` (Shor & Preskill, PRL 85, 441, 2000).

Both rates are set to exactly 0 where the formula turns negative: beyond that distance the dark
counts win and no key survives.

The default detector is that of Gobby, Yuan & Shields' 122 km experiment ("GYS": Appl. Phys.
Lett. 84, 3762, 2004) as Lo, Ma & Chen model it: Bob's efficiency ``eta_det = 4.5 %``, dark counts
``Y_0 = 1.7e-6`` per pulse, misalignment ``e_d = 3.3 %``, a 2 MHz clock; their fibre lost 0.21
dB/km (pass ``attenuation_db_per_km=0.21`` to follow them), the default here is the standard 0.2
dB/km of this module. The default ``mu = 0.5`` maximises the decoy rate of this link to within
0.02 % up to 100 km; ``f = 1.16`` is a commonly assumed practical error correction (1 is the
Shannon limit).

Trusted nodes: a chain of relays each running its own QKD link passes the key on hop by hop, each
hop encrypted with a one-time pad from the next link's key, so the end-to-end rate is that of the
slowest hop and every relay learns the key (as the Micius satellite did between China and
Austria: Liao et al., "Satellite-relayed intercontinental quantum network", PRL 120, 030501,
2018).
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import optimize, special

from qwidgets import validation
from qwidgets.errors import InvalidTypeError, InvalidValueError, UnknownKeywordError

__all__ = [
    "FIBER_ATTENUATION_DB_PER_KM",
    "MAX_TRUSTED_NODES",
    "SOURCES",
    "TrustedChain",
    "bb84_key_rate",
    "bb84_key_rates",
    "bb84_key_rates_at_loss",
    "dark_count_error",
    "fiber_transmittance",
    "loss_db",
    "max_distance_km",
    "plob_bound",
    "relay_chain",
    "trusted_node_chain",
]

FIBER_ATTENUATION_DB_PER_KM = 0.2
"""Attenuation of standard telecom fibre at 1550 nm."""
SOURCES: tuple[str, ...] = ("decoy", "single-photon")
"""Sources :func:`bb84_key_rate` knows: weak laser pulses with decoys, or ideal single photons."""
MAX_TRUSTED_NODES = 100
"""Most trusted relay nodes :func:`trusted_node_chain` places on one line."""

_SIFTING = 0.5  # q: half the detections survive the basis comparison
_DARK_ERROR = 0.5  # e_0: a dark count is a coin toss
_MAX_LOSS_DB = 2000.0  # max_distance_km gives up beyond this loss (eta >= 1e-211: no underflow)
_LOSS_TOLERANCE_DB = 1e-9  # precision of max_distance_km on the loss


def _binary_entropies(p: np.ndarray) -> np.ndarray:
    """:func:`~qwidgets.physics.keyrate.binary_entropy` of every element, vectorised (0 at 0 and 1)."""
    return (special.entr(p) + special.entr(1.0 - p)) / math.log(2.0)


def fiber_transmittance(
    length_km: float, attenuation_db_per_km: float = FIBER_ATTENUATION_DB_PER_KM
) -> float:
    """Share of the photons that cross ``length_km`` of fibre: ``10 ** (-alpha L / 10)``.

    Parameters
    ----------
    length_km : float
        Fibre length in km, zero or more.
    attenuation_db_per_km : float
        Loss in dB/km, from 0 to 10.
    """
    length_km = validation.length_km("length_km", length_km)
    alpha = _attenuation(attenuation_db_per_km)
    return 10.0 ** (-alpha * length_km / 10.0)


def loss_db(transmittance: float) -> float:
    """The loss in dB of a channel that lets through ``transmittance`` of the light: ``-10 log10(eta)``.

    Parameters
    ----------
    transmittance : float
        Share of the light that arrives, greater than 0 and at most 1.
    """
    eta = validation.real("transmittance", transmittance, low=0.0, high=1.0, low_open=True)
    return -10.0 * math.log10(eta)


def plob_bound(transmittance: float) -> float:
    """The repeaterless secret-key capacity of a pure-loss channel, ``-log2(1 - eta)``.

    Pirandola, Laurenza, Ottaviani & Banchi, Nat. Commun. 8, 15043 (2017): no protocol without a
    quantum repeater beats it, whatever the source and detectors. Computed with ``log1p``, so it
    stays exact at high loss, where it tends to ``eta / ln 2 ~ 1.44 eta`` (1000 km of fibre,
    ``eta = 1e-20``: 1.44e-20, not 0).

    Parameters
    ----------
    transmittance : float
        Channel transmittance ``eta``, from 0 to 1.

    Returns
    -------
    float
        Secret bits per channel use (``inf`` for a lossless channel).
    """
    eta = validation.probability("transmittance", transmittance)
    if eta == 1.0:
        return math.inf
    return -math.log1p(-eta) / math.log(2.0)


@dataclass(frozen=True)
class _Link:
    """Validated parameters of a BB84 link (see :func:`bb84_key_rates`)."""

    source: str
    mean_photon_number: float
    detector_efficiency: float
    dark_count_probability: float
    misalignment: float
    error_correction_efficiency: float
    repetition_rate_hz: float
    attenuation_db_per_km: float

    def formula_bits_per_pulse(self, loss_db: np.ndarray) -> np.ndarray:
        """The rate formula per pulse after ``loss_db`` of channel loss, negative where no key is left."""
        eta = self.detector_efficiency * 10.0 ** (-loss_db / 10.0)
        y0, e_d, f = self.dark_count_probability, self.misalignment, self.error_correction_efficiency
        y1 = y0 + eta
        e1 = np.divide(_DARK_ERROR * y0 + e_d * eta, y1, out=np.full_like(y1, 0.5), where=y1 > 0)
        h_e1 = _binary_entropies(e1)
        if self.source == "single-photon":
            return _SIFTING * y1 * (1.0 - f * h_e1 - h_e1)
        mu = self.mean_photon_number
        signal = -np.expm1(-eta * mu)  # 1 - exp(-eta mu), exact at high loss
        gain = y0 + signal
        qber = np.divide(_DARK_ERROR * y0 + e_d * signal, gain, out=np.full_like(gain, 0.5), where=gain > 0)
        single_gain = y1 * mu * math.exp(-mu)
        return _SIFTING * (-gain * f * _binary_entropies(qber) + single_gain * (1.0 - h_e1))

    def bits_per_pulse(self, loss_db: np.ndarray) -> np.ndarray:
        """Secret bits per pulse after ``loss_db`` of channel loss: the formula, exactly 0 where negative."""
        return np.maximum(self.formula_bits_per_pulse(loss_db), 0.0)


def _attenuation(value: object) -> float:
    return validation.real("attenuation_db_per_km", value, low=0.0, high=10.0, unit="dB/km")


def _link(
    source: object,
    mean_photon_number: object,
    detector_efficiency: object,
    dark_count_probability: object,
    misalignment: object,
    error_correction_efficiency: object,
    repetition_rate_hz: object,
    attenuation_db_per_km: object,
) -> _Link:
    return _Link(
        source=validation.choice("source", source, SOURCES),
        mean_photon_number=validation.real("mean_photon_number", mean_photon_number, low=0.0, high=1.0),
        detector_efficiency=validation.real("detector_efficiency", detector_efficiency, low=1e-6, high=1.0),
        dark_count_probability=validation.probability("dark_count_probability", dark_count_probability),
        misalignment=validation.real("misalignment", misalignment, low=0.0, high=0.5),
        error_correction_efficiency=validation.real(
            "error_correction_efficiency", error_correction_efficiency, low=1.0, high=3.0
        ),
        repetition_rate_hz=validation.real(
            "repetition_rate_hz", repetition_rate_hz, low=0.0, high=1e12, low_open=True, unit="Hz"
        ),
        attenuation_db_per_km=_attenuation(attenuation_db_per_km),
    )


def _lengths_km(name: str, value: object) -> np.ndarray:
    """Return ``value`` as a float array of lengths in km (finite, zero or more), or raise."""
    allowed = "an array of numbers, each finite and at least 0"
    try:
        array = np.asarray(value)
    except ValueError:  # a ragged nesting of lists
        raise InvalidTypeError(name, value, allowed, "km") from None
    if array.dtype.kind not in "iuf":  # not bools, text, complex numbers or objects
        raise InvalidTypeError(name, value, allowed, "km")
    lengths = array.astype(float)  # an integer too large for a float becomes inf
    if not np.all(np.isfinite(lengths)) or np.any(lengths < 0):
        raise InvalidValueError(name, value, allowed, "km")
    return lengths


def bb84_key_rates(
    lengths_km: np.ndarray,
    *,
    source: str = "decoy",
    mean_photon_number: float = 0.5,
    detector_efficiency: float = 0.045,
    dark_count_probability: float = 1.7e-6,
    misalignment: float = 0.033,
    error_correction_efficiency: float = 1.16,
    repetition_rate_hz: float = 2e6,
    attenuation_db_per_km: float = FIBER_ATTENUATION_DB_PER_KM,
) -> np.ndarray:
    """Secret-key rates of BB84 over fibres of the given lengths, in bits per second.

    The GLLP rate with infinitely many decoys (``source="decoy"``) or the Shor-Preskill rate of an
    ideal single-photon source (``"single-photon"``), both with the channel model of Lo, Ma & Chen
    (PRL 94, 230504, 2005); formulas and sources in the module docstring. Defaults: the GYS
    detector as modelled by Lo, Ma & Chen, on 0.2 dB/km fibre. Vectorised: one call computes a
    whole curve.

    Parameters
    ----------
    lengths_km : array_like
        Fibre lengths in km, each finite and zero or more.
    source : {"decoy", "single-photon"}
        Weak laser pulses with decoy states, or an ideal single-photon source.
    mean_photon_number : float
        Mean photons per signal pulse ``mu`` (decoy source only), from 0 to 1.
    detector_efficiency : float
        Bob's overall efficiency ``eta_det`` (optics and detectors), from 1e-6 to 1.
    dark_count_probability : float
        Background yield ``Y_0``: probability of a click without a photon, per pulse, 0 to 1.
    misalignment : float
        Probability ``e_d`` that a photon hits the wrong detector, from 0 to 0.5.
    error_correction_efficiency : float
        Error-correction inefficiency ``f`` (1 at the Shannon limit), from 1 to 3.
    repetition_rate_hz : float
        Pulses per second, greater than 0 and at most 1e12 Hz.
    attenuation_db_per_km : float
        Fibre loss in dB/km, from 0 to 10.

    Returns
    -------
    numpy.ndarray
        Secret bits per second, one per length; exactly 0 where no key survives.
    """
    lengths = _lengths_km("lengths_km", lengths_km)
    link = _link(
        source,
        mean_photon_number,
        detector_efficiency,
        dark_count_probability,
        misalignment,
        error_correction_efficiency,
        repetition_rate_hz,
        attenuation_db_per_km,
    )
    return link.repetition_rate_hz * link.bits_per_pulse(link.attenuation_db_per_km * lengths)


def bb84_key_rates_at_loss(losses_db: np.ndarray, **link: object) -> np.ndarray:
    """Secret-key rates of BB84 after the given channel losses in dB (a satellite link, say).

    :func:`bb84_key_rates` with the channel given by its loss instead of a fibre length; the
    keywords ``link`` are those of :func:`bb84_key_rates` (``attenuation_db_per_km`` plays no
    part here).
    """
    losses = _lengths_km("losses_db", losses_db)  # the same check: finite and zero or more
    for keyword in link:
        if keyword not in _LINK_KEYWORDS:
            raise UnknownKeywordError("bb84_key_rates_at_loss", keyword, _LINK_KEYWORDS)
    parameters = {**dict(zip(_LINK_KEYWORDS, _LINK_DEFAULTS)), **link}
    chosen = _link(*(parameters[k] for k in _LINK_KEYWORDS))
    return chosen.repetition_rate_hz * chosen.bits_per_pulse(losses)


def bb84_key_rate(
    length_km: float,
    *,
    source: str = "decoy",
    mean_photon_number: float = 0.5,
    detector_efficiency: float = 0.045,
    dark_count_probability: float = 1.7e-6,
    misalignment: float = 0.033,
    error_correction_efficiency: float = 1.16,
    repetition_rate_hz: float = 2e6,
    attenuation_db_per_km: float = FIBER_ATTENUATION_DB_PER_KM,
) -> float:
    """Secret-key rate of BB84 over ``length_km`` of fibre, in bits per second.

    :func:`bb84_key_rates` for one length (same keywords, defaults and sources).

    Parameters
    ----------
    length_km : float
        Fibre length in km, zero or more.
    """
    length_km = validation.length_km("length_km", length_km)
    link = _link(
        source,
        mean_photon_number,
        detector_efficiency,
        dark_count_probability,
        misalignment,
        error_correction_efficiency,
        repetition_rate_hz,
        attenuation_db_per_km,
    )
    loss_db = np.array([link.attenuation_db_per_km * length_km])
    return float(link.repetition_rate_hz * link.bits_per_pulse(loss_db)[0])


_LINK_KEYWORDS = tuple(inspect.signature(bb84_key_rate).parameters)[1:]  # all but length_km
_LINK_DEFAULTS = tuple(p.default for p in list(inspect.signature(bb84_key_rate).parameters.values())[1:])


def dark_count_error(
    loss_db: float, *, detector_efficiency: float = 0.045, dark_count_probability: float = 1.7e-6
) -> float:
    """Error rate that dark counts add to single photons after ``loss_db`` of channel loss.

    The dark-count part of the single-photon error ``e_1 = (e_0 Y_0 + e_d eta) / (Y_0 + eta)`` of
    Lo, Ma & Chen (PRL 94, 230504, 2005), ``e_0 Y_0 / (Y_0 + eta)`` with ``eta = eta_det
    10^(-loss/10)``: the share of clicks that are coin tosses. It grows from almost 0 to 1/2 as
    the signal sinks below the dark counts; the rest of ``e_1``, the misalignment ``e_d``, belongs
    to the measurement. Defaults: the GYS detector of :func:`bb84_key_rates`.

    Parameters
    ----------
    loss_db : float
        Channel loss in dB, zero or more.
    detector_efficiency : float
        The detector's efficiency ``eta_det``, from 1e-6 to 1.
    dark_count_probability : float
        Probability ``Y_0`` of a click without a photon, per pulse, 0 to 1.
    """
    loss = validation.real("loss_db", loss_db, low=0.0, unit="dB")
    eta_det = validation.real("detector_efficiency", detector_efficiency, low=1e-6, high=1.0)
    y0 = validation.probability("dark_count_probability", dark_count_probability)
    eta = eta_det * 10.0 ** (-loss / 10.0)
    return _DARK_ERROR * y0 / (y0 + eta) if y0 + eta > 0 else _DARK_ERROR


def max_distance_km(
    *,
    source: str = "decoy",
    mean_photon_number: float = 0.5,
    detector_efficiency: float = 0.045,
    dark_count_probability: float = 1.7e-6,
    misalignment: float = 0.033,
    error_correction_efficiency: float = 1.16,
    repetition_rate_hz: float = 2e6,
    attenuation_db_per_km: float = FIBER_ATTENUATION_DB_PER_KM,
) -> float:
    """The fibre length at which the key rate of :func:`bb84_key_rate` reaches zero, in km.

    With ``mu <= 1`` and ``e_d <= 1/2`` the rate falls with the channel loss and reaches zero
    once (every term of ``R / Q_1`` falls as the loss grows), so the loss in dB at which the rate
    formula changes sign is bracketed by doubling (1, 2, 4, ... dB) and found by Brent's
    bisection-safeguarded method to 1e-9 dB.

    Parameters
    ----------
    source, mean_photon_number, detector_efficiency, dark_count_probability, misalignment, \
error_correction_efficiency, repetition_rate_hz, attenuation_db_per_km
        As for :func:`bb84_key_rates`.

    Returns
    -------
    float
        The distance in km: 0 if there is no key even at 0 km, ``inf`` if the key never runs out
        (no dark counts, or a lossless fibre) up to 2000 dB of loss.
    """
    link = _link(
        source,
        mean_photon_number,
        detector_efficiency,
        dark_count_probability,
        misalignment,
        error_correction_efficiency,
        repetition_rate_hz,
        attenuation_db_per_km,
    )

    def formula(loss_db: float) -> float:
        return float(link.formula_bits_per_pulse(np.array([loss_db]))[0])

    if formula(0.0) <= 0.0:
        return 0.0
    if link.attenuation_db_per_km == 0.0:
        return math.inf
    low, high = 0.0, 1.0
    while formula(high) > 0.0:
        if high >= _MAX_LOSS_DB:
            return math.inf
        low, high = high, 2.0 * high
    root_db = optimize.brentq(formula, low, high, xtol=_LOSS_TOLERANCE_DB, rtol=4 * np.finfo(float).eps)
    return root_db / link.attenuation_db_per_km


@dataclass(frozen=True)
class TrustedChain:
    """A line split by trusted relay nodes into equal QKD links.

    Attributes
    ----------
    segment_length_km : float
        Length of each link.
    segment_rates_bits_per_s : tuple of float
        Secret-key rate of each link, from Alice's end to Bob's.
    rate_bits_per_s : float
        End-to-end rate: the slowest link's (the key is relayed hop by hop, one-time padded).
    who_knows : tuple of str
        Everyone who holds the final key: Alice, every relay ("node 1", "node 2", ...) and Bob.
    """

    segment_length_km: float
    segment_rates_bits_per_s: tuple[float, ...]
    rate_bits_per_s: float
    who_knows: tuple[str, ...]


def trusted_node_chain(length_km: float, n_nodes: int, **link: object) -> TrustedChain:
    """Split ``length_km`` of fibre with ``n_nodes`` trusted relays into ``n_nodes + 1`` equal links.

    Each link runs its own BB84 (:func:`bb84_key_rate` with the keywords ``link``); each relay
    decrypts the key it received and re-encrypts it with the next link's key as a one-time pad,
    so the key reaches Bob at the rate of the slowest link, and every relay knows it (module
    docstring).

    Parameters
    ----------
    length_km : float
        Length of the whole line in km, zero or more.
    n_nodes : int
        Trusted relays, from 0 (a direct link) to :data:`MAX_TRUSTED_NODES`.
    **link
        Keywords of :func:`bb84_key_rate` (``source``, ``mean_photon_number``, ...).

    Raises
    ------
    UnknownKeywordError
        For a keyword :func:`bb84_key_rate` does not take.
    """
    length_km = validation.length_km("length_km", length_km)
    n_nodes = validation.integer("n_nodes", n_nodes, low=0, high=MAX_TRUSTED_NODES)
    return relay_chain((length_km / (n_nodes + 1),) * (n_nodes + 1), **link)


def relay_chain(segment_lengths_km: Sequence[float], **link: object) -> TrustedChain:
    """A line of trusted relays with links of the given lengths, from Alice's end to Bob's.

    As :func:`trusted_node_chain`, but the links may differ: the end-to-end rate is the slowest
    link's, wherever it is. ``segment_length_km`` of the result is the longest link.

    Parameters
    ----------
    segment_lengths_km : sequence of float
        Length of each link in km, from 1 to ``MAX_TRUSTED_NODES + 1`` links.
    **link
        Keywords of :func:`bb84_key_rate`.
    """
    lengths = _lengths_km("segment_lengths_km", segment_lengths_km).ravel()
    if not 1 <= len(lengths) <= MAX_TRUSTED_NODES + 1:
        raise InvalidValueError(
            "segment_lengths_km", segment_lengths_km, f"from 1 to {MAX_TRUSTED_NODES + 1} link lengths", "km"
        )
    for keyword in link:
        if keyword not in _LINK_KEYWORDS:
            raise UnknownKeywordError("relay_chain", keyword, _LINK_KEYWORDS)
    rates = tuple(float(r) for r in bb84_key_rates(lengths, **link))
    relays = tuple(f"node {k}" for k in range(1, len(lengths)))
    return TrustedChain(
        segment_length_km=float(lengths.max()),
        segment_rates_bits_per_s=rates,
        rate_bits_per_s=min(rates),
        who_knows=("Alice", *relays, "Bob"),
    )
