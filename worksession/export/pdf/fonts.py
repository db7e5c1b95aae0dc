"""The plan's fonts: DejaVu Sans for every Latin, Greek, Cyrillic, Hebrew and Arabic name, and
Noto Sans SC and KR for Chinese, Japanese and Korean ones, registered only when a plan needs them.

reportlab keeps its fonts in one process-wide registry, and fonts are registered from whichever
thread first needs them (a plan rendered for the preview, the CLI's export, a check), so every
registration happens under one lock. A plan whose names are all in DejaVu never loads the other
fonts, which keeps its bytes as they were before the fallbacks existed.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from worksession.export.pdf.lean_faces import make_lean
from worksession.support.paths import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
# No part of the plan is set in italic (user text is escaped, so it cannot ask for it either):
# the oblique face is not loaded, which saves the 3 MB reportlab keeps of a parsed face. Italic
# markup would print upright, as reportlab's own ``registerFontFamily`` does for a family
# without an italic face. (Qt still gets the oblique file, see ``ui.fonts``.)
# Fallbacks in the order they are tried, each with the file it is read from. The CJK fonts have
# one weight: bold text in them prints in the regular weight.
FALLBACKS = {
    "NotoSansSC": "NotoSansSC-Regular-subset.ttf",  # hanzi, kanji, kana, CJK punctuation
    "NotoSansKR": "NotoSansKR-Regular-subset.ttf",  # Hangul
}

# Reentrant: registering a fallback may start by registering the family it falls back from.
_LOCK = threading.RLock()
_registered: set[str] = set()


def register_fonts() -> str:
    """Register the family (regular and bold) and return its name for the styles."""
    if REGULAR in _registered:  # the common case needs no lock: the set only grows
        return REGULAR
    with _LOCK:
        if REGULAR not in _registered:
            for name in (REGULAR, BOLD):
                pdfmetrics.registerFont(_parsed(name, f"{name}.ttf"))
            addMapping(REGULAR, 0, 0, REGULAR)
            addMapping(REGULAR, 1, 0, BOLD)
            addMapping(REGULAR, 0, 1, REGULAR)
            addMapping(REGULAR, 1, 1, BOLD)
            _registered.add(REGULAR)
    return REGULAR


def _parsed(name: str, file: str) -> TTFont:
    """The font in ``file``, parsed, without what only shaping reads."""
    font = TTFont(name, str(resource_path("fonts", file)))
    if not font.shapable:
        # reportlab keeps a map from each glyph back to its characters, read again only to
        # shape text with HarfBuzz (uharfbuzz, not installed: arabic-reshaper shapes, see
        # ``scripts``). It takes more memory than any other part of a parsed face (1.1 MB for
        # DejaVu Sans); what the plan is drawn and embedded with is all kept.
        font.face.glyphToChar = {}
        # The rest in less memory, and the file read again only to embed it (HarfBuzz would
        # read the file's bytes too, hence only here).
        make_lean(font.face)
    return font


def fallback_font(name: str) -> str:
    """Register the fallback font ``name`` (one of ``FALLBACKS``) on first use and return it."""
    if name in _registered:
        return name
    with _LOCK:
        if name not in _registered:
            register_fonts()
            pdfmetrics.registerFont(_parsed(name, FALLBACKS[name]))
            # Bold or italic markup around a run in this font keeps the one weight it has.
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(name, bold, italic, name)
            _registered.add(name)
    return name


def forget_fonts() -> None:
    """Unregister every font registered here, so that reportlab lets go of them (about 2 MB
    of parsed font files); the next plan registers them again. Only while no plan is drawn."""
    with _LOCK:
        names = [name for name in FALLBACKS if name in _registered]
        if REGULAR in _registered:  # the family: its two faces
            names += [REGULAR, BOLD]
        for name in names:
            font = pdfmetrics._fonts.pop(name, None)
            face = getattr(font, "face", None)
            if face is not None:  # reportlab also knows a file's font by its face's name
                pdfmetrics._dynFaceNames.pop(face.name, None)
        _registered.clear()


def glyph_map(name: str) -> Mapping[int, int]:
    """The registered font's character → glyph map: what it can print without a .notdef box."""
    face = pdfmetrics.getFont(name).face
    return face.charToGlyph


def is_registered(name: str) -> bool:
    """Whether ``name`` has been registered in this process (the fallbacks load on demand)."""
    return name in _registered
