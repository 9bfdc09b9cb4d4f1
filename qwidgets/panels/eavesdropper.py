"""EavesdropperPanel: the eavesdropper lab of stage 1, with the Eve challenge."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from qwidgets.panels.base import Panel
from qwidgets.panels.parameters import Choice, Integer, Number
from qwidgets.panels.summary import Highlight
from qwidgets.physics import (
    BB84Run,
    BB84Stats,
    CheckSample,
    CloningAttack,
    InterceptResend,
    PhotonNumberSplitting,
    bb84_statistics,
    binary_entropy,
    check_sample,
    decoy_alarm,
    decoy_alarm_probability,
    detection_probability,
    fiber_transmittance,
    secret_key_fraction,
    security_threshold,
    simulate_bb84,
)
from qwidgets.plots import ChartPicture, Curve, LineChart, Marker, Span

__all__ = ["EavesdropperPanel", "EavesdropperReading"]

ATTACKS = ("intercept-resend", "cloning", "photon-number splitting")
_PROTOCOLS = {"BB84": 2, "six-state": 3}
_PROTOCOL_NAMES = {"BB84": "bb84", "six-state": "six-state"}
_MAX_QBER = 0.4  # the information chart's x range
_FAMILY = np.linspace(0.0, 1.0, 21)  # attack strengths drawn as Eve's curve
_DECOY_RATIO = 5  # decoy pulses carry a fifth of the signal's mean photon number


@dataclass(frozen=True)
class EavesdropperReading:
    """What the eavesdropper lab shows.

    Attributes
    ----------
    attack : str
        Which attack, as described in the summary.
    protocol : str
        ``"BB84"`` or ``"six-state"``.
    stats : BB84Stats
        The exact expected figures.
    run : BB84Run
        The sampled run (the shared seed).
    check : CheckSample
        The bits Alice and Bob compare.
    threshold : float
        The protocol's security threshold (QBER).
    alarm_qber : float
        Error rate in the check above which Alice and Bob abort.
    alarm_probability : float
        Exact probability that the error check raises the alarm.
    decoy_alarm_probability, decoy_alarm : float, bool or None
        The same for the decoy check, and whether this run's decoys raised it (decoys only).
    eve_curve : tuple of tuple of float
        ``(qber, information)`` of the same attack at every strength.
    seed : int
        The run's seed, shared by a class for the Eve challenge.
    """

    attack: str
    protocol: str
    stats: BB84Stats
    run: BB84Run
    check: CheckSample
    threshold: float
    alarm_qber: float
    alarm_probability: float
    decoy_alarm_probability: float | None
    decoy_alarm: bool | None
    eve_curve: tuple[tuple[float, ...], tuple[float, ...]]
    seed: int

    @property
    def detected(self) -> bool:
        """Whether Alice and Bob abort in this run: too many errors, or missing decoys."""
        errors = self.check.n_checked > 0 and self.check.estimated_qber > self.alarm_qber
        return bool(errors or self.decoy_alarm)

    @property
    def bits_learned(self) -> int:
        """Eve's information about the key left after the check, in bits: her exact information
        per sifted bit times the key length (an estimate from the run itself would credit her with
        a few bits of sampling noise even when she does nothing)."""
        return round(self.stats.eve_information * self.check.key_length)


def _eavesdropper(
    attack: str, fraction: float, basis: str, distance_km: float, mean_photon_number: float, decoys: str
) -> InterceptResend | CloningAttack | PhotonNumberSplitting:
    """The eavesdropper the controls describe, at strength ``fraction``."""
    if attack == "intercept-resend":
        return InterceptResend(fraction=fraction, basis=basis)
    if attack == "cloning":
        return CloningAttack(fraction=fraction)
    return PhotonNumberSplitting(
        mean_photon_number=mean_photon_number,
        transmittance=fiber_transmittance(distance_km),
        decoy_photon_number=mean_photon_number / _DECOY_RATIO if decoys == "on" else None,
    )


class EavesdropperPanel(Panel):
    """The eavesdropper lab: attack BB84 (or the six-state protocol) and see what it costs Eve.

    Eve's information is plotted against the errors she causes, beside Bob's and the secret key
    fraction that error correction and privacy amplification leave; a second chart gives the
    probability that Alice and Bob's check raises the alarm. The summary ends with the Eve
    challenge: what Eve learned of this run's key (the shared seed), or that she was caught.

    Notes
    -----
    ``result`` is an :class:`EavesdropperReading`. Sources of the figures: see
    :mod:`qwidgets.physics.qkd` and :mod:`qwidgets.physics.keyrate`.
    """

    title = "The eavesdropper lab"
    stochastic = True
    parameters = (
        Choice(
            "attack",
            "Attack",
            "intercept-resend",
            "what Eve does to the photons",
            options=(
                ("intercept-resend", "intercept-resend", "measure each photon and send on what she saw"),
                (
                    "cloning",
                    "cloning",
                    "keep an optimal imperfect copy, measure it after the bases are announced",
                ),
                ("photon-number splitting", "PNS", "keep one photon of every multi-photon pulse"),
            ),
            button_width="auto",
        ),
        Choice(
            "protocol",
            "Protocol",
            "BB84",
            "the key distribution protocol Alice and Bob run",
            options=(
                ("BB84", "BB84", "two bases, Z and X"),
                ("six-state", "six-state", "three bases, Z, X and Y"),
            ),
            button_width="auto",
        ),
        Number(
            "fraction",
            "Eve's share",
            1.0,
            "the share of the photons Eve attacks",
            low=0.0,
            high=1.0,
            step=0.01,
            when={"attack": ("intercept-resend", "cloning")},
        ),
        Choice(
            "basis",
            "Eve measures in",
            "random",
            "the basis Eve measures in",
            options=(
                ("random", "random", "a protocol basis at random, photon by photon"),
                ("Z", "Z", "always Z"),
                ("X", "X", "always X"),
                ("breidbart", "Breidbart", "halfway between the protocol's axes"),
            ),
            button_width="auto",
            when={"attack": ("intercept-resend",)},
        ),
        Number(
            "distance_km",
            "Fibre",
            50.0,
            "length of the fibre Alice and Bob believe they use",
            low=0.0,
            high=150.0,
            step=1.0,
            unit="km",
            when={"attack": ("photon-number splitting",)},
        ),
        Number(
            "mean_photon_number",
            "μ",
            0.5,
            "mean photons per pulse of Alice's weak laser",
            low=0.05,
            high=1.0,
            step=0.05,
            when={"attack": ("photon-number splitting",)},
        ),
        Choice(
            "decoys",
            "Decoys",
            "off",
            "whether Alice mixes in weaker decoy pulses",
            options=(("off", "off", "signal pulses only"), ("on", "on", "half the pulses at a fifth of μ")),
            when={"attack": ("photon-number splitting",)},
        ),
        Number(
            "noise", "Noise", 0.0, "the channel's own error rate, without Eve", low=0.0, high=0.15, step=0.005
        ),
        Integer(
            "n_checked", "Check bits", 50, "sifted bits Alice and Bob compare in public", low=1, high=10_000
        ),
        Number(
            "alarm_qber",
            "Alarm above",
            0.0,
            "error rate in the check above which they abort (0: any error)",
            low=0.0,
            high=0.2,
            step=0.005,
        ),
        Integer("n_photons", "Photons", 20_000, "photons (pulses) in the run", low=1_000, high=1_000_000),
    )
    control_rows = (
        ("attack", "protocol"),
        ("fraction", "basis"),
        ("distance_km", "mean_photon_number", "decoys"),
        ("noise", "n_checked", "alarm_qber"),
        ("n_photons", "seed", "new_run"),
    )

    def _setup(self) -> tuple[LineChart, LineChart]:
        self._information = LineChart(
            xlabel="error rate Q (QBER)",
            ylabel="bits per sifted bit",
            xlim=(0.0, _MAX_QBER),
            ylim=(0.0, 1.05),
            n_curves=3,
            n_markers=2,
        )
        self._alarm = LineChart(
            xlabel="bits compared in public",
            ylabel="probability of the alarm",
            xlim=(0, 1),
            ylim=(0.0, 1.05),
            n_curves=2,
            n_markers=1,
            legend="lower right",
        )
        return self._information, self._alarm

    def _compute(
        self,
        *,
        attack: str,
        protocol: str,
        fraction: float,
        basis: str,
        distance_km: float,
        mean_photon_number: float,
        decoys: str,
        noise: float,
        n_checked: int,
        alarm_qber: float,
        n_photons: int,
        seed: int,
    ) -> EavesdropperReading:
        bases = _PROTOCOLS[protocol]
        eve = _eavesdropper(attack, fraction, basis, distance_km, mean_photon_number, decoys)
        stats = bb84_statistics(eve=eve, noise=noise, bases=bases)
        run = simulate_bb84(n_photons, eve=eve, noise=noise, bases=bases, rng=seed)
        check = check_sample(run, min(n_checked, run.sifted_key_length), rng=seed + 1)  # all they have
        decoy_probability = decoy = None
        if run.decoy is not None:
            n_decoys = int(np.count_nonzero(run.decoy))
            decoy_probability = decoy_alarm_probability(stats.decoy_gain, stats.expected_decoy_gain, n_decoys)
            decoy = decoy_alarm(run, stats.expected_decoy_gain)
        if attack == "photon-number splitting":
            strengths = [
                bb84_statistics(
                    eve=_eavesdropper(attack, 1.0, basis, d, mean_photon_number, decoys),
                    noise=noise,
                    bases=bases,
                )
                for d in np.linspace(0.0, 150.0, 16)
            ]
        else:
            strengths = [
                bb84_statistics(
                    eve=_eavesdropper(attack, f, basis, distance_km, mean_photon_number, decoys),
                    noise=noise,
                    bases=bases,
                )
                for f in _FAMILY
            ]
        return EavesdropperReading(
            attack=self._attack_text(attack, fraction, basis, decoys),
            protocol=protocol,
            stats=stats,
            run=run,
            check=check,
            threshold=security_threshold(_PROTOCOL_NAMES[protocol]),
            alarm_qber=alarm_qber,
            alarm_probability=detection_probability(stats.qber, n_checked, alarm_qber=alarm_qber),
            decoy_alarm_probability=decoy_probability,
            decoy_alarm=decoy,
            eve_curve=(tuple(s.qber for s in strengths), tuple(s.eve_information for s in strengths)),
            seed=seed,
        )

    @staticmethod
    def _attack_text(attack: str, fraction: float, basis: str, decoys: str) -> str:
        if attack == "intercept-resend":
            where = "the Breidbart basis" if basis == "breidbart" else f"the {basis} basis"
            return f"Intercept-resend on {fraction:.0%} of the photons, in {where}"
        if attack == "cloning":
            return f"Optimal cloning of {fraction:.0%} of the photons"
        return f"Photon-number splitting, decoys {decoys}"

    def _draw(self, result: EavesdropperReading) -> tuple[ChartPicture, ChartPicture]:
        stats, run = result.stats, result.run
        qs = tuple(float(q) for q in np.linspace(0.0, _MAX_QBER, 81))
        key = _PROTOCOL_NAMES[result.protocol]
        information = ChartPicture(
            curves=(
                Curve("Bob: 1 − h(Q)", qs, tuple(1 - binary_entropy(q) for q in qs), color="exact"),
                Curve("Eve, this attack", *result.eve_curve, color="event"),
                Curve(
                    "secret key fraction",
                    qs,
                    tuple(secret_key_fraction(min(q, 2 / 3), key) for q in qs),
                    color="state",
                    style="--",
                ),
            ),
            markers=(  # the ring of the run first, so that the exact dot stays visible inside it
                Marker("this run", _finite(run.qber), run.eve_information, color="event", filled=False),
                Marker("exact", stats.qber, stats.eve_information, color="event"),
            ),
            spans=(Span(result.threshold, _MAX_QBER, "no secret key"),),
            title=f"{result.protocol}: what Eve learns, what it costs her",
        )
        checked = result.check.n_checked
        most = max(100, 2 * checked)
        ns = tuple(int(n) for n in np.linspace(0, most, 51))
        curves = [
            Curve(
                "error check",
                tuple(float(n) for n in ns),
                tuple(detection_probability(stats.qber, n, alarm_qber=result.alarm_qber) for n in ns),
                color="event",
            )
        ]
        if result.decoy_alarm_probability is not None:
            curves.append(
                Curve(
                    "decoy check",
                    (0.0, float(most)),
                    (result.decoy_alarm_probability,) * 2,
                    color="measurement",
                    style="--",
                )
            )
        alarm = ChartPicture(
            curves=tuple(curves),
            markers=(Marker(f"{checked:,} bits checked", checked, result.alarm_probability, color="event"),),
            title="Will Alice and Bob notice?",
            xlim=(0.0, float(most)),
        )
        return information, alarm

    def _describe(self, result: EavesdropperReading) -> tuple[str, ...]:
        stats, run, check = result.stats, result.run, result.check
        key = secret_key_fraction(min(stats.qber, 2 / 3), _PROTOCOL_NAMES[result.protocol])
        decoys = (
            ""
            if result.decoy_alarm_probability is None
            else (f"; the decoy check with probability {result.decoy_alarm_probability:.1%}")
        )
        secret = (
            f"the single-photon formula calls {key:.0%} of the sifted key secret, yet Eve holds her bits "
            "without causing errors: with multi-photon pulses it overstates the secret"
            if stats.signal_gain < 1  # weak laser pulses, not single photons
            else f"after error correction and privacy amplification {key:.0%} of the sifted key is secret"
        )
        alarm = "catches her" if stats.eve_information > 0 else "raises a false alarm"
        lines = [
            f"{result.attack}, {result.protocol}: QBER {stats.qber:.1%} expected, {_percent(run.qber)} in "
            f"this run ({run.sifted_key_length:,} sifted bits); no secret key above {result.threshold:.1%}.",
            f"Eve knows {stats.eve_information:.2f} bits per sifted bit, "
            f"Bob {1 - binary_entropy(stats.qber):.2f}; {secret}.",
            f"Checking {check.n_checked:,} bits (alarm above {result.alarm_qber:.1%} errors) {alarm} "
            f"with probability {result.alarm_probability:.1%}{decoys}.",
        ]
        if stats.signal_gain < 1:
            decoy_gain = (
                ""
                if run.decoy_gain is None
                else (f" and {run.decoy_gain:.3%} of the decoys (honest: {stats.expected_decoy_gain:.3%})")
            )
            lines.append(
                f"Bob detects {run.signal_gain:.2%} of the signal pulses (an honest line: "
                f"{stats.expected_signal_gain:.2%}){decoy_gain}."
            )
        found = (
            f"{check.errors} {'error' if check.errors == 1 else 'errors'} in {check.n_checked:,} check bits"
        )
        if check.key_length == 0:
            found += ", every sifted bit checked: no key left"
        if result.detected:
            verdict = f"caught ({found}{', decoys missing' if result.decoy_alarm else ''}): score 0."
        else:
            learned = result.bits_learned
            verdict = (
                f"unseen ({found}): Eve learned {learned:,} bits of the {check.key_length:,}-bit key, "
                f"score {learned:,}."
            )
        lines.append(Highlight(f"Eve challenge, seed {result.seed}: {verdict}"))
        return tuple(lines)


def _finite(value: float) -> float:
    return 0.0 if math.isnan(value) else value


def _percent(value: float) -> str:
    return "none (no sifted bits)" if math.isnan(value) else f"{value:.1%}"
