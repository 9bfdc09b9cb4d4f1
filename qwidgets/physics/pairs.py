"""Two qubits: Bell pairs, Werner states, correlations and the CHSH value.

Conventions: qubit 0 is Alice's, qubit 1 Bob's; ``|01>`` means Alice holds ``|0>`` and Bob
``|1>``. A measurement "at angle ``theta``" is along ``cos(theta) Z + sin(theta) X``, a
direction in the x-z plane of the Bloch sphere; its outcome is +1 (bit 0) or -1 (bit 1).

- The Bell states (Nielsen & Chuang, *Quantum Computation and Quantum Information*, 2010, eq.
  1.32): ``Phi+- = (|00> +- |11>)/sqrt(2)``, ``Psi+- = (|01> +- |10>)/sqrt(2)``.
- The Werner state of fidelity ``F`` (Werner, PRA 40, 4277, 1989, in the form of Bennett et al.,
  PRA 54, 3824, 1996): ``F |Phi+><Phi+| + (1 - F)/3 (I - |Phi+><Phi+|)``; it is entangled
  exactly when ``F > 1/2``.
- ``E(a, b) = <A(a) (x) B(b)>``; for ``Phi+`` it is ``cos(a - b)``.
- CHSH (Clauser, Horne, Shimony & Holt, PRL 23, 880, 1969): ``S = E(a, b) + E(a, b') +
  E(a', b) - E(a', b')``; every local hidden-variable model has ``|S| <= 2``, quantum mechanics
  reaches ``2 sqrt(2)`` (Tsirelson, Lett. Math. Phys. 4, 93, 1980). The best ``S`` a state
  can give (Horodecki, Horodecki & Horodecki, Phys. Lett. A 200, 340, 1995) is
  ``2 sqrt(u1 + u2)``, ``u1, u2`` the two largest eigenvalues of ``T^T T`` with
  ``T_ij = <sigma_i (x) sigma_j>``; a Werner state violates the bound when
  ``F > (1 + 3/sqrt(2))/4 ~ 0.78``.
- The CHSH game: a referee sends Alice and Bob one random bit each, ``x`` and ``y``; they win
  when their answers satisfy ``a XOR b = x AND y``. Measuring at the CHSH angles wins with
  probability ``1/2 + S/8`` (``cos^2(pi/8) ~ 0.854`` for ``Phi+``); no local strategy wins more
  than 3/4 of the time (Cleve, Høyer, Toner & Watrous, CCC 2004).
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass

import numpy as np
import qutip

from qwidgets import validation
from qwidgets.errors import InvalidValueError

__all__ = [
    "BELL_STATES",
    "CHSH_ANGLES",
    "CLASSICAL_CHSH_BOUND",
    "CLASSICAL_WIN_PROBABILITY",
    "TSIRELSON_BOUND",
    "LocalStrategy",
    "bell_state",
    "chsh_value",
    "chsh_win_probability",
    "concurrence",
    "correlation",
    "fidelity",
    "local_strategies",
    "max_chsh_value",
    "measurement_operator",
    "outcome_probabilities",
    "pauli_coefficients",
    "reduced_state",
    "two_qubit",
    "werner_state",
]

BELL_STATES: tuple[str, ...] = ("phi+", "phi-", "psi+", "psi-")
"""Names accepted by :func:`bell_state`."""
CHSH_ANGLES: tuple[float, float, float, float] = (0.0, math.pi / 2, math.pi / 4, -math.pi / 4)
"""The angles ``(a, a', b, b')`` at which ``Phi+`` reaches Tsirelson's bound."""
CLASSICAL_CHSH_BOUND = 2.0
"""The largest ``|S|`` of any local hidden-variable model (CHSH 1969)."""
TSIRELSON_BOUND = 2 * math.sqrt(2)
"""The largest ``|S|`` quantum mechanics allows (Tsirelson 1980)."""
CLASSICAL_WIN_PROBABILITY = 0.75
"""The best winning probability of the CHSH game without entanglement."""

_SQRT_HALF = 1 / math.sqrt(2)
_BELL_AMPLITUDES = {  # amplitudes of |00>, |01>, |10>, |11>
    "phi+": (_SQRT_HALF, 0, 0, _SQRT_HALF),
    "phi-": (_SQRT_HALF, 0, 0, -_SQRT_HALF),
    "psi+": (0, _SQRT_HALF, _SQRT_HALF, 0),
    "psi-": (0, _SQRT_HALF, -_SQRT_HALF, 0),
}
_TWO_QUBITS = "a two-qubit ket or density matrix (a qutip.Qobj with dims [[2, 2], [1]] or [[2, 2], [2, 2]])"
_PAULIS = (qutip.sigmax(), qutip.sigmay(), qutip.sigmaz())


def two_qubit(name: str, value: object) -> qutip.Qobj:
    """Return ``value`` as a two-qubit density matrix, or raise an error naming ``name``.

    Accepts a normalised ket or a density matrix (Hermitian, trace 1, no negative eigenvalue)
    with the dimensions of two qubits.
    """
    state = validation.quantum_state(
        name, value, dims=([[2, 2], [1]], [[2, 2], [1, 1]], [[2, 2], [2, 2]]), allowed=_TWO_QUBITS
    )
    return state.proj() if state.isket else state


