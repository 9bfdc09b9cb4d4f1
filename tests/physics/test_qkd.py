"""BB84, six-state and their eavesdroppers against the textbook figures, exact and sampled."""

import copy
import math
import time

import numpy as np
import pytest

from qwidgets.errors import InvalidTypeError, InvalidValueError
from qwidgets.physics import (
    BB84Run,
    CloningAttack,
    InterceptResend,
    PhotonNumberSplitting,
    bb84_statistics,
    binary_entropy,
    check_sample,
    fiber_transmittance,
    protocol_bases,
    simulate_bb84,
)

H = binary_entropy
BREIDBART_GUESS = math.cos(math.pi / 8) ** 2  # Eve's chance of guessing a BB84 bit in the Breidbart basis
CLONE_QBER = 0.5 - 1 / math.sqrt(8)  # optimal phase-covariant cloner (Fuchs et al. 1997)


def fuchs_information(qber: float) -> float:
    """Eve's information at the optimal individual attack on BB84: 1 - h2(1/2 + sqrt(Q(1 - Q)))."""
    return 1 - H(0.5 + math.sqrt(qber * (1 - qber)))


# (eve, bases, exact QBER, exact information of Eve per sifted bit), from the literature
TEXTBOOK = [
    (None, 2, 0.0, 0.0),
    (None, 3, 0.0, 0.0),
    (InterceptResend(), 2, 1 / 4, 1 / 2),
    (InterceptResend(), 3, 1 / 3, 1 / 3),
    (InterceptResend(basis="Z"), 2, 1 / 4, 1 / 2),
    (InterceptResend(basis="X"), 2, 1 / 4, 1 / 2),
    (InterceptResend(basis="breidbart"), 2, 1 / 4, 1 - H(BREIDBART_GUESS)),
    (InterceptResend(fraction=0.4), 2, 0.4 / 4, 0.4 / 2),
    (InterceptResend(fraction=0.3), 3, 0.3 / 3, 0.3 / 3),
    (CloningAttack(), 2, CLONE_QBER, fuchs_information(CLONE_QBER)),
    (CloningAttack(), 3, 1 / 6, 1 - H(1 / 6)),  # universal cloner, fidelity 5/6, for six states
]


@pytest.mark.parametrize(("eve", "bases", "qber", "information"), TEXTBOOK, ids=str)
def test_exact_figures_are_the_textbook_ones(eve, bases, qber, information):
    stats = bb84_statistics(eve=eve, bases=bases)
    assert stats.qber == pytest.approx(qber, abs=1e-12)
    assert stats.eve_information == pytest.approx(information, abs=1e-9)
    assert stats.sift_fraction == pytest.approx(1 / bases)


def test_at_the_cloning_attack_eve_knows_as_much_as_bob():
    """Where I(A;E) = I(A;B) = 1 - h2(Q): the crossing at Q = (1 - 1/sqrt 2)/2 (Fuchs et al. 1997)."""
    stats = bb84_statistics(eve=CloningAttack())
    assert stats.eve_information == pytest.approx(1 - H(stats.qber), abs=1e-9)


@pytest.mark.parametrize("noise", [0.0, 0.03, 0.1])
@pytest.mark.parametrize("fraction", [0.0, 0.5, 1.0])
def test_channel_noise_adds_to_eves_errors_as_two_independent_flips(noise, fraction):
    stats = bb84_statistics(eve=InterceptResend(fraction=fraction), noise=noise)
    eve_errors = fraction / 4
    assert stats.qber == pytest.approx(eve_errors * (1 - noise) + (1 - eve_errors) * noise)
    assert stats.eve_information == pytest.approx(fraction / 2)  # noise acts after Eve


@pytest.mark.parametrize(("eve", "bases", "qber", "information"), TEXTBOOK, ids=str)
def test_runs_converge_on_the_exact_figures(eve, bases, qber, information):
    run = simulate_bb84(200_000, eve=eve, bases=bases, rng=7)
    kept = run.sifted_key_length
    assert abs(kept - 200_000 / bases) < 5 * math.sqrt(200_000 * (1 / bases) * (1 - 1 / bases))
    assert abs(run.qber - qber) < 5 * math.sqrt(max(qber * (1 - qber), 1e-12) / kept) + 1e-12
    assert run.eve_information == pytest.approx(information, abs=0.01)
    assert run.qber == np.count_nonzero(run.errors) / kept


