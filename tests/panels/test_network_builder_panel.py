"""NetworkBuilderPanel: presets, a network built edit by edit through the stages, errors, removal, the map.

The stages expected below are argued from Wehner, Elkouss & Hanson (Science 362, eaam9288, 2018):
a network reaches a stage only when every pair of its end nodes has that stage's functionality;
two end nodes that prepare and measure, joined by fibre with no trusted node between them, reach
stage 1 (Table 1); heralded entanglement at both ends adds stage 2; a memory with local control
stage 3; a logical qubit stage 4; more logical qubits than a classical computer simulates stage 5;
a key relayed through trusted nodes is stage 0. Each step is also compared with
``stage_of`` on the network the panel holds, and that network with one built by hand.
"""

import math

import pytest

from qwidgets import NetworkBuilderPanel
from qwidgets.panels.network_builder import (
    EMPTY,
    BuilderState,
    free_spot,
    stage_report,
)
from qwidgets.physics import NETWORK_PRESETS, Link, Network, Node, stage_of

CAPABILITIES = ("prepare_measure", "heralded", "memory_s", "qubits", "logical_qubits")


def add_node(panel, name, role="end"):
    panel.inputs["name"].value = name
    panel.controls["role"].value = role
    panel.controls["add_node"].click()


def add_link(panel, a, b, length_km=50, kind="fibre"):
    panel.inputs["link_from"].value = a
    panel.inputs["link_to"].value = b
    panel.controls["length_km"].value = length_km
    panel.controls["kind"].value = kind
    panel.controls["add_link"].click()


def give(panel, names, **capabilities):
    """Select each node in turn and set its capabilities, as a student does."""
    for name in names:
        panel.inputs["node"].value = name
        for capability, value in capabilities.items():
            panel.controls[capability].value = value


def report(panel):
    return panel._displays[1].widget.value


def stage(panel):
    assert panel.error is None, panel.error
    number = panel.result.stage.number
    assert number == stage_of(panel.state.network).number  # the panel only asks the physics
    return number


def test_defaults_load_the_toy_network_untouched_and_select_its_first_end_node():
    panel = NetworkBuilderPanel()
    toy = NETWORK_PRESETS["Toy five-city network"]
    assert panel.state == BuilderState(toy, toy.end_nodes[0], "Toy five-city network")
    assert panel.inputs["node"].value == toy.end_nodes[0]
    assert panel.controls["preset"].value == "Toy five-city network"
    assert panel.error is None and bytes(panel.image.value).startswith(b"\x89PNG")


@pytest.mark.parametrize("name", list(NETWORK_PRESETS))
def test_each_preset_shows_its_stage(name):
    expected = stage_of(NETWORK_PRESETS[name])
    panel = NetworkBuilderPanel(preset=EMPTY)
    panel.controls["preset"].value = name
    assert panel.state.network == NETWORK_PRESETS[name]
    assert panel.result.stage == expected
    heading = "No stage yet" if expected.stage is None else f"Stage {expected.number}: {expected.stage.name}"
    assert panel._pictures[0].headline == heading
    assert heading in report(panel) and expected.summary in panel.summary_text
    for reason in expected.reasons:
        assert reason in report(panel).replace("&#x27;", "'")


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("Beijing-Shanghai backbone", 0),  # a key relayed through trusted nodes
        ("Chicago quantum loop", 1),  # photons over fibre, end nodes without matter qubits
        ("Micius satellite link", 1),  # post-selected pairs from a satellite: stage 1, not 2
        ("Toy five-city network", 1),  # a repeater hub, but end nodes without heralded entanglement
    ],
)
def test_presets_sit_on_the_stage_the_paper_gives_them(name, number):
    assert stage(NetworkBuilderPanel(preset=name)) == number


