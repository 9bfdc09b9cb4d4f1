"""Bar chart of sampled measurement outcomes beside the exact probabilities."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes

from qwidgets.plots.render import new_figure
from qwidgets.plots.style import FONT_SIZE, INCH_PER_UNIT, ROLE_COLORS, SMALL_FONT_SIZE

__all__ = ["BarsPicture", "OutcomeChart"]

_HALF_WIDTH = 0.3


@dataclass(frozen=True)
class BarsPicture:
    """What an outcome chart shows.

    Attributes
    ----------
    frequencies : tuple of float
        Sampled fraction of each outcome (the bars).
    probabilities : tuple of float
        Exact probability of each outcome (the marks).
    counts : tuple of int
        Sampled counts, written above the bars.
    labels : tuple of str
        Name of each outcome, under its bar.
    title : str
        What was measured.
    highlight : int or None
        Index of the outcome of the last single measurement, ringed in the event colour.
    """

    frequencies: tuple[float, ...]
    probabilities: tuple[float, ...]
    counts: tuple[int, ...]
    labels: tuple[str, ...]
    title: str
    highlight: int | None = None


class OutcomeChart:
    """An outcome chart figure view: axes drawn once, ``update`` moves bars and marks.

    Parameters
    ----------
    n_outcomes : int
        Number of bars.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; by default a new figure of its own.
    """

    def __init__(self, n_outcomes: int = 2, ax: Axes | None = None) -> None:
        if ax is None:
            self.figure = new_figure(1.05 * INCH_PER_UNIT, INCH_PER_UNIT)
            ax = self.figure.add_axes((0.2, 0.27, 0.76, 0.6))
        else:
            self.figure = ax.figure
        self.axes = ax
        positions = np.arange(n_outcomes)
        self.bars = ax.bar(
            positions,
            np.zeros(n_outcomes),
            width=2 * _HALF_WIDTH,
            color=ROLE_COLORS["state"],
            label="sampled fraction",
            linewidth=0,
        )
        (self.exact,) = ax.plot([], [], color=ROLE_COLORS["exact"], linewidth=2.5, label="exact probability")
        ax.set_xlim(-0.6, n_outcomes - 0.4)
        ax.set_ylim(0, 1.17)
        ax.set_xticks(positions, [""] * n_outcomes)
        ax.set_yticks([0, 0.25, 0.5, 0.75, 1.0])
        ax.tick_params(labelsize=SMALL_FONT_SIZE)
        ax.set_ylabel("fraction of copies", fontsize=SMALL_FONT_SIZE)
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(
            loc="upper center",
            bbox_to_anchor=(0.45, -0.2),
            ncol=2,
            frameon=False,
            fontsize=SMALL_FONT_SIZE,
            handlelength=1.2,
            columnspacing=1.0,
        )
        self.count_texts = tuple(
            ax.text(x, 0, "", ha="center", va="bottom", fontsize=SMALL_FONT_SIZE) for x in positions
        )
        self.outcome_labels = tuple(
            ax.text(
                x, -0.03, "", ha="center", va="top", fontsize=FONT_SIZE, transform=ax.get_xaxis_transform()
            )
            for x in positions
        )
        self.title = ax.set_title("", fontsize=SMALL_FONT_SIZE + 1)
        self._picture: BarsPicture | None = None

    @property
    def dynamic(self) -> tuple:
        """The artists redrawn on every frame: bars, exact marks and counts."""
        return (*self.bars, self.exact, *self.count_texts)

    def update(self, picture: BarsPicture) -> None:
        """Show sampled frequencies (bars) against exact probabilities (marks)."""
        exact_x: list[float] = []
        exact_y: list[float] = []
        event = ROLE_COLORS["event"]
        for i, (bar, freq, prob) in enumerate(zip(self.bars, picture.frequencies, picture.probabilities)):
            bar.set_height(freq)
            bar.set_edgecolor(event if i == picture.highlight else "none")
            bar.set_linewidth(3.0 if i == picture.highlight else 0.0)
            exact_x += [i - _HALF_WIDTH - 0.06, i + _HALF_WIDTH + 0.06, np.nan]
            exact_y += [prob, prob, np.nan]
        self.exact.set_data(exact_x, exact_y)
        for text, freq, prob, n in zip(
            self.count_texts, picture.frequencies, picture.probabilities, picture.counts
        ):
            text.set_text(f"{n:,}")
            text.set_y(max(freq, prob) + 0.025)
        previous = self._picture
        if previous is None or (previous.labels, previous.highlight) != (picture.labels, picture.highlight):
            for i, (text, label) in enumerate(zip(self.outcome_labels, picture.labels)):
                shot = i == picture.highlight
                text.set_text(f"{label}\nlast shot" if shot else label)
                text.set_color(event if shot else "black")
                text.set_fontweight("bold" if shot else "normal")
        if previous is None or previous.title != picture.title:
            self.title.set_text(picture.title)
        self._picture = picture
