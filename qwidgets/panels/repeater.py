"""RepeaterPanel: a quantum repeater chain, its fidelity and rate, and one nested swap step by step.

Stage 3 of the Delft roadmap (Wehner, Elkouss & Hanson, Science 362, eaam9288, 2018) needs
quantum memories: a repeater does not amplify, it splits the line into heralded segments whose
pairs wait in memory, are joined by entanglement swapping (Żukowski et al., PRL 71, 4287, 1993)
level by level, optionally purified (Deutsch et al., PRL 77, 2818, 1996; Bennett et al., PRL 76,
722, 1996), and must survive the classical messages. The nested scheme is that of Briegel, Dür,
Cirac & Zoller (PRL 81, 5932, 1998). Every number comes from :mod:`qwidgets.physics.repeaters`
and :mod:`qwidgets.physics.memories`.
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass

import numpy as np

from qwidgets.panels.base import Panel
from qwidgets.panels.parameters import Action, Choice, Integer, Number
from qwidgets.panels.summary import Highlight, count_text, distance_text, number_text, rate_text, time_text
from qwidgets.panels.tables import HtmlTable, TableCell, TablePicture, TableRow
from qwidgets.physics import (
    NESTED_SEGMENTS,
    RepeaterChain,
    nested_swap_levels,
    repeater_chain,
    repeater_key_rate,
    stored_pair_fidelity,
    swap_fidelity,
)
from qwidgets.plots import ChartPicture, Curve, LineChart, Marker, SwapDiagram, SwapPicture

__all__ = ["MAX_STEPS", "RepeaterCurves", "RepeaterPanel", "RepeaterReading", "SwapStage"]

MAX_DISTANCE_KM = 1000.0
"""The far end of the panel's distance axis and of its length slider."""
MAX_LEVELS = len(NESTED_SEGMENTS) - 1
MAX_STEPS = MAX_LEVELS + 2
"""Steps of the longest walk-through: heralding, one per swap level, the messages."""
_GRID_KM = tuple(float(d) for d in np.linspace(10.0, MAX_DISTANCE_KM, 100))  # the length slider's steps
_FIDELITY_RANGE = (0.25, 1.0)  # a Werner pair's fidelity: 1/4 (white noise) to 1
_RATE_RANGE = (1e-3, 1e5)  # per second, on the log axis
_FRESH_FIDELITY = 0.98  # of a freshly heralded pair, fixed
_T2_OPTIONS = (0.01, 0.1, 1.0, 10.0, 100.0)
_T2_LABELS = ("10 ms", "0.1 s", "1 s", "10 s", "100 s")


def _segments_text(n_segments: int) -> str:
    return f"{n_segments} segment{'s' if n_segments > 1 else ''}"


def _pairs_text(per_s: float) -> str:
    """A pair rate in words: ``"12 pairs/s"``, ``"one every 3.1 min"``, ``"none"``."""
    if per_s <= 0:
        return "none"
    if math.isinf(per_s):
        return "unlimited"
    if per_s >= 1:
        return f"{per_s:,.3g} pairs/s"
    return f"one every {time_text(1 / per_s)}"


@dataclass(frozen=True)
class SwapStage:
    """One step of the walk-through: the pairs that exist after it.

    Attributes
    ----------
    name : str
        Short name (``"heralding"``, ``"swap level 2"``, ``"messages"``).
    what : str
        What happens, in a sentence.
    level : int
        Level of the pairs that exist (0: one per segment).
    n_pairs : int
        How many there are.
    span_km : float
        The distance each spans.
    fidelity_before, fidelity : float or None
        The fidelity of the pairs this step starts from, and of the pairs it leaves (after a swap,
        or after waiting in memory); ``None`` for a step not reached yet.
    wait_s : float
        The time a pair waits in memory during this step (0: the swaps are instant).
    swapping : tuple of int
        The nodes making a Bell measurement in this step.
    """

    name: str
    what: str
    level: int
    n_pairs: int
    span_km: float
    fidelity_before: float | None
    fidelity: float | None
    wait_s: float
    swapping: tuple[int, ...] = ()


@dataclass(frozen=True)
class RepeaterCurves:
    """The chain against distance (on :data:`_GRID_KM`), for one choice of the other settings."""

    fidelities: tuple[float, ...]
    pairs_per_s: tuple[float, ...]
    keys_bits_per_s: tuple[float, ...]
    direct_pairs_per_s: tuple[float, ...]


