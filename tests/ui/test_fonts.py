"""The shipped fonts reach Qt when a session opens, so the tables and the presenter show names
in every script of the names corpus even on a computer that has no font for them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QFontDatabase

from tests.export.names_corpus import NAMES
from worksession.support.paths import resource_path
from worksession.ui.session.window import SessionWindow

# Lays out each name in the application's default font and reports, per name, the glyphs Qt
# chose: glyph 0 is the empty .notdef box. Run before and after the fonts are registered.
PROBE = """
import json, sys
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication
from worksession.ui.fonts import register_app_fonts

app = QApplication([])
names = json.loads(sys.argv[1])

def glyphs():
    result = {}
    for name in names:
        layout = QTextLayout(name, app.font())
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        result[name] = [
            [run.rawFont().familyName(), list(run.glyphIndexes())] for run in layout.glyphRuns()
        ]
    return result

before = glyphs()
register_app_fonts()
print(json.dumps({"before": before, "after": glyphs()}))
"""


def test_opening_a_session_registers_the_shipped_fonts(window: SessionWindow) -> None:
    families = set(QFontDatabase.families())
    assert {"Noto Sans SC", "Noto Sans KR", "DejaVu Sans"} <= families


def test_qt_shows_every_corpus_name_with_only_the_shipped_fonts(tmp_path: Path) -> None:
    # A computer whose only font is DejaVu Sans: fontconfig is told to know no other.
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    shutil.copy(resource_path("fonts", "DejaVuSans.ttf"), fonts)
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{fonts}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>"
    )
    environment = dict(os.environ, FONTCONFIG_FILE=str(config), QT_QPA_PLATFORM="offscreen")
    names = [name.text for name in NAMES]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(names)],
        env=environment, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    found = json.loads(done.stdout)

    def boxes(runs: list[list[object]]) -> int:
        return sum(glyphs.count(0) for _family, glyphs in runs)  # type: ignore[attr-defined]

    assert boxes(found["before"]["李伟"]) == 2  # without the shipped fonts: two empty boxes
    assert {name: boxes(runs) for name, runs in found["after"].items() if boxes(runs)} == {}
    families = {family for runs in found["after"].values() for family, _glyphs in runs}
    assert {"Noto Sans SC", "Noto Sans KR", "DejaVu Sans"} <= families
