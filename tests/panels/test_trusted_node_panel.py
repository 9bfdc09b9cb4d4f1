"""TrustedNodePanel: rates against the closed forms of the hop lengths, who knows the key, the leak."""

import pytest

from qwidgets import TrustedNodePanel
from qwidgets.panels.summary import Highlight
from qwidgets.panels.trusted import MAX_NODES
from qwidgets.physics import bb84_key_rate, max_distance_km
from qwidgets.plots.chain import SLOWEST_COLOR
from qwidgets.testing import browser_echo


def hop_lengths(length_km, n_nodes, stretch):
    """Hop 1 is ``stretch`` times each other hop; together they are the line: s x + n x = L."""
    if n_nodes == 0:
        return [length_km]
    other = length_km / (n_nodes + stretch)
    return [stretch * other] + [other] * n_nodes


def rows(panel):
    """The who-knows table as {who: (knows it?, how)}."""
    table = panel._pictures[1]
    return {row.header: tuple(cell.text.replace("\u00a0", " ") for cell in row.cells) for row in table.rows}


def test_defaults():
    panel = TrustedNodePanel()
    assert panel.params == {"length_km": 300.0, "n_nodes": 2, "stretch": 1.5, "compromised": 0}
    assert panel.error is None and bytes(panel.image.value).startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("length_km", "n_nodes", "stretch"),
    [(300.0, 2, 1.5), (300.0, 2, 1.0), (500.0, 5, 4.0), (120.0, 1, 2.7), (1000.0, 5, 1.0), (80.0, 3, 3.0)],
)
def test_the_end_to_end_rate_is_that_of_the_longest_hop(length_km, n_nodes, stretch):
    panel = TrustedNodePanel(length_km=length_km, n_nodes=n_nodes, stretch=stretch)
    expected = hop_lengths(length_km, n_nodes, stretch)
    chain = panel.result.chain
    assert panel.result.segment_lengths_km == pytest.approx(expected, rel=1e-12)
    assert sum(panel.result.segment_lengths_km) == pytest.approx(length_km, rel=1e-12)
    assert chain.segment_rates_bits_per_s == pytest.approx([bb84_key_rate(x) for x in expected], rel=1e-9)
    assert chain.rate_bits_per_s == pytest.approx(bb84_key_rate(max(expected)), rel=1e-9)
    assert panel.result.direct_rate_bits_per_s == pytest.approx(bb84_key_rate(length_km), rel=1e-12)


def test_the_stretched_hop_is_marked_slowest_in_colour_and_word():
    panel = TrustedNodePanel(length_km=300.0, n_nodes=2, stretch=1.5)
    chain = panel._pictures[0]
    assert [hop.slowest for hop in chain.hops] == [True, False, False]
    view = panel._displays[0]
    assert view.hop_lines[0].get_color() == SLOWEST_COLOR
    assert view.hop_lines[0].get_linewidth() > view.hop_lines[1].get_linewidth()
    assert view.slowest_texts[0].get_visible() and view.slowest_texts[0].get_text() == "slowest"
    assert not view.slowest_texts[1].get_visible()
    slowest_rate = bb84_key_rate(hop_lengths(300.0, 2, 1.5)[0])
    assert panel.summary_text.startswith(
        f"End to end: {slowest_rate:.3g} bit/s, the rate of the slowest hop, hop 1"
    )
    assert "(Alice to node 1, 129 km)" in panel.summary_text  # 1.5 x 300 / 3.5 = 128.6 km


def test_equal_hops_mark_no_hop_and_say_that_each_sets_the_rate():
    panel = TrustedNodePanel(length_km=300.0, n_nodes=2, stretch=1.0)
    assert not any(hop.slowest for hop in panel._pictures[0].hops)
    assert "All 3 hops are 100 km long, so each sets the rate." in panel.summary_text
    assert f"{bb84_key_rate(100.0):.3g} bit/s" in panel.summary_text


