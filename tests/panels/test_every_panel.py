"""One generic test: drive every exported panel's controls through random valid values."""

import ipywidgets as widgets
import numpy as np
import pytest

import qwidgets

PANELS = [getattr(qwidgets, name) for name in qwidgets.__all__ if name.endswith("Panel") and name != "Panel"]


def random_valid_change(control, rng):
    """Change ``control`` to a random value it accepts (or click it); False if it has none."""
    if isinstance(control, widgets.Button):
        control.click()
    elif hasattr(control, "options"):
        control.index = int(rng.integers(len(control.options)))
    elif isinstance(control, widgets.FloatSlider):
        control.value = float(rng.uniform(control.min, control.max))
    elif isinstance(control, (widgets.IntSlider, widgets.BoundedIntText)):
        control.value = int(rng.integers(control.min, control.max + 1))
    elif isinstance(control, widgets.IntText):
        control.value = int(rng.integers(1, 5000))
    else:
        return False
    return True


def test_panels_are_exported():
    assert PANELS, "qwidgets exports no panel"


@pytest.mark.parametrize("panel_class", PANELS, ids=lambda cls: cls.__name__)
def test_random_valid_inputs_never_break_a_panel(panel_class):
    rng = np.random.default_rng(2024)
    panel = panel_class()
    names = sorted(panel.controls)
    for _ in range(60):
        name = names[rng.integers(len(names))]
        assert random_valid_change(panel.controls[name], rng), f"don't know how to drive {name}"
        assert panel.error is None, f"{name}: {panel.error}"
        assert panel.result is not None
        assert panel.summary.value.strip()
        assert bytes(panel.image.value).startswith(b"\x89PNG")
