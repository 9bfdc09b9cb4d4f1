"""Fibre loss, the repeaterless bound, BB84 key rates, trusted nodes and satellite links.

Every rate is compared with its closed form written out again here, with published figures where
they could be confirmed, and with what physics requires (rates fall with distance, an ideal
single-photon source beats weak pulses, nothing beats the repeaterless bound).
"""

import math

import numpy as np
import pytest
from scipy import optimize

from qwidgets.errors import InvalidTypeError, InvalidValueError, UnknownKeywordError
from qwidgets.physics import (
    EARTH_RADIUS_KM,
    MICIUS_ALTITUDE_KM,
    MICIUS_DOWNLINK,
    MICIUS_MEASURED_LOSSES_DB,
    bb84_key_rate,
    bb84_key_rates,
    fiber_transmittance,
    loss_db,
    max_distance_km,
    midpoint_downlinks,
    plob_bound,
    satellite_transmittance,
    slant_range_km,
    trusted_node_chain,
)

# The GYS link as Lo, Ma & Chen model it (PRL 94, 230504, 2005), the defaults of bb84_key_rate
# except the fibre: GYS's lost 0.21 dB/km.
GYS = {"detector_efficiency": 0.045, "dark_count_probability": 1.7e-6, "misalignment": 0.033}
GYS_FIBRE_DB_PER_KM = 0.21
REPETITION_HZ = 2e6


def h2(p):
    return 0.0 if p in (0.0, 1.0) else -p * math.log2(p) - (1 - p) * math.log2(1 - p)


def gllp_bits_per_pulse(km, *, mu=0.5, eta_bob=0.045, y0=1.7e-6, e_d=0.033, f=1.16, alpha=0.2):
    """Lo, Ma & Chen's GLLP rate with infinitely many decoys, before clipping at zero."""
    eta = eta_bob * 10 ** (-alpha * km / 10)
    gain = y0 + 1 - math.exp(-eta * mu)
    qber = (0.5 * y0 + e_d * (1 - math.exp(-eta * mu))) / gain
    y1 = y0 + eta
    e1 = (0.5 * y0 + e_d * eta) / y1
    return 0.5 * (-gain * f * h2(qber) + y1 * mu * math.exp(-mu) * (1 - h2(e1)))


def single_photon_bits_per_pulse(km, *, eta_bob=0.045, y0=1.7e-6, e_d=0.033, f=1.16, alpha=0.2):
    """Shor-Preskill with inefficient error correction for an ideal single-photon source."""
    eta = eta_bob * 10 ** (-alpha * km / 10)
    y1 = y0 + eta
    e1 = (0.5 * y0 + e_d * eta) / y1
    return 0.5 * y1 * (1 - f * h2(e1) - h2(e1))


@pytest.mark.parametrize(("km", "eta"), [(0, 1.0), (50, 0.1), (100, 0.01), (1000, 1e-20)])
def test_fibre_loses_0_2_db_per_km(km, eta):
    assert fiber_transmittance(km) == pytest.approx(eta, rel=1e-12)


@pytest.mark.parametrize(("eta", "db"), [(1.0, 0.0), (0.5, 3.0103), (0.1, 10.0), (1e-20, 200.0)])
def test_a_loss_in_db_is_minus_ten_log10_of_the_transmittance(eta, db):
    assert loss_db(eta) == pytest.approx(db, abs=1e-4)
    assert loss_db(fiber_transmittance(150)) == pytest.approx(30.0)  # 150 km at 0.2 dB/km


@pytest.mark.parametrize("eta", [0.0, -0.1, 1.5, math.nan])
def test_a_loss_needs_some_light_through(eta):
    with pytest.raises(
        InvalidValueError, match="transmittance must be a number greater than 0 and at most 1"
    ):
        loss_db(eta)


