"""Pairs in quantum memories: dephasing while stored, entanglement swapping and purification.

All on QuTiP states of two (or four) qubits, in the Bell-pair conventions of
:mod:`qwidgets.physics.pairs` (``Phi+`` is the target; a Werner pair of fidelity ``F`` is
``F |Phi+><Phi+| + (1 - F)/3 (I - |Phi+><Phi+|)``).

- Storage: pure dephasing with the Lindblad operator ``L = Z / sqrt(2 T2)`` on each stored qubit
  makes its coherences decay as ``exp(-t/T2)``; it is the channel ``(1 - p) rho + p Z rho Z`` with
  ``p = (1 - exp(-t/T2))/2`` (Nielsen & Chuang 2010, §8.3.6). A perfect pair keeps fidelity
  ``(1 + exp(-k t/T2))/2`` with ``k`` qubits dephasing.
- Swapping (Żukowski, Zeilinger, Horne & Ekert, PRL 71, 4287, 1993): a Bell measurement on the
  middle qubits of two pairs and a Pauli correction leave the outer qubits entangled; two Werner
  pairs give ``F1 F2 + (1 - F1)(1 - F2)/3``.
- Purification, recurrence protocols on two pairs: bilateral CNOT, measure the target pair, keep
  the control pair when both bits agree. BBPSSW (Bennett, Brassard, Popescu, Schumacher, Smolin &
  Wootters, PRL 76, 722, 1996) twirls the pairs to Werner form; DEJMPS (Deutsch, Ekert, Jozsa,
  Macchiavello, Popescu & Sanpera, PRL 77, 2818, 1996) rotates them first instead and keeps
  their Bell-diagonal form, which purifies faster over several rounds. From two Werner pairs
  one round of either gives ``(F^2 + b^2) / (F^2 + 2 F b + 5 b^2)``, ``b = (1 - F)/3``, with
  success probability the denominator.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

import numpy as np
import qutip

from qwidgets import validation
from qwidgets.errors import InvalidValueError
from qwidgets.physics.pairs import BELL_STATES, bell_state, two_qubit, werner_state

__all__ = [
    "PURIFICATION_PROTOCOLS",
    "dephase",
    "purify",
    "stored_pair_fidelity",
    "swap_fidelity",
    "swap_pairs",
    "twirl",
]

PURIFICATION_PROTOCOLS: tuple[str, ...] = ("bbpssw", "dejmps")
"""Names accepted by :func:`purify`."""
MAX_PURIFICATION_ROUNDS = 6
"""Most rounds :func:`purify` runs (64 pairs in, one out)."""

_I, _X, _Y, _Z = qutip.qeye(2), qutip.sigmax(), qutip.sigmay(), qutip.sigmaz()
_P0, _P1 = qutip.basis(2, 0).proj(), qutip.basis(2, 1).proj()


def _time(name: str, value: object) -> float:
    return validation.real(name, value, low=0.0, high=1e12, unit="s")


def _dephasing_flip(time_s: float, t2_s: float) -> float:
    """Probability ``(1 - exp(-t/T2))/2`` that a stored qubit's phase has flipped."""
    return -math.expm1(-time_s / t2_s) / 2


def dephase(state: qutip.Qobj, time_s: float, t2_s: float, qubits: Sequence[int] = (1,)) -> qutip.Qobj:
    """The pair after ``time_s`` of pure dephasing (``L = Z / sqrt(2 T2)``) on the listed qubits.

    Parameters
    ----------
    state : qutip.Qobj
        A two-qubit ket or density matrix.
    time_s, t2_s : float
        Storage time and the memory's coherence time T2, in s (T2 > 0).
    qubits : sequence of int
        The stored qubits that dephase: 0 (Alice's), 1 (Bob's), or both.
    """
    rho = two_qubit("state", state)
    time_s = _time("time_s", time_s)
    t2_s = validation.real("t2_s", t2_s, low=0.0, high=1e12, low_open=True, unit="s")
    qubits = _qubits(qubits)
    p = _dephasing_flip(time_s, t2_s)
    for qubit in qubits:
        flip = qutip.tensor(*(_Z if k == qubit else _I for k in (0, 1)))
        rho = (1 - p) * rho + p * flip * rho * flip
    return rho


