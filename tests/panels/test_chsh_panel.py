"""CHSHPanel against closed forms: S = 2 sqrt(2) (1 - p), P(win) = 1/2 + S/8, 3/4 for the best classical
strategies and 1/2 for coins; sampled values within a few standard errors; the banner for bad rounds."""

import math

import numpy as np
import pytest

from qwidgets import CHSHPanel

TSIRELSON = 2 * math.sqrt(2)


@pytest.mark.parametrize("noise", [0.0, 0.1, 0.29, 0.5, 1.0])
def test_s_falls_as_two_root_two_times_one_minus_the_noise(noise):
    panel = CHSHPanel(noise=noise, rounds=20_000)
    exact, run = panel.result.exact, panel.result.run
    s = TSIRELSON * (1 - noise)
    assert exact.chsh == pytest.approx(s, abs=1e-9)
    assert exact.win_probability == pytest.approx(0.5 + s / 8, abs=1e-9)
    assert abs(run.chsh - s) <= 4 * run.chsh_error
    win = 0.5 + s / 8
    assert abs(run.win_fraction - win) <= 4 * math.sqrt(win * (1 - win) / 20_000)
    verdict = "beats every classical strategy" if s > 2 else "no better than a classical strategy"
    assert verdict in panel.summary_text


def test_the_default_game_wins_cos2_pi_8_against_three_quarters():
    panel = CHSHPanel()
    assert panel.result.exact.win_probability == pytest.approx(math.cos(math.pi / 8) ** 2)
    chart, bars, table = panel._pictures
    assert bars.probabilities == pytest.approx((math.cos(math.pi / 8) ** 2, 0.75))
    assert bars.frequencies[0] == pytest.approx(panel.result.run.win_fraction)
    exact_curve = next(c for c in chart.curves if c.label == "exact S")
    assert exact_curve.y == pytest.approx((TSIRELSON, TSIRELSON))
    sampled = next(c for c in chart.curves if c.label == "sampled S")
    assert sampled.x[-1] == 1000 and sampled.y[-1] == pytest.approx(panel.result.run.chsh)
    assert [row.header for row in table.rows] == ["0\u00a00", "0\u00a01", "1\u00a00", "1\u00a01"]
    assert [row.cells[0].text for row in table.rows] == ["agree", "agree", "agree", "differ"]
    assert "Exact S = 2.828" in panel.summary_text


@pytest.mark.parametrize(
    "strategy, s, win", [("agree", 2.0, 0.75), ("copy", 2.0, 0.75), ("random", 0.0, 0.5)]
)
def test_classical_strategies_reach_three_quarters_at_best(strategy, s, win):
    panel = CHSHPanel(strategy=strategy, rounds=20_000)
    exact, run = panel.result.exact, panel.result.run
    assert exact.chsh == pytest.approx(s) and exact.win_probability == pytest.approx(win)
    assert run.win_fraction <= 0.75 + 4 * math.sqrt(0.75 * 0.25 / 20_000)
    assert abs(run.win_fraction - win) <= 4 * math.sqrt(win * (1 - win) / 20_000)
    for name in ("a", "a2", "b", "b2", "noise"):
        assert panel.controls[name].disabled
    assert "no pair is used" in panel.summary_text


def test_the_agree_strategy_loses_exactly_the_rounds_asking_one_one():
    panel = CHSHPanel(strategy="agree")
    run = panel.result.run
    np.testing.assert_array_equal(run.wins, run.rounds * np.array([[1, 1], [1, 0]]))


def test_the_classical_bar_plays_the_same_questions():
    panel = CHSHPanel(seed=5)
    run, classical = panel.result.run, panel.result.classical
    np.testing.assert_array_equal(run.alice_questions, classical.alice_questions)
    np.testing.assert_array_equal(run.bob_questions, classical.bob_questions)
    assert classical.win_fraction == pytest.approx(1 - run.rounds[1, 1] / run.n_rounds)


def test_the_angles_change_the_game():
    panel = CHSHPanel()
    panel.controls["a2"].value = 0.0  # Alice asks the same thing twice: S = 2 cos(a - b) <= 2
    assert panel.result.exact.chsh == pytest.approx(2 * math.cos(math.pi / 4), abs=1e-9)
    panel.controls["b"].value = 0.0
    panel.controls["b2"].value = 0.0
    assert panel.result.exact.chsh == pytest.approx(2.0, abs=1e-9)
    panel.controls["b2"].value = 1.0  # S = 2 cos(0) = 2 whatever b2: a local model
    assert panel.result.exact.chsh == pytest.approx(2.0, abs=1e-9)


def test_the_rounds_change_the_sample_and_bad_rounds_show_in_the_banner():
    panel = CHSHPanel()
    panel.controls["rounds"].value = 50
    assert panel.result.run.n_rounds == 50 and "In 50 rounds" in panel.summary_text
    panel.controls["rounds"].value = 0
    assert panel.error is not None and "rounds" in panel.error and "1 to 100,000" in panel.error
    assert panel.result.run.n_rounds == 50  # the last good result stays
    panel.controls["rounds"].value = 400
    assert panel.error is None and panel.result.run.n_rounds == 400


def test_new_run_samples_again():
    panel = CHSHPanel()
    first = panel.result.run
    panel.controls["new_run"].click()
    assert panel.params["seed"] == 1 and panel.result.run != first
    assert panel.result.exact == CHSHPanel().result.exact


def test_bad_keywords_name_the_parameter():
    with pytest.raises(ValueError, match="noise"):
        CHSHPanel(noise=1.5)
    with pytest.raises(ValueError, match="strategy"):
        CHSHPanel(strategy="telepathy")
    with pytest.raises(ValueError, match="b2"):
        CHSHPanel(b2=-4.0)
    with pytest.raises(TypeError, match="rounds"):
        CHSHPanel(rounds=10.5)
