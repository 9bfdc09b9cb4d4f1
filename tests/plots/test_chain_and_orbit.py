"""The relay chain, the orbit and the loss budget: positions, marks, scale, and no silent redraws."""

import math

import numpy as np
import pytest

from qwidgets.physics import EARTH_RADIUS_KM
from qwidgets.plots import ChainDiagram, LossBudget, OrbitDiagram, PngRenderer
from qwidgets.plots.chain import SLOWEST_COLOR, ChainHop, ChainPicture, hop_positions
from qwidgets.plots.orbit import BudgetPicture, LinkLoss, OrbitPicture
from qwidgets.testing.pixels import decode_png, full_draw, same_picture


def chain(lengths, slowest=(), compromised=None):
    hops = tuple(ChainHop(x, f"{x} km", "1 bit/s", i in slowest) for i, x in enumerate(lengths))
    return ChainPicture(hops, compromised, "End to end: 1 bit/s", "status", alarm=compromised is not None)


def test_hop_positions_follow_the_lengths_but_keep_a_minimum():
    assert hop_positions((1.0, 1.0, 1.0, 1.0)) == pytest.approx((0, 0.25, 0.5, 0.75, 1))
    assert hop_positions((3.0, 1.0), min_share=0.0) == pytest.approx((0, 0.75, 1))  # to scale
    assert hop_positions((3.0, 1.0), min_share=1.0) == pytest.approx((0, 0.5, 1))  # all equal
    m = 0.7 / 2  # a hop of nothing still gets m = min_share / n
    assert hop_positions((5.0, 0.0), min_share=0.7) == pytest.approx((0, 1 - m, 1))
    positions = hop_positions((4.0, 1.0, 1.0, 1.0, 1.0, 1.0))
    assert positions[0] == 0.0 and positions[-1] == 1.0 and all(np.diff(positions) > 0)


def test_chain_diagram_shows_only_the_hops_of_the_picture():
    view = ChainDiagram(6)
    view.update(chain((100.0, 50.0, 50.0), slowest=(0,), compromised=1))
    assert [line.get_visible() for line in view.hop_lines] == [True] * 3 + [False] * 3
    assert [text.get_visible() for text in view.node_texts] == [True, True, False, False, False]
    assert view.hop_names[1].get_text() == "hop 2:" and view.hop_texts[1].get_text() == "50.0 km · 1 bit/s"
    assert view.hop_names[1].get_position()[1] == view.hop_texts[1].get_position()[1]
    assert view.hop_lines[0].get_color() == SLOWEST_COLOR and view.slowest_texts[0].get_visible()
    assert not any(text.get_visible() for text in view.slowest_texts[1:])
    assert len(view.nodes.get_ydata()) == 1 and len(view.leak.get_ydata()) == 1  # node 2 honest, node 1 not
    assert (
        view.leak.get_ydata()[0] == view.node_texts[0].get_position()[1] == view.leak_text.get_position()[1]
    )
    tops = [line.get_ydata()[0] for line in view.hop_lines[:3]]
    assert tops == sorted(tops, reverse=True)  # Alice on top, Bob at the bottom
    view.update(chain((100.0,)))
    assert not view.leak_text.get_visible() and len(view.leak.get_ydata()) == 0


def test_chain_pictures_refuse_impossible_chains():
    with pytest.raises(ValueError, match="at least one hop"):
        ChainPicture((), None, "", "")
    with pytest.raises(ValueError, match="compromised must be a node from 1 to 1"):
        chain((1.0, 1.0), compromised=2)
    with pytest.raises(ValueError, match="at most 2 hops"):
        ChainDiagram(2).update(chain((1.0, 1.0, 1.0)))