def _qubits(qubits: object) -> tuple[int, ...]:
    allowed = "a sequence of distinct qubits, each 0 or 1, e.g. (1,) or (0, 1)"
    if not isinstance(qubits, Sequence) or isinstance(qubits, str) or not 0 < len(qubits) <= 2:
        raise InvalidValueError("qubits", qubits, allowed)
    checked = tuple(validation.integer("qubits", q, low=0, high=1) for q in qubits)
    if len(set(checked)) != len(checked):
        raise InvalidValueError("qubits", qubits, allowed)
    return checked


def stored_pair_fidelity(
    time_s: float, t2_s: float, dephased_qubits: int = 1, *, fidelity: float = 1.0
) -> float:
    """Fidelity of a Werner pair of ``fidelity`` after ``time_s`` in memory (see :func:`dephase`).

    ``dephased_qubits`` is 1 (one end stores its qubit) or 2 (both do). A perfect pair keeps
    ``(1 + exp(-k t/T2))/2``; a Werner pair ``F - p_k (4F - 1)/3`` with
    ``p_k = (1 - exp(-k t/T2))/2``.
    """
    k = validation.integer("dephased_qubits", dephased_qubits, low=1, high=2)
    time_s = _time("time_s", time_s)
    t2_s = validation.real("t2_s", t2_s, low=0.0, high=1e12, low_open=True, unit="s")
    return _stored(time_s, t2_s, k, validation.probability("fidelity", fidelity))


@functools.lru_cache(maxsize=4096)
def _stored(time_s: float, t2_s: float, k: int, fidelity: float) -> float:
    rho = dephase(werner_state(fidelity), time_s, t2_s, qubits=(0, 1) if k == 2 else (1,))
    return float(np.clip(qutip.expect(rho, bell_state("phi+")), 0.0, 1.0))


# -- twirling, swapping --------------------------------------------------------------------------
def twirl(state: qutip.Qobj) -> qutip.Qobj:
    """The Werner pair with the same fidelity (a random bilateral rotation keeps only ``F``)."""
    rho = two_qubit("state", state)
    return werner_state(float(np.clip(qutip.expect(rho, bell_state("phi+")), 0.0, 1.0)))


@functools.cache
def _swap_operators() -> tuple[tuple[qutip.Qobj, qutip.Qobj], ...]:
    """For each Bell outcome on qubits 1 and 2 of four: its projector and the correction on qubit 3.

    Outcome Phi+ needs nothing, Phi- a Z, Psi+ an X, Psi- both (Z X), on the far qubit.
    """
    corrections = {"phi+": _I, "phi-": _Z, "psi+": _X, "psi-": _Z * _X}
    operators = []
    for name in BELL_STATES:
        middle = bell_state(name).proj()
        projector = qutip.tensor(_I, middle, _I)
        projector.dims = [[2, 2, 2, 2], [2, 2, 2, 2]]
        operators.append((projector, qutip.tensor(_I, _I, _I, corrections[name])))
    return tuple(operators)


def swap_pairs(left: qutip.Qobj, right: qutip.Qobj) -> qutip.Qobj:
    """Swap entanglement: the outer pair after a Bell measurement on the inner qubits of two pairs.

    ``left`` holds qubits (0, 1), ``right`` qubits (2, 3); the measurement acts on 1 and 2 and
    the holder of qubit 3 applies the Pauli correction for the outcome. Returns the state of
    qubits 0 and 3, averaged over the four outcomes (each is corrected to the same state for
    Werner inputs).
    """
    rho = qutip.tensor(two_qubit("left", left), two_qubit("right", right))
    out = 0
    for projector, correction in _swap_operators():
        branch = correction * projector * rho * projector * correction.dag()
        out = out + branch.ptrace([0, 3])
    return out


