"""Key fractions, thresholds, detection probability and fibre loss against closed forms."""

import math

import pytest
from scipy import stats

from qwidgets.errors import InvalidValueError
from qwidgets.physics import (
    binary_entropy,
    detection_probability,
    fiber_transmittance,
    secret_key_fraction,
    security_threshold,
)


@pytest.mark.parametrize(
    ("p", "h"), [(0.0, 0.0), (1.0, 0.0), (0.5, 1.0), (0.25, 0.8112781244591328), (0.11, 0.4999)]
)
def test_binary_entropy(p, h):
    assert binary_entropy(p) == pytest.approx(h, abs=1e-4)


def test_shor_preskill_key_fraction_and_its_11_percent_threshold():
    for q in (0.0, 0.01, 0.05, 0.1):
        h = -q * math.log2(q) - (1 - q) * math.log2(1 - q) if q else 0.0
        assert secret_key_fraction(q) == pytest.approx(1 - 2 * h)
    assert security_threshold("bb84") == pytest.approx(0.1100279, abs=1e-6)
    assert secret_key_fraction(0.11) == pytest.approx(1.7e-4, abs=1e-5)  # just below the threshold
    assert secret_key_fraction(0.1101) == 0.0 and secret_key_fraction(0.25) == 0.0


def test_six_state_key_fraction_and_its_12_6_percent_threshold():
    q = 0.05
    expected = 1 + (1 - 1.5 * q) * math.log2(1 - 1.5 * q) + 1.5 * q * math.log2(q / 2)
    assert secret_key_fraction(q, "six-state") == pytest.approx(expected)
    assert secret_key_fraction(0.0, "six-state") == 1.0
    assert security_threshold("six-state") == pytest.approx(0.1262, abs=2e-4)
    assert secret_key_fraction(0.05, "six-state") > secret_key_fraction(0.05, "bb84")


def test_a_full_intercept_resend_goes_unseen_with_three_quarters_to_the_n():
    for n in (1, 5, 20, 100):
        assert detection_probability(0.25, n) == pytest.approx(1 - 0.75**n)
    assert detection_probability(0.0, 1000) == 0.0
    assert detection_probability(0.25, 0) == 0.0


def test_an_alarm_level_tolerates_errors_as_a_binomial_tail():
    assert detection_probability(0.05, 200, alarm_qber=0.11) == pytest.approx(stats.binom.sf(22, 200, 0.05))
    assert detection_probability(0.25, 200, alarm_qber=0.11) > 0.999


@pytest.mark.parametrize(("km", "eta"), [(0, 1.0), (50, 0.1), (100, 0.01), (500, 1e-10)])
def test_fibre_loses_0_2_db_per_km(km, eta):
    assert fiber_transmittance(km) == pytest.approx(eta)
    assert fiber_transmittance(km, 0.16) == pytest.approx(10 ** (-0.016 * km))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: secret_key_fraction(1.2), "qber must be a number from 0 to 1"),
        (lambda: secret_key_fraction(0.7, "six-state"), "qber must be a number from 0 to 0.666667"),
        (lambda: secret_key_fraction(0.1, "e91"), "protocol must be one of 'bb84', 'six-state'"),
        (lambda: detection_probability(0.1, -1), "n_checked must be an integer from 0"),
        (lambda: fiber_transmittance(-3), "length_km must be a number at least 0 km"),
        (
            lambda: fiber_transmittance(10, math.inf),
            "attenuation_db_per_km must be a number from 0 to 10 dB/km",
        ),
    ],
)
def test_bad_input_gets_named_errors(call, message):
    with pytest.raises(InvalidValueError) as info:
        call()
    assert str(info.value).startswith(message)
