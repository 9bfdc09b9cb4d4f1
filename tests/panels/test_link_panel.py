"""LinkPanel: every curve at the cursor against the closed forms, where each dies, and extension."""

import math

import numpy as np
import pytest

from qwidgets import LinkPanel
from qwidgets.panels.link import EQUIPMENT, MAX_DISTANCE_KM, REPEATER_SETTINGS, RateCurve
from qwidgets.physics import (
    MICIUS_ALTITUDE_KM,
    bb84_key_rate,
    bb84_key_rates_at_loss,
    max_distance_km,
    repeater_chain,
    satellite_transmittance,
)

PLOB = "repeaterless bound (PLOB)"
SINGLE, DECOY, TRUSTED, SATELLITE, REPEATER = (
    "single photons",
    "weak pulses + decoys",
    "trusted nodes",
    "satellite relay",
    "quantum repeater (T₂ 10 s)",
)
# 1 - 2 h2(e) = 0 at e = 0.110028 (Shor & Preskill 2000); a Werner pair has e = 2(1 - F)/3
KEY_THRESHOLD_FIDELITY = 1 - 1.5 * 0.1100279


def reading(panel, label):
    return panel.result.reading(label)


def test_the_plob_curve_is_the_bound_times_the_clock_rate():
    panel = LinkPanel(distance_km=100.0)
    # 100 km at 0.2 dB/km: eta = 0.01, -log2(0.99) bits per pulse at 2 MHz
    assert reading(panel, PLOB).rate_bits_per_s == pytest.approx(2e6 * -math.log2(0.99), rel=1e-12)
    panel.controls["distance_km"].value = 500.0  # eta = 1e-10: 1.44e-10 per pulse, not rounded away
    assert reading(panel, PLOB).rate_bits_per_s == pytest.approx(2e6 * 1e-10 / math.log(2), rel=1e-9)
    assert reading(panel, PLOB).reach_km == math.inf


def test_direct_links_read_the_physics_at_the_cursor_and_die_where_it_says():
    panel = LinkPanel(distance_km=120.0, mean_photon_number=0.4)
    decoy, single = reading(panel, DECOY), reading(panel, SINGLE)
    assert decoy.rate_bits_per_s == pytest.approx(bb84_key_rate(120.0, mean_photon_number=0.4), rel=1e-12)
    assert single.rate_bits_per_s == pytest.approx(bb84_key_rate(120.0, source="single-photon"), rel=1e-12)
    assert decoy.reach_km == pytest.approx(max_distance_km(mean_photon_number=0.4), rel=1e-9)
    # the GYS link of Lo, Ma & Chen dies at about 150 km on 0.2 dB/km fibre (142 km on their 0.21 dB/km)
    assert 140.0 < decoy.reach_km < 160.0 < single.reach_km


def test_trusted_nodes_multiply_the_reach_and_give_each_link_a_share_of_the_line():
    panel = LinkPanel(distance_km=500.0, n_nodes=4)
    trusted = reading(panel, TRUSTED)
    assert trusted.rate_bits_per_s == pytest.approx(bb84_key_rate(100.0), rel=1e-12)  # five 100 km links
    assert trusted.reach_km == pytest.approx(5 * reading(panel, DECOY).reach_km, rel=1e-9)
    assert "every node" in panel._displays[1].widget.value  # the table says who else knows


def test_the_satellite_relays_from_overhead_with_the_micius_downlink():
    panel = LinkPanel(distance_km=0.0, equipment="superconducting")
    # both stations under the satellite: each downlink is the altitude, 500 km
    loss_db = -10 * math.log10(satellite_transmittance(MICIUS_ALTITUDE_KM))
    hardware = EQUIPMENT["superconducting"]
    expected = bb84_key_rates_at_loss(
        np.array([loss_db]),
        detector_efficiency=hardware.detector_efficiency,
        dark_count_probability=hardware.dark_count_probability,
        misalignment=hardware.misalignment,
        repetition_rate_hz=hardware.repetition_rate_hz,
    )[0]
    assert reading(panel, SATELLITE).rate_bits_per_s == pytest.approx(expected, rel=1e-12)


