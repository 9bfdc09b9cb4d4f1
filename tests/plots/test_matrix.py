"""The Hinton diagram view: square areas equal the entries' sizes, signs told by colour and hatching,
only the squares redrawn, frames equal to a full draw."""

import math

import numpy as np
import pytest
from matplotlib.colors import to_hex

from qwidgets.plots import ROLE_COLORS, MatrixPicture, MatrixView, PngRenderer
from qwidgets.testing.pixels import decode_png, full_draw, same_picture

KETS = ("|00⟩", "|01⟩", "|10⟩", "|11⟩")
BRAS = ("⟨00|", "⟨01|", "⟨10|", "⟨11|")


def phi_minus(weight=1.0):
    h = weight / 2
    return ((h, 0, 0, -h), (0, 0, 0, 0), (0, 0, 0, 0), (-h, 0, 0, h))


def areas(collection):
    return sorted(
        round(abs(np.prod(np.ptp(np.asarray(path.vertices)[:4], axis=0))), 9)
        for path in collection.get_paths()
    )


def test_each_square_has_the_area_of_its_entry():
    view = MatrixView(KETS, BRAS)
    view.update(MatrixPicture(phi_minus(), "ρ"))
    side = 0.92  # an entry of size 1 fills 0.92 of its cell's side
    assert areas(view.positive) == pytest.approx([side**2 / 2] * 2)
    assert areas(view.negative) == pytest.approx([side**2 / 2] * 2)
    centres = sorted(tuple(np.asarray(p.vertices)[:4].mean(axis=0)) for p in view.negative.get_paths())
    np.testing.assert_allclose(
        centres, [(0.0, 3.0), (3.0, 0.0)], atol=1e-12
    )  # (column, row): the off-diagonal corners


def test_negative_squares_are_hatched_and_positive_ones_blue():
    view = MatrixView(KETS, BRAS)
    assert view.negative.get_hatch() and not view.positive.get_hatch()
    assert to_hex(view.positive.get_facecolor()[0]) == to_hex(ROLE_COLORS["state"]).lower()


def test_entries_that_read_zero_get_no_square():
    view = MatrixView(KETS, BRAS)
    values = ((1.0, 0.001, 0, 0), (0.001, 0, 0, 0), (0, 0, 0, 0), (0, 0, 0, 0))
    view.update(MatrixPicture(values))
    assert len(view.positive.get_paths()) == 1 and len(view.negative.get_paths()) == 0


def test_only_a_new_title_costs_a_full_redraw_and_frames_match_a_full_draw():
    view = MatrixView(KETS, BRAS)
    renderer = PngRenderer(view)
    for weight in (1.0, 0.8, 0.5, 0.2):
        view.update(MatrixPicture(phi_minus(weight), "ρ"))
        png = renderer.render()
        assert png is not None
    assert renderer.full_redraws == 1
    assert same_picture(decode_png(png), full_draw(view.figure))
    view.update(MatrixPicture(phi_minus(0.2), "ρ after"))
    renderer.render()
    assert renderer.full_redraws == 2 and view.title.get_text() == "ρ after"


def test_the_view_refuses_a_matrix_of_the_wrong_size():
    view = MatrixView(KETS, BRAS)
    with pytest.raises(ValueError, match="4 x 4"):
        view.update(MatrixPicture(((1.0, 0.0), (0.0, 0.0))))
    with pytest.raises(ValueError, match="column labels"):
        MatrixView(KETS, BRAS[:3])


def test_a_larger_entry_gets_a_larger_square_as_its_square_root():
    view = MatrixView(("a", "b"), ("a", "b"))
    view.update(MatrixPicture(((0.64, 0.0), (0.0, 0.16))))
    small, large = areas(view.positive)
    assert large / small == pytest.approx(4.0) and math.isclose(large, 0.92**2 * 0.64)
