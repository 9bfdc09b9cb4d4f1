"""Drawing: the PNG encoder, the blitting renderer, the Bloch view and the outcome chart."""

import math
import zlib

import matplotlib
import numpy as np
import pytest
from matplotlib.colors import to_hex

from qwidgets.physics import AXIS_STATES
from qwidgets.plots import (
    CSS_DPI,
    PIXEL_RATIO,
    ROLE_COLORS,
    BarsPicture,
    BlochSphere,
    FigureView,
    OutcomeChart,
    PngRenderer,
    SpherePicture,
    encode_png,
    project,
)
from qwidgets.plots.render import RENDER_RC, PngEncoder, adler32_concat
from qwidgets.testing.pixels import decode_png as decode
from qwidgets.testing.pixels import full_draw, same_picture


def bars(p0: float, title: str = "Z", highlight=None) -> BarsPicture:
    return BarsPicture(
        (p0, 1 - p0), (p0, 1 - p0), (f"{100 * p0:.0f}", f"{100 - 100 * p0:.0f}"), ("0", "1"), title, highlight
    )


def test_encode_png_round_trips_exactly():
    rng = np.random.default_rng(1)
    rgba = rng.integers(0, 256, size=(7, 11, 4), dtype=np.uint8)
    assert np.array_equal(decode(encode_png(rgba)), rgba)


@pytest.mark.parametrize("split", [0, 1, 7, 65521, 70000])
def test_adler32_of_joined_bytes_from_the_parts(split):
    data = np.random.default_rng(split).integers(0, 256, size=140_000, dtype=np.uint8).tobytes()
    first, second = data[:split], data[split:]
    assert adler32_concat(zlib.adler32(first), zlib.adler32(second), len(second)) == zlib.adler32(data)


def test_the_encoder_reuses_unchanged_bands_and_stays_exact():
    rng = np.random.default_rng(3)
    frame = rng.integers(0, 256, size=(100, 30, 4), dtype=np.uint8)
    encoder = PngEncoder()
    assert np.array_equal(decode(encoder.encode(frame)), frame)
    assert encoder.encode(frame.copy()) is None  # nothing changed: nothing to send
    for row in (0, 31, 32, 99):  # first, last of a band, first of the next, the last row
        frame = frame.copy()
        frame[row, 5] = 255 - frame[row, 5]
        png = encoder.encode(frame)
        assert np.array_equal(decode(png), frame)
    smaller = frame[:40, :10].copy()  # a new size starts afresh
    assert np.array_equal(decode(encoder.encode(smaller)), smaller)


def test_views_are_figure_views_with_hidpi_figures():
    for view in (BlochSphere(), OutcomeChart()):
        assert isinstance(view, FigureView)
        renderer = PngRenderer(view)
        width_css, height_css = renderer.css_size
        pixels = decode(renderer.render())
        assert pixels.shape[:2] == (PIXEL_RATIO * height_css, PIXEL_RATIO * width_css)
        assert width_css == round(view.figure.get_figwidth() * CSS_DPI)


def test_render_draws_under_its_settings_and_gives_the_callers_back(monkeypatch):
    monkeypatch.setitem(matplotlib.rcParams, "text.hinting", "auto")
    seen = []
    view = OutcomeChart()
    original = view.figure.canvas.draw

    def draw():
        seen.append(matplotlib.rcParams["text.hinting"])
        original()

    monkeypatch.setattr(view.figure.canvas, "draw", draw)
    PngRenderer(view).render()
    assert seen == [RENDER_RC["text.hinting"]], "the figure was not drawn under RENDER_RC"
    assert matplotlib.rcParams["text.hinting"] == "auto", "the caller's setting was not restored"


