"""SatellitePanel: two ground stations, a satellite above them, and why the light gets through.

Sources of the real-world figures (see also :mod:`qwidgets.physics.satellites`):

- Micius, about 500 km up, sent entangled photons to two stations 1203 km apart (Yin et al.,
  "Satellite-based entanglement distribution over 1200 kilometers", Science 356, 1140, 2017).
- Its downlink to Delingha lost 29 dB at 530 km and 36 dB at 1000 km (Yin et al., PRL 119,
  200501, 2017): :data:`~qwidgets.physics.MICIUS_MEASURED_LOSSES_DB`, to which the default link
  (:data:`~qwidgets.physics.MICIUS_DOWNLINK`: 810 nm, 10 µrad divergence, 1.2 m ground telescopes,
  Yin et al., Nature 582, 501, 2020) is fitted.
- Fibre loses 0.2 dB/km at 1550 nm (Pirandola et al., Adv. Opt. Photon. 12, 1012, 2020).
- As a trusted relay Micius gave keys to Xinglong (China) and Graz (Austria), 7,600 km apart,
  knowing both (Liao et al., "Satellite-relayed intercontinental quantum network", PRL 120,
  030501, 2018); its QKD ran during night-time passes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from qwidgets.panels.base import Panel
from qwidgets.panels.parameters import Number
from qwidgets.panels.summary import count_text, distance_text, power_of_ten_text
from qwidgets.physics import (
    FIBER_ATTENUATION_DB_PER_KM,
    MICIUS_ALTITUDE_KM,
    MICIUS_DOWNLINK,
    MICIUS_MEASURED_LOSSES_DB,
    MidpointDownlinks,
    fiber_transmittance,
    loss_db,
    midpoint_downlinks,
    satellite_transmittance,
)
from qwidgets.plots.orbit import BudgetPicture, LinkLoss, LossBudget, OrbitDiagram, OrbitPicture

__all__ = ["SatellitePanel", "SatelliteReading", "times_text"]

_MICIUS_STATIONS_KM = 1203.0  # Yin et al., Science 356, 1140 (2017)
_PHOTONS_PER_S = 1e9  # an illustrative source: a billion photons a second
_LOW_ELEVATION_RAD = math.radians(15)  # below this, say that the air's extra loss is left out
_SECONDS_PER_YEAR = 365.25 * 86400


def times_text(db: float) -> str:
    """The factor a loss difference of ``db`` dB stands for, in words: ``"7.3"``, ``"5 × 10²⁰"``."""
    return count_text(10.0 ** (abs(db) / 10.0))


def _wait_text(seconds: float) -> str:
    """A long time in words: days, years, millions of years, or a power of ten of years."""
    years = seconds / _SECONDS_PER_YEAR
    if years >= 1e9:
        return f"{count_text(years)} years"
    if years >= 1e6:
        return f"{years / 1e6:,.0f} million years"
    if years >= 1:
        return f"{years:,.0f} years"
    return f"{seconds / 86400:,.0f} days"


@dataclass(frozen=True)
class SatelliteReading:
    """What a :class:`SatellitePanel` shows.

    Attributes
    ----------
    ground_distance_km : float
        Distance between the stations along the ground.
    altitude_km : float
        The satellite's altitude.
    aperture_m : float
        Diameter of each ground telescope.
    downlinks : MidpointDownlinks
        Each downlink's range and the satellite's elevation.
    loss_db : float
        Each downlink's loss.
    diffraction_db : float
        The part of it due to the beam's spread alone.
    fibre_loss_db : float
        The loss of a fibre along the ground between the stations.
    """

    ground_distance_km: float
    altitude_km: float
    aperture_m: float
    downlinks: MidpointDownlinks
    loss_db: float
    diffraction_db: float
    fibre_loss_db: float

    @property
    def beyond_db(self) -> float:
        """The part of each downlink's loss beyond diffraction (air, pointing, optics, detectors)."""
        return self.loss_db - self.diffraction_db

    @property
    def advantage_db(self) -> float:
        """How much less one downlink loses than the fibre (negative where the fibre wins)."""
        return self.fibre_loss_db - self.loss_db


