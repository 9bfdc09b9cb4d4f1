"""The CHSH game, round by round: entangled pairs against local strategies.

A referee sends Alice and Bob one random bit each, ``x`` and ``y``; without talking, each
answers one bit, ``a`` and ``b``. They win when ``a XOR b = x AND y``: the same bits unless both
questions are 1 (Clauser, Horne, Shimony & Holt, PRL 23, 880, 1969, as a game in Cleve, Høyer,
Toner & Watrous, CCC 2004).

- With a pair, Alice measures her qubit at angle ``a`` for ``x = 0`` and ``a2`` for ``x = 1``, Bob
  his at ``b`` or ``b2`` (the conventions of :mod:`qwidgets.physics.pairs`); bit 0 is outcome
  +1. Given the questions, a round is won with probability ``(1 + s E)/2``, ``s = -1`` for
  ``x = y = 1`` and ``+1`` otherwise, so the game is won with probability ``1/2 + S/8``
  (:func:`~qwidgets.physics.pairs.chsh_win_probability`): ``cos^2(pi/8) ~ 0.854`` for ``Phi+``.
- A local strategy answers from the question alone (:class:`~qwidgets.physics.pairs.LocalStrategy`);
  none wins more than 3/4. ``"agree"`` (both always answer 0) and ``"copy"`` (Alice answers
  ``x``, Bob 0) reach it; ``"random"`` (two fair coins) wins half the time.

How it is computed (as E91, :mod:`qwidgets.physics.e91`): QuTiP gives the pair's Pauli
coefficients once per state, and the joint outcome probabilities of each question pair follow
from them (the same as :func:`~qwidgets.physics.pairs.outcome_probabilities`, without a QuTiP
call per angle); a local strategy is the same kind of table with one certain outcome; numpy
draws every round from that table, vectorised.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
import qutip

from qwidgets import validation
from qwidgets.errors import InvalidTypeError
from qwidgets.physics.pairs import (
    CHSH_ANGLES,
    LocalStrategy,
    _projector,
    bell_state,
    pauli_coefficients,
    two_qubit,
    werner_state,
)
from qwidgets.physics.records import ArrayRecord

__all__ = [
    "CHSH_STRATEGIES",
    "MAX_ROUNDS",
    "NAMED_STRATEGIES",
    "AliceMeasurement",
    "PairOutcomes",
    "CHSHGameRun",
    "CHSHGameStats",
    "chsh_game_statistics",
    "depolarized_pair",
    "pair_outcomes",
    "measure_alice",
    "play_chsh_game",
]

NAMED_STRATEGIES = MappingProxyType(
    {
        "agree": LocalStrategy((0, 0), (0, 0)),
        "copy": LocalStrategy((0, 1), (0, 0)),
    }
)
"""The named local strategies: both always answer 0; Alice answers her question bit, Bob 0."""
CHSH_STRATEGIES: tuple[str, ...] = ("quantum", *NAMED_STRATEGIES, "random")
"""Strategy names :func:`play_chsh_game` accepts (besides any :class:`LocalStrategy`)."""
MAX_ROUNDS = 1_000_000
"""Most rounds one game plays (every round is recorded)."""
_SIGNS = np.array([[1, 1], [1, -1]])  # sign of E(x, y) in S; -1 where the winners' bits must differ
_CHECKPOINTS = 240  # points of the running S estimate
_STRATEGY_ALLOWED = f"one of {CHSH_STRATEGIES} or a LocalStrategy"

Strategy = str | LocalStrategy


def depolarized_pair(noise: float) -> qutip.Qobj:
    """``(1 - p) |Phi+><Phi+| + p I/4``: a Bell pair mixed with white noise of weight ``p``.

    It is the Werner state of fidelity ``1 - 3p/4`` (Werner, PRA 40, 4277, 1989); at the CHSH
    angles ``S = 2 sqrt(2) (1 - p)``, which exceeds 2 while ``p < 1 - 1/sqrt(2) ~ 0.29``.

    Parameters
    ----------
    noise : float
        ``p``, from 0 (a perfect pair) to 1 (two fair coins).
    """
    return werner_state(1 - 3 * validation.probability("noise", noise) / 4)


def _check_strategy(strategy: object) -> Strategy:
    if isinstance(strategy, LocalStrategy):
        return strategy
    if isinstance(strategy, str):
        return validation.choice("strategy", strategy, CHSH_STRATEGIES)
    raise InvalidTypeError("strategy", strategy, _STRATEGY_ALLOWED)


def _check_angles(angles: object) -> tuple[float, float, float, float]:
    if not (isinstance(angles, (tuple, list)) and len(angles) == 4):
        raise InvalidTypeError("angles", angles, "four angles (a, a2, b, b2) in rad")
    names = ("a", "a2", "b", "b2")
    return tuple(validation.angle(name, value) for name, value in zip(names, angles))


def _table(strategy: Strategy, state: qutip.Qobj | None, angles: tuple[float, ...]) -> np.ndarray:
    """``P[x, y, 2a + b]``: probability of the answers ``a, b`` to the questions ``x, y``."""
    if strategy == "quantum":
        return _quantum_table(two_qubit("state", state), angles)
    if strategy == "random":
        return np.full((2, 2, 4), 0.25)
    local = NAMED_STRATEGIES.get(strategy, strategy)
    table = np.zeros((2, 2, 4))
    for x in (0, 1):
        for y in (0, 1):
            table[x, y, 2 * local.alice[x] + local.bob[y]] = 1.0
    return table


def _quantum_table(rho: qutip.Qobj, angles: tuple[float, ...]) -> np.ndarray:
    """The joint answer probabilities of measuring ``rho`` at ``angles``, from its Pauli coefficients.

    Any two-qubit state is ``(I + r.sigma (x) I + I (x) s.sigma + sum T_ij sigma_i (x) sigma_j)/4``
    (Fano, Rev. Mod. Phys. 55, 855, 1983; Horodecki et al., Phys. Lett. A 200, 340, 1995), so
    ``P(a, b) = (1 + (-1)^a r.n + (-1)^b s.m + (-1)^(a+b) n.T.m)/4`` for the measurement
    directions ``n`` (Alice) and ``m`` (Bob). QuTiP gives ``r``, ``s`` and ``T`` once per state
    (:func:`~qwidgets.physics.pairs.pauli_coefficients`); new angles cost only this product.
    """
    r, s, t = pauli_coefficients(rho)
    a, a2, b, b2 = angles
    alice = np.array([[math.sin(v), 0.0, math.cos(v)] for v in (a, a2)])
    bob = np.array([[math.sin(v), 0.0, math.cos(v)] for v in (b, b2)])
    signs = np.array([1, 1, -1, -1]), np.array([1, -1, 1, -1])  # (-1)^a, (-1)^b for 2a + b = 0..3
    table = (
        1
        + signs[0] * (alice @ r)[:, None, None]
        + signs[1] * (bob @ s)[None, :, None]
        + signs[0] * signs[1] * (alice @ t @ bob.T)[:, :, None]
    ) / 4
    table = np.clip(table, 0.0, 1.0)
    return table / table.sum(axis=-1, keepdims=True)


@dataclass(frozen=True)
class CHSHGameStats:
    """Exact figures of a CHSH game strategy.

    Attributes
    ----------
    strategy : str
        The strategy's name (``"local"`` for an unnamed :class:`LocalStrategy`).
    correlations : tuple of tuple of float
        ``E(x, y)``, the mean product of the +-1 answers to the questions ``x`` (rows), ``y``.
    win_probabilities : tuple of tuple of float
        Probability of winning given the questions ``x`` (rows) and ``y``.
    chsh : float
        ``S = E(0, 0) + E(0, 1) + E(1, 0) - E(1, 1)``.
    win_probability : float
        Probability of winning a round with random questions: ``1/2 + S/8``.
    """

    strategy: str
    correlations: tuple[tuple[float, float], tuple[float, float]]
    win_probabilities: tuple[tuple[float, float], tuple[float, float]]
    chsh: float
    win_probability: float


def _name(strategy: Strategy) -> str:
    if isinstance(strategy, str):
        return strategy
    return next((name for name, s in NAMED_STRATEGIES.items() if s == strategy), "local")


def chsh_game_statistics(
    strategy: Strategy = "quantum",
    *,
    state: qutip.Qobj | None = None,
    angles: tuple[float, float, float, float] = CHSH_ANGLES,
) -> CHSHGameStats:
    """Exact correlations, CHSH value and winning probabilities of a strategy.

    Parameters
    ----------
    strategy : str or LocalStrategy
        One of :data:`CHSH_STRATEGIES` or a :class:`LocalStrategy`.
    state : qutip.Qobj, optional
        The pair measured by the ``"quantum"`` strategy (ket or density matrix); ``Phi+`` by default.
    angles : tuple of float
        ``(a, a2, b, b2)`` in rad: Alice's angles for the questions 0 and 1, then Bob's.
    """
    strategy = _check_strategy(strategy)
    angles = _check_angles(angles)
    table = _table(strategy, bell_state("phi+") if state is None else state, angles)
    same = table[..., 0] + table[..., 3]
    e = 2 * same - 1
    wins = (1 + _SIGNS * e) / 2
    chsh = float(np.sum(_SIGNS * e))
    return CHSHGameStats(
        strategy=_name(strategy),
        correlations=_rows(e),
        win_probabilities=_rows(wins),
        chsh=chsh,
        win_probability=float(wins.mean()),
    )


def _rows(matrix: np.ndarray) -> tuple[tuple[float, float], tuple[float, float]]:
    return tuple(tuple(float(v) for v in row) for row in matrix)


@dataclass(frozen=True, eq=False)
class CHSHGameRun(ArrayRecord):
    """A sampled CHSH game, round by round (arrays are read-only).

    Attributes
    ----------
    strategy : str
        The strategy's name.
    alice_questions, bob_questions : numpy.ndarray
        ``int8`` questions ``x`` and ``y``, per round.
    alice_answers, bob_answers : numpy.ndarray
        ``int8`` answers ``a`` and ``b``, per round.
    rounds : numpy.ndarray
        Rounds played with each question pair, shape (2, 2): ``rounds[x, y]``.
    wins : numpy.ndarray
        Rounds won with each question pair, shape (2, 2).
    win_fraction : float
        Share of all rounds won.
    chsh : float
        ``S`` estimated from the answers (nan if a question pair got no round).
    chsh_error : float
        Its standard error.
    checkpoints : numpy.ndarray
        Rounds played so far, at up to 240 points spaced evenly on a log scale from the first
        round to the last.
    running_chsh : numpy.ndarray
        ``S`` estimated from the rounds up to each checkpoint (nan while a question pair has none).
    """

    strategy: str
    alice_questions: np.ndarray
    bob_questions: np.ndarray
    alice_answers: np.ndarray
    bob_answers: np.ndarray
    rounds: np.ndarray
    wins: np.ndarray
    win_fraction: float
    chsh: float
    chsh_error: float
    checkpoints: np.ndarray
    running_chsh: np.ndarray

    @property
    def n_rounds(self) -> int:
        """Rounds played."""
        return len(self.alice_questions)


def play_chsh_game(
    n_rounds: int,
    *,
    strategy: Strategy = "quantum",
    state: qutip.Qobj | None = None,
    angles: tuple[float, float, float, float] = CHSH_ANGLES,
    rng: np.random.Generator | int | None = None,
) -> CHSHGameRun:
    """Play ``n_rounds`` rounds of the CHSH game with random questions.

    Parameters
    ----------
    n_rounds : int
        Rounds, from 1 to 1,000,000.
    strategy, state, angles
        As in :func:`chsh_game_statistics`.
    rng : numpy.random.Generator, int or None
        Source of randomness.

    Returns
    -------
    CHSHGameRun
        Every round and the game's figures; they converge on :func:`chsh_game_statistics`.
    """
    n = validation.integer("n_rounds", n_rounds, low=1, high=MAX_ROUNDS)
    strategy = _check_strategy(strategy)
    angles = _check_angles(angles)
    g = validation.rng(rng)
    table = _table(strategy, bell_state("phi+") if state is None else state, angles)
    x = g.integers(0, 2, n, dtype=np.int8)
    y = g.integers(0, 2, n, dtype=np.int8)
    cell = 2 * x.astype(np.intp) + y
    cumulative = np.cumsum(table.reshape(4, 4), axis=-1)[:, :3]
    u = g.random(n)[:, None]
    answers = np.count_nonzero(u >= cumulative[cell], axis=1).astype(np.int8)
    a, b = answers >> 1, answers & 1
    won = (a ^ b) == (x & y)
    checkpoints = np.unique(np.geomspace(1, n, min(n, _CHECKPOINTS)).round().astype(np.intp))
    segment = (
        np.searchsorted(checkpoints, np.arange(1, n + 1)) * 4 + cell
    )  # checkpoint reached, question pair
    size = 4 * len(checkpoints)
    played = np.bincount(segment, minlength=size).reshape(-1, 4).cumsum(axis=0)
    won_so_far = np.bincount(segment, weights=won, minlength=size).reshape(-1, 4).cumsum(axis=0).round()
    rounds, wins = played[-1].reshape(2, 2), won_so_far[-1].reshape(2, 2)
    chsh, error = _chsh_estimate(rounds, wins)
    running, _ = _chsh_estimate(played.reshape(-1, 2, 2), won_so_far.reshape(-1, 2, 2))
    return CHSHGameRun(
        strategy=_name(strategy),
        alice_questions=x,
        bob_questions=y,
        alice_answers=a,
        bob_answers=b,
        rounds=rounds,
        wins=wins,
        win_fraction=float(np.count_nonzero(won) / n),
        chsh=float(chsh),
        chsh_error=float(error),
        checkpoints=checkpoints,
        running_chsh=running,
    )


def _chsh_estimate(rounds: np.ndarray, wins: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``S`` and its standard error from rounds and wins per question pair (last two axes).

    With ``w`` the won share of a question pair, ``s E = 2w - 1``; each ``E`` is a mean of
    +-1 values, of variance ``(1 - E^2)/n``. Nan where a question pair got no round.
    """
    with np.errstate(invalid="ignore", divide="ignore"):
        signed = np.where(rounds > 0, 2 * wins / rounds - 1, np.nan)
        variance = np.where(rounds > 0, (1 - signed**2) / rounds, np.nan)
    return signed.sum(axis=(-2, -1)), np.sqrt(variance.sum(axis=(-2, -1)))


