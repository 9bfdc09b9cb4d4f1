"""Satellites: how much light a telescope in orbit lands in a telescope on the ground.

A diffraction-limited beam spreads, so a receiver at distance ``L`` collects the share

    eta_geo = (pi D_t D_r / (4 lambda L))^2,   capped at 1,

of the light of a transmitter of aperture ``D_t`` (both apertures uniformly filled circles): the
Friis transmission formula ``A_t A_r / (lambda L)^2`` with effective areas ``A = pi D^2 / 4``
(H. T. Friis, "A note on a simple transmission formula", Proc. IRE 34, 254, 1946). The loss
grows as ``L^2``, 6 dB per doubling of the distance, not exponentially as in a fibre. The
atmosphere, pointing jitter and the telescopes' own optics add losses in dB on top.

Micius: the figures below are the ones confirmed in the papers of the Micius team (Yin et al.,
"Satellite-based entanglement distribution over 1200 kilometers", Science 356, 1140, 2017;
Yin et al., "Satellite-to-ground entanglement-based quantum key distribution", PRL 119, 200501,
2017; Yin et al., "Entanglement-based secure quantum cryptography over 1,120 kilometres",
Nature 582, 501, 2020; the decoy-state downlink of Liao et al., "Satellite-to-ground quantum key
distribution", Nature 549, 43, 2017, reached kHz key rates at up to 1,200 km). The entangled
photons are at 810 nm; each ground telescope (Delingha, Nanshan) has a 1.2 m aperture; each
transmitter has a near-diffraction-limited far-field divergence of about 10 µrad (Nature 2020);
the downlink to Delingha lost 29 dB at 530 km and 36 dB at 1000 km (PRL 2017); the summed
length of two downlinks to stations 1203 km apart varied from 1600 to 2400 km (Science 2017). The
satellite orbits at about 500 km.

Geometry: a spherical Earth of radius 6371 km without atmospheric refraction, ground stations at
sea level.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from qwidgets import validation

__all__ = [
    "EARTH_RADIUS_KM",
    "MICIUS_ALTITUDE_KM",
    "MICIUS_DOWNLINK",
    "MICIUS_MEASURED_LOSSES_DB",
    "FreeSpaceLink",
    "MidpointDownlinks",
    "midpoint_downlinks",
    "satellite_transmittance",
    "slant_range_km",
]

EARTH_RADIUS_KM = 6371.0
"""Mean radius of the Earth."""
MICIUS_ALTITUDE_KM = 500.0
"""Altitude of the Micius orbit (about 500 km, sun-synchronous)."""
MICIUS_MEASURED_LOSSES_DB: tuple[tuple[float, float], ...] = ((530.0, 29.0), (1000.0, 36.0))
"""Measured attenuation of the Micius downlink to Delingha: (distance in km, loss in dB).

