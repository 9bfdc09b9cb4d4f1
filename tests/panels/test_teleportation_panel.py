"""TeleportationPanel without a browser: the steps, Bob's qubit before and after the bits, the fidelity."""

import math

import numpy as np
import pytest

from qwidgets import TeleportationPanel

INPUTS = [(0.0, 0.0), (math.pi, 0.0), (math.pi / 2, 0.0), (math.pi / 3, math.pi / 4), (2.0, 4.0)]
PAIRS = [1.0, 0.9, 0.6, 0.25]


def bloch(theta, phi):
    return (math.sin(theta) * math.cos(phi), math.sin(theta) * math.sin(phi), math.cos(theta))


def step_line(panel):
    return panel.summary_text.splitlines()[0]


def test_the_buttons_walk_through_the_five_steps_and_back():
    panel = TeleportationPanel()
    names = ["start", "cnot", "hadamard", "measure", "correct"]
    for k, name in enumerate(names, start=1):
        assert panel.result.step == name and step_line(panel).startswith(f"Step {k} of 5: ")
        assert panel._pictures[0].step == k - 1  # the circuit frames the same step
        panel.controls["next"].click()
    assert step_line(panel).startswith("Step 5 of 5: ")  # nothing after the last step
    for k in (4, 3, 2, 1, 1):
        panel.controls["back"].click()
        assert step_line(panel).startswith(f"Step {k} of 5: ")
    panel.controls["step"].value = "measure"
    panel.controls["start_over"].click()
    assert panel.result.step == "start" and panel.controls["step"].value == "start"


def test_the_step_lines_say_what_happens():
    panel = TeleportationPanel()
    lines = []
    for _ in range(5):
        lines.append(step_line(panel))
        panel.controls["next"].click()
    assert "CNOT" in lines[1] and "H to qubit 0" in lines[2] and "measures" in lines[3]
    assert "Bob applies X if the second bit is 1, then Z if the first is 1" in lines[4]


@pytest.mark.parametrize("pair", PAIRS)
@pytest.mark.parametrize(("theta", "phi"), INPUTS)
def test_before_the_bits_arrive_bob_knows_nothing(theta, phi, pair):
    panel = TeleportationPanel(theta=theta, phi=phi, fidelity=pair)
    for step in ("start", "cnot", "hadamard", "measure"):
        panel.controls["step"].value = step
        reading = panel.result
        assert reading.bob_vector == pytest.approx((0, 0, 0), abs=1e-12)  # I/2, whatever the input
        assert reading.bob_fidelity == pytest.approx(0.5)
        assert reading.input_vector == pytest.approx(bloch(theta, phi), abs=1e-12)
        assert panel._pictures[1].spheres[1].vector == pytest.approx((0, 0, 0), abs=1e-12)
        assert "the maximally mixed state I/2" in panel.summary_text


def outcomes_over_seeds(panel, seeds=40):
    """The reading at the last step for each of the four outcomes, found by clicking "New run"."""
    found = {}
    for _ in range(seeds):
        found.setdefault(panel.result.bits, panel.result)
        panel.controls["new_run"].click()
    return found


@pytest.mark.parametrize(("theta", "phi"), INPUTS)
def test_a_perfect_pair_teleports_the_input_exactly_for_every_outcome(theta, phi):
    panel = TeleportationPanel(theta=theta, phi=phi)
    panel.controls["step"].value = "correct"
    found = outcomes_over_seeds(panel)
    assert sorted(found) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    for reading in found.values():
        assert reading.outcome_probabilities == pytest.approx((0.25,) * 4)  # each outcome 1/4 (BBCJPW 1993)
        assert reading.output_fidelity == pytest.approx(1.0) and reading.bob_fidelity == pytest.approx(1.0)
        assert reading.bob_vector == pytest.approx(bloch(theta, phi), abs=1e-9)