@pytest.mark.parametrize("km", [100, 300, 500])
def test_the_plob_bound_of_fibre_is_minus_log2_of_one_minus_eta(km):
    eta = 10 ** (-km / 50)  # 0.2 dB/km
    assert plob_bound(fiber_transmittance(km)) == pytest.approx(-math.log2(1 - eta), rel=1e-9)
    # the high-loss scaling 1.44 eta (1 / ln 2 = 1.4427), good to a relative eta / 2
    assert plob_bound(fiber_transmittance(km)) == pytest.approx(eta / math.log(2), rel=eta)


def test_the_plob_bound_does_not_underflow_at_1000_km():
    # -log2(1 - 1e-20) computed naively is 0: 1 - 1e-20 == 1 in floating point
    assert plob_bound(1e-20) == pytest.approx(1e-20 / math.log(2), rel=1e-12)
    assert plob_bound(fiber_transmittance(1000)) > 0
    assert plob_bound(0.0) == 0.0 and plob_bound(0.5) == 1.0 and plob_bound(1.0) == math.inf


@pytest.mark.parametrize("km", [0, 10, 50, 100, 140])
def test_the_decoy_rate_is_the_gllp_closed_form(km):
    expected = REPETITION_HZ * gllp_bits_per_pulse(km)
    assert bb84_key_rate(km) == pytest.approx(expected, rel=1e-10)
    assert bb84_key_rate(km, **GYS, attenuation_db_per_km=0.21, mean_photon_number=0.48) == pytest.approx(
        REPETITION_HZ * gllp_bits_per_pulse(km, alpha=0.21, mu=0.48), rel=1e-10
    )


@pytest.mark.parametrize("km", [0, 50, 100, 170])
def test_the_single_photon_rate_is_the_shor_preskill_closed_form(km):
    expected = REPETITION_HZ * single_photon_bits_per_pulse(km)
    assert bb84_key_rate(km, source="single-photon") == pytest.approx(expected, rel=1e-10)


def test_the_vectorised_rates_are_the_scalar_rates():
    lengths = np.linspace(0, 250, 26)
    for source in ("decoy", "single-photon"):
        rates = bb84_key_rates(lengths, source=source, repetition_rate_hz=1e9)
        assert rates.shape == lengths.shape
        for km, rate in zip(lengths, rates, strict=True):
            assert rate == bb84_key_rate(km, source=source, repetition_rate_hz=1e9)


def test_the_gys_link_keeps_a_secret_key_beyond_140_km():
    # Ma, "Security of quantum key distribution with realistic devices" (Master's report,
    # Toronto 2005, arXiv:quant-ph/0503057), abstract: "Based on the recent experimental setup,
    # we obtain the maximum secure transmission distance of over 140 km" (GLLP with decoys).
    for f in (1.16, 1.22):
        reach = max_distance_km(
            **GYS, attenuation_db_per_km=GYS_FIBRE_DB_PER_KM, error_correction_efficiency=f
        )
        assert 140 < reach < 150
        root = optimize.brentq(lambda km, f=f: gllp_bits_per_pulse(km, f=f, alpha=0.21), 100, 200, xtol=1e-9)
        assert reach == pytest.approx(root, abs=1e-6)


@pytest.mark.parametrize("source", ["decoy", "single-photon"])
def test_the_rate_falls_to_exactly_zero_at_the_maximal_distance_and_stays_there(source):
    reach = max_distance_km(source=source)
    closed_form = gllp_bits_per_pulse if source == "decoy" else single_photon_bits_per_pulse
    assert reach == pytest.approx(optimize.brentq(closed_form, 50, 300, xtol=1e-9), abs=1e-6)
    assert bb84_key_rate(reach - 1e-3, source=source) > 0
    for beyond in (reach + 1e-3, reach + 1, reach + 100, 1000, 1e5):
        assert bb84_key_rate(beyond, source=source) == 0.0  # exactly zero, not negative or tiny
    rates = bb84_key_rates(np.linspace(0, reach, 200), source=source)
    assert np.all(np.diff(rates) < 0)


def test_the_default_mean_photon_number_is_optimal():
    for km in (0, 50, 100):
        best = optimize.minimize_scalar(
            lambda mu, km=km: -gllp_bits_per_pulse(km, mu=mu), bounds=(0.05, 1), method="bounded"
        )
        assert best.x == pytest.approx(0.5, abs=0.01)