Yin et al., PRL 119, 200501 (2017): "the link attenuation is measured to vary from 29 dB at
530 km to 36 dB at 1000 km".
"""
_MICIUS_WAVELENGTH_NM = 810.0  # Yin et al., Nature 582, 501 (2020)
_MICIUS_DIVERGENCE_RAD = 10e-6  # ibid.: full far-field divergence of each transmitter
_GROUND_APERTURE_M = 1.2  # ibid.: both ground telescopes


@dataclass(frozen=True)
class FreeSpaceLink:
    """The keywords of :func:`satellite_transmittance` for one downlink.

    Attributes
    ----------
    wavelength_nm : float
        Wavelength of the photons.
    transmitter_aperture_m, receiver_aperture_m : float
        Diameters of the sending and receiving telescopes.
    atmospheric_loss_db, pointing_loss_db : float
        Losses beyond diffraction.
    """

    wavelength_nm: float
    transmitter_aperture_m: float
    receiver_aperture_m: float
    atmospheric_loss_db: float
    pointing_loss_db: float


def _geometric_transmittance(distance_km: float, link: FreeSpaceLink) -> float:
    """Friis far-field collection ``(pi D_t D_r / (4 lambda L))^2``, capped at 1."""
    wavelength_m = link.wavelength_nm * 1e-9
    spread = math.pi * link.transmitter_aperture_m * link.receiver_aperture_m / (4 * wavelength_m)
    return min(1.0, (spread / (distance_km * 1e3)) ** 2)


def _micius_downlink() -> FreeSpaceLink:
    """The Micius downlink to Delingha, from the published figures (module docstring).

    The transmitter aperture is not taken from the papers but derived from the published 10 µrad
    divergence: the aperture whose diffraction cone in the Friis formula (a top-hat cone of
    solid angle ``4 pi / G_t``, gain ``G_t = (pi D_t / lambda)^2``) has that full angle,
    ``D_t = 4 lambda / (pi theta)`` ~ 0.103 m. Then ``eta_geo = (D_r / (theta L))^2``: the
    receiver's share of a 10 m footprint at 1000 km, 18.4 dB. The papers publish only the total
    attenuation, so everything beyond diffraction (atmosphere, pointing, the telescopes' optics,
    the detectors) is put in ``atmospheric_loss_db``, matched to the 36 dB measured at 1000 km;
    ``pointing_loss_db`` is 0 (included there).
    """
    wavelength_m = _MICIUS_WAVELENGTH_NM * 1e-9
    diffraction_only = FreeSpaceLink(
        wavelength_nm=_MICIUS_WAVELENGTH_NM,
        transmitter_aperture_m=4 * wavelength_m / (math.pi * _MICIUS_DIVERGENCE_RAD),
        receiver_aperture_m=_GROUND_APERTURE_M,
        atmospheric_loss_db=0.0,
        pointing_loss_db=0.0,
    )
    distance_km, measured_db = MICIUS_MEASURED_LOSSES_DB[-1]
    diffraction_db = -10 * math.log10(_geometric_transmittance(distance_km, diffraction_only))
    return dataclasses.replace(diffraction_only, atmospheric_loss_db=measured_db - diffraction_db)


MICIUS_DOWNLINK = _micius_downlink()
"""The Micius downlink to Delingha: 810 nm, a 0.103 m transmitter (derived from the 10 µrad
divergence), a 1.2 m receiver and 17.6 dB beyond diffraction (matched to 36 dB at 1000 km); it
gives 30.5 dB at 530 km, where 29 dB was measured, and 37.6 dB at 1200 km."""


def satellite_transmittance(
    distance_km: float,
    *,
    wavelength_nm: float = MICIUS_DOWNLINK.wavelength_nm,
    transmitter_aperture_m: float = MICIUS_DOWNLINK.transmitter_aperture_m,
    receiver_aperture_m: float = MICIUS_DOWNLINK.receiver_aperture_m,
    atmospheric_loss_db: float = MICIUS_DOWNLINK.atmospheric_loss_db,
    pointing_loss_db: float = MICIUS_DOWNLINK.pointing_loss_db,
) -> float:
    """Share of the photons a free-space link delivers over ``distance_km``.

    ``(pi D_t D_r / (4 lambda L))^2`` capped at 1 (Friis, Proc. IRE 34, 254, 1946; module
    docstring), times ``10 ** (-(atmospheric + pointing) / 10)``. Defaults: the Micius downlink
    (:data:`MICIUS_DOWNLINK`).

    Parameters
    ----------
    distance_km : float
        Distance between the telescopes, greater than 0 and at most 400,000 km.
    wavelength_nm : float
        Wavelength, from 200 to 20,000 nm.
    transmitter_aperture_m, receiver_aperture_m : float
        Telescope diameters, greater than 0 and at most 100 m.
    atmospheric_loss_db, pointing_loss_db : float
        Extra losses, from 0 to 100 dB each.
    """
    distance_km = validation.real(
        "distance_km", distance_km, low=0.0, high=400_000.0, low_open=True, unit="km"
    )
    link = FreeSpaceLink(
        wavelength_nm=validation.real("wavelength_nm", wavelength_nm, low=200.0, high=20_000.0, unit="nm"),
        transmitter_aperture_m=_aperture("transmitter_aperture_m", transmitter_aperture_m),
        receiver_aperture_m=_aperture("receiver_aperture_m", receiver_aperture_m),
        atmospheric_loss_db=_loss("atmospheric_loss_db", atmospheric_loss_db),
        pointing_loss_db=_loss("pointing_loss_db", pointing_loss_db),
    )
    extra_db = link.atmospheric_loss_db + link.pointing_loss_db
    return _geometric_transmittance(distance_km, link) * 10.0 ** (-extra_db / 10.0)


def _aperture(name: str, value: object) -> float:
    return validation.real(name, value, low=0.0, high=100.0, low_open=True, unit="m")


def _loss(name: str, value: object) -> float:
    return validation.real(name, value, low=0.0, high=100.0, unit="dB")


def _altitude(value: object) -> float:
    return validation.real("altitude_km", value, low=0.0, high=100_000.0, low_open=True, unit="km")


def slant_range_km(elevation_rad: float, *, altitude_km: float = MICIUS_ALTITUDE_KM) -> float:
    """Distance from a ground station to a satellite seen at ``elevation_rad`` above the horizon.

    The triangle Earth's centre - station - satellite with sides ``R``, ``L`` and ``R + h`` and
    the angle ``pi/2 + elevation`` at the station gives (law of cosines, spherical Earth of
    radius ``R = 6371 km``, no refraction)::

        L = sqrt((R + h)^2 - R^2 cos^2(elevation)) - R sin(elevation)

    Parameters
    ----------
    elevation_rad : float
        Elevation of the satellite, from 0 (the horizon) to pi/2 rad (overhead).
    altitude_km : float
        Altitude of the satellite, greater than 0 and at most 100,000 km.
    """
    elevation = validation.angle("elevation_rad", elevation_rad, low=0.0, high=math.pi / 2)
    orbit_km = EARTH_RADIUS_KM + _altitude(altitude_km)
    return math.sqrt(orbit_km**2 - (EARTH_RADIUS_KM * math.cos(elevation)) ** 2) - EARTH_RADIUS_KM * math.sin(
        elevation
    )


@dataclass(frozen=True)
class MidpointDownlinks:
    """Two downlinks from a satellite above the midpoint between two ground stations.

    Attributes
    ----------
    range_km : float
        Length of each downlink (both are equal).
    total_range_km : float
        Both together: the path an entangled pair covers.
    elevation_rad : float
        Elevation of the satellite seen from each station.
    """

    range_km: float
    total_range_km: float
    elevation_rad: float


def midpoint_downlinks(
    ground_distance_km: float, *, altitude_km: float = MICIUS_ALTITUDE_KM
) -> MidpointDownlinks:
    """The two downlinks to stations ``ground_distance_km`` apart, the satellite above their midpoint.

    Simplifications: a spherical Earth (radius 6371 km) without refraction, stations at sea
    level, the satellite in the plane of the two stations straight above the midpoint of the
    great circle between them, where the sum of the two ranges is smallest. Each station sees the
    sub-satellite point at the central angle ``phi = d / (2R)``; the law of cosines gives
    ``L^2 = R^2 + (R + h)^2 - 2 R (R + h) cos(phi)`` and the elevation ``atan2((R + h) cos(phi) -
    R, (R + h) sin(phi))``. Micius at 500 km above the midpoint of two stations 1203 km apart
    gives 2 x 800 km: the shortest of the 1600 to 2400 km that Yin et al. (Science 356,
    1140, 2017) report for the summed downlinks.

    Parameters
    ----------
    ground_distance_km : float
        Distance between the stations along the ground, from 0 to the distance at which the
        satellite sinks below their horizon (4891 km at 500 km altitude).
    altitude_km : float
        Altitude of the satellite, greater than 0 and at most 100,000 km.
    """
    altitude_km = _altitude(altitude_km)
    orbit_km = EARTH_RADIUS_KM + altitude_km
    horizon_km = 2 * EARTH_RADIUS_KM * math.acos(EARTH_RADIUS_KM / orbit_km)
    distance_km = validation.real(
        "ground_distance_km", ground_distance_km, low=0.0, high=horizon_km, unit="km"
    )
    phi = distance_km / (2 * EARTH_RADIUS_KM)
    range_km = math.sqrt(EARTH_RADIUS_KM**2 + orbit_km**2 - 2 * EARTH_RADIUS_KM * orbit_km * math.cos(phi))
    elevation = math.atan2(orbit_km * math.cos(phi) - EARTH_RADIUS_KM, orbit_km * math.sin(phi))
    # max: at the horizon distance rounding may leave -1e-17 rad
    return MidpointDownlinks(
        range_km=range_km, total_range_km=2 * range_km, elevation_rad=max(0.0, elevation)
    )