@pytest.mark.parametrize("pair", [0.9, 0.6, 0.25])
@pytest.mark.parametrize(("theta", "phi"), INPUTS[2:])
def test_a_werner_pair_gives_two_f_plus_one_over_three_for_every_input_and_outcome(theta, phi, pair):
    panel = TeleportationPanel(theta=theta, phi=phi, fidelity=pair, step="correct")
    expected = (2 * pair + 1) / 3  # Horodecki, Horodecki & Horodecki, PRA 60, 1888 (1999)
    found = outcomes_over_seeds(panel)
    assert len(found) == 4
    for reading in found.values():
        assert reading.output_fidelity == pytest.approx(expected)
        assert reading.average_fidelity == pytest.approx(expected)
        shrink = (4 * pair - 1) / 3  # a depolarised input: Bloch vector shortened by (4F - 1)/3
        assert reading.bob_vector == pytest.approx(np.multiply(shrink, bloch(theta, phi)), abs=1e-9)
    assert f"(2F + 1)/3 = {expected:.3f}" in panel.summary_text


def test_the_fidelity_chart_compares_bob_with_two_thirds():
    panel = TeleportationPanel(fidelity=0.7)
    bars = panel._pictures[2]
    assert bars.frequencies == pytest.approx((0.5, (2 * 0.7 + 1) / 3))
    assert bars.probabilities == pytest.approx((2 / 3, 2 / 3))
    panel.controls["step"].value = "correct"
    assert panel._pictures[2].frequencies == pytest.approx(((2 * 0.7 + 1) / 3,) * 2)
    panel.controls["fidelity"].value = 0.4  # below 1/2 the pair does worse than measure-and-resend
    assert panel._pictures[2].frequencies[0] == pytest.approx(0.6)


def test_the_bits_shown_are_the_runs_bits():
    panel = TeleportationPanel(seed=5)
    assert panel._pictures[0].bits is None and "not measured yet" in panel.summary_text
    panel.controls["step"].value = "measure"
    m0, m1 = panel.result.bits
    assert panel._pictures[0].bits == (m0, m1)
    assert f"m₀ = {m0}, m₁ = {m1} (this outcome had probability 0.25)" in panel.summary_text
    panel.controls["step"].value = "correct"
    gates = {(0, 0): "needs no correction", (0, 1): "applies X.", (1, 0): "applies Z.", (1, 1): "X then Z"}
    assert gates[m0, m1] in panel.summary_text


def test_new_run_moves_the_seed_and_over_seeds_the_bits_change():
    panel = TeleportationPanel(step="measure")
    seen = set()
    for seed in range(1, 31):
        seen.add(panel.result.bits)
        panel.controls["new_run"].click()
        assert panel.params["seed"] == seed and panel.controls["seed"].value == seed
        assert panel.result.step == "measure"  # a new run keeps the step
    assert len(seen) == 4


def test_the_input_controls_move_alices_sphere():
    panel = TeleportationPanel()
    panel.controls["theta"].value = math.pi / 2
    panel.controls["phi"].value = math.pi / 2
    assert panel._pictures[1].spheres[0].vector == pytest.approx((0, 1, 0), abs=1e-12)
    assert "θ = 1.57 rad (0.50π), φ = 1.57 rad (0.50π)" in panel.summary_text
    assert panel.result.input_vector == pytest.approx(bloch(math.pi / 2, math.pi / 2), abs=1e-12)


def test_bad_input_shows_in_the_banner_and_recovers():
    panel = TeleportationPanel()
    result = panel.result
    panel.controls["seed"].value = -1
    assert panel.error.startswith("seed must be an integer from 0 to")
    panel.controls["next"].click()
    assert panel.result is result and "seed" in panel.error
    panel.controls["seed"].value = 3
    assert panel.error is None and panel.result.seed == 3
    with pytest.raises(ValueError, match=r"fidelity must be a number from 0.25 to 1; got 0.2"):
        TeleportationPanel(fidelity=0.2)
    with pytest.raises(ValueError, match="step must be one of"):
        TeleportationPanel(step="teleport")


def test_the_summary_after_the_last_step():
    panel = TeleportationPanel()
    for _ in range(4):
        panel.controls["next"].click()
    lines = panel.summary_text.splitlines()
    assert lines[0].startswith("Step 5 of 5: ")
    assert lines[1] == "Input |ψ⟩: θ = 1.05 rad (0.33π), φ = 0.79 rad (0.25π); shared: a perfect Φ+ pair."
    assert lines[3].startswith("Bob's qubit now has fidelity 1.000 with the input;")