@dataclass(frozen=True)
class AliceMeasurement:
    """Alice's measurement of her half of a pair.

    Attributes
    ----------
    angle : float
        Her measurement angle (rad, x-z plane).
    outcome : int
        Her bit: 0 (+1) or 1 (-1).
    probability : float
        The probability of that outcome.
    state : qutip.Qobj
        The pair afterwards (a density matrix): Alice's qubit along her outcome, Bob's collapsed
        to the state conditioned on it.
    """

    angle: float
    outcome: int
    probability: float
    state: qutip.Qobj


def measure_alice(
    state: qutip.Qobj, angle: float, *, rng: np.random.Generator | int | None = None
) -> AliceMeasurement:
    """Alice measures her qubit of ``state`` at ``angle``: one outcome, and the pair it leaves.

    Outcome ``x`` has probability ``p = Tr[(P_x (x) I) rho]`` and leaves
    ``(P_x (x) I) rho (P_x (x) I) / p`` (the projection postulate, Nielsen & Chuang, 2010,
    section 2.2.3), ``P_x = (I + (-1)^x A)/2`` with ``A`` the observable at ``angle``.
    """
    rho = two_qubit("state", state)
    angle = validation.angle("angle", angle)
    projectors = [qutip.tensor(_projector(angle, bit), qutip.qeye(2)) for bit in (0, 1)]
    p1 = min(1.0, max(0.0, float(qutip.expect(projectors[1], rho))))
    outcome = int(validation.rng(rng).random() < p1)
    p = p1 if outcome else 1.0 - p1
    after = projectors[outcome] * rho * projectors[outcome] / p
    return AliceMeasurement(angle=angle, outcome=outcome, probability=p, state=after)


