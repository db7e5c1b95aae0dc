"""Which font prints each part of a user string, with right-to-left text in the order it is seen.

reportlab draws a string left to right in one font and does not shape it. So before user text is
drawn, each line is prepared here:

1. It is put in Unicode's composed form (NFC), so "e" + combining accent prints as "é".
2. A line with Arabic or Hebrew is shaped (Arabic letters take their joined forms, lam-alef
   becomes its ligature; arabic-reshaper) and put in visual order by the Unicode bidirectional
   algorithm (python-bidi): right-to-left words come out right to left *and* in the right
   word order, with left-to-right parts of the same line kept as they are.
3. The result is split into runs, each in a font whose character map has every character of it:
   DejaVu Sans (regular and bold both) first, then the CJK fallbacks in ``FALLBACKS`` order.
   Spaces and punctuation stay in the run they are in when its font has them, so "佐藤 花子"
   is one run. A character no shipped font has prints as U+FFFD (a visible "�") in DejaVu
   instead of an empty .notdef box; invisible format characters (direction marks, joiners)
   that no font has, or that a right-to-left line no longer needs, are dropped.

A paragraph that wraps must not break a line already in visual order (a right-to-left text's
last words would land on its first line): ``broken`` chooses the breaks in typed order and then
orders each line on its own, with the paragraph's direction.

Harakat (Arabic vowel marks) are left out: reportlab cannot place a mark over its letter. A line
that is already composed, left to right and all in DejaVu comes out unchanged as one run, so
plans with only such text print exactly as before.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from reportlab.pdfbase.pdfmetrics import stringWidth

from worksession.export.pdf.fonts import (
    BOLD,
    FALLBACKS,
    REGULAR,
    fallback_font,
    glyph_map,
    register_fonts,
)

if TYPE_CHECKING:
    from arabic_reshaper import ArabicReshaper

REPLACEMENT = "\ufffd"
RIGHT_TO_LEFT = frozenset({"R", "AL"})  # bidi classes of Hebrew and Arabic letters


@cache
def _reshaper() -> ArabicReshaper:
    """The Arabic shaper, made when a line first needs it: arabic-reshaper and python-bidi
    (about 2 MB with the font tools the shaper imports) load only for a plan with Arabic or
    Hebrew text."""
    from arabic_reshaper import ArabicReshaper

    # The default configuration joins "الله" into one ligature glyph (U+FDF2) that DejaVu
    # lacks; only the lam-alef ligatures, which Arabic requires, are kept.
    return ArabicReshaper(configuration={"ARABIC LIGATURE ALLAH": False})


@dataclass(frozen=True)
class Run:
    """Part of a line in one font: ``font`` is None for the style's own DejaVu face."""

    text: str
    font: str | None = None


def is_plain(text: str) -> bool:
    """Whether ``text`` prints unchanged in DejaVu, as one left-to-right run per line: what the
    fast paths (a table's plain-string cell, a drawing's single String) may draw as it is."""
    # Asked for every cell of every table: printable ASCII and white space answer at C speed.
    if _PLAIN_ASCII.fullmatch(text):
        return True
    return unicodedata.is_normalized("NFC", text) and bool(_plain_characters().fullmatch(text))


_PLAIN_ASCII = re.compile(r"[\x20-\x7e\s]*")


@cache
def _plain_characters() -> re.Pattern[str]:
    """Matches text of only the characters DejaVu prints left to right and white space.

    A pattern of code point ranges (some 300) rather than a set of the 5,900 characters: a
    tenth of the memory (as long as a plan is shown), and it answers at C speed too."""
    drawn = {
        code for code in dejavu_chars() if unicodedata.bidirectional(chr(code)) not in RIGHT_TO_LEFT
    }
    spaces = {code for code in range(0x3000 + 1) if chr(code).isspace()}
    return re.compile(f"[{''.join(_ranges(sorted(drawn | spaces)))}]*")


def _ranges(codes: list[int]) -> list[str]:
    """Sorted code points as the ranges of a regular expression's character class."""
    ranges: list[str] = []
    start = previous = codes[0] if codes else 0
    for code in [*codes[1:], -1]:  # -1 closes the last range
        if code == previous + 1:
            previous = code
            continue
        ranges.append(f"\\U{start:08x}" + (f"-\\U{previous:08x}" if previous > start else ""))
        start = previous = code
    return ranges if codes else []


def has_right_to_left(text: str) -> bool:
    """Whether ``text`` has Hebrew or Arabic letters, which need reordering before drawing."""
    if text.isascii():
        return False
    return any(unicodedata.bidirectional(char) in RIGHT_TO_LEFT for char in text)


