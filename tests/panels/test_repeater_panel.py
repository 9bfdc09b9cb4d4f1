"""RepeaterPanel: the walk-through against the closed forms of storage and swapping, the charts, buttons."""

import math

import numpy as np
import pytest

from qwidgets import RepeaterPanel
from qwidgets.panels.repeater import MAX_STEPS
from qwidgets.plots.swaps import SwapDiagram, SwapPicture

C_FIBRE_KM_PER_S = 2e5
FRESH = 0.98  # the panel's fresh pairs
# 1 - 2 h2(e) = 0 at e = 0.110028 (Shor & Preskill 2000); a Werner pair has e = 2(1 - F)/3
KEY_THRESHOLD_FIDELITY = 1 - 1.5 * 0.1100279


def stored(fidelity, seconds, t2_s):
    """A Werner pair after both qubits dephase: F - p (4F - 1)/3, p = (1 - exp(-2t/T2))/2."""
    p = (1 - math.exp(-2 * seconds / t2_s)) / 2
    return fidelity - p * (4 * fidelity - 1) / 3


def swapped(f1, f2):
    """Entanglement swapping of two Werner pairs (Zukowski et al. 1993): F1 F2 + (1 - F1)(1 - F2)/3."""
    return f1 * f2 + (1 - f1) * (1 - f2) / 3


def h2(p):
    return -p * math.log2(p) - (1 - p) * math.log2(1 - p)


def herald_probability(length_km):
    """Two photons, each over half the link, both detected at 90 %: 0.9^2 / 2 x 10^(-0.2 L / 10)."""
    return 0.9**2 / 2 * 10 ** (-0.2 * length_km / 10)


def test_defaults():
    panel = RepeaterPanel()
    assert panel.params == {
        "length_km": 600.0,
        "n_segments": 8,
        "memory_t2_s": 1.0,
        "purification_rounds": 0,
        "protocol": "dejmps",
        "step": 1,
    }
    assert panel.error is None and len(panel.images) == 3
    assert all(bytes(image.value).startswith(b"\x89PNG") for image in panel.images)
    assert panel.controls["protocol"].disabled  # no purification: the protocol does not matter


@pytest.mark.parametrize(("n_segments", "steps"), [(1, 1), (2, 3), (4, 4), (8, 5), (16, 6), (64, MAX_STEPS)])
def test_a_chain_has_heralding_one_step_per_swap_level_and_the_messages(n_segments, steps):
    panel = RepeaterPanel(n_segments=n_segments, step=MAX_STEPS)
    names = [stage.name for stage in panel.result.stages]
    assert len(names) == steps == panel.result.step  # a step beyond the last shows the last
    assert names[0] == "heralding"
    if n_segments > 1:
        assert names[1:] == [f"swap level {k}" for k in range(1, steps - 1)] + ["messages"]
    assert panel.summary_text.startswith(f"Step {steps} of {steps}, {names[-1]}")


def test_the_walk_through_follows_the_closed_forms_of_storage_and_swapping():
    panel = RepeaterPanel(length_km=600.0, n_segments=8, memory_t2_s=1.0, step=5)
    chain, stages = panel.result.chain, panel.result.stages
    assert chain.segment_km == 75.0 and chain.link_fidelity == FRESH
    assert chain.classical_time_s == pytest.approx(600 / C_FIBRE_KM_PER_S)  # 3 ms
    # 1: every fresh pair waits the mean storage time in memory, both qubits dephasing
    f = stored(FRESH, chain.mean_storage_s, 1.0)
    assert (stages[0].fidelity_before, stages[0].fidelity) == (FRESH, pytest.approx(f, abs=1e-9))
    assert (stages[0].n_pairs, stages[0].span_km) == (8, 75.0)
    # 2-4: each level swaps two pairs of the level below
    for stage, (n_pairs, span) in zip(stages[1:4], [(4, 150.0), (2, 300.0), (1, 600.0)]):
        assert stage.fidelity_before == pytest.approx(f, abs=1e-9)
        f = swapped(f, f)
        assert stage.fidelity == pytest.approx(f, abs=1e-9)
        assert (stage.n_pairs, stage.span_km, stage.wait_s) == (n_pairs, span, 0.0)
    # 5: the swap outcomes travel 600 km while Alice's and Bob's memories age
    assert stages[4].wait_s == pytest.approx(3e-3)
    assert stages[4].fidelity == pytest.approx(stored(f, 3e-3, 1.0), abs=1e-9)
    # every pair waiting the mean time is close to the chain's mean over the waiting times
    assert stages[4].fidelity == pytest.approx(chain.fidelity, abs=0.03)


