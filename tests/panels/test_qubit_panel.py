"""QubitPanel without a browser: exact state, gates, echoes, measurement, summary and pictures."""

import math

import numpy as np
import pytest
import qutip

from qwidgets import QubitPanel
from qwidgets.panels.summary import Highlight
from qwidgets.physics import AXIS_STATES, bloch_vector, ket, mixture
from qwidgets.plots import project
from qwidgets.testing import browser_echo


def tip_xy(panel):
    """Screen position of the drawn state arrow's tip."""
    tip = panel._displays[0].tip
    return float(tip.get_xdata()[0]), float(tip.get_ydata()[0])


def click(panel, *names, echo=True):
    """Click buttons as a student in JupyterLab does: each click is followed by the browser's echo."""
    for name in names:
        panel.controls[name].click()
        assert panel.error is None, panel.error
        if echo:
            browser_echo(panel)


def test_default_panel_shows_zero_state_measured_in_z():
    panel = QubitPanel()
    assert panel.error is None
    assert panel.result.run.probabilities == pytest.approx((1.0, 0.0))
    assert panel.result.run.counts == (1000, 0)
    assert bytes(panel.image.value).startswith(b"\x89PNG")
    assert panel.summary_text.splitlines() == [
        "State |0⟩: θ = 0.00 rad (0.00π), φ has no meaning at a pole; "
        "Bloch vector (x, y, z) = (0.00, 0.00, 1.00).",
        "Measuring in Z: P(|0⟩) = 1.000, P(|1⟩) = 0.000; of 1,000 copies, each measured once, "
        "1,000 gave |0⟩ and 0 gave |1⟩.",
    ]


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
    assert panel.result.run.probabilities[0] == pytest.approx(p0, abs=1e-12)
    expected = np.array([math.sin(theta) * math.cos(phi), math.sin(theta) * math.sin(phi), math.cos(theta)])
    assert panel.result.run.bloch_vector == pytest.approx(expected)
    assert bloch_vector(panel.state.qubit) == pytest.approx(expected)
    assert tip_xy(panel) == pytest.approx(tuple(project(expected)[0]))
    assert panel.image.value != before
    assert f"Measuring in {basis}" in panel.summary_text


def test_counts_follow_the_exact_probability():
    panel = QubitPanel(theta=math.pi / 3, shots=100_000, seed=5)
    n0, n1 = panel.result.run.counts
    p0 = math.cos(math.pi / 6) ** 2
    assert n0 + n1 == 100_000
    assert abs(n0 - 100_000 * p0) < 5 * math.sqrt(100_000 * p0 * (1 - p0))
    bar_heights = [bar.get_height() for bar in panel._displays[1].bars]
    assert bar_heights == pytest.approx([n0 / 100_000, n1 / 100_000])


@pytest.mark.parametrize(
    ("start", "gate", "end"),
    [
        ("0", "H", "+"),
        ("0", "X", "1"),
        ("+", "S", "+i"),
        ("+", "Z", "-"),
        ("+", "Y", "-"),
        ("+", "H", "0"),
        ("+i", "S", "-"),
        ("-i", "Z", "+i"),
        ("1", "H", "-"),
    ],
)
def test_gate_buttons_rotate_the_exact_state(start, gate, end):
    begin = AXIS_STATES[start]
    panel = QubitPanel(theta=begin.theta, phi=begin.phi)
    before = panel.image.value
    click(panel, f"gate_{gate}")
    assert bloch_vector(panel.state.qubit) == pytest.approx(AXIS_STATES[end].vector, abs=1e-12)
    assert panel.controls["theta"].value == pytest.approx(AXIS_STATES[end].theta, abs=0.006)
    assert panel.image.value != before