def base_direction(line: str) -> str:
    """ "R" when the line's first letter with a direction is right-to-left, else "L": the
    direction a paragraph of it reads in (the Unicode rule), kept for each of its lines."""
    if not has_right_to_left(line):
        return "L"  # no right-to-left letter, so none comes first
    from bidi import get_base_level

    return "R" if get_base_level(line) == 1 else "L"


def visual(line: str, base: str | None = None) -> str:
    """One line composed, and when it has right-to-left letters shaped and in visual order;
    ``base`` is the direction of the paragraph it belongs to (by default its own)."""
    line = unicodedata.normalize("NFC", line)
    if not has_right_to_left(line):
        return line
    from bidi import get_display

    ordered = str(get_display(_reshaper().reshape(line), base_dir=base or base_direction(line)))
    # Direction marks and joiners have done their work once the line is shaped and ordered;
    # drawn, they would only come back in the extracted text. A soft hyphen still has a job.
    return "".join(c for c in ordered if unicodedata.category(c) != "Cf" or c == "\xad")


def broken(line: str, room: float, font: str, size: float) -> list[str]:
    """A line with right-to-left text broken into lines that fit ``room`` points, in visual
    order each. The breaks are chosen in typed order, so the lines read top to bottom as the
    text was typed (a paragraph that broke the visual line would put a right-to-left text's
    last words on its first line)."""
    base = base_direction(line)
    lines: list[str] = []
    current: list[str] = []
    for word in line.split(" "):
        candidate = " ".join([*current, word])
        if current and width(visual(candidate, base), font, size) > room:
            lines.append(" ".join(current))
            current = [word]
        else:
            current.append(word)
    lines.append(" ".join(current))
    return [visual(part, base) for part in lines]


def width(ordered: str, font: str, size: float) -> float:
    """How wide a line in visual order prints, each run in its font (``font`` for DejaVu's runs)."""
    return sum(stringWidth(run.text, run.font or font, size) for run in visual_runs(ordered))


def runs(line: str) -> list[Run]:
    """One line of user text (no line breaks) as runs of characters each font can print."""
    return visual_runs(visual(line))


def visual_runs(ordered: str) -> list[Run]:
    """A line already in visual order (``visual``, ``broken``) as runs in fonts that have
    every character of them."""
    result: list[Run] = []
    for char in ordered:
        current = result[-1] if result else None
        if current and _neutral(char) and ord(char) in _glyphs(current.font):
            font: str | None = current.font
        else:
            chosen = _choose(char)
            if chosen is None:
                continue
            char, font = chosen
        if current and current.font == font:
            result[-1] = Run(current.text + char, font)
        else:
            result.append(Run(char, font))
    return result


def _choose(char: str) -> tuple[str, str | None] | None:
    """The character to draw and its font; None to leave out an invisible format character."""
    if char.isspace() or ord(char) in dejavu_chars():
        return char, None
    for name in FALLBACKS:
        if ord(char) in glyph_map(fallback_font(name)):
            return char, name
    if unicodedata.category(char) == "Cf":
        return None  # a direction mark or joiner: the order and forms are already applied
    # A presentation form or compatibility character DejaVu has in its plain form.
    plain = unicodedata.normalize("NFKC", char)
    if plain and all(ord(part) in dejavu_chars() for part in plain):
        return plain, None
    return REPLACEMENT, None


def _neutral(char: str) -> bool:
    """Spaces and punctuation, which read as part of whatever run they stand in."""
    return char.isspace() or unicodedata.category(char)[0] in "PZ"


def _glyphs(font: str | None) -> Container[int]:
    return dejavu_chars() if font is None else glyph_map(font)


def forget() -> None:
    """Let go of the character sets worked out from the fonts (they go with the fonts)."""
    dejavu_chars.cache_clear()
    _plain_characters.cache_clear()


@cache
def dejavu_chars() -> BothFaces:
    """The characters both DejaVu faces used for text (regular and bold) can print."""
    register_fonts()
    return BothFaces(glyph_map(REGULAR), glyph_map(BOLD))


class BothFaces(Container[int]):
    """The characters two faces both have, asked of the faces' own character maps: a set of
    them would be 0.5 MB more for as long as a plan is shown."""

    def __init__(self, one: Mapping[int, int], other: Mapping[int, int]) -> None:
        self._one, self._other = one, other

    def __contains__(self, code: object) -> bool:
        return code in self._one and code in self._other

    def __iter__(self) -> Iterator[int]:
        return (code for code in self._one if code in self._other)