def swap_fidelity(f1: float, f2: float) -> float:
    """Fidelity after swapping two Werner pairs (:func:`swap_pairs`): ``F1 F2 + (1 - F1)(1 - F2)/3``."""
    return _swapped(validation.probability("f1", f1), validation.probability("f2", f2))


@functools.lru_cache(maxsize=4096)
def _swapped(f1: float, f2: float) -> float:
    out = swap_pairs(werner_state(f1), werner_state(f2))
    return float(np.clip(qutip.expect(out, bell_state("phi+")), 0.0, 1.0))


# -- purification ------------------------------------------------------------------------------------
@functools.cache
def _purification_operators() -> tuple[qutip.Qobj, qutip.Qobj, qutip.Qobj]:
    """Bilateral CNOT on qubits (a1, b1, a2, b2), DEJMPS's rotations, and "both targets agree"."""
    cnot_a = qutip.tensor(_P0, _I, _I, _I) + qutip.tensor(_P1, _I, _X, _I)
    cnot_b = qutip.tensor(_I, _P0, _I, _I) + qutip.tensor(_I, _P1, _I, _X)
    rx_plus = (-1j * math.pi / 4 * _X).expm()  # Rx(pi/2) on Alice's qubits, Rx(-pi/2) on Bob's
    rx_minus = rx_plus.dag()
    rotations = qutip.tensor(rx_plus, rx_minus, rx_plus, rx_minus)
    agree = qutip.tensor(_I, _I, _P0, _P0) + qutip.tensor(_I, _I, _P1, _P1)
    return cnot_b * cnot_a, rotations, agree


def _purify_once(rho: qutip.Qobj, protocol: str) -> tuple[qutip.Qobj, float]:
    """One recurrence round on two copies of ``rho``: the kept pair and the success probability."""
    cnots, rotations, agree = _purification_operators()
    if protocol == "bbpssw":
        rho = twirl(rho)
    pairs = qutip.tensor(rho, rho)  # qubits (a1, b1) then (a2, b2)
    if protocol == "dejmps":
        pairs = rotations * pairs * rotations.dag()
    pairs = cnots * pairs * cnots.dag()
    kept = agree * pairs * agree
    success = float(kept.tr().real)
    out = kept.ptrace([0, 1]) / success
    return (twirl(out) if protocol == "bbpssw" else out), success


def purify(fidelity: float, protocol: str = "dejmps", rounds: int = 1) -> tuple[float, float]:
    """Purify Werner pairs of ``fidelity`` for ``rounds`` recurrence rounds (``2**rounds`` pairs in).

    Parameters
    ----------
    fidelity : float
        Fidelity of the input pairs, from 0 to 1 (they improve only above 1/2).
    protocol : {"bbpssw", "dejmps"}
        The recurrence protocol (see the module docstring).
    rounds : int
        Rounds, from 1 to 6; each pairs up two outputs of the round before.

    Returns
    -------
    (float, float)
        The output fidelity, and the probability that the whole tree of rounds succeeds.
    """
    fidelity = validation.probability("fidelity", fidelity)
    protocol = validation.choice("protocol", protocol, PURIFICATION_PROTOCOLS)
    rounds = validation.integer("rounds", rounds, low=1, high=MAX_PURIFICATION_ROUNDS)
    return _purified(fidelity, protocol, rounds)


@functools.lru_cache(maxsize=1024)
def _purified(fidelity: float, protocol: str, rounds: int) -> tuple[float, float]:
    rho, probability = werner_state(fidelity), 1.0
    for _ in range(rounds):
        rho, success = _purify_once(rho, protocol)
        probability = probability**2 * success
    return float(np.clip(qutip.expect(rho, bell_state("phi+")), 0.0, 1.0)), probability
