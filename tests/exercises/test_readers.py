"""Answer readers: every sensible form is read, every other form gets a message a student understands."""

from __future__ import annotations

import math
import time

import numpy as np
import pytest
import qutip

from qwidgets.exercises.readers import (
    MAX_GATES,
    MAX_TEXT,
    read_angle_text,
    read_angles,
    read_gates,
    read_number,
    read_probability,
    read_state,
)

PI = math.pi
SQRT_HALF = 1 / math.sqrt(2)
ZERO = qutip.Qobj(np.array([[1.0], [0.0]]))
ONE = qutip.Qobj(np.array([[0.0], [1.0]]))
PLUS = qutip.Qobj(np.array([[SQRT_HALF], [SQRT_HALF]]))
PLUS_I = qutip.Qobj(np.array([[SQRT_HALF], [1j * SQRT_HALF]]))
HUGE_TEXT = "H" * 10_000_000
HUGE_LIST = [0.5] * 10**6


def assert_refused(read, answer, error: type[Exception], words: list[str]) -> None:
    """``read(answer)`` raises ``error`` whose message holds every one of ``words`` (any case)."""
    with pytest.raises(error) as info:
        read(answer)
    message = str(info.value).lower()
    for word in words:
        assert word.lower() in message, message


def fidelity(a: qutip.Qobj, b: qutip.Qobj) -> float:
    """|<a|b>|^2, computed with NumPy (independent of the reader)."""
    return abs(np.vdot(a.full().ravel(), b.full().ravel())) ** 2


def quickly(read, answer) -> Exception:
    """Run ``read(answer)``, expecting a refusal within a fraction of a second; return the error."""
    start = time.perf_counter()
    with pytest.raises((TypeError, ValueError)) as info:
        read(answer)
    assert time.perf_counter() - start < 0.5
    return info.value


# -- numbers -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (0.5, 0.5),
        (1, 1.0),
        (np.float32(0.25), 0.25),
        (np.int64(3), 3.0),
        (np.array(0.5), 0.5),
        (np.array([[0.5]]), 0.5),
        ((0.75 + 0j), 0.75),
        (np.complex128(0.2 + 1e-13j), 0.2),
        (1e6 + 1e-4j, 1e6),  # the imaginary part is negligible relative to the real part
        (qutip.Qobj(np.array([[0.25]])), 0.25),
    ],
    ids=repr,
)
def test_read_number_accepts_numbers_of_every_kind(answer, expected):
    assert read_number(answer) == pytest.approx(expected, abs=1e-12)


def test_read_number_accepts_qutips_complex_expectation_value():
    psi = qutip.Qobj(np.array([[math.cos(PI / 6)], [math.sin(PI / 6)]]))  # ket(pi/3, 0)
    value = psi.dag() * ZERO.proj() * psi
    assert isinstance(value, complex)  # QuTiP 5 returns a Python complex, e.g. (0.75+0j)
    assert read_probability(value) == pytest.approx(math.cos(PI / 6) ** 2)


@pytest.mark.parametrize(
    ("answer", "error", "words"),
    [
        ("0.5", TypeError, ["text", "without quotes", "0.5"]),
        ("pi/2", TypeError, ["without quotes"]),
        (b"1", TypeError, ["without quotes"]),
        (0.5 + 0.3j, ValueError, ["imaginary part 0.3"]),
        (float("nan"), ValueError, ["nan", "not a number"]),
        (float("-inf"), ValueError, ["infinite"]),
        (10**400, ValueError, ["too large"]),
        (True, TypeError, ["yes/no"]),
        (np.bool_(False), TypeError, ["yes/no"]),
        ([0.5], TypeError, ["one number", "list"]),
        ((0.5, 0.5), TypeError, ["one number", "tuple"]),
        ({"p": 0.5}, TypeError, ["one number"]),
        (np.ones(3), TypeError, ["one number", "array of 3"]),
        (ZERO, TypeError, ["qutip.qobj", "not a number"]),
        (None, TypeError, ["a number such as"]),
        (object(), TypeError, ["a number such as"]),
    ],
    # the same ids in every process (pytest-xdist): no memory address
    ids=lambda value: "object()" if type(value) is object else repr(value),
)
def test_read_number_explains_what_is_not_a_number(answer, error, words):
    assert_refused(read_number, answer, error, words)


