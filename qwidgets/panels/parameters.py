"""Declarations of a panel's parameters and buttons, made once at class level.

A panel lists its inputs as :class:`Parameter` records (as scikit-learn estimators declare
``_parameter_constraints``); the panel base builds every control from them, checks constructor
keywords against them, and the contract suite in :mod:`qwidgets.testing` drives them. Each
parameter knows three things:

- ``check(value)``: the value in canonical form, or a named error with the range and unit;
- ``make_control()``: the widget that shows it (with label, unit and tooltip);
- ``is_echo(exact, shown)``: whether a value sent by a control is only the browser echoing the
  exact value rounded to the control's step (a slider in JupyterLab sends back every value
  rounded to its step), which must change nothing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets

from qwidgets import validation

__all__ = ["Action", "Caption", "Choice", "Integer", "Menu", "Number", "Parameter", "Tick"]


_CHAR_EM = 0.6  # width of a label's character, generously (JupyterLab's UI font is 13 px)
_LABEL_GAP_EM = 1.0
_SLIDER_EM = 15.0  # a slider's track and readout


def _box_em(high: int) -> float:
    """Width of a number box that shows ``high`` with its thousands separators and spinner."""
    return max(4.0, 0.65 * len(f"{high:,}") + 2.5)


def _width(label: str, unit: str, control_em: float, *, minimum: float) -> str:
    """CSS width of a control with its label: the label's text never squeezes the control."""
    text = f"{label} ({unit})" if unit else label
    return f"{max(minimum, _CHAR_EM * len(text) + _LABEL_GAP_EM + control_em):.1f}em"


@dataclass(frozen=True)
class Parameter:
    """One input of a panel (abstract: use :class:`Number`, :class:`Integer` or :class:`Choice`).

    Attributes
    ----------
    name : str
        Keyword and control name, e.g. ``"theta"``.
    label : str
        Short label shown before the control, e.g. ``"θ"``.
    default : object
        Value when the keyword is not given.
    tooltip : str
        What the control sets, shown on hover and read by screen readers.
    view : bool
        True if the control is a view of the panel's exact state (set from it, and setting it),
        rather than a value stored for ``_compute``.
    when : mapping of str to tuple, optional
        The parameter only matters when each named parameter has one of the given values (e.g.
        ``{"attack": ("photon-number splitting",)}``); otherwise its control is disabled.
    """

    name: str
    label: str
    default: Any
    tooltip: str
    view: bool = field(default=False, kw_only=True)
    when: Mapping[str, tuple] | None = field(default=None, kw_only=True)

    def applies(self, values: Mapping[str, Any]) -> bool:
        """Whether the parameter matters when the other parameters have ``values``."""
        return all(values.get(name) in allowed for name, allowed in (self.when or {}).items())

    @property
    def annotation(self) -> str:
        """Python type of the value, for generated signatures and docs."""
        raise NotImplementedError

    @property
    def allowed(self) -> str:
        """The valid values in words, with the unit."""
        raise NotImplementedError

    def check(self, value: object) -> Any:
        """Return ``value`` in canonical form, or raise a named :class:`~qwidgets.errors.QWidgetsError`."""
        raise NotImplementedError

    def make_control(self) -> widgets.Widget:
        """Return a new widget for this parameter, showing the default."""
        raise NotImplementedError

    def is_echo(self, exact: object, shown: object) -> bool:
        """Whether ``shown``, sent by the control, only restates the exact value ``exact``."""
        return shown == exact


@dataclass(frozen=True)
class Number(Parameter):
    """A real number on a slider from ``low`` to ``high``, moved in steps of ``step``.

    ``periodic`` numbers (an azimuth) are kept in ``[low, high)``.
    """

    low: float = field(kw_only=True)
    high: float = field(kw_only=True)
    step: float = field(kw_only=True)
    unit: str = field(default="", kw_only=True)
    periodic: bool = field(default=False, kw_only=True)

    def __post_init__(self) -> None:
        if self.unit not in validation.UNITS:
            raise ValueError(f"unit must be one of {validation.UNITS}; got {self.unit!r}")

    @property
    def annotation(self) -> str:
        return "float"

    @property
    def allowed(self) -> str:
        return f"a number from {self.low:.6g} to {self.high:.6g} {self.unit}".rstrip()

    @property
    def decimals(self) -> int:
        """Decimals the readout shows: enough to see one step."""
        return max(0, -math.floor(math.log10(self.step) + 1e-9))

    def check(self, value: object) -> float:
        number = validation.real(self.name, value, low=self.low, high=self.high, unit=self.unit)
        if self.periodic and number == self.high:
            return float(self.low)
        return number

    def make_control(self) -> widgets.FloatSlider:
        return widgets.FloatSlider(
            value=self.default,
            min=self.low,
            max=self.high,
            step=self.step,
            description=f"{self.label} ({self.unit})" if self.unit else self.label,
            readout_format=f".{self.decimals}f",
            tooltip=self.tooltip,
            continuous_update=True,
            style={"description_width": "initial"},
            layout=widgets.Layout(width=_width(self.label, self.unit, _SLIDER_EM, minimum=19.0)),
        )

    def is_echo(self, exact: object, shown: object) -> bool:
        """True if ``shown`` is within half a step of ``exact`` (the slider rounded it)."""
        try:
            gap = abs(float(shown) - float(exact))
        except (TypeError, ValueError):
            return False
        if self.periodic:
            gap = min(gap, abs(self.high - self.low) - gap)
        return gap <= self.step / 2 * (1 + 1e-9)