class SatellitePanel(Panel):
    """Two ground stations and a satellite above the midpoint between them, like Micius.

    The orbit figure shows the scene to scale (a slice of the Earth, its curve included): the
    two stations ``ground_distance_km`` apart, the satellite ``altitude_km`` above the midpoint
    of the great circle between them, both downlinks with their slant ranges, and the fibre a
    ground link would need. The loss budget compares, in dB, each downlink (diffraction, set by
    the range and the ``aperture_m`` of the ground telescopes, plus a fixed loss beyond it fitted
    to Micius), both together (what a photon pair loses) and the fibre at 0.2 dB/km, with the
    losses Micius measured. Models: :mod:`qwidgets.physics.satellites` (Friis far-field
    diffraction) and :mod:`qwidgets.physics.links`; sources of the real-world figures in this
    module's docstring.

    Notes
    -----
    The satellite is placed above the midpoint, where the two downlinks are shortest; a real pass
    sweeps across the sky. The loss beyond diffraction does not grow near the horizon here,
    where the light crosses much more air. ``result`` is a :class:`SatelliteReading`.
    """

    title = "A satellite link: loss grows slowly in empty space"
    parameters = (
        Number(
            "ground_distance_km",
            "Stations apart",
            _MICIUS_STATIONS_KM,
            "distance between the two ground stations along the Earth (Micius: 1203 km)",
            low=50.0,
            high=3000.0,
            step=1.0,
            unit="km",
        ),
        Number(
            "altitude_km",
            "Altitude",
            MICIUS_ALTITUDE_KM,
            "height of the satellite above the midpoint between the stations (Micius: about 500 km)",
            low=300.0,
            high=2000.0,
            step=10.0,
            unit="km",
        ),
        Number(
            "aperture_m",
            "Ground telescope",
            MICIUS_DOWNLINK.receiver_aperture_m,
            "diameter of each ground telescope: the wider, the more of the beam it catches (Micius: 1.2 m)",
            low=0.1,
            high=2.0,
            step=0.05,
            unit="m",
        ),
    )
    control_rows = (("ground_distance_km", "altitude_km"), ("aperture_m",))

    def _setup(self) -> tuple[OrbitDiagram, LossBudget]:
        return OrbitDiagram(), LossBudget(n_links=2, measured_label="Micius,\nmeasured")

    def _compute(
        self, *, ground_distance_km: float, altitude_km: float, aperture_m: float
    ) -> SatelliteReading:
        downlinks = midpoint_downlinks(ground_distance_km, altitude_km=altitude_km)
        distance = downlinks.range_km
        loss = loss_db(satellite_transmittance(distance, receiver_aperture_m=aperture_m))
        diffraction = loss_db(
            satellite_transmittance(
                distance, receiver_aperture_m=aperture_m, atmospheric_loss_db=0.0, pointing_loss_db=0.0
            )
        )
        fibre = loss_db(fiber_transmittance(ground_distance_km))
        return SatelliteReading(
            ground_distance_km, altitude_km, aperture_m, downlinks, loss, diffraction, fibre
        )

    def _draw(self, result: SatelliteReading) -> tuple[OrbitPicture, BudgetPicture]:
        downlinks = result.downlinks
        orbit = OrbitPicture(
            result.ground_distance_km,
            result.altitude_km,
            distance_text(downlinks.range_km),
            distance_text(result.ground_distance_km),
            f"{distance_text(result.altitude_km)} up",
            _headline(result.advantage_db),
        )
        diffraction, beyond = result.diffraction_db, result.beyond_db
        budget = BudgetPicture(
            (
                LinkLoss("each downlink", diffraction, beyond),
                LinkLoss("both (a pair)", 2 * diffraction, 2 * beyond),
            ),
            "fibre on\nthe ground",
            result.fibre_loss_db,
            MICIUS_MEASURED_LOSSES_DB,
            "Light lost on the way",
        )
        return orbit, budget

    def _describe(self, result: SatelliteReading) -> tuple[str, ...]:
        lines = [_downlink_line(result), _fibre_line(result), _key_line()]
        if result.downlinks.elevation_rad < _LOW_ELEVATION_RAD:
            lines.append(
                f"The satellite is only {math.degrees(result.downlinks.elevation_rad):.0f}° above the "
                "horizon: there the light crosses far more air than overhead, which this model (a fixed "
                "loss beyond diffraction) leaves out."
            )
        return tuple(lines)


