"""Bar chart of values (sampled fractions, fidelities) beside reference marks (exact values)."""

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
    annotations : tuple of str
        Text above each bar (the sampled counts, say).
    labels : tuple of str
        Name of each outcome, under its bar.
    title : str
        What was measured.
    highlight : int or None
        Index of a bar to ring in the event colour (the outcome of the last single shot).
    highlight_label : str
        Written under the ringed bar's name.
    """

    frequencies: tuple[float, ...]
    probabilities: tuple[float, ...]
    annotations: tuple[str, ...]
    labels: tuple[str, ...]
    title: str
    highlight: int | None = None
    highlight_label: str = "last shot"


class OutcomeChart:
    """An outcome chart figure view: axes drawn once, ``update`` moves bars and marks.

    Parameters
    ----------
    n_outcomes : int
        Number of bars.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; by default a new figure of its own.
    bar_label, mark_label, ylabel : str
        What the bars, the marks and the y axis stand for.
    """

    def __init__(
        self,
        n_outcomes: int = 2,
        ax: Axes | None = None,
        *,
        bar_label: str = "sampled fraction",
        mark_label: str = "exact probability",
        ylabel: str = "fraction of copies",
    ) -> None:
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
            label=bar_label,
            linewidth=0,
        )
        (self.exact,) = ax.plot([], [], color=ROLE_COLORS["exact"], linewidth=2.5, label=mark_label)
        ax.set_xlim(-0.6, n_outcomes - 0.4)
        ax.set_ylim(0, 1.17)
        ax.set_xticks(positions, [""] * n_outcomes)
        ax.set_yticks([0, 0.25, 0.5, 0.75, 1.0])
        ax.tick_params(labelsize=SMALL_FONT_SIZE)
        ax.set_ylabel(ylabel, fontsize=SMALL_FONT_SIZE)
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
        self.annotations = tuple(
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
        """The artists redrawn on every frame: bars, marks, the texts above the bars and the outcome
        labels under them (marking the last shot must not redraw the whole figure)."""
        return (*self.bars, self.exact, *self.annotations, *self.outcome_labels)

    def update(self, picture: BarsPicture) -> None:
        """Show the values (bars) against the reference values (marks)."""
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
        for text, freq, prob, note in zip(
            self.annotations, picture.frequencies, picture.probabilities, picture.annotations
        ):
            text.set_text(note)
            text.set_y(max(freq, prob) + 0.025)
        previous = self._picture
        marked = (picture.labels, picture.highlight, picture.highlight_label)
        if previous is None or (previous.labels, previous.highlight, previous.highlight_label) != marked:
            for i, (text, label) in enumerate(zip(self.outcome_labels, picture.labels)):
                shot = i == picture.highlight
                text.set_text(f"{label}\n{picture.highlight_label}" if shot else label)
                text.set_color(event if shot else "black")
                text.set_fontweight("bold" if shot else "normal")
        if previous is None or previous.title != picture.title:
            self.title.set_text(picture.title)
        self._picture = picture
