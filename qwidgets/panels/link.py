"""LinkPanel: how a secret-key rate falls with distance, and what trusted nodes and satellites buy.

Stage 1 of the Delft roadmap (Wehner, Elkouss & Hanson, Science 362, eaam9288, 2018) is
prepare-and-measure QKD between two end nodes; its reach is set by loss. The panel draws, on a
log scale against distance, every rate :mod:`qwidgets.physics.links` and
:mod:`qwidgets.physics.satellites` compute: BB84 with an ideal single-photon source and with
weak pulses and decoys, the repeaterless PLOB bound, a chain of trusted nodes (stage 0), and a
satellite relaying the key from above the midpoint (Micius, Liao et al., PRL 120, 030501, 2018),
and a quantum repeater chain (stage 3, :mod:`qwidgets.physics.repeaters`) whose pairs give a key
that nobody in between holds.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType
from typing import ClassVar

import numpy as np
from scipy import optimize

from qwidgets.panels.base import Panel
from qwidgets.panels.parameters import Choice, Integer, Number
from qwidgets.panels.summary import count_text, distance_text, rate_text
from qwidgets.panels.tables import HtmlTable, TableCell, TablePicture, TableRow
from qwidgets.physics import (
    EARTH_RADIUS_KM,
    MICIUS_ALTITUDE_KM,
    bb84_key_rates,
    bb84_key_rates_at_loss,
    fiber_transmittance,
    loss_db,
    max_distance_km,
    midpoint_downlinks,
    plob_bound,
    repeater_key_rates,
    satellite_transmittance,
)
from qwidgets.plots import ChartPicture, Curve, LineChart, Marker

__all__ = [
    "EQUIPMENT",
    "REPEATER_SETTINGS",
    "Equipment",
    "LinkPanel",
    "LinkReading",
    "LinkSettings",
    "RateCurve",
    "RateReading",
]

MAX_DISTANCE_KM = 1000.0
"""The far end of the panel's distance axis."""
_SAMPLES = 201  # points per curve across the axis (every 5 km), plus more where a curve dies
_RATE_RANGE = (1e-2, 1e10)  # bits per second shown on the log axis
_HORIZON_KM = 2 * EARTH_RADIUS_KM * math.acos(EARTH_RADIUS_KM / (EARTH_RADIUS_KM + MICIUS_ALTITUDE_KM))


@dataclass(frozen=True)
class Equipment:
    """Bob's detectors and Alice's clock: the hardware keywords of :func:`~qwidgets.physics.bb84_key_rates`.

    Attributes
    ----------
    name : str
        What the detectors are, e.g. ``"superconducting"``.
    detector_efficiency : float
        Bob's overall efficiency.
    dark_count_probability : float
        Probability of a click without a photon, per pulse.
    misalignment : float
        Probability that a photon hits the wrong detector.
    repetition_rate_hz : float
        Pulses per second.
    """

    name: str
    detector_efficiency: float
    dark_count_probability: float
    misalignment: float
    repetition_rate_hz: float


EQUIPMENT = MappingProxyType(
    {
        "2004": Equipment("2004 InGaAs", 0.045, 1.7e-6, 0.033, 2e6),
        "superconducting": Equipment("superconducting", 0.6, 1e-9, 0.01, 2.5e9),
    }
)
"""The hardware the panel offers.

``"2004"``: the InGaAs avalanche photodiodes and 2 MHz clock of Gobby, Yuan & Shields (Appl.
Phys. Lett. 84, 3762, 2004) as Lo, Ma & Chen model them (PRL 94, 230504, 2005): the defaults of
:mod:`qwidgets.physics.links`. ``"superconducting"``: round, illustrative numbers for
superconducting nanowire detectors (60 % efficiency, 1e-9 dark counts per pulse, 1 %
misalignment) and a 2.5 GHz clock, the kind of system with which Boaron et al. distributed keys
over 421 km of ultralow-loss fibre (PRL 121, 190502, 2018); not their exact parameters."""


