"""Networks and their stage: validation, immutable edits, the presets, networks built to sit exactly
on each stage boundary (thresholds from closed forms), and upgrade advice that works."""

import math

import pytest

from qwidgets.physics import (
    DI_QKD_ERROR_LIMIT,
    NETWORK_PRESETS,
    QKD_ERROR_LIMIT,
    SIMULABLE_LOGICAL_QUBITS,
    SPEED_IN_FIBRE_KM_PER_S,
    STAGES,
    Link,
    Network,
    Node,
    applications_up_to,
    dark_count_error,
    heralded_link,
    network_preset,
    required_memory_s,
    stage_of,
)

Y0, ETA_DET = 1.7e-6, 0.045  # lesson 05's GYS detector (Lo, Ma & Chen 2005)
NODE_ERROR = 0.01


def length_for_dark_error(error: float) -> float:
    """Fibre length (0.2 dB/km) at which the dark-count error e0 Y0 / (Y0 + eta) reaches ``error``."""
    eta = Y0 * (0.5 / error - 1)
    return -10 * math.log10(eta / ETA_DET) / 0.2


def pair(length_km: float, **ends: object) -> Network:
    """Two end nodes joined by one fibre."""
    return Network(
        "pair", (Node("A", **ends), Node("B", x_km=length_km, **ends)), (Link("A", "B", length_km),)
    )


QUANTUM_NODE = {"heralded": True, "memory_s": 10.0, "qubits": 2}


# --- the error model ---------------------------------------------------------------------------


def test_dark_count_error_closed_form():
    eta = ETA_DET * 10 ** (-30 / 10)
    assert dark_count_error(30.0) == pytest.approx(0.5 * Y0 / (Y0 + eta))
    assert dark_count_error(0.0) == pytest.approx(0.5 * Y0 / (Y0 + ETA_DET))
    assert dark_count_error(300.0) == pytest.approx(0.5)
    assert dark_count_error(20.0, dark_count_probability=0.0) == 0.0
    with pytest.raises(ValueError, match="loss_db"):
        dark_count_error(-1.0)


def test_heralded_link_takes_a_whole_segments_loss():
    assert heralded_link(100.0, loss_db=20.0) == heralded_link(100.0)
    free = heralded_link(500.0, loss_db=30.0)
    assert free.success_probability == pytest.approx(0.9**2 / 2 * 1e-3)


# --- validation and edits ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "error", "match"),
    [
        (lambda: Node(""), ValueError, "name"),
        (lambda: Node(3), TypeError, "name"),
        (lambda: Node("A", role="router"), ValueError, "role must be one of"),
        (lambda: Node("A", memory_s=-1.0), ValueError, "memory_s"),
        (lambda: Node("A", heralded=1), TypeError, "heralded"),
        (lambda: Node("A", qubits=1.5), TypeError, "qubits"),
        (lambda: Node("A", error=0.7), ValueError, "error must be a number from 0 to 0.5"),
        (lambda: Link("A", "A", 10.0), ValueError, "b must be a node other than .A.: a link joins two nodes"),
        (lambda: Link("A", "B", -1.0), ValueError, "length_km"),
        (lambda: Link("A", "B", 10.0, kind="copper"), ValueError, "kind must be one of"),
        (lambda: Link("A", "B", 500.0, kind="free space"), ValueError, "loss_db"),
        (lambda: Network("n", (Node("A"), Node("A")), ()), ValueError, "no other node has"),
        (lambda: Network("n", (Node("A"),), (Link("A", "B", 1.0),)), ValueError, "links between its nodes"),
        (
            lambda: Network("n", (Node("A"), Node("B")), (Link("A", "B", 1.0), Link("B", "A", 2.0))),
            ValueError,
            "at most one link",
        ),
        (lambda: Network("n", "AB", ()), TypeError, "nodes"),
        (lambda: stage_of("network"), TypeError, "network"),
    ],
)
def test_bad_networks_are_refused_naming_the_parameter(make, error, match):
    with pytest.raises(error, match=match):
        make()


def test_fibre_loss_defaults_to_0_2_db_per_km_and_follows_edits():
    net = pair(50.0)
    assert net.link("B", "A").loss_db == pytest.approx(10.0)
    longer = net.replace_link("A", "B", length_km=100.0)
    assert longer.link("A", "B").loss_db == pytest.approx(20.0)
    assert net.link("A", "B").loss_db == pytest.approx(10.0)  # the original is untouched