def test_eight_t_gates_are_a_full_turn_in_the_browser_too():
    """The issue's bug: with slider echoes, H then eight T walked phi to 0.03 instead of 0."""
    after_h = QubitPanel()
    click(after_h, "gate_H")
    panel = QubitPanel()
    click(panel, "gate_H", *["gate_T"] * 8)
    assert panel.summary_text == after_h.summary_text
    assert [bytes(i.value) for i in panel.images] == [bytes(i.value) for i in after_h.images]
    assert panel.controls["phi"].value == 0.0
    click(panel, *["gate_S"] * 4)
    assert panel.summary_text == after_h.summary_text


def test_h_then_two_t_is_exactly_plus_i_with_no_negative_zero():
    panel = QubitPanel()
    click(panel, "gate_H", "gate_T", "gate_T")
    assert "State |+i⟩" in panel.summary_text
    assert "(x, y, z) = (0.00, 1.00, 0.00)" in panel.summary_text
    assert "φ = 1.57 rad (0.50π)" in panel.summary_text


def test_angles_are_shown_in_zero_to_two_pi():
    panel = QubitPanel(theta=math.pi / 2)
    click(panel, "gate_Z", "gate_S")  # phi = pi + pi/2
    assert panel.result.phi == pytest.approx(3 * math.pi / 2)
    click(panel, "gate_S")  # a full turn
    assert panel.result.phi == 0.0 and "φ = 0.00 rad (0.00π)" in panel.summary_text


def test_an_echo_of_an_off_grid_start_changes_nothing():
    panel = QubitPanel(theta=math.pi / 4, phi=math.pi / 3, shots=10)
    state, summary = panel.state, panel.summary_text
    browser_echo(panel)
    assert panel.controls["theta"].value == 0.79 and panel.controls["phi"].value == 1.05
    assert panel.state is state and panel.summary_text == summary
    panel.controls["theta"].value = 0.80  # ArrowRight: a real move, one step on
    assert panel.result.theta == pytest.approx(0.80) and panel.result.phi == pytest.approx(math.pi / 3)


def test_gate_keeps_the_azimuth_slider_at_a_pole():
    panel = QubitPanel(theta=0.0, phi=1.0)
    click(panel, "gate_Z")
    assert (panel.controls["theta"].value, panel.controls["phi"].value) == pytest.approx((0.0, 1.0))
    panel.controls["theta"].value = 0.5  # leaves the pole along the azimuth the slider kept
    assert panel.result.phi == pytest.approx(1.0)


def test_one_refresh_per_gate():
    panel = QubitPanel(theta=1.0, phi=1.0)
    calls = []
    original = panel._compute
    panel._compute = lambda **params: calls.append(1) or original(**params)
    panel.controls["gate_H"].click()
    assert len(calls) == 1


def test_measure_once_collapses_and_pictures_the_outcome():
    panel = QubitPanel(theta=math.pi / 2, basis="Z", seed=3)
    click(panel, "measure_once")
    outcome = panel.result.shot.outcome
    assert bloch_vector(panel.state.qubit) == pytest.approx((0.0, 0.0, 1.0 - 2 * outcome))
    assert panel.result.run.counts[outcome] == panel.result.run.shots
    first = panel.summary_text.splitlines()[0]
    assert first == f"Measure once in Z: outcome {outcome}, so the qubit is now |{outcome}⟩."
    assert "qwidgets-highlight" in panel.summary.value
    sphere, chart = panel._displays
    assert len(sphere.shot_ring.get_xdata()) == 1
    assert "last shot" in chart.outcome_labels[outcome].get_text()
    assert panel.params["seed"] == 4 and panel.controls["seed"].value == 4  # the next shot is a new draw
    click(panel, "gate_H")  # the state moves on: the shot is history
    assert panel.result.shot is None and "Measure once" not in panel.summary_text
    assert len(sphere.shot_ring.get_xdata()) == 0


def test_measure_once_in_x_lands_on_plus_or_minus():
    panel = QubitPanel(theta=0.0, basis="X", seed=11)
    click(panel, "measure_once")
    x, _, _ = panel.result.run.bloch_vector
    assert abs(x) == pytest.approx(1.0)
    assert panel.result.run.probabilities in (
        (pytest.approx(1.0), pytest.approx(0.0)),
        (pytest.approx(0.0), pytest.approx(1.0)),
    )