@dataclass(frozen=True)
class LinkSettings:
    """Everything a rate curve depends on besides the distance."""

    n_nodes: int
    mean_photon_number: float
    attenuation_db_per_km: float
    equipment: Equipment

    def link(self, source: str = "decoy") -> dict[str, object]:
        """The keywords of :func:`~qwidgets.physics.bb84_key_rates` for ``source``."""
        keywords = {
            "source": source,
            "attenuation_db_per_km": self.attenuation_db_per_km,
            "detector_efficiency": self.equipment.detector_efficiency,
            "dark_count_probability": self.equipment.dark_count_probability,
            "misalignment": self.equipment.misalignment,
            "repetition_rate_hz": self.equipment.repetition_rate_hz,
        }
        if source == "decoy":
            keywords["mean_photon_number"] = self.mean_photon_number
        return keywords


@dataclass(frozen=True)
class RateCurve:
    """One way of getting a key across a distance: its rate at every distance, and where it ends.

    Attributes
    ----------
    label : str
        Name in the legend and the table.
    color, style, symbol : str
        Line colour (a palette or role name), line style, and the marker at the cursor.
    rates : callable
        ``rates(distances_km, settings)``: secret bits per second at each distance (0: no key).
    reach_km : callable
        ``reach_km(settings)``: the distance beyond which the rate is 0 (``inf``: never).
    who_knows : str
        Who holds the key, besides Alice and Bob.
    """

    label: str
    color: str
    style: str
    symbol: str
    rates: Callable[[np.ndarray, LinkSettings], np.ndarray]
    reach_km: Callable[[LinkSettings], float]
    who_knows: str = "nobody else"


def _plob_rates(distances: np.ndarray, settings: LinkSettings) -> np.ndarray:
    per_use = [plob_bound(fiber_transmittance(d, settings.attenuation_db_per_km)) for d in distances]
    return settings.equipment.repetition_rate_hz * np.asarray(per_use)


def _trusted_rates(distances: np.ndarray, settings: LinkSettings) -> np.ndarray:
    return bb84_key_rates(distances / (settings.n_nodes + 1), **settings.link())


def _downlink_loss_db(ground_distance_km: float) -> float:
    return loss_db(satellite_transmittance(midpoint_downlinks(ground_distance_km).range_km))


def _satellite_rates(distances: np.ndarray, settings: LinkSettings) -> np.ndarray:
    losses = np.array([_downlink_loss_db(d) for d in distances])
    return bb84_key_rates_at_loss(losses, **{**settings.link(), "attenuation_db_per_km": 1.0})


def _satellite_reach(settings: LinkSettings) -> float:
    """Where the downlinks' loss reaches the most a decoy link tolerates (both grow with distance)."""
    tolerated_db = max_distance_km(**{**settings.link(), "attenuation_db_per_km": 1.0})  # 1 km = 1 dB
    if _downlink_loss_db(0.0) >= tolerated_db:
        return 0.0
    if _downlink_loss_db(_HORIZON_KM) <= tolerated_db:
        return _HORIZON_KM
    return optimize.brentq(lambda d: _downlink_loss_db(d) - tolerated_db, 0.0, _HORIZON_KM, xtol=1e-6)


REPEATER_SETTINGS = MappingProxyType(
    {"n_segments": 8, "memory_t2_s": 10.0, "purification_rounds": 1, "link_fidelity": 0.98}
)
"""The fixed repeater of the "quantum repeater" curve (:func:`~qwidgets.physics.repeater_key_rates`):
8 heralded segments, memories of T2 = 10 s, fresh pairs of fidelity 0.98 purified once (DEJMPS),
herald detectors of 90 % efficiency; the fibre is the panel's. Illustrative numbers, chosen so that
the chain beats the PLOB bound times either clock rate from a few hundred km on."""
_REACH_TOLERANCE_KM = 0.01


def _repeater_key_rates(distances_km: object, attenuation_db_per_km: float) -> np.ndarray:
    return repeater_key_rates(distances_km, attenuation_db_per_km=attenuation_db_per_km, **REPEATER_SETTINGS)