@dataclass(frozen=True)
class RepeaterReading:
    """What a :class:`RepeaterPanel` shows.

    Attributes
    ----------
    chain : RepeaterChain
        The chain at the cursor (analytic mode).
    direct : RepeaterChain
        One heralded link over the same length, with the same memories and purification.
    key_rate_bits_per_s : float
        Secret bits per second from the chain's pairs (:func:`~qwidgets.physics.repeater_key_rate`).
    memory_t2_s : float
        The memories' coherence time.
    purification_rounds : int
        Rounds of purification on each segment.
    protocol : str
        The purification protocol.
    stages : tuple of SwapStage
        The walk-through, one stage per step.
    step : int
        The step shown (1 to ``len(stages)``).
    curves : RepeaterCurves
        Fidelity and rates against distance.
    """

    chain: RepeaterChain
    direct: RepeaterChain
    key_rate_bits_per_s: float
    memory_t2_s: float
    purification_rounds: int
    protocol: str
    stages: tuple[SwapStage, ...]
    step: int
    curves: RepeaterCurves

    @property
    def stage(self) -> SwapStage:
        """The stage shown."""
        return self.stages[self.step - 1]


@functools.lru_cache(maxsize=512)
def _chain(length_km: float, n_segments: int, rounds: int, protocol: str, t2: float) -> RepeaterChain:
    """The chain, analytic (cached: stepping through the swap does not compute it again)."""
    return repeater_chain(
        length_km,
        n_segments,
        memory_t2_s=t2,
        purification_rounds=rounds,
        link_fidelity=_FRESH_FIDELITY,
        protocol=protocol,
    )


@functools.lru_cache(maxsize=256)
def _curves(n_segments: int, rounds: int, protocol: str, t2: float) -> RepeaterCurves:
    """The chain and one direct link at every distance of the grid (cached: the cursor moves freely)."""
    chains = [_chain(d, n_segments, rounds, protocol, t2) for d in _GRID_KM]
    direct = [_chain(d, 1, rounds, protocol, t2) for d in _GRID_KM]
    return RepeaterCurves(
        tuple(c.fidelity for c in chains),
        tuple(c.rate_pairs_per_s for c in chains),
        tuple(repeater_key_rate(c) for c in chains),
        tuple(c.rate_pairs_per_s for c in direct),
    )


_HERALDING = (
    "each segment tries until its middle station heralds a pair; the first pairs wait in memory for the "
    "slowest segment"
)
_MESSAGES = (
    "the swap outcomes travel to Alice and Bob, whose memories keep ageing until the last arrives and "
    "they apply the Pauli corrections"
)


def _stages(chain: RepeaterChain, t2_s: float, step: int) -> tuple[SwapStage, ...]:
    """The walk-through up to ``step``: every pair waits the mean storage time, the swaps, the messages.

    Fidelities are computed for the steps reached so far only (a later one is ``None``): the
    walk-through tells what each step does to the pairs as it happens.
    """
    n = chain.n_segments
    plan = [("heralding", _HERALDING, 0, n, chain.segment_km, chain.mean_storage_s, ())]
    for level, swaps in enumerate(nested_swap_levels(n), start=1):
        middles = tuple(middle for _, middle, _ in swaps)
        what = (
            f"node{'s' if len(middles) > 1 else ''} {_nodes_text(middles)} make a Bell measurement on the "
            "two qubits they hold, joining the pairs on either side"
        )
        plan.append(
            (f"swap level {level}", what, level, len(swaps), chain.segment_km * 2**level, 0.0, middles)
        )
    if n > 1:
        plan.append(("messages", _MESSAGES, plan[-1][2], 1, chain.length_km, chain.classical_time_s, ()))
    stages, fidelity = [], chain.link_fidelity
    for index, (name, what, level, n_pairs, span_km, wait_s, swapping) in enumerate(plan, start=1):
        if index > step:
            before = after = None
        elif swapping:
            before, after = fidelity, swap_fidelity(fidelity, fidelity)
        else:
            before, after = fidelity, stored_pair_fidelity(wait_s, t2_s, 2, fidelity=fidelity)
        fidelity = after
        stages.append(SwapStage(name, what, level, n_pairs, span_km, before, after, wait_s, swapping))
    return tuple(stages)


def _nodes_text(nodes: tuple[int, ...]) -> str:
    """``"4"``, ``"2 and 6"``, ``"1, 3, 5 and 7"`` (with more than eight, the first few)."""
    names = [str(node) for node in nodes]
    if len(names) > 8:
        return f"{', '.join(names[:3])}, …, {names[-1]}"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


