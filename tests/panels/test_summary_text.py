"""Number formats of the summaries: key rates and distances in words."""

import math

import pytest

from qwidgets.panels.summary import count_text, distance_text, power_of_ten_text, rate_text, time_text


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


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (1.0, "1"),
        (7.24, "7.2"),
        (1585.0, "1,600"),
        (99_999.0, "1 × 10⁵"),
        (4.47e20, "4.5 × 10²⁰"),
        (1e20, "1 × 10²⁰"),
    ],
)
def test_counts_read_with_two_digits_and_powers_of_ten_from_100000(count, text):
    assert count_text(count) == text


def test_powers_of_ten_have_superscript_exponents():
    assert power_of_ten_text(20) == "10²⁰" and power_of_ten_text(-3) == "10⁻³"


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(375e-6, "380 µs"), (0.01, "10 ms"), (1.5, "1.5 s"), (252.0, "4.2 min"), (math.inf, "never")],
)
def test_time_text_picks_a_unit(seconds, text):
    assert time_text(seconds) == text