@functools.lru_cache(maxsize=64)
def _repeater_curve(distances_km: tuple[float, ...], attenuation_db_per_km: float) -> np.ndarray:
    """The rates across the axis (cached: moving the cursor does not compute the curve again)."""
    rates = _repeater_key_rates(distances_km, attenuation_db_per_km)
    rates.setflags(write=False)
    return rates


def _repeater_rates(distances: np.ndarray, settings: LinkSettings) -> np.ndarray:
    alpha = settings.attenuation_db_per_km
    if len(distances) == 1:  # the cursor: one chain, not worth a place among the cached curves
        return _repeater_key_rates(distances, alpha)
    return _repeater_curve(tuple(map(float, distances)), alpha)


@functools.lru_cache(maxsize=64)
def _repeater_reach_cached(attenuation_db_per_km: float) -> float:
    """Where the repeater's key dies (its fidelity falls below the key's threshold), by bisection."""

    def has_key(d: float) -> bool:
        return _repeater_key_rates([d], attenuation_db_per_km)[0] > 0

    low, high = 0.0, MAX_DISTANCE_KM
    if not has_key(low):
        return 0.0
    while has_key(high):
        low, high = high, 2 * high
    while high - low > _REACH_TOLERANCE_KM:
        middle = (low + high) / 2
        low, high = (middle, high) if has_key(middle) else (low, middle)
    return low


def _repeater_reach(settings: LinkSettings) -> float:
    return _repeater_reach_cached(settings.attenuation_db_per_km)


CURVES: tuple[RateCurve, ...] = (
    RateCurve("repeaterless bound (PLOB)", "black", "--", "D", _plob_rates, lambda s: math.inf, "–"),
    RateCurve(
        "single photons",
        "sky_blue",
        ":",
        "s",
        lambda d, s: bb84_key_rates(d, **s.link("single-photon")),
        lambda s: max_distance_km(**s.link("single-photon")),
    ),
    RateCurve(
        "weak pulses + decoys",
        "blue",
        "-",
        "o",
        lambda d, s: bb84_key_rates(d, **s.link()),
        lambda s: max_distance_km(**s.link()),
    ),
    RateCurve(
        "trusted nodes",
        "orange",
        "-.",
        "^",
        _trusted_rates,
        lambda s: (s.n_nodes + 1) * max_distance_km(**s.link()),
        "every node",
    ),
    RateCurve(
        "satellite relay",
        "green",
        "-",
        "v",
        _satellite_rates,
        _satellite_reach,
        "the satellite",
    ),
    RateCurve(
        "quantum repeater (T₂ 10 s)",
        "purple",
        "-",
        "P",
        _repeater_rates,
        _repeater_reach,
        "nobody in between",
    ),
)
"""The curves of :class:`LinkPanel`, in legend order."""


@dataclass(frozen=True)
class RateReading:
    """One curve, sampled across the axis, read at the cursor, and where it dies.

    Attributes
    ----------
    label : str
        The curve's label (:attr:`RateCurve.label`).
    distances_km, rates_bits_per_s : tuple of float
        The points drawn: only those with a finite rate above zero (a log axis shows no others).
    rate_bits_per_s : float
        The rate at the cursor (0: no key; ``inf``: the bound of a lossless channel).
    reach_km : float
        The distance beyond which the rate is 0 (``inf``: never).
    """

    label: str
    distances_km: tuple[float, ...]
    rates_bits_per_s: tuple[float, ...]
    rate_bits_per_s: float
    reach_km: float


@dataclass(frozen=True)
class LinkReading:
    """What a :class:`LinkPanel` shows: the cursor, the fibre's loss there and every curve."""

    distance_km: float
    settings: LinkSettings
    transmittance: float
    curves: tuple[RateReading, ...]

    @property
    def loss_db(self) -> float:
        """Fibre loss up to the cursor, in dB."""
        return self.settings.attenuation_db_per_km * self.distance_km

    def reading(self, label: str) -> RateReading:
        """The curve called ``label``."""
        return next(r for r in self.curves if r.label == label)


