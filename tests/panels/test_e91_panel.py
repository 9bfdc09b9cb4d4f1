"""E91Panel without a browser: S, the QBER and the key against closed forms; the grid; the alarm."""

import math
import re

import numpy as np
import pytest

from qwidgets import E91Panel
from qwidgets.physics import InterceptResend, e91_statistics

TSIRELSON = 2 * math.sqrt(2)
ALICE = (0.0, math.pi / 4, math.pi / 2)  # Ekert's angles, as published (PRL 67, 661, 1991), in the x-z plane
BOB = (math.pi / 4, math.pi / 2, 3 * math.pi / 4)


def curve(panel, label):
    (found,) = [c for c in panel._pictures[1].curves if c.label == label]
    return np.array(found.x), np.array(found.y)


def marker(panel, label):
    (found,) = [m for m in panel._pictures[1].markers if m.label == label]
    return found


def within(value, expected, error, k=4):
    return abs(value - expected) <= k * error


def test_perfect_pairs_reach_tsirelson_and_give_an_error_free_key():
    panel = E91Panel()
    reading = panel.result
    assert reading.stats.chsh == pytest.approx(TSIRELSON) and reading.stats.qber == pytest.approx(0)
    run = reading.run
    assert run.n_pairs == 9000 and within(run.chsh, TSIRELSON, run.chsh_error)
    assert run.qber == 0
    n, p = run.n_pairs, 2 / 9  # a pair gives key when both pick the same angle: 2 of the 9 setting pairs
    assert within(run.key_length, p * n, math.sqrt(n * p * (1 - p)))
    assert not reading.alarm
    lines = panel.summary_text.splitlines()
    assert lines[0].startswith(f"No eavesdropper: {run.key_length:,} of 9,000 pairs had the same angle")
    assert "(2/9 expected: 2,000)" in lines[0] and "QBER 0.0% (expected 0.0%)" in lines[0]
    assert f"S = {run.chsh:.2f} ± {run.chsh_error:.2f} (exact 2.83;" in lines[1]
    assert lines[2].startswith("No alarm: S exceeds 2 by")


def test_a_full_intercept_resend_gives_root_two_a_quarter_of_errors_and_the_alarm():
    panel = E91Panel(attack="intercept-resend", n_pairs=90_000)
    reading, run = panel.result, panel.result.run
    assert reading.stats.chsh == pytest.approx(math.sqrt(2)) and reading.stats.qber == pytest.approx(0.25)
    assert within(run.chsh, math.sqrt(2), run.chsh_error)
    assert within(run.qber, 0.25, math.sqrt(0.25 * 0.75 / run.key_length))
    assert reading.alarm and panel.summary_text.splitlines()[-1].startswith("Alarm: S does not exceed 2 by 3")
    assert "standard errors below 2" in panel.summary_text
    assert panel.summary_text.startswith(
        "Eve measures Bob's qubit of 100% of the pairs, in a random basis (Z or X) for each pair:"
    )


@pytest.mark.parametrize("basis", ["random", "Z", "X", "breidbart"])
def test_eve_in_any_plane_basis_leaves_root_two(basis):
    # Eve's measurement along n leaves the classical correlation E(a, b) = cos(a - t) cos(b - t) for n at
    # angle t (or a mixture of such): S = sqrt(2) for t = 0, pi/2 and pi/4 alike with Ekert's angles.
    panel = E91Panel(attack="intercept-resend", eve_basis=basis)
    assert panel.result.stats.chsh == pytest.approx(math.sqrt(2))


def test_the_alarm_flips_when_eve_arrives_and_goes():
    panel = E91Panel()
    assert not panel.result.alarm and "No alarm" in panel.summary_text
    panel.controls["attack"].value = "intercept-resend"
    assert panel.result.alarm and "Alarm:" in panel.summary_text
    panel.controls["fraction"].value = 0.1  # S = 2 sqrt(2) - 0.1 sqrt(2) = 2.69: well above 2
    assert panel.result.stats.chsh == pytest.approx(TSIRELSON - 0.1 * math.sqrt(2))
    assert not panel.result.alarm and "No alarm" in panel.summary_text
    panel.controls["attack"].value = "none"
    assert panel.controls["fraction"].disabled and panel.controls["eve_basis"].disabled


@pytest.mark.parametrize("noise", [0.05, 0.2, 0.5])
def test_noise_scales_every_correlation_by_one_minus_twice_the_flip_probability(noise):
    panel = E91Panel(noise=noise)
    stats = panel.result.stats
    assert stats.chsh == pytest.approx(TSIRELSON * (1 - 2 * noise))
    assert stats.qber == pytest.approx(noise)
    expected_alarm = TSIRELSON * (1 - 2 * noise) < 2  # above p = 0.146 the pairs no longer violate
    assert panel.result.alarm == expected_alarm


