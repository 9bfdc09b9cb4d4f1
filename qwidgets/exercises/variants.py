"""Per-student variants of exercises: the numbers of a question drawn from the student's id.

An exercise may declare :class:`Parameter` s, each a short list of options whose first entry is
the lesson's own number. In self-study every student sees those first options. Where the
environment names the student (JupyterHub sets ``JUPYTERHUB_USER``; a teacher may set
``QWIDGETS_STUDENT`` instead), :func:`draw` picks one of the other combinations from a hash of the
student's id and the exercise's id: the same student always gets the same numbers, neighbours
usually get different ones, and the lesson's published answers grade nobody's variant. The
autograder checks a submission against the variant of the student who submitted it (see
:mod:`qwidgets.classroom.nbgrader_plugin`).
"""

from __future__ import annotations

import hashlib
import html
import itertools
import math
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

__all__ = [
    "STUDENT_VARIABLES",
    "Parameter",
    "Variant",
    "current_student",
    "draw",
    "format_value",
]

STUDENT_VARIABLES = ("QWIDGETS_STUDENT", "JUPYTERHUB_USER")
"""Environment variables naming the student, in order of precedence."""
_MAX_PI_DENOMINATOR = 12  # angles are shown as fractions of pi up to pi/12


def format_value(value: Any) -> str:
    """A number as a student reads it: ``π/5`` for angles that are simple fractions of pi, else ``0.35``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, float) and value != 0 and math.isfinite(value):
        ratio = Fraction(value / math.pi).limit_denominator(_MAX_PI_DENOMINATOR)
        if ratio and math.isclose(value, float(ratio) * math.pi, rel_tol=1e-12):
            top = {1: "", -1: "-"}.get(ratio.numerator, str(ratio.numerator))
            return f"{top}π" if ratio.denominator == 1 else f"{top}π/{ratio.denominator}"
    return f"{value:g}" if isinstance(value, float) else str(value)


@dataclass(frozen=True)
class Parameter:
    """A number in an exercise's question that varies from student to student.

    Attributes
    ----------
    name : str
        The keyword the check body and the reference solution take, and the attribute a student
        reads from :class:`Variant` (``p.theta``).
    options : tuple
        The values it may take; the first is the lesson's own (self-study) number.
    symbol : str
        How the question writes it (``"θ"``); the name if empty.
    unit : str
        Shown after the value (``"km"``); empty for none.
    """

    name: str
    options: tuple[Any, ...]
    symbol: str = ""
    unit: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.isidentifier() or self.name.startswith("_"):
            raise ValueError(f"name must be a public Python identifier; got {self.name!r}")
        if isinstance(self.options, (str, bytes)) or not isinstance(self.options, Sequence):
            raise TypeError(f"options of {self.name!r} must be a sequence of values; got {self.options!r}")
        if len(self.options) == 0 or len(set(map(repr, self.options))) != len(self.options):
            raise ValueError(
                f"options of {self.name!r} must be distinct and at least one; got {self.options!r}"
            )
        object.__setattr__(self, "options", tuple(self.options))

    def label(self, value: Any) -> str:
        """``"θ = π/5 (0.6283)"`` or ``"L = 50 km"``: the value as the question would write it."""
        unit = f" {self.unit}" if self.unit else ""
        shown = format_value(value)
        decimal = f" ({value:.4g})" if "π" in shown else ""  # to type into a calculator
        return f"{self.symbol or self.name} = {shown}{decimal}{unit}"


@dataclass(frozen=True)
class Variant:
    """One student's numbers for one exercise; read them as attributes (``p.theta``).

    Attributes
    ----------
    exercise : str
        Id of the exercise.
    student : str or None
        Whose variant it is; ``None`` for the lesson's own numbers (self-study).
    parameters : tuple of Parameter
        The exercise's parameters.
    values : tuple
        One value per parameter, in the same order.
    """

    exercise: str
    student: str | None
    parameters: tuple[Parameter, ...]
    values: tuple[Any, ...]

    def __getattr__(self, name: str) -> Any:
        for parameter, value in zip(object.__getattribute__(self, "parameters"), self.values):
            if parameter.name == name:
                return value
        names = [p.name for p in self.parameters]
        raise AttributeError(f"exercise {self.exercise!r} has the numbers {names}; not {name!r}")

    def __iter__(self) -> Iterator[str]:
        return (p.name for p in self.parameters)

    def as_dict(self) -> dict[str, Any]:
        """The values by parameter name: the keywords of the check body and reference solution."""
        return {p.name: v for p, v in zip(self.parameters, self.values)}

    def others(self) -> Iterator[Variant]:
        """Every other combination of the numbers: the lesson's (``student`` ``None``) first."""
        for combo in itertools.product(*(p.options for p in self.parameters)):
            if combo != self.values:
                lesson = all(v == p.options[0] for p, v in zip(self.parameters, combo))
                yield Variant(self.exercise, None if lesson else self.student, self.parameters, combo)

    def describe(self) -> str:
        """``"θ = π/5, L = 50 km"``."""
        return ", ".join(p.label(v) for p, v in zip(self.parameters, self.values))

    def __str__(self) -> str:
        if not self.parameters:
            return "This exercise has the same numbers for every student."
        if self.student is None:
            return f"The lesson's numbers: {self.describe()}."
        return f"Your numbers, {self.student}: {self.describe()}. Answer for these."

    def _repr_html_(self) -> str:
        style = "padding:4px 8px;border-left:4px solid #0072B2"  # Okabe-Ito blue
        return f"<div role='note' style='{style}'>{html.escape(str(self))}</div>"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))


def current_student() -> str | None:
    """The student's id from the environment (``QWIDGETS_STUDENT``, then ``JUPYTERHUB_USER``), or ``None``."""
    for variable in STUDENT_VARIABLES:
        student = os.environ.get(variable, "").strip()
        if student:
            return student
    return None


def draw(exercise_id: str, parameters: Sequence[Parameter], student: str | None) -> Variant:
    """The variant of ``student`` (the lesson's numbers when ``None`` or empty).

    A named student gets one of the combinations other than the lesson's own, chosen by a
    SHA-256 of the exercise id and the student id: stable across sessions and machines.
    """
    if student is not None and not isinstance(student, str):
        raise TypeError(f"student must be a string id or None; got {student!r}")
    student = (student or "").strip() or None
    combos = list(itertools.product(*(range(len(p.options)) for p in parameters)))
    if student is None or len(combos) == 1:
        chosen = combos[0]
    else:
        digest = hashlib.sha256(f"{exercise_id}\n{student}".encode()).digest()
        chosen = combos[1 + int.from_bytes(digest[:8], "big") % (len(combos) - 1)]
    values = tuple(p.options[i] for p, i in zip(parameters, chosen))
    return Variant(exercise_id, student if parameters else None, tuple(parameters), values)
