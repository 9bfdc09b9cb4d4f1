"""Control factories shared by panels, so that every panel's inputs look and behave alike."""

from __future__ import annotations

import ipywidgets as widgets

__all__ = ["angle_slider", "seed_control"]


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