def test_the_chart_draws_s_against_eves_share_with_both_bounds():
    panel = E91Panel(attack="intercept-resend", fraction=0.3, noise=0.1)
    x, s = curve(panel, "exact S, Eve's share varied")
    damping = 1 - 2 * 0.1
    assert x == pytest.approx([0, 1]) and s == pytest.approx([TSIRELSON * damping, math.sqrt(2) * damping])
    assert curve(panel, "classical bound 2")[1] == pytest.approx([2, 2])
    assert curve(panel, "Tsirelson bound 2√2")[1] == pytest.approx([TSIRELSON] * 2)
    exact = marker(panel, "exact, these settings")
    assert (exact.x, exact.y) == pytest.approx((0.3, damping * (TSIRELSON * 0.7 + math.sqrt(2) * 0.3)))
    run = panel.result.run
    sampled = marker(panel, "this run ± 1 s.e.")
    assert (sampled.x, sampled.y) == pytest.approx((0.3, run.chsh))
    (bar,) = [c for c in panel._pictures[1].curves if not c.label]
    assert bar.y == pytest.approx((run.chsh - run.chsh_error, run.chsh + run.chsh_error))


def test_the_settings_grid_marks_key_and_chsh_cells_with_the_correlations():
    panel = E91Panel()
    table = panel._pictures[0]
    texts = [[cell.text.replace("\u00a0", " ") for cell in row.cells] for row in table.rows]
    assert table.headers == ("angles", "Bob π/4", "Bob π/2", "Bob 3π/4")
    assert [row.header for row in table.rows] == ["Alice 0", "Alice π/4", "Alice π/2"]
    roles = [[text.partition(": E")[0] if ": E" in text else "" for text in row] for row in texts]
    # key: the same angle (pi/4, pi/2); CHSH: S = E(0, pi/4) - E(0, 3pi/4) + E(pi/2, pi/4) + E(pi/2, 3pi/4)
    assert roles == [["CHSH +", "", "CHSH −"], ["key", "", ""], ["CHSH +", "key", "CHSH +"]]
    assert {cell.tone for row in table.rows for cell in row.cells if cell.text.startswith("key")} == {
        "strong"
    }
    counts = np.zeros((3, 3), dtype=int)
    for i, row in enumerate(table.rows):
        for j, cell in enumerate(row.cells):
            exact, pairs = re.fullmatch(r"exact E = ([+−]\d\.\d\d); ([\d,]+) pairs", cell.title).groups()
            assert float(exact.replace("−", "-")) == pytest.approx(math.cos(ALICE[i] - BOB[j]), abs=0.005)
            counts[i, j] = int(pairs.replace(",", ""))
            measured = panel.result.run.correlations[i, j]
            assert f"E = {measured:+.2f}".replace("-", "−") in texts[i][j]
    assert counts.sum() == 9000 and counts.min() > 900  # about 1,000 pairs per cell


CASES = [(None, 0.1), (InterceptResend(0.5, "random"), 0.0), (InterceptResend(0.7, "breidbart"), 0.05)]


@pytest.mark.parametrize(("eve", "noise"), CASES)
def test_sampled_s_converges_on_the_exact_value(eve, noise):
    keywords = {"attack": "intercept-resend", "fraction": eve.fraction, "eve_basis": eve.basis} if eve else {}
    panel = E91Panel(n_pairs=200_000, noise=noise, seed=11, **keywords)
    run, exact = panel.result.run, e91_statistics(eve=eve, noise=noise)
    assert run.chsh_error < 0.02 and within(run.chsh, exact.chsh, run.chsh_error)
    assert within(run.qber, exact.qber, math.sqrt(exact.qber * (1 - exact.qber) / run.key_length) + 1e-9)


def test_controls_change_the_run():
    panel = E91Panel()
    first = panel.result.run
    panel.controls["new_run"].click()
    assert panel.params["seed"] == 1 and panel.result.run != first
    panel.controls["n_pairs"].value = 500
    assert panel.result.run.n_pairs == 500 and "of 500 pairs" in panel.summary_text


def test_bad_input_shows_in_the_banner_and_recovers():
    panel = E91Panel()
    result = panel.result
    panel.controls["n_pairs"].value = 10
    assert panel.error == "n_pairs must be an integer from 100 to 1,000,000; got 10"
    assert panel.result is result and "role='alert'" in panel.banner.value
    panel.controls["n_pairs"].value = 1000
    assert panel.error is None and panel.result.run.n_pairs == 1000
    with pytest.raises(ValueError, match="noise must be a number from 0 to 0.5"):
        E91Panel(noise=0.6)
    with pytest.raises(ValueError, match="eve_basis must be one of"):
        E91Panel(eve_basis="Y")