def test_the_delft_network_has_stage_2_functionality_but_its_errors_hold_it_back():
    panel = NetworkBuilderPanel(preset="Delft three-node network")
    assert panel.result.stage.functional_stage == 2  # heralded entanglement between matter qubits
    assert stage(panel) < 2
    assert "Functionality alone would allow stage 2" in report(panel)


def test_building_a_network_edit_by_edit_climbs_the_stages():
    panel = NetworkBuilderPanel(preset=EMPTY)
    assert stage(panel) == -1 and panel._pictures[0].headline == "No stage yet"
    add_node(panel, "Alice")
    add_node(panel, "Bob")
    assert stage(panel) == -1  # two end nodes, not connected
    add_link(panel, "Alice", "Bob", 50)
    assert stage(panel) == 1  # prepare and measure over 50 km of fibre, nobody in between
    give(panel, ["Alice"], heralded=True)
    assert stage(panel) == 1  # every pair of end nodes needs it: Bob still lacks it
    give(panel, ["Bob"], heralded=True)
    assert stage(panel) == 2  # heralded entanglement at both ends
    give(panel, ["Alice", "Bob"], memory_s=1.0, qubits=2)
    assert stage(panel) == 3  # a memory (1 s, far beyond a 50 km round trip) and local control
    give(panel, ["Alice", "Bob"], logical_qubits=1)
    assert stage(panel) == 4  # one fault-tolerant logical qubit
    give(panel, ["Alice", "Bob"], logical_qubits=100)
    assert stage(panel) == 5  # more logical qubits than a classical computer simulates
    assert panel._pictures[0].headline == "Stage 5: quantum computing"

    by_hand = Node("Alice", heralded=True, memory_s=1.0, qubits=2, logical_qubits=100)
    assert panel.state.network.nodes == (
        by_hand,
        Node("Bob", x_km=20.0, heralded=True, memory_s=1.0, qubits=2, logical_qubits=100),
    )
    assert panel.state.network.links == (Link("Alice", "Bob", 50.0),)

    add_node(panel, "Carol")  # a third end node, not connected: no pair with it reaches any stage
    assert stage(panel) == -1
    add_link(panel, "Bob", "Carol", 50)  # Carol only prepares and measures; Bob's memory relays
    assert stage(panel) == 1
    assert "Carol" in panel.result.stage.limiting_pair
    carol = [node.name for node in panel._pictures[0].nodes].index("Carol")
    assert carol in panel._pictures[0].limiting  # the map rings the limiting pair


def test_a_trusted_relay_link_is_stage_0():
    panel = NetworkBuilderPanel(preset=EMPTY)
    add_node(panel, "Alice")
    add_node(panel, "Bob")
    add_link(panel, "Alice", "Bob", 1000, kind="trusted relay")
    assert stage(panel) == 0
    assert panel.state.network.link("Alice", "Bob").kind == "trusted relay"


def test_adding_a_link_between_linked_nodes_changes_it():
    panel = NetworkBuilderPanel(preset=EMPTY)
    add_node(panel, "Alice")
    add_node(panel, "Bob")
    add_link(panel, "Alice", "Bob", 50)
    add_link(panel, "Bob", "Alice", 80)
    assert panel.error is None and panel.state.network.links == (Link("Alice", "Bob", 80.0),)
    panel.controls["loss_db"].value = 35
    add_link(panel, "Alice", "Bob", 500, kind="free space")
    assert panel.state.network.links == (Link("Alice", "Bob", 500.0, kind="free space", loss_db=35.0),)


def test_bad_edits_show_in_the_banner_and_the_panel_keeps_working():
    panel = NetworkBuilderPanel(preset=EMPTY)
    add_node(panel, "Alice")
    before = panel.result
    add_node(panel, "Alice")
    assert panel.error is not None and "Alice" in panel.error and "a name no other node has" in panel.error
    assert panel.banner.layout.display is None and "role='alert'" in panel.banner.value
    assert panel.result is before and len(panel.state.network.nodes) == 1
    assert panel.inputs["name"].value == "Alice"  # kept, to be corrected
    add_node(panel, "Bob")
    assert panel.error is None and panel.banner.layout.display == "none"
    add_link(panel, "Alice", "Alice")
    assert panel.error is not None and "a node other than 'Alice'" in panel.error
    assert panel.state.network.links == ()
    add_link(panel, "Alice", "Bob")
    assert panel.error is None and len(panel.state.network.links) == 1


