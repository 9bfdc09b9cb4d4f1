"""The stage ladder: rungs bottom up, the selected one framed, lit rungs in words, no silent redraws."""

import pytest
from matplotlib.colors import to_rgba

from qwidgets.physics import STAGES
from qwidgets.plots import PngRenderer
from qwidgets.plots.ladder import LIT_COLOR, LadderPicture, StageLadder, rung_marks
from qwidgets.testing.pixels import decode_png, full_draw, same_picture

LABELS = tuple(f"{s.number}  {s.name}" for s in STAGES)  # the real labels: the longest the ladder shows


def picture(selected=0, lowest=None, headline="Stage 0: trusted repeater", status="status", labels=LABELS):
    return LadderPicture(labels, selected, lowest, headline, status)


def test_marks_say_in_words_which_rungs_run_the_application():
    assert rung_marks(6, None) == ("",) * 6
    assert rung_marks(6, 3) == ("✗ cannot", "✗ cannot", "✗ cannot", "✓ lowest", "✓ runs it", "✓ runs it")
    assert rung_marks(6, 0) == ("✓ lowest",) + ("✓ runs it",) * 5
    assert rung_marks(6, 5) == ("✗ cannot",) * 5 + ("✓ lowest",)


@pytest.mark.parametrize("lowest", [None, 0, 2, 5])
def test_the_rungs_from_the_lowest_up_are_lit_and_marked(lowest):
    view = StageLadder(6)
    view.update(picture(lowest=lowest))
    lit = [patch.get_facecolor() == pytest.approx(to_rgba(LIT_COLOR)) for patch in view.rungs]
    assert lit == [lowest is not None and rung >= lowest for rung in range(6)]
    assert [text.get_text() for text in view.marks] == list(rung_marks(6, lowest))
    bold = [text.get_fontweight() == "bold" for text in view.marks]
    assert bold == [rung == lowest for rung in range(6)]


def test_rungs_run_bottom_up_with_their_labels_above_them():
    view = StageLadder(6)
    view.update(picture())
    bottoms = [patch.get_y() for patch in view.rungs]
    assert bottoms == sorted(bottoms) and len(set(bottoms)) == 6  # stage 0 lowest
    for patch, label, mark, text in zip(view.rungs, view.labels, view.marks, LABELS):
        assert label.get_text() == text
        top = patch.get_y() + patch.get_height()
        assert top < label.get_position()[1] < top + 0.1  # above its rung, below the next one
        assert patch.get_y() <= mark.get_position()[1] <= top  # the mark beside its rung


@pytest.mark.parametrize("selected", range(6))
def test_the_frame_holds_the_selected_rung_and_its_label(selected):
    view = StageLadder(6)
    view.update(picture(selected=selected, lowest=3))
    frame, rung, label = view.frame, view.rungs[selected], view.labels[selected]
    bottom, top = frame.get_y(), frame.get_y() + frame.get_height()
    assert bottom < rung.get_y() and rung.get_y() + rung.get_height() < label.get_position()[1] < top
    others = [r for i, r in enumerate(view.rungs) if i != selected]
    assert all(not bottom < r.get_y() < top for r in others)  # and no other rung


def test_every_text_fits_in_the_figure():
    view = StageLadder(6)
    view.update(picture(selected=4, lowest=2, headline="Stage 4: few-qubit fault-tolerant"))
    renderer = view.figure.canvas.get_renderer()
    box = view.figure.bbox
    for text in (*view.labels, *view.marks, view.headline, view.status):
        extent = text.get_window_extent(renderer)
        assert box.x0 <= extent.x0 and extent.x1 <= box.x1 and box.y0 <= extent.y0 and extent.y1 <= box.y1, (
            text.get_text()
        )
    rail = view.rungs[0].get_x() + view.rungs[0].get_width()
    right_rail = view.axes.transData.transform((rail, 0))[0]
    for label in view.labels:  # the longest stage name stays between the rails
        assert label.get_window_extent(renderer).x1 < right_rail, label.get_text()


def test_only_new_labels_cost_a_full_redraw_and_frames_match_a_full_draw():
    view = StageLadder(6)
    renderer = PngRenderer(view)
    for selected, lowest in ((0, None), (3, 3), (1, 3), (5, 0), (2, None)):
        view.update(picture(selected=selected, lowest=lowest, headline=f"Stage {selected}"))
        png = renderer.render()
        assert png is not None
        assert same_picture(decode_png(png), full_draw(view.figure))
    assert renderer.full_redraws == 1
    view.update(picture(labels=tuple(f"rung {i}" for i in range(6))))
    renderer.render()
    assert renderer.full_redraws == 2


def test_impossible_pictures_are_refused():
    with pytest.raises(ValueError, match="selected must be a rung from 0 to 5; got 6"):
        picture(selected=6)
    with pytest.raises(ValueError, match="lowest must be None or a rung from 0 to 5; got -1"):
        picture(lowest=-1)
    with pytest.raises(ValueError, match="this ladder has 6 rungs; the picture labels 3"):
        StageLadder(6).update(picture(labels=("a", "b", "c")))
