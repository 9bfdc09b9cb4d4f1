"""QubitPanel without a browser: set controls, check result, artists, summary and image."""

import math

import numpy as np
import pytest

from qwidgets import QubitPanel
from qwidgets.plots import project


def tip_xy(panel):
    """Screen position of the drawn state arrow's tip."""
    tip = panel._bloch.state_tip
    return float(tip.get_xdata()[0]), float(tip.get_ydata()[0])


def test_default_panel_shows_zero_state_measured_in_z():
    panel = QubitPanel()
    assert panel.error is None
    assert panel.result.probabilities == pytest.approx((1.0, 0.0))
    assert panel.result.counts == (1000, 0)
    assert bytes(panel.image.value).startswith(b"\x89PNG")
    assert "(0.00, 0.00, 1.00)" in panel.summary.value
    assert "probability 1.000" in panel.summary.value


@pytest.mark.parametrize(
    ("theta", "phi", "basis", "p0"),
    [
        (math.pi / 3, 0.0, "Z", math.cos(math.pi / 6) ** 2),
        (math.pi / 2, 0.0, "X", 1.0),
        (math.pi / 2, math.pi, "X", 0.0),
        (math.pi / 2, math.pi / 2, "Y", 1.0),
        (2.0, 1.0, "X", (1 + math.sin(2.0) * math.cos(1.0)) / 2),
        (2.0, 1.0, "Y", (1 + math.sin(2.0) * math.sin(1.0)) / 2),
    ],
)
def test_controls_set_the_measured_state(theta, phi, basis, p0):
    panel = QubitPanel()
    before = panel.image.value
    panel.controls["theta"].value = theta
    panel.controls["phi"].value = phi
    panel.controls["basis"].value = basis
    assert panel.result.probabilities[0] == pytest.approx(p0, abs=1e-12)
    expected = np.array([math.sin(theta) * math.cos(phi), math.sin(theta) * math.sin(phi), math.cos(theta)])
    assert panel.result.bloch_vector == pytest.approx(expected)
    assert tip_xy(panel) == pytest.approx(tuple(project(expected)[0]))
    assert panel.image.value != before
    assert f"{basis} basis" in panel.summary.value


def test_counts_follow_the_exact_probability():
    panel = QubitPanel(theta=math.pi / 3, shots=100_000, seed=5)
    n0, n1 = panel.result.counts
    p0 = math.cos(math.pi / 6) ** 2
    assert n0 + n1 == 100_000
    assert abs(n0 - 100_000 * p0) < 5 * math.sqrt(100_000 * p0 * (1 - p0))
    bar_heights = [bar.get_height() for bar in panel._outcomes.bars]
    assert bar_heights == pytest.approx([n0 / 100_000, n1 / 100_000])


@pytest.mark.parametrize(
    ("start", "gate", "theta", "phi"),
    [
        ((0.0, 0.0), "H", math.pi / 2, 0.0),
        ((0.0, 0.0), "X", math.pi, 0.0),
        ((math.pi / 2, 0.0), "S", math.pi / 2, math.pi / 2),
        ((math.pi / 2, 0.0), "T", math.pi / 2, math.pi / 4),
        ((math.pi / 2, 0.0), "Z", math.pi / 2, math.pi),
        ((math.pi / 2, 0.0), "Y", math.pi / 2, math.pi),
        ((math.pi / 2, 0.0), "H", 0.0, 0.0),
    ],
)
def test_gate_buttons_rotate_the_state(start, gate, theta, phi):
    panel = QubitPanel(theta=start[0], phi=start[1])
    before = panel.image.value
    panel.controls[f"gate_{gate}"].click()
    assert panel.error is None
    assert panel.controls["theta"].value == pytest.approx(theta, abs=1e-9)
    assert panel.controls["phi"].value == pytest.approx(phi, abs=1e-9)
    assert panel.image.value != before


def test_gate_keeps_the_azimuth_at_a_pole():
    panel = QubitPanel(theta=0.0, phi=1.0)
    panel.controls["gate_Z"].click()
    assert (panel.controls["theta"].value, panel.controls["phi"].value) == pytest.approx((0.0, 1.0))


def test_one_refresh_per_gate():
    panel = QubitPanel(theta=1.0, phi=1.0)
    calls = []
    original = panel._compute
    panel._compute = lambda: calls.append(1) or original()
    panel.controls["gate_H"].click()
    assert len(calls) == 1


def test_measure_once_collapses_onto_a_basis_state():
    panel = QubitPanel(theta=math.pi / 2, basis="Z", seed=3)
    panel.controls["measure_once"].click()
    assert panel.controls["theta"].value in (pytest.approx(0.0), pytest.approx(math.pi))
    outcome = 0 if panel.controls["theta"].value < 1 else 1
    assert panel.result.counts[outcome] == panel.result.shots
    assert f"outcome {outcome}" in panel.summary.value
    assert panel.controls["seed"].value == 4  # the next single measurement is a new draw


