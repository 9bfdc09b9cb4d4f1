"""Distributed quantum computing: a CNOT between two nodes from one shared pair and two bits.

Alice holds the control qubit, Bob the target; they share one Bell pair ``Phi+``. The circuit
(Eisert, Jacobs, Papadopoulos & Plenio, "Optimal local implementation of nonlocal quantum gates",
PRA 62, 052317, 2000; the idea of gate teleportation is Gottesman & Chuang, Nature 402, 390,
1999): Alice applies CNOT from the control to her half of the pair and measures her half in Z
(bit ``m1``, sent to Bob); Bob applies ``X^m1`` to his half, a CNOT from his half to the target,
and measures his half in X (bit ``m2``, sent to Alice); Alice applies ``Z^m2`` to the control. The
control and target then hold ``CNOT |psi>``, whatever the input and whichever bits came out: one
ebit and two classical bits make one CNOT across the network, and neither qubit travels.

Qubits are numbered 0 the control (Alice), 1 Alice's half of the pair, 2 Bob's half, 3 the target
(Bob). A Werner pair of fidelity ``F`` (``pairs.werner_state``) is ``Phi+`` with, on Alice's half,
no error (probability ``F``) or a bit flip, a phase flip or both (``(1 - F)/3`` each). The circuit
passes the error on: a bit flip flips ``m1``, and Bob's CNOT then flips the target (``X_t``); a phase
flip goes back through Alice's CNOT onto the control (``Z_c``); both give ``Z_c X_t``. So in every
branch the output is ``CNOT |psi>`` with probability ``F`` and one of the three errors applied to it
otherwise, and for a pure input its fidelity is ``F + (1 - F)/3 (<X_t>^2 + <Z_c>^2 + <Z_c X_t>^2)``,
the expectations taken in ``CNOT |psi>``. Averaged over all pure inputs each squared expectation is
``1/5`` (two qubits, ``d = 4``), which gives ``(4F + 1)/5``: the relation ``(d f + 1)/(d + 1)``
between a channel's average fidelity and its entanglement fidelity ``f``
(Horodecki, Horodecki & Horodecki, PRA 60, 1888, 1999).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import qutip

from qwidgets import validation
from qwidgets.physics.pairs import fidelity, two_qubit
from qwidgets.physics.teleportation import _OUTCOMES, _resource, _two_bits

__all__ = [
    "NONLOCAL_CNOT_STEPS",
    "NonlocalCnotRun",
    "NonlocalCnotStep",
    "average_nonlocal_cnot_fidelity",
    "nonlocal_cnot",
]

NONLOCAL_CNOT_STEPS: tuple[str, ...] = (
    "start",
    "alice cnot",
    "alice measures",
    "bob corrects",
    "bob cnot",
    "bob measures",
    "alice corrects",
)
"""Names of the protocol's steps, in order."""

_LABELS = {
    "start": "The control is with Alice, the target with Bob; they share one pair.",
    "alice cnot": "Alice applies CNOT: the control controls her half of the pair.",
    "alice measures": "Alice measures her half in Z and sends the bit m1 to Bob.",
    "bob corrects": "Bob applies X to his half if m1 = 1: it now copies the control in Z.",
    "bob cnot": "Bob applies CNOT: his half of the pair controls the target.",
    "bob measures": "Bob measures his half in X and sends the bit m2 to Alice.",
    "alice corrects": "Alice applies Z to the control if m2 = 1: control and target hold CNOT|psi>.",
}
_I, _X, _Z = qutip.qeye(2), qutip.sigmax(), qutip.sigmaz()
_P0, _P1 = qutip.basis(2, 0).proj(), qutip.basis(2, 1).proj()
_PLUS, _MINUS = ((qutip.basis(2, 0) + sign * qutip.basis(2, 1)).unit().proj() for sign in (1, -1))
_CNOT = qutip.tensor(_P0, _I) + qutip.tensor(_P1, _X)  # on two qubits, the first controls


def _on(**single: qutip.Qobj) -> qutip.Qobj:
    """An operator on the four qubits: ``single`` maps ``q0`` .. ``q3`` to one-qubit operators."""
    return qutip.tensor([single.get(f"q{k}", _I) for k in range(4)])