def test_single_photons_beat_weak_pulses_and_nothing_beats_the_repeaterless_bound():
    assert max_distance_km(source="single-photon") > max_distance_km(source="decoy")
    lengths = np.linspace(0, 300, 61)
    decoy = bb84_key_rates(lengths) / REPETITION_HZ
    single = bb84_key_rates(lengths, source="single-photon") / REPETITION_HZ
    plob = np.array([plob_bound(fiber_transmittance(km)) for km in lengths])
    assert np.all(single[decoy > 0] > decoy[decoy > 0])
    assert np.all(single <= plob) and np.all(decoy <= plob)


def test_without_dark_counts_or_loss_the_key_never_runs_out_and_bad_links_have_none():
    assert max_distance_km(dark_count_probability=0.0) == math.inf
    assert max_distance_km(attenuation_db_per_km=0.0) == math.inf
    assert max_distance_km(misalignment=0.2) == 0.0  # above the 11 % threshold even at 0 km
    assert bb84_key_rate(0, misalignment=0.2) == 0.0
    assert bb84_key_rate(100, mean_photon_number=0.0) == 0.0


def test_a_trusted_chain_runs_at_its_slowest_link_and_every_relay_knows_the_key():
    chain = trusted_node_chain(300, 2, source="single-photon")
    assert chain.segment_length_km == 100
    assert chain.segment_rates_bits_per_s == (bb84_key_rate(100, source="single-photon"),) * 3
    assert chain.rate_bits_per_s == min(chain.segment_rates_bits_per_s) > 0
    assert chain.who_knows == ("Alice", "node 1", "node 2", "Bob")
    direct = trusted_node_chain(300, 0)
    assert direct.rate_bits_per_s == bb84_key_rate(300) == 0.0  # beyond the decoy link's reach
    assert direct.who_knows == ("Alice", "Bob")
    assert trusted_node_chain(300, 1).rate_bits_per_s == bb84_key_rate(150) > 0


def test_the_satellite_link_is_the_friis_formula_with_losses_on_top():
    d_t, d_r, wavelength_m, km = 0.3, 1.0, 850e-9, 1200
    geometric = (math.pi * d_t * d_r / (4 * wavelength_m * km * 1e3)) ** 2
    kwargs = {"wavelength_nm": 850, "transmitter_aperture_m": d_t, "receiver_aperture_m": d_r}
    lossless = satellite_transmittance(km, **kwargs, atmospheric_loss_db=0, pointing_loss_db=0)
    assert lossless == pytest.approx(geometric, rel=1e-12)
    lossy = satellite_transmittance(km, **kwargs, atmospheric_loss_db=3, pointing_loss_db=2)
    assert lossy == pytest.approx(geometric * 10**-0.5, rel=1e-12)
    doubled = satellite_transmittance(2 * km, **kwargs, atmospheric_loss_db=0, pointing_loss_db=0)
    assert 10 * math.log10(lossless / doubled) == pytest.approx(20 * math.log10(2))  # 6 dB, not exponential
    assert satellite_transmittance(0.001, **kwargs, atmospheric_loss_db=0, pointing_loss_db=0) == 1.0


def test_the_micius_downlink_matches_its_measured_losses():
    # Yin et al., PRL 119, 200501 (2017), abstract: "The link attenuation is measured to vary from
    # 29 dB at 530 km to 36 dB at 1000 km" (downlink to Delingha).
    assert MICIUS_MEASURED_LOSSES_DB == ((530.0, 29.0), (1000.0, 36.0))
    # Yin et al., Nature 582, 501 (2020): 810 nm photons, 1.2 m ground telescopes, transmitters
    # with a near-diffraction-limited far-field divergence of about 10 µrad.
    assert MICIUS_DOWNLINK.wavelength_nm == 810 and MICIUS_DOWNLINK.receiver_aperture_m == 1.2
    footprint_m = 10e-6 * 1000e3  # the 10 µrad beam is 10 m wide at 1000 km
    diffraction_db = -10 * math.log10((1.2 / footprint_m) ** 2)
    assert diffraction_db == pytest.approx(18.42, abs=0.01)

    def downlink_db(km):
        return -10 * math.log10(satellite_transmittance(km))

    assert downlink_db(1000) == pytest.approx(36.0, abs=1e-9)  # the loss beyond diffraction is matched here
    assert downlink_db(530) == pytest.approx(29.0, abs=2.0)  # predicted by the L^2 law alone: 30.5 dB
    assert downlink_db(1200) == pytest.approx(36 + 20 * math.log10(1.2), abs=1e-9)