def test_measure_once_in_x_lands_on_plus_or_minus():
    panel = QubitPanel(theta=0.0, basis="X", seed=11)
    panel.controls["measure_once"].click()
    x, _, _ = panel.result.bloch_vector
    assert abs(x) == pytest.approx(1.0)
    assert panel.result.probabilities in ((pytest.approx(1.0), pytest.approx(0.0)),
                                           (pytest.approx(0.0), pytest.approx(1.0)))


def test_reset_and_new_run():
    panel = QubitPanel(theta=2.0, phi=3.0, seed=1)
    counts = panel.result.counts
    panel.controls["new_run"].click()
    assert panel.controls["seed"].value == 2
    assert panel.result.counts != counts
    panel.controls["reset"].click()
    assert (panel.controls["theta"].value, panel.controls["phi"].value) == (0.0, 0.0)


def test_same_seed_same_samples_and_same_picture():
    a = QubitPanel(theta=1.2, phi=0.3, basis="X", seed=9)
    b = QubitPanel(theta=1.2, phi=0.3, basis="X", seed=9)
    assert a.result.counts == b.result.counts
    assert a.image.value == b.image.value


def test_picture_after_many_changes_equals_a_fresh_panel():
    """Blitting leaves no trace of earlier frames: the image equals a fresh full draw."""
    panel = QubitPanel(seed=2)
    for theta in np.linspace(0, math.pi, 7):
        panel.controls["theta"].value = float(theta)
    panel.controls["basis"].value = "Y"
    panel.controls["phi"].value = 1.0
    panel.controls["basis"].value = "X"
    fresh = QubitPanel(theta=math.pi, phi=1.0, basis="X", seed=2)
    assert panel.image.value == fresh.image.value


def test_bad_shots_show_in_the_banner_and_the_panel_recovers():
    panel = QubitPanel()
    image, result = panel.image.value, panel.result
    panel.controls["shots"].value = 0
    assert "shots" in panel.error and "1 to 1,000,000" in panel.error
    assert panel.banner.layout.display is None and "shots" in panel.banner.value
    assert panel.image.value == image and panel.result is result
    panel.controls["theta"].value = 1.0  # still broken: the error stays, nothing is drawn
    assert panel.error is not None and panel.image.value == image
    panel.controls["shots"].value = 20
    assert panel.error is None and panel.banner.layout.display == "none"
    assert panel.result.shots == 20 and panel.image.value != image


def test_measure_once_is_refused_while_the_settings_are_invalid():
    panel = QubitPanel(theta=math.pi / 2, seed=3)
    panel.controls["shots"].value = 0
    panel.controls["measure_once"].click()
    assert panel.controls["theta"].value == pytest.approx(math.pi / 2)  # no unseen collapse
    assert "shots must be" in panel.error and "measure once" in panel.error
    panel.controls["shots"].value = 10
    assert panel.error is None and "Measured" not in panel.summary.value


def test_bad_seed_shows_in_the_banner_also_from_a_button():
    panel = QubitPanel()
    panel.controls["seed"].value = -4
    assert "seed" in panel.error
    panel.controls["measure_once"].click()
    assert "seed" in panel.error
    panel.controls["seed"].value = 4
    assert panel.error is None


@pytest.mark.parametrize(
    ("keywords", "name"),
    [({"theta": 4.0}, "theta"), ({"phi": -1.0}, "phi"), ({"basis": "W"}, "basis"),
     ({"shots": 0}, "shots"), ({"seed": -1}, "seed")],
)
def test_bad_constructor_keywords_raise_a_named_error(keywords, name):
    with pytest.raises(ValueError, match=name):
        QubitPanel(**keywords)


@pytest.mark.parametrize(
    ("keywords", "message"),
    [({"shots": 2.5}, "shots must be an integer; got float 2.5"),
     ({"shots": "many"}, "shots must be an integer; got str 'many'"),
     ({"theta": "half"}, "theta must be a number from 0 to 3.14159"),
     ({"seed": True}, "seed must be an integer")],
)
def test_wrong_constructor_types_raise_a_named_type_error(keywords, message):
    with pytest.raises(TypeError, match=message):
        QubitPanel(**keywords)


def test_summary_reads_the_numbers_in_words():
    panel = QubitPanel(theta=math.pi / 2, phi=0.0, basis="X", shots=10)
    text = panel.summary.value
    assert "θ = 1.57 rad (0.50π)" in text and "φ = 0.00 rad (0.00π)" in text
    assert "|+⟩ with probability 1.000" in text and "|−⟩ with probability 0.000" in text
    assert "10 times" in text
