"""Teleportation: a qubit's state moved with one shared pair and two classical bits.

Bennett, Brassard, Crépeau, Jozsa, Peres & Wootters, PRL 70, 1895 (1993); the circuit of
Nielsen & Chuang (2010), Fig. 1.13. Qubit 0 holds the state to send and qubit 1 Alice's half
of the pair, both with Alice; qubit 2 is Bob's half. Alice applies CNOT (0 controls 1) and H on
0, measures both (bits ``m0, m1``), and sends the bits; Bob applies ``X`` if ``m1 = 1``, then
``Z`` if ``m0 = 1``, and holds the state.

Until the bits arrive Bob's qubit is the same as before Alice did anything: for a perfect
pair the maximally mixed state ``I/2``, whatever the input; nothing travels faster than the
bits. With a resource pair of fidelity ``f = <Phi+|rho|Phi+>`` the output's fidelity averaged
over input states is ``(2f + 1)/3`` (Horodecki, Horodecki & Horodecki, PRA 60, 1888, 1999);
a Werner pair gives that fidelity for every input, and 2/3, the best without entanglement
(Massar & Popescu, PRL 74, 1259, 1995), at ``f = 1/2``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import qutip

from qwidgets import validation
from qwidgets.errors import InvalidValueError
from qwidgets.physics.bases import AXIS_STATES
from qwidgets.physics.pairs import bell_state, fidelity, two_qubit

__all__ = [
    "CLASSICAL_TELEPORT_FIDELITY",
    "TELEPORT_STEPS",
    "TeleportRun",
    "TeleportStep",
    "average_teleport_fidelity",
    "teleport",
]

CLASSICAL_TELEPORT_FIDELITY = 2 / 3
"""Best average fidelity of sending a qubit's state with classical bits alone (measure and resend)."""
TELEPORT_STEPS: tuple[str, ...] = ("start", "cnot", "hadamard", "measure", "correct")
"""Names of the protocol's steps, in order."""

_I, _X, _Z = qutip.qeye(2), qutip.sigmax(), qutip.sigmaz()
_H = (_X + _Z) / math.sqrt(2)
_P0, _P1 = qutip.basis(2, 0).proj(), qutip.basis(2, 1).proj()
_CNOT_01 = qutip.tensor(_P0, _I, _I) + qutip.tensor(_P1, _X, _I)
_H_0 = qutip.tensor(_H, _I, _I)
_LABELS = {
    "start": "The input on qubit 0; Alice holds qubit 1 and Bob qubit 2 of the pair.",
    "cnot": "Alice applies CNOT: qubit 0 controls qubit 1.",
    "hadamard": "Alice applies H to qubit 0.",
    "measure": "Alice measures qubits 0 and 1 and sends the two bits to Bob.",
    "correct": "The bits arrive; Bob applies X if the second bit is 1, then Z if the first is 1.",
}


@dataclass(frozen=True)
class TeleportStep:
    """The three qubits after one step of the protocol.

    Attributes
    ----------
    name : str
        One of :data:`TELEPORT_STEPS`.
    label : str
        What happened in this step, in a sentence.
    state : qutip.Qobj
        The density matrix of all three qubits (after the measurement: given its outcome).
    bob : qutip.Qobj
        Bob's qubit given everything that happened (including outcomes Bob does not know yet).
    bob_knows : qutip.Qobj
        Bob's qubit as far as Bob can tell: until the bits arrive, averaged over Alice's
        outcomes, which is what his own measurements would show.
    """

    name: str
    label: str
    state: qutip.Qobj
    bob: qutip.Qobj
    bob_knows: qutip.Qobj


@dataclass(frozen=True)
class TeleportRun:
    """One teleportation, step by step.

    Attributes
    ----------
    input : qutip.Qobj
        The state sent (ket or density matrix, as given).
    resource : qutip.Qobj
        The shared pair (density matrix of qubits 1 and 2).
    bits : tuple of int
        Alice's outcomes ``(m0, m1)``, the two bits she sends.
    outcome_probabilities : tuple of float
        Probability of each outcome ``00, 01, 10, 11`` (1/4 each for a perfect pair).
    steps : tuple of TeleportStep
        The qubits after each of :data:`TELEPORT_STEPS`.
    output : qutip.Qobj
        Bob's qubit at the end (density matrix).
    fidelity : float
        ``<psi|rho_out|psi>`` with the input (1 for a perfect pair).
    """

    input: qutip.Qobj
    resource: qutip.Qobj
    bits: tuple[int, int]
    outcome_probabilities: tuple[float, float, float, float]
    steps: tuple[TeleportStep, ...]
    output: qutip.Qobj
    fidelity: float

    def step(self, name: str) -> TeleportStep:
        """The step called ``name`` (one of :data:`TELEPORT_STEPS`)."""
        return self.steps[TELEPORT_STEPS.index(validation.choice("name", name, TELEPORT_STEPS))]


