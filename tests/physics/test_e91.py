"""E91 against closed forms: S = 2 sqrt(2) (1 - 2 noise), S = sqrt(2) under a full intercept-resend,
QBER 1/4, key fraction 2/9; sampled runs converge on the exact statistics."""

import math

import numpy as np
import pytest

from qwidgets.physics import (
    ALICE_ANGLES,
    BOB_ANGLES,
    E91_KEY_FRACTION,
    E91_KEY_SETTINGS,
    CloningAttack,
    InterceptResend,
    e91_state,
    e91_statistics,
    simulate_e91,
)

TSIRELSON = 2 * math.sqrt(2)


def test_key_settings_are_the_two_shared_angles():
    shared = [
        (i, j) for i, a in enumerate(ALICE_ANGLES) for j, b in enumerate(BOB_ANGLES) if math.isclose(a, b)
    ]
    assert shared == list(E91_KEY_SETTINGS)
    assert E91_KEY_FRACTION == pytest.approx(2 / 9)


def test_perfect_pairs_reach_tsirelson_with_no_errors():
    stats = e91_statistics()
    assert stats.chsh == pytest.approx(TSIRELSON, abs=1e-12)
    assert stats.qber == pytest.approx(0.0, abs=1e-12)
    expected = [[math.cos(a - b) for b in BOB_ANGLES] for a in ALICE_ANGLES]
    np.testing.assert_allclose(stats.correlations, expected, atol=1e-12)


@pytest.mark.parametrize("noise", [0.0, 0.05, 0.1, 1 / 2 - 1 / math.sqrt(8), 0.3, 0.5])
def test_noise_scales_every_correlation_by_one_minus_twice_the_noise(noise):
    stats = e91_statistics(noise=noise)
    assert stats.chsh == pytest.approx(TSIRELSON * (1 - 2 * noise), abs=1e-12)
    assert stats.qber == pytest.approx(noise, abs=1e-12)


def test_noise_at_which_the_bell_test_fails():
    noise = (1 - 1 / math.sqrt(2)) / 2  # 2 sqrt(2) (1 - 2p) = 2
    assert noise == pytest.approx(0.1464, abs=1e-4)
    assert e91_statistics(noise=noise).chsh == pytest.approx(2.0, abs=1e-12)


def test_full_intercept_resend_in_z_or_x_leaves_sqrt2_and_a_quarter_of_errors():
    stats = e91_statistics(eve=InterceptResend(1.0, "random"))
    assert stats.chsh == pytest.approx(math.sqrt(2), abs=1e-12)
    assert stats.qber == pytest.approx(0.25, abs=1e-12)
    expected = [[math.cos(a - b) / 2 for b in BOB_ANGLES] for a in ALICE_ANGLES]
    np.testing.assert_allclose(stats.correlations, expected, atol=1e-12)


@pytest.mark.parametrize("basis", ["Z", "X", "breidbart", "random"])
def test_any_measuring_eve_pulls_s_into_the_classical_region(basis):
    assert abs(e91_statistics(eve=InterceptResend(1.0, basis)).chsh) <= 2 + 1e-12


@pytest.mark.parametrize("fraction", [0.0, 0.25, 0.5, 1.0])
def test_a_fraction_of_pairs_measured_mixes_linearly(fraction):
    stats = e91_statistics(eve=InterceptResend(fraction))
    assert stats.chsh == pytest.approx(TSIRELSON * (1 - fraction) + math.sqrt(2) * fraction, abs=1e-12)
    assert stats.qber == pytest.approx(fraction / 4, abs=1e-12)


def test_bob_sees_a_fair_coin_whatever_happens():
    for eve in (None, InterceptResend(1.0, "Z"), InterceptResend(0.3, "breidbart")):
        rho = e91_state(eve=eve, noise=0.1)
        np.testing.assert_allclose(rho.ptrace(1).full(), np.eye(2) / 2, atol=1e-12)
        np.testing.assert_allclose(rho.ptrace(0).full(), np.eye(2) / 2, atol=1e-12)


def _within(sampled, exact, error, sigmas=4.0):
    assert abs(sampled - exact) <= sigmas * error, f"{sampled} vs {exact} (standard error {error})"


@pytest.mark.parametrize(
    "eve, noise", [(None, 0.0), (None, 0.1), (InterceptResend(1.0), 0.0), (InterceptResend(0.5, "X"), 0.05)]
)
def test_sampled_runs_converge_on_the_exact_statistics(eve, noise):
    n = 200_000
    run = simulate_e91(n, eve=eve, noise=noise, rng=12)
    stats = e91_statistics(eve=eve, noise=noise)
    _within(run.chsh, stats.chsh, run.chsh_error)
    assert run.chsh_error == pytest.approx(math.sqrt(4 * 9 / n * (1 - (stats.chsh / 4) ** 2)), rel=0.2)
    _within(run.key_length / n, 2 / 9, math.sqrt(2 / 9 * 7 / 9 / n))
    _within(run.qber, stats.qber, math.sqrt(max(stats.qber * (1 - stats.qber), 1e-12) / run.key_length))
    cells = np.bincount(run.alice_settings.astype(int) * 3 + run.bob_settings, minlength=9).reshape(3, 3)
    errors = np.sqrt(np.maximum(1 - np.square(stats.correlations), 1e-12) / cells)
    assert np.all(np.abs(run.correlations - stats.correlations) <= 4 * errors + 1e-9)
    if eve is not None:
        _within(
            run.eve_measured.mean(), eve.fraction, math.sqrt(eve.fraction * (1 - eve.fraction) / n) + 1e-12
        )


def test_key_bits_agree_without_eve_or_noise():
    run = simulate_e91(10_000, rng=3)
    assert run.qber == 0.0
    assert np.array_equal(run.alice_bits[run.key], run.bob_bits[run.key])
    assert run.key_length == int(run.key.sum())
    assert set(np.unique(run.alice_bits)) == {0, 1}


def test_runs_are_reproducible_and_read_only():
    a, b = simulate_e91(5_000, rng=7), simulate_e91(5_000, rng=7)
    assert a == b
    assert a != simulate_e91(5_000, rng=8)
    with pytest.raises(ValueError):
        a.alice_bits[0] = 1
    assert a.n_pairs == 5_000


def test_a_tiny_run_reports_nan_where_a_setting_got_no_pair():
    run = simulate_e91(1, rng=0)
    assert math.isnan(run.chsh) and math.isnan(run.chsh_error)
    assert np.isnan(run.correlations).sum() == 8


@pytest.mark.parametrize("bad", [0, -5, 10**9, 2.5, "many"])
def test_bad_pair_counts_are_refused(bad):
    with pytest.raises((ValueError, TypeError), match="n_pairs"):
        simulate_e91(bad)


def test_eavesdroppers_e91_cannot_model_are_refused_by_name():
    with pytest.raises(TypeError, match="InterceptResend"):
        e91_statistics(eve=CloningAttack())
    with pytest.raises(TypeError, match="eve"):
        simulate_e91(10, eve="Eve")


@pytest.mark.parametrize("bad", [-0.1, 0.6, float("nan")])
def test_noise_out_of_range_is_refused(bad):
    with pytest.raises(ValueError, match="noise"):
        e91_statistics(noise=bad)