def test_the_nodes_that_swap_at_each_level_are_the_middles_of_the_nested_pairs():
    panel = RepeaterPanel(n_segments=8)
    expected = {2: (1, 3, 5, 7), 3: (2, 6), 4: (4,), 5: ()}
    for step, nodes in expected.items():
        panel.controls["next"].click()
        assert panel.result.step == step and panel.result.stage.swapping == nodes
        picture = panel._pictures[2]
        assert picture.swapping == nodes
        assert set(picture.swapped) == {n for s in range(2, step) for n in expected[s]}
    assert "nodes 2 and 6 make a Bell measurement" in panel.result.stages[2].what


def test_steps_not_reached_are_not_made_yet():
    panel = RepeaterPanel(n_segments=8, step=2)
    assert [s.fidelity is None for s in panel.result.stages] == [False, False, True, True, True]
    table = panel._pictures[3]
    assert [row.dimmed for row in table.rows] == [False, False, True, True, True]
    assert table.rows[3].cells[2].text == "not made yet"
    assert table.rows[1].cells[0].tone == "strong"  # the step shown


def test_without_waiting_the_chain_is_n_swaps_of_fresh_pairs():
    # T2 = 100 s over 10 km: the waits (ms) cost nothing measurable; eight Werner pairs swapped:
    # the Werner parameter w = (4F - 1)/3 multiplies, F = (1 + 3 w^8)/4
    panel = RepeaterPanel(length_km=10.0, memory_t2_s=100.0, step=5)
    w = (4 * FRESH - 1) / 3
    assert panel.result.chain.fidelity == pytest.approx((1 + 3 * w**8) / 4, abs=1e-4)
    assert panel.result.stage.fidelity == pytest.approx((1 + 3 * w**8) / 4, abs=1e-4)


def test_one_link_without_a_repeater_makes_pairs_at_the_herald_rate():
    panel = RepeaterPanel(length_km=600.0)
    # one attempt per L / c, each heralded with probability p: p c / L pairs per second
    direct = herald_probability(600.0) * C_FIBRE_KM_PER_S / 600.0
    assert panel.result.direct.rate_pairs_per_s == pytest.approx(direct, rel=1e-9)
    assert panel.result.chain.rate_pairs_per_s > 1e9 * direct
    assert "One heralded link over the whole 600 km: one every 230 years" in panel.summary_text
    assert "the repeater makes pairs 9 × 10¹⁰ times faster" in panel.summary_text
    single = RepeaterPanel(length_km=600.0, n_segments=1)
    assert single.result.chain.rate_pairs_per_s == pytest.approx(direct, rel=1e-9)
    assert single.result.chain.fidelity == pytest.approx(FRESH)  # nothing waits, nothing is swapped


def test_short_memories_give_no_key_and_long_ones_do():
    short = RepeaterPanel(length_km=600.0, memory_t2_s=1.0)
    assert short.result.chain.fidelity < KEY_THRESHOLD_FIDELITY and short.result.key_rate_bits_per_s == 0.0
    assert "too noisy for a key" in short.summary_text
    long = RepeaterPanel(length_km=300.0, memory_t2_s=100.0)
    chain = long.result.chain
    e = 2 * (1 - chain.fidelity) / 3
    assert long.result.key_rate_bits_per_s == pytest.approx(chain.rate_pairs_per_s / 2 * (1 - 2 * h2(e)))
    assert "as a key, " in long.summary_text