def test_edits_return_new_networks():
    net = pair(50.0).with_node(Node("C")).with_link(Link("B", "C", 20.0))
    assert net.end_nodes == ("A", "B", "C")
    without = net.without_node("B")
    assert [n.name for n in without.nodes] == ["A", "C"] and without.links == ()
    renamed = net.replace_node("B", name="Bee")
    assert renamed.link("A", "Bee").length_km == 50.0 and renamed.link("Bee", "C").length_km == 20.0
    assert net.without_link("A", "B").links == (net.link("B", "C"),)
    with pytest.raises(ValueError, match="name must be one of A, B, C"):
        net.node("Z")
    with pytest.raises(ValueError, match="a node linked to 'A'"):
        net.link("A", "C")


# --- the presets -----------------------------------------------------------------------------------


def test_every_preset_is_a_named_cited_network():
    assert set(NETWORK_PRESETS) == {
        "Beijing-Shanghai backbone",
        "Chicago quantum loop",
        "Delft three-node network",
        "Micius satellite link",
        "Toy five-city network",
    }
    for name, net in NETWORK_PRESETS.items():
        assert net.name == name and network_preset(name) is net and net.source
    with pytest.raises(ValueError, match="name must be one of"):
        network_preset("Atlantis")


def test_beijing_shanghai_is_stage_0_because_it_relies_on_trusted_relays():
    result = stage_of(NETWORK_PRESETS["Beijing-Shanghai backbone"])
    assert result.stage is STAGES[0] and result.number == 0
    assert result.reasons == ("Beijing-Shanghai relies on trusted relays",)
    assert "32 trusted relays" in result.network.source


def test_the_chicago_loop_is_stage_1_prepare_and_measure():
    result = stage_of(NETWORK_PRESETS["Chicago quantum loop"])
    assert result.number == 1
    assert "the pairs from Argonne source are post-selected, not heralded" in result.reasons
    # Two 26-mile loops: the photons' losses add through the passive source, 52 miles of fibre.
    assert result.pairs[0].error == pytest.approx(dark_count_error(0.2 * 52 * 1.609344) + 2 * NODE_ERROR)


def test_micius_is_stage_1_its_pairs_are_post_selected():
    result = stage_of(NETWORK_PRESETS["Micius satellite link"])
    assert result.number == 1 and result.functional_stage == 1
    assert "the pairs from Micius are post-selected, not heralded" in result.reasons
    # Its pairs' error from the measured S = 2.37 (Yin et al. 2017): (1 - S / 2 sqrt 2) / 2 + 2 e_M.
    (delingha_lijiang,) = result.pairs
    assert delingha_lijiang.error == pytest.approx((1 - 2.37 / (2 * math.sqrt(2))) / 2 + 2 * NODE_ERROR)
    assert delingha_lijiang.route == ("Delingha", "Micius", "Lijiang")


def test_delft_has_the_functions_of_stage_2_but_errors_above_every_threshold():
    result = stage_of(NETWORK_PRESETS["Delft three-node network"])
    # Werner pairs of fidelity 0.8 have a bit error 2 (1 - F) / 3 = 0.133: above the 0.11 of BB84.
    assert result.stage is None and result.number == -1
    assert result.functional_stage == 2  # Alice has no memory
    assert any("Alice-Bob has an error of 0.153" in r for r in result.reasons)
    assert result.applications == ()


def test_the_toy_network_is_stage_1_and_climbs_with_its_upgrades():
    net = NETWORK_PRESETS["Toy five-city network"]
    result = stage_of(net)
    assert result.number == 1
    assert len(result.reasons) == 5 and all("heralded" in u for u in result.upgrades)
    for city in net.end_nodes:
        net = net.replace_node(city, heralded=True)
    result = stage_of(net)
    assert result.number == 2
    assert {f"node {c} has no memory" for c in net.end_nodes} <= set(result.reasons)
    memory = required_memory_s(net)
    for city in net.end_nodes:
        net = net.replace_node(city, memory_s=memory, qubits=2)
    assert stage_of(net).number == 3
    for city in net.end_nodes:
        net = net.replace_node(city, logical_qubits=1)
    assert stage_of(net).number == 4
    for city in net.end_nodes:
        net = net.replace_node(city, logical_qubits=SIMULABLE_LOGICAL_QUBITS + 1)
    final = stage_of(net)
    assert final.number == 5 and final.reasons == () and final.summary.endswith("the last.")
    assert final.applications == applications_up_to(5)


