"""CHSHPanel: the CHSH game, played with an entangled pair or with a local strategy."""

from __future__ import annotations

import math
from dataclasses import dataclass

from qwidgets.panels.base import Panel
from qwidgets.panels.parameters import Choice, Integer, Number
from qwidgets.panels.summary import angle_text, number_text
from qwidgets.panels.tables import HtmlTable, TableCell, TablePicture, TableRow
from qwidgets.physics import (
    CHSH_ANGLES,
    CLASSICAL_CHSH_BOUND,
    CLASSICAL_WIN_PROBABILITY,
    NAMED_STRATEGIES,
    TSIRELSON_BOUND,
    CHSHGameRun,
    CHSHGameStats,
    chsh_game_statistics,
    depolarized_pair,
    play_chsh_game,
)
from qwidgets.plots import BarsPicture, ChartPicture, Curve, LineChart, OutcomeChart

__all__ = ["CHSHPanel", "CHSHReading"]

_STRATEGIES = {
    "quantum": ("quantum", "share an entangled pair; each measures at the angle their question picks"),
    "agree": ("agree", "both always answer 0: wins unless both questions are 1 (3/4)"),
    "copy": ("copy", "Alice answers her question bit, Bob always 0: wins 3/4"),
    "random": ("random", "each answers with a fair coin: wins half the rounds"),
}
# -π to π, with the ends on the 0.01 grid: a browser echoes a slider's value snapped to min + k step
_ANGLE = {"low": -3.15, "high": 3.15, "step": 0.01, "unit": "rad"}
_QUANTUM = {"strategy": ("quantum",)}
_MAX_ROUNDS = 100_000
_PERCENT = "{:.1%}"


@dataclass(frozen=True)
class CHSHReading:
    """What a :class:`CHSHPanel` shows.

    Attributes
    ----------
    strategy : str
        The strategy played.
    angles : tuple of float
        ``(a, a2, b, b2)`` in rad (used by the quantum strategy only).
    noise : float
        White noise mixed into the pair (quantum strategy only).
    exact : CHSHGameStats
        The exact CHSH value and winning probabilities.
    run : CHSHGameRun
        The rounds played.
    classical : CHSHGameRun
        The same questions answered by a best classical strategy, ``"agree"`` (same seed).
    """

    strategy: str
    angles: tuple[float, float, float, float]
    noise: float
    exact: CHSHGameStats
    run: CHSHGameRun
    classical: CHSHGameRun


