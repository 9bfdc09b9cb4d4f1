"""Testing tools for panels: the contract suite every panel passes, and browser echoes.

``from qwidgets.testing import check_panel`` checks a panel class against the whole contract
(like scikit-learn's ``check_estimator``); ``tests/panels/test_contract.py`` runs it over every
panel that ``qwidgets`` exports. The real-browser driver lives in
:mod:`qwidgets.testing.jupyterlab` (it needs the ``test`` extra: playwright).
"""

from qwidgets.testing.contract import PANEL_CHECKS, browser_echo, check_panel, exported_panels, from_browser

__all__ = ["PANEL_CHECKS", "browser_echo", "check_panel", "exported_panels", "from_browser"]