@pytest.mark.parametrize("make", [BlochSphere, OutcomeChart])
def test_blitted_frames_match_a_full_redraw_and_a_fresh_view(make):
    view = make()
    renderer = PngRenderer(view)
    renderer.render()
    for step, theta in enumerate(np.linspace(0.1, 3.0, 4)):
        picture = (
            SpherePicture((math.sin(theta), 0.0, math.cos(theta)), axis=(0.0, 0.0, 1.0))
            if make is BlochSphere
            else bars(math.cos(theta / 2) ** 2, highlight=step % 2)
        )
        view.update(picture)
        frame = renderer.render()
        assert same_picture(decode(frame), full_draw(view.figure))
        fresh = make()
        fresh.update(picture)
        assert frame == PngRenderer(fresh).render()  # no trace of earlier frames


def test_dynamic_updates_neither_mark_the_figure_stale_nor_redraw_it():
    sphere, chart = BlochSphere(), OutcomeChart()
    renderers = PngRenderer(sphere), PngRenderer(chart)
    sphere.update(SpherePicture((0.0, 0.0, 1.0), axis=(1.0, 0.0, 0.0)))
    chart.update(bars(1.0))
    for renderer in renderers:
        renderer.render()
    sphere.update(SpherePicture((0.0, 1.0, 0.0), axis=(1.0, 0.0, 0.0)))
    chart.update(bars(0.5))
    assert not sphere.figure.stale and not chart.figure.stale
    for renderer in renderers:
        assert renderer.render() is not None
        assert renderer.full_redraws == 1


def test_a_static_change_redraws_the_background_once():
    chart = OutcomeChart()
    renderer = PngRenderer(chart)
    chart.update(bars(1.0, "Z basis"))
    before = renderer.render()
    chart.update(bars(1.0, "X basis"))  # only the title changes
    after = renderer.render()
    assert before != after and renderer.full_redraws == 2
    assert same_picture(decode(after), full_draw(chart.figure))


def test_marking_the_last_shot_does_not_redraw_the_whole_chart():
    chart = OutcomeChart()
    renderer = PngRenderer(chart)
    chart.update(bars(0.5))
    renderer.render()
    for highlight in (1, 0, None):
        chart.update(bars(0.5, highlight=highlight))
        png = renderer.render()
        assert png is not None and not chart.figure.stale
    assert renderer.full_redraws == 1
    assert same_picture(decode(png), full_draw(chart.figure))


def test_unchanged_pixels_are_not_encoded_again():
    sphere = BlochSphere()
    renderer = PngRenderer(sphere)
    assert renderer.render() is not None
    sphere.update(SpherePicture((0.0, 0.0, 1.0)))  # the picture it already shows
    assert renderer.render() is None
    assert renderer.encodes == 1


def test_projection_keeps_z_up_and_x_towards_the_viewer():
    (zx, zy), _ = project(np.array([0, 0, 1.0]))
    assert zx == pytest.approx(0.0) and 0 < zy < 1
    (xx, xy), x_depth = project(np.array([1.0, 0, 0]))
    (yx, _), y_depth = project(np.array([0, 1.0, 0]))
    assert xx < 0 and xy < 0 and x_depth > 0  # |+> at lower left, in front
    assert yx > 0 and y_depth > 0  # |+i> to the right
    points = np.random.default_rng(0).normal(size=(20, 3))
    screen, depth = project(points)
    # orthographic: lengths are kept across the screen plane and the depth axis
    lengths = np.linalg.norm(points, axis=1)
    assert np.linalg.norm(screen, axis=1) ** 2 + depth**2 == pytest.approx(lengths**2)


def _data_corners(text) -> np.ndarray:
    """The four corners of a text's box, in the sphere's data coordinates."""
    ax = text.axes
    ax.figure.canvas.draw()
    box = text.get_window_extent().transformed(ax.transData.inverted())
    return np.array([[box.x0, box.y0], [box.x0, box.y1], [box.x1, box.y0], [box.x1, box.y1]])


def test_axis_states_and_axes_are_named_outside_the_sphere():
    sphere = BlochSphere()
    texts = {t.get_text() for t in sphere.axes.texts}
    assert {s.label for s in AXIS_STATES.values()} <= texts
    assert {"x", "y", "z"} <= texts
    for name, label in sphere.labels.items():
        nearest = np.linalg.norm(_data_corners(label), axis=1).min()
        assert nearest > 1.0, (
            f"the label of |{name}> reaches into the sphere (corner at radius {nearest:.2f})"
        )