def test_only_a_new_layout_or_headline_costs_a_full_redraw():
    cases = [  # (view, pictures differing only in dynamic artists, a picture with a static change or None)
        (
            ChainDiagram(6),
            [chain((100.0, 50.0)), chain((200.0, 100.0)), chain((60.0, 30.0))],
            chain((60.0, 90.0)),
        ),
        (
            OrbitDiagram(),
            [
                OrbitPicture(d, h, "r", "g", "s", "h")
                for d, h in ((1203.0, 500.0), (50.0, 2000.0), (3000.0, 300.0))
            ],
            None,  # everything but the legend is dynamic, the headline too (it changes every 50 km)
        ),
        (
            LossBudget(1),
            [budget(34.0, 240.0), budget(42.0, 10.0), budget(61.0, 600.0)],
            BudgetPicture((LinkLoss("downlink", 30.0, 31.0),), "fibre", 600.0, (), "a new headline"),
        ),
    ]
    for view, pictures, static_change in cases:
        renderer = PngRenderer(view)
        for picture in pictures:
            view.update(picture)
            assert renderer.render() is not None
        assert renderer.full_redraws == 1, type(view).__name__
        if static_change is not None:
            view.update(static_change)
            renderer.render()
            assert renderer.full_redraws == 2, type(view).__name__


def test_a_new_orbit_headline_is_drawn_without_a_full_redraw():
    view = OrbitDiagram()
    renderer = PngRenderer(view)
    view.update(OrbitPicture(1203.0, 500.0, "r", "g", "s", "h"))
    before = renderer.render()
    view.update(OrbitPicture(1203.0, 500.0, "r", "g", "s", "a new headline"))
    after = renderer.render()
    assert after is not None and after != before and renderer.full_redraws == 1
    assert same_picture(decode_png(after), full_draw(view.figure))


def orbit_view(ground, altitude):
    view = OrbitDiagram()
    view.update(OrbitPicture(ground, altitude, "r", "g", "s", "h"))
    return view


@pytest.mark.parametrize(
    ("ground", "altitude"), [(1203.0, 500.0), (50.0, 2000.0), (3000.0, 300.0), (800.0, 1500.0)]
)
def test_the_orbit_is_drawn_to_one_scale_and_fits_the_figure(ground, altitude):
    view = orbit_view(ground, altitude)
    phi = ground / (2 * EARTH_RADIUS_KM)
    slant = math.sqrt(
        EARTH_RADIUS_KM**2
        + (EARTH_RADIUS_KM + altitude) ** 2
        - 2 * EARTH_RADIUS_KM * (EARTH_RADIUS_KM + altitude) * math.cos(phi)
    )
    chord = 2 * EARTH_RADIUS_KM * math.sin(phi)
    (ax, bx), (ay, by) = view.stations.get_data()
    (_, _), (ground_y, sat_y) = view.vertical.get_data()
    scale = (sat_y - ground_y) / altitude  # pixels per km
    assert math.hypot(bx - ax, by - ay) == pytest.approx(scale * chord, rel=1e-9)
    for beam in view.beams:
        (x0, x1), (y0, y1) = beam.get_data()
        assert math.hypot(x1 - x0, y1 - y0) == pytest.approx(scale * slant, rel=1e-9)
    width, height = view._WIDTH_PX, view._HEIGHT_PX
    assert 0 < ax < bx < width and 0 < ay < sat_y < height
    assert ax + bx == pytest.approx(width + view._MARGIN_PX[0] - view._MARGIN_PX[1])  # symmetric


def budget(link_db, fibre_db, measured=((530.0, 29.0), (1000.0, 36.0), (2000.0, 150.0))):
    return BudgetPicture((LinkLoss("downlink", link_db / 2, link_db / 2),), "fibre", fibre_db, measured, "h")


def test_loss_budget_bars_are_as_long_as_their_losses():
    view = LossBudget(1)
    view.update(budget(34.0, 240.6))
    assert view.diffraction_bars[0].get_width() == 17.0
    assert view.beyond_bars[0].get_x() == 17.0 and view.beyond_bars[0].get_width() == 17.0
    assert view.beyond_bars[0].get_hatch()  # told apart by hatching, not only by colour
    assert view.fibre_bar.get_width() == 240.6
    assert [t.get_text() for t in view.value_texts] == ["34.0 dB", "▶ 240.6 dB"]
    assert view.axes.get_xlim() == (0.0, 100.0)
    assert list(view.marks.get_xdata()) == [29.0, 36.0]  # 150 dB is out of view
    assert [t.get_text() for t in view.mark_texts] == ["530 km", "1,000 km"]
    view.update(budget(34.0, 10.0))
    assert [t.get_text() for t in view.value_texts] == ["34.0 dB", "10.0 dB"]
    with pytest.raises(ValueError, match="link rows: built for 1, got 0"):
        view.update(BudgetPicture((), "fibre", 1.0, (), "h"))
