"""A row of spheres: the measurement axes follow their pictures without a full redraw."""

import math

import pytest

from qwidgets.plots import PngRenderer, SpherePicture, SphereRow, SphereRowPicture, project
from qwidgets.testing.pixels import decode_png, full_draw, same_picture


def picture(angle):
    axis = (math.sin(angle), 0.0, math.cos(angle))
    return SphereRowPicture(
        (SpherePicture((0.0, 0.0, 0.0), axis=(0.0, 0.0, 1.0)), SpherePicture((0.0, 0.0, 0.5), axis=axis))
    )


def test_turning_a_measurement_moves_its_axis_without_a_full_redraw():
    view = SphereRow(("Alice's qubit", "Bob's qubit"))
    renderer = PngRenderer(view)
    for angle in (0.0, 0.5, 1.0, 2.0):
        view.update(picture(angle))
        png = renderer.render()
        assert png is not None
    assert renderer.full_redraws == 1
    assert same_picture(decode_png(png), full_draw(view.figure))
    (x, y), _ = project((math.sin(2.0), 0.0, math.cos(2.0)))
    assert view.spheres[1].measurement_axis.get_xydata()[0] == pytest.approx((x, y))
    assert view.spheres[0].measurement_axis in view.dynamic