def test_run_records_are_consistent_photon_by_photon():
    run = simulate_bb84(20_000, eve=InterceptResend(fraction=0.5, basis="random"), rng=3)
    assert np.array_equal(run.sifted, run.alice_bases == run.bob_bases)
    acted = run.eve_bases >= 0
    assert np.array_equal(acted, run.eve_results >= 0)
    assert abs(acted.mean() - 0.5) < 0.02
    same = acted & (run.eve_bases == run.alice_bases)
    assert np.array_equal(run.eve_results[same], run.alice_bits[same])  # the right basis reads the bit
    untouched = ~acted & run.sifted
    assert np.array_equal(run.bob_results[untouched], run.alice_bits[untouched])  # no noise, no Eve: no error
    assert set(np.unique(run.bob_results)) == {0, 1}


def test_breidbart_records_use_the_extra_basis_code():
    run = simulate_bb84(1000, eve=InterceptResend(basis="breidbart"), rng=1)
    assert set(np.unique(run.eve_bases)) == {len(run.basis_names)}


def test_runs_are_reproducible_immutable_and_compare_safely():
    a = simulate_bb84(5000, eve=CloningAttack(0.5), noise=0.02, rng=11)
    b = simulate_bb84(5000, eve=CloningAttack(0.5), noise=0.02, rng=11)
    assert a == b and a == copy.deepcopy(a)
    assert a != simulate_bb84(5000, eve=CloningAttack(0.5), noise=0.02, rng=12)
    with pytest.raises(ValueError, match="read-only"):
        a.alice_bits[0] = 1
    assert isinstance(a, BB84Run) and a.n_photons == 5000


def test_photon_number_splitting_without_decoys_is_silent_and_knows_everything_far_away():
    """Brassard, Lütkenhaus, Mor & Sanders (2000): with many multi-photon pulses Eve needs no single one."""
    mu, eta = 0.5, fiber_transmittance(100)  # 1 % transmittance
    eve = PhotonNumberSplitting(mean_photon_number=mu, transmittance=eta)
    stats = bb84_statistics(eve=eve, noise=0.01)
    gain = 1 - math.exp(-eta * mu)
    assert stats.signal_gain == pytest.approx(gain) and stats.expected_signal_gain == pytest.approx(gain)
    assert stats.qber == pytest.approx(0.01)  # only the channel's own errors
    assert stats.eve_information == pytest.approx(1.0)
    assert stats.sift_fraction == pytest.approx(gain / 2)


def test_photon_number_splitting_close_by_reads_only_the_multi_photon_share():
    mu, eta = 0.1, 0.5  # few multi-photon pulses, a good channel
    stats = bb84_statistics(eve=PhotonNumberSplitting(mean_photon_number=mu, transmittance=eta))
    multi = 1 - math.exp(-mu) * (1 + mu)
    assert stats.eve_information == pytest.approx(multi / (1 - math.exp(-eta * mu)))
    assert stats.signal_gain == pytest.approx(1 - math.exp(-eta * mu))


def test_decoy_pulses_expose_photon_number_splitting():
    """Hwang (2003), Lo, Ma & Chen (2005): the decoys' gain falls far below the honest 1 - exp(-eta nu)."""
    mu, nu, eta = 0.5, 0.1, 0.01
    stats = bb84_statistics(
        eve=PhotonNumberSplitting(mean_photon_number=mu, transmittance=eta, decoy_photon_number=nu)
    )
    honest = 1 - math.exp(-eta * nu)
    forwarded = (1 - math.exp(-eta * mu)) / (1 - math.exp(-mu) * (1 + mu))
    assert stats.expected_decoy_gain == pytest.approx(honest)
    assert stats.decoy_gain == pytest.approx((1 - math.exp(-nu) * (1 + nu)) * forwarded)
    assert stats.decoy_gain < honest / 3
    run = simulate_bb84(
        400_000,
        eve=PhotonNumberSplitting(mean_photon_number=mu, transmittance=eta, decoy_photon_number=nu),
        rng=5,
    )
    decoys = np.count_nonzero(run.decoy)
    assert abs(run.decoy_gain - stats.decoy_gain) < 5 * math.sqrt(stats.decoy_gain / decoys)
    assert run.decoy_gain < honest - 5 * math.sqrt(honest / decoys)  # far outside the honest spread
    assert not run.sifted[run.decoy].any()  # decoys never enter the key
    assert run.qber == 0.0


