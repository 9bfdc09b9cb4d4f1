"""The network map: one scale both ways, a marker per role, a line style per kind, rings, labels, redraws."""

import math

import numpy as np
import pytest

from qwidgets.plots import PngRenderer
from qwidgets.plots.network import (
    KIND_STYLES,
    ROLE_MARKERS,
    LinkMark,
    NetworkPicture,
    NetworkView,
    NodeMark,
    map_limits,
)
from qwidgets.testing.pixels import decode_png, full_draw, same_picture

NODES = (
    NodeMark("Ada", "end", 0.0, 0.0),
    NodeMark("Hub", "repeater", 100.0, 0.0),
    NodeMark("Relay", "trusted", 100.0, 50.0),
    NodeMark("Sat", "source", 0.0, 50.0),
)
LINKS = (
    LinkMark(0, 1, "fibre", "100 km"),
    LinkMark(1, 2, "trusted relay", "50 km"),
    LinkMark(0, 3, "free space", "500 km"),
)


def picture(**changes):
    values = {"nodes": NODES, "links": LINKS, "headline": "Stage 1: prepare and measure"}
    return NetworkPicture(**{**values, **changes})


def pixels(view, x, y):
    """Axes coordinates (0 to 1) in display pixels."""
    return view.axes.transAxes.transform((x, y))


def test_map_limits_keep_one_km_per_km_and_every_point_inside():
    xs, ys = np.array([0.0, 100.0, 40.0]), np.array([0.0, 10.0, -30.0])
    (x0, x1), (y0, y1) = map_limits(xs, ys, aspect=1.5)
    assert (x1 - x0) / (y1 - y0) == pytest.approx(1.5)
    assert x0 < xs.min() and xs.max() < x1 and y0 < ys.min() and ys.max() < y1
    assert (x0 + x1) / 2 == pytest.approx(50.0) and (y0 + y1) / 2 == pytest.approx(-10.0)
    (x0, x1), (y0, y1) = map_limits(np.array([5.0]), np.array([7.0]), aspect=1.0)
    assert x1 - x0 == pytest.approx(20.0 * 1.24) and (x0 + x1) / 2 == pytest.approx(
        5.0
    )  # one node: 20 km and margins
    (x0, x1), _ = map_limits(np.array([0.0, 0.06]), np.array([0.0, 0.0]), aspect=1.0)
    assert x1 - x0 == pytest.approx(0.06 * 1.24)  # tens of metres are not squashed into a dot


def test_nodes_sit_at_their_positions_at_one_scale():
    view = NetworkView()
    view.update(picture())
    spots = {}
    for role, line in view.role_lines.items():
        (x,), (y,) = line.get_data()
        spots[role] = pixels(view, x, y)
    east = spots["repeater"] - spots["end"]  # Ada to Hub: 100 km east
    north = spots["source"] - spots["end"]  # Ada to Sat: 50 km north
    assert east[1] == pytest.approx(0.0, abs=1e-9) and north[0] == pytest.approx(0.0, abs=1e-9)
    assert east[0] / north[1] == pytest.approx(2.0)  # the same km per pixel both ways
    for role, (marker, _, label) in ROLE_MARKERS.items():
        line = view.role_lines[role]
        assert line.get_marker() == marker and line.get_label() == label


def test_links_are_styled_by_kind_and_join_their_nodes():
    view = NetworkView()
    view.update(picture())
    assert view.kind_lines["fibre"].get_linestyle() == "-"
    assert view.kind_lines["trusted relay"].get_linestyle() == "--"
    assert view.kind_lines["free space"].get_linestyle() == ":"
    xs, ys = view.kind_lines["trusted relay"].get_data()
    (hub_x,), (hub_y,) = view.role_lines["repeater"].get_data()
    (relay_x,), (relay_y,) = view.role_lines["trusted"].get_data()
    assert (xs[0], ys[0], xs[1], ys[1]) == (hub_x, hub_y, relay_x, relay_y) and math.isnan(xs[2])
    assert set(KIND_STYLES) == {"fibre", "free space", "trusted relay"}


def test_rings_mark_the_selected_node_and_the_limiting_pair():
    view = NetworkView()
    view.update(picture(selected=1, limiting=(0, 3)))
    ring_x, ring_y = view.limiting_ring.get_data()
    (ada_x,), (ada_y,) = view.role_lines["end"].get_data()
    (sat_x,), (sat_y,) = view.role_lines["source"].get_data()
    assert list(zip(ring_x, ring_y)) == [(ada_x, ada_y), (sat_x, sat_y)]
    assert view.selected_ring.get_data()[0].tolist() == view.role_lines["repeater"].get_data()[0].tolist()
    view.update(picture())
    assert len(view.limiting_ring.get_data()[0]) == 0 and len(view.selected_ring.get_data()[0]) == 0


def test_labels_name_every_node_and_link_until_links_crowd_the_map():
    view = NetworkView()
    view.update(picture())
    assert [t.get_text() for t in view.node_texts if t.get_visible()] == ["Ada", "Hub", "Relay", "Sat"]
    assert [t.get_text() for t in view.link_texts if t.get_visible()] == ["100 km", "50 km", "500 km"]
    assert view.headline.get_text() == "Stage 1: prepare and measure" and not view.empty_text.get_visible()
    ring = tuple(NodeMark(f"N{k}", "end", math.cos(k), math.sin(k)) for k in range(14))
    many = tuple(LinkMark(k, (k + 1) % 14, "fibre", "1 km") for k in range(14))
    view.update(NetworkPicture(ring, many, "h"))
    assert sum(t.get_visible() for t in view.node_texts) == 14
    assert not any(t.get_visible() for t in view.link_texts)
    view.update(NetworkPicture((), (), "No stage yet"))
    assert view.empty_text.get_visible() and not any(t.get_visible() for t in view.node_texts)


def test_pictures_refuse_unknown_roles_kinds_and_indices():
    with pytest.raises(ValueError, match="role must be one of"):
        NodeMark("A", "satellite", 0.0, 0.0)
    with pytest.raises(ValueError, match="kind must be one of"):
        LinkMark(0, 1, "copper")
    with pytest.raises(ValueError, match="node indices must be from 0 to 3; got 4"):
        picture(selected=4)
    with pytest.raises(ValueError, match="got 7"):
        picture(links=(LinkMark(0, 7, "fibre"),))


def test_only_new_labels_cost_a_full_redraw_and_frames_match_a_full_draw():
    view = NetworkView()
    renderer = PngRenderer(view)
    view.update(picture())
    renderer.render()
    assert renderer.full_redraws == 1
    moved = tuple(NodeMark(n.name, n.role, n.x_km * 2, n.y_km + 5) for n in NODES)
    for changed in (picture(selected=2), picture(nodes=moved, headline="Stage 0: trusted repeater")):
        view.update(changed)
        frame = renderer.render()
        assert frame is not None and renderer.full_redraws == 1  # the map is dynamic, the legend static
        assert same_picture(decode_png(frame), full_draw(view.figure))
    view.update(picture(nodes=(*NODES, NodeMark("New", "end", 50.0, 25.0))))
    renderer.render()
    assert renderer.full_redraws == 2  # a fifth node label was created
    view.update(picture(nodes=(*NODES, NodeMark("New", "end", 50.0, 25.0))))
    assert not view.figure.stale and renderer.render() is None