def test_a_blank_name_gives_the_next_free_node_name():
    panel = NetworkBuilderPanel(preset=EMPTY)
    for _ in range(3):
        panel.controls["add_node"].click()
    assert [node.name for node in panel.state.network.nodes] == ["Node 1", "Node 2", "Node 3"]
    assert panel.inputs["name"].value == "" and panel.state.selected == "Node 3"


def test_removing_a_node_removes_its_links():
    panel = NetworkBuilderPanel()
    panel.inputs["node"].value = "Hub"
    panel.controls["remove_node"].click()
    network = panel.state.network
    assert panel.error is None and "Hub" not in [node.name for node in network.nodes]
    assert network.links == () and network == NETWORK_PRESETS["Toy five-city network"].without_node("Hub")
    assert panel._pictures[0].links == ()
    assert stage(panel) == -1  # the cities are no longer connected
    assert panel.state.selected == network.end_nodes[0]


def test_remove_link_and_the_buttons_that_cannot_act_are_disabled():
    panel = NetworkBuilderPanel(preset=EMPTY)
    for name in ("remove_node", "add_link", "remove_link", *CAPABILITIES):
        assert panel.controls[name].disabled, name
    add_node(panel, "Alice")
    assert not panel.controls["remove_node"].disabled and not panel.controls["heralded"].disabled
    assert panel.controls["add_link"].disabled  # one node: nothing to link it to
    add_node(panel, "Bob")
    assert not panel.controls["add_link"].disabled and panel.controls["remove_link"].disabled
    add_link(panel, "Alice", "Bob")
    assert not panel.controls["remove_link"].disabled
    panel.controls["remove_link"].click()
    assert panel.state.network.links == () and panel.controls["remove_link"].disabled
    panel.controls["remove_link"].click()  # a click from Python on the disabled button does nothing
    assert panel.error is None and panel.state.network.links == ()


def test_capability_keywords_set_the_first_end_node_only():
    panel = NetworkBuilderPanel(heralded=True, qubits=7)
    toy = NETWORK_PRESETS["Toy five-city network"]
    first = toy.end_nodes[0]
    assert panel.state.network == toy.replace_node(first, heralded=True, qubits=7)
    assert panel.controls["heralded"].value is True and panel.controls["qubits"].value == 7


def test_selecting_a_node_shows_its_capabilities():
    panel = NetworkBuilderPanel(preset="Delft three-node network")
    panel.inputs["node"].value = "Bob"
    bob = NETWORK_PRESETS["Delft three-node network"].node("Bob")
    shown = {name: panel.controls[name].value for name in CAPABILITIES}
    assert shown == {
        "prepare_measure": bob.prepare_measure,
        "heralded": bob.heralded,
        "memory_s": bob.memory_s,
        "qubits": bob.qubits,
        "logical_qubits": bob.logical_qubits,
    }
    assert panel.state.network == NETWORK_PRESETS["Delft three-node network"]  # showing edits nothing
    assert "Bob (end node)" in report(panel)


def test_a_memory_time_between_the_menus_values_is_kept_exactly():
    network = Network(
        "mine", (Node("A", memory_s=0.5, qubits=2), Node("B", x_km=10.0)), (Link("A", "B", 10.0),)
    )
    panel = NetworkBuilderPanel(state=network)
    assert panel.controls["memory_s"].value == 1.0  # the nearest value on a log scale
    panel.controls["heralded"].value = True  # another capability: the memory must not be rounded
    assert panel.state.network.node("A") == Node("A", memory_s=0.5, qubits=2, heralded=True)
    panel.controls["memory_s"].value = 0.01
    assert panel.state.network.node("A").memory_s == 0.01