def _resource(resource: object) -> qutip.Qobj:
    return bell_state("phi+").proj() if resource is None else two_qubit("resource", resource)


def _correction(bits: tuple[int, int]) -> qutip.Qobj:
    """Bob's correction ``Z^m0 X^m1`` on qubit 2."""
    m0, m1 = bits
    return qutip.tensor(_I, _I, (_Z if m0 else _I) * (_X if m1 else _I))


def _outcome_projector(bits: tuple[int, int]) -> qutip.Qobj:
    return qutip.tensor(_P1 if bits[0] else _P0, _P1 if bits[1] else _P0, _I)


_OUTCOMES: tuple[tuple[int, int], ...] = ((0, 0), (0, 1), (1, 0), (1, 1))


def _two_bits(bits: object, probabilities: tuple[float, ...], rng: object, names: str) -> tuple[int, int]:
    """Two measured bits: drawn with ``probabilities`` (over :data:`_OUTCOMES`) when ``bits`` is None,
    else ``bits`` checked (two 0/1 values of an outcome that can happen). ``names`` for messages."""
    if bits is None:
        p = np.array(probabilities) / sum(probabilities)
        return _OUTCOMES[int(validation.rng(rng).choice(4, p=p))]
    if not (isinstance(bits, (tuple, list)) and len(bits) == 2):
        raise InvalidValueError("bits", bits, f"a pair of bits {names}, or None to draw them")
    chosen = tuple(validation.integer(f"bits[{k}]", b, low=0, high=1) for k, b in enumerate(bits))
    if probabilities[_OUTCOMES.index(chosen)] < 1e-12:
        raise InvalidValueError("bits", bits, "an outcome that can happen (its probability is 0)")
    return chosen


def _before_measurement(state: qutip.Qobj, pair: qutip.Qobj) -> list[qutip.Qobj]:
    rho = state.proj() if state.isket else state
    start = qutip.tensor(rho, pair)
    after_cnot = _CNOT_01 * start * _CNOT_01.dag()
    return [start, after_cnot, _H_0 * after_cnot * _H_0.dag()]


def teleport(
    state: qutip.Qobj,
    resource: qutip.Qobj | None = None,
    *,
    bits: tuple[int, int] | None = None,
    rng: np.random.Generator | int | None = None,
) -> TeleportRun:
    """Teleport a qubit's ``state`` with a shared pair, step by step.

    Parameters
    ----------
    state : qutip.Qobj
        The qubit to send, a ket or density matrix.
    resource : qutip.Qobj or None
        The pair Alice (first qubit) and Bob share; ``None`` is a perfect ``Phi+``.
    bits : (int, int) or None
        Alice's outcomes, to follow one branch of the protocol; ``None`` draws them with their
        probabilities (an outcome of probability zero is refused).
    rng : numpy.random.Generator, int or None
        Source of randomness for drawing the outcomes.
    """
    psi = validation.qubit_state("state", state)
    pair = _resource(resource)
    before = _before_measurement(psi, pair)
    mixed = before[-1]
    probabilities = tuple(float(max(0.0, (_outcome_projector(m) * mixed).tr().real)) for m in _OUTCOMES)
    bits = _two_bits(bits, probabilities, rng, "(m0, m1)")
    projector = _outcome_projector(bits)
    measured = projector * mixed * projector
    measured = measured / measured.tr()
    correction = _correction(bits)
    corrected = correction * measured * correction.dag()
    bob_alone = pair.ptrace(1)  # what Bob can see until the bits arrive
    states = (*before, measured, corrected)
    steps = tuple(
        TeleportStep(
            name,
            _LABELS[name],
            rho,
            rho.ptrace(2),
            rho.ptrace(2) if name == "correct" else bob_alone,
        )
        for name, rho in zip(TELEPORT_STEPS, states)
    )
    output = corrected.ptrace(2)
    return TeleportRun(
        input=psi,
        resource=pair,
        bits=bits,
        outcome_probabilities=probabilities,
        steps=steps,
        output=output,
        fidelity=fidelity(output, psi),
    )


def average_teleport_fidelity(resource: qutip.Qobj | None = None) -> float:
    """Output fidelity averaged over input states and Alice's outcomes, computed exactly.

    The six axis states of the Bloch sphere average any quadratic function of the input state
    exactly (they form a 2-design), and the fidelity is one; so this is the average over all
    pure inputs. It equals ``(2f + 1)/3`` with ``f = <Phi+|resource|Phi+>``.
    """
    pair = _resource(resource)
    total = 0.0
    for axis in AXIS_STATES.values():
        psi = axis.ket
        mixed = _before_measurement(psi, pair)[-1]
        for m in _OUTCOMES:
            projector, correction = _outcome_projector(m), _correction(m)
            branch = correction * projector * mixed * projector * correction.dag()
            total += qutip.expect(branch.ptrace(2), psi)  # probability x fidelity of this branch
    return float(total / len(AXIS_STATES))
