"""Imports point one way: cms → workflows → notifications → scheduling → forms_builder → partners
→ thai (docs/architecture.md).

An app may import the apps below it, never one above it, nor the project shell (`config`). Every
import counts, including those inside functions (which the direction rule would otherwise hide).
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAYERS = [
    "cms",
    "workflows",
    "notifications",
    "scheduling",
    "forms_builder",
    "partners",
    "thai",
]  # top first
APP_DIRS = {"cms": ROOT / "site" / "cms", **{app: ROOT / app for app in LAYERS[1:]}}


def imported_top_levels(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def upward_imports(app: str) -> list[str]:
    above = {"config", *LAYERS[: LAYERS.index(app)]}
    base = APP_DIRS[app].parent
    return [
        f"{path.relative_to(base)} imports {name}"
        for path in sorted(APP_DIRS[app].rglob("*.py"))
        for name in sorted(imported_top_levels(path) & above)
    ]


@pytest.mark.parametrize("app", LAYERS)
def test_an_app_imports_nothing_from_the_apps_above_it(app):
    assert upward_imports(app) == []


def test_the_check_sees_an_upward_import(tmp_path, monkeypatch):
    module = tmp_path / "thai_module.py"
    module.write_text("def later():\n    from workflows.models import Case\n")
    monkeypatch.setitem(APP_DIRS, "thai", tmp_path)
    assert upward_imports("thai") == [f"{tmp_path.name}/thai_module.py imports workflows"]