class RepeaterPanel(Panel):
    """A nested quantum repeater: end-to-end fidelity and rate, and one nested swap step by step.

    The line from Alice to Bob is split into ``n_segments`` heralded segments with a repeater
    node (two quantum memories) between neighbours. The charts give, against distance, the
    end-to-end fidelity (dotted where it is too low for a key) and the pairs and secret bits per
    second, with a single heralded link over the whole distance for comparison; the cursor sits
    at ``length_km``. Below, step through one nested swap: which pairs exist after each step,
    their fidelity, and how the memories age while pairs wait for the slowest segment and while
    the swap outcomes travel to Alice and Bob.

    Notes
    -----
    Fixed settings: fresh pairs of fidelity 0.98, 0.2 dB/km fibre, herald detectors of 90 %
    efficiency (the last two the defaults of :func:`~qwidgets.physics.repeater_chain`). The charts and the
    summary give the chain's mean fidelity, averaged over when each segment succeeds; the
    walk-through lets every pair wait the mean storage time, so its last fidelity can differ a
    little. A ``step`` beyond the chain's last shows the last (a chain of 8 segments has 5
    steps). Buttons: ``back``, ``next`` and ``start_over``. ``result`` is a
    :class:`RepeaterReading`.
    """

    title = "A quantum repeater"
    parameters = (
        Number(
            "length_km",
            "Alice to Bob",
            600.0,
            "length of the whole chain along the fibre (the cursor on the charts)",
            low=10.0,
            high=MAX_DISTANCE_KM,
            step=10.0,
            unit="km",
        ),
        Choice(
            "n_segments",
            "Segments",
            8,
            "heralded segments the chain is split into (nested swapping needs a power of two)",
            options=tuple(
                (n, str(n), "one heralded link, no repeater node" if n == 1 else f"{n - 1} repeater nodes")
                for n in NESTED_SEGMENTS
            ),
            button_width="auto",
        ),
        Choice(
            "memory_t2_s",
            "Memory T₂",
            1.0,
            "coherence time of every quantum memory: a stored pair's coherences decay as exp(-t/T₂)",
            options=tuple((t2, label, f"T₂ = {label}") for t2, label in zip(_T2_OPTIONS, _T2_LABELS)),
            button_width="auto",
        ),
        Choice(
            "purification_rounds",
            "Purification rounds",
            0,
            "recurrence rounds on each segment: r rounds turn 2^r heralded pairs into one better pair",
            options=tuple(
                (
                    r,
                    str(r),
                    "no purification" if r == 0 else f"{2**r} pairs in, one out, if every round succeeds",
                )
                for r in range(4)
            ),
            button_width="2.6em",
        ),
        Choice(
            "protocol",
            "Protocol",
            "dejmps",
            "the purification protocol",
            options=(
                ("dejmps", "DEJMPS", "Deutsch et al. 1996: rotates the pairs, keeps them Bell-diagonal"),
                ("bbpssw", "BBPSSW", "Bennett et al. 1996: twirls the pairs to Werner form"),
            ),
            button_width="auto",
            when={"purification_rounds": (1, 2, 3)},
        ),
        Integer(
            "step",
            "Step",
            1,
            f"the step of the nested swap shown, 1 (heralding) to {MAX_STEPS} (a step beyond the chain's "
            "last shows the last)",
            low=1,
            high=MAX_STEPS,
        ),
    )
    actions = (
        Action("back", "Back", "one step back (nothing before step 1)", "_move", (-1,), icon="arrow-left"),
        Action(
            "next",
            "Next step",
            "on to the next step (nothing after the last)",
            "_move",
            (1,),
            icon="arrow-right",
        ),
        Action(
            "start_over",
            "Start over",
            "back to step 1: the segments herald their pairs",
            "_start_over",
            icon="undo",
        ),
    )
    control_rows = (
        ("length_km", "n_segments"),
        ("memory_t2_s", "purification_rounds", "protocol"),
        ("step", "back", "next", "start_over"),
    )

    def _move(self, delta: int) -> None:
        shown = self.result.step  # the stored step may lie beyond a short chain's last
        if 1 <= shown + delta <= len(self.result.stages):
            self._set_param("step", shown + delta)

    def _start_over(self) -> None:
        self._set_param("step", 1)

    def _setup(self) -> tuple[LineChart, LineChart, SwapDiagram, HtmlTable]:
        common = {"xlabel": "distance between Alice and Bob (km)", "xlim": (0.0, MAX_DISTANCE_KM)}
        fidelity = LineChart(
            ylabel="end-to-end fidelity",
            ylim=_FIDELITY_RANGE,
            n_curves=3,
            n_markers=1,
            legend="below",
            **common,
        )
        rates = LineChart(
            ylabel="per second",
            ylim=_RATE_RANGE,
            n_curves=4,
            n_markers=2,
            yscale="log",
            legend="below",
            **common,
        )
        return fidelity, rates, SwapDiagram(MAX_LEVELS), HtmlTable()

    def _compute(
        self,
        *,
        length_km: float,
        n_segments: int,
        memory_t2_s: float,
        purification_rounds: int,
        protocol: str,
        step: int,
    ) -> RepeaterReading:
        settings = (purification_rounds, protocol, memory_t2_s)
        chain = _chain(length_km, n_segments, *settings)
        stages = _stages(chain, memory_t2_s, step)
        return RepeaterReading(
            chain=chain,
            direct=_chain(length_km, 1, *settings),
            key_rate_bits_per_s=repeater_key_rate(chain),
            memory_t2_s=memory_t2_s,
            purification_rounds=purification_rounds,
            protocol=protocol,
            stages=stages,
            step=min(step, len(stages)),
            curves=_curves(n_segments, *settings),
        )

    def _draw(self, result: RepeaterReading) -> tuple[ChartPicture, ChartPicture, SwapPicture, TablePicture]:
        return _fidelity_chart(result), _rate_chart(result), _swap_picture(result), _stage_table(result)

    def _describe(self, result: RepeaterReading) -> tuple[str, ...]:
        chain, stage = result.chain, result.stage
        lines = [
            Highlight(
                f"Step {result.step} of {len(result.stages)}, {stage.name}: {stage.what}. "
                f"{_pairs_line(stage)}"
            ),
            _link_line(result),
            _end_to_end_line(result),
        ]
        if chain.n_segments > 1:
            lines.append(_memory_line(result))
        lines.append(_direct_line(result))
        return tuple(lines)


