"""Number formats of the summaries: key rates and distances in words."""

import math

import pytest

from qwidgets.panels.summary import distance_text, rate_text


@pytest.mark.parametrize(
    ("rate", "text"),
    [
        (0.0, "no key"),
        (-1.0, "no key"),
        (0.001, "< 0.01 bit/s"),
        (0.0123, "0.0123 bit/s"),
        (5.0, "5 bit/s"),
        (999.4, "999 bit/s"),
        (999.7, "1 kbit/s"),  # rounded before the unit is chosen
        (1234.0, "1.23 kbit/s"),
        (2.5e6, "2.5 Mbit/s"),
        (1.1e10, "11 Gbit/s"),
        (math.inf, "unlimited"),
    ],
)
def test_rates_read_with_three_digits_and_a_unit(rate, text):
    assert rate_text(rate) == text


@pytest.mark.parametrize(
    ("length", "text"),
    [(0.0, "0 km"), (12.345, "12.3 km"), (99.6, "100 km"), (1203.4, "1,203 km"), (math.inf, "∞ km")],
)
def test_distances_read_in_whole_km_from_100_km(length, text):
    assert distance_text(length) == text
