"""QubitPanel: one qubit on the Bloch sphere, gates, and measurement in a chosen basis."""

from __future__ import annotations

import math

import ipywidgets as widgets

from qwidgets.errors import InvalidValueError
from qwidgets.panels.base import Panel
from qwidgets.panels.controls import angle_slider, read_seed, seed_control
from qwidgets.physics import (
    GATE_NAMES,
    MeasurementRun,
    apply_gate,
    bloch_angles,
    collapse,
    ket,
    sample_measurement,
)
from qwidgets.validation import integer as _integer


def count(name, value, *, low, high):
    return _integer(name, value, low=low, high=high)
from qwidgets.plots import DPI, INCH_PER_UNIT, PngRenderer, draw_bloch, draw_outcomes, new_figure

__all__ = ["QubitPanel"]

MAX_PANEL_SHOTS = 1_000_000
_OUTCOME_STATES = {"Z": ("|0⟩", "|1⟩"), "X": ("|+⟩", "|−⟩"), "Y": ("|+i⟩", "|−i⟩")}
_GATE_HELP = {
    "X": "X: flip |0⟩ and |1⟩ (half turn about x)",
    "Y": "Y: half turn about y",
    "Z": "Z: flip the phase (half turn about z)",
    "H": "H (Hadamard): swap the z and x axes",
    "S": "S: quarter turn about z",
    "T": "T: eighth turn about z",
}


def _angle(angle: float) -> str:
    """Format an angle in radians and as a multiple of pi, e.g. '1.57 rad (0.50π)'."""
    return f"{angle:.2f} rad ({angle / math.pi:.2f}π)"


