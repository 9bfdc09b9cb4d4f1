"""Links: how much light survives a fibre.

Attenuation in decibels adds up along a fibre, so the transmittance falls exponentially with its
length: ``eta = 10 ** (-alpha L / 10)``. Standard telecom fibre at 1550 nm loses about
``alpha = 0.2 dB/km`` (Pirandola et al., "Advances in quantum cryptography", Adv. Opt. Photon. 12,
1012, 2020, section 2).
"""

from __future__ import annotations

from qwidgets import validation

__all__ = ["FIBER_ATTENUATION_DB_PER_KM", "fiber_transmittance"]

FIBER_ATTENUATION_DB_PER_KM = 0.2
"""Attenuation of standard telecom fibre at 1550 nm."""


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
    alpha = validation.real("attenuation_db_per_km", attenuation_db_per_km, low=0.0, high=10.0, unit="dB/km")
    return 10.0 ** (-alpha * length_km / 10.0)