def test_a_satellite_beats_fibre_only_with_good_detectors():
    old = LinkPanel(distance_km=1000.0)
    assert reading(old, SATELLITE).rate_bits_per_s == 0.0  # 30 dB is all the 2004 link tolerates
    assert 0.0 < reading(old, SATELLITE).reach_km < 1000.0
    new = LinkPanel(distance_km=1000.0, equipment="superconducting")
    assert reading(new, SATELLITE).rate_bits_per_s > 1e3 > reading(new, DECOY).rate_bits_per_s == 0.0
    assert reading(new, SATELLITE).reach_km > MAX_DISTANCE_KM


def test_ultralow_loss_fibre_and_superconducting_detectors_reach_past_400_km():
    # Boaron et al. (PRL 121, 190502, 2018) distributed keys over 421 km of 0.16 dB/km fibre
    panel = LinkPanel(distance_km=421.0, attenuation_db_per_km=0.16, equipment="superconducting")
    assert reading(panel, DECOY).rate_bits_per_s > 0.0
    assert 421.0 < reading(panel, DECOY).reach_km < 600.0


def test_curves_show_only_positive_finite_rates_and_dive_where_they_die():
    panel = LinkPanel(distance_km=0.0)
    chart = panel._pictures[0]
    for curve in chart.curves[:-1]:
        assert curve.y and all(0.0 < y < math.inf for y in curve.y)
    decoy = reading(panel, DECOY)
    assert decoy.distances_km[-1] == pytest.approx(decoy.reach_km, abs=1e-4)
    assert decoy.rates_bits_per_s[-1] < 1e-2  # below the axis: the line leaves through the bottom
    plob = reading(panel, PLOB)
    assert plob.rate_bits_per_s == math.inf and plob.distances_km[0] > 0.0  # unbounded at 0 km: not drawn
    assert "unlimited" in panel._displays[1].widget.value


def test_the_cursor_moves_the_readout_and_the_markers():
    panel = LinkPanel(distance_km=50.0)
    table = panel._displays[1].widget
    before = table.value
    panel.controls["distance_km"].value = 130.0
    chart = panel._pictures[0]
    assert chart.curves[-1].x == (130.0, 130.0)  # the cursor line
    filled = [m for m in chart.markers if m.filled]
    assert {m.x for m in filled} == {130.0}
    assert sorted(m.y for m in filled) == pytest.approx(
        sorted(r.rate_bits_per_s for r in panel.result.curves if 1e-2 <= r.rate_bits_per_s <= 1e10)
    )
    hollow = [m for m in chart.markers if not m.filled]
    assert sorted(m.x for m in hollow) == pytest.approx(
        sorted(r.reach_km for r in panel.result.curves if r.reach_km <= MAX_DISTANCE_KM)
    )
    assert table.value != before and "At 130 km" in table.value
    assert panel.summary_text.startswith("At 130 km the fibre loses 26.0 dB")


def test_the_summary_names_the_fastest_way_and_every_reach():
    panel = LinkPanel(distance_km=300.0, n_nodes=4)
    lines = panel.summary_text.splitlines()
    assert lines[0] == "At 300 km the fibre loses 60.0 dB: 1 in 1 × 10⁶ of the photons arrive."
    assert lines[1].startswith("Fastest key there: trusted nodes,")
    assert "weak pulses + decoys 151 km" in lines[2] and PLOB not in lines[2]
    panel.controls["distance_km"].value = 900.0
    assert panel.summary_text.splitlines()[1] == "No way on this figure gives a key there."


def test_another_curve_needs_only_a_subclass():
    def halved(distances, settings):
        return 0.5 * np.asarray([bb84_key_rate(d) for d in distances])

    class WithHalf(LinkPanel):
        curves = (*LinkPanel.curves, RateCurve("half a link", "purple", "--", "P", halved, lambda s: 150.0))

    panel = WithHalf(distance_km=100.0)
    assert reading(panel, "half a link").rate_bits_per_s == pytest.approx(0.5 * bb84_key_rate(100.0))
    assert "half a link" in panel._displays[1].widget.value
    assert [c.label for c in panel._pictures[0].curves if c.label][-1] == "half a link"
    legend = panel._displays[0].axes.get_legend()
    assert "half a link" in [text.get_text() for text in legend.get_texts()]