def _headline(advantage_db: float) -> str:
    """The orbit's headline: how much less light the fibre lets through, to a power of ten.

    Only the power of ten is given (the summary has the factor), so that the headline, a static
    text, changes once per 10 dB and not at every step of a slider.
    """
    if advantage_db < 0:
        return "Fibre: more light than a downlink"
    if advantage_db < 10:
        return "Fibre: less light than a downlink"
    return f"Fibre: over {power_of_ten_text(math.floor(advantage_db / 10))} times less light"


def _downlink_line(reading: SatelliteReading) -> str:
    """Each downlink's range and loss, split into diffraction and the rest."""
    downlinks = reading.downlinks
    measured = " and ".join(f"{db:.0f} dB at {distance_text(km)}" for km, db in MICIUS_MEASURED_LOSSES_DB)
    elevation = math.degrees(downlinks.elevation_rad)
    return (
        f"Each downlink runs {distance_text(downlinks.range_km)} from the satellite, "
        f"{distance_text(reading.altitude_km)} up, to a station that sees it {elevation:.0f}° above the "
        f"horizon, and loses {reading.loss_db:.1f} dB: {reading.diffraction_db:.1f} dB as the beam spreads "
        f"wider than the {reading.aperture_m:.2f} m telescope, {reading.beyond_db:.1f} dB in the air, "
        f"pointing, optics and detectors (Micius measured {measured})."
    )


def _fibre_line(reading: SatelliteReading) -> str:
    """The fibre's loss against one downlink's, and both downlinks' together."""
    length = reading.ground_distance_km
    fibre = (
        f"A fibre along the ground, {distance_text(length)} at {FIBER_ATTENUATION_DB_PER_KM} dB/km, loses "
        f"{reading.fibre_loss_db:.1f} dB"
    )
    if reading.advantage_db < 0:
        return (
            f"{fibre}: it lets {times_text(reading.advantage_db)} times more light through than one "
            "downlink. At this distance fibre wins; over longer ones the satellite does: fibre loses 10 "
            "times the light every 50 km, a downlink only 4 times each time its range doubles."
        )
    pair_db = reading.fibre_loss_db - 2 * reading.loss_db
    pair = (
        f"even both downlinks together ({2 * reading.loss_db:.1f} dB, what a photon pair loses) let "
        f"{times_text(pair_db)} times more through"
        if pair_db >= 0
        else f"both downlinks together ({2 * reading.loss_db:.1f} dB, what a photon pair loses) lose more"
    )
    less = times_text(reading.advantage_db)
    text = f"{fibre}: it lets {less} times less light through than one downlink; {pair}."
    wait = 1.0 / (_PHOTONS_PER_S * fiber_transmittance(length))
    if wait > 86400:
        text += (
            f" Sending a billion photons a second into the fibre, one would arrive every {_wait_text(wait)}."
        )
    return text


def _key_line() -> str:
    """What the satellite means for a key."""
    return (
        "For a key, the satellite runs QKD with each station and announces the XOR of the two keys; one "
        "station XORs it with its own key and gets the other's, which the two now share. So the satellite "
        "is a trusted relay that knows both keys, as Micius was between China and Austria (Liao et al., "
        "PRL 120, 030501, 2018). And it only works during its passes, a few minutes at a time, and at "
        "night, when no sunlight swamps the detectors."
    )