def _cursor(length_km: float, low: float, high: float) -> Curve:
    return Curve("", (length_km, length_km), (low, high), "scaffold", ":")


def _fidelity_chart(result: RepeaterReading) -> ChartPicture:
    """The fidelity against distance, solid while it gives a key and dotted beyond.

    The fidelity falls with distance (longer waits in memory), so the distances with a key are
    the first points of the grid; the two curves share the last of them, so the line is unbroken.
    """
    chain, curves = result.chain, result.curves
    keys = sum(1 for _ in itertools.takewhile(lambda rate: rate > 0, curves.keys_bits_per_s))
    rest = max(0, keys - 1)
    lines = (
        Curve("enough for a key", _GRID_KM[:keys], curves.fidelities[:keys], "state", "-"),
        Curve("too low for a key", _GRID_KM[rest:], curves.fidelities[rest:], "state", ":"),
        _cursor(chain.length_km, *_FIDELITY_RANGE),
    )
    here = Marker("", chain.length_km, chain.fidelity, "state")
    return ChartPicture(curves=lines, markers=(here,) if _FIDELITY_RANGE[0] <= chain.fidelity else ())


def _shown(values: tuple[float, ...]) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The grid points with a finite rate above zero (a log axis shows no others)."""
    keep = [(d, v) for d, v in zip(_GRID_KM, values) if 0 < v < math.inf]
    return tuple(d for d, _ in keep), tuple(v for _, v in keep)


def _rate_chart(result: RepeaterReading) -> ChartPicture:
    chain, curves = result.chain, result.curves
    d = chain.length_km
    lines = (
        Curve("pairs, this chain", *_shown(curves.pairs_per_s), "state", "-"),
        Curve("secret bits", *_shown(curves.keys_bits_per_s), "green", "--"),
        Curve("pairs, one link (no repeater)", *_shown(curves.direct_pairs_per_s), "orange", ":"),
        _cursor(d, *_RATE_RANGE),
    )
    points = (
        Marker("", d, chain.rate_pairs_per_s, "state"),
        Marker("", d, result.key_rate_bits_per_s, "green", symbol="s"),
    )
    return ChartPicture(
        curves=lines,
        markers=tuple(m for m in points if _RATE_RANGE[0] <= m.y <= _RATE_RANGE[1]),
    )


def _swap_picture(result: RepeaterReading) -> SwapPicture:
    stage, n = result.stage, result.chain.n_segments
    swapped = tuple(node for s in result.stages[: result.step - 1] for node in s.swapping)
    headline = f"Step {result.step} of {len(result.stages)}: {stage.name}"
    return SwapPicture(
        n_segments=n,
        level=stage.level,
        swapping=stage.swapping,
        swapped=swapped,
        headline=headline,
        status=_pairs_line(stage),
    )


def _pairs_line(stage: SwapStage) -> str:
    pairs = f"{stage.n_pairs} pair{'s' if stage.n_pairs > 1 else ''} of {distance_text(stage.span_km)}"
    if stage.swapping:
        return (
            f"{pairs}, fidelity {number_text(stage.fidelity, 3)}, each made from two pairs of "
            f"{number_text(stage.fidelity_before, 3)}."
        )
    if stage.wait_s > 0:
        return (
            f"{pairs}, fidelity {number_text(stage.fidelity_before, 3)} → {number_text(stage.fidelity, 3)} "
            f"after {time_text(stage.wait_s)} in memory."
        )
    return f"{pairs}, fidelity {number_text(stage.fidelity, 3)}."


def _stage_table(result: RepeaterReading) -> TablePicture:
    rows = []
    for index, stage in enumerate(result.stages, start=1):
        now = index == result.step
        if stage.fidelity is None:
            fidelity = "not made yet"
        elif stage.fidelity_before == stage.fidelity:
            fidelity = number_text(stage.fidelity, 3)
        else:
            fidelity = f"{number_text(stage.fidelity_before, 3)} → {number_text(stage.fidelity, 3)}"
        rows.append(
            TableRow(
                f"{index}",
                (
                    TableCell(stage.name, "strong" if now else "plain"),
                    TableCell(f"{stage.n_pairs} × {distance_text(stage.span_km)}"),
                    TableCell(fidelity, "strong" if now else "plain"),
                    TableCell(time_text(stage.wait_s) if stage.wait_s > 0 else "–"),
                ),
                dimmed=index > result.step,
            )
        )
    return TablePicture(
        "The nested swap, step by step (the step shown in bold; steps to come greyed)",
        ("step", "what", "pairs", "fidelity (before → after)", "wait in memory"),
        tuple(rows),
    )


def _link_line(result: RepeaterReading) -> str:
    chain = result.chain
    link = chain.link
    line = (
        f"{_segments_text(chain.n_segments)} of {distance_text(chain.segment_km)}: "
        f"each attempt ({time_text(link.attempt_time_s)}, the light's way to the middle station and the "
        f"herald's way back) succeeds with probability {link.success_probability:.2g}, so a segment "
        f"heralds a pair every {time_text(link.mean_time_s)} on average"
    )
    if result.purification_rounds:
        line += (
            f"; {result.purification_rounds} round{'s' if result.purification_rounds > 1 else ''} of "
            f"{result.protocol.upper()} purification raise its fidelity from {_FRESH_FIDELITY} to "
            f"{number_text(chain.link_fidelity, 3)} but succeed with probability "
            f"{chain.purification_success_probability:.2g} and use {2**result.purification_rounds} pairs"
        )
    return line + "."


def _end_to_end_line(result: RepeaterReading) -> str:
    chain = result.chain
    key = result.key_rate_bits_per_s
    secret = (
        f"as a key, {rate_text(key)}"
        if key > 0
        else "too noisy for a key (entanglement-based QKD needs about 0.83)"
    )
    return (
        f"End to end over {distance_text(chain.length_km)}: {_pairs_text(chain.rate_pairs_per_s)} "
        f"(one every {time_text(chain.mean_time_s)}) of mean fidelity {number_text(chain.fidelity, 3)}; "
        f"{secret}."
    )


def _memory_line(result: RepeaterReading) -> str:
    chain = result.chain
    return (
        f"Memories (T₂ = {time_text(result.memory_t2_s)}): a pair waits {time_text(chain.mean_storage_s)} "
        f"on average for the slowest segment, then the swap outcomes take "
        f"{time_text(chain.classical_time_s)} to reach Alice and Bob; a memory must outlive both."
    )


def _direct_line(result: RepeaterReading) -> str:
    direct, chain = result.direct, result.chain
    text = f"One heralded link over the whole {distance_text(chain.length_km)}: "
    text += _pairs_text(direct.rate_pairs_per_s)
    if chain.n_segments > 1 and direct.rate_pairs_per_s > 0:
        ratio = chain.rate_pairs_per_s / direct.rate_pairs_per_s
        if ratio >= 1:
            text += f"; the repeater makes pairs {count_text(ratio)} times faster"
        else:
            text += (
                f"; the repeater makes pairs {count_text(1 / ratio)} times slower: over so short a line its "
                "waits cost more than the loss it saves"
            )
    return text + "."