def test_the_slant_range_runs_from_the_altitude_overhead_to_the_horizon():
    r, h = EARTH_RADIUS_KM, MICIUS_ALTITUDE_KM
    assert slant_range_km(math.pi / 2) == pytest.approx(h)
    assert slant_range_km(0.0) == pytest.approx(math.sqrt((r + h) ** 2 - r**2))
    elevation = math.radians(30)
    km = slant_range_km(elevation, altitude_km=h)
    # law of cosines in the triangle centre-station-satellite, angle 90 deg + elevation at the station
    assert (r + h) ** 2 == pytest.approx(r**2 + km**2 + 2 * r * km * math.sin(elevation))


def test_two_stations_1203_km_apart_see_micius_over_their_midpoint_at_800_km_each():
    # Yin et al., Science 356, 1140 (2017), abstract: stations "separated by 1203 kilometers",
    # "two satellite-to-ground downlinks with a summed length varying from 1600 to 2400 kilometers";
    # overhead the midpoint is the shortest sum.
    links = midpoint_downlinks(1203)
    assert links.total_range_km == pytest.approx(1600, rel=1e-3)
    assert links.total_range_km == 2 * links.range_km
    assert slant_range_km(links.elevation_rad) == pytest.approx(links.range_km)
    assert midpoint_downlinks(0).range_km == pytest.approx(MICIUS_ALTITUDE_KM)
    horizon_km = 2 * EARTH_RADIUS_KM * math.acos(EARTH_RADIUS_KM / (EARTH_RADIUS_KM + MICIUS_ALTITUDE_KM))
    assert midpoint_downlinks(horizon_km).elevation_rad == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: bb84_key_rate(-1), InvalidValueError, "length_km must be a number at least 0 km"),
        (lambda: bb84_key_rate(math.nan), InvalidValueError, "length_km must be a number at least 0 km"),
        (
            lambda: bb84_key_rates([10, -1]),
            InvalidValueError,
            "lengths_km must be an array of numbers, each finite and at least 0 km",
        ),
        (
            lambda: bb84_key_rates(np.array([10, np.nan])),
            InvalidValueError,
            "lengths_km must be an array of numbers, each finite and at least 0 km",
        ),
        (
            lambda: bb84_key_rates(["ten"]),
            InvalidTypeError,
            "lengths_km must be an array of numbers, each finite and at least 0 km",
        ),
        (
            lambda: bb84_key_rate(10, mean_photon_number=-0.1),
            InvalidValueError,
            "mean_photon_number must be a number from 0 to 1",
        ),
        (
            lambda: bb84_key_rate(10, detector_efficiency=1.5),
            InvalidValueError,
            "detector_efficiency must be a number from 1e-06 to 1",
        ),
        (
            lambda: bb84_key_rate(10, dark_count_probability=-1e-6),
            InvalidValueError,
            "dark_count_probability must be a number from 0 to 1",
        ),
        (
            lambda: max_distance_km(misalignment=0.6),
            InvalidValueError,
            "misalignment must be a number from 0 to 0.5",
        ),
        (
            lambda: max_distance_km(error_correction_efficiency=0.9),
            InvalidValueError,
            "error_correction_efficiency must be a number from 1 to 3",
        ),
        (
            lambda: bb84_key_rates([1], repetition_rate_hz=0),
            InvalidValueError,
            "repetition_rate_hz must be a number greater than 0 and at most 1e+12 Hz",
        ),
        (
            lambda: bb84_key_rate(10, attenuation_db_per_km=-0.2),
            InvalidValueError,
            "attenuation_db_per_km must be a number from 0 to 10 dB/km",
        ),
        (
            lambda: bb84_key_rate(10, source="entangled"),
            InvalidValueError,
            "source must be one of 'decoy', 'single-photon'",
        ),
        (lambda: plob_bound(1.5), InvalidValueError, "transmittance must be a number from 0 to 1"),
        (lambda: plob_bound(math.nan), InvalidValueError, "transmittance must be a number from 0 to 1"),
        (lambda: trusted_node_chain(100, -1), InvalidValueError, "n_nodes must be an integer from 0 to 100"),
        (lambda: trusted_node_chain(100, 101), InvalidValueError, "n_nodes must be an integer from 0 to 100"),
        (lambda: trusted_node_chain(100, 1.5), InvalidTypeError, "n_nodes must be an integer from 0 to 100"),
        (lambda: trusted_node_chain(-5, 1), InvalidValueError, "length_km must be a number at least 0 km"),
        (
            lambda: trusted_node_chain(100, 1, colour="red"),
            UnknownKeywordError,
            "relay_chain got an unexpected keyword 'colour'; it takes source, mean_photon_number",
        ),
        (
            lambda: satellite_transmittance(0),
            InvalidValueError,
            "distance_km must be a number greater than 0 and at most 400000 km",
        ),
        (
            lambda: satellite_transmittance(500, transmitter_aperture_m=0),
            InvalidValueError,
            "transmitter_aperture_m must be a number greater than 0 and at most 100 m",
        ),
        (
            lambda: satellite_transmittance(500, receiver_aperture_m=-1),
            InvalidValueError,
            "receiver_aperture_m must be a number greater than 0 and at most 100 m",
        ),
        (
            lambda: satellite_transmittance(500, wavelength_nm=math.nan),
            InvalidValueError,
            "wavelength_nm must be a number from 200 to 20000 nm",
        ),
        (
            lambda: satellite_transmittance(500, atmospheric_loss_db=-3),
            InvalidValueError,
            "atmospheric_loss_db must be a number from 0 to 100 dB",
        ),
        (
            lambda: satellite_transmittance(500, pointing_loss_db=math.inf),
            InvalidValueError,
            "pointing_loss_db must be a number from 0 to 100 dB",
        ),
        (
            lambda: slant_range_km(-0.1),
            InvalidValueError,
            "elevation_rad must be a number from 0 to 1.5708 rad",
        ),
        (
            lambda: slant_range_km(0.5, altitude_km=0),
            InvalidValueError,
            "altitude_km must be a number greater than 0 and at most 100000 km",
        ),
        (
            lambda: midpoint_downlinks(5000),
            InvalidValueError,
            "ground_distance_km must be a number from 0 to 4890.99 km",
        ),
    ],
)
def test_bad_input_gets_named_errors(call, error, message):
    with pytest.raises(error) as info:
        call()
    assert str(info.value).startswith(message)


def test_relays_with_unequal_links_run_at_the_slowest_links_rate():
    from qwidgets.physics import bb84_key_rate, relay_chain

    chain = relay_chain((20.0, 90.0, 40.0))
    assert chain.segment_rates_bits_per_s == pytest.approx([bb84_key_rate(km) for km in (20.0, 90.0, 40.0)])
    assert chain.rate_bits_per_s == pytest.approx(bb84_key_rate(90.0)) and chain.segment_length_km == 90.0
    assert chain.who_knows == ("Alice", "node 1", "node 2", "Bob")


def test_rates_at_a_loss_equal_the_fibre_rates_at_the_same_loss():
    from qwidgets.physics import bb84_key_rates, bb84_key_rates_at_loss

    lengths = np.array([0.0, 25.0, 100.0])
    assert bb84_key_rates_at_loss(0.2 * lengths) == pytest.approx(bb84_key_rates(lengths))
    assert bb84_key_rates_at_loss([30.0], source="single-photon")[0] == pytest.approx(
        bb84_key_rates(np.array([150.0]), source="single-photon")[0]
    )
