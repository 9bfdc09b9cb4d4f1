"""One qubit: states on the Bloch sphere, gates, and measurement in any basis.

Conventions (Nielsen & Chuang, *Quantum Computation and Quantum Information*, 2010, §1.2, §4.2):
a pure state is ``cos(theta/2)|0> + e^{i phi} sin(theta/2)|1>`` (eq. 1.4); its Bloch vector is
``(<X>, <Y>, <Z>) = (sin theta cos phi, sin theta sin phi, cos theta)``; a mixed state is
``rho = (I + r.sigma) / 2`` with ``|r| <= 1`` (eq. 4.2 and exercise 4.2); a rotation by
``angle`` about axis ``a`` is ``R_a(angle) = exp(-i angle sigma_a / 2)`` (eqs. 4.4-4.6).
Measuring along a unit vector ``n`` gives outcome 0 (the state along ``+n``) with probability
``(1 + r.n) / 2`` (Born rule with the projector ``(I + n.sigma) / 2``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Union

import numpy as np
import qutip

from qwidgets import validation
from qwidgets.errors import InvalidTypeError, InvalidValueError
from qwidgets.physics.bases import BASES

__all__ = [
    "GATE_NAMES",
    "ROTATION_NAMES",
    "MeasurementRun",
    "apply_gate",
    "bloch_angles",
    "bloch_state",
    "bloch_vector",
    "collapse",
    "ket",
    "measure",
    "measurement_probabilities",
    "mixture",
    "sample_measurement",
]

Basis = Union[str, tuple[float, float]]
Gate = Union[str, tuple[str, float]]

_PAULIS = {"X": qutip.sigmax(), "Y": qutip.sigmay(), "Z": qutip.sigmaz()}
_FIXED_GATES = {
    **_PAULIS,
    "H": (qutip.sigmax() + qutip.sigmaz()) / math.sqrt(2),
    "S": qutip.Qobj(np.diag([1, 1j])),
    "T": qutip.Qobj(np.diag([1, np.exp(1j * math.pi / 4)])),
}
GATE_NAMES: tuple[str, ...] = tuple(_FIXED_GATES)
"""Names of the fixed one-qubit gates accepted by :func:`apply_gate`."""
ROTATION_NAMES: tuple[str, ...] = ("RX", "RY", "RZ")
"""Names of the rotations accepted by :func:`apply_gate` as ``(name, angle)``."""
_BASIS_ALLOWED = "'Z', 'X', 'Y' or a Bloch direction (theta, phi) in radians"
_GATE_ALLOWED = (
    f"one of {', '.join(map(repr, GATE_NAMES))} or a rotation "
    f"({' / '.join(map(repr, ROTATION_NAMES))}, angle in radians)"
)
_TWO_PI = 2 * math.pi
_ANGLE_SNAP = 1e-12  # float noise below this is not a real angle (eight T gates are a full turn)
_CHUNK = 1 << 18  # shots drawn at a time by measure(): 2 MiB of random numbers


def ket(theta: float, phi: float) -> qutip.Qobj:
    """Return the pure qubit state at polar angle ``theta`` and azimuth ``phi``.

    Parameters
    ----------
    theta, phi : float
        Bloch-sphere angles in radians (any finite value; they are periodic).

    Returns
    -------
    qutip.Qobj
        The ket ``cos(theta/2)|0> + e^{i phi} sin(theta/2)|1>``.

    Raises
    ------
    TypeError
        If an angle is not a real number.
    ValueError
        If an angle is NaN or infinite.
    """
    theta = validation.angle("theta", theta)
    phi = validation.angle("phi", phi)
    return qutip.Qobj(np.array([[math.cos(theta / 2)], [np.exp(1j * phi) * math.sin(theta / 2)]]))


def bloch_state(theta: float, phi: float, r: float = 1.0) -> qutip.Qobj:
    """Return the qubit state whose Bloch vector has length ``r`` and direction ``(theta, phi)``.

    ``r = 1`` gives the pure state :func:`ket` ``(theta, phi)``; ``r < 1`` the density matrix
    ``(I + r n.sigma) / 2`` (a mixture, inside the sphere); ``r = 0`` the maximally mixed state.
    """
    r = validation.real("r", r, low=0.0, high=1.0)
    pure = ket(theta, phi)
    if r == 1.0:
        return pure
    return r * pure.proj() + (1 - r) / 2 * qutip.qeye(2)


def mixture(*weighted: tuple[float, qutip.Qobj]) -> qutip.Qobj:
    """Return the density matrix of a statistical mixture ``sum_k p_k rho_k``.

    Parameters
    ----------
    *weighted : (float, qutip.Qobj)
        Pairs ``(p_k, state_k)`` of a probability and a qubit ket or density matrix; the
        probabilities must add up to 1. ``mixture((0.5, ket(0, 0)), (0.5, ket(math.pi, 0)))``
        is a fair coin of ``|0>`` and ``|1>``: the maximally mixed state.
    """
    if not weighted:
        raise InvalidValueError("mixture", "no states", "at least one (probability, state) pair")
    total = 0.0
    rho = qutip.Qobj(np.zeros((2, 2)))
    for k, pair in enumerate(weighted):
        if not (isinstance(pair, Sequence) and len(pair) == 2):
            raise InvalidTypeError(f"mixture item {k}", pair, "a pair (probability, state)")
        weight = validation.probability(f"probability {k}", pair[0])
        state = validation.qubit_state(f"state {k}", pair[1])
        rho += weight * (state.proj() if state.isket else state)
        total += weight
    if abs(total - 1) > validation.NORM_TOLERANCE:
        raise InvalidValueError("probabilities", f"a total of {total:.6g}", "adding up to 1")
    return rho


def bloch_vector(state: qutip.Qobj) -> np.ndarray:
    """Return the Bloch vector ``(<X>, <Y>, <Z>)`` of a qubit ket or density matrix.

    A pure state lies on the unit sphere; a mixed state inside it.
    """
    state = validation.qubit_state("state", state)
    return np.array([qutip.expect(op, state) for op in _PAULIS.values()], dtype=float)


def bloch_angles(state: qutip.Qobj) -> tuple[float, float]:
    """Return the direction ``(theta, phi)`` of a qubit's Bloch vector.

    ``theta`` is in ``[0, pi]`` and ``phi`` in ``[0, 2 pi)``; float noise is cleaned up, so
    eight T gates bring ``phi`` back to exactly 0. On the z axis (and for the maximally mixed
    state) ``phi`` is undefined and returned as 0.
    """
    x, y, z = bloch_vector(state)
    length = math.sqrt(x * x + y * y + z * z)
    if length < _ANGLE_SNAP:
        return 0.0, 0.0
    theta = math.acos(max(-1.0, min(1.0, z / length)))
    if math.hypot(x, y) < _ANGLE_SNAP * length:
        return theta, 0.0
    phi = math.atan2(y, x) % _TWO_PI
    return theta, 0.0 if _TWO_PI - phi < _ANGLE_SNAP or phi < _ANGLE_SNAP else phi


def _gate_operator(gate: object) -> qutip.Qobj:
    """Return the unitary for a gate name or ``(rotation, angle)`` pair."""
    if isinstance(gate, str):
        name = gate.upper()
        if name in _FIXED_GATES:
            return _FIXED_GATES[name]
        if name in ROTATION_NAMES:
            raise InvalidValueError("gate", gate, f"{_GATE_ALLOWED}; give {name} with an angle")
        raise InvalidValueError("gate", gate, _GATE_ALLOWED)
    if isinstance(gate, tuple) and len(gate) == 2 and isinstance(gate[0], str):
        name = gate[0].upper()
        if name not in ROTATION_NAMES:
            raise InvalidValueError("gate", gate, _GATE_ALLOWED)
        angle = validation.angle("gate angle", gate[1])
        axis = _PAULIS[name[1]]
        return math.cos(angle / 2) * qutip.qeye(2) - 1j * math.sin(angle / 2) * axis
    raise InvalidTypeError("gate", gate, _GATE_ALLOWED)


def apply_gate(state: qutip.Qobj, gate: Gate) -> qutip.Qobj:
    """Apply a one-qubit gate to a ket (``U|psi>``) or density matrix (``U rho U^dagger``).

    Parameters
    ----------
    state : qutip.Qobj
        Qubit ket or density matrix.
    gate : str or tuple
        ``"X"``, ``"Y"``, ``"Z"``, ``"H"``, ``"S"``, ``"T"`` (case-insensitive), or
        ``("RX", angle)``, ``("RY", angle)``, ``("RZ", angle)`` with ``angle`` in radians,
        ``R_a(angle) = exp(-i angle sigma_a / 2)``.

    Returns
    -------
    qutip.Qobj
        The new state, of the same kind (ket or density matrix) as ``state``.
    """
    state = validation.qubit_state("state", state)
    unitary = _gate_operator(gate)
    return unitary * state if state.isket else unitary * state * unitary.dag()


def _basis_direction(basis: object) -> tuple[float, float]:
    """Return the Bloch angles ``(theta, phi)`` of outcome 0 of ``basis``."""
    if isinstance(basis, str):
        if basis.upper() not in BASES:
            raise InvalidValueError("basis", basis, _BASIS_ALLOWED)
        zero = BASES[basis.upper()].outcomes[0]
        return zero.theta, zero.phi
    if isinstance(basis, (tuple, list)) and len(basis) == 2:
        return validation.angle("basis theta", basis[0]), validation.angle("basis phi", basis[1])
    raise InvalidTypeError("basis", basis, _BASIS_ALLOWED)


def _canonical_basis(basis: object) -> Basis:
    """``"Z"``/``"X"``/``"Y"`` in upper case, or a direction as a tuple of two floats."""
    theta, phi = _basis_direction(basis)
    return basis.upper() if isinstance(basis, str) else (theta, phi)


def _direction_vector(theta: float, phi: float) -> tuple[float, float, float]:
    return (math.sin(theta) * math.cos(phi), math.sin(theta) * math.sin(phi), math.cos(theta))


def measurement_probabilities(state: qutip.Qobj, basis: Basis) -> tuple[float, float]:
    """Return the exact outcome probabilities ``(p0, p1)`` of measuring ``state`` in ``basis``.

    Parameters
    ----------
    state : qutip.Qobj
        Qubit ket or density matrix.
    basis : str or tuple
        ``"Z"``, ``"X"``, ``"Y"`` (case-insensitive) or a Bloch direction ``(theta, phi)``.
        Outcome 0 is the state along the basis direction (``|0>``, ``|+>``, ``|+i>``, or
        ``ket(theta, phi)``); outcome 1 the orthogonal one.

    Returns
    -------
    tuple of float
        ``(p0, p1)`` with ``p0 = <n|rho|n> = (1 + r.n) / 2`` (Born rule).
    """
    state = validation.qubit_state("state", state)
    along = ket(*_basis_direction(basis))
    p0 = min(1.0, max(0.0, float(qutip.expect(along.proj(), state))))
    return p0, 1.0 - p0


def measure(
    state: qutip.Qobj,
    basis: Basis,
    shots: int,
    *,
    rng: np.random.Generator | int | None = None,
) -> np.ndarray:
    """Sample ``shots`` independent measurements of identically prepared copies of ``state``.

    Memory stays within a few MiB of the returned array: outcomes are drawn in chunks.

    Parameters
    ----------
    state, basis
        As in :func:`measurement_probabilities`.
    shots : int
        Number of copies measured, from 1 to :data:`qwidgets.validation.MAX_SHOTS`.
    rng : numpy.random.Generator, int or None
        Source of randomness; an int seeds a new Generator.

    Returns
    -------
    numpy.ndarray
        ``int8`` array of 0/1 outcomes, one per shot.
    """
    shots = validation.shots(shots)
    _, p1 = measurement_probabilities(state, basis)
    generator = validation.rng(rng)
    outcomes = np.empty(shots, dtype=np.int8)
    uniform = np.empty(min(shots, _CHUNK))
    for start in range(0, shots, _CHUNK):
        block = uniform[: min(_CHUNK, shots - start)]
        generator.random(out=block)
        np.less(block, p1, out=outcomes[start : start + len(block)].view(np.bool_))
    return outcomes


@dataclass(frozen=True)
class MeasurementRun:
    """A sampled run of measurements on copies of one qubit state.

    Attributes
    ----------
    basis : str or tuple
        ``"Z"``, ``"X"``, ``"Y"`` or a direction ``(theta, phi)`` in rad.
    bloch_vector : tuple of float
        Bloch vector of the measured state.
    basis_vector : tuple of float
        Unit vector of outcome 0.
    probabilities : tuple of float
        Exact ``(p0, p1)``.
    counts : tuple of int
        Sampled ``(n0, n1)``, summing to ``shots``.
    shots : int
        Number of copies measured, each once.
    """

    basis: Basis
    bloch_vector: tuple[float, float, float]
    basis_vector: tuple[float, float, float]
    probabilities: tuple[float, float]
    counts: tuple[int, int]
    shots: int

    @property
    def frequencies(self) -> tuple[float, float]:
        """Sampled relative frequencies ``(n0 / shots, n1 / shots)``."""
        return self.counts[0] / self.shots, self.counts[1] / self.shots


def sample_measurement(
    state: qutip.Qobj,
    basis: Basis,
    shots: int,
    *,
    rng: np.random.Generator | int | None = None,
) -> MeasurementRun:
    """Measure ``shots`` copies of ``state`` in ``basis`` and summarise the run.

    The counts are one binomial draw, so the cost does not grow with ``shots``; the same
    ``rng`` gives the same counts. Arguments as in :func:`measure`.
    """
    shots = validation.shots(shots)
    p0, p1 = measurement_probabilities(state, basis)
    ones = int(validation.rng(rng).binomial(shots, p1))
    return MeasurementRun(
        basis=_canonical_basis(basis),
        bloch_vector=tuple(float(v) for v in bloch_vector(state)),
        basis_vector=_direction_vector(*_basis_direction(basis)),
        probabilities=(p0, p1),
        counts=(shots - ones, ones),
        shots=shots,
    )


def collapse(
    state: qutip.Qobj,
    basis: Basis,
    *,
    rng: np.random.Generator | int | None = None,
) -> tuple[int, qutip.Qobj]:
    """Measure one copy of ``state`` in ``basis`` and return the outcome and the state after.

    Projective measurement (von Neumann): the state after outcome ``k`` is the basis state of
    that outcome, whatever the state was before. Returns ``(outcome, ket)``.
    """
    theta, phi = _basis_direction(basis)
    _, p1 = measurement_probabilities(state, basis)
    outcome = int(validation.rng(rng).random() < p1)
    if isinstance(basis, str):
        return outcome, BASES[basis.upper()].outcomes[outcome].ket
    return outcome, ket(theta, phi) if outcome == 0 else ket(math.pi - theta, phi + math.pi)