# --- stage boundaries, from closed forms -------------------------------------------------------------


def test_prepare_and_measure_ends_where_dark_counts_push_the_error_past_0_11():
    boundary = length_for_dark_error(QKD_ERROR_LIMIT - 2 * NODE_ERROR)  # about 188 km
    assert 180 < boundary < 195
    assert stage_of(pair(boundary - 0.5)).number == 1
    beyond = stage_of(pair(boundary + 0.5))
    assert beyond.number == -1 and "above the 0.11 BB84 allows" in beyond.reasons[0]


def test_entanglement_distribution_ends_where_the_error_passes_0_057():
    boundary = length_for_dark_error(DI_QKD_ERROR_LIMIT - 2 * NODE_ERROR)  # about 166 km
    assert 160 < boundary < 170
    assert stage_of(pair(boundary - 0.5, heralded=True)).number == 2
    beyond = stage_of(pair(boundary + 0.5, heralded=True))
    assert beyond.number == 1 and "device-independent QKD allows" in beyond.reasons[0]


def test_stage_3_asks_for_a_memory_that_outlasts_one_pair_and_one_message():
    length = 100.0
    p = 0.9**2 / 2 * 10 ** (-0.2 * length / 10)
    attempt = length / SPEED_IN_FIBRE_KM_PER_S
    t = attempt / p + attempt  # the paper's t with k C_m = 1
    assert required_memory_s(pair(length, **QUANTUM_NODE)) == pytest.approx(t)
    assert stage_of(pair(length, **{**QUANTUM_NODE, "memory_s": t * (1 + 1e-9)})).number == 3
    short = stage_of(pair(length, **{**QUANTUM_NODE, "memory_s": t * 0.999}))
    assert short.number == 2 and short.functional_stage == 3
    assert "is shorter than the 124 ms stage 3 asks" in short.reasons[0]


def test_stage_3_needs_a_memory_and_an_ancilla_at_each_end():
    no_memory = stage_of(pair(10.0, heralded=True, qubits=2))
    assert no_memory.number == 2 and "node A has no memory" in no_memory.reasons
    one_qubit = stage_of(pair(10.0, **{**QUANTUM_NODE, "qubits": 1}))
    assert one_qubit.number == 2 and "node A has 1 qubit; stage 3 needs 2 (one stored, one ancilla)" in (
        one_qubit.reasons
    )


def test_stages_4_and_5_count_logical_qubits():
    assert stage_of(pair(10.0, **QUANTUM_NODE)).number == 3
    assert stage_of(pair(10.0, **QUANTUM_NODE, logical_qubits=1)).number == 4
    at_line = stage_of(pair(10.0, **QUANTUM_NODE, logical_qubits=SIMULABLE_LOGICAL_QUBITS))
    assert at_line.number == 4 and "few enough to simulate classically" in at_line.reasons[0]
    assert stage_of(pair(10.0, **QUANTUM_NODE, logical_qubits=SIMULABLE_LOGICAL_QUBITS + 1)).number == 5


def line(middle: Node, left_km: float = 100.0, right_km: float = 100.0, **ends: object) -> Network:
    """A - middle - B."""
    return Network(
        "line",
        (Node("A", **ends), middle, Node("B", **ends)),
        (Link("A", middle.name, left_km), Link(middle.name, "B", right_km)),
    )


def test_a_trusted_relay_in_the_middle_caps_the_network_at_stage_0():
    result = stage_of(line(Node("R", role="trusted"), **QUANTUM_NODE))
    assert result.number == 0 and result.reasons == ("R is a trusted relay",)
    assert result.upgrades == ("make R a quantum repeater with a memory",)


def test_a_repeater_must_outlast_a_pair_on_its_longer_segment():
    p = 0.9**2 / 2 * 10 ** (-0.2 * 120 / 10)
    attempt = 120 / SPEED_IN_FIBRE_KM_PER_S
    need = attempt / p + attempt  # heralding the 120 km side, then its message
    ok = line(Node("R", role="repeater", memory_s=need * (1 + 1e-9)), 80.0, 120.0)
    assert stage_of(ok).number == 1
    short = stage_of(line(Node("R", role="repeater", memory_s=need * 0.99), 80.0, 120.0))
    assert short.number == 0 and "the memory of R" in short.reasons[0]
    none = stage_of(line(Node("R", role="repeater"), 80.0, 120.0))
    assert none.reasons == ("R has no memory, so it can only relay as a trusted node",)


