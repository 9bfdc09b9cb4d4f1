"""Readers that turn a student's answer into a number, angles, a state or a list of gates.

Every lesson's checks read their answers here, so that a check holds only its own physics.
A reader accepts every sensible form of an answer (a NumPy scalar, QuTiP's complex
``psi.dag() * P * psi``, a 1x1 ``Qobj``, text such as ``"H S"`` or ``"RX(pi/2)"``) and raises
``TypeError`` or ``ValueError`` whose message tells a student, in plain words, what is wrong
with the *form* of the answer; the check decorator of :mod:`qwidgets.exercises.core` turns it
into feedback. Whether the answer is *right* is for the check to say.

Answers are bounded before they are processed: a text of more than :data:`MAX_TEXT` characters
or a list of more than :data:`MAX_GATES` gates is refused at once, whatever its size.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Sequence
from typing import Union

import numpy as np
import qutip

from qwidgets.errors import excerpt
from qwidgets.physics import GATE_NAMES, ROTATION_NAMES

__all__ = [
    "MAX_GATES",
    "MAX_TEXT",
    "STATE_NORM_TOLERANCE",
    "Gate",
    "read_angle_text",
    "read_angles",
    "read_bits",
    "read_choice",
    "read_gates",
    "read_number",
    "read_probability",
    "read_state",
]

Gate = Union[str, tuple[str, float]]
"""A gate as :func:`qwidgets.physics.apply_gate` takes it: ``"H"`` or ``("RX", angle)``."""

MAX_GATES = 100
"""Most gates a gate sequence may hold."""
MAX_TEXT = 2000
"""Most characters a text answer may hold (100 gates such as ``RX(-3pi/4)`` fit)."""
STATE_NORM_TOLERANCE = 0.02
"""How far from 1 the length of hand-typed amplitudes may be and still be normalised silently."""
_IMAGINARY_TOLERANCE = 1e-9  # relative to max(1, |real part|): float noise, not an imaginary part

_GATES_FORM = (
    f"a list of gates applied first to last: names {', '.join(map(repr, GATE_NAMES))} or rotations "
    f"({' / '.join(map(repr, ROTATION_NAMES))}, angle in radians), e.g. ['H', ('RZ', 0.5)], "
    "or the same as text, e.g. 'H RZ(pi/4)'"
)
_S_DAGGER = "S† (S-dagger) is not in the list, but three S gates do the same, or RZ(-pi/2)."
_IDENTITY = "The identity does nothing: just leave it out."
_SQRT_X = "√X is a quarter turn about x: RX(pi/2) does the same up to a global phase."
_PHASE = "A phase gate P(angle) is RZ(angle) up to a global phase."
_GATE_ALIASES: dict[str, str] = {
    "HADAMARD": "This course writes the Hadamard gate as 'H'.",
    "NOT": "The NOT (bit flip) gate is 'X'.",
    "PAULIX": "Write the Pauli X gate as 'X'.",
    "PAULIY": "Write the Pauli Y gate as 'Y'.",
    "PAULIZ": "Write the Pauli Z gate as 'Z'.",
    "SDG": _S_DAGGER,
    "S†": _S_DAGGER,
    "SDAGGER": _S_DAGGER,
    "TDG": "T† is not in the list, but seven T gates do the same, or RZ(-pi/4).",
    "T†": "T† is not in the list, but seven T gates do the same, or RZ(-pi/4).",
    "I": _IDENTITY,
    "ID": _IDENTITY,
    "SX": _SQRT_X,
    "SQRTX": _SQRT_X,
    "P": _PHASE,
    "PHASE": _PHASE,
}

# Text of a gate sequence: separators, rotations with an angle in brackets, and gate words.
_SEPARATOR = re.compile(r"(?:\s|,|;|->|→|\bTHEN\b)+", re.IGNORECASE)
_ROTATION = re.compile(r"(R[XYZ])\s*\(([^)]*)\)?", re.IGNORECASE)  # a missing ")" is forgiven
_WORD = re.compile(r"[A-Z_†]+", re.IGNORECASE)
# Text of an angle: numbers, pi, and the four operations.
_ANGLE_TOKEN = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+|PI|[-+*/])", re.IGNORECASE)
_OPERATORS = ("+", "-", "*", "/")


# -- numbers ----------------------------------------------------------------------------------------
def read_number(
    answer: object, what: str = "your answer", example: str = "0.5", *, imaginary_hint: str = ""
) -> float:
    """Read one real number.

    Parameters
    ----------
    answer : object
        An ``int``, ``float``, NumPy scalar or one-element array, a 1x1 ``qutip.Qobj``, or a
        complex number whose imaginary part is float noise (QuTiP 5 returns
        ``psi.dag() * P * psi`` as a Python ``complex``, e.g. ``(0.75+0j)``).
    what : str
        What the number is, for messages, e.g. ``"the probability"``.
    example : str
        A number of the right form, for messages, e.g. ``"math.pi / 2"``.
    imaginary_hint : str
        Added to the message for a complex number with a real imaginary part.

    Returns
    -------
    float
        The number, finite.

    Raises
    ------
    TypeError
        For text (``"0.5"``), a list, a state, ``True``/``False`` or anything not a number.
    ValueError
        For NaN, infinity, an integer too large for a float, or a real imaginary part.
    """
    if isinstance(answer, qutip.Qobj):
        if answer.shape != (1, 1):
            raise TypeError(
                f"{what} is a qutip.Qobj of shape {answer.shape} (a state or an operator), not a number; "
                f"give a number such as {example}"
            )
        answer = complex(answer.full()[0, 0])
    elif isinstance(answer, np.ndarray):
        if answer.size != 1:
            raise TypeError(f"{what} should be one number such as {example}, not an array of {answer.size}")
        answer = answer.reshape(()).item()
    if isinstance(answer, (bool, np.bool_)):
        raise TypeError(f"{what} is {answer}, a yes/no value; give a number such as {example}")
    if isinstance(answer, (str, bytes)):
        raise TypeError(
            f"{what} is the text {excerpt(answer)}; write a number without quotes, such as {example}"
        )
    if isinstance(answer, numbers.Complex) and not isinstance(answer, numbers.Real):
        answer = _real_part(complex(answer), what, imaginary_hint)
    if isinstance(answer, numbers.Real):
        return _finite(answer, what, example)
    if isinstance(answer, (Sequence, set, frozenset, dict)):
        raise TypeError(
            f"{what} should be one number such as {example}, not a {type(answer).__name__} of {len(answer)}"
        )
    raise TypeError(f"{what} should be a number such as {example}; got a {type(answer).__name__}")


def _real_part(value: complex, what: str, imaginary_hint: str) -> float:
    """The real part of ``value``, if its imaginary part is float noise."""
    if abs(value.imag) <= _IMAGINARY_TOLERANCE * max(1.0, abs(value.real)):
        return value.real
    raise ValueError(
        f"your number {value:.3g} has an imaginary part {value.imag:.3g}; {what} is a real number"
        + (f" - {imaginary_hint}" if imaginary_hint else "")
    )


def _finite(value: numbers.Real, what: str, example: str) -> float:
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float
        raise ValueError(f"{what} is far too large; give a number such as {example}") from None
    if math.isnan(number):
        raise ValueError(f"{what} is NaN (not a number), the result of a calculation such as 0/0")
    if math.isinf(number):
        raise ValueError(f"{what} is infinite; give a finite number such as {example}")
    return number


def read_probability(answer: object) -> float:
    """Read a probability as a real number (its range is for the check to judge).

    Raises ``TypeError``/``ValueError`` as :func:`read_number`; a complex number, such as an
    amplitude or an inner product, gets a reminder that a probability is ``abs(amplitude)**2``.
    """
    return read_number(answer, "a probability", "0.5", imaginary_hint="did you forget abs(...)**2?")


def read_angles(answer: object) -> tuple[float, float]:
    """Read Bloch angles ``(theta, phi)`` from a tuple, list or array of two numbers.

    Raises
    ------
    TypeError
        For a state (``bloch_angles(state)`` gives its angles), text, or anything not a pair.
    ValueError
        For a collection of other than two numbers, or an unreadable angle.
    """
    if isinstance(answer, qutip.Qobj):
        raise TypeError(
            "that is a state (a qutip.Qobj), not its angles; "
            "bloch_angles(state) turns a state into (theta, phi)"
        )
    values = _items(answer, "the answer should be two numbers in a tuple, (theta, phi)")
    if len(values) != 2:
        raise ValueError(f"it holds {len(values)} value(s); give exactly two, theta first and then phi")
    return read_number(values[0], "theta", "math.pi / 2"), read_number(values[1], "phi", "math.pi / 2")


def _items(answer: object, form: str) -> Sequence[object]:
    """The items of a list, tuple or array (not text), or raise ``TypeError`` saying ``form``.

    Nothing is copied, so a caller can refuse a huge answer by its length at once.
    """
    if isinstance(answer, np.ndarray):
        return answer.ravel()
    if isinstance(answer, (str, bytes)) or not isinstance(answer, Sequence):
        raise TypeError(form)
    return answer


# -- states ----------------------------------------------------------------------------------------
def read_state(answer: object) -> qutip.Qobj:
    """Read a qubit state and return it as a normalised ket.

    Parameters
    ----------
    answer : object
        A qubit ket (``qutip.Qobj`` of shape 2x1), a pure qubit density matrix, or a list,
        tuple or array of the two amplitudes ``[a, b]`` of ``a|0> + b|1>`` (complex allowed).
        Amplitudes whose length sqrt(|a|^2 + |b|^2) is within :data:`STATE_NORM_TOLERANCE`
        of 1 (typed by hand, e.g. ``[0.707, 0.707]``) are normalised silently.

    Returns
    -------
    qutip.Qobj
        The ket, of norm 1.

    Raises
    ------
    TypeError
        For text, a bra, an operator that is not a state, or anything not a state.
    ValueError
        For a state of the wrong size, the zero vector, NaN amplitudes, a mixed state, or
        amplitudes that are not normalised (the message gives |a|^2 + |b|^2).
    """
    if isinstance(answer, qutip.Qobj):
        amplitudes = _qobj_amplitudes(answer)
    else:
        values = _items(
            answer,
            "give the state as a qutip.Qobj ket, such as ket(theta, phi), or as a list of "
            "its two amplitudes [a, b], such as [1 / math.sqrt(2), 1j / math.sqrt(2)]",
        )
        if len(values) != 2:
            raise ValueError(f"a qubit has two amplitudes, [a, b] for a|0⟩ + b|1⟩; yours has {len(values)}")
        amplitudes = np.array([_amplitude(value, name) for value, name in zip(values, "ab")])
    norm_squared = float(np.sum(np.abs(amplitudes) ** 2))
    if norm_squared == 0:
        raise ValueError("both amplitudes are 0, and the zero vector is not a state")
    if abs(math.sqrt(norm_squared) - 1) > STATE_NORM_TOLERANCE:
        raise ValueError(
            f"|a|² + |b|² = {norm_squared:.4g}, but the probabilities of a state add up to 1; "
            f"divide both amplitudes by √{norm_squared:.4g} = {math.sqrt(norm_squared):.4g}"
        )
    return qutip.Qobj(amplitudes.reshape(2, 1) / math.sqrt(norm_squared))


def _qobj_amplitudes(state: qutip.Qobj) -> np.ndarray:
    """The two amplitudes of a qubit ket, or of the ket of a pure qubit density matrix."""
    if state.isbra:
        raise TypeError("that is a bra ⟨ψ|, not a ket |ψ⟩; .dag() turns one into the other")
    if state.dims[0] != [2]:
        raise ValueError(
            f"that is a state of dimensions {state.dims[0]}; give one qubit, whose ket has two amplitudes"
        )
    matrix = state.full()
    if not np.all(np.isfinite(matrix)):
        raise ValueError("your state holds NaN or infinite numbers")
    if state.isket:
        return matrix.ravel()
    weights, vectors = np.linalg.eigh(matrix)  # ascending; meaningful once Hermitian, checked next
    density_matrix = weights[0] >= -STATE_NORM_TOLERANCE and abs(sum(weights) - 1) <= STATE_NORM_TOLERANCE
    if not (state.isherm and density_matrix):
        raise TypeError(
            "that is an operator (a gate?), not a state; apply it to a state, e.g. apply_gate(state, gate)"
        )
    if weights[-1] < 1 - STATE_NORM_TOLERANCE:
        raise ValueError(
            f"that density matrix is mixed (its largest eigenvalue is {weights[-1]:.3g}); "
            "only a pure state has a ket"
        )
    return vectors[:, -1]


def _amplitude(value: object, name: str) -> complex:
    """Read one amplitude, a complex number."""
    example = "1 / math.sqrt(2) or 1j / math.sqrt(2)"
    if isinstance(value, numbers.Complex) and not isinstance(value, numbers.Real):
        parts = (complex(value).real, complex(value).imag)
        if not all(math.isfinite(part) for part in parts):
            raise ValueError(f"amplitude {name} is NaN or infinite")
        return complex(*parts)
    return complex(read_number(value, f"amplitude {name}", example))


# -- angles in text -------------------------------------------------------------------------------
def read_angle_text(text: str) -> float:
    """Read an angle written as text: a number or a simple expression of pi.

    ``"pi"``, ``"π"``, ``"pi/2"``, ``"3pi/4"``, ``"3*pi/4"``, ``"-pi/4"``, ``"pi/2 + pi/4"``,
    ``"0.5"`` and ``"90"`` are read (the last as 90 radians: whether it was meant in degrees
    is for the check to say). Parsed by hand from numbers, ``pi``, ``+ - * /`` and products
    such as ``3pi``; never evaluated as Python.

    Raises
    ------
    ValueError
        For anything else, a division by zero, a result that is not finite, or a text longer
        than :data:`MAX_TEXT` characters.
    """
    if len(text) > MAX_TEXT:
        raise ValueError(f"the angle is a text of {len(text)} characters; write e.g. pi/2")
    unreadable = ValueError(
        f"I could not read the angle {excerpt(text)}; write a number or an expression of pi, "
        "such as pi/2, 3pi/4 or 0.5"
    )
    source = text.replace("π", "PI").replace("Π", "PI").replace("−", "-").rstrip()
    tokens: list[str] = []
    position = 0
    while position < len(source):
        match = _ANGLE_TOKEN.match(source, position)
        if match is None:
            raise unreadable
        tokens.append(match[1].upper())
        position = match.end()
    value = _angle_sum(tokens, text, unreadable)
    if not math.isfinite(value):
        raise ValueError(f"the angle {excerpt(text)} is not a finite number")
    return value


def _angle_sum(tokens: list[str], text: str, unreadable: ValueError) -> float:
    """Value of ``[+|-] term ((+|-) term)*``, a term being numbers and pi joined by ``*``, ``/``."""

    def factor(index: int) -> tuple[float, int]:
        if index >= len(tokens) or tokens[index] in _OPERATORS:
            raise unreadable
        return (math.pi if tokens[index] == "PI" else float(tokens[index])), index + 1

    total, index = 0.0, 0
    while True:
        sign = 1.0
        if index < len(tokens) and tokens[index] in ("+", "-"):
            sign = -1.0 if tokens[index] == "-" else 1.0
            index += 1
        term, index = factor(index)
        while index < len(tokens) and tokens[index] not in ("+", "-"):
            if tokens[index] in ("*", "/"):
                operator, index = tokens[index], index + 1
            elif tokens[index] == "PI":
                operator = "*"  # 3pi is 3 * pi
            else:
                raise unreadable
            value, index = factor(index)
            if operator == "/" and value == 0:
                raise ValueError(f"the angle {excerpt(text)} divides by zero")
            term = term / value if operator == "/" else term * value
        total += sign * term
        if index == len(tokens):
            return total


# -- gates -----------------------------------------------------------------------------------------
def read_gates(answer: object) -> list[Gate]:
    """Read a sequence of one-qubit gates, applied first to last.

    Parameters
    ----------
    answer : object
        A list or tuple of gate names (``"H"``, any case) and rotations
        ``("RX" | "RY" | "RZ", angle in radians)``; a single rotation pair; or text such as
        ``"H S"``, ``"HS"``, ``"H, S"``, ``"H then S"``, ``"RX(pi/2) S"``, ``"rx(-π/4)"``
        (angles as read by :func:`read_angle_text`). A text item of a list is read the same
        way, so ``["H", "RZ(pi/2)"]`` works too.

    Returns
    -------
    list
        Gates in :func:`qwidgets.physics.apply_gate` form: ``"H"`` or ``("RX", angle)``.

    Raises
    ------
    TypeError
        For an answer or item of another form.
    ValueError
        For an unknown gate (with a hint for common names such as HADAMARD, NOT, SDG), a
        rotation without an angle or a fixed gate with one, more than :data:`MAX_GATES`
        gates, or text longer than :data:`MAX_TEXT` characters.
    """
    if isinstance(answer, str):
        gates = _gates_from_text(answer)
    elif _is_rotation(answer):
        gates = [_read_rotation(answer, 1)]
    else:
        items = _items(answer, f"the answer should be {_GATES_FORM}")
        _check_count(len(items))
        gates = []
        for position, item in enumerate(items, start=1):
            gates.extend(_read_item(item, position))
            _check_count(len(gates))
    _check_count(len(gates))
    return gates


def _check_count(count: int) -> None:
    if count > MAX_GATES:
        raise ValueError(f"it has {count} gates or more; a handful is enough (at most {MAX_GATES})")


def _is_rotation(answer: object) -> bool:
    """Whether ``answer`` is one pair ``(rotation name, angle)`` rather than a list of two gates."""
    return (
        isinstance(answer, tuple)
        and len(answer) == 2
        and isinstance(answer[0], str)
        and answer[0].strip().upper() in ROTATION_NAMES
    )


def _read_item(item: object, position: int) -> list[Gate]:
    """Read one item of a gate list: a name or text, or a pair (rotation, angle)."""
    if isinstance(item, str):
        return _gates_from_text(item, f"gate {position} ")
    if isinstance(item, (tuple, list)) and len(item) == 2 and isinstance(item[0], str):
        return [_read_rotation(item, position)]
    raise TypeError(
        f"gate {position} ({excerpt(item)}) should be a gate name such as 'H' "
        "or a rotation such as ('RX', math.pi / 2)"
    )


def _read_rotation(pair: Sequence[object], position: int) -> Gate:
    """Read a pair ``(rotation name, angle)``."""
    where = f"gate {position} ({excerpt(pair)})"
    name = str(pair[0]).strip().upper()
    if name in GATE_NAMES:
        message = f"{where}: {name} takes no angle, write just {name!r}"
        if name in "XYZ":
            message += f"; for a rotation about {name.lower()} by any angle write ('R{name}', angle)"
        raise ValueError(message)
    if name not in ROTATION_NAMES:
        raise ValueError(f"{where} is not a rotation I know; use {' / '.join(map(repr, ROTATION_NAMES))}")
    return name, read_number(pair[1], f"the angle of {where}", "math.pi / 2")


def _gates_from_text(text: str, where: str = "") -> list[Gate]:
    """Read gates written as text, e.g. ``"H S"``, ``"HS"`` or ``"RX(pi/2), S"``."""
    if len(text) > MAX_TEXT:
        raise ValueError(f"{where}is a text of {len(text)} characters; a handful of gates is enough")
    gates: list[Gate] = []
    position = 0
    while position < len(text):
        if separator := _SEPARATOR.match(text, position):
            position = separator.end()
        elif rotation := _ROTATION.match(text, position):
            gates.append((rotation[1].upper(), read_angle_text(rotation[2])))
            position = rotation.end()
        elif word := _WORD.match(text, position):
            gates.extend(_gate_word(word[0].upper().replace("_", ""), where))
            position = word.end()
        else:
            raise ValueError(
                f"{where}I could not read {excerpt(text[position:])} in {excerpt(text)}; "
                "write gates such as 'H S' or 'RX(pi/2) S'"
            )
    return gates


def _gate_word(word: str, where: str) -> list[str]:
    """Gate names of one word: a name such as ``H``, or one-letter names run together (``HS``)."""
    if word in GATE_NAMES:
        return [word]
    if word in ROTATION_NAMES:
        raise ValueError(
            f"{where}{word} is a rotation and needs an angle: write {word}(pi/2) or ({word!r}, angle)"
        )
    if word not in _GATE_ALIASES and set(word) <= set(GATE_NAMES):
        return list(word)
    alias = _GATE_ALIASES.get(word, "")
    known = f"{where}{excerpt(word)} is not a gate I know."
    raise ValueError(" ".join(part for part in (known, alias, f"Use {_GATES_FORM}") if part))


# -- bit strings ------------------------------------------------------------------------------------
_BITS_FORM = "bits as text in quotes, e.g. '0110', or as a list, e.g. [0, 1, 1, 0]"
_SEPARATORS = re.compile(r"[\s,;_|\-\[\]()'\"]+")


def _bit_of(item: object, position: int) -> str:
    """One item of a list of bits: 0 or 1 as a number, a yes/no value or text."""
    if isinstance(item, (str, np.str_)):
        text = str(item).strip()
        if text in ("0", "1"):
            return text
        if text.upper() in ("Z", "X"):
            raise ValueError(
                f"item {position} is {text!r}, a basis; the key is made of bits, 0 or 1, not of bases"
            )
        raise ValueError(f"item {position} is the text {excerpt(item)}; each item should be 0 or 1")
    if isinstance(item, (bool, np.bool_)):
        return "1" if item else "0"
    if isinstance(item, numbers.Real):
        value = float(item)
        if value in (0.0, 1.0):
            return str(int(value))
        raise ValueError(f"item {position} is {excerpt(item)}; a bit is 0 or 1")
    raise TypeError(f"item {position} ({excerpt(item)}) is not a bit; give {_BITS_FORM}")


def read_bits(answer: object, numbers_note: str = "") -> str:
    """Read a string of bits and return it as text of 0s and 1s, e.g. ``'0110'``.

    Accepts text (``'0110'``, ``'0 1 1 0'``, ``'0,1,1,0'``, ``'[0, 1, 1, 0]'``) and a list, tuple
    or array of bits (``[0, 1, 1, 0]``, ``['0', '1']``, booleans). A whole number whose digits
    are 0 and 1 (``110``, typed without quotes) is read as its digits; the caller says whether
    a leading zero went missing.

    Raises ``TypeError`` or ``ValueError`` whose message says what is wrong with the form:
    bases (Z, X) instead of bits, other numbers (``numbers_note`` is added, e.g. to point out
    photon numbers), an empty answer, or more than :data:`~qwidgets.exercises.readers.MAX_TEXT`
    characters or items.
    """
    if isinstance(answer, (bool, np.bool_)):
        raise TypeError(f"the answer is {answer}, a yes/no value; give {_BITS_FORM}")
    if isinstance(answer, (int, np.integer)):
        number = int(answer)
        if number < 0 or number.bit_length() > 4 * MAX_TEXT:
            raise ValueError(f"the answer is the number {excerpt(answer)}; give {_BITS_FORM}")
        digits = str(number)
        if set(digits) <= {"0", "1"}:
            return digits
        raise TypeError(f"the answer is the number {number}; give {_BITS_FORM}")
    if isinstance(answer, (str, np.str_)):
        return _bits_from_text(str(answer), numbers_note)
    if isinstance(answer, np.ndarray):
        items: Sequence[object] = answer.ravel()
    elif isinstance(answer, (list, tuple)):
        items = answer
    elif isinstance(answer, (set, frozenset)):
        raise TypeError(f"a set has no order, and the order of the bits matters; give {_BITS_FORM}")
    else:
        raise TypeError(f"the answer should be {_BITS_FORM}; got a {type(answer).__name__}")
    if len(items) > MAX_TEXT:
        raise ValueError(f"the answer holds {len(items)} items; the key here is a handful of bits")
    if len(items) == 0:
        raise ValueError(f"the answer is empty; give {_BITS_FORM}")
    if all(isinstance(i, (numbers.Integral, np.integer)) and not isinstance(i, bool) for i in items):
        large = [int(i) for i in items if int(i) not in (0, 1)]
        if large:
            shown = ", ".join(map(excerpt, large[:6])) + (", ..." if len(large) > 6 else "")
            raise ValueError(f"bits are 0 or 1, but your answer holds {shown}. {numbers_note}".strip())
    return "".join(_bit_of(item, position) for position, item in enumerate(items, start=1))


def _bits_from_text(text: str, numbers_note: str) -> str:
    if len(text) > MAX_TEXT:
        raise ValueError(f"the answer is a text of {len(text)} characters; the key here is a handful of bits")
    bits = _SEPARATORS.sub("", text)
    if not bits:
        raise ValueError(f"the answer is an empty text; give {_BITS_FORM}")
    if set(bits) <= {"0", "1"}:
        return bits
    if set(bits.upper()) <= {"Z", "X"}:
        raise ValueError(f"{excerpt(text)} are bases, Z and X; the key is made of bits, 0 or 1")
    if bits.isdigit():
        raise ValueError(f"{excerpt(text)} holds digits other than 0 and 1. {numbers_note}".strip())
    raise ValueError(f"I could not read {excerpt(text)} as bits; write {_BITS_FORM}")


# -- one letter of a multiple choice ---------------------------------------------------------------
_CHOICE_FORM = "Write the letter of one statement as text, in quotes, e.g. 'a'."
_CHOICE_WORDS = r"(?:(?:the\s+)?(?:answer|option|choice|statement)\s*(?:is\s*)?[:=]?\s*)?"
_ONE_LETTER = re.compile(rf"^{_CHOICE_WORDS}\(?\s*([a-z])\s*[).:]?$", re.IGNORECASE)


def _several_letters(letters: Sequence[str]) -> re.Pattern[str]:
    """Text that names several of ``letters``: ``'b, c'``, ``'b and c'``, ``'(a)(c)'``, ``'bc'``."""
    one = rf"\(?[{''.join(letters)}]\)?"
    return re.compile(rf"^{one}(?:\s*(?:,|;|/|&|\+|\band\b|\bor\b)?\s*{one})+$", re.IGNORECASE)


def read_choice(answer: object, letters: Sequence[str]) -> str:
    """Read the letter of one choice, e.g. ``'b'``, ``'B'``, ``'(b)'``, ``'b)'`` or ``'option b'``.

    Raises ``TypeError`` for anything but text, and ``ValueError`` for text that is not one of
    ``letters`` (several letters, an unknown letter, a sentence, or more than :data:`MAX_TEXT`
    characters).
    """
    listed = ", ".join(letters)
    if not isinstance(answer, str):
        if isinstance(answer, (list, tuple, set, frozenset, dict)):
            raise TypeError(f"the answer is a {type(answer).__name__}, not one letter. {_CHOICE_FORM}")
        raise TypeError(f"the answer is {excerpt(answer)}, not a letter. {_CHOICE_FORM}")
    if len(answer) > MAX_TEXT:
        raise ValueError(f"the answer is a text of {len(answer)} characters; write just one letter, {listed}")
    text = answer.strip()
    if not text:
        raise ValueError(f"the answer is an empty text; write one letter, {listed}")
    match = _ONE_LETTER.match(text)
    if match is not None:
        letter = match[1].lower()
        if letter not in letters:
            raise ValueError(f"there is no statement {letter!r}; the statements are {listed}")
        return letter
    if _several_letters(letters).match(text):
        raise ValueError(
            f"{excerpt(text)} names several statements; exactly one is right, so choose one of {listed}"
        )
    raise ValueError(f"write just the letter of the statement you choose, one of {listed}, not a sentence")
