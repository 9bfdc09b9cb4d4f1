"""BB84Panel: the BB84 protocol step by step, photon by photon, beside the totals of the run.

Stage 1 of the Delft roadmap (prepare-and-measure). The student walks through the five phases
of BB84 (Bennett & Brassard 1984; see :mod:`qwidgets.physics.qkd`): Alice sends, Bob measures
(an intercept-resend eavesdropper may measure first), they compare bases, check a sample, and
keep the key. A table shows the first photons, its columns revealed phase by phase; the key
funnel shows the whole run; the summary says what the phase did and who knows what.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from qwidgets.panels.base import Panel
from qwidgets.panels.parameters import Action, Choice, Integer, Number
from qwidgets.panels.summary import Highlight, number_text
from qwidgets.panels.tables import HtmlTable, TableCell, TablePicture, TableRow
from qwidgets.physics import (
    BB84Run,
    BB84Stats,
    CheckSample,
    InterceptResend,
    bb84_statistics,
    check_sample,
    secret_key_fraction,
    security_threshold,
    simulate_bb84,
)
from qwidgets.plots.funnel import FunnelBar, FunnelPicture, KeyFunnel

__all__ = ["POLARISATIONS", "STEPS", "TABLE_ROWS", "BB84Panel", "BB84Reading", "photon_table"]

STEPS: tuple[tuple[str, str, str], ...] = (
    ("send", "1 send", "Alice sends each photon with a random bit in a random basis, Z or X"),
    (
        "measure",
        "2 measure",
        "Bob measures each photon in a random basis of his own; Eve may measure and resend some first",
    ),
    (
        "sift",
        "3 compare bases",
        "Alice and Bob announce their bases (not their bits) and keep only the photons "
        "measured in the same basis",
    ),
    (
        "check",
        "4 check a sample",
        "they compare a random sample of the kept bits in public to estimate the error rate, "
        "then throw those bits away",
    ),
    (
        "key",
        "5 keep the key",
        "the kept bits nobody checked are the key, if the estimated error rate is below the threshold",
    ),
)
"""The phases of the protocol: ``(value, button label, what happens)``."""
_STEP_VALUES = tuple(value for value, _, _ in STEPS)
_LABELS = {value: label for value, label, _ in STEPS}
SEND, MEASURE, SIFT, CHECK, KEY = range(1, 6)  # phase numbers, as on the buttons


def _phase(step: str) -> int:
    """The number of the phase ``step``, 1 (send) to 5 (key)."""
    return _STEP_VALUES.index(step) + 1


POLARISATIONS = MappingProxyType(
    {
        ("Z", 0): ("↔", "horizontal"),
        ("Z", 1): ("↕", "vertical"),
        ("X", 0): ("⤢", "diagonal"),
        ("X", 1): ("⤡", "anti-diagonal"),
    }
)
"""The photon Alice sends for each ``(basis, bit)``: its symbol and its polarisation in words."""
TABLE_ROWS = 20
"""Photons shown in the table."""
_NOT_APPLICABLE = TableCell("—")
# Words of the table's verdicts; no-break spaces keep each phrase whole, so a narrow table breaks
# them only after the colon.
_KEEP, _DROP = "keep", "drop"  # under the header "same basis?": compact enough for a narrow screen
_AGREE, _DIFFER, _ERROR = "agree\u00a0✓", "differ\u00a0✗", "✗\u00a0error"


@dataclass(frozen=True)
class BB84Reading:
    """What a :class:`BB84Panel` shows.

    Attributes
    ----------
    step : str
        The phase shown, one of the values of :data:`STEPS`.
    run : BB84Run
        The whole run, photon by photon.
    check : CheckSample or None
        The bits compared in public; ``None`` before phase 4, when no sample is drawn yet.
    expected : BB84Stats
        The exact expected figures for these settings (QBER, sift fraction).
    eve_fraction : float
        Share of the photons Eve intercepts (0: no eavesdropper).
    asked : int
        Bits the student asked to compare; the check takes all the sifted bits if there are fewer.
    """

    step: str
    run: BB84Run
    check: CheckSample | None
    expected: BB84Stats
    eve_fraction: float
    asked: int

    @property
    def phase(self) -> int:
        """The phase number, 1 (send) to 5 (key)."""
        return _phase(self.step)

    @property
    def aborted(self) -> bool:
        """Whether the check estimated a QBER at or above the security threshold."""
        return self.check is not None and self.check.estimated_qber >= _threshold()

    @property
    def unchecked(self) -> np.ndarray:
        """``bool`` per photon: in the sifted key and not compared in public (the key, from phase 4)."""
        unchecked = self.run.sifted.copy()
        if self.check is not None:
            unchecked[self.check.positions] = False
        return unchecked

    @property
    def intercepted(self) -> int:
        """Photons Eve measured and resent."""
        return int(np.count_nonzero(self.run.eve_bases >= 0))

    @property
    def sifted_errors(self) -> int:
        """Wrong bits in the sifted key (Bob's bit differs from Alice's)."""
        return int(np.count_nonzero(self.run.errors))

    @property
    def key_errors(self) -> int:
        """Wrong bits among the unchecked sifted bits (all the sifted key's before phase 4)."""
        return self.sifted_errors - (0 if self.check is None else self.check.errors)

    def eve_knows(self, where: np.ndarray) -> int:
        """How many of the photons marked in ``where`` Eve measured in Alice's basis: their bits she knows."""
        run = self.run
        return int(np.count_nonzero(where & (run.eve_bases == run.alice_bases)))


@dataclass(frozen=True)
class _Photon:
    """One row of the table: a photon's records and its fate."""

    number: int
    alice_bit: int
    alice_basis: str
    eve: str | None
    bob_bit: int
    bob_basis: str
    kept: bool
    checked: bool


@dataclass(frozen=True)
class _Column:
    """A column of the photon table: its header, the phase that reveals it, and its cells."""

    header: str
    phase: int
    cell: Callable[[_Photon], TableCell]
    eve_only: bool = False


def _sent(photon: _Photon) -> TableCell:
    symbol, name = POLARISATIONS[photon.alice_basis, photon.alice_bit]
    return TableCell(symbol, "symbol", title=name)


def _bases(photon: _Photon) -> TableCell:
    return TableCell(_KEEP, "strong") if photon.kept else TableCell(_DROP)


def _check(photon: _Photon) -> TableCell:
    if not photon.checked:
        return _NOT_APPLICABLE
    if photon.bob_bit == photon.alice_bit:
        return TableCell(_AGREE)
    return TableCell(_DIFFER, "alert")


def _key(photon: _Photon) -> TableCell:
    if not photon.kept or photon.checked:
        return _NOT_APPLICABLE
    if photon.bob_bit != photon.alice_bit:
        return TableCell(_ERROR, "alert", title="Bob's bit differs: error correction must fix it")
    return TableCell(str(photon.alice_bit), "strong")


_COLUMNS = (
    _Column("Alice's bit", SEND, lambda p: TableCell(str(p.alice_bit))),
    _Column("Alice's basis", SEND, lambda p: TableCell(p.alice_basis)),
    _Column("sent", SEND, _sent),
    _Column("Eve measured", MEASURE, lambda p: TableCell(p.eve) if p.eve else _NOT_APPLICABLE, eve_only=True),
    _Column("Bob's basis", MEASURE, lambda p: TableCell(p.bob_basis)),
    _Column("Bob's bit", MEASURE, lambda p: TableCell(str(p.bob_bit))),
    _Column("same basis?", SIFT, _bases),
    _Column("checked", CHECK, _check),
    _Column("key", KEY, _key),
)


def _photons(reading: BB84Reading) -> list[_Photon]:
    """The first :data:`TABLE_ROWS` photons of the run, with what is known of each by the end."""
    run = reading.run
    shown = min(TABLE_ROWS, run.n_photons)
    names = run.basis_names
    positions = np.empty(0, dtype=int) if reading.check is None else reading.check.positions
    checked = set(positions[positions < shown].tolist())
    photons = []
    for i in range(shown):
        eve_basis = int(run.eve_bases[i])
        photons.append(
            _Photon(
                number=i + 1,
                alice_bit=int(run.alice_bits[i]),
                alice_basis=names[run.alice_bases[i]],
                eve=None if eve_basis < 0 else f"{names[eve_basis]} → {run.eve_results[i]}",
                bob_bit=int(run.bob_results[i]),
                bob_basis=names[run.bob_bases[i]],
                kept=bool(run.sifted[i]),
                checked=i in checked,
            )
        )
    return photons


def photon_table(reading: BB84Reading) -> TablePicture:
    """The table of the first photons, with the columns that the reading's phase has revealed."""
    phase = reading.phase
    columns = [c for c in _COLUMNS if c.phase <= phase and (reading.eve_fraction > 0 or not c.eve_only)]
    key = "Z basis: ↔ 0, ↕ 1; X basis: ⤢ 0, ⤡ 1"
    if any(c.eve_only for c in columns):
        key += "; Eve: her basis → her bit"
    caption = (
        f"The first {min(TABLE_ROWS, reading.run.n_photons)} of {reading.run.n_photons:,} photons ({key})"
    )
    if phase == KEY and reading.aborted:
        caption += ". The error rate is too high: they abort and keep none of these bits"
    rows = tuple(
        TableRow(
            str(photon.number),
            tuple(column.cell(photon) for column in columns),
            dimmed=phase >= SIFT and not photon.kept,
        )
        for photon in _photons(reading)
    )
    return TablePicture(caption + ".", ("#", *(c.header for c in columns)), rows)


def _threshold() -> float:
    """The BB84 security threshold as the summary shows it, 11.0 %: an estimate that rounds to it
    leaves no secret key (the key fraction ``1 - 2 h2(Q)`` is below 0.001 there), so they abort."""
    return round(security_threshold(), 3)


def _percent(fraction: float) -> str:
    return f"{number_text(100 * fraction, 1)} %"


def _funnel(reading: BB84Reading) -> FunnelPicture:
    """The whole run's funnel: later stages faint (already settled) or hidden (not drawn yet)."""
    run, check, phase = reading.run, reading.check, reading.phase
    sifted = FunnelBar(
        run.sifted_key_length,
        reading.sifted_errors,
        "solid" if phase >= SIFT else "faint",
        "" if phase >= SIFT else "after step 3",
    )
    if check is None:
        checked = FunnelBar(0, look="hidden", note="after step 4")
        key = FunnelBar(0, look="hidden", note="after step 5")
        status = "QBER: estimated in step 4"
    else:
        checked = FunnelBar(check.n_checked, check.errors)
        if phase < KEY:
            key = FunnelBar(check.key_length, reading.key_errors, "faint", "after step 5")
        elif reading.aborted:
            key = FunnelBar(check.key_length, reading.key_errors, "faint", "abort: no key")
        else:
            key = FunnelBar(check.key_length, reading.key_errors)
        status = (
            f"Estimated QBER {_percent(check.estimated_qber)}: {'abort' if reading.aborted else 'keep a key'}"
        )
    return FunnelPicture(
        (FunnelBar(run.n_photons), sifted, checked, key),
        run.n_photons,
        f"The whole run: {run.n_photons:,} photons",
        status,
        f"abort at {_percent(_threshold())} or more",
        alarm=reading.aborted,
    )


class BB84Panel(Panel):
    """BB84 step by step: what Alice sends, what Bob measures, which bits they keep, and why.

    Step through the five phases with the buttons: the table reveals, photon by photon, what each
    phase adds for the first 20 photons; the key funnel shows the whole run. An intercept-resend
    eavesdropper (``eve_fraction``) and the channel's own noise (``noise``) cause errors, which
    the public check of ``n_checked`` bits reveals.

    Notes
    -----
    Buttons: ``back`` and ``next`` (one phase back or on; nothing happens at the ends) and
    ``new_run``. The check sample is drawn from phase 4 on; when fewer bits were kept than
    ``n_checked``, all of them are compared (and none is left for a key). ``result`` is a
    :class:`BB84Reading`.
    """

    title = "BB84 step by step"
    stochastic = True
    parameters = (
        Choice(
            "step",
            "Step",
            "send",
            "the phase of the protocol shown",
            options=STEPS,
            button_width="auto",  # the phases' labels are words, not letters
        ),
        Integer(
            "n_photons",
            "Photons",
            1000,
            "photons Alice sends in the whole run",
            low=24,
            high=1_000_000,
        ),
        Number(
            "eve_fraction",
            "Eve intercepts",
            0.0,
            "share of the photons an eavesdropper measures in a random basis and resends",
            low=0.0,
            high=1.0,
            step=0.05,
        ),
        Number(
            "noise",
            "Channel noise",
            0.0,
            "the channel's own error: the chance that it flips a photon's bit",
            low=0.0,
            high=0.25,
            step=0.01,
        ),
        Integer(
            "n_checked",
            "Bits checked",
            100,
            "bits of the sifted key compared in public (at most the sifted key's length)",
            low=1,
            high=1_000_000,
        ),
    )
    actions = (
        Action("back", "Back", "one phase back (nothing before step 1)", "_move", (-1,), icon="arrow-left"),
        Action(
            "next",
            "Next step",
            "on to the next phase (nothing after step 5)",
            "_move",
            (1,),
            icon="arrow-right",
        ),
    )
    control_rows = (
        ("step", "back", "next"),
        ("eve_fraction", "noise"),
        ("n_photons", "n_checked", "seed", "new_run"),
    )

    def _move(self, delta: int) -> None:
        index = _STEP_VALUES.index(self.params["step"]) + delta
        if 0 <= index < len(_STEP_VALUES):
            self._set_param("step", _STEP_VALUES[index])

    def _setup(self) -> tuple[HtmlTable, KeyFunnel]:
        return HtmlTable(), KeyFunnel()

    def _compute(
        self, *, step: str, n_photons: int, eve_fraction: float, noise: float, n_checked: int, seed: int
    ) -> BB84Reading:
        eve = InterceptResend(eve_fraction) if eve_fraction > 0 else None
        run = simulate_bb84(n_photons, eve=eve, noise=noise, rng=seed)
        check = None
        if _phase(step) >= CHECK:  # its own stream: the same run, whatever is checked; at most all they have
            checked = min(n_checked, run.sifted_key_length)
            check = check_sample(run, checked, rng=np.random.default_rng((seed, 1)))
        return BB84Reading(step, run, check, bb84_statistics(eve=eve, noise=noise), eve_fraction, n_checked)

    def _draw(self, result: BB84Reading) -> tuple[TablePicture, FunnelPicture]:
        return photon_table(result), _funnel(result)

    def _describe(self, result: BB84Reading) -> tuple[str, ...]:
        lines = [Highlight(f"{_LABELS[result.step]}: {_what_happens(result)}")]
        if result.check is not None:
            lines.append(_check_outcome(result))
        lines.append(f"Who knows what: {_who_knows(result)}")
        return tuple(lines)


def _what_happens(reading: BB84Reading) -> str:
    """The summary's first line: what this phase does, with the run's totals."""
    run, check, phase = reading.run, reading.check, reading.phase
    n = run.n_photons
    if phase == SEND:
        return (
            f"Alice sends {n:,} photons, each carrying a random bit in a random basis: "
            "Z (↔ is 0, ↕ is 1) or X (⤢ is 0, ⤡ is 1)."
        )
    if phase == MEASURE:
        text = (
            f"Bob measures each of the {n:,} photons in a random basis of his own; "
            "where it is not Alice's, his bit is a coin toss."
        )
        if reading.eve_fraction > 0:
            text += (
                f" Before him, Eve intercepted {reading.intercepted:,} photons, measured each in a random "
                "basis and resent what she found."
            )
        return text
    if phase == SIFT:
        return (
            f"Alice and Bob announce their bases (not their bits) and keep the {run.sifted_key_length:,} "
            f"of {n:,} photons measured in the same basis (on average "
            f"{_percent(reading.expected.sift_fraction)}: their bases agree by chance)."
        )
    if phase == CHECK:
        return (
            f"Alice and Bob compare {check.n_checked:,} random bits of the {run.sifted_key_length:,} "
            "kept ones in public, to estimate the error rate (QBER)."
        )
    if reading.aborted:
        return (
            f"the estimated QBER is at or above {_percent(_threshold())}, so they throw all "
            f"{check.key_length:,} remaining bits away: no key from this run."
        )
    secret = round(check.key_length * secret_key_fraction(check.estimated_qber))
    return (
        f"the {check.key_length:,} kept bits nobody checked are the key; {reading.key_errors:,} of them "
        "differ between Alice and Bob. After error correction and privacy amplification about "
        f"{secret:,} secret bits remain (Shor-Preskill rate 1 − 2h(QBER), for long keys)."
    )


def _check_outcome(reading: BB84Reading) -> str:
    """The check's outcome: how many compared bits differ, the estimate, and the verdict."""
    check = reading.check
    threshold = _percent(_threshold())
    verdict = (
        f"at or above the {threshold} threshold, so they abort"
        if reading.aborted
        else f"below the {threshold} threshold, so they can make a key"
    )
    fewer = (
        f"only {run_kept:,} bits were kept, so all are compared and none is left for a key; "
        if (run_kept := reading.run.sifted_key_length) < reading.asked
        else ""
    )
    differ = "differs" if check.errors == 1 else "differ"
    return (
        f"{fewer}{check.n_checked:,} bits compared: {check.errors:,} {differ}, estimated QBER "
        f"{_percent(check.estimated_qber)} (expected for these settings: {_percent(reading.expected.qber)}); "
        f"{verdict}."
    )


def _who_knows(reading: BB84Reading) -> str:
    """Who knows what after this phase: Alice, Bob, Eve and everyone listening."""
    run, check, phase = reading.run, reading.check, reading.phase
    eve = reading.eve_fraction > 0
    if phase == SEND:
        return "only Alice knows the bits and the bases."
    if phase == MEASURE:
        text = "Alice knows her bits and bases, Bob his bases and results"
        if eve:
            text += f", Eve her results for the {reading.intercepted:,} photons she measured"
        return text + "; nobody knows yet which of Bob's bits match Alice's."
    if phase == SIFT:
        text = (
            f"everyone knows the bases now; only Alice and Bob know the {run.sifted_key_length:,} kept bits"
        )
        if eve:
            text += (
                f", except that Eve knows the {reading.eve_knows(run.sifted):,} she measured in Alice's basis"
            )
        return text + "."
    unchecked = reading.unchecked
    if phase == CHECK:
        text = (
            f"the {check.n_checked:,} checked bits are public now, so they are thrown away; "
            f"the other {check.key_length:,} kept bits stay private"
        )
        if eve:
            text += f" (Eve knows {reading.eve_knows(unchecked):,} of them)"
        return text + "."
    if reading.aborted:
        return "nothing is kept; Alice and Bob must start again, perhaps on another line."
    text = (
        f"Alice and Bob share the key, up to its {reading.key_errors:,} wrong bits, which error correction "
        "must fix; privacy amplification must make what Eve may know of it useless"
    )
    if eve:
        text += f" (here she knows {reading.eve_knows(unchecked):,} key bits for sure)"
    return text + "."