_ALICE_CNOT = _on(q0=_P0) + _on(q0=_P1, q1=_X)
_BOB_CNOT = _on(q2=_P0) + _on(q2=_P1, q3=_X)
_ALICE_Z = (_on(q1=_P0), _on(q1=_P1))  # projectors of m1 = 0, 1
_BOB_X = (_on(q2=_PLUS), _on(q2=_MINUS))  # projectors of m2 = 0, 1
_BOB_FLIP = (_on(), _on(q2=_X))
_ALICE_FLIP = (_on(), _on(q0=_Z))


@dataclass(frozen=True)
class NonlocalCnotStep:
    """The four qubits after one step of the protocol.

    Attributes
    ----------
    name : str
        One of :data:`NONLOCAL_CNOT_STEPS`.
    label : str
        What happened in this step, in a sentence.
    state : qutip.Qobj
        The density matrix of all four qubits (after a measurement: given its outcome).
    pair : qutip.Qobj
        The control and the target (qubits 0 and 3), the pair of resource qubits traced out.
    """

    name: str
    label: str
    state: qutip.Qobj
    pair: qutip.Qobj


@dataclass(frozen=True)
class NonlocalCnotRun:
    """One non-local CNOT, step by step.

    Attributes
    ----------
    input : qutip.Qobj
        The control and target before the gate (ket or density matrix, as given; control first).
    resource : qutip.Qobj
        The shared pair (density matrix; Alice's half first).
    ideal : qutip.Qobj
        ``CNOT`` applied to the input: what a perfect gate gives (a ket for a ket input).
    bits : tuple of int
        ``(m1, m2)``: Alice's Z outcome, sent to Bob, and Bob's X outcome, sent to Alice.
    outcome_probabilities : tuple of float
        Probability of each ``(m1, m2)``: 00, 01, 10, 11 (1/4 each for a perfect pair).
    steps : tuple of NonlocalCnotStep
        The qubits after each of :data:`NONLOCAL_CNOT_STEPS`.
    output : qutip.Qobj
        Control and target at the end (density matrix).
    fidelity : float
        ``F`` of the output with :attr:`ideal` in this branch (1 for a perfect pair).
    mean_fidelity : float
        The fidelity of the output averaged over the four outcomes (for a pure input, the mean of
        the branches' fidelities weighted by their probabilities): the gate's fidelity on this
        input.
    ebits_used : int
        Shared pairs consumed: 1.
    classical_bits : int
        Bits sent, one each way: 2.
    """

    input: qutip.Qobj
    resource: qutip.Qobj
    ideal: qutip.Qobj
    bits: tuple[int, int]
    outcome_probabilities: tuple[float, float, float, float]
    steps: tuple[NonlocalCnotStep, ...]
    output: qutip.Qobj
    fidelity: float
    mean_fidelity: float
    ebits_used: int
    classical_bits: int

    def step(self, name: str) -> NonlocalCnotStep:
        """The step called ``name`` (one of :data:`NONLOCAL_CNOT_STEPS`)."""
        return self.steps[NONLOCAL_CNOT_STEPS.index(validation.choice("name", name, NONLOCAL_CNOT_STEPS))]


def _start(rho: qutip.Qobj, pair: qutip.Qobj) -> qutip.Qobj:
    """Input on qubits 0 and 3, the pair on 1 and 2."""
    return qutip.tensor(rho, pair).permute([0, 2, 3, 1])


def _states(start: qutip.Qobj, bits: tuple[int, int]) -> list[qutip.Qobj]:
    """The four qubits after each step of the branch ``bits``, not normalised after the measurements."""
    m1, m2 = bits
    states = [start]
    for operator in (_ALICE_CNOT, _ALICE_Z[m1], _BOB_FLIP[m1], _BOB_CNOT, _BOB_X[m2], _ALICE_FLIP[m2]):
        states.append(operator * states[-1] * operator.dag())
    return states


def _averaged_output(start: qutip.Qobj) -> tuple[qutip.Qobj, tuple[float, float, float, float]]:
    """Control and target averaged over the four outcomes, and the probability of each outcome."""
    ends = [_states(start, m)[-1] for m in _OUTCOMES]
    probabilities = tuple(float(max(0.0, end.tr().real)) for end in ends)
    return sum(ends[1:], ends[0]).ptrace([0, 3]), probabilities