def _grid(reach_km: float) -> np.ndarray:
    """Distances across the axis, dense just short of ``reach_km`` so that a curve dives to zero there."""
    grid = np.linspace(0.0, MAX_DISTANCE_KM, _SAMPLES)
    if 0.0 < reach_km < MAX_DISTANCE_KM:
        step = MAX_DISTANCE_KM / (_SAMPLES - 1)
        grid = np.union1d(grid[grid < reach_km], reach_km - step * np.geomspace(1e-6, 1.0, 16))
    return grid[grid >= 0.0]


def _read(curve: RateCurve, distance_km: float, settings: LinkSettings) -> RateReading:
    reach = curve.reach_km(settings)
    grid = _grid(reach)
    rates = curve.rates(grid, settings)
    shown = np.isfinite(rates) & (rates > 0.0)  # a log axis cannot show zero (no key) nor infinity
    here = float(curve.rates(np.array([distance_km]), settings)[0])
    return RateReading(curve.label, tuple(grid[shown]), tuple(rates[shown]), here, reach)


def _reach_text(reach_km: float) -> str:
    return "never" if math.isinf(reach_km) else distance_text(reach_km)


class LinkPanel(Panel):
    """Key rate against distance: a fibre link, the bound no link beats, trusted nodes and a satellite.

    Move the cursor along 0 to 1000 km and read every curve there (log scale: each tick is ten
    times the one below). Fibre loses a fixed share of the light per km, so the rates fall
    exponentially; the decoy and single-photon curves then dive to zero where dark counts
    outnumber the photons. No repeaterless protocol beats the PLOB bound (Pirandola et al., Nat.
    Commun. 8, 15043, 2017); trusted nodes go further by splitting the line into shorter links,
    and a satellite by sending its photons mostly through vacuum, at the price of trusting every
    node or the satellite with the key. A quantum repeater beats the bound with nobody in between
    to trust, as long as its memories outlive the waits (fixed settings: :data:`REPEATER_SETTINGS`).

    Subclasses extend the figure by appending to :attr:`curves`.

    Notes
    -----
    The satellite relay runs a decoy link down to each station from above the midpoint, with the
    Micius downlink of :data:`~qwidgets.physics.MICIUS_DOWNLINK` and the same detectors; the
    rate is that while it is overhead (it is in view a few minutes a night). ``result`` is a
    :class:`LinkReading`.
    """

    title = "Key rate against distance"
    curves: ClassVar[tuple[RateCurve, ...]] = CURVES
    """The curves drawn, in legend order."""
    parameters = (
        Number(
            "distance_km",
            "Distance",
            100.0,
            "where to read every curve: the distance between Alice and Bob",
            low=0.0,
            high=MAX_DISTANCE_KM,
            step=1.0,
            unit="km",
        ),
        Number(
            "attenuation_db_per_km",
            "Fibre loss",
            0.2,
            "attenuation of the fibre: 0.2 dB/km is standard fibre at 1550 nm, 0.16 ultralow-loss fibre",
            low=0.15,
            high=0.35,
            step=0.01,
            unit="dB/km",
        ),
        Number(
            "mean_photon_number",
            "Photons per pulse μ",
            0.5,
            "mean photon number of the weak laser pulses (decoy, trusted-node and satellite curves)",
            low=0.05,
            high=1.0,
            step=0.01,
        ),
        Integer(
            "n_nodes",
            "Trusted nodes",
            4,
            "trusted nodes splitting the line into equal links (the trusted-node curve)",
            low=1,
            high=20,
        ),
        Choice(
            "equipment",
            "Detectors",
            "2004",
            "Bob's detectors and the clock rate",
            options=(
                ("2004", "2004 InGaAs", "4.5 % efficient avalanche photodiodes, 2 MHz (Gobby et al. 2004)"),
                (
                    "superconducting",
                    "superconducting",
                    "60 % efficient nanowire detectors, 2.5 GHz (illustrative, modern)",
                ),
            ),
            button_width="auto",
        ),
    )
    control_rows = (
        ("distance_km", "attenuation_db_per_km"),
        ("mean_photon_number", "n_nodes"),
        ("equipment",),
    )

    def _setup(self) -> tuple[LineChart, HtmlTable]:
        chart = LineChart(
            xlabel="distance between Alice and Bob (km)",
            ylabel="secret key (bits per second)",
            xlim=(0.0, MAX_DISTANCE_KM),
            ylim=_RATE_RANGE,
            n_curves=len(self.curves) + 1,
            n_markers=2 * len(self.curves),
            yscale="log",
            width=1.45,
            legend="below",
        )
        return chart, HtmlTable()

    def _compute(
        self,
        *,
        distance_km: float,
        attenuation_db_per_km: float,
        mean_photon_number: float,
        n_nodes: int,
        equipment: str,
    ) -> LinkReading:
        settings = LinkSettings(n_nodes, mean_photon_number, attenuation_db_per_km, EQUIPMENT[equipment])
        return LinkReading(
            distance_km,
            settings,
            fiber_transmittance(distance_km, attenuation_db_per_km),
            tuple(_read(curve, distance_km, settings) for curve in self.curves),
        )

    def _draw(self, result: LinkReading) -> tuple[ChartPicture, TablePicture]:
        d = result.distance_km
        curves = tuple(
            Curve(
                c.label,
                r.distances_km,
                r.rates_bits_per_s,
                c.color,
                c.style,
                c.symbol,
            )
            for c, r in zip(self.curves, result.curves)
        )
        cursor = Curve("", (d, d), _RATE_RANGE, "scaffold", ":")
        here = tuple(
            Marker("", d, r.rate_bits_per_s, c.color, symbol=c.symbol)
            for c, r in zip(self.curves, result.curves)
            if _RATE_RANGE[0] <= r.rate_bits_per_s <= _RATE_RANGE[1]
        )
        ends = tuple(  # hollow, on the distance axis: where the curve dives to zero
            Marker("", r.reach_km, _RATE_RANGE[0], c.color, False, c.symbol, size=9)
            for c, r in zip(self.curves, result.curves)
            if r.reach_km <= MAX_DISTANCE_KM
        )
        rows = tuple(
            TableRow(
                c.label,
                (
                    TableCell(rate_text(r.rate_bits_per_s), "plain" if r.rate_bits_per_s > 0 else "alert"),
                    TableCell(_reach_text(r.reach_km)),
                    TableCell(c.who_knows),
                ),
                dimmed=r.rate_bits_per_s <= 0,
            )
            for c, r in zip(self.curves, result.curves)
        )
        table = TablePicture(
            f"At {d:,.0f} km, with {self._settings_text(result)}",
            ("", "key rate", "no key beyond", "who else knows the key"),
            rows,
        )
        return ChartPicture(curves=(*curves, cursor), markers=here + ends), table

    @staticmethod
    def _settings_text(result: LinkReading) -> str:
        settings = result.settings
        nodes = f"{settings.n_nodes} trusted node{'s' if settings.n_nodes > 1 else ''}"
        return (
            f"{settings.attenuation_db_per_km:.2f} dB/km fibre, {settings.equipment.name} detectors, "
            f"μ = {settings.mean_photon_number:.2f}, {nodes}"
        )

    def _describe(self, result: LinkReading) -> tuple[str, ...]:
        d = result.distance_km
        lines = [
            f"At {d:,.0f} km the fibre loses {result.loss_db:.1f} dB: "
            f"{_share(result.transmittance)} of the photons arrive."
        ]
        protocols = [r for r in result.curves if not math.isinf(r.reach_km)]
        best = max(protocols, key=lambda r: r.rate_bits_per_s, default=None)
        if best is not None and best.rate_bits_per_s > 0:
            lines.append(f"Fastest key there: {best.label}, {rate_text(best.rate_bits_per_s)}.")
        else:
            lines.append("No way on this figure gives a key there.")
        lines.append(
            "No key beyond: " + "; ".join(f"{r.label} {_reach_text(r.reach_km)}" for r in protocols) + "."
        )
        return tuple(lines)


def _share(transmittance: float) -> str:
    """A transmittance in words: ``"40%"``, ``"1 in 100"``, ``"1 in 2.6 × 10⁸"``."""
    if transmittance >= 0.5:
        return f"{transmittance:.0%}"
    return f"1 in {count_text(1.0 / transmittance)}"
