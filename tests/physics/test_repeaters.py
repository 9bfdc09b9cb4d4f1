"""Heralded links and repeater chains: closed forms, limits, and Monte-Carlo runs converging on the
analytic expectations within a few standard errors."""

import math

import numpy as np
import pytest

from qwidgets.physics import (
    MIN_ATTEMPT_TIME_S,
    NESTED_SEGMENTS,
    SPEED_IN_FIBRE_KM_PER_S,
    binary_entropy,
    fiber_transmittance,
    heralded_link,
    nested_swap_levels,
    plob_bound,
    purify,
    repeater_chain,
    repeater_key_rate,
    repeater_key_rates,
    swap_fidelity,
)


def test_a_heralded_link_succeeds_with_half_the_detected_two_photon_transmittance():
    link = heralded_link(100.0, detector_efficiency=0.8)
    assert link.success_probability == pytest.approx(0.8**2 / 2 * 10 ** (-0.2 * 100 / 10))
    assert link.attempt_time_s == pytest.approx(100 / 2e5) == pytest.approx(5e-4)
    assert link.mean_time_s == pytest.approx(link.attempt_time_s / link.success_probability)
    assert SPEED_IN_FIBRE_KM_PER_S == 2e5


def test_nested_levels_join_neighbours_then_the_pairs_so_made():
    assert nested_swap_levels(1) == ()
    assert nested_swap_levels(2) == (((0, 1, 2),),)
    assert nested_swap_levels(8) == (
        ((0, 1, 2), (2, 3, 4), (4, 5, 6), (6, 7, 8)),
        ((0, 2, 4), (4, 6, 8)),
        ((0, 4, 8),),
    )
    for n in NESTED_SEGMENTS:
        assert len(nested_swap_levels(n)) == round(math.log2(n))


def _expected_max(p, n):
    """E[max of n geometric counts] = sum_j (-1)^(j+1) C(n, j) / (1 - (1 - p)^j) (fine for small n)."""
    return sum((-1) ** (j + 1) * math.comb(n, j) / (1 - (1 - p) ** j) for j in range(1, n + 1))


@pytest.mark.parametrize("n, length", [(1, 50.0), (2, 100.0), (4, 200.0), (8, 400.0)])
def test_the_mean_time_is_the_slowest_of_n_geometric_links_plus_the_messages(n, length):
    chain = repeater_chain(length, n)
    p, tau = chain.link.success_probability, chain.link.attempt_time_s
    classical = length / 2e5 if n > 1 else 0.0
    assert chain.mean_time_s == pytest.approx(_expected_max(p, n) * tau + classical, rel=1e-9)
    assert chain.rate_pairs_per_s == pytest.approx(1 / chain.mean_time_s)
    assert chain.mean_storage_s == pytest.approx((_expected_max(p, n) - 1 / p) * tau, rel=1e-6, abs=1e-15)


def test_with_perfect_memories_the_fidelity_is_nested_swapping_of_the_link_pairs():
    chain = repeater_chain(400.0, 4, memory_t2_s=1e9, link_fidelity=0.97)
    two = swap_fidelity(0.97, 0.97)
    assert chain.fidelity == pytest.approx(swap_fidelity(two, two), abs=1e-6)


def test_a_single_link_keeps_its_fidelity_and_waits_for_nothing():
    chain = repeater_chain(100.0, 1, memory_t2_s=0.001, link_fidelity=0.95)
    assert chain.fidelity == pytest.approx(0.95, abs=1e-12)
    assert chain.classical_time_s == 0.0 and chain.mean_storage_s == 0.0


def test_two_segments_with_exact_storage_sum():
    """n = 2 by hand: the first pair waits |N1 - N2| attempts; the end qubits wait L / c."""
    length, t2, f = 100.0, 0.05, 0.99
    chain = repeater_chain(length, 2, memory_t2_s=t2, link_fidelity=f)
    p, tau = chain.link.success_probability, chain.link.attempt_time_s
    q = 1 - p
    r = math.exp(-2 * tau / t2)
    # P(|N1 - N2| = d) = p^2 / (1 - q^2) for d = 0, and 2 p^2 q^d / (1 - q^2) for d >= 1
    d = np.arange(0, 20_000)
    weights = np.where(d == 0, 1.0, 2.0) * p * p * q**d / (1 - q * q)
    factor = float(np.sum(weights * (1 + 2 * r**d) / 3))
    w = ((4 * f - 1) / 3) ** 2 * factor * (1 + 2 * math.exp(-2 * length / 2e5 / t2)) / 3
    assert chain.fidelity == pytest.approx((1 + 3 * w) / 4, abs=1e-9)


def test_purification_makes_a_better_but_slower_link():
    plain = repeater_chain(200.0, 4, memory_t2_s=10.0, link_fidelity=0.9)
    purified = repeater_chain(200.0, 4, memory_t2_s=10.0, link_fidelity=0.9, purification_rounds=1)
    f, probability = purify(0.9, "dejmps", 1)
    assert (
        purified.link_fidelity == pytest.approx(f)
        and purified.purification_success_probability == probability
    )
    assert purified.fidelity > plain.fidelity
    assert purified.mean_time_s > plain.mean_time_s