class QubitPanel(Panel):
    """A qubit on the Bloch sphere: set its state, apply gates, measure it many times.

    Parameters
    ----------
    theta : float
        Polar angle of the state in radians, 0 to pi (``|0>`` at 0, ``|1>`` at pi).
    phi : float
        Azimuth in radians, 0 to 2 pi.
    basis : {"Z", "X", "Y"}
        Measurement basis.
    shots : int
        Number of identically prepared copies measured, 1 to 1,000,000.
    seed : int
        Seed of the sampled outcomes; the same settings and seed give the same histogram.

    Notes
    -----
    Controls: ``theta``, ``phi``, ``basis``, ``shots``, ``seed``, ``new_run``, ``measure_once``,
    ``reset`` and one ``gate_<name>`` button per gate. ``result`` is a
    :class:`qwidgets.physics.MeasurementRun`.
    """

    title = "A qubit on the Bloch sphere"

    def __init__(
        self,
        *,
        theta: float = 0.0,
        phi: float = 0.0,
        basis: str = "Z",
        shots: int = 1000,
        seed: int = 0,
    ) -> None:
        theta_slider = angle_slider("θ", maximum=math.pi, help="polar angle: 0 is |0⟩, π is |1⟩")
        phi_slider = angle_slider("φ", maximum=2 * math.pi, help="azimuth: the relative phase")
        basis_choice = widgets.ToggleButtons(
            options=[("Z", "Z"), ("X", "X"), ("Y", "Y")],
            description="Basis",
            tooltips=["measure along z: |0⟩ / |1⟩", "along x: |+⟩ / |−⟩", "along y: |+i⟩ / |−i⟩"],
            style={"button_width": "3.2em", "description_width": "4em"},
            layout=widgets.Layout(display="flex", width="auto", align_items="center"),
        )
        shots_box = widgets.IntText(
            value=1000, description="Shots", tooltip="copies measured (1 to 1,000,000)",
            layout=widgets.Layout(width="11em"),
        )
        seed_box, new_run = seed_control()
        gates = {
            f"gate_{name}": widgets.Button(
                description=name, tooltip=_GATE_HELP[name], layout=widgets.Layout(width="3.2em")
            )
            for name in GATE_NAMES
        }
        measure_once = widgets.Button(
            description="Measure once", icon="eye",
            tooltip="measure a single copy: the state collapses onto the outcome",
        )
        reset = widgets.Button(description="Reset to |0⟩", tooltip="back to θ = 0, φ = 0")
        for name, button in gates.items():
            button.on_click(self._action(lambda gate=name[5:]: self._apply(gate)))
        measure_once.on_click(self._action(self._measure_once))
        reset.on_click(self._action(self._reset))
        new_run.on_click(self._action(self._new_run))

        self._note = ""
        fig = new_figure(2.1 * INCH_PER_UNIT, INCH_PER_UNIT, dpi=DPI)
        _, _, self._bloch = draw_bloch(fig=fig, ax=fig.add_axes((0.0, 0.0, 0.48, 1.0)))
        _, _, self._outcomes = draw_outcomes(fig=fig, ax=fig.add_axes((0.59, 0.25, 0.38, 0.63)))
        renderer = PngRenderer(fig, [*self._bloch.dynamic, *self._outcomes.dynamic])
        gate_label = widgets.Label("Gates:", layout=widgets.Layout(margin="0 4px 0 8px"))
        super().__init__(
            controls={
                "theta": theta_slider, "phi": phi_slider, "basis": basis_choice,
                "shots": shots_box, "seed": seed_box, "new_run": new_run, **gates,
                "measure_once": measure_once, "reset": reset,
            },
            renderers=[renderer],
            initial={"theta": theta, "phi": phi, "basis": basis, "shots": shots, "seed": seed},
            control_rows=[
                [theta_slider, phi_slider],
                [gate_label, *gates.values(), measure_once, reset],
                [basis_choice, shots_box, seed_box, new_run],
            ],
        )

    # -- actions ----------------------------------------------------------------------------
    def _state(self):
        return ket(self.controls["theta"].value, self.controls["phi"].value)

    def _set_state(self, state) -> None:
        theta, phi = bloch_angles(state)
        self.controls["theta"].value = theta
        if 1e-9 < theta < math.pi - 1e-9:  # on a pole the azimuth is undefined: keep it
            self.controls["phi"].value = phi

    def _apply(self, gate: str) -> None:
        self._set_state(apply_gate(self._state(), gate))

    def _measure_once(self) -> None:
        if self.error is not None:  # settings are invalid: do not collapse unseen
            raise InvalidValueError("measure once", "a click", f"possible after fixing: {self.error}")
        basis = self.controls["basis"].value
        outcome, after = collapse(self._state(), basis, rng=read_seed(self.controls["seed"]))
        self._set_state(after)
        self._note = (
            f"Measured one copy in the {basis} basis: outcome {outcome}, so the state is now "
            f"{_OUTCOME_STATES[basis][outcome]}."
        )
        self.controls["seed"].value += 1

    def _reset(self) -> None:
        self.controls["theta"].value = 0.0
        self.controls["phi"].value = 0.0

    def _new_run(self) -> None:
        self.controls["seed"].value += 1

    # -- panel hooks ------------------------------------------------------------------------
    def _compute(self) -> MeasurementRun:
        shots = count("shots", self.controls["shots"].value, low=1, high=MAX_PANEL_SHOTS)
        return sample_measurement(
            self._state(), self.controls["basis"].value, shots, rng=read_seed(self.controls["seed"])
        )

    def _draw(self, result: MeasurementRun) -> None:
        up, down = _OUTCOME_STATES[result.basis]
        self._bloch.update(result.bloch_vector, result.basis_vector)
        self._outcomes.update(
            result.frequencies, result.probabilities, result.counts,
            (f"0: {up}", f"1: {down}"), f"{result.basis} basis, {result.shots:,} shots",
        )

    def _describe(self, result: MeasurementRun) -> str:
        x, y, z = result.bloch_vector
        up, down = _OUTCOME_STATES[result.basis]
        (p0, p1), (f0, f1) = result.probabilities, result.frequencies
        text = (
            f"State θ = {_angle(self.controls['theta'].value)}, φ = {_angle(self.controls['phi'].value)}: "
            f"Bloch vector (x, y, z) = ({x:.2f}, {y:.2f}, {z:.2f}). "
            f"Measuring in the {result.basis} basis gives {up} with probability {p0:.3f} and "
            f"{down} with probability {p1:.3f}; in {result.shots:,} shots we saw {up} "
            f"{result.counts[0]:,} times ({f0:.3f}) and {down} {result.counts[1]:,} times ({f1:.3f})."
        )
        if self._note:
            text = f"{self._note} {text}"
            self._note = ""
        return text
