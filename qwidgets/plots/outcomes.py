"""Bar chart of sampled measurement outcomes beside the exact probabilities."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from qwidgets.plots._axes import figure_and_axes
from qwidgets.plots.style import FONT_SIZE, PALETTE, SMALL_FONT_SIZE

__all__ = ["OutcomeArtists", "draw_outcomes"]

_HALF_WIDTH = 0.3


@dataclass
class OutcomeArtists:
    """Handles of the outcome chart: bars, exact-probability marks and their labels."""

    axes: Axes
    bars: BarContainer
    exact: Line2D
    counts: tuple[Text, ...]
    outcome_labels: tuple[Text, ...]
    title: Text

    @property
    def dynamic(self) -> tuple:
        """The artists redrawn on every frame (labels and title change rarely)."""
        return (*self.bars, self.exact, *self.counts)

    def update(
        self,
        frequencies: tuple[float, ...],
        probabilities: tuple[float, ...],
        counts: tuple[int, ...],
        labels: tuple[str, ...],
        title: str,
    ) -> None:
        """Show sampled ``frequencies`` (bars) against exact ``probabilities`` (marks)."""
        exact_x, exact_y = [], []
        for i, (bar, freq, prob) in enumerate(zip(self.bars, frequencies, probabilities)):
            bar.set_height(freq)
            exact_x += [i - _HALF_WIDTH - 0.05, i + _HALF_WIDTH + 0.05, np.nan]
            exact_y += [prob, prob, np.nan]
        self.exact.set_data(exact_x, exact_y)
        for text, freq, prob, n in zip(self.counts, frequencies, probabilities, counts):
            text.set_text(f"{n:,}")
            text.set_y(max(freq, prob) + 0.03)
        for text, label in zip(self.outcome_labels, labels):
            if text.get_text() != label:
                text.set_text(label)
        if self.title.get_text() != title:
            self.title.set_text(title)


def draw_outcomes(
    n_outcomes: int = 2,
    *,
    fig: Figure | None = None,
    ax: Axes | None = None,
) -> tuple[Figure, Axes, OutcomeArtists]:
    """Draw an empty outcome chart with ``n_outcomes`` bars on a fixed 0-1 scale.

    Call :meth:`OutcomeArtists.update` to fill it; the axes themselves never change.
    """
    fig, ax = figure_and_axes(fig, ax)
    positions = np.arange(n_outcomes)
    bars = ax.bar(positions, np.zeros(n_outcomes), width=2 * _HALF_WIDTH, color=PALETTE["blue"],
                  label="sampled fraction")
    (exact,) = ax.plot([], [], color=PALETTE["vermillion"], linewidth=3, label="exact probability")
    ax.set_xlim(-0.6, n_outcomes - 0.4)
    ax.set_ylim(0, 1.15)
    ax.set_xticks(positions, [""] * n_outcomes)
    ax.set_yticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.tick_params(labelsize=SMALL_FONT_SIZE)
    ax.set_ylabel("fraction of shots", fontsize=SMALL_FONT_SIZE)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, frameon=False,
              fontsize=SMALL_FONT_SIZE, handlelength=1.2)
    counts = tuple(ax.text(x, 0, "", ha="center", va="bottom", fontsize=SMALL_FONT_SIZE)
                   for x in positions)
    labels = tuple(ax.text(x, -0.03, "", ha="center", va="top", fontsize=FONT_SIZE,
                           transform=ax.get_xaxis_transform()) for x in positions)
    title = ax.set_title("", fontsize=FONT_SIZE)
    return fig, ax, OutcomeArtists(ax, bars, exact, counts, labels, title)