def test_read_number_names_the_quantity_and_the_example():
    with pytest.raises(TypeError, match=r"^theta is the text 'pi'; .* such as math\.pi / 2$"):
        read_number("pi", "theta", "math.pi / 2")


def test_read_probability_reminds_that_a_probability_is_a_squared_amplitude():
    words = ["imaginary part 0.3", "probability is a real number", "abs(...)**2"]
    assert_refused(read_probability, 0.4 + 0.3j, ValueError, words)


@pytest.mark.parametrize(
    "answer", [10**5000, HUGE_LIST, HUGE_TEXT, np.zeros(10**6)], ids=["10**5000", "list", "text", "array"]
)
def test_read_number_refuses_huge_answers_at_once(answer):
    error = quickly(read_number, answer)
    assert len(str(error)) < 200


# -- angles --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "answer",
    [(PI / 2, PI), [PI / 2, PI], np.array([PI / 2, PI]), (np.float64(PI / 2), np.float32(PI))],
    ids=repr,
)
def test_read_angles_reads_two_numbers(answer):
    assert read_angles(answer) == pytest.approx((PI / 2, PI), abs=1e-6)


@pytest.mark.parametrize(
    ("answer", "error", "words"),
    [
        (PLUS, TypeError, ["that is a state", "bloch_angles(state)"]),
        ((1, 2, 3), ValueError, ["3 value", "exactly two"]),
        ([1], ValueError, ["exactly two"]),
        ("pi/2, 0", TypeError, ["two numbers in a tuple"]),
        (1.0, TypeError, ["two numbers in a tuple"]),
        (("pi/2", 0), TypeError, ["theta", "without quotes"]),
        ((1.0, float("nan")), ValueError, ["phi", "nan"]),
    ],
    ids=repr,
)
def test_read_angles_explains_the_form(answer, error, words):
    assert_refused(read_angles, answer, error, words)


def test_read_angles_refuses_a_huge_list_at_once():
    assert "exactly two" in str(quickly(read_angles, HUGE_LIST))


# -- states --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ([1, 0], ZERO),
        ((0, 1), ONE),
        ([SQRT_HALF, 1j * SQRT_HALF], PLUS_I),
        (np.array([[SQRT_HALF], [SQRT_HALF]]), PLUS),
        ([0.707, 0.707], PLUS),  # typed by hand: normalised silently
        ([0.7, 0.7], PLUS),
        ([np.complex128(0.6), 0.8j], qutip.Qobj(np.array([[0.6], [0.8j]]))),
        (PLUS_I, PLUS_I),
        (PLUS.proj(), PLUS),  # a pure density matrix
        (1j * PLUS_I, PLUS_I),  # a global phase
    ],
    ids=repr,
)
def test_read_state_reads_kets_amplitudes_and_pure_density_matrices(answer, expected):
    state = read_state(answer)
    assert state.shape == (2, 1)
    assert state.norm() == pytest.approx(1.0, abs=1e-12)
    assert fidelity(state, expected) == pytest.approx(1.0, abs=2e-4)


@pytest.mark.parametrize(
    ("answer", "error", "words"),
    [
        ([1, 1], ValueError, ["|a|² + |b|² = 2", "divide both amplitudes by √2"]),
        (qutip.Qobj(np.array([[1.0], [1.0]])), ValueError, ["|a|² + |b|² = 2"]),
        ([0.5, 0.5], ValueError, ["|a|² + |b|² = 0.5"]),
        ([0, 0], ValueError, ["zero vector"]),
        ([1, 0, 0], ValueError, ["two amplitudes", "has 3"]),
        ([float("nan"), 1], ValueError, ["amplitude a", "nan"]),
        ([complex("nan+1j"), 1], ValueError, ["amplitude a", "nan"]),
        (["1", 0], TypeError, ["amplitude a", "without quotes"]),
        ("|0>", TypeError, ["list of its two amplitudes"]),
        (0.5, TypeError, ["list of its two amplitudes"]),
        (PLUS.dag(), TypeError, ["bra", ".dag()"]),
        (qutip.sigmax(), TypeError, ["operator", "not a state"]),
        (qutip.qeye(2) / 2, ValueError, ["mixed"]),
        (qutip.Qobj(np.array([[1.0], [0], [0], [0]])), ValueError, ["one qubit"]),
        (qutip.Qobj(np.array([[np.nan], [1.0]])), ValueError, ["nan"]),
    ],
    ids=repr,
)
def test_read_state_explains_what_is_not_a_qubit_state(answer, error, words):
    assert_refused(read_state, answer, error, words)


