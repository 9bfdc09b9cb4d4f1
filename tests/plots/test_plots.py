"""Drawing: the PNG encoder, the blitting renderer and the Bloch projection."""

import io
import math

import numpy as np
import pytest
from PIL import Image

from qwidgets.plots import AXIS_LABELS, PngRenderer, draw_bloch, draw_outcomes, new_figure, project
from qwidgets.plots.render import encode_png


def decode(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def full_draw(fig) -> np.ndarray:
    """Pixels of a plain, complete draw of ``fig`` (every artist, animated or not)."""
    animated = [a for a in fig.findobj() if a.get_animated()]
    for artist in animated:
        artist.set_animated(False)
    fig.canvas.draw()
    pixels = np.asarray(fig.canvas.buffer_rgba())[:, :, :3].copy()
    for artist in animated:
        artist.set_animated(True)
    return pixels


def test_encode_png_round_trips_exactly():
    rng = np.random.default_rng(1)
    rgba = rng.integers(0, 256, size=(7, 11, 4), dtype=np.uint8)
    assert np.array_equal(decode(encode_png(rgba)), rgba[:, :, :3])


def make_sphere_and_bars():
    fig = new_figure(6, 3, dpi=60)
    _, _, sphere = draw_bloch(fig=fig, ax=fig.add_axes((0, 0, 0.5, 1)))
    _, _, bars = draw_outcomes(fig=fig, ax=fig.add_axes((0.6, 0.2, 0.35, 0.7)))
    return fig, sphere, bars, PngRenderer(fig, [*sphere.dynamic, *bars.dynamic])


def same_picture(frame: np.ndarray, reference: np.ndarray) -> bool:
    """Equal but for the few pixels where a dynamic artist crosses a static one.

    (Blitting draws dynamic artists over the background; a full draw interleaves by zorder.)
    """
    return frame.shape == reference.shape and np.any(frame != reference, axis=2).mean() < 0.002


def show(sphere, bars, theta, step):
    sphere.update(np.array([math.sin(theta), 0, math.cos(theta)]), np.array([0.0, 0.0, 1.0]))
    p0 = math.cos(theta / 2) ** 2
    bars.update((p0, 1 - p0), (p0, 1 - p0), (step, 5 - step), ("0", "1"), "Z basis")


def test_blitted_frames_match_a_full_redraw_and_a_fresh_figure():
    fig, sphere, bars, renderer = make_sphere_and_bars()
    renderer.png()
    for step, theta in enumerate(np.linspace(0.1, 3.0, 5)):
        show(sphere, bars, theta, step)
        frame = renderer.png()
        assert same_picture(decode(frame), full_draw(fig))
        _, fresh_sphere, fresh_bars, fresh_renderer = make_sphere_and_bars()
        show(fresh_sphere, fresh_bars, theta, step)
        assert frame == fresh_renderer.png()  # no trace of earlier frames


def test_changing_a_static_artist_redraws_the_background():
    fig, sphere, bars, renderer = make_sphere_and_bars()
    bars.update((1, 0), (1, 0), (1, 0), ("0", "1"), "Z basis")
    before = renderer.png()
    bars.update((1, 0), (1, 0), (1, 0), ("0", "1"), "X basis")  # only the title changes
    after = renderer.png()
    assert before != after
    assert same_picture(decode(after), full_draw(fig))


def test_dynamic_updates_do_not_mark_the_figure_stale():
    fig, sphere, bars, renderer = make_sphere_and_bars()
    sphere.update(np.array([0, 0, 1.0]), np.array([1.0, 0, 0]))
    bars.update((1, 0), (1, 0), (1, 0), ("0", "1"), "")
    renderer.png()
    sphere.update(np.array([0, 1.0, 0]), np.array([1.0, 0, 0]))
    bars.update((0.5, 0.5), (0.5, 0.5), (1, 1), ("0", "1"), "")
    assert not fig.stale


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


def test_every_axis_end_is_labelled():
    fig, ax, _ = draw_bloch()
    texts = {t.get_text() for t in ax.texts}
    assert set(AXIS_LABELS.values()) <= texts
    assert {"|0⟩", "|1⟩", "|+⟩", "|−⟩", "|+i⟩", "|−i⟩"} <= texts


def test_state_behind_the_sphere_is_drawn_fainter():
    _, _, sphere = draw_bloch()
    sphere.update(np.array([1.0, 0, 0]))
    front = sphere.state_arrow.get_alpha()
    sphere.update(np.array([-1.0, 0, 0]))
    assert sphere.state_arrow.get_alpha() < front
