"""BellPairPanel against closed forms: E(a, b) of each Bell state, (4F - 1)/3 cos(a - b) for a Werner
pair, fair coins on each side, Bob's P(0) = 1/2 with or without Alice, and the collapse onto her outcome."""

import math

import numpy as np
import pytest

from qwidgets import BellPairPanel

CORRELATIONS = {  # E(a, b) for measurements cos(t) Z + sin(t) X
    "phi+": lambda a, b: math.cos(a - b),
    "phi-": lambda a, b: math.cos(a + b),
    "psi+": lambda a, b: -math.cos(a + b),
    "psi-": lambda a, b: -math.cos(a - b),
}


@pytest.mark.parametrize("pair", sorted(CORRELATIONS))
@pytest.mark.parametrize("a, b", [(0.0, math.pi / 4), (0.5, -1.0), (1.57, 1.57)])
def test_each_bell_pair_gives_its_correlation_and_two_fair_coins(pair, a, b):
    panel = BellPairPanel(pair=pair, alice_angle=a, bob_angle=b)
    out = panel.result.outcomes
    e = CORRELATIONS[pair](a, b)
    assert out.correlation == pytest.approx(e, abs=1e-9)
    same, different = (1 + e) / 4, (1 - e) / 4
    np.testing.assert_allclose(out.joint, [[same, different], [different, same]], atol=1e-9)
    assert panel.result.fresh.concurrence == pytest.approx(1.0)
    assert panel.result.fresh.alice_vector == pytest.approx((0, 0, 0)) == panel.result.fresh.bob_vector
    assert out.bob_alone == pytest.approx(0.5) and out.bob_after_alice == pytest.approx(0.5)
    assert f"E(a, b) = {e + 0.0:.3f}" in panel.summary_text.replace("-0.000", "0.000")


def test_the_default_pair_is_phi_plus_at_zero_and_a_quarter_turn():
    panel = BellPairPanel()
    out = panel.result.outcomes
    assert out.correlation == pytest.approx(math.cos(math.pi / 4))
    assert out.bob_given == pytest.approx((math.cos(math.pi / 8) ** 2, math.sin(math.pi / 8) ** 2))
    matrix = np.array(panel.result.now.matrix)
    expected = np.zeros((4, 4))
    expected[np.ix_([0, 3], [0, 3])] = 0.5
    np.testing.assert_allclose(matrix, expected, atol=1e-12)
    spheres, density, joint, bob = panel._pictures
    assert [s.vector for s in spheres.spheres] == [pytest.approx((0, 0, 0))] * 2  # two fair coins
    assert joint.probabilities == pytest.approx((0.25,) * 4)  # the marks: two independent fair coins
    assert bob.frequencies[:2] == pytest.approx((0.5, 0.5))
    assert (
        "No signalling: Bob's P(0) is 0.500 alone and 0.500 when Alice measures first" in panel.summary_text
    )


@pytest.mark.parametrize("fidelity", [0.25, 0.5, 0.9, 1.0])
def test_a_werner_pair_scales_the_correlation_and_is_entangled_above_one_half(fidelity):
    panel = BellPairPanel(pair="werner", fidelity=fidelity, alice_angle=0.3, bob_angle=1.1)
    assert panel.result.outcomes.correlation == pytest.approx((4 * fidelity - 1) / 3 * math.cos(0.3 - 1.1))
    assert panel.result.fresh.concurrence == pytest.approx(max(0.0, 2 * fidelity - 1), abs=1e-9)
    assert panel.result.now.matrix[0][0] == pytest.approx((1 + 2 * fidelity) / 6)


def test_the_fidelity_matters_for_the_werner_pair_only():
    panel = BellPairPanel()
    assert panel.controls["fidelity"].disabled
    before = panel.result
    panel.controls["fidelity"].value = 0.5
    assert panel.result == before
    panel.controls["pair"].value = "werner"
    assert not panel.controls["fidelity"].disabled
    assert panel.result.outcomes.correlation == pytest.approx((4 * 0.5 - 1) / 3 * math.cos(math.pi / 4))


@pytest.mark.parametrize("seed", range(6))
def test_measuring_alice_collapses_bobs_qubit_onto_her_outcome(seed):
    a = 0.7
    panel = BellPairPanel(alice_angle=a, seed=seed)
    panel.controls["measure_alice"].click()
    result = panel.result
    assert panel.error is None and result.outcome in (0, 1)
    sign = 1 - 2 * result.outcome
    direction = (math.sin(a), 0.0, math.cos(a))
    assert result.now.bob_vector == pytest.approx(tuple(sign * v for v in direction), abs=1e-9)
    assert result.now.alice_vector == pytest.approx(tuple(sign * v for v in direction), abs=1e-9)
    assert result.now.concurrence == pytest.approx(0.0, abs=1e-9)
    assert result.outcome_probability == pytest.approx(0.5)
    spheres, _, _, bob = panel._pictures
    assert spheres.spheres[1].vector == pytest.approx(result.now.bob_vector)
    assert bob.highlight == 2 + result.outcome
    assert bob.frequencies[:2] == pytest.approx((0.5, 0.5))  # no signalling, whatever she got
    assert f"got {result.outcome}" in panel.summary_text.splitlines()[0]
    assert panel.params["seed"] == seed + 1


def test_both_outcomes_occur_and_reset_gives_a_fresh_pair():
    panel = BellPairPanel()
    outcomes = set()
    for _ in range(12):
        panel.controls["measure_alice"].click()
        outcomes.add(panel.result.outcome)
        panel.controls["reset"].click()
        assert panel.result.outcome is None
        assert panel.result.now.bob_vector == pytest.approx((0, 0, 0))
    assert outcomes == {0, 1}


def test_a_new_angle_for_alice_or_a_new_pair_means_a_fresh_pair():
    panel = BellPairPanel()
    panel.controls["measure_alice"].click()
    panel.controls["bob_angle"].value = 1.0  # Bob's angle does not undo Alice's measurement
    assert panel.result.outcome is not None
    panel.controls["alice_angle"].value = 0.5
    assert panel.result.outcome is None and panel.result.now.concurrence == pytest.approx(1.0)
    panel.controls["measure_alice"].click()
    panel.controls["pair"].value = "psi-"
    assert panel.result.outcome is None


def test_alice_measuring_the_singlet_leaves_bob_opposite():
    panel = BellPairPanel(pair="psi-", alice_angle=0.0, seed=3)
    panel.controls["measure_alice"].click()
    sign = 1 - 2 * panel.result.outcome
    assert panel.result.now.bob_vector == pytest.approx((0, 0, -sign), abs=1e-9)


def test_bad_input_names_the_parameter():
    with pytest.raises(ValueError, match="pair"):
        BellPairPanel(pair="phi")
    with pytest.raises(ValueError, match="fidelity"):
        BellPairPanel(fidelity=0.1)
    with pytest.raises(ValueError, match="alice_angle"):
        BellPairPanel(alice_angle=7.0)
    with pytest.raises(TypeError, match="bob_angle"):
        BellPairPanel(bob_angle="pi")
    with pytest.raises(TypeError, match="noise"):
        BellPairPanel(noise=0.1)
