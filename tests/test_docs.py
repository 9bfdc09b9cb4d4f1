"""The documentation's code stays true: the example panel of docs/architecture.md passes the contract."""

import re
from pathlib import Path

from qwidgets.testing import check_panel

ARCHITECTURE = Path(__file__).resolve().parent.parent / "docs" / "architecture.md"


def test_the_example_panel_passes_the_contract_suite():
    text = ARCHITECTURE.read_text(encoding="utf-8")
    (example,) = re.findall(r"## Writing a new panel.*?```python\n(.+?)```", text, flags=re.S)
    namespace: dict = {}
    exec(compile(example, str(ARCHITECTURE), "exec"), namespace)  # noqa: S102 - our own document
    panel_class = namespace["ZOddsPanel"]
    check_panel(panel_class)
    assert panel_class(theta=3.14 / 2).summary_text == "P(|0⟩) = 0.500, P(|1⟩) = 0.500."


def test_docstrings_only_point_at_documents_in_the_repository():
    root = ARCHITECTURE.parent.parent
    for path in [*root.glob("qwidgets/**/*.py"), *root.glob("tests/**/*.py"), *root.glob("benchmarks/*")]:
        for name in re.findall(r"\b([A-Z][A-Za-z_]*\.md)\b", path.read_text(encoding="utf-8")):
            found = [p for p in root.rglob(name) if ".venv" not in p.parts]
            assert found, f"{path.relative_to(root)} points at {name}, which is not in the repository"
