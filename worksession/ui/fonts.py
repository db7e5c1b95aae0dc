"""The shipped fonts for Qt, so the tables and the presenter show every name (李伟, 김민준,
عائشة بنت أحمد) even on a computer without fonts for those scripts.

Qt shapes Arabic, orders right-to-left text and falls back from the widget's font to another
font per character by itself; it only needs the fonts to be known. The files in
``resources/fonts`` (the same the plan PDF embeds) are added once, when the first session
window opens: the start window paints before they are read, and the files (4 MB together)
are read only by someone who opens a session.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from worksession.support.paths import resource_path

_families: list[str] = []


def register_app_fonts() -> list[str]:
    """Add the shipped fonts to Qt's font database (once) and return their families."""
    if not _families:
        for path in sorted(resource_path("fonts").glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id == -1:
                continue  # an unreadable file: Qt falls back to the system's fonts as before
            for family in QFontDatabase.applicationFontFamilies(font_id):
                if family not in _families:
                    _families.append(family)
    return list(_families)
