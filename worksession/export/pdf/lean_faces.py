"""Parsed TrueType faces kept small while registered: the same values, in less memory.

reportlab parses a font file into Python lists and dicts and keeps them, with the whole file,
for as long as the font is registered (from the first plan drawn until the session window
closes): about 2.8 MB for each DejaVu face, most of it one small object per glyph. A plan
needs only the character widths and map while it is laid out, and the file, the glyph
positions and the metrics only while its fonts are subset into the file. So once a face is
parsed:

- its glyph positions, metrics and character → glyph map go into arrays of machine integers
  (what the file holds), read back as the same ints and pairs;
- the character widths (asked for every character laid out) stay a dict, with one float per
  distinct width;
- the file's bytes are let go of, and read again only while a subset is made (the face checks
  that the file is still the one it parsed, by its CRC-32); the last subset made is kept (some
  30 kB), so drawing the same plan again reads no file.

What reportlab reads from the face is unchanged, so the PDF's bytes are too. About 0.6 MB
instead of 2.8 for a DejaVu face.
"""

from __future__ import annotations

import threading
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, overload

from reportlab.pdfbase.ttfonts import TTFError, TTFontFace


class Metrics(Sequence[tuple[Any, int]]):
    """A face's horizontal metrics (advance width, left side bearing) per glyph, as two arrays
    of unsigned shorts instead of a list of tuples: ``metrics[glyph]`` gives the same pair.

    reportlab stores the glyphs after the file's last full metric (those that only list a side
    bearing) with the *scaled* advance of that metric, a float: those are kept as one run with
    that one value, so the pairs come back exactly as they were."""

    def __init__(self, advances: array[int], bearings: array[int], tail: tuple[int, Any]) -> None:
        self._advances = advances
        self._bearings = bearings
        self._tail_start, self._tail_advance = tail

    @classmethod
    def of(cls, pairs: list[tuple[Any, int]]) -> Metrics | None:
        """``pairs`` stored compactly, or None when they are not as reportlab reads them."""
        tail_start = len(pairs)
        while tail_start and not isinstance(pairs[tail_start - 1][0], int):
            tail_start -= 1
        tail = {advance for advance, _bearing in pairs[tail_start:]}
        try:
            advances = array("H", [advance for advance, _bearing in pairs[:tail_start]])
            bearings = array("H", [bearing for _advance, bearing in pairs])
        except (TypeError, OverflowError):
            return None
        if len(tail) > 1:
            return None
        return cls(advances, bearings, (tail_start, tail.pop() if tail else 0))

    @overload
    def __getitem__(self, index: int) -> tuple[Any, int]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[Any, int]]: ...
    def __getitem__(self, index: int | slice) -> tuple[Any, int] | list[tuple[Any, int]]:
        if isinstance(index, slice):
            return [self[one] for one in range(len(self))[index]]
        bearing = self._bearings[index]  # raises IndexError as the list did
        if index < 0:
            index += len(self)
        if index >= self._tail_start:
            return self._tail_advance, bearing
        return self._advances[index], bearing

    def __len__(self) -> int:
        return len(self._bearings)


class CharacterMap(Mapping[int, int]):
    """A face's map from each character it has to its glyph, as two sorted arrays instead of a
    dict of Python ints. reportlab asks it only for characters a document has not used yet (and
    which glyphs to embed); the widths it asks for every character stay a dict."""

    def __init__(self, glyphs: Mapping[int, int]) -> None:
        codes = sorted(glyphs)
        self._codes = array("I", codes)
        self._glyphs = array("I", [glyphs[code] for code in codes])

    def _place(self, code: object) -> int:
        if type(code) is not int:
            return -1
        place = bisect_left(self._codes, code)
        return place if place < len(self._codes) and self._codes[place] == code else -1

    def __contains__(self, code: object) -> bool:
        return self._place(code) >= 0

    def __getitem__(self, code: int) -> int:
        place = self._place(code)
        if place < 0:
            raise KeyError(code)
        return self._glyphs[place]

    def __iter__(self) -> Iterator[int]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)


class LeanFace(TTFontFace):
    """A parsed face that holds its file's bytes only while it makes a subset (see the module's
    docstring); made from a parsed ``TTFontFace`` by ``make_lean``."""

    _file_crc: int
    _file_size: int
    _file_lock: threading.Lock
    _file_users: int
    # The last subset made: the same plan drawn again (an export after its preview, a concept
    # exported a second later) embeds the same characters, and this spares reading the file.
    _last_subset: tuple[tuple[int, ...], bytes] | None

    def makeSubset(self, subset: Sequence[int]) -> bytes:
        characters = tuple(subset)
        last = self._last_subset  # read once: two documents may be made at once
        if last is not None and last[0] == characters:
            return last[1]
        self._hold_file()
        try:
            made: bytes = super().makeSubset(subset)
        finally:
            self._let_go_of_file()
        self._last_subset = characters, made
        return made

    def _hold_file(self) -> None:
        # Two documents may subset the same face at once: the bytes stay until both are done.
        with self._file_lock:
            if self._file_users == 0:
                with open(self.filename, "rb") as file:
                    data = file.read()
                if len(data) != self._file_size or zlib.crc32(data) != self._file_crc:
                    raise TTFError(f"font file {self.filename} changed since it was read")
                self._ttf_data = data
            self._file_users += 1

    def _let_go_of_file(self) -> None:
        with self._file_lock:
            self._file_users -= 1
            if self._file_users == 0:
                del self._ttf_data


def make_lean(face: TTFontFace) -> None:
    """Store the parsed ``face`` compactly (see the module's docstring). Only for a face read
    from a file of its own (not a font collection's member, nor from memory)."""
    data: bytes = face._ttf_data
    metrics = Metrics.of(face.hmetrics)
    if metrics is not None:
        face.hmetrics = metrics
    face.glyphPos = array("I", face.glyphPos)  # offsets into the file: 32 bits
    face.charToGlyph = CharacterMap(face.charToGlyph)
    face._file_crc, face._file_size = zlib.crc32(data), len(data)
    face._file_lock, face._file_users = threading.Lock(), 0
    face._last_subset = None
    face.__class__ = LeanFace
    del face._ttf_data
    # Last, once the rest of what parsing made is let go of: the widths' small objects (a
    # number per character) made anew, beside what the app keeps, rather than left scattered
    # among the parser's freed objects, where they would keep that memory from the system.
    face.charWidths = _shared_widths(face.charWidths)


def _shared_widths(widths: dict[int, float]) -> dict[int, float]:
    """``widths`` in the same order, made anew: the numbers new objects, each distinct width
    one object (some 400 widths for 5,900 characters)."""
    if not all(type(code) is int and type(width) is float for code, width in widths.items()):
        # Not as reportlab reads a file (its widths are scaled, so floats): kept as they are.
        return widths
    codes, values = array("I", widths), array("d", widths.values())
    widths.clear()  # the parsed numbers go before the new ones are made
    distinct: dict[float, float] = {}
    return {
        code: distinct.setdefault(width, width) for code, width in zip(codes, values, strict=True)
    }