def test_repeaters_let_errors_add_segment_by_segment_instead_of_loss():
    # 300 km in one piece: the dark counts win. Two repeaters: three 100 km segments whose errors add.
    ends = {"heralded": True}
    assert stage_of(pair(300.0, **ends)).number == -1
    repeaters = tuple(Node(name, role="repeater", memory_s=1.0) for name in ("R1", "R2"))
    net = Network(
        "chain",
        (Node("A", **ends), *repeaters, Node("B", **ends)),
        (Link("A", "R1", 100.0), Link("R1", "R2", 100.0), Link("R2", "B", 100.0)),
    )
    result = stage_of(net)
    assert result.number == 2
    assert result.pairs[0].error == pytest.approx(3 * dark_count_error(20.0) + 2 * NODE_ERROR)


def test_a_source_in_the_middle_gives_post_selected_pairs_only():
    net = line(Node("S", role="source", prepare_measure=False), 50.0, 50.0, **QUANTUM_NODE)
    result = stage_of(net)
    assert result.number == 1 and "the pairs from S are post-selected, not heralded" in result.reasons
    # Losses add through a passive source: one 100 km segment.
    assert result.pairs[0].error == pytest.approx(dark_count_error(20.0) + 2 * NODE_ERROR)


def test_the_stage_is_set_by_the_end_nodes_not_the_links():
    toy = NETWORK_PRESETS["Toy five-city network"]
    better_hub = toy.replace_node("Hub", memory_s=1000.0, qubits=100, logical_qubits=100, heralded=True)
    assert stage_of(better_hub).number == stage_of(toy).number == 1


def test_the_weakest_pair_sets_the_stage():
    net = pair(10.0, **QUANTUM_NODE).with_node(Node("C", x_km=5.0)).with_link(Link("B", "C", 10.0))
    result = stage_of(net)
    numbers = {(p.a, p.b): p.number for p in result.pairs}
    assert numbers[("A", "B")] == 3 and numbers[("B", "C")] == 1 and numbers[("A", "C")] == 1
    assert result.number == 1 and result.limiting_pair == ("A", "C")


def test_networks_without_two_connected_end_nodes_reach_no_stage():
    lonely = Network("one", (Node("A"),), ())
    assert stage_of(lonely).stage is None
    assert stage_of(lonely).reasons == ("a network needs two end nodes; it has 1",)
    apart = Network("apart", (Node("A"), Node("B")), ())
    assert stage_of(apart).number == -1 and stage_of(apart).reasons == ("A and B are not connected",)
    assert stage_of(apart).upgrades == ("link A and B",)
    assert stage_of(
        Network("empty", (), ())
    ).summary == "empty reaches no stage yet; the next fails: a network " + ("needs two end nodes; it has 0.")


def test_an_end_node_without_qkd_gear_breaks_even_stage_0():
    result = stage_of(pair(10.0, prepare_measure=False))
    assert result.number == -1 and "node A cannot prepare and measure qubits" in result.reasons


@pytest.mark.parametrize("segments", [2, 3, 14])
def test_the_papers_t_waits_for_the_slowest_of_equal_segments(segments):
    # n segments of 50 km heralding in parallel: the mean of the slowest of n exponential waits is
    # tau (1 + 1/2 + ... + 1/n); then one message end to end.
    p = 0.9**2 / 2 * 10 ** (-0.2 * 50 / 10)
    tau = (50 / SPEED_IN_FIBRE_KM_PER_S) / p
    names = ["A", *(f"R{k}" for k in range(1, segments)), "B"]
    nodes = [Node(n, role="end" if n in "AB" else "repeater", memory_s=100.0, heralded=True) for n in names]
    net = Network("chain", tuple(nodes), tuple(Link(a, b, 50.0) for a, b in zip(names, names[1:])))
    harmonic = sum(1 / k for k in range(1, segments + 1))
    expected = tau * harmonic + 50 * segments / SPEED_IN_FIBRE_KM_PER_S
    assert required_memory_s(net) == pytest.approx(expected, rel=1e-6)
