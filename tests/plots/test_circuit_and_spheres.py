"""The teleportation circuit and the row of titled spheres: artists in place, static text only on change."""

import numpy as np
import pytest

from qwidgets.plots import PngRenderer, SpherePicture, project
from qwidgets.plots.circuit import STEP_LABELS, CircuitPicture, TeleportCircuit
from qwidgets.plots.spheres import SphereRow, SphereRowPicture
from qwidgets.testing.pixels import decode_png, full_draw, same_picture


def centre_x(artist):
    (x0, _), (x1, _) = artist.get_bbox().get_points()
    return (x0 + x1) / 2


def label_x(view, index):
    return view.step_texts[index].get_position()[0]


def test_the_frame_follows_the_step_and_sits_over_its_name():
    view = TeleportCircuit()
    assert [t.get_text() for t in view.step_texts] == list(STEP_LABELS)
    frames = []
    for step in range(5):
        view.update(CircuitPicture(step))
        x0, x1 = view.frame.get_x(), view.frame.get_x() + view.frame.get_width()
        assert x0 < label_x(view, step) < x1  # the frame holds its step's name
        for other in range(5):
            if other != step:
                assert not x0 < label_x(view, other) < x1
        frames.append((x0, x1))
    assert all(a[1] <= b[0] + 1e-9 for a, b in zip(frames, frames[1:]))  # left to right, not overlapping


def test_the_bits_read_question_marks_until_measured():
    view = TeleportCircuit()
    assert [t.get_text() for t in view.bit_texts] == ["m₀ = ?", "m₁ = ?"]
    view.update(CircuitPicture(3, (1, 0)))
    assert [t.get_text() for t in view.bit_texts] == ["m₀ = 1", "m₁ = 0"]
    view.update(CircuitPicture(4, (0, 1)))
    assert [t.get_text() for t in view.bit_texts] == ["m₀ = 0", "m₁ = 1"]


def test_moving_the_step_is_blitted_and_only_new_bits_redraw_the_circuit():
    view = TeleportCircuit()
    renderer = PngRenderer(view)
    renderer.render()
    for step in (1, 2, 3, 2, 1):
        view.update(CircuitPicture(step))
        assert renderer.render() is not None
    assert renderer.full_redraws == 1
    view.update(CircuitPicture(3, (1, 1)))  # the bits appear: one full redraw
    frame = renderer.render()
    assert renderer.full_redraws == 2
    assert same_picture(decode_png(frame), full_draw(view.figure))
    view.update(CircuitPicture(3, (1, 1)))
    assert not view.figure.stale and renderer.render() is None


def test_a_row_of_spheres_has_one_titled_sphere_per_title():
    view = SphereRow(("left", "right"))
    assert len(view.spheres) == 2
    texts = [t.get_text() for t in view.figure.texts]
    assert texts == ["left", "right"]
    width, height = view.figure.get_size_inches()
    assert width == pytest.approx(
        (2 * 0.75 + 0.06) * height / 0.87
    )  # two square spheres under their titles, and a margin
    arrows_and_axes = {a for sphere in view.spheres for a in (*sphere.dynamic, sphere.measurement_axis)}
    assert set(view.dynamic) == arrows_and_axes


def test_each_sphere_shows_its_own_vector():
    view = SphereRow(("a", "b"))
    renderer = PngRenderer(view)
    up, fair_coin = (0.0, 0.0, 1.0), (0.0, 0.0, 0.0)
    view.update(SphereRowPicture((SpherePicture((1.0, 0.0, 0.0)), SpherePicture(up))))
    renderer.render()
    (x, y), _ = project(np.array([1.0, 0.0, 0.0]))
    assert view.spheres[0].tip.get_xdata()[0] == pytest.approx(x) and view.spheres[0].arrow.get_visible()
    assert view.spheres[1].tip.get_ydata()[0] == pytest.approx(project(np.array(up))[0][1])
    view.update(SphereRowPicture((SpherePicture(up), SpherePicture(fair_coin))))
    assert renderer.render() is not None and renderer.full_redraws == 1
    assert not view.spheres[1].arrow.get_visible()  # the maximally mixed state has no arrow


def test_a_picture_must_have_one_sphere_per_title():
    view = SphereRow(("a", "b"))
    with pytest.raises(ValueError, match="1 sphere pictures for 2 spheres"):
        view.update(SphereRowPicture((SpherePicture((0.0, 0.0, 1.0)),)))