def nonlocal_cnot(
    state: qutip.Qobj,
    resource: qutip.Qobj | None = None,
    *,
    bits: tuple[int, int] | None = None,
    rng: np.random.Generator | int | None = None,
) -> NonlocalCnotRun:
    """Apply a CNOT between Alice's control and Bob's target with one shared pair, step by step.

    Parameters
    ----------
    state : qutip.Qobj
        Control (Alice's) and target (Bob's), a two-qubit ket or density matrix, control first.
    resource : qutip.Qobj or None
        The pair Alice (first qubit) and Bob share; ``None`` is a perfect ``Phi+``.
    bits : (int, int) or None
        The outcomes ``(m1, m2)``, to follow one branch of the protocol; ``None`` draws them with
        their probabilities (an outcome of probability zero is refused).
    rng : numpy.random.Generator, int or None
        Source of randomness for drawing the outcomes.

    Returns
    -------
    NonlocalCnotRun
        The steps, the bits, the output and its fidelity with ``CNOT |psi>``.

    Raises
    ------
    TypeError, ValueError
        For a state or resource that is not a two-qubit state, bits that are not two 0/1 values
        or name an impossible outcome, or an invalid ``rng``.
    """
    rho = two_qubit("state", state)
    pair = _resource(resource)
    ideal = _CNOT * state if state.isket else _CNOT * rho * _CNOT.dag()
    start = _start(rho, pair)
    averaged, probabilities = _averaged_output(start)
    chosen = _two_bits(bits, probabilities, rng, "(m1, m2)")
    states = [s / s.tr() for s in _states(start, chosen)]  # given the outcomes measured so far
    steps = tuple(
        NonlocalCnotStep(name, _LABELS[name], rho_k, rho_k.ptrace([0, 3]))
        for name, rho_k in zip(NONLOCAL_CNOT_STEPS, states)
    )
    output = steps[-1].pair
    return NonlocalCnotRun(
        input=state,
        resource=pair,
        ideal=ideal,
        bits=chosen,
        outcome_probabilities=probabilities,
        steps=steps,
        output=output,
        fidelity=fidelity(output, ideal),
        mean_fidelity=fidelity(averaged, ideal),
        ebits_used=1,
        classical_bits=len(chosen),
    )


@functools.cache
def _two_design() -> tuple[qutip.Qobj, ...]:
    """The 20 states of five mutually unbiased bases of two qubits, a 2-design.

    Each basis is the common eigenbasis of three commuting two-qubit Paulis (Bandyopadhyay,
    Boykin, Roychowdhury & Vatan, Algorithmica 34, 512, 2002); a complete set of mutually
    unbiased bases averages any quadratic function of a state exactly (Klappenecker &
    Rötteler, ISIT 2005).
    """
    y = qutip.sigmay()
    paulis = {"I": _I, "X": _X, "Y": y, "Z": _Z}
    generators = (("ZI", "IZ"), ("XI", "IX"), ("YI", "IY"), ("XZ", "ZY"), ("ZX", "YZ"))
    states = []
    for first, second in generators:
        a, b = (qutip.tensor(paulis[p[0]], paulis[p[1]]) for p in (first, second))
        _, vectors = np.linalg.eigh((a + 2 * b).full())  # eigenvalues -3, -1, 1, 3: no degeneracy
        states.extend(qutip.Qobj(vectors[:, k].reshape(4, 1), dims=[[2, 2], [1]]) for k in range(4))
    return tuple(states)


def average_nonlocal_cnot_fidelity(resource: qutip.Qobj | None = None) -> float:
    """The gate's fidelity averaged over all pure two-qubit inputs and the four outcomes, exactly.

    The average runs over the 20 states of five mutually unbiased bases, a 2-design, so it
    equals the average over all pure inputs. For a Werner pair of fidelity ``F`` it is
    ``(4F + 1)/5`` (see the module's docstring).
    """
    pair = _resource(resource)
    inputs = _two_design()
    total = sum(qutip.expect(_averaged_output(_start(psi.proj(), pair))[0], _CNOT * psi) for psi in inputs)
    return float(total / len(inputs))
