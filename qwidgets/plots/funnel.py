"""The key funnel: how many bits survive each stage of a key-distribution run.

One horizontal bar per stage (photons sent, the sifted key, the bits checked in public, the key
kept), each as long as its count, with the wrong bits (Bob's bit differs from Alice's) as a
segment of their own in another colour *and* hatched. A stage not reached yet is drawn faint
(its size is already settled, as the sifted key is by the bases both chose) or hidden with a
note (its sample is not drawn yet); two lines of text on top state the run and its error rate.
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.patches import Patch

from qwidgets.plots.render import new_figure
from qwidgets.plots.style import FONT_SIZE, PALETTE, ROLE_COLORS, SMALL_FONT_SIZE

__all__ = ["FUNNEL_LABELS", "LOOKS", "FunnelBar", "FunnelPicture", "KeyFunnel"]

FUNNEL_LABELS: tuple[str, ...] = ("sent", "same basis (sifted)", "checked in public", "secret key")
"""The stages of a prepare-and-measure run, top to bottom."""
LOOKS: tuple[str, ...] = ("solid", "faint", "hidden")
"""How a bar is drawn: in full, faint (a stage not reached yet), or not at all."""

_RIGHT_COLOR = ROLE_COLORS["state"]  # bits that came through the quantum channel unchanged
_WRONG_COLOR = ROLE_COLORS["event"]
_WRONG_HATCH = "////"
_FAINT_ALPHA = 0.25
_ROOM = 1.42  # the axes reach this many full bars: room for the count after the longest one
_BAR_HEIGHT = 0.62


@dataclass(frozen=True)
class FunnelBar:
    """One stage of the funnel.

    Attributes
    ----------
    count : int
        Bits (or photons) at this stage: the bar's length.
    wrong : int
        How many of them are wrong, drawn as the bar's hatched end.
    look : str
        One of :data:`LOOKS`.
    note : str
        Written after the bar instead of its count (e.g. ``"after step 4"``); empty: the count.
    """

    count: int
    wrong: int = 0
    look: str = "solid"
    note: str = ""

    def __post_init__(self) -> None:
        if self.look not in LOOKS:
            raise ValueError(f"look must be one of {LOOKS}; got {self.look!r}")
        if not 0 <= self.wrong <= self.count:
            raise ValueError(f"wrong must be from 0 to count ({self.count}); got {self.wrong}")

    @property
    def text(self) -> str:
        """What is written after the bar: the note, or the count and the wrong bits."""
        if self.note:
            return self.note
        return f"{self.count:,}" + (f" ({self.wrong:,} wrong)" if self.wrong else "")


@dataclass(frozen=True)
class FunnelPicture:
    """What a :class:`KeyFunnel` shows.

    Attributes
    ----------
    bars : tuple of FunnelBar
        One per stage, in the order of the funnel's labels.
    scale : int
        The count of a bar that spans the whole width (the photons sent), at least 1.
    headline : str
        First line on top (what the run is).
    status : str
        Second line (e.g. the estimated error rate and the verdict); it changes often.
    note : str
        Written at the right of the second line (e.g. the security threshold); it seldom changes.
    alarm : bool
        Whether the status is a warning (drawn bold in the error colour; it must say so in words).
    """

    bars: tuple[FunnelBar, ...]
    scale: int
    headline: str
    status: str
    note: str = ""
    alarm: bool = False


class KeyFunnel:
    """The key funnel figure view: bars, counts and status are dynamic; the headline and the note
    are set only when they change (text is the costliest thing to draw: static text is drawn once).

    Parameters
    ----------
    labels : tuple of str
        The stages, top to bottom.

    Attributes
    ----------
    right_bars, wrong_bars : tuple of matplotlib.patches.Rectangle
        Each stage's right and wrong segments; together as long as its count.
    texts : tuple of matplotlib.text.Text
        The count (or note) after each bar.
    """

    def __init__(self, labels: tuple[str, ...] = FUNNEL_LABELS) -> None:
        self.figure = new_figure(4.8, 2.5)  # 480 x 250 CSS px: fits a notebook beside the file browser
        ax = self.axes = self.figure.add_axes((0.31, 0.2, 0.66, 0.58))
        rows = range(len(labels))
        self.right_bars = tuple(ax.barh(rows, [0] * len(labels), height=_BAR_HEIGHT, color=_RIGHT_COLOR))
        self.wrong_bars = tuple(
            ax.barh(
                rows,
                [0] * len(labels),
                height=_BAR_HEIGHT,
                color=_WRONG_COLOR,
                hatch=_WRONG_HATCH,
                edgecolor="white",
                linewidth=0,
            )
        )
        self.texts = tuple(
            ax.text(0, row, "", va="center", ha="left", fontsize=SMALL_FONT_SIZE) for row in rows
        )
        ax.set_ylim(len(labels) - 0.5, -0.5)  # the first stage on top
        ax.set_yticks(list(rows), labels, fontsize=SMALL_FONT_SIZE + 0.5)
        ax.tick_params(axis="y", length=0)
        ax.xaxis.set_visible(False)
        ax.spines[["top", "right", "bottom"]].set_visible(False)
        ax.spines["left"].set_color(PALETTE["grey"])
        self.headline = self.figure.text(0.02, 0.93, "", fontsize=FONT_SIZE, fontweight="bold", va="center")
        self.status = self.figure.text(0.02, 0.84, "", fontsize=SMALL_FONT_SIZE + 0.5, va="center")
        self.note = self.figure.text(0.98, 0.84, "", fontsize=SMALL_FONT_SIZE, va="center", ha="right")
        self.figure.legend(
            handles=[
                Patch(color=_RIGHT_COLOR, label="Bob's bit = Alice's"),
                Patch(
                    facecolor=_WRONG_COLOR, edgecolor="white", hatch=_WRONG_HATCH, label="wrong bit (differs)"
                ),
            ],
            loc="lower center",
            bbox_to_anchor=(0.55, 0.0),
            ncol=2,
            frameon=False,
            fontsize=SMALL_FONT_SIZE,
            handlelength=1.6,
            columnspacing=1.2,
        )
        self._shown: FunnelPicture | None = None

    @property
    def dynamic(self) -> tuple:
        """The artists redrawn on every frame: the bars, their counts and the status line."""
        return (*self.right_bars, *self.wrong_bars, *self.texts, self.status)

    def update(self, picture: FunnelPicture) -> None:
        """Show each stage's count (bar length in units of ``picture.scale``), wrong bits and look."""
        shown = self._shown
        if shown is None or shown.scale != picture.scale:  # counts are data units: a new x range
            self.axes.set_xlim(0, _ROOM * picture.scale)
        for bar, right, wrong, text in zip(picture.bars, self.right_bars, self.wrong_bars, self.texts):
            visible = bar.look != "hidden"
            alpha = _FAINT_ALPHA if bar.look == "faint" else 1.0
            right.set_width(bar.count - bar.wrong)
            wrong.set_x(bar.count - bar.wrong)
            wrong.set_width(bar.wrong)
            right.set_visible(visible)
            wrong.set_visible(visible and bar.wrong > 0)  # hatching costs time even at zero width
            for segment in (right, wrong):
                segment.set_alpha(alpha)
            text.set_text(bar.text)
            text.set_x((bar.count if visible else 0) + 0.015 * picture.scale)
            text.set_color("black" if bar.look == "solid" else PALETTE["grey"])
            text.set_fontstyle("normal" if bar.look == "solid" else "italic")
        if shown is None or shown.headline != picture.headline:
            self.headline.set_text(picture.headline)
        if shown is None or shown.note != picture.note:
            self.note.set_text(picture.note)
        self.status.set_text(picture.status)
        self.status.set_color(_WRONG_COLOR if picture.alarm else "black")
        self.status.set_fontweight("bold" if picture.alarm else "normal")
        self._shown = picture