def test_labels_on_the_far_side_are_dimmed():
    sphere = BlochSphere()
    for name, label in sphere.labels.items():
        _, depth = project(np.array(AXIS_STATES[name].vector))
        dimmed = to_hex(label.get_color()) != "#000000"
        assert dimmed == (depth < 0), name


def test_the_arrow_is_outlined_above_a_thinner_measurement_axis():
    sphere = BlochSphere()
    sphere.update(SpherePicture((1.0, 0.0, 0.0), axis=(1.0, 0.0, 0.0)))
    assert sphere.arrow.get_zorder() > sphere.measurement_axis.get_zorder()
    assert sphere.measurement_axis.get_linewidth() < sphere.arrow.get_linewidth()
    assert sphere.arrow.get_path_effects(), "the arrow has no outline"


def test_measurement_axis_and_exact_marks_have_different_colours():
    sphere, chart = BlochSphere(), OutcomeChart()
    axis, exact = to_hex(sphere.measurement_axis.get_color()), to_hex(chart.exact.get_color())
    assert axis != exact
    assert axis == to_hex(ROLE_COLORS["measurement"]) and exact == to_hex(ROLE_COLORS["exact"])
    assert len(set(ROLE_COLORS.values())) == len(ROLE_COLORS)


def test_state_behind_the_sphere_is_drawn_fainter():
    sphere = BlochSphere()
    sphere.update(SpherePicture((1.0, 0.0, 0.0)))
    front = sphere.arrow.get_alpha()
    sphere.update(SpherePicture((-1.0, 0.0, 0.0)))
    assert sphere.arrow.get_alpha() < front


def test_a_mixed_state_is_drawn_inside_and_a_fair_coin_without_arrow():
    sphere = BlochSphere()
    sphere.update(SpherePicture((0.0, 0.5, 0.0)))
    (tip_x, tip_y), _ = project((0.0, 0.5, 0.0))
    assert sphere.arrow.get_visible()
    assert (sphere.tip.get_xdata()[0], sphere.tip.get_ydata()[0]) == pytest.approx((tip_x, tip_y))
    assert math.hypot(tip_x, tip_y) < 0.5 + 1e-9
    sphere.update(SpherePicture((0.0, 0.0, 0.0)))
    assert not sphere.arrow.get_visible()


def test_the_last_shot_is_ringed_on_the_sphere_and_marked_on_the_chart():
    sphere, chart = BlochSphere(), OutcomeChart()
    sphere.update(SpherePicture((0.0, 0.0, -1.0), axis=(0.0, 0.0, 1.0), shot=(0.0, 0.0, -1.0)))
    (x, y), _ = project((0.0, 0.0, -1.0))
    assert (sphere.shot_ring.get_xdata()[0], sphere.shot_ring.get_ydata()[0]) == pytest.approx((x, y))
    chart.update(bars(0.0, highlight=1))
    assert to_hex(chart.bars[1].get_edgecolor()) == to_hex(ROLE_COLORS["event"])
    assert (
        "last shot" in chart.outcome_labels[1].get_text()
        and "last shot" not in chart.outcome_labels[0].get_text()
    )
    chart.update(bars(0.0))
    assert "last shot" not in chart.outcome_labels[1].get_text()
    sphere.update(SpherePicture((0.0, 0.0, -1.0)))
    assert len(sphere.shot_ring.get_xdata()) == 0


def test_bars_and_marks_follow_the_picture():
    chart = OutcomeChart()
    chart.update(BarsPicture((0.25, 0.75), (0.3, 0.7), ("25", "75"), ("0: |0⟩", "1: |1⟩"), "100 copies"))
    assert [bar.get_height() for bar in chart.bars] == pytest.approx([0.25, 0.75])
    marks = chart.exact.get_ydata()
    assert [marks[0], marks[3]] == pytest.approx([0.3, 0.7])
    assert [t.get_text() for t in chart.annotations] == ["25", "75"]
    assert chart.title.get_text() == "100 copies"
