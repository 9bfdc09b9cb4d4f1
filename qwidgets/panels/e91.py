"""E91Panel: a key from entangled pairs, with a Bell test as the eavesdropping alarm.

Stage 2 of the Delft roadmap (Wehner, Elkouss & Hanson, Science 362, eaam9288, 2018): entanglement
distribution. Alice and Bob measure the two halves of ``Phi+`` pairs at three angles each (Ekert,
PRL 67, 661, 1991; see :mod:`qwidgets.physics.e91`). The settings grid shows every pair of
settings: two give the key, four the CHSH value ``S``; the chart sets ``S`` and its standard
error against the classical bound 2 and Tsirelson's bound ``2 sqrt(2)``. An intercept-resend
eavesdropper on Bob's qubit breaks the entanglement: ``S`` falls towards ``sqrt(2)``, and the
Bell test raises the alarm.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from qwidgets.panels.base import Panel
from qwidgets.panels.parameters import Choice, Integer, Number
from qwidgets.panels.summary import Highlight, number_text
from qwidgets.panels.tables import HtmlTable, TableCell, TablePicture, TableRow
from qwidgets.physics import (
    ALICE_ANGLES,
    BOB_ANGLES,
    CLASSICAL_CHSH_BOUND,
    E91_CHSH_SETTINGS,
    E91_KEY_FRACTION,
    E91_KEY_SETTINGS,
    TSIRELSON_BOUND,
    E91Run,
    E91Stats,
    InterceptResend,
    e91_statistics,
    simulate_e91,
)
from qwidgets.plots import ChartPicture, Curve, LineChart, Marker

__all__ = ["ALARM_STANDARD_ERRORS", "E91Panel", "E91Reading", "settings_grid"]

ALARM_STANDARD_ERRORS = 3
"""The Bell test passes when the sampled ``S`` exceeds 2 by more than this many standard errors."""
_BASIS_WORDS = {
    "random": "in a random basis (Z or X) for each pair",
    "Z": "always in Z",
    "X": "always in X",
    "breidbart": "in the Breidbart basis, halfway between Z and X",
}
_S_RANGE = (0.0, 3.2)


@functools.lru_cache(maxsize=256)
def _statistics(eve: InterceptResend | None, noise: float) -> E91Stats:
    """:func:`~qwidgets.physics.e91_statistics`, cached: the chart asks for the same cases often."""
    return e91_statistics(eve=eve, noise=noise)


@dataclass(frozen=True)
class E91Reading:
    """What an :class:`E91Panel` shows.

    Attributes
    ----------
    attack : str
        What Eve does, in words.
    eve_fraction : float
        Share of the pairs Eve measures (0 without an eavesdropper).
    noise : float
        The channel's own bit-flip probability on Bob's qubit.
    run : E91Run
        The sampled run, pair by pair.
    cell_counts : tuple of tuple of int
        Pairs measured at each pair of settings: Alice's setting (rows) by Bob's (columns).
    stats : E91Stats
        The exact expected figures for these settings.
    chsh_without_eve, chsh_with_eve : float
        The exact ``S`` with the same noise when Eve measures no pair and every pair in the
        chosen basis (``S`` is linear in her share in between: the pairs are a mixture).
    """

    attack: str
    eve_fraction: float
    noise: float
    run: E91Run
    cell_counts: tuple[tuple[int, ...], ...]
    stats: E91Stats
    chsh_without_eve: float
    chsh_with_eve: float

    @property
    def margin(self) -> float:
        """How many standard errors the sampled ``S`` lies above the classical bound (nan if undefined)."""
        run = self.run
        if math.isnan(run.chsh) or math.isnan(run.chsh_error):
            return math.nan
        excess = run.chsh - CLASSICAL_CHSH_BOUND
        return math.copysign(math.inf, excess) if run.chsh_error == 0 else excess / run.chsh_error

    @property
    def alarm(self) -> bool:
        """Whether the Bell test fails: ``S`` does not exceed 2 by :data:`ALARM_STANDARD_ERRORS`."""
        return not self.margin > ALARM_STANDARD_ERRORS


def _pi_text(angle: float) -> str:
    """An angle that is a simple multiple of pi, as ``"0"``, ``"π/4"`` or ``"3π/4"``."""
    ratio = Fraction(angle / math.pi).limit_denominator(16)
    if ratio == 0:
        return "0"
    numerator = "" if ratio.numerator == 1 else str(ratio.numerator)
    return f"{numerator}π" if ratio.denominator == 1 else f"{numerator}π/{ratio.denominator}"


def _signed(value: float) -> str:
    """A correlation with its sign, with a true minus sign: ``"+0.71"``, ``"−0.71"``."""
    text = number_text(value)
    return text.replace("-", "−") if text.startswith("-") else f"+{text}"


_ROLES = {
    **{(i, j): ("key", "strong") for i, j in E91_KEY_SETTINGS},
    **{(i, j): (f"CHSH\u00a0{'+' if sign > 0 else '−'}", "plain") for i, j, sign in E91_CHSH_SETTINGS},
}


def settings_grid(reading: E91Reading) -> TablePicture:
    """The 3 x 3 grid of settings: each cell's role (key, CHSH test) and its correlation ``E``."""
    run, exact, counts = reading.run, reading.stats.correlations, reading.cell_counts
    rows = []
    for i, alice in enumerate(ALICE_ANGLES):
        cells = []
        for j in range(len(BOB_ANGLES)):
            role, tone = _ROLES.get((i, j), ("", "plain"))
            measured = run.correlations[i, j]
            # no-break spaces: a narrow table breaks a cell only after its colon
            value = "no\u00a0pairs" if math.isnan(measured) else f"E\u00a0=\u00a0{_signed(measured)}"
            title = f"exact E = {_signed(exact[i][j])}; {counts[i][j]:,} pairs"
            cells.append(TableCell(f"{role}: {value}" if role else value, tone, title=title))
        rows.append(TableRow(f"Alice {_pi_text(alice)}", tuple(cells)))
    caption = (
        f"Correlation E = P(same bits) − P(different bits) for each pair of angles, in this run of "
        f"{run.n_pairs:,} pairs. key: same angle, the bits are the key (QBER = (1 − E)/2); "
        "CHSH ±: the Bell test, with each E's sign in S."
    )
    headers = ("angles", *(f"Bob {_pi_text(b)}" for b in BOB_ANGLES))
    return TablePicture(caption, headers, tuple(rows))


