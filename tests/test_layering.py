"""Qt stays inside worksession/ui, directly or indirectly; the import-linter contracts in
pyproject.toml (the layers) hold; the top level holds only the entry points and the root."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "worksession"
# app imports ui at once (the window is all it starts); its own source has no Qt (the contracts).
QT_ALLOWED = ("worksession.ui", "worksession.app")


def _modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if "versions" in parts or parts[-1] in ("env", "__main__"):
            continue  # migration scripts and alembic's env only run inside alembic
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        names.append(name)
    return names


def _qt_free(name: str) -> bool:
    return not any(name == allowed or name.startswith(allowed + ".") for allowed in QT_ALLOWED)


def test_no_module_outside_ui_imports_pyside6_in_its_source() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if not _qt_free(module):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{module}: {n}" for n in names if n.split(".")[0] == "PySide6"]
    assert offenders == []


def test_importing_every_qt_free_module_loads_no_qt() -> None:
    """Catches Qt pulled in through another module, which a source scan cannot see."""
    modules = [name for name in _modules() if _qt_free(name)]
    assert "worksession.storage.opening" in modules and "worksession.cli" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_ui_modules_are_the_ones_that_may_use_qt() -> None:
    ui_modules = [name for name in _modules() if not _qt_free(name)]
    assert "worksession.ui.start_window" in ui_modules
    assert "worksession.app" in ui_modules


def test_the_top_level_holds_only_the_entry_points_and_the_composition_root() -> None:
    """Anything else belongs in a package named for its job (workflows, support, user, …)."""
    modules = sorted(path.stem for path in PACKAGE.glob("*.py"))
    assert modules == ["__init__", "__main__", "app", "launch"]


def test_the_import_contracts_hold() -> None:
    """The layers of pyproject.toml's [tool.importlinter], function-local imports included."""
    root = PACKAGE.parent
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint_imports), "--no-cache", "--config", str(root / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
