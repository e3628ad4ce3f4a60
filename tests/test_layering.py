"""The dashboard's layers (STYLE.md): layouts are pure component trees, so no module of
app/layouts imports the service layer (callbacks call the services and hand layouts plain
data); and no module of the application, its migrations, the modelling, the benchmarks or the
scripts grows past 400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYOUTS = sorted((ROOT / "app" / "layouts").glob("*.py"))
MAX_LINES = 400


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            if node.module == "app":  # from app import services
                names.update(f"app.{alias.name}" for alias in node.names)
    return names


def reaches_services(module: str) -> bool:
    return module == "app.services" or module.startswith("app.services.")


def test_the_walk_sees_every_form_of_import(tmp_path):
    forged = tmp_path / "forged.py"
    forged.write_text(
        "import app.services.audit\nfrom app import services\n"
        "def f():\n    from app.services.policy import policy_for\n"
    )
    found = {m for m in imported_modules(forged) if reaches_services(m)}
    assert found == {"app.services.audit", "app.services", "app.services.policy"}


@pytest.mark.parametrize("path", LAYOUTS, ids=lambda p: p.name)
def test_a_layout_imports_no_service(path):
    assert LAYOUTS, "app/layouts holds the pages' layouts"
    assert sorted(m for m in imported_modules(path) if reaches_services(m)) == []


@pytest.mark.parametrize("package", ["app", "db", "modelling", "benchmarks", "scripts"], ids=str)
def test_no_module_is_over_400_lines(package):
    long = {
        str(path.relative_to(ROOT)): n
        for path in (ROOT / package).rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