def test_read_state_refuses_a_huge_list_at_once():
    assert "two amplitudes" in str(quickly(read_state, HUGE_LIST))


# -- angles as text ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pi", PI),
        ("π", PI),
        ("PI", PI),
        ("pi/2", PI / 2),
        ("3pi/4", 3 * PI / 4),
        ("3*pi/4", 3 * PI / 4),
        ("3 π / 4", 3 * PI / 4),
        ("-pi/4", -PI / 4),
        ("−π/4", -PI / 4),
        ("+pi/8", PI / 8),
        ("0.5", 0.5),
        (".5", 0.5),
        ("90", 90.0),
        ("2*pi", 2 * PI),
        ("pi/2 + pi/4", 3 * PI / 4),
        ("pi - 1", PI - 1),
        ("  pi/3  ", PI / 3),
        ("1/3*pi", PI / 3),
    ],
)
def test_read_angle_text_reads_numbers_and_expressions_of_pi(text, expected):
    assert read_angle_text(text) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", ["could not read"]),
        ("pi/", ["could not read"]),
        ("2 3", ["could not read"]),
        ("--pi", ["could not read"]),
        ("1e5", ["could not read"]),
        ("90°", ["could not read"]),
        ("math.pi/2", ["could not read"]),
        ("__import__('os').system('echo hacked')", ["could not read"]),
        ("(pi)", ["could not read"]),
        ("pi/0", ["divides by zero"]),
        ("9" * 400, ["not a finite number"]),
        ("1" * (MAX_TEXT + 1), ["characters"]),
    ],
    ids=lambda value: value if len(str(value)) < 40 else "long",
)
def test_read_angle_text_refuses_anything_else_without_evaluating_it(text, words):
    assert_refused(read_angle_text, text, ValueError, words)


# -- gates ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("H", ["H"]),
        ("H S", ["H", "S"]),
        ("HS", ["H", "S"]),
        ("hs", ["H", "S"]),
        ("H, S", ["H", "S"]),
        ("H;S", ["H", "S"]),
        ("H then S", ["H", "S"]),
        ("H THEN S", ["H", "S"]),
        ("H -> S", ["H", "S"]),
        ("H → S", ["H", "S"]),
        ("XYZHST", ["X", "Y", "Z", "H", "S", "T"]),
        ("RX(pi/2) S", [("RX", PI / 2), "S"]),
        ("RX(pi/2)S", [("RX", PI / 2), "S"]),
        ("RX(pi/2", [("RX", PI / 2)]),
        ("RZ(90)", [("RZ", 90.0)]),
        ("rx(-π/4)", [("RX", -PI / 4)]),
        ("Ry (3*pi/4), rz(0.5)", [("RY", 3 * PI / 4), ("RZ", 0.5)]),
        ("", []),
        (["H", "S"], ["H", "S"]),
        (("h", " s "), ["H", "S"]),
        (["H", ("rx", PI / 2)], ["H", ("RX", PI / 2)]),
        ([["RY", 1.0], "S"], [("RY", 1.0), "S"]),
        (["H", "RZ(pi/2)"], ["H", ("RZ", PI / 2)]),
        (["HS"], ["H", "S"]),
        (("RX", -PI / 2), [("RX", -PI / 2)]),
        (("RX", np.float64(1.0)), [("RX", 1.0)]),
        (np.array(["H", "S"]), ["H", "S"]),
        ([], []),
    ],
    ids=repr,
)
def test_read_gates_reads_lists_pairs_and_text(answer, expected):
    gates = read_gates(answer)
    assert len(gates) == len(expected)
    for gate, want in zip(gates, expected):
        if isinstance(want, str):
            assert gate == want
        else:
            assert gate[0] == want[0]
            assert gate[1] == pytest.approx(want[1], abs=1e-12)


