"""EavesdropperPanel without a browser: the figures against closed forms, the challenge, the controls."""

import math

import numpy as np
import pytest

from qwidgets import EavesdropperPanel
from qwidgets.physics import binary_entropy, fiber_transmittance
from qwidgets.testing import browser_echo


def curve(panel, figure, label):
    (found,) = [c for c in panel._pictures[figure].curves if c.label == label]
    return np.array(found.x), np.array(found.y)


def test_a_full_intercept_resend_is_the_textbook_attack_and_is_caught():
    panel = EavesdropperPanel(seed=3)
    reading = panel.result
    assert reading.stats.qber == pytest.approx(0.25) and reading.stats.eve_information == pytest.approx(0.5)
    assert reading.alarm_probability == pytest.approx(1 - 0.75**50)
    assert reading.detected and "caught" in panel.summary_text and "score 0" in panel.summary_text
    assert panel.summary_text.startswith(
        "Intercept-resend on 100% of the photons, in the random basis, BB84: QBER 25.0%"
    )


def test_the_information_chart_plots_bob_eve_and_the_key_fraction():
    panel = EavesdropperPanel()
    q, bob = curve(panel, 0, "Bob: 1 − h(Q)")
    assert bob == pytest.approx([1 - binary_entropy(x) for x in q])
    q, eve = curve(panel, 0, "Eve, this attack")
    assert q == pytest.approx(np.linspace(0, 1, 21) / 4) and eve == pytest.approx(np.linspace(0, 1, 21) / 2)
    q, key = curve(panel, 0, "secret key fraction")
    assert key[q < 0.11].min() > 0 and np.all(key[q > 0.111] == 0)
    (span,) = panel._pictures[0].spans
    assert span.start == pytest.approx(0.1100279, abs=1e-6)


def test_a_light_attack_is_caught_with_the_binomial_probability():
    panel = EavesdropperPanel(fraction=0.04, n_checked=50)
    assert panel.result.stats.qber == pytest.approx(0.01)
    assert panel.result.alarm_probability == pytest.approx(1 - 0.99**50)
    n, p = curve(panel, 1, "error check")
    assert p == pytest.approx(1 - 0.99**n)
    (marker,) = panel._pictures[1].markers
    assert (marker.x, marker.y) == pytest.approx((50, 1 - 0.99**50))


def test_the_challenge_scores_what_eve_learned_when_she_goes_unseen():
    panel = EavesdropperPanel(fraction=0.02, n_checked=20)  # caught with probability 1 - 0.995**20, ~10 %
    while panel.result.detected:
        panel.controls["new_run"].click()
    reading = panel.result
    assert reading.check.errors == 0 and "unseen" in panel.summary_text
    assert reading.bits_learned == round(0.02 / 2 * reading.check.key_length) > 0  # f/2 bits per sifted bit
    assert f"score {reading.bits_learned:,}." in panel.summary_text


def test_cloning_and_the_six_state_protocol():
    panel = EavesdropperPanel(attack="cloning")
    assert panel.result.stats.qber == pytest.approx(0.5 - 1 / math.sqrt(8))
    panel.controls["protocol"].value = "six-state"
    assert panel.result.stats.qber == pytest.approx(1 / 6)
    assert panel.result.threshold == pytest.approx(0.1262, abs=2e-4)
    assert "no secret key above 12.6%" in panel.summary_text


def test_photon_number_splitting_is_silent_without_decoys_and_caught_with_them():
    panel = EavesdropperPanel(attack="photon-number splitting", distance_km=50, n_photons=100_000, seed=2)
    reading = panel.result
    assert reading.stats.qber == 0 and reading.stats.eve_information == pytest.approx(1.0)
    assert reading.stats.expected_signal_gain == pytest.approx(1 - math.exp(-0.5 * fiber_transmittance(50)))
    assert not reading.detected and "unseen" in panel.summary_text
    panel.controls["decoys"].value = "on"
    reading = panel.result
    assert reading.decoy_alarm and reading.detected and "decoys missing" in panel.summary_text
    assert reading.decoy_alarm_probability > 0.99
    assert [c.label for c in panel._pictures[1].curves] == ["error check", "decoy check"]


def test_without_eve_there_is_nothing_to_learn_and_an_alarm_is_false():
    panel = EavesdropperPanel(fraction=0.0, noise=0.05, n_checked=100)
    assert panel.result.bits_learned == 0
    assert "raises a false alarm with probability" in panel.summary_text


def test_weak_pulses_warn_that_the_single_photon_key_fraction_overstates_the_secret():
    panel = EavesdropperPanel(attack="photon-number splitting", distance_km=100)
    assert "the single-photon formula calls 100% of the sifted key secret" in panel.summary_text


def test_controls_that_do_not_apply_are_disabled():
    panel = EavesdropperPanel()
    assert panel.controls["distance_km"].disabled and not panel.controls["fraction"].disabled
    panel.controls["attack"].value = "photon-number splitting"
    assert panel.controls["fraction"].disabled and panel.controls["basis"].disabled
    assert not panel.controls["distance_km"].disabled and not panel.controls["decoys"].disabled
    panel.controls["attack"].value = "cloning"
    assert panel.controls["basis"].disabled and not panel.controls["fraction"].disabled


def test_more_check_bits_than_the_sifted_key_checks_them_all():
    panel = EavesdropperPanel(
        attack="photon-number splitting", distance_km=150, n_photons=1000, n_checked=10_000
    )
    assert panel.error is None
    check = panel.result.check
    assert check.n_checked == panel.result.run.sifted_key_length and check.key_length == 0
    assert "no key left" in panel.summary_text


def test_the_fraction_stays_exact_through_browser_echoes():
    panel = EavesdropperPanel(fraction=1 / 3)
    result = panel.result
    browser_echo(panel)
    assert panel.params["fraction"] == 1 / 3 and panel.result is result
    assert panel.result.stats.qber == pytest.approx(1 / 12)


def test_same_seed_same_challenge_new_run_another():
    a, b = EavesdropperPanel(fraction=0.1, seed=5), EavesdropperPanel(fraction=0.1, seed=5)
    assert a.summary_text == b.summary_text
    a.controls["new_run"].click()
    assert a.result.seed == 6 and a.result.run != b.result.run