def test_a_superposition_is_not_a_coin_flip():
    """|+> and a 50/50 mixture of |0> and |1> agree in Z and differ in X."""
    coin = mixture((0.5, ket(0, 0)), (0.5, ket(math.pi, 0)))
    plus = QubitPanel(theta=math.pi / 2, basis="Z")
    fair = QubitPanel(state=coin, basis="Z")
    assert plus.result.run.probabilities == pytest.approx(fair.result.run.probabilities)
    plus.controls["basis"].value = fair.controls["basis"].value = "X"
    assert plus.result.run.probabilities == pytest.approx((1.0, 0.0))
    assert fair.result.run.probabilities == pytest.approx((0.5, 0.5))
    assert fair.summary_text.startswith("Completely mixed state (r = 0)")
    assert fair.controls["r"].value == 0.0
    assert not fair._displays[0].arrow.get_visible()


def test_the_r_slider_mixes_the_state_and_gates_keep_its_length():
    panel = QubitPanel(theta=math.pi / 2, basis="X")
    panel.controls["r"].value = 0.5
    assert panel.state.qubit.isoper
    assert panel.result.run.probabilities == pytest.approx((0.75, 0.25))
    assert panel.summary_text.startswith("Mixed state, r = 0.50")
    click(panel, "gate_S")
    assert bloch_vector(panel.state.qubit) == pytest.approx((0.0, 0.5, 0.0))
    assert panel.controls["r"].value == pytest.approx(0.5)


def test_reset_and_new_run():
    panel = QubitPanel(theta=2.0, phi=3.0, r=0.4, seed=1)
    counts = panel.result.run.counts
    click(panel, "new_run")
    assert panel.controls["seed"].value == 2
    assert panel.result.run.counts != counts
    click(panel, "reset")
    assert bloch_vector(panel.state.qubit) == pytest.approx((0.0, 0.0, 1.0))
    assert (panel.controls["theta"].value, panel.controls["r"].value) == (0.0, 1.0)


def test_picture_after_many_changes_equals_a_fresh_panel():
    """Blitting leaves no trace of earlier frames: the images equal a fresh full draw."""
    panel = QubitPanel(seed=2)
    for theta in np.linspace(0, math.pi, 7):
        panel.controls["theta"].value = float(theta)
    panel.controls["basis"].value = "Y"
    panel.controls["phi"].value = 1.0
    panel.controls["basis"].value = "X"
    fresh = QubitPanel(theta=math.pi, phi=1.0, basis="X", seed=2)
    assert [bytes(i.value) for i in panel.images] == [bytes(i.value) for i in fresh.images]


def test_moving_theta_redraws_only_the_dynamic_artists():
    panel = QubitPanel()
    redraws = [r.full_redraws for r in panel._renderers]
    for theta in (0.3, 0.6, 0.9):
        panel.controls["theta"].value = theta
    assert [r.full_redraws for r in panel._renderers] == redraws


def test_bad_shots_show_in_the_banner_and_the_panel_recovers():
    panel = QubitPanel()
    images, result = [bytes(i.value) for i in panel.images], panel.result
    panel.controls["shots"].value = 0
    assert panel.error == "shots must be an integer from 1 to 100,000,000; got 0"
    assert panel.banner.layout.display is None and "shots" in panel.banner.value
    assert [bytes(i.value) for i in panel.images] == images and panel.result is result
    panel.controls["theta"].value = 1.0  # still invalid: the error stays, nothing is drawn
    assert panel.error is not None and [bytes(i.value) for i in panel.images] == images
    panel.controls["shots"].value = 20
    assert panel.error is None and panel.banner.layout.display == "none"
    assert panel.result.run.shots == 20 and panel.result.theta == pytest.approx(1.0)


