"""SatellitePanel: losses and geometry against their closed forms, the summary's comparisons."""

import math

import pytest

from qwidgets import SatellitePanel
from qwidgets.panels.satellite import times_text
from qwidgets.physics import (
    EARTH_RADIUS_KM,
    MICIUS_DOWNLINK,
    MICIUS_MEASURED_LOSSES_DB,
    satellite_transmittance,
)

R = EARTH_RADIUS_KM


def slant_range(ground_km, altitude_km):
    """Law of cosines in the triangle Earth's centre - station - satellite, angle d / 2R at the centre."""
    phi = ground_km / (2 * R)
    return math.sqrt(R**2 + (R + altitude_km) ** 2 - 2 * R * (R + altitude_km) * math.cos(phi))


def diffraction_db(range_km, receiver_m):
    """Friis: (pi D_t D_r / (4 lambda L))^2, as a loss in dB."""
    link = MICIUS_DOWNLINK
    eta = (
        math.pi * link.transmitter_aperture_m * receiver_m / (4 * link.wavelength_nm * 1e-9 * range_km * 1e3)
    ) ** 2
    return -10 * math.log10(eta)


def test_defaults_are_micius():
    panel = SatellitePanel()
    assert panel.params == {"ground_distance_km": 1203.0, "altitude_km": 500.0, "aperture_m": 1.2}
    assert len(panel.images) == 2 and panel.error is None


@pytest.mark.parametrize(
    ("ground", "altitude", "aperture"),
    [(1203.0, 500.0, 1.2), (50.0, 2000.0, 0.1), (3000.0, 300.0, 2.0), (2000.0, 1000.0, 0.6)],
)
def test_losses_and_geometry_follow_their_closed_forms(ground, altitude, aperture):
    reading = SatellitePanel(ground_distance_km=ground, altitude_km=altitude, aperture_m=aperture).result
    distance = slant_range(ground, altitude)
    assert reading.downlinks.range_km == pytest.approx(distance, rel=1e-12)
    assert reading.loss_db == pytest.approx(
        -10 * math.log10(satellite_transmittance(distance, receiver_aperture_m=aperture)), rel=1e-12
    )
    assert reading.diffraction_db == pytest.approx(diffraction_db(distance, aperture), rel=1e-9)
    assert reading.beyond_db == pytest.approx(MICIUS_DOWNLINK.atmospheric_loss_db, rel=1e-9)
    assert reading.fibre_loss_db == pytest.approx(0.2 * ground, rel=1e-12)


def test_the_loss_budget_shows_each_downlink_the_pair_and_the_fibre():
    panel = SatellitePanel()
    reading, budget = panel.result, panel._pictures[1]
    assert [link.label for link in budget.links] == ["each downlink", "both (a pair)"]
    assert [link.total_db for link in budget.links] == pytest.approx([reading.loss_db, 2 * reading.loss_db])
    assert budget.links[0].diffraction_db == pytest.approx(reading.diffraction_db)
    assert budget.fibre_db == pytest.approx(0.2 * 1203.0)
    assert budget.measured == MICIUS_MEASURED_LOSSES_DB
    view = panel._displays[1]
    assert view.fibre_bar.get_width() == pytest.approx(240.6)
    assert view.value_texts[-1].get_text() == "▶ 240.6 dB"  # off the 100 dB chart, and says so
    assert list(view.marks.get_xdata()) == [29.0, 36.0]


def test_the_orbit_figure_is_to_scale():
    panel = SatellitePanel()
    orbit = panel._displays[0]
    (x0, x1), (y0, y1) = orbit.beams[0].get_data()
    (vx, _), (vy0, vy1) = orbit.vertical.get_data()
    beam_px = math.hypot(x1 - x0, y1 - y0)
    assert beam_px / (vy1 - vy0) == pytest.approx(slant_range(1203.0, 500.0) / 500.0, rel=1e-9)
    assert panel._pictures[0].range_text == "800 km"


def test_the_summary_states_ranges_losses_ratio_and_trust():
    panel = SatellitePanel()
    text = panel.summary_text
    reading = panel.result
    advantage = 0.2 * 1203.0 - reading.loss_db  # one downlink against the fibre, in dB
    exponent = math.floor(advantage / 10)
    assert exponent == 20
    assert "Each downlink runs 800 km from the satellite, 500 km up" in text
    assert f"loses {reading.loss_db:.1f} dB" in text and "loses 240.6 dB" in text
    assert f"{10 ** (advantage / 10 - exponent):.2g} × 10²⁰ times less light" in text
    assert panel._pictures[0].headline == "Fibre: over 10²⁰ times less light"
    assert "29 dB at 530 km and 36 dB at 1,000 km" in text
    assert "trusted relay that knows both keys" in text and "Liao et al., PRL 120, 030501, 2018" in text
    assert "night" in text


def test_at_short_distances_fibre_wins():
    panel = SatellitePanel(ground_distance_km=50.0)
    assert panel.result.advantage_db < 0
    assert "more light through than one downlink. At this distance fibre wins" in panel.summary_text
    assert panel._pictures[0].headline == "Fibre: more light than a downlink"


def test_a_low_satellite_far_away_gets_a_caveat():
    panel = SatellitePanel(ground_distance_km=3000.0, altitude_km=300.0)
    assert math.degrees(panel.result.downlinks.elevation_rad) < 15
    assert "above the horizon: there the light crosses far more air" in panel.summary_text
    assert "far more air" not in SatellitePanel().summary_text


@pytest.mark.parametrize(
    ("db", "text"),
    [(0.0, "1"), (8.6, "7.2"), (32.0, "1,600"), (206.5, "4.5 × 10²⁰"), (-32.0, "1,600"), (99.99, "1 × 10¹⁰")],
)
def test_times_text_writes_factors_in_words(db, text):
    assert times_text(db) == text