@dataclass(frozen=True)
class Integer(Parameter):
    """An integer typed in a box; values outside ``[low, high]`` show the error banner."""

    low: int = field(kw_only=True)
    high: int = field(kw_only=True)
    unit: str = field(default="", kw_only=True)

    @property
    def annotation(self) -> str:
        return "int"

    @property
    def allowed(self) -> str:
        return f"an integer from {self.low:,} to {self.high:,} {self.unit}".rstrip()

    def check(self, value: object) -> int:
        return validation.integer(self.name, value, low=self.low, high=self.high, unit=self.unit)

    def make_control(self) -> widgets.IntText:
        return widgets.IntText(
            value=self.default,
            description=self.label,
            tooltip=self.tooltip,
            style={"description_width": "initial"},
            layout=widgets.Layout(width=_width(self.label, "", _box_em(self.high), minimum=11.0)),
        )


@dataclass(frozen=True)
class Choice(Parameter):
    """One of a few options, as toggle buttons.

    ``options`` holds ``(value, button label, button tooltip)`` triples; ``button_width`` is the
    CSS width of each button ("auto" for labels that are words).
    """

    options: tuple[tuple[Any, str, str], ...] = field(kw_only=True)
    button_width: str = field(default="3.2em", kw_only=True)

    @property
    def values(self) -> tuple[Any, ...]:
        """The values the parameter can take."""
        return tuple(value for value, _, _ in self.options)

    @property
    def annotation(self) -> str:
        return " | ".join(sorted({type(v).__name__ for v in self.values}))

    @property
    def allowed(self) -> str:
        return f"one of {', '.join(map(repr, self.values))}"

    def check(self, value: object) -> Any:
        return validation.choice(self.name, value, self.values)

    def make_control(self) -> widgets.ToggleButtons:
        return widgets.ToggleButtons(
            options=[(label, value) for value, label, _ in self.options],
            value=self.default,
            description=self.label,
            tooltip=self.tooltip,
            tooltips=[tip for _, _, tip in self.options],
            style={"button_width": self.button_width, "description_width": "initial"},
            layout=widgets.Layout(display="flex", width="auto", align_items="center"),  # label inline
        )


@dataclass(frozen=True)
class Menu(Choice):
    """One of many options, as a drop-down menu (for lists too long for toggle buttons).

    ``options`` holds ``(value, menu label, description)`` triples as for :class:`Choice`; a menu
    has one tooltip, so the descriptions are not shown. ``width`` is the CSS width of the menu
    with its label.
    """

    width: str = field(default="34em", kw_only=True)

    def make_control(self) -> widgets.Dropdown:
        return widgets.Dropdown(
            options=[(label, value) for value, label, _ in self.options],
            value=self.default,
            description=self.label,
            tooltip=self.tooltip,
            style={"description_width": "initial"},
            layout=widgets.Layout(width=self.width, max_width="100%"),
        )


@dataclass(frozen=True)
class Tick(Choice):
    """A yes-or-no :class:`Choice` shown as a check box."""

    def make_control(self) -> widgets.Checkbox:
        return widgets.Checkbox(
            value=self.default,
            description=self.label,
            tooltip=self.tooltip,
            indent=False,
            layout=widgets.Layout(width="auto", margin="0 12px 0 4px"),
        )


@dataclass(frozen=True)
class Action:
    """A button: clicking it calls the panel method ``method`` with ``args``.

    Attributes
    ----------
    name : str
        Control name, e.g. ``"gate_H"``.
    label : str
        Text on the button.
    tooltip : str
        What the button does.
    method : str
        Name of the panel method to call.
    args : tuple
        Arguments of that call.
    icon : str
        Optional Font Awesome icon name.
    width : str
        CSS width of the button ("" for automatic).
    """

    name: str
    label: str
    tooltip: str
    method: str
    args: tuple = ()
    icon: str = ""
    width: str = ""

    def make_control(self) -> widgets.Button:
        """Return a new button."""
        layout = widgets.Layout(width=self.width) if self.width else widgets.Layout()
        return widgets.Button(description=self.label, tooltip=self.tooltip, icon=self.icon, layout=layout)


@dataclass(frozen=True)
class Caption:
    """A short text at the start of a row of controls, e.g. ``Caption("Gates")``."""

    text: str


ControlRows = Sequence[Sequence["str | Caption"]]
