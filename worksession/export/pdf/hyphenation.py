"""Dutch hyphenation for the plan's table cells, so a word is never broken without a hyphen.

Narrow columns meet long Dutch compounds ("wijkgezondheidsprofiel", "praktijkondersteuner").
Left to itself reportlab cuts a word that is wider than its column at whatever letter the column
ends, and prints no hyphen. So before a cell is laid out, each word that cannot fit its column
gets soft hyphens where Dutch allows a break; reportlab breaks at one of them and prints a hyphen
there, and prints nothing for the others. Words that fit are left alone: a name is never
hyphenated only to fill a line. The plan's text is Dutch whatever the app's language, so the rules
are always Dutch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import pyphen
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from worksession.export.pdf.hyphen_patterns import LeanHyphDict

LANGUAGE = "nl_NL"
SOFT_HYPHEN = "\xad"
# No letter of the fonts is wider than this many font sizes: shorter words need no measuring.
WIDEST_LETTER = 1.05
CACHED_WORDS = 4096
# Letters of the scripts that break with a hyphen (Latin, Greek, Cyrillic); Chinese and Japanese
# break between any two characters without one, and are left to reportlab.
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0370-\u03ff\u0400-\u04ff'’]+")


@cache
def _dictionary() -> pyphen.Pyphen:
    # Read lean (see ``hyphen_patterns``), handed to pyphen through its cache of dictionaries,
    # and taken out of that cache again: pyphen keeps every dictionary it reads there and never
    # lets go, so taken out, the dictionary is held here only, and ``forget`` frees it.
    path = pyphen.LANGUAGES[LANGUAGE]
    read = pyphen.hdcache[path] = LeanHyphDict(path)
    try:
        return pyphen.Pyphen(lang=LANGUAGE)
    finally:
        if pyphen.hdcache.get(path) is read:
            del pyphen.hdcache[path]


@dataclass(frozen=True)
class Breakable:
    text: str  # with soft hyphens in the words too wide for their column
    at_hyphens: bool  # a too wide word has a hyphen of its own ("Zuid-Limburg"): break after it


def breakable(text: str, font: str, size: float, room: float) -> Breakable:
    """``text`` with soft hyphens where Dutch breaks the words wider than ``room`` points (with
    their punctuation), so that each piece between them, with its hyphen, fits a line."""
    if len(text) * size * WIDEST_LETTER <= room or stringWidth(text, font, size) <= room:
        return Breakable(text, False)  # the common case: the whole cell fits on one line
    at_hyphens = False
    widest = size * WIDEST_LETTER

    def word(match: re.Match[str]) -> str:
        nonlocal at_hyphens
        token = match.group(0)
        if len(token) * widest <= room or SOFT_HYPHEN in token:
            return token  # it fits, or its writer chose where it may break
        if stringWidth(token, font, size) <= room:
            return token
        parts = _WORD.findall(token)
        if "-" in token and all(stringWidth(part, font, size) <= room for part in parts):
            at_hyphens = True  # "Zuid-Limburg": break after the hyphen it has
            return token
        # Every part gets its break points, also one that fits on its own: "huisartsenzorg,"
        # may be too wide only with its comma.
        return _WORD.sub(lambda part: _hyphenated(part.group(0), font, size, room), token)

    return Breakable(_LONG_TOKEN.sub(word, text), at_hyphens)


def at_hyphens(style: ParagraphStyle) -> ParagraphStyle:
    """``style``, breaking a word after a hyphen it has when the word does not fit a line."""
    return _at_hyphens(style.name, style)


@cache
def _at_hyphens(name: str, style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{name}AtHyphens", parent=style, embeddedHyphenation=1)


# Tokens that may be too wide: runs without spaces of some length. Shorter ones cannot be.
_LONG_TOKEN = re.compile(r"\S{6,}")


@lru_cache(maxsize=CACHED_WORDS)
def _hyphenated(word: str, font: str, size: float, room: float) -> str:
    pieces = _dictionary().inserted(word, hyphen="\n").split("\n")
    hyphen = stringWidth("-", font, size)
    fitting = [part for piece in pieces for part in _cut(piece, font, size, room - hyphen)]
    return SOFT_HYPHEN.join(fitting)


def forget() -> None:
    """Let go of the dictionary (about 300 kB) and the words hyphenated so far; the next plan
    that needs them loads the dictionary again."""
    _dictionary.cache_clear()
    _hyphenated.cache_clear()
    _at_hyphens.cache_clear()


def _cut(piece: str, font: str, size: float, room: float) -> list[str]:
    """A piece of a word no Dutch rule breaks (a long name, a made-up word) cut into parts that
    fit, each still ending in a hyphen where it breaks."""
    parts: list[str] = []
    current = ""
    for letter in piece:
        if current and stringWidth(current + letter, font, size) > room:
            parts.append(current)
            current = ""
        current += letter
    return [*parts, current]