def test_with_n_nodes_every_node_knows_the_key():
    for n in range(MAX_NODES + 1):
        panel = TrustedNodePanel(n_nodes=n)
        table = rows(panel)
        assert list(table) == ["Alice", *(f"node {k}" for k in range(1, n + 1)), "Bob", "attacker on a fibre"]
        assert all(table[who][0] == "yes ✓" for who in table if who != "attacker on a fibre")
        assert table["attacker on a fibre"][0] == "no ✗"
        assert panel.result.chain.who_knows == ("Alice", *(f"node {k}" for k in range(1, n + 1)), "Bob")
    assert (
        rows(TrustedNodePanel(n_nodes=3))["node 2"][1]
        == "decrypts with hop 2's key, re-encrypts with hop 3's"
    )
    assert "5 parties know it (Alice, Bob and all 3 nodes)" in TrustedNodePanel(n_nodes=3).summary_text


def test_a_compromised_node_leaks_the_whole_key_without_errors():
    panel = TrustedNodePanel(n_nodes=3, compromised=2)
    table = rows(panel)
    assert table["attacker in node 2"] == ("yes ⚠", "reads the whole key; no error betrays it")
    assert table["node 2"][1].endswith(": leaks it")
    assert panel._pictures[1].rows[2].cells[0].tone == "alert"
    chain = panel._pictures[0]
    assert chain.compromised == 2 and chain.alarm and "compromised" in chain.status
    view = panel._displays[0]
    assert view.leak_text.get_visible() and view.leak_text.get_text() == "compromised: key leaked"
    assert list(view.leak.get_ydata()) == [view.node_texts[1].get_position()[1]]  # at node 2
    lines = panel._describe(panel.result)
    assert isinstance(lines[-1], Highlight)
    assert "Node 2 is compromised: the attacker reads the whole key" in lines[-1]
    assert "no error betrays it" in lines[-1] and "provider" in lines[-1] and "stage 1" in lines[-1]


def test_a_node_beyond_the_line_counts_as_none_and_the_summary_says_so():
    panel = TrustedNodePanel(n_nodes=2, compromised=4)
    assert panel.result.compromised is None and panel._pictures[0].compromised is None
    assert "attacker on a fibre" in rows(panel)
    assert "There is no node 4 on a line of 2 nodes, so no node is compromised." in panel.summary_text
    panel.controls["n_nodes"].value = 5  # now node 4 exists
    assert panel.result.compromised == 4 and "attacker in node 4" in rows(panel)


def test_a_direct_link_has_no_node_and_no_stretch():
    panel = TrustedNodePanel(n_nodes=0, length_km=100.0)
    assert panel.result.chain.rate_bits_per_s == pytest.approx(bb84_key_rate(100.0), rel=1e-12)
    assert list(rows(panel)) == ["Alice", "Bob", "attacker on a fibre"]
    assert panel.controls["stretch"].disabled
    assert panel.summary_text.startswith(f"Direct link over 100 km: {bb84_key_rate(100.0):.3g} bit/s.")
    panel.controls["n_nodes"].value = 1
    assert not panel.controls["stretch"].disabled


def test_the_summary_compares_with_the_direct_link():
    reach = f"{max_distance_km():.0f} km"
    beyond = TrustedNodePanel(length_km=300.0, n_nodes=2)
    assert (
        f"A direct link over the same 300 km gives no key: one BB84 link reaches {reach}."
        in beyond.summary_text
    )
    within = TrustedNodePanel(length_km=100.0, n_nodes=1, stretch=1.0)
    ratio = bb84_key_rate(50.0) / bb84_key_rate(100.0)
    assert f"gives {bb84_key_rate(100.0):.3g} bit/s: the nodes make the key {ratio:.3g} times faster." in (
        within.summary_text
    )


def test_no_key_when_the_slowest_hop_is_out_of_reach():
    panel = TrustedNodePanel(length_km=600.0, n_nodes=2, stretch=3.0)  # hop 1: 360 km
    assert panel.result.chain.rate_bits_per_s == 0.0
    assert panel._pictures[0].headline == "End to end: no key"
    assert "End to end: no key. The slowest hop, hop 1 (Alice to node 1, 360 km)" in panel.summary_text


def test_moving_the_controls_changes_the_chain_and_echoes_change_nothing():
    panel = TrustedNodePanel()
    before = panel._pictures
    panel.controls["stretch"].value = 3.3
    browser_echo(panel)
    assert panel.params["stretch"] == 3.3 and panel._pictures[0] != before[0]
    panel.controls["compromised"].value = 1
    assert panel._pictures[1] != before[1] and panel.error is None