def test_purification_trades_pairs_for_fidelity():
    plain = RepeaterPanel(length_km=300.0, memory_t2_s=10.0)
    purified = RepeaterPanel(length_km=300.0, memory_t2_s=10.0, purification_rounds=1, protocol="bbpssw")
    assert not purified.controls["protocol"].disabled
    # one round on two Werner pairs (Bennett et al. 1996): (F^2 + b^2) / (F^2 + 2 F b + 5 b^2), b = (1 - F)/3
    b = (1 - FRESH) / 3
    success = FRESH**2 + 2 * FRESH * b + 5 * b**2
    assert purified.result.chain.link_fidelity == pytest.approx((FRESH**2 + b**2) / success)
    assert purified.result.chain.purification_success_probability == pytest.approx(success)
    assert purified.result.chain.fidelity > plain.result.chain.fidelity
    assert purified.result.chain.rate_pairs_per_s < plain.result.chain.rate_pairs_per_s
    assert "1 round of BBPSSW purification" in purified.summary_text


def test_the_fidelity_curve_is_solid_while_it_gives_a_key_and_dotted_beyond():
    panel = RepeaterPanel(memory_t2_s=10.0)
    key, no_key, cursor = panel._pictures[0].curves
    assert (key.style, no_key.style) == ("-", ":") and key.x[-1] == no_key.x[0]
    assert min(key.y) > KEY_THRESHOLD_FIDELITY - 0.02  # the grid is 10 km apart
    assert max(no_key.y[1:]) < KEY_THRESHOLD_FIDELITY
    assert cursor.x == (600.0, 600.0)
    rates = panel._pictures[1].curves
    assert [c.label for c in rates[:3]] == [
        "pairs, this chain",
        "secret bits",
        "pairs, one link (no repeater)",
    ]
    assert max(rates[1].x) == key.x[-1]  # the secret bits end where the solid curve does


def test_buttons_step_within_the_chain_and_a_shorter_chain_shows_its_last_step():
    panel = RepeaterPanel(n_segments=64)
    for expected in range(2, MAX_STEPS + 1):
        panel.controls["next"].click()
        assert panel.params["step"] == expected
    panel.controls["next"].click()
    assert panel.params["step"] == MAX_STEPS  # nothing after the last
    panel.controls["n_segments"].value = 4
    assert panel.result.step == 4 and panel.result.stage.name == "messages"
    panel.controls["back"].click()
    assert panel.params["step"] == 3 and panel.result.stage.name == "swap level 2"
    panel.controls["start_over"].click()
    panel.controls["back"].click()
    assert panel.params["step"] == 1


def test_moving_the_length_redraws_no_figure_in_full():
    panel = RepeaterPanel(step=3)
    redraws = [r.full_redraws for r in panel._renderers if r is not None]
    for length in (100.0, 250.0, 870.0):
        panel.controls["length_km"].value = length
    assert [r.full_redraws for r in panel._renderers if r is not None] == redraws
    assert panel.summary_text.splitlines()[2].startswith("End to end over 870 km")


def arc_count(line):
    return int(np.isnan(line.get_xdata()).sum())  # one NaN after each arc


def test_the_diagram_draws_the_pairs_that_exist_thick_and_those_used_up_dotted():
    view = SwapDiagram(max_levels=6)
    view.update(SwapPicture(8, 2, (2, 6), (1, 3, 5, 7), "Step 3 of 5", "2 pairs"))
    assert [arc_count(line) for line in view.arc_lines[:3]] == [8, 4, 2]
    assert [line.get_visible() for line in view.arc_lines] == [True, True, True, False, False, False, False]
    assert [line.get_linestyle() for line in view.arc_lines[:3]] == [":", ":", "-"]
    assert len(view.swaps.get_xdata()) == 2 and len(view.freed.get_xdata()) == 4
    assert len(view.nodes.get_xdata()) == 3  # nodes 2, 4 and 6 still hold qubits
    with pytest.raises(ValueError, match="power of two"):
        SwapPicture(6, 0, (), (), "", "")
    with pytest.raises(ValueError, match="at most 4 segments"):
        SwapDiagram(max_levels=2).update(SwapPicture(8, 0, (), (), "", ""))
