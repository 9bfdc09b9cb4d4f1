"""The teleportation circuit as a figure view: the current step highlighted, and Alice's two bits.

The circuit of Nielsen & Chuang (2010), Fig. 1.13 (Bennett et al., PRL 70, 1895, 1993): three
wires (the input on qubit 0, the two halves of the shared pair on qubits 1 and 2), CNOT, H on
qubit 0, both of Alice's qubits measured, and the two bits, carried on double (classical)
wires, controlling Bob's ``X`` and ``Z``. The circuit is drawn once; the frame around the
current step is the only dynamic artist, and the bits' texts change only with the bits.
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.patches import Arc, Circle, FancyBboxPatch
from matplotlib.text import Text

from qwidgets.plots.render import new_figure
from qwidgets.plots.style import FONT_SIZE, INCH_PER_UNIT, PALETTE, ROLE_COLORS, SMALL_FONT_SIZE

__all__ = ["STEP_LABELS", "CircuitPicture", "TeleportCircuit"]

STEP_LABELS: tuple[str, ...] = ("1 start", "2 CNOT", "3 H", "4 measure", "5 correct")
"""The names of the five steps, written under their columns."""
_STEP_X = (1.9, 3.4, 4.9, 6.4, 8.55)  # centre of each step's column
_FRAME_X = (1.9, 3.4, 4.9, 6.65, 8.55)  # the measurement's frame holds the bits too
_FRAME_WIDTH = (1.2, 1.2, 1.2, 1.7, 2.1)
_WIRE_Y = (2.75, 1.85, 0.95)  # qubit 0 (input), 1 (Alice's half), 2 (Bob's half)
_WIRE_NAMES = ("input |ψ⟩", "Alice's half", "Bob's half")
_X_BOX, _Z_BOX = 8.05, 9.05  # Bob's corrections on qubit 2
_LEFT, _RIGHT = 1.35, 9.8
_BOX = 0.5  # side of a gate's box
_UNKNOWN = "?"
_FRAME_BOTTOM, _FRAME_HEIGHT = 0.4, 2.95


@dataclass(frozen=True)
class CircuitPicture:
    """What the teleportation circuit shows.

    Attributes
    ----------
    step : int
        The current step, 0 (start) to 4 (Bob's correction).
    bits : tuple of int or None
        Alice's bits ``(m0, m1)`` once she has measured, else ``None`` (drawn as "?").
    """

    step: int
    bits: tuple[int, int] | None = None


class TeleportCircuit:
    """A figure view of the teleportation circuit (see the module docstring).

    Attributes
    ----------
    figure : matplotlib.figure.Figure
        The figure, built once.
    frame : matplotlib.patches.FancyBboxPatch
        The frame around the current step (the dynamic artist).
    step_texts : tuple of matplotlib.text.Text
        The names of the steps, over their columns.
    bit_texts : tuple of matplotlib.text.Text
        The texts ``m0 = ...`` and ``m1 = ...`` beside the meters.
    """

    def __init__(self) -> None:
        self.figure = new_figure(2 * INCH_PER_UNIT, 0.61 * INCH_PER_UNIT)  # 10 x 3.05 units, square
        ax = self.axes = self.figure.add_axes((0.0, 0.0, 1.0, 1.0))
        ax.set_xlim(0.0, 10.0)
        ax.set_ylim(0.35, 3.4)
        ax.set_axis_off()
        self.frame = FancyBboxPatch(
            (0.0, _FRAME_BOTTOM),
            0.0,
            _FRAME_HEIGHT,
            boxstyle="round,pad=0,rounding_size=0.15",
            facecolor="none",
            edgecolor=ROLE_COLORS["event"],
            linewidth=2.4,
            zorder=5,
        )
        ax.add_patch(self.frame)
        self.step_texts = self._draw_circuit(ax)
        self.bit_texts = tuple(
            ax.text(
                _STEP_X[3] + 0.3,
                _WIRE_Y[qubit] + 0.12,
                "",
                fontsize=SMALL_FONT_SIZE,
                ha="left",
                va="bottom",
                color=ROLE_COLORS["event"],
                fontweight="bold",
                zorder=4,
            )
            for qubit in (0, 1)
        )
        self._picture: CircuitPicture | None = None
        self.update(CircuitPicture(0))

    @staticmethod
    def _draw_circuit(ax: Axes) -> tuple[Text, ...]:
        """Draw the static circuit: wires, gates, meters, classical wires and step names."""
        black, grey = PALETTE["black"], ROLE_COLORS["scaffold"]
        measured = _STEP_X[3] + _BOX / 2
        for qubit, (y, name) in enumerate(zip(_WIRE_Y, _WIRE_NAMES)):
            ax.text(_LEFT - 0.1, y, name, fontsize=SMALL_FONT_SIZE, ha="right", va="center")
            end = measured if qubit < 2 else _RIGHT
            ax.plot([_LEFT, end], [y, y], color=black, linewidth=1.2, zorder=1)
        # the shared pair: a bracket joining qubits 1 and 2 at the start
        ax.plot([_LEFT + 0.12] * 2, [_WIRE_Y[1], _WIRE_Y[2]], color=grey, linewidth=1.0, linestyle=":")
        ax.text(_LEFT + 0.2, (_WIRE_Y[1] + _WIRE_Y[2]) / 2, "pair", fontsize=SMALL_FONT_SIZE - 1, color=grey)
        # CNOT: qubit 0 controls qubit 1
        x = _STEP_X[1]
        ax.plot([x, x], [_WIRE_Y[0], _WIRE_Y[1] - 0.2], color=black, linewidth=1.2, zorder=2)
        ax.add_patch(Circle((x, _WIRE_Y[0]), 0.08, color=black, zorder=3))
        target = Circle((x, _WIRE_Y[1]), 0.2, facecolor="white", edgecolor=black, linewidth=1.2, zorder=3)
        ax.add_patch(target)
        ax.plot([x - 0.2, x + 0.2], [_WIRE_Y[1]] * 2, color=black, linewidth=1.2, zorder=4)
        ax.plot([x, x], [_WIRE_Y[1] - 0.2, _WIRE_Y[1] + 0.2], color=black, linewidth=1.2, zorder=4)
        _gate(ax, _STEP_X[2], _WIRE_Y[0], "H")
        for qubit in (0, 1):  # meters, then double wires down to Bob's corrections
            _meter(ax, _STEP_X[3], _WIRE_Y[qubit])
        for qubit, box in ((1, _X_BOX), (0, _Z_BOX)):
            y = _WIRE_Y[qubit]
            for offset in (-0.04, 0.04):
                ax.plot([measured, box + offset], [y + offset, y + offset], color=black, linewidth=0.8)
                ax.plot([box + offset] * 2, [y + offset, _WIRE_Y[2] + _BOX / 2], color=black, linewidth=0.8)
        _gate(ax, _X_BOX, _WIRE_Y[2], "X")
        _gate(ax, _Z_BOX, _WIRE_Y[2], "Z")
        ax.text(_X_BOX, _WIRE_Y[2] - 0.33, "if m₁ = 1", fontsize=SMALL_FONT_SIZE - 1, ha="center", va="top")
        ax.text(_Z_BOX, _WIRE_Y[2] - 0.33, "if m₀ = 1", fontsize=SMALL_FONT_SIZE - 1, ha="center", va="top")
        return tuple(
            ax.text(x, 3.3, label, fontsize=SMALL_FONT_SIZE, ha="center", va="top")
            for x, label in zip(_STEP_X, STEP_LABELS)
        )

    @property
    def dynamic(self) -> tuple:
        """The artist redrawn on every frame: the frame around the current step."""
        return (self.frame,)

    def update(self, picture: CircuitPicture) -> None:
        """Frame ``picture.step``; write the bits when they change."""
        x, width = _FRAME_X[picture.step], _FRAME_WIDTH[picture.step]
        self.frame.set_bounds(x - width / 2, _FRAME_BOTTOM, width, _FRAME_HEIGHT)
        previous = self._picture
        if previous is None or previous.bits != picture.bits:
            for index, text in enumerate(self.bit_texts):
                value = _UNKNOWN if picture.bits is None else str(picture.bits[index])
                text.set_text(f"m{'₀₁'[index]} = {value}")
        self._picture = picture


def _box(ax: Axes, x: float, y: float) -> None:
    """An empty gate box centred on ``(x, y)``."""
    ax.add_patch(
        FancyBboxPatch(
            (x - _BOX / 2, y - _BOX / 2),
            _BOX,
            _BOX,
            boxstyle="round,pad=0,rounding_size=0.06",
            facecolor="white",
            edgecolor=PALETTE["black"],
            linewidth=1.2,
            zorder=3,
        )
    )


def _gate(ax: Axes, x: float, y: float, name: str) -> None:
    """A gate's box with its name, centred on ``(x, y)``."""
    _box(ax, x, y)
    ax.text(x, y, name, fontsize=FONT_SIZE, ha="center", va="center", zorder=4)


def _meter(ax: Axes, x: float, y: float) -> None:
    """A measurement: the usual meter (a dial and its needle) in a box centred on ``(x, y)``."""
    _box(ax, x, y)
    pivot = y - 0.12
    ax.add_patch(Arc((x, pivot), 0.34, 0.34, theta1=0, theta2=180, color=PALETTE["black"], lw=1.0, zorder=4))
    ax.plot([x, x + 0.14], [pivot, pivot + 0.26], color=PALETTE["black"], linewidth=1.0, zorder=4)