def test_state_keyword_takes_a_network_and_refuses_other_things():
    network = NETWORK_PRESETS["Chicago quantum loop"]
    panel = NetworkBuilderPanel(state=network)
    assert panel.state == BuilderState(network, network.end_nodes[0], EMPTY)
    with pytest.raises(TypeError, match="state must be a Network or a BuilderState"):
        NetworkBuilderPanel(state="Delft")


def test_start_over_reloads_the_chosen_preset():
    panel = NetworkBuilderPanel()
    panel.inputs["node"].value = "Hub"
    panel.controls["remove_node"].click()
    panel.controls["start_over"].click()
    assert panel.state.network == NETWORK_PRESETS["Toy five-city network"]


def test_the_report_lists_reasons_upgrades_and_applications():
    panel = NetworkBuilderPanel(preset="Chicago quantum loop")
    text = report(panel).replace("&#x27;", "'")
    result = panel.result.stage
    assert "Why not stage 2" in text and "To reach stage 2" in text
    assert all(reason in text for reason in result.reasons)
    assert all(upgrade in text for upgrade in result.upgrades)
    assert "quantum key distribution" in text
    assert stage_report(panel.result).heading == "Stage 1: prepare and measure"


def test_the_summary_is_one_line_with_the_counts_and_the_stage():
    one = NetworkBuilderPanel(state=Network("mine", (Node("A"),), ()))
    assert one.summary_text == f"1 node, 0 links: {one.result.stage.summary}"
    two = NetworkBuilderPanel(state=Network("mine", (Node("A"), Node("B")), (Link("A", "B", 5.0),)))
    assert two.summary_text == f"2 nodes, 1 link: {two.result.stage.summary}"


def test_the_map_shows_every_node_link_and_the_selection():
    panel = NetworkBuilderPanel(preset="Micius satellite link")
    picture = panel._pictures[0]
    network = NETWORK_PRESETS["Micius satellite link"]
    assert [(n.name, n.role, n.x_km, n.y_km) for n in picture.nodes] == [
        (n.name, n.role, n.x_km, n.y_km) for n in network.nodes
    ]
    names = [n.name for n in network.nodes]
    assert [(names[k.a], names[k.b], k.kind) for k in picture.links] == [
        (link.a, link.b, link.kind) for link in network.links
    ]
    assert picture.selected == names.index(panel.state.selected)
    assert sorted(names[i] for i in picture.limiting) == sorted(panel.result.stage.limiting_pair)


def test_free_spots_keep_clear_of_every_node():
    empty = Network("", (), ())
    assert free_spot(empty) == (0.0, 0.0)
    one = empty.with_node(Node("A"))
    assert math.hypot(*free_spot(one)) == pytest.approx(20.0)  # no size yet: 20 km away
    network = NETWORK_PRESETS["Toy five-city network"]
    x, y = free_spot(network)
    size = 2 * 57.0  # the cities span 114 km east to west (more than north to south)
    assert min(math.hypot(x - n.x_km, y - n.y_km) for n in network.nodes) >= 0.3 * size - 1e-9
    delft = NETWORK_PRESETS["Delft three-node network"]  # tens of metres: the spot is as close
    x, y = free_spot(delft)
    assert max(math.hypot(x - n.x_km, y - n.y_km) for n in delft.nodes) < 0.2


def test_many_nodes_added_in_a_row_never_share_a_spot():
    panel = NetworkBuilderPanel(preset=EMPTY)
    for _ in range(12):
        panel.controls["add_node"].click()
    spots = [(n.x_km, n.y_km) for n in panel.state.network.nodes]
    assert len(set(spots)) == 12 and panel.error is None