def bell_state(name: str = "phi+") -> qutip.Qobj:
    """Return the Bell state ``name`` (one of :data:`BELL_STATES`) as a ket.

    ``"phi+"`` is ``(|00> + |11>)/sqrt(2)``: both qubits always give the same bit along z and
    along x. Upper case and the Greek letters (``"Φ+"``, ``"ψ-"``) are accepted too.
    """
    key = validation.choice("name", _bell_key(name), BELL_STATES)
    return qutip.Qobj(np.array(_BELL_AMPLITUDES[key], dtype=complex).reshape(4, 1), dims=[[2, 2], [1]])


def _bell_key(name: object) -> object:
    if not isinstance(name, str):
        return name
    return name.strip().lower().replace("φ", "phi").replace("ψ", "psi").replace("−", "-")


def werner_state(fidelity: float) -> qutip.Qobj:
    """Return the Werner state ``F |Phi+><Phi+| + (1 - F)/3 (I - |Phi+><Phi+|)``.

    Parameters
    ----------
    fidelity : float
        ``F = <Phi+|rho|Phi+>``, from 0 to 1; 1 is a perfect pair, 1/4 the maximally mixed state.
    """
    f = validation.probability("fidelity", fidelity)
    target = bell_state("phi+").proj()
    return f * target + (1 - f) / 3 * (qutip.qeye([2, 2]) - target)


def reduced_state(state: qutip.Qobj, qubit: int) -> qutip.Qobj:
    """Return the state of one qubit of a pair, the other traced out (``ptrace``).

    ``qubit`` is 0 (Alice's) or 1 (Bob's). For a Bell pair the result is ``I/2``: each half
    alone is a fair coin in every basis, its Bloch vector zero.
    """
    rho = two_qubit("state", state)
    qubit = validation.integer("qubit", qubit, low=0, high=1)
    return rho.ptrace(qubit)


def measurement_operator(angle: float) -> qutip.Qobj:
    """``cos(angle) Z + sin(angle) X``: the +-1 observable of a measurement at ``angle`` (rad)."""
    angle = validation.angle("angle", angle)
    return math.cos(angle) * qutip.sigmaz() + math.sin(angle) * qutip.sigmax()


@functools.lru_cache(maxsize=256)
def _projector(angle: float, bit: int) -> qutip.Qobj:
    """Projector onto outcome ``bit`` (0: +1, 1: -1) of the measurement at ``angle``."""
    return (qutip.qeye(2) + (1 - 2 * bit) * measurement_operator(angle)) / 2


@functools.lru_cache(maxsize=256)
def _joint_projectors(a: float, b: float) -> tuple[qutip.Qobj, ...]:
    """Projectors of the joint outcomes ``(x, y)`` = 00, 01, 10, 11 at angles ``a`` and ``b``."""
    return tuple(qutip.tensor(_projector(a, x), _projector(b, y)) for x in (0, 1) for y in (0, 1))


def outcome_probabilities(state: qutip.Qobj, a: float, b: float) -> np.ndarray:
    """Joint probabilities ``P[x, y]`` of Alice's bit ``x`` at angle ``a`` and Bob's ``y`` at ``b``."""
    rho = two_qubit("state", state)
    a, b = validation.angle("a", a), validation.angle("b", b)
    table = np.array([qutip.expect(p, rho) for p in _joint_projectors(a, b)]).reshape(2, 2)
    return np.clip(table, 0.0, 1.0)


def correlation(state: qutip.Qobj, a: float, b: float) -> float:
    """``E(a, b)``: the mean product of Alice's and Bob's +-1 outcomes at angles ``a`` and ``b``.

    ``P(same bit) = (1 + E)/2``. For ``Phi+``, ``E = cos(a - b)``.
    """
    return _correlation(two_qubit("state", state), a, b)


def _correlation(rho: qutip.Qobj, a: float, b: float) -> float:
    observable = qutip.tensor(measurement_operator(a), measurement_operator(b))
    return float(np.clip(qutip.expect(observable, rho), -1.0, 1.0))


def chsh_value(
    state: qutip.Qobj,
    a: float = CHSH_ANGLES[0],
    a2: float = CHSH_ANGLES[1],
    b: float = CHSH_ANGLES[2],
    b2: float = CHSH_ANGLES[3],
) -> float:
    """``S = E(a, b) + E(a, b2) + E(a2, b) - E(a2, b2)`` (CHSH 1969).

    The default angles give ``2 sqrt(2)`` for ``Phi+`` and ``2 sqrt(2) (4F - 1)/3`` for a
    Werner state of fidelity ``F``.
    """
    rho = two_qubit("state", state)
    return (
        _correlation(rho, a, b)
        + _correlation(rho, a, b2)
        + _correlation(rho, a2, b)
        - _correlation(rho, a2, b2)
    )


