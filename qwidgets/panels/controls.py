"""Control factories shared by panels, so that every panel's inputs look and behave alike."""

from __future__ import annotations

import ipywidgets as widgets

from qwidgets.validation import integer as _integer


def count(name, value, *, low, high):
    return _integer(name, value, low=low, high=high)

__all__ = ["MAX_SEED", "angle_slider", "read_seed", "seed_control"]

MAX_SEED = 2**63 - 1
"""Largest seed a panel accepts (numpy seeds must be non-negative)."""


def angle_slider(label: str, *, maximum: float, help: str) -> widgets.FloatSlider:
    """Return a keyboard-operable slider for an angle in radians, from 0 to ``maximum``."""
    return widgets.FloatSlider(
        value=0.0, min=0.0, max=maximum, step=0.01, description=f"{label} (rad)",
        readout_format=".2f", tooltip=help, continuous_update=True,
        layout=widgets.Layout(width="22em"),
    )


def seed_control() -> tuple[widgets.IntText, widgets.Button]:
    """Return a seed box and a "New run" button (which draws the next seed, in plain view)."""
    seed = widgets.IntText(
        value=0, description="Seed", tooltip="same seed, same samples", layout=widgets.Layout(width="10em")
    )
    new_run = widgets.Button(description="New run", icon="refresh", tooltip="sample again with the next seed")
    return seed, new_run


def read_seed(seed: widgets.IntText) -> int:
    """Return the seed box's value, or raise a named error if numpy cannot use it."""
    return count("seed", seed.value, low=0, high=MAX_SEED)