@dataclass(frozen=True)
class PairOutcomes:
    """The outcomes of measuring a pair at two angles, jointly and as Bob sees them.

    Attributes
    ----------
    joint : tuple of tuple of float
        ``P(x, y)`` of Alice's bit ``x`` (rows) and Bob's bit ``y``.
    correlation : float
        ``E(a, b) = P(same bits) - P(different bits)``.
    independent : tuple of tuple of float
        ``P(x) P(y)``: the joint outcomes two independent qubits with the same marginals give.
    alice : tuple of float
        Alice's outcome probabilities ``P(x)``.
    bob_alone : float
        Bob's ``P(0)`` from his own qubit, ``(1 + s.m)/2`` with ``s`` his Bloch vector, Alice's
        qubit traced out.
    bob_after_alice : float
        Bob's ``P(0)`` when Alice has measured first and he does not know her outcome:
        ``sum_x P(x, 0)``.
    bob_given : tuple of float
        Bob's ``P(0 | x)`` once he learns Alice's outcome ``x`` (nan where ``P(x) = 0``).
    """

    joint: tuple[tuple[float, float], tuple[float, float]]
    correlation: float
    independent: tuple[tuple[float, float], tuple[float, float]]
    alice: tuple[float, float]
    bob_alone: float
    bob_after_alice: float
    bob_given: tuple[float, float]