@pytest.mark.parametrize(
    ("distance_km", "share"),
    [
        (0.0, "100%"),
        (10.0, "63%"),
        (50.0, "1 in 10"),
        (421.0, "1 in 2.6 × 10⁸"),  # 84.2 dB: 10^8.42
        (1000.0, "1 in 1 × 10²⁰"),
        (300.0, "1 in 1 × 10⁶"),
        (70.0, "1 in 25"),  # 14 dB: 10^1.4 = 25.1
    ],
)
def test_the_summary_says_what_share_of_the_photons_arrives(distance_km, share):
    assert f"dB: {share} of the photons arrive." in LinkPanel(distance_km=distance_km).summary_text


def h2(p):
    return -p * math.log2(p) - (1 - p) * math.log2(1 - p)


def repeater(distance_km, attenuation_db_per_km=0.2):
    return repeater_chain(distance_km, attenuation_db_per_km=attenuation_db_per_km, **REPEATER_SETTINGS)


def test_the_repeater_curve_is_a_fixed_stated_chain_that_nobody_in_between_knows():
    assert dict(REPEATER_SETTINGS) == {
        "n_segments": 8,
        "memory_t2_s": 10.0,
        "purification_rounds": 1,
        "link_fidelity": 0.98,
    }
    panel = LinkPanel(distance_km=300.0)
    assert [c.label for c in panel._pictures[0].curves if c.label][-1] == REPEATER
    row = next(row for row in panel._pictures[1].rows if row.header == REPEATER)
    assert row.cells[2].text.startswith("nobody in between")
    # entanglement-based BB84 on the chain's pairs: half of them sifted, 1 - 2 h2(e) secret bits each
    chain = repeater(300.0)
    e = 2 * (1 - chain.fidelity) / 3
    expected = chain.rate_pairs_per_s / 2 * (1 - 2 * h2(e))
    assert reading(panel, REPEATER).rate_bits_per_s == pytest.approx(expected, rel=1e-9)


def test_the_repeater_key_dies_where_its_fidelity_falls_below_the_threshold():
    panel = LinkPanel(distance_km=100.0)
    reach = reading(panel, REPEATER).reach_km
    assert 300.0 < reach < MAX_DISTANCE_KM
    assert repeater(reach - 1.0).fidelity > KEY_THRESHOLD_FIDELITY > repeater(reach + 1.0).fidelity
    for distance in (reach + 1.0, MAX_DISTANCE_KM):
        panel.controls["distance_km"].value = distance
        assert reading(panel, REPEATER).rate_bits_per_s == 0.0
    panel.controls["distance_km"].value = reach - 1.0
    assert reading(panel, REPEATER).rate_bits_per_s > 0.0
    drawn = reading(panel, REPEATER)
    assert max(drawn.distances_km) <= reach and drawn.distances_km[-1] == pytest.approx(reach, abs=1e-3)


def test_the_repeater_follows_the_panels_fibre():
    standard = reading(LinkPanel(distance_km=400.0), REPEATER)
    ultralow = reading(LinkPanel(distance_km=400.0, attenuation_db_per_km=0.16), REPEATER)
    assert ultralow.reach_km > standard.reach_km
    assert ultralow.rate_bits_per_s > standard.rate_bits_per_s
    assert repeater(400.0, 0.16).link.success_probability == pytest.approx(
        0.9**2 / 2 * 10 ** (-0.16 * 50 / 10)
    )


@pytest.mark.parametrize("equipment", ["2004", "superconducting"])
def test_the_repeater_beats_the_plob_bound_times_the_clock_at_long_distance(equipment):
    clock = EQUIPMENT[equipment].repetition_rate_hz
    panel = LinkPanel(distance_km=100.0, equipment=equipment)
    # at 100 km a repeaterless link may still do better: eta = 0.01, -log2(0.99) bits per pulse
    assert reading(panel, REPEATER).rate_bits_per_s < clock * -math.log2(0.99)
    panel.controls["distance_km"].value = 550.0
    plob = clock * 1e-11 / math.log(2)  # eta = 10^-11: -log2(1 - eta) = eta / ln 2
    assert reading(panel, PLOB).rate_bits_per_s == pytest.approx(plob, rel=1e-6)
    assert reading(panel, REPEATER).rate_bits_per_s > plob