def test_pulse_photon_numbers_are_poisson():
    run = simulate_bb84(200_000, eve=PhotonNumberSplitting(mean_photon_number=0.5), rng=2)
    assert run.photon_numbers.mean() == pytest.approx(0.5, abs=5 * math.sqrt(0.5 / 200_000))
    assert np.mean(run.photon_numbers == 0) == pytest.approx(math.exp(-0.5), abs=0.005)


def test_check_sample_compares_random_sifted_bits():
    run = simulate_bb84(10_000, eve=InterceptResend(), rng=4)
    sample = check_sample(run, 400, rng=9)
    assert sample.n_checked == 400 and len(sample.positions) == 400
    assert run.sifted[sample.positions].all() and np.all(np.diff(sample.positions) > 0)
    assert sample.errors == np.count_nonzero(run.errors[sample.positions])
    assert abs(sample.estimated_qber - 0.25) < 5 * math.sqrt(0.25 * 0.75 / 400)
    assert sample.key_length == run.sifted_key_length - 400
    assert check_sample(run, 400, rng=9) == sample
    assert math.isnan(check_sample(run, 0).estimated_qber)


def test_ten_to_the_six_photons_with_eve_well_under_a_second():
    start = time.perf_counter()
    run = simulate_bb84(10**6, eve=InterceptResend(fraction=0.5), rng=1)
    assert time.perf_counter() - start < 5  # a generous smoke bound; speed is measured in benchmarks/
    assert run.n_photons == 10**6


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: simulate_bb84(0), InvalidValueError, "n_photons must be an integer from 1 to 10,000,000"),
        (lambda: simulate_bb84(10, noise=0.6), InvalidValueError, "noise must be a number from 0 to 0.5"),
        (lambda: simulate_bb84(10, bases=4), InvalidValueError, "bases must be an integer from 2 to 3"),
        (lambda: simulate_bb84(10, eve="Eve"), InvalidTypeError, "eve must be None, InterceptResend(...)"),
        (lambda: simulate_bb84(10, rng=-1), InvalidValueError, "rng must be None"),
        (lambda: InterceptResend(fraction=1.5), InvalidValueError, "fraction must be a number from 0 to 1"),
        (lambda: InterceptResend(basis="W"), InvalidValueError, "basis must be one of 'random', 'Z'"),
        (
            lambda: CloningAttack(fraction=math.nan),
            InvalidValueError,
            "fraction must be a number from 0 to 1",
        ),
        (
            lambda: PhotonNumberSplitting(mean_photon_number=-1),
            InvalidValueError,
            "mean_photon_number must be",
        ),
        (
            lambda: PhotonNumberSplitting(decoy_photon_number=0.7),
            InvalidValueError,
            "decoy_photon_number must be",
        ),
        (lambda: PhotonNumberSplitting(transmittance=0), InvalidValueError, "transmittance must be"),
        (
            lambda: check_sample(simulate_bb84(10, rng=1), 50),
            InvalidValueError,
            "n_checked must be an integer from 0",
        ),
        (lambda: check_sample("run", 5), InvalidTypeError, "run must be a BB84Run"),
        (lambda: protocol_bases(True), InvalidTypeError, "bases must be an integer"),
    ],
)
def test_bad_input_gets_named_errors(call, error, message):
    with pytest.raises(error) as info:
        call()
    assert str(info.value).startswith(message)
