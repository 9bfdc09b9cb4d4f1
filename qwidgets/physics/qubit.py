"""One qubit: states on the Bloch sphere, gates, and measurement in any basis.

Conventions (Nielsen & Chuang, *Quantum Computation and Quantum Information*, 2010, §1.2, §4.2):
a pure state is ``cos(theta/2)|0> + e^{i phi} sin(theta/2)|1>`` (eq. 1.4); its Bloch vector is
``(<X>, <Y>, <Z>) = (sin theta cos phi, sin theta sin phi, cos theta)``; a rotation by ``angle``
about axis ``a`` is ``R_a(angle) = exp(-i angle sigma_a / 2)`` (eqs. 4.4-4.6). Measuring along a
unit vector ``n`` gives outcome 0 (the state along ``+n``) with probability ``(1 + r.n) / 2``
(exercise 2.72 / eq. 2.175 generalised), where ``r`` is the Bloch vector.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Union

import numpy as np
import qutip

from qwidgets.errors import InvalidTypeError, InvalidValueError
from qwidgets.physics._checks import count, qubit_state, real_number

__all__ = [
    "GATE_NAMES",
    "ROTATION_NAMES",
    "MeasurementRun",
    "apply_gate",
    "bloch_angles",
    "bloch_vector",
    "collapse",
    "ket",
    "measure",
    "measurement_probabilities",
    "sample_measurement",
]

Basis = Union[str, tuple[float, float]]
Gate = Union[str, tuple[str, float]]

MAX_SHOTS = 100_000_000
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
_BASES = {"Z": (0.0, 0.0), "X": (math.pi / 2, 0.0), "Y": (math.pi / 2, math.pi / 2)}
_BASIS_ALLOWED = "'Z', 'X', 'Y' or a Bloch direction (theta, phi) in radians"
_GATE_ALLOWED = (
    f"one of {', '.join(map(repr, GATE_NAMES))} or a rotation "
    f"({' / '.join(map(repr, ROTATION_NAMES))}, angle in radians)"
)


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
    theta = real_number("theta", theta)
    phi = real_number("phi", phi)
    return qutip.Qobj(np.array([[math.cos(theta / 2)], [np.exp(1j * phi) * math.sin(theta / 2)]]))


def bloch_vector(state: qutip.Qobj) -> np.ndarray:
    """Return the Bloch vector ``(<X>, <Y>, <Z>)`` of a qubit ket or density matrix.

    A pure state lies on the unit sphere; a mixed state inside it.
    """
    state = qubit_state("state", state)
    return np.array([qutip.expect(op, state) for op in _PAULIS.values()], dtype=float)


def bloch_angles(state: qutip.Qobj) -> tuple[float, float]:
    """Return the direction ``(theta, phi)`` of a qubit's Bloch vector.

    ``theta`` is in ``[0, pi]`` and ``phi`` in ``[0, 2 pi)``. On the z axis (and for the
    maximally mixed state) ``phi`` is undefined and returned as 0.
    """
    x, y, z = bloch_vector(state)
    length = math.sqrt(x * x + y * y + z * z)
    if length < 1e-12:
        return 0.0, 0.0
    theta = math.acos(max(-1.0, min(1.0, z / length)))
    if math.hypot(x, y) < 1e-12 * length:
        return theta, 0.0
    phi = math.atan2(y, x) % (2 * math.pi)
    return theta, 0.0 if phi >= 2 * math.pi else phi  # a tiny negative angle rounds up to 2 pi


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
        angle = real_number("gate angle", gate[1])
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
    state = qubit_state("state", state)
    unitary = _gate_operator(gate)
    return unitary * state if state.isket else unitary * state * unitary.dag()


def _basis_direction(basis: object) -> tuple[float, float]:
    """Return the Bloch angles ``(theta, phi)`` of outcome 0 of ``basis``."""
    if isinstance(basis, str):
        try:
            return _BASES[basis.upper()]
        except KeyError:
            raise InvalidValueError("basis", basis, _BASIS_ALLOWED) from None
    if isinstance(basis, (tuple, list)) and len(basis) == 2:
        return real_number("basis theta", basis[0]), real_number("basis phi", basis[1])
    raise InvalidTypeError("basis", basis, _BASIS_ALLOWED)


def _direction_vector(theta: float, phi: float) -> np.ndarray:
    return np.array(
        [math.sin(theta) * math.cos(phi), math.sin(theta) * math.sin(phi), math.cos(theta)]
    )


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
    state = qubit_state("state", state)
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

    Parameters
    ----------
    state, basis
        As in :func:`measurement_probabilities`.
    shots : int
        Number of copies measured, from 1 to 100,000,000.
    rng : numpy.random.Generator, int or None
        Source of randomness; an int seeds a new Generator.

    Returns
    -------
    numpy.ndarray
        ``int8`` array of 0/1 outcomes, one per shot.
    """
    shots = count("shots", shots, low=1, high=MAX_SHOTS)
    _, p1 = measurement_probabilities(state, basis)
    generator = np.random.default_rng(rng)
    return (generator.random(shots) < p1).astype(np.int8)


@dataclass(frozen=True)
class MeasurementRun:
    """A sampled run of measurements on copies of one qubit state.

    Attributes
    ----------
    basis : str or tuple
        The basis as given (``"Z"``, ``"X"``, ``"Y"`` or ``(theta, phi)``).
    bloch_vector : numpy.ndarray
        Bloch vector of the measured state.
    basis_vector : numpy.ndarray
        Unit vector of outcome 0.
    probabilities : tuple of float
        Exact ``(p0, p1)``.
    counts : tuple of int
        Sampled ``(n0, n1)``, summing to ``shots``.
    shots : int
        Number of copies measured.
    """

    basis: Basis
    bloch_vector: np.ndarray
    basis_vector: np.ndarray
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

    Same arguments as :func:`measure`; the same ``rng`` gives the same outcomes.
    """
    outcomes = measure(state, basis, shots, rng=rng)
    ones = int(np.count_nonzero(outcomes))
    return MeasurementRun(
        basis=basis,
        bloch_vector=bloch_vector(state),
        basis_vector=_direction_vector(*_basis_direction(basis)),
        probabilities=measurement_probabilities(state, basis),
        counts=(len(outcomes) - ones, ones),
        shots=len(outcomes),
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
    outcome = int(measure(state, basis, 1, rng=rng)[0])
    after = ket(theta, phi) if outcome == 0 else ket(math.pi - theta, phi + math.pi)
    return outcome, after
