"""PySide6's import hook keeps no module's source once worksession.ui is loaded, and still
decides for each module what it decided before."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TypedDict

# Imported after PySide6 in a fresh interpreter, as the app imports them after its window.
_SCRIPT = """
import json, linecache, sys
import PySide6.QtCore
if sys.argv[1] == "forgetting":
    import worksession.ui
import reportlab.platypus, sqlalchemy.orm, email.mime.text
from worksession.export.pdf import plan
import uses_qt, plain
feature = sys.modules["shibokensupport.feature"]
read = [n for n, e in linecache.cache.items() if len(e) == 4 and e[1] is not None]
generated = [n for n, e in linecache.cache.items() if len(e) == 4 and e[1] is None]
print(json.dumps({"read": read, "generated": len(generated),
                  "decided": dict(feature.pyside_feature_dict)}))
"""


class Figures(TypedDict):
    read: list[str]  # cached source read from files
    generated: int  # cached source of generated code
    decided: dict[str, int]  # PySide6's judgement per imported module


def _run(mode: str, folder: Path) -> Figures:
    (folder / "uses_qt.py").write_text("from PySide6 import QtCore\n", encoding="utf-8")
    (folder / "plain.py").write_text("import json\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, mode],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(folder), *sys.path])},
    )
    figures: Figures = json.loads(result.stdout)
    return figures


def test_the_import_hook_keeps_no_source_and_decides_as_before(tmp_path: Path) -> None:
    keeping, forgetting = _run("keeping", tmp_path), _run("forgetting", tmp_path)
    assert len(keeping["read"]) > 50  # what PySide6 alone keeps
    assert forgetting["read"] == []
    # Code SQLAlchemy generates lives only in the cache: it stays, for its tracebacks.
    assert forgetting["generated"] == keeping["generated"] != 0
    decided = forgetting["decided"]
    # Each module is judged as PySide6 judges it (0: uses PySide6, -1: ignored).
    assert decided["uses_qt"] == 0 and decided["plain"] == -1
    assert {name: decided[name] for name in keeping["decided"]} == keeping["decided"]


def test_forgetting_twice_wraps_the_hook_once() -> None:
    from worksession.ui.module_sources import FEATURE_MODULE, forget_module_sources

    assert forget_module_sources()
    hook = sys.modules[FEATURE_MODULE]._mod_uses_pyside
    assert forget_module_sources()
    assert sys.modules[FEATURE_MODULE]._mod_uses_pyside is hook
