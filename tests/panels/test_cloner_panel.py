"""ClonerPanel: copies against the closed forms of each machine."""

import math

import pytest

from qwidgets import ClonerPanel


def test_the_universal_cloner_gives_five_sixths_everywhere():
    for theta, phi in ((0.0, 0.0), (math.pi / 2, 0.0), (1.0, 0.5), (2.5, 4.0)):
        panel = ClonerPanel(theta=theta, phi=phi)
        assert panel.result.clone.fidelities == pytest.approx((5 / 6, 5 / 6))
        sphere, bars = panel._pictures
        assert sphere.copy == pytest.approx(tuple(2 / 3 * v for v in sphere.vector))
        assert bars.probabilities == pytest.approx((5 / 6, 5 / 6))


def test_the_cnot_copies_the_poles_and_ruins_superpositions():
    panel = ClonerPanel(theta=0.0, cloner="cnot")
    assert panel.result.clone.fidelities == pytest.approx((1.0, 1.0))
    assert "not entangled" in panel.summary_text
    panel.controls["theta"].value = math.pi / 2
    assert panel.result.clone.fidelities == pytest.approx((0.5, 0.5))
    assert "entangled (concurrence 1.00)" in panel.summary_text
    assert not panel._displays[0].copy_arrow.get_visible()  # a maximally mixed copy: no arrow


def test_the_phase_covariant_cloner_beats_five_sixths_on_the_bb84_circle_only():
    panel = ClonerPanel(cloner="phase-covariant")
    assert panel.result.clone.fidelities[0] == pytest.approx(0.5 + 1 / math.sqrt(8))
    panel.controls["phi"].value = math.pi / 2  # |+i>, off the x-z circle
    assert panel.result.clone.fidelities[0] < 5 / 6
