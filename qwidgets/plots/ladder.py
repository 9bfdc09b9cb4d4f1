"""The roadmap as a ladder: one rung per stage, stage 0 at the bottom, the top stage on top.

The stages are those of Wehner, Elkouss & Hanson, "Quantum internet: A vision for the road ahead"
(Science 362, eaam9288, 2018; Fig. 4 and Table 1): each stage adds a functionality to all those
below it, so a network that reaches a stage runs everything the stages below run. The ladder
draws that order. Each rung carries its stage's number and short name; the selected stage is
framed; the rungs that run a chosen application are lit, from the lowest one that runs it to the
top, and a word beside every rung says so ("✓ lowest", "✓ runs it", "✗ cannot"), so the meaning
never rests on the colour alone. Two lines of text on top name the selected stage and what is lit.

Only the frame, the rungs' fills, the marks and the two lines change when the student chooses
something, so they are the dynamic artists: the ladder's rails and the rung labels are drawn
once. The labels sit above their rungs, never under a dynamic artist.
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.patches import FancyBboxPatch, Rectangle

from qwidgets.plots.render import new_figure
from qwidgets.plots.style import FONT_SIZE, PALETTE, ROLE_COLORS, SMALL_FONT_SIZE

__all__ = ["LIT_COLOR", "MARKS", "LadderPicture", "StageLadder", "rung_marks"]

LIT_COLOR = PALETTE["sky_blue"]
"""Fill of a rung that runs the chosen application (always beside a "✓" mark)."""
MARKS = {"lowest": "✓ lowest", "runs": "✓ runs it", "cannot": "✗ cannot"}
"""The word beside each rung once an application is chosen."""
_UNLIT_COLOR = PALETTE["light_grey"]
_RAIL_COLOR = ROLE_COLORS["scaffold"]
_FRAME_COLOR = ROLE_COLORS["event"]  # the student's choice, as the circuit frames its current step
_LEFT, _RIGHT = 0.05, 0.66  # the rails' x in the axes
_MARK_X = 0.7  # marks start here, right of the ladder
_BOTTOM, _PITCH = 0.035, 0.162  # the lowest rung's y and the distance between rungs
_RUNG_HEIGHT = 0.032
_LABEL_LIFT = 0.055  # a rung's label sits this far above the rung's top edge
_FRAME_PAD = (0.025, 0.02, 0.11)  # the frame reaches this far beside, below and above a rung


@dataclass(frozen=True)
class LadderPicture:
    """What a :class:`StageLadder` shows.

    Attributes
    ----------
    labels : tuple of str
        Each rung's label, from the bottom rung (stage 0) up, e.g. ``"3  quantum memory"``.
    selected : int
        The framed rung (0 is the bottom one).
    lowest : int or None
        The lowest rung that runs the chosen application: it and every rung above are lit.
        ``None`` when no application is chosen (nothing lit, no marks).
    headline, status : str
        The two lines on top (the selected stage; what is lit).
    """

    labels: tuple[str, ...]
    selected: int
    lowest: int | None
    headline: str
    status: str

    def __post_init__(self) -> None:
        n = len(self.labels)
        if not 0 <= self.selected < n:
            raise ValueError(f"selected must be a rung from 0 to {n - 1}; got {self.selected}")
        if self.lowest is not None and not 0 <= self.lowest < n:
            raise ValueError(f"lowest must be None or a rung from 0 to {n - 1}; got {self.lowest}")


def rung_marks(n_rungs: int, lowest: int | None) -> tuple[str, ...]:
    """The mark beside each rung, bottom up: all empty without an application, else from :data:`MARKS`."""
    if lowest is None:
        return ("",) * n_rungs
    return tuple(
        MARKS["cannot"] if rung < lowest else MARKS["lowest"] if rung == lowest else MARKS["runs"]
        for rung in range(n_rungs)
    )


def _rung_y(rung: int) -> float:
    """The bottom edge of a rung, in axes coordinates."""
    return _BOTTOM + _PITCH * rung


class StageLadder:
    """The ladder figure view, with ``n_rungs`` rungs (six for the roadmap's stages 0 to 5).

    Parameters
    ----------
    n_rungs : int
        Rungs on the ladder; every picture must label exactly this many.

    Attributes
    ----------
    rungs : tuple of matplotlib.patches.Rectangle
        One filled band per rung, bottom up (lit or not).
    labels, marks : tuple of matplotlib.text.Text
        Each rung's label (above it) and its mark (beside it, right of the ladder).
    frame : matplotlib.patches.FancyBboxPatch
        The frame around the selected rung and its label.
    headline, status : matplotlib.text.Text
        The two lines on top.
    """

    def __init__(self, n_rungs: int = 6) -> None:
        self.figure = new_figure(3.6, 3.5)  # 360 x 350 CSS px: beside the text on a laptop, alone on a phone
        ax = self.axes = self.figure.add_axes((0.0, 0.0, 1.0, 0.84))
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_axis_off()
        top = _rung_y(n_rungs - 1) + _RUNG_HEIGHT + _FRAME_PAD[2]
        for x in (_LEFT, _RIGHT):
            ax.plot([x, x], [0.0, top], color=_RAIL_COLOR, linewidth=4, solid_capstyle="round", zorder=1)
        self.rungs = tuple(
            ax.add_patch(
                Rectangle(
                    (_LEFT, _rung_y(rung)),
                    _RIGHT - _LEFT,
                    _RUNG_HEIGHT,
                    facecolor=_UNLIT_COLOR,
                    edgecolor=PALETTE["black"],
                    linewidth=0.8,
                    zorder=2,
                )
            )
            for rung in range(n_rungs)
        )
        self.labels = tuple(
            ax.text(
                _LEFT + 0.035,
                _rung_y(rung) + _RUNG_HEIGHT + _LABEL_LIFT,
                "",
                fontsize=SMALL_FONT_SIZE + 0.5,
                va="center",
            )
            for rung in range(n_rungs)
        )
        self.marks = tuple(
            ax.text(_MARK_X, _rung_y(rung) + _RUNG_HEIGHT / 2, "", fontsize=SMALL_FONT_SIZE, va="center")
            for rung in range(n_rungs)
        )
        left, below, above = _FRAME_PAD
        self.frame = ax.add_patch(
            FancyBboxPatch(
                (_LEFT - left, 0.0),
                _RIGHT - _LEFT + 2 * left,
                below + _RUNG_HEIGHT + above,
                boxstyle="round,pad=0,rounding_size=0.02",
                facecolor="none",
                edgecolor=_FRAME_COLOR,
                linewidth=2.4,
                zorder=5,
            )
        )
        self.headline = self.figure.text(0.03, 0.95, "", fontsize=FONT_SIZE, fontweight="bold", va="center")
        self.status = self.figure.text(0.03, 0.885, "", fontsize=SMALL_FONT_SIZE, va="center")
        self._labels: tuple[str, ...] = ()

    @property
    def dynamic(self) -> tuple:
        """The rungs' fills, their marks, the frame and the two lines: they change with every choice."""
        return (*self.rungs, *self.marks, self.frame, self.headline, self.status)

    def update(self, picture: LadderPicture) -> None:
        """Frame the selected rung, light the application's rungs, mark every rung, write the lines."""
        if len(picture.labels) != len(self.rungs):
            raise ValueError(
                f"this ladder has {len(self.rungs)} rungs; the picture labels {len(picture.labels)}"
            )
        if picture.labels != self._labels:  # static: set once
            for text, label in zip(self.labels, picture.labels):
                text.set_text(label)
            self._labels = picture.labels
        marks = rung_marks(len(self.rungs), picture.lowest)
        for rung, (patch, text, mark) in enumerate(zip(self.rungs, self.marks, marks)):
            lit = picture.lowest is not None and rung >= picture.lowest
            patch.set_facecolor(LIT_COLOR if lit else _UNLIT_COLOR)
            text.set_text(mark)
            text.set_fontweight("bold" if mark == MARKS["lowest"] else "normal")
        self.frame.set_y(_rung_y(picture.selected) - _FRAME_PAD[1])
        self.headline.set_text(picture.headline)
        self.status.set_text(picture.status)
