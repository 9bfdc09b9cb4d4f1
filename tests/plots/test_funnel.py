"""The key funnel: bars as long as their counts, wrong bits apart, looks, texts, blitting."""

import pytest
from matplotlib.colors import to_hex

from qwidgets.plots import PIXEL_RATIO, ROLE_COLORS, FigureView, PngRenderer
from qwidgets.plots.funnel import FUNNEL_LABELS, FunnelBar, FunnelPicture, KeyFunnel
from qwidgets.testing.pixels import decode_png as decode
from qwidgets.testing.pixels import full_draw, same_picture


def picture(sifted=497, wrong=12, checked=100, checked_wrong=3, scale=1000, looks=("solid",) * 4, **kw):
    bars = (
        FunnelBar(scale, look=looks[0]),
        FunnelBar(sifted, wrong, looks[1]),
        FunnelBar(checked, checked_wrong, looks[2]),
        FunnelBar(sifted - checked, wrong - checked_wrong, looks[3]),
    )
    return FunnelPicture(bars, scale, f"{scale:,} photons", kw.get("status", "QBER 3.0 %"), "abort at 11 %")


def test_bars_are_as_long_as_their_counts_with_the_wrong_bits_at_the_end():
    funnel = KeyFunnel()
    funnel.update(picture())
    for right, wrong, (count, errors) in zip(
        funnel.right_bars, funnel.wrong_bars, [(1000, 0), (497, 12), (100, 3), (397, 9)]
    ):
        assert right.get_x() == 0 and right.get_width() == count - errors
        assert wrong.get_x() == count - errors and wrong.get_width() == errors
        assert right.get_width() + wrong.get_width() == count
    assert [t.get_text() for t in funnel.texts] == [
        "1,000",
        "497 (12 wrong)",
        "100 (3 wrong)",
        "397 (9 wrong)",
    ]
    assert [t.get_text() for t in funnel.axes.get_yticklabels()] == list(FUNNEL_LABELS)


def test_wrong_bits_differ_in_colour_and_hatch():
    funnel = KeyFunnel()
    funnel.update(picture())
    right, wrong = funnel.right_bars[1], funnel.wrong_bars[1]
    assert to_hex(right.get_facecolor()) == ROLE_COLORS["state"].lower()
    assert to_hex(wrong.get_facecolor()) == ROLE_COLORS["event"].lower()
    assert wrong.get_hatch() and not right.get_hatch()
    assert not funnel.wrong_bars[0].get_visible()  # no wrong bits: no segment


def test_stages_not_reached_are_faint_or_hidden_with_a_note():
    funnel = KeyFunnel()
    bars = (
        FunnelBar(1000),
        FunnelBar(497, 12, "faint", "after step 3"),
        FunnelBar(0, look="hidden", note="after step 4"),
        FunnelBar(0, look="hidden", note="after step 5"),
    )
    funnel.update(FunnelPicture(bars, 1000, "1,000 photons", "QBER: estimated in step 4"))
    assert funnel.right_bars[0].get_alpha() == 1.0
    assert funnel.right_bars[1].get_alpha() < 0.5 and funnel.wrong_bars[1].get_alpha() < 0.5
    assert not funnel.right_bars[2].get_visible() and not funnel.wrong_bars[3].get_visible()
    assert [t.get_text() for t in funnel.texts[1:]] == ["after step 3", "after step 4", "after step 5"]
    assert funnel.texts[2].get_position()[0] < 100  # a hidden bar's note starts at the axis


def test_an_alarm_is_said_in_words_and_drawn_in_the_error_colour():
    funnel = KeyFunnel()
    funnel.update(FunnelPicture(picture().bars, 1000, "run", "Estimated QBER 25.0 %: abort", alarm=True))
    assert funnel.status.get_text() == "Estimated QBER 25.0 %: abort"
    assert to_hex(funnel.status.get_color()) == ROLE_COLORS["event"].lower()
    funnel.update(picture())
    assert to_hex(funnel.status.get_color()) == "#000000"


@pytest.mark.parametrize(
    ("bar", "message"),
    [
        (lambda: FunnelBar(10, 11), "wrong must be from 0 to count"),
        (lambda: FunnelBar(10, -1), "wrong must be from 0 to count"),
        (lambda: FunnelBar(10, look="dim"), "look must be one of"),
    ],
)
def test_impossible_bars_are_refused(bar, message):
    with pytest.raises(ValueError, match=message):
        bar()


def test_a_hidpi_figure_view():
    funnel = KeyFunnel()
    assert isinstance(funnel, FigureView)
    renderer = PngRenderer(funnel)
    funnel.update(picture())
    width_css, height_css = renderer.css_size
    assert decode(renderer.render()).shape[:2] == (PIXEL_RATIO * height_css, PIXEL_RATIO * width_css)
    assert width_css <= 500  # fits beside the notebook's file browser


def test_changing_counts_blits_and_matches_a_fresh_full_draw():
    funnel = KeyFunnel()
    renderer = PngRenderer(funnel)
    funnel.update(picture())
    renderer.render()
    for sifted, looks in [(480, ("solid", "faint", "hidden", "hidden")), (530, ("solid",) * 4)]:
        shown = picture(sifted=sifted, looks=looks, status=f"QBER {sifted}")
        funnel.update(shown)
        assert not funnel.figure.stale
        frame = renderer.render()
        assert renderer.full_redraws == 1
        reference = full_draw(funnel.figure)
        assert same_picture(decode(frame), reference)
        fresh = KeyFunnel()
        fresh.update(shown)
        assert frame == PngRenderer(fresh).render()  # no trace of earlier frames
    funnel.update(shown)
    assert not funnel.figure.stale and renderer.render() is None


def test_a_new_scale_or_headline_redraws_the_background_once():
    funnel = KeyFunnel()
    renderer = PngRenderer(funnel)
    funnel.update(picture())
    renderer.render()
    funnel.update(picture(scale=2000, sifted=1003))
    assert funnel.axes.get_xlim()[1] > 2000
    assert funnel.headline.get_text() == "2,000 photons"
    renderer.render()
    assert renderer.full_redraws == 2
    funnel.update(picture(scale=2000, sifted=990))
    renderer.render()
    assert renderer.full_redraws == 2
