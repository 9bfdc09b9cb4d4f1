"""Text colours reach WCAG 2's 4.5:1 on white (qwidgets.plots.style.contrast_ratio, text_color)."""

import pytest

from qwidgets.plots.style import ROLE_COLORS, contrast_ratio, role_css, text_color


@pytest.mark.parametrize(
    ("color", "background", "ratio"),
    [
        ("#000000", "#FFFFFF", 21.0),  # the extremes
        ("#FFFFFF", "#FFFFFF", 1.0),
        ("#767676", "#FFFFFF", 4.54),  # the lightest grey that passes AA on white (WebAIM)
        ("#777777", "#FFFFFF", 4.48),  # one step lighter fails
    ],
)
def test_contrast_ratio_matches_published_values(color, background, ratio):
    assert contrast_ratio(color, background) == pytest.approx(ratio, abs=0.01)
    assert contrast_ratio(background, color) == pytest.approx(ratio, abs=0.01)


def test_vermillion_text_is_darkened_to_pass_and_no_further():
    assert contrast_ratio(ROLE_COLORS["event"]) < 4.5  # why the text colour exists
    darker = text_color(ROLE_COLORS["event"])
    assert contrast_ratio(darker) >= 4.5
    one_step_lighter = "#" + "".join(
        f"{round(int(darker[i : i + 2], 16) * 1.01):02X}" for i in (1, 3, 5)
    )
    assert contrast_ratio(one_step_lighter) < 4.5 + 0.1  # the lightest passing step, not black
    r, g, b = (int(darker[i : i + 2], 16) for i in (1, 3, 5))
    assert r > g > b, "the hue (vermillion: red > green > blue) is kept"


def test_a_colour_that_passes_is_kept():
    assert contrast_ratio(ROLE_COLORS["state"]) >= 4.5
    assert text_color(ROLE_COLORS["state"]) == ROLE_COLORS["state"].upper()


def test_role_css_text_falls_back_to_the_passing_colour():
    assert role_css("event", text=True) == f"var(--qwl-event-text, {text_color(ROLE_COLORS['event'])})"
    assert role_css("event") == f"var(--qwl-event, {ROLE_COLORS['event']})"