def max_chsh_value(state: qutip.Qobj) -> float:
    """The largest ``S`` any choice of measurements gives on ``state`` (Horodecki criterion).

    ``2 sqrt(u1 + u2)`` with ``u1, u2`` the two largest eigenvalues of ``T^T T``,
    ``T_ij = <sigma_i (x) sigma_j>`` (Horodecki et al., Phys. Lett. A 200, 340, 1995). Any
    directions are allowed here, not only the x-z plane.
    """
    _, _, t = pauli_coefficients(state)
    u = np.sort(np.linalg.eigvalsh(t.T @ t))
    return float(2 * math.sqrt(max(0.0, u[-1] + u[-2])))


def pauli_coefficients(state: qutip.Qobj) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pair's Bloch vectors and correlation matrix: ``r_i = <sigma_i (x) I>``,
    ``s_j = <I (x) sigma_j>``, ``T_ij = <sigma_i (x) sigma_j>`` (read-only arrays).

    Any two-qubit state is ``(I + r.sigma (x) I + I (x) s.sigma + sum T_ij sigma_i (x) sigma_j)/4``
    (Fano, Rev. Mod. Phys. 55, 855, 1983). Cached by the state's entries, so a panel that turns
    only its angles asks QuTiP once.
    """
    rho = two_qubit("state", state)
    return _pauli_coefficients(tuple(np.round(rho.full(), 14).ravel()))


@functools.lru_cache(maxsize=256)
def _pauli_coefficients(entries: tuple[complex, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rho = qutip.Qobj(np.array(entries).reshape(4, 4), dims=[[2, 2], [2, 2]])
    one = qutip.qeye(2)
    r = np.array([qutip.expect(qutip.tensor(p, one), rho) for p in _PAULIS])
    s = np.array([qutip.expect(qutip.tensor(one, p), rho) for p in _PAULIS])
    t = np.array([[qutip.expect(qutip.tensor(p, q), rho) for q in _PAULIS] for p in _PAULIS])
    for array in (r, s, t):
        array.flags.writeable = False
    return r, s, t


def chsh_win_probability(s: float) -> float:
    """Winning probability of the CHSH game played at angles whose CHSH value is ``s``: ``1/2 + s/8``."""
    s = validation.real("s", s, low=-TSIRELSON_BOUND - 1e-9, high=TSIRELSON_BOUND + 1e-9)
    return 0.5 + s / 8


def concurrence(state: qutip.Qobj) -> float:
    """Wootters' concurrence (PRL 80, 2245, 1998) via ``qutip.concurrence``: 0 unentangled, 1 a Bell pair."""
    rho = two_qubit("state", state)
    return float(min(1.0, max(0.0, qutip.concurrence(rho))))


def fidelity(state: qutip.Qobj, target: qutip.Qobj) -> float:
    """``F = <psi|rho|psi>`` of ``state`` with a pure ``target`` (the networks' convention).

    Works for one or two qubits, kets or density matrices. For a mixed ``target`` it is
    Uhlmann's fidelity squared, ``qutip.fidelity(rho, sigma)**2``, which reduces to the same.
    """
    rho, sigma = _same_kind("state", state), _same_kind("target", target)
    if rho.dims[0] != sigma.dims[0]:
        raise InvalidValueError(
            "target", f"a Qobj with dims {target.dims}", f"a state of {rho.dims[0]} like state"
        )
    if sigma.isket:
        value = qutip.expect(rho if rho.isoper else rho.proj(), sigma)
    else:
        value = qutip.fidelity(rho, sigma) ** 2
    return float(min(1.0, max(0.0, value)))


def _same_kind(name: str, value: object) -> qutip.Qobj:
    if isinstance(value, qutip.Qobj) and value.dims[0] == [2]:
        return validation.qubit_state(name, value)
    state = two_qubit(name, value)
    return value if isinstance(value, qutip.Qobj) and value.isket else state


@dataclass(frozen=True)
class LocalStrategy:
    """A deterministic local strategy for the CHSH game: each answer a function of one's own bit.

    ``alice[x]`` is Alice's answer to question ``x``, ``bob[y]`` Bob's to ``y``. Shared
    randomness only mixes such strategies, so none of them (and no mixture) wins more than 3/4.
    """

    alice: tuple[int, int]
    bob: tuple[int, int]

    def __post_init__(self) -> None:
        for who in ("alice", "bob"):
            answers = getattr(self, who)
            if not (isinstance(answers, tuple) and len(answers) == 2):
                raise InvalidValueError(
                    who, answers, "a pair of answers (bit for question 0, for question 1)"
                )
            for x, bit in enumerate(answers):
                validation.integer(f"{who}[{x}]", bit, low=0, high=1)

    @property
    def win_probability(self) -> float:
        """Share of the four equally likely question pairs this strategy wins."""
        wins = sum((self.alice[x] ^ self.bob[y]) == (x & y) for x in (0, 1) for y in (0, 1))
        return wins / 4


def local_strategies() -> tuple[LocalStrategy, ...]:
    """All 16 deterministic local strategies of the CHSH game."""
    return tuple(LocalStrategy((a0, a1), (b0, b1)) for a0, a1, b0, b1 in itertools.product((0, 1), repeat=4))