class E91Panel(Panel):
    """E91: Alice and Bob make a key from entangled pairs and test them for an eavesdropper.

    Each measures her or his half of every ``Phi+`` pair at one of three angles, chosen at
    random. The grid of settings shows which pairs give key bits (same angle: 2/9 of them) and
    which test Bell's inequality; the chart compares the CHSH value ``S`` with the classical
    bound 2 and Tsirelson's ``2 sqrt(2)``. If ``S`` does not clearly exceed 2, the pairs may
    have a local description, so someone may know the key: the alarm.

    Notes
    -----
    ``result`` is an :class:`E91Reading`. The physics is :mod:`qwidgets.physics.e91` (Ekert,
    PRL 67, 661, 1991).
    """

    title = "E91: a key from entangled pairs"
    stochastic = True
    parameters = (
        Choice(
            "attack",
            "Eve",
            "none",
            "whether an eavesdropper measures Bob's qubits on their way",
            options=(
                ("none", "none", "no eavesdropper"),
                (
                    "intercept-resend",
                    "intercept-resend",
                    "Eve measures Bob's qubit and sends on what she saw",
                ),
            ),
            button_width="auto",
        ),
        Number(
            "fraction",
            "Eve's share",
            1.0,
            "the share of the pairs whose qubit Eve measures",
            low=0.0,
            high=1.0,
            step=0.01,
            when={"attack": ("intercept-resend",)},
        ),
        Choice(
            "eve_basis",
            "Eve measures in",
            "random",
            "the basis Eve measures Bob's qubit in",
            options=(
                ("random", "random", "Z or X at random, pair by pair"),
                ("Z", "Z", "always Z"),
                ("X", "X", "always X"),
                ("breidbart", "Breidbart", "halfway between Z and X"),
            ),
            button_width="auto",
            when={"attack": ("intercept-resend",)},
        ),
        Number(
            "noise",
            "Noise",
            0.0,
            "the channel's own error: the chance that it flips Bob's bit, in every basis",
            low=0.0,
            high=0.5,
            step=0.01,
        ),
        Integer("n_pairs", "Pairs", 9000, "entangled pairs the source sends", low=100, high=1_000_000),
    )
    control_rows = (
        ("attack", "fraction"),
        ("eve_basis",),
        ("noise", "n_pairs", "seed", "new_run"),
    )

    def _setup(self) -> tuple[HtmlTable, LineChart]:
        self._chart = LineChart(
            xlabel="Eve's share of the pairs",
            ylabel="CHSH value S",
            xlim=(0.0, 1.0),
            ylim=_S_RANGE,
            n_curves=4,
            n_markers=2,
            legend="lower left",
        )
        return HtmlTable(), self._chart

    def _compute(
        self, *, attack: str, fraction: float, eve_basis: str, noise: float, n_pairs: int, seed: int
    ) -> E91Reading:
        eve = InterceptResend(fraction, eve_basis) if attack == "intercept-resend" else None
        run = simulate_e91(n_pairs, eve=eve, noise=noise, rng=seed)
        cells = np.bincount(run.alice_settings * 3 + run.bob_settings, minlength=9).reshape(3, 3)
        if eve is None:
            text = "No eavesdropper"
        else:
            text = f"Eve measures Bob's qubit of {fraction:.0%} of the pairs, {_BASIS_WORDS[eve_basis]}"
        return E91Reading(
            attack=text,
            eve_fraction=0.0 if eve is None else fraction,
            noise=noise,
            run=run,
            cell_counts=tuple(tuple(int(n) for n in row) for row in cells),
            stats=_statistics(eve, noise),
            chsh_without_eve=_statistics(None, noise).chsh,
            chsh_with_eve=_statistics(InterceptResend(1.0, eve_basis), noise).chsh,
        )

    def _draw(self, result: E91Reading) -> tuple[TablePicture, ChartPicture]:
        run, x = result.run, result.eve_fraction
        sampled = CLASSICAL_CHSH_BOUND if math.isnan(run.chsh) else run.chsh
        error = 0.0 if math.isnan(run.chsh_error) else run.chsh_error
        chart = ChartPicture(
            curves=(
                Curve(
                    "exact S, Eve's share varied",
                    (0.0, 1.0),
                    (result.chsh_without_eve, result.chsh_with_eve),
                    color="exact",
                ),
                Curve(
                    "Tsirelson bound 2√2", (0.0, 1.0), (TSIRELSON_BOUND,) * 2, color="sky_blue", style="-."
                ),
                Curve(
                    "classical bound 2", (0.0, 1.0), (CLASSICAL_CHSH_BOUND,) * 2, color="orange", style="--"
                ),
                Curve("", (x, x), (sampled - error, sampled + error), color="event"),
            ),
            markers=(
                Marker("this run ± 1 s.e.", x, sampled, color="event", filled=False),
                Marker("exact, these settings", x, result.stats.chsh, color="exact"),
            ),
            title="The Bell test: S against Eve's share",  # one title: a verdict in it redrew the figure
        )
        return settings_grid(result), chart

    def _describe(self, result: E91Reading) -> tuple[str, ...]:
        run, stats = result.run, result.stats
        noise = f", channel noise {result.noise:.0%}" if result.noise > 0 else ""
        qber = "none" if math.isnan(run.qber) else f"{run.qber:.1%}"
        tested = sum(result.cell_counts[i][j] for i, j, _ in E91_CHSH_SETTINGS)
        lines = [
            f"{result.attack}{noise}: {run.key_length:,} of {run.n_pairs:,} pairs had the same angle "
            f"(2/9 expected: {run.n_pairs * E91_KEY_FRACTION:,.0f}), a {run.key_length:,}-bit key "
            f"with QBER {qber} (expected {stats.qber:.1%}).",
        ]
        if math.isnan(run.chsh):
            lines.append(
                "Bell test: a CHSH setting got no pair in this run, so S is unknown: send more pairs."
            )
        else:
            lines.append(
                f"Bell test on {tested:,} pairs: S = {number_text(run.chsh)} ± {number_text(run.chsh_error)} "
                f"(exact {number_text(stats.chsh)}; classical bound 2, Tsirelson bound 2√2 = "
                f"{number_text(TSIRELSON_BOUND)})."
            )
        lines.append(Highlight(_verdict(result)))
        return tuple(lines)


def _verdict(reading: E91Reading) -> str:
    """The alarm, or its absence, with the margin in standard errors."""
    margin = reading.margin
    if not reading.alarm:
        above = "many" if math.isinf(margin) else f"{margin:.0f}"
        return (
            f"No alarm: S exceeds 2 by {above} standard errors, so the pairs are still entangled and "
            "Alice and Bob keep the key; the further S falls below 2√2, the more Eve may know, and the "
            "more privacy amplification must remove."
        )
    if math.isnan(margin):
        how = ""
    elif math.isinf(margin):
        how = " (it is below 2)"
    else:
        how = f" (it is {number_text(abs(margin), 1)} standard errors {'above' if margin > 0 else 'below'} 2)"
    return (
        f"Alarm: S does not exceed 2 by {ALARM_STANDARD_ERRORS} standard errors{how}, so the pairs may "
        "have been measured on the way: Eve (or the noise) may know the key, and they abort."
    )
