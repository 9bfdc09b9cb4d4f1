"""The contract suite (qwidgets.testing) over every panel that qwidgets exports."""

import pytest

from qwidgets.testing import PANEL_CHECKS, exported_panels

PANELS = exported_panels()


def test_panels_are_exported():
    assert PANELS, "qwidgets exports no panel"


@pytest.mark.parametrize("check", PANEL_CHECKS, ids=lambda check: check.__name__.removeprefix("check_"))
@pytest.mark.parametrize("panel_class", PANELS, ids=lambda cls: cls.__name__)
def test_panel_contract(panel_class, check):
    check(panel_class)