def pair_outcomes(state: qutip.Qobj, alice_angle: float, bob_angle: float) -> PairOutcomes:
    """The joint and marginal outcomes of measuring ``state`` at ``alice_angle`` and ``bob_angle``.

    No signalling: ``bob_alone == bob_after_alice`` for every state and angle, since Alice's
    measurement does not change Bob's reduced state (Ghirardi, Rimini & Weber, Lett. Nuovo Cim.
    27, 293, 1980); only her outcome, sent to him, tells him which of ``bob_given`` applies.
    ``bob_alone`` comes from Bob's Bloch vector and ``bob_after_alice`` from the joint table, two
    separate computations. The joint table is that of
    :func:`~qwidgets.physics.pairs.outcome_probabilities`, from the state's Pauli coefficients.
    """
    rho = two_qubit("state", state)
    a = validation.angle("alice_angle", alice_angle)
    b = validation.angle("bob_angle", bob_angle)
    joint = _quantum_table(rho, (a, a, b, b))[0, 0].reshape(2, 2)
    _, s, _ = pauli_coefficients(rho)
    bob_alone = min(1.0, max(0.0, (1 + s[0] * math.sin(b) + s[2] * math.cos(b)) / 2))
    alice = joint.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        given = np.where(alice > 1e-12, joint[:, 0] / alice, np.nan)
    return PairOutcomes(
        joint=_rows(joint),
        correlation=float(joint[0, 0] + joint[1, 1] - joint[0, 1] - joint[1, 0]),
        independent=_rows(np.outer(alice, [bob_alone, 1 - bob_alone])),
        alice=(float(alice[0]), float(alice[1])),
        bob_alone=float(bob_alone),
        bob_after_alice=float(joint[:, 0].sum()),
        bob_given=(float(given[0]), float(given[1])),
    )