def test_measure_once_is_refused_while_the_settings_are_invalid():
    panel = QubitPanel(theta=math.pi / 2, seed=3)
    panel.controls["shots"].value = 0
    panel.controls["measure_once"].click()
    assert bloch_vector(panel.state.qubit) == pytest.approx((1.0, 0.0, 0.0))  # no unseen collapse
    assert panel.error.startswith("Measure once waits until every input is valid: shots must be")
    panel.controls["shots"].value = 10
    assert panel.error is None and panel.result.shot is None


def test_bad_seed_shows_in_the_banner():
    panel = QubitPanel()
    panel.controls["seed"].value = -4
    assert panel.error == "seed must be an integer from 0 to 4,294,967,295; got -4"
    panel.controls["seed"].value = 4
    assert panel.error is None


@pytest.mark.parametrize(
    ("keywords", "message"),
    [
        ({"theta": 4.0}, "theta must be a number from 0 to 3.14159 rad; got 4.0"),
        ({"phi": -1.0}, "phi must be a number from 0 to 6.28319 rad; got -1.0"),
        ({"r": 1.5}, "r must be a number from 0 to 1; got 1.5"),
        ({"basis": "W"}, "basis must be one of 'Z', 'X', 'Y'; got 'W'"),
        ({"shots": 0}, "shots must be an integer from 1 to 100,000,000; got 0"),
        ({"seed": -1}, "seed must be an integer from 0 to 4,294,967,295; got -1"),
        ({"theta": math.nan}, "theta must be a number from 0 to 3.14159 rad; got nan"),
    ],
)
def test_bad_constructor_values_raise_a_named_error(keywords, message):
    with pytest.raises(ValueError) as info:
        QubitPanel(**keywords)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("keywords", "message"),
    [
        ({"shots": 2.5}, "shots must be an integer from 1 to 100,000,000; got float 2.5"),
        ({"shots": "many"}, "shots must be an integer from 1 to 100,000,000; got str 'many'"),
        ({"theta": "half"}, "theta must be a number from 0 to 3.14159 rad; got str 'half'"),
        ({"seed": True}, "seed must be an integer from 0 to 4,294,967,295; got bool True"),
        ({"state": [1, 0]}, "state must be a qubit ket or density matrix"),
    ],
)
def test_wrong_constructor_types_raise_a_named_type_error(keywords, message):
    with pytest.raises(TypeError) as info:
        QubitPanel(**keywords)
    assert str(info.value).startswith(message)


@pytest.mark.parametrize(
    ("state", "message"),
    [
        (qutip.Qobj(np.array([[np.nan], [0]])), "state must be a state with finite entries"),
        (
            qutip.Qobj(np.array([[0.5, 1e-8], [0, 0.5]])),
            "state must be a density matrix (Hermitian within 1e-12)",
        ),
        (qutip.Qobj(np.array([[1.0], [1.0]])), "state must be normalised (norm 1)"),
    ],
)
def test_bad_states_are_refused_with_a_named_error(state, message):
    with pytest.raises(ValueError) as info:
        QubitPanel(state=state)
    assert str(info.value).startswith(message)


def test_state_and_angles_cannot_both_be_given():
    with pytest.raises(ValueError, match="state must be given alone"):
        QubitPanel(state=ket(1.0, 0.0), theta=1.0)


def test_summary_reads_the_numbers_in_words():
    panel = QubitPanel(theta=math.pi / 2, phi=0.0, basis="X", shots=10)
    state, measurement = panel.summary_text.splitlines()
    assert (
        state
        == "State |+⟩: θ = 1.57 rad (0.50π), φ = 0.00 rad (0.00π); "
        "Bloch vector (x, y, z) = (1.00, 0.00, 0.00)."
    )
    assert measurement.startswith("Measuring in X: P(|+⟩) = 1.000, P(|−⟩) = 0.000; of 10 copies")
    assert not any(isinstance(line, Highlight) for line in panel._describe(panel.result))