@pytest.mark.parametrize(
    ("answer", "error", "words"),
    [
        (["Sdg"], ValueError, ["not a gate i know", "three s gates"]),
        ("S†", ValueError, ["three s gates"]),
        ("Tdg", ValueError, ["seven t gates"]),
        (["hadamard"], ValueError, ["'h'"]),
        ("not", ValueError, ["'x'"]),
        ("I", ValueError, ["leave it out"]),
        ("sqrtx", ValueError, ["quarter turn about x"]),
        ("FOO", ValueError, ["not a gate i know", "'h'"]),
        (["RX"], ValueError, ["needs an angle"]),
        ("RX", ValueError, ["needs an angle", "rx(pi/2)"]),
        ([("H", 1.0)], ValueError, ["takes no angle"]),
        ([("X", 1.0)], ValueError, ["takes no angle", "('rx', angle)"]),
        ([("RQ", 1.0)], ValueError, ["not a rotation i know"]),
        ([1], TypeError, ["gate 1", "gate name"]),
        (["H", None], TypeError, ["gate 2"]),
        ([("RX", "pi/2")], TypeError, ["without quotes"]),
        (("RX", "pi/2"), TypeError, ["without quotes"]),
        ([("RX", 10**400)], ValueError, ["too large"]),
        ([("RX", float("nan"))], ValueError, ["nan"]),
        ("H2", ValueError, ["could not read '2'"]),
        ("RX(pi/0)", ValueError, ["divides by zero"]),
        ("RX(os.system('ls'))", ValueError, ["could not read"]),
        (1.5, TypeError, ["list of gates"]),
        ({"H": 1}, TypeError, ["list of gates"]),
    ],
    ids=repr,
)
def test_read_gates_explains_what_it_cannot_read(answer, error, words):
    assert_refused(read_gates, answer, error, words)


@pytest.mark.parametrize(
    "answer",
    [["H"] * (MAX_GATES + 1), "H " * (MAX_GATES + 1), ["HS"] * 51, ("RX(1)",) * (MAX_GATES + 1)],
    ids=["list", "text", "list of texts", "tuple"],
)
def test_read_gates_allows_at_most_max_gates(answer):
    assert_refused(read_gates, answer, ValueError, [f"at most {MAX_GATES}"])
    assert len(read_gates(["H"] * MAX_GATES)) == MAX_GATES


@pytest.mark.parametrize(
    "answer", [HUGE_TEXT, ["H"] * 10**6, [HUGE_TEXT]], ids=["text", "list", "list of text"]
)
def test_read_gates_refuses_huge_answers_at_once(answer):
    error = quickly(read_gates, answer)
    assert len(str(error)) < 200


def test_bits_and_choices_are_read_forgivingly():
    from qwidgets.exercises.readers import read_bits, read_choice

    assert read_bits("0 1 1 0") == read_bits([0, 1, 1, 0]) == read_bits("[0,1,1,0]") == "0110"
    assert read_bits(110) == "110"
    with pytest.raises(ValueError, match="are bases, Z and X"):
        read_bits("ZXXZ")
    assert read_choice("(B)", ("a", "b", "c")) == read_choice("option b", ("a", "b", "c")) == "b"
    with pytest.raises(ValueError, match="names several statements"):
        read_choice("b and c", ("a", "b", "c"))
    with pytest.raises(TypeError, match="not a letter"):
        read_choice(2, ("a", "b"))


def test_a_number_exactly_at_the_tolerance_counts_as_close():
    from qwidgets.exercises.verdicts import close

    assert close(0.26, 0.25) and close(0.24, 0.25) and not close(0.2601, 0.25)