class CHSHPanel(Panel):
    """The CHSH game: two players, random questions, no talking; a shared pair beats every plan.

    A referee asks Alice and Bob one random bit each (``x``, ``y``); they win when their
    answers agree, except when both questions are 1, when they must differ. With a pair they
    measure at ``a`` or ``a2`` (Alice) and ``b`` or ``b2`` (Bob) and win with probability
    ``1/2 + S/8``: 85 % at the default angles, where ``S = 2√2 (1 - noise)``. No strategy without
    entanglement wins more than 75 % (``S`` at most 2). The chart follows the sampled ``S``
    round after round against the exact value and both bounds. See
    :mod:`qwidgets.physics.chsh_game`.

    Notes
    -----
    ``result`` is a :class:`CHSHReading`.
    """

    title = "The CHSH game"
    stochastic = True
    parameters = (
        Choice(
            "strategy",
            "Strategy",
            "quantum",
            "how Alice and Bob choose their answers",
            options=tuple((name, label, tip) for name, (label, tip) in _STRATEGIES.items()),
            button_width="auto",
        ),
        Number(
            "a",
            "Alice a (x = 0)",
            CHSH_ANGLES[0],
            "Alice's measurement angle when her question is 0 (x-z plane; 0 is Z)",
            when=_QUANTUM,
            **_ANGLE,
        ),
        Number(
            "a2",
            "Alice a′ (x = 1)",
            CHSH_ANGLES[1],
            "Alice's measurement angle when her question is 1 (x-z plane; π/2 is X)",
            when=_QUANTUM,
            **_ANGLE,
        ),
        Number(
            "b",
            "Bob b (y = 0)",
            CHSH_ANGLES[2],
            "Bob's measurement angle when his question is 0 (x-z plane)",
            when=_QUANTUM,
            **_ANGLE,
        ),
        Number(
            "b2",
            "Bob b′ (y = 1)",
            CHSH_ANGLES[3],
            "Bob's measurement angle when his question is 1 (x-z plane)",
            when=_QUANTUM,
            **_ANGLE,
        ),
        Number(
            "noise",
            "Noise p",
            0.0,
            "weight p of white noise in the pair, (1 − p) Φ⁺ + p I/4: S = 2√2 (1 − p) at the default angles",
            low=0.0,
            high=1.0,
            step=0.01,
            when=_QUANTUM,
        ),
        Integer(
            "rounds",
            "Rounds",
            1000,
            "how many rounds the referee plays, each with new random questions",
            low=1,
            high=_MAX_ROUNDS,
        ),
    )
    control_rows = (("strategy", "noise"), ("a", "a2"), ("b", "b2"), ("rounds", "seed", "new_run"))

    def _setup(self) -> tuple[LineChart, OutcomeChart, HtmlTable]:
        chart = LineChart(
            xlabel="rounds played (log scale)",
            ylabel="CHSH value S",
            xlim=(1, _MAX_ROUNDS),
            ylim=(-3.2, 3.2),
            n_curves=4,
            n_markers=0,
            legend="below",
            width=1.3,
        )
        chart.axes.set_xscale("log")  # S settles as 1/sqrt(rounds): a log axis shows every stage
        bars = OutcomeChart(2, bar_label="won (sampled)", mark_label="exact", ylabel="share of rounds won")
        return chart, bars, HtmlTable()

    def _compute(
        self,
        *,
        strategy: str,
        a: float,
        a2: float,
        b: float,
        b2: float,
        noise: float,
        rounds: int,
        seed: int,
    ) -> CHSHReading:
        angles = (a, a2, b, b2)
        state = depolarized_pair(noise) if strategy == "quantum" else None
        return CHSHReading(
            strategy=strategy,
            angles=angles,
            noise=noise,
            exact=chsh_game_statistics(strategy, state=state, angles=angles),
            run=play_chsh_game(rounds, strategy=strategy, state=state, angles=angles, rng=seed),
            classical=play_chsh_game(rounds, strategy="agree", rng=seed),  # the same questions: same seed
        )

    def _draw(self, result: CHSHReading) -> tuple[ChartPicture, BarsPicture, TablePicture]:
        run, exact = result.run, result.exact
        ends = (1.0, float(_MAX_ROUNDS), math.nan, 1.0, float(_MAX_ROUNDS))
        chart = ChartPicture(
            curves=(
                Curve("classical bound ±2", ends, _both_signs(CLASSICAL_CHSH_BOUND), "orange", "-."),
                Curve("Tsirelson's bound ±2√2", ends, _both_signs(TSIRELSON_BOUND), "sky_blue", ":"),
                Curve("exact S", ends[:2], (exact.chsh, exact.chsh), "exact", "--"),
                Curve("sampled S", tuple(float(k) for k in run.checkpoints), tuple(run.running_chsh)),
            ),
            title="S as the rounds add up",
            xlim=(1.0, 10.0 ** max(1, math.ceil(math.log10(run.n_rounds)))),  # changes once a decade
        )
        classical = result.classical
        bars = BarsPicture(
            (run.win_fraction, classical.win_fraction),
            (exact.win_probability, CLASSICAL_WIN_PROBABILITY),
            (_PERCENT.format(run.win_fraction), _PERCENT.format(classical.win_fraction)),
            ("this\nstrategy", "best classical\n(agree)"),
            "rounds won, same questions",
        )
        return chart, bars, _question_table(result)

    def _describe(self, result: CHSHReading) -> tuple[str, ...]:
        run, exact = result.run, result.exact
        if result.strategy == "quantum":
            a, a2, b, b2 = (angle_text(v) for v in result.angles)
            how = (
                f"Quantum strategy: a pair (1 − p) Φ⁺ + p I/4 with noise p = {number_text(result.noise)}, "
                f"measured at a = {a}, a′ = {a2} (Alice) and b = {b}, b′ = {b2} (Bob)."
            )
        else:
            how = f"Strategy {result.strategy!r}: {_STRATEGIES[result.strategy][1]}; no pair is used."
        verdict = (
            "beats every classical strategy (|S| > 2)"
            if abs(exact.chsh) > CLASSICAL_CHSH_BOUND + 1e-9
            else "no better than a classical strategy (|S| ≤ 2)"
        )
        sampled = "undefined so far" if math.isnan(run.chsh) else f"{run.chsh:.2f} ± {run.chsh_error:.2f}"
        return (
            how,
            f"Exact S = {exact.chsh:.3f}: {verdict}; the classical bound is 2 and Tsirelson's bound "
            f"2√2 ≈ {TSIRELSON_BOUND:.3f}.",
            f"In {run.n_rounds:,} rounds: sampled S = {sampled}; won {_PERCENT.format(run.win_fraction)} "
            f"of the rounds (exact {_PERCENT.format(exact.win_probability)} = 1/2 + S/8); on the same "
            f"questions the best classical strategy won {_PERCENT.format(result.classical.win_fraction)} "
            f"(exact {CLASSICAL_WIN_PROBABILITY:.0%}).",
        )


def _both_signs(bound: float) -> tuple[float, ...]:
    """A bound at +``bound`` and -``bound``, as two horizontal segments joined by a gap."""
    return (bound, bound, math.nan, -bound, -bound)


def _question_table(result: CHSHReading) -> TablePicture:
    """One row per question pair: the winning rule, what each answers, rounds and wins."""
    run, exact = result.run, result.exact
    a, a2, b, b2 = result.angles
    local = NAMED_STRATEGIES.get(result.strategy)
    rows = []
    for x in (0, 1):
        for y in (0, 1):
            if result.strategy == "quantum":
                alice, bob = (
                    f"at {number_text((a, a2)[x] / math.pi)}π",
                    f"at {number_text((b, b2)[y] / math.pi)}π",
                )
            elif local is not None:
                alice, bob = f"answers {local.alice[x]}", f"answers {local.bob[y]}"
            else:
                alice = bob = "flips a coin"
            played, won = int(run.rounds[x, y]), int(run.wins[x, y])
            rows.append(
                TableRow(
                    f"{x}\u00a0{y}",  # a no-break space: the pair of bits stays on one line
                    (
                        TableCell("differ" if x & y else "agree", "strong" if x & y else "plain"),
                        TableCell(alice),
                        TableCell(bob),
                        TableCell(f"{played:,}"),
                        TableCell(_PERCENT.format(won / played) if played else "–"),
                        TableCell(_PERCENT.format(exact.win_probabilities[x][y])),
                    ),
                )
            )
    return TablePicture(
        "Each pair of questions x y: the answers must agree, or differ when both are 1",
        ("x\u00a0y", "answers must", "Alice", "Bob", "rounds", "won", "exact"),
        tuple(rows),
    )