def test_short_memories_ruin_long_chains():
    good = repeater_chain(1000.0, 8, memory_t2_s=100.0)
    bad = repeater_chain(1000.0, 8, memory_t2_s=0.01)
    assert good.fidelity > 0.8 and bad.fidelity < 0.3


@pytest.mark.parametrize(
    "length, n, t2, rounds",
    [
        (100.0, 2, 1.0, 0),
        (600.0, 8, 10.0, 0),
        (1000.0, 8, 10.0, 0),
        (1000.0, 16, 1.0, 1),
        (1000.0, 64, 1.0, 0),
    ],
)
def test_monte_carlo_converges_on_the_analytic_expectation(length, n, t2, rounds):
    settings = dict(memory_t2_s=t2, purification_rounds=rounds)
    exact = repeater_chain(length, n, **settings)
    run = repeater_chain(length, n, mode="monte-carlo", n_trials=40_000, rng=11, **settings)
    assert abs(run.mean_time_s - exact.mean_time_s) <= 4 * run.time_error
    assert abs(run.fidelity - exact.fidelity) <= 4 * run.fidelity_error + 1e-12
    assert run.n_trials == 40_000 and run.mode == "monte-carlo"


def test_monte_carlo_is_seeded():
    a = repeater_chain(500.0, 8, mode="monte-carlo", n_trials=2000, rng=5)
    assert a == repeater_chain(500.0, 8, mode="monte-carlo", n_trials=2000, rng=5)
    assert a != repeater_chain(500.0, 8, mode="monte-carlo", n_trials=2000, rng=6)


def test_very_long_links_sample_without_overflow():
    exact = repeater_chain(1000.0, 1)  # p ~ 4e-21 per attempt
    run = repeater_chain(1000.0, 1, mode="monte-carlo", n_trials=20_000, rng=2)
    assert abs(run.mean_time_s - exact.mean_time_s) <= 4 * run.time_error


def test_key_rate_is_half_the_pairs_times_the_shor_preskill_fraction():
    chain = repeater_chain(300.0, 8, memory_t2_s=10.0)
    e = 2 * (1 - chain.fidelity) / 3
    expected = chain.rate_pairs_per_s / 2 * max(0.0, 1 - 2 * binary_entropy(e))
    assert repeater_key_rate(chain) == pytest.approx(expected)
    assert repeater_key_rate(repeater_chain(1000.0, 8, memory_t2_s=0.01)) == 0.0  # F far below 0.83


def test_a_good_repeater_beats_the_repeaterless_bound_at_long_distance():
    """PLOB at a 2 MHz clock against 8 segments with 100 s memories and one round of purification."""
    settings = dict(n_segments=8, memory_t2_s=100.0, purification_rounds=1)
    rates = repeater_key_rates([100.0, 800.0], **settings)
    bound = [2e6 * plob_bound(fiber_transmittance(d)) for d in (100.0, 800.0)]
    assert rates[0] < bound[0]  # near: the direct link wins
    assert rates[1] > bound[1] > 0  # far: the repeater wins


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (dict(length_km=-1.0, n_segments=2), "length_km"),
        (dict(length_km=100.0, n_segments=0), "n_segments"),
        (dict(length_km=100.0, n_segments=3), "n_segments"),
        (dict(length_km=100.0, n_segments=2, memory_t2_s=0.0), "memory_t2_s"),
        (dict(length_km=100.0, n_segments=2, memory_t2_s=-1.0), "memory_t2_s"),
        (dict(length_km=100.0, n_segments=2, link_fidelity=1.5), "link_fidelity"),
        (dict(length_km=100.0, n_segments=2, purification_rounds=-1), "purification_rounds"),
        (dict(length_km=100.0, n_segments=2, mode="guess"), "mode"),
        (dict(length_km=100.0, n_segments=2, n_trials=0, mode="monte-carlo"), "n_trials"),
    ],
)
def test_bad_input_is_refused_by_name(kwargs, match):
    with pytest.raises((ValueError, TypeError), match=match):
        repeater_chain(**kwargs)


def test_key_rate_needs_a_chain():
    with pytest.raises(TypeError, match="chain"):
        repeater_key_rate(0.9)


def test_a_long_monte_carlo_run_shows_a_progress_bar(monkeypatch, capsys):
    from qwidgets.physics import repeaters

    monkeypatch.setattr(repeaters, "_CHUNK", 1000)
    monkeypatch.setattr(repeaters, "_PROGRESS_AFTER_S", 0.0)  # every run counts as long
    repeater_chain(500.0, 8, mode="monte-carlo", n_trials=5000, rng=1)
    assert "repeater chain" in capsys.readouterr().err
    monkeypatch.setattr(repeaters, "_PROGRESS_AFTER_S", 1e9)  # never long: no bar
    repeater_chain(500.0, 8, mode="monte-carlo", n_trials=5000, rng=1)
    assert "repeater chain" not in capsys.readouterr().err


def test_a_zero_length_chain_has_a_finite_rate_set_by_the_nodes_cycle():
    chain = repeater_chain(0.0, 8)
    assert chain.link.attempt_time_s == MIN_ATTEMPT_TIME_S
    assert math.isfinite(chain.rate_pairs_per_s) and chain.rate_pairs_per_s > 0
    assert math.isfinite(repeater_key_rate(repeater_chain(0.0, 16)))
