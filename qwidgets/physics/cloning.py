"""Quantum cloning of one qubit: why no machine copies an unknown state, and how well one can.

No unitary maps ``|psi>|0>`` to ``|psi>|psi>`` for every ``|psi>`` (the no-cloning theorem:
Wootters & Zurek, *Nature* 299, 802, 1982). Three machines show what is possible instead, each a
unitary on the qubits ``(input, blank)`` or ``(input, blank, ancilla)``, the blank and the
ancilla starting in ``|0>``:

- ``"universal"``: the Bužek-Hillery cloner (Bužek & Hillery, *Phys. Rev. A* 54, 1844, 1996).
  Both copies equal ``(I + (2/3) r.sigma) / 2`` for every input of Bloch vector ``r``: fidelity
  5/6 for every pure state, the optimum of :func:`optimal_clone_fidelity`.
- ``"phase-covariant"``: the optimal symmetric cloner of the states on the x-z great circle of
  the Bloch sphere, the four BB84 states and every ``cos(t/2)|0> + sin(t/2)|1>`` between them
  (Bruß, Cinchetti, D'Ariano & Macchiavello, *Phys. Rev. A* 62, 012302, 2000): fidelity
  ``1/2 + 1/sqrt 8 ~ 0.854`` for each copy, lower off that circle. Eve's optimal cloning attack
  on BB84 gives Bob and Eve this fidelity each, an error rate ``1 - F ~ 14.6 %`` (Fuchs, Gisin,
  Griffiths, Niu & Peres, *Phys. Rev. A* 56, 1163, 1997).
- ``"cnot"``: the classical copier, a CNOT from input to blank (Wootters & Zurek 1982). It copies
  ``|0>`` and ``|1>`` perfectly, but leaves each copy of ``|+>`` maximally mixed (fidelity 1/2)
  and the pair maximally entangled.

Fidelity with the pure input is ``F = <psi|rho|psi>``, the convention of the cloning papers cited
here (the square of the fidelity of Nielsen & Chuang, *Quantum Computation and Quantum
Information*, 2010, §9.2.2). Entanglement of
the two copies is Wootters' concurrence (*Phys. Rev. Lett.* 80, 2245, 1998), as computed by
``qutip.concurrence``: 0 for separable copies, 1 for a Bell pair.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from types import MappingProxyType

import qutip

from qwidgets import validation
from qwidgets.errors import InvalidValueError
from qwidgets.physics.qubit import bloch_vector

__all__ = [
    "CLONERS",
    "CloneResult",
    "clone",
    "clone_state",
    "cloner_unitary",
    "optimal_clone_fidelity",
]

CLONERS: tuple[str, ...] = ("universal", "phase-covariant", "cnot")
"""Names of the cloning machines accepted by :func:`cloner_unitary`, :func:`clone` and
:func:`clone_state`."""

_MAX_COPIES = 10**6  # largest N or M taken by optimal_clone_fidelity
_CONCURRENCE_SNAP = 1e-6  # qutip.concurrence of a separable state can be ~1e-8 from rounding


def optimal_clone_fidelity(n_in: int = 1, n_out: int = 2) -> float:
    """Return the fidelity of each copy made by the optimal universal symmetric N -> M cloner.

    ``F = (M (N + 1) + N) / (M (N + 2))`` for ``N`` identical pure qubits in and ``M`` copies out
    (Gisin & Massar, *Phys. Rev. Lett.* 79, 2153, 1997; optimality proved by Werner, *Phys. Rev.
    A* 58, 1827, 1998): 5/6 for 1 -> 2, 1 when ``M = N`` (nothing to copy), and
    ``(N + 1) / (N + 2)`` as ``M`` grows without bound, the fidelity of the best guess of the
    state from ``N`` copies.

    Parameters
    ----------
    n_in : int
        Number ``N`` of identical input qubits, from 1 to 1,000,000.
    n_out : int
        Number ``M`` of copies made, from ``n_in`` to 1,000,000.

    Returns
    -------
    float
        The fidelity ``<psi|rho_copy|psi>`` of each copy, the same for every pure input.

    Raises
    ------
    TypeError
        If ``n_in`` or ``n_out`` is not an integer.
    ValueError
        If ``n_in`` is out of range, or ``n_out`` is below ``n_in`` or above 1,000,000.
    """
    n = validation.integer("n_in", n_in, low=1, high=_MAX_COPIES)
    m = validation.integer("n_out", n_out, low=n, high=_MAX_COPIES)
    return (m * (n + 1) + n) / (m * (n + 2))


def _ket(bits: str) -> qutip.Qobj:
    """The computational basis ket of ``len(bits)`` qubits, e.g. ``_ket("011")`` = ``|011>``."""
    return qutip.basis([2] * len(bits), [int(bit) for bit in bits])


def _operator(images: dict[str, qutip.Qobj]) -> qutip.Qobj:
    """The operator ``sum_b |image_b><b|`` that maps each basis ket ``|b>`` to its image."""
    terms = [image * _ket(bits).dag() for bits, image in images.items()]
    return sum(terms[1:], terms[0])


def _universal() -> qutip.Qobj:
    """Bužek-Hillery cloner on (input, blank, ancilla), completed to a real orthogonal matrix.

    The isometry ``|0>|00> -> sqrt(2/3)|00>|0> + sqrt(1/6)(|01> + |10>)|1>`` and ``|1>|00> ->
    sqrt(2/3)|11>|1> + sqrt(1/6)(|01> + |10>)|0>`` (Bužek & Hillery 1996) keeps the spans of
    ``{|000>, |011>, |101>}`` and ``{|100>, |010>, |111>}``; inside each, the orthonormal triple
    ``(2, 1, 1)/sqrt 6``, ``(0, 1, -1)/sqrt 2``, ``(-1, 1, 1)/sqrt 3`` completes it. ``|001>``
    and ``|110>``, never reached from a blank and ancilla in ``|00>``, stay as they are.
    """
    return _operator(
        {
            "000": (2 * _ket("000") + _ket("011") + _ket("101")) / math.sqrt(6),
            "011": (_ket("011") - _ket("101")) / math.sqrt(2),
            "101": (_ket("011") + _ket("101") - _ket("000")) / math.sqrt(3),
            "100": (2 * _ket("111") + _ket("010") + _ket("100")) / math.sqrt(6),
            "010": (_ket("010") - _ket("100")) / math.sqrt(2),
            "111": (_ket("010") + _ket("100") - _ket("111")) / math.sqrt(3),
            "001": _ket("001"),
            "110": _ket("110"),
        }
    )


def _phase_covariant() -> qutip.Qobj:
    """Symmetric phase-covariant cloner of the x-z circle on (input, blank, ancilla).

    Built in three steps from unitaries, so it is unitary by construction:

    1. The economical cloner of the x-y equator (Niu & Griffiths, *Phys. Rev. A* 60, 2764, 1999;
       Fan, Matsumoto, Wang & Wadati, *Phys. Rev. A* 65, 012304, 2001): ``|00> -> |00>``,
       ``|10> -> (|01> + |10>)/sqrt 2``, completed by ``|01> -> (|10> - |01>)/sqrt 2`` and
       ``|11> -> |11>``.
    2. Turned to the x-z circle: ``E = (R^dag (x) R^dag) C (R (x) I)`` with
       ``R = R_x(-pi/2) = (I + iX)/sqrt 2``, which takes the x-z circle to the equator
       (``z -> y``, ``y -> -z``) and back. ``E`` alone clones that circle with fidelity
       ``1/2 + 1/sqrt 8`` but favours one pole of the y axis: ``|-i>`` is copied perfectly,
       ``|+i>`` not at all (each copy maximally mixed).
    3. Made symmetric: the ancilla, put in ``|+>`` by a Hadamard, chooses coherently between
       ``E`` and its mirror image ``(X (x) X) E (X (x) I)``, which favours the other pole; ``X``
       maps the x-z circle onto itself, so both branches clone it equally well.

    Each copy's Bloch vector becomes ``(x / sqrt 2, y / 2, z / sqrt 2)``: shrunk by ``1/sqrt 2``
    in the x-z plane (fidelity ``(1 + 1/sqrt 2)/2``) and by 1/2 along y (fidelity 3/4 for
    ``|+i>`` and ``|-i>``).
    """
    identity, flip = qutip.qeye(2), qutip.sigmax()
    economical = _operator(
        {
            "00": _ket("00"),
            "10": (_ket("01") + _ket("10")) / math.sqrt(2),
            "01": (_ket("10") - _ket("01")) / math.sqrt(2),
            "11": _ket("11"),
        }
    )
    turn = (identity + 1j * flip) / math.sqrt(2)
    circle = qutip.tensor(turn.dag(), turn.dag()) * economical * qutip.tensor(turn, identity)
    mirror = qutip.tensor(flip, flip) * circle * qutip.tensor(flip, identity)
    coin = (qutip.sigmax() + qutip.sigmaz()) / math.sqrt(2)
    controlled = qutip.tensor(circle, _ket("0").proj()) + qutip.tensor(mirror, _ket("1").proj())
    return controlled * qutip.tensor(identity, identity, coin)


def _cnot() -> qutip.Qobj:
    """CNOT on (input, blank): ``|a>|b> -> |a>|a XOR b>`` (Wootters & Zurek 1982)."""
    return _operator({"00": _ket("00"), "01": _ket("01"), "10": _ket("11"), "11": _ket("10")})


_UNITARIES = MappingProxyType(
    {"universal": _universal(), "phase-covariant": _phase_covariant(), "cnot": _cnot()}
)


def cloner_unitary(name: str) -> qutip.Qobj:
    """Return the unitary of the cloning machine called ``name``.

    Parameters
    ----------
    name : str
        One of :data:`CLONERS`:

        - ``"universal"``: the Bužek-Hillery cloner (Bužek & Hillery, *Phys. Rev. A* 54, 1844,
          1996), 3 qubits (input, blank, ancilla). It maps ``|0>|00>`` to
          ``sqrt(2/3)|00>|0> + sqrt(1/6)(|01> + |10>)|1>`` and ``|1>|00>`` to
          ``sqrt(2/3)|11>|1> + sqrt(1/6)(|01> + |10>)|0>``; on the other six basis states it is
          completed to a real orthogonal matrix.
        - ``"phase-covariant"``: the optimal symmetric cloner of the x-z circle (Bruß,
          Cinchetti, D'Ariano & Macchiavello, *Phys. Rev. A* 62, 012302, 2000), 3 qubits
          (input, blank, ancilla): the economical equator cloner ``|00> -> |00>``,
          ``|10> -> (|01> + |10>)/sqrt 2`` (Niu & Griffiths, *Phys. Rev. A* 60, 2764, 1999)
          turned by ``R_x(-pi/2)`` onto the x-z circle, and mixed coherently, through the
          ancilla, with its mirror image under ``X``, so that ``|+i>`` and ``|-i>`` fare alike.
        - ``"cnot"``: CNOT from input to blank, 2 qubits (input, blank).

    Returns
    -------
    qutip.Qobj
        The unitary, on qubits ordered (input, blank, [ancilla]); the blank and the ancilla
        start in ``|0>``.

    Raises
    ------
    ValueError
        If ``name`` is not one of :data:`CLONERS`.
    """
    return _UNITARIES[validation.choice("cloner", name, CLONERS)]


def clone_state(state: qutip.Qobj, cloner: str = "universal") -> qutip.Qobj:
    """Return the joint density matrix of the two copies made from ``state`` by ``cloner``.

    ``rho_12 = Tr_ancilla[U (rho (x) |0><0| (x) ...) U^dag]`` with ``U`` from
    :func:`cloner_unitary`. For the cloning attack on BB84: qubit 0 is the copy sent on to Bob,
    qubit 1 the copy Eve keeps, and measuring both shows how their outcomes are correlated.

    Parameters
    ----------
    state : qutip.Qobj
        Qubit ket or density matrix; a mixed state is cloned too (the machines are linear).
    cloner : str
        One of :data:`CLONERS` (see :func:`cloner_unitary`).

    Returns
    -------
    qutip.Qobj
        Two-qubit density matrix with dims ``[[2, 2], [2, 2]]``, ordered (input's copy, blank's
        copy).

    Raises
    ------
    TypeError
        If ``state`` is not a ``qutip.Qobj``.
    ValueError
        If ``state`` is not a valid qubit state, or ``cloner`` is unknown.
    """
    state = validation.qubit_state("state", state)
    unitary = cloner_unitary(cloner)
    rho = state.proj() if state.isket else state
    blanks = _ket("0" * (len(unitary.dims[0]) - 1)).proj()
    return (unitary * qutip.tensor(rho, blanks) * unitary.dag()).ptrace([0, 1])


@dataclass(frozen=True)
class CloneResult:
    """What a cloning machine made of one pure qubit: two worse copies, perhaps entangled.

    Attributes
    ----------
    cloner : str
        The machine, one of :data:`CLONERS`.
    input_vector : tuple of float
        Bloch vector ``(x, y, z)`` of the input (a unit vector: the input is pure).
    bloch_vectors : tuple of two tuples of float
        Bloch vectors of the two copies (input's qubit, blank's qubit); shorter than the input's
        when the copy is mixed.
    fidelities : tuple of float
        ``F = <psi|rho_k|psi>`` of each copy ``k`` with the input, from 0 to 1.
    concurrence : float
        Wootters' concurrence of the two copies' joint state (*Phys. Rev. Lett.* 80, 2245, 1998):
        0 when they are separable, 1 for a Bell pair. Float noise below 1e-6 reads as 0.
    """

    cloner: str
    input_vector: tuple[float, float, float]
    bloch_vectors: tuple[tuple[float, float, float], tuple[float, float, float]]
    fidelities: tuple[float, float]
    concurrence: float

    @property
    def entangled(self) -> bool:
        """Whether the two copies are entangled (concurrence above 0)."""
        return self.concurrence > 0.0


def _vector(state: qutip.Qobj) -> tuple[float, float, float]:
    x, y, z = (float(v) for v in bloch_vector(state))
    return x, y, z


def clone(state: qutip.Qobj, cloner: str = "universal") -> CloneResult:
    """Copy one pure qubit with ``cloner`` and compare both copies with it.

    Parameters
    ----------
    state : qutip.Qobj
        A pure qubit state: a ket or a rank-1 density matrix (purity ``Tr rho^2`` within
        :data:`qwidgets.validation.NORM_TOLERANCE` of 1); fidelity with a mixed input is not
        ``<psi|rho|psi>``, so a mixed state is refused here (:func:`clone_state` takes it).
    cloner : str
        One of :data:`CLONERS` (see :func:`cloner_unitary`).

    Returns
    -------
    CloneResult
        Bloch vectors and fidelities ``<psi|rho_k|psi> = (1 + r_in . r_k) / 2`` of both copies,
        and the concurrence of the pair. The universal cloner gives fidelity 5/6 and vector
        ``(2/3) r_in`` for every input (Bužek & Hillery 1996); the phase-covariant one
        ``1/2 + 1/sqrt 8`` on the x-z circle; the CNOT 1 for ``|0>`` and ``|1>``, 1/2 and a
        Bell pair for ``|+>`` (Wootters & Zurek 1982).

    Raises
    ------
    TypeError
        If ``state`` is not a ``qutip.Qobj``.
    ValueError
        If ``state`` is not a valid qubit state or is mixed, or ``cloner`` is unknown.
    """
    state = validation.qubit_state("state", state)
    rho = state.proj() if state.isket else state
    purity = float((rho * rho).tr().real)
    if abs(purity - 1) > validation.NORM_TOLERANCE:
        raise InvalidValueError(
            "state",
            f"a mixed state of purity {purity:.6g}",
            "a pure qubit state (a ket or a rank-1 density matrix)",
        )
    joint = clone_state(rho, cloner)
    copies = (joint.ptrace(0), joint.ptrace(1))
    fidelities = tuple(min(1.0, max(0.0, float(qutip.expect(rho, copy)))) for copy in copies)
    concurrence = float(qutip.concurrence(joint))
    return CloneResult(
        cloner=cloner,
        input_vector=_vector(rho),
        bloch_vectors=(_vector(copies[0]), _vector(copies[1])),
        fidelities=fidelities,
        concurrence=concurrence if concurrence > _CONCURRENCE_SNAP else 0.0,
    )
