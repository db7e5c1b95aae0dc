"""A hyphenation dictionary read into a few strings and arrays, looked up as pyphen does.

pyphen reads a language's patterns into a dict: for Dutch 16,256 strings and as many values,
each a Python object, about 1.5 MB for as long as the dictionary is loaded (from the first plan
drawn until its window closes). Reading it so also leaves Python's allocator some 3 MB larger
than what stays: the file's lines and the parsed pieces are spread over memory between the
objects that are kept, so that memory cannot go back to the system.

pyphen only ever asks the dict ``get(piece)`` (and reads ``maxlen``). So here the file is read
line by line, as pyphen reads it, straight into one string per pattern length (the patterns end
to end), a hash table of machine integers saying where each pattern is, and each pattern's
value (where it starts, its break weights) as an index into the few distinct values, kept as
bytes. Some 300 kB, looked up about as fast as the dict, and the same answers: a test compares
every pattern with what pyphen reads.
"""

from __future__ import annotations

import io
from array import array
from pathlib import Path

import pyphen

Value = tuple[int, tuple[int, ...]]  # pyphen's: the pattern's start, its break weights
PLACE_BITS = 16  # a pattern's place among those of its length (Dutch: at most 6,998)
PLACE_MASK = (1 << PLACE_BITS) - 1
LONGEST = 0x7FFF  # longest pattern a slot can say


class Patterns:
    """A read-only stand-in for pyphen's pattern dict: ``get`` gives the same values."""

    def __init__(self, joined: dict[int, str], values: dict[int, array[int]], distinct: bytes):
        self._joined = joined  # length → every pattern of it, end to end, in the file's order
        self._values = values  # length → each pattern's value, its index in _distinct
        # Distinct values, each its start and weights as bytes, listed with their ends.
        self._ends = array("I")
        self._distinct = distinct
        end = 0
        while end < len(distinct):
            end += 2 + distinct[end + 1]  # start, weight count, weights
            self._ends.append(end)
        # An open-addressing hash table (at most half full) of where each pattern is: its
        # length and place among the patterns of that length, plus one (0: an empty slot). A
        # piece is hashed once and compared with a slice or two. A pattern the file lists twice
        # is found at its last place, as in pyphen's dict.
        count = sum(len(places) for places in values.values())
        size = 1 << (2 * count).bit_length()
        self._mask = size - 1
        self._slots = array("I", bytes(4 * size))
        self._count = 0
        for length, text in joined.items():
            for place in range(len(text) // length):
                self._insert(text[place * length : place * length + length], length, place)

    def _insert(self, key: str, length: int, place: int) -> None:
        slot = hash(key) & self._mask
        while taken := self._slots[slot]:
            if self._place(key, taken - 1) is not None:
                break  # listed before: the later line counts
            slot = (slot + 1) & self._mask
        else:
            self._count += 1
        self._slots[slot] = (length << PLACE_BITS | place) + 1

    def _place(self, piece: str, taken: int) -> int | None:
        length = len(piece)
        if taken >> PLACE_BITS != length:
            return None
        place = taken & PLACE_MASK
        same = self._joined[length][place * length : place * length + length] == piece
        return place if same else None

    def get(self, piece: str, default: Value | None = None) -> Value | None:
        slot = hash(piece) & self._mask
        while taken := self._slots[slot]:
            place = self._place(piece, taken - 1)
            if place is not None:
                return self._value(self._values[len(piece)][place])
            slot = (slot + 1) & self._mask
        return default

    def _value(self, index: int) -> Value:
        end = self._ends[index]
        begin = self._ends[index - 1] if index else 0
        return self._distinct[begin], tuple(self._distinct[begin + 2 : end])

    def __len__(self) -> int:
        return self._count

    def longest(self) -> int:
        """The length of the longest pattern (pyphen's ``maxlen``)."""
        return max(self._joined, default=0)


class _Builder:
    """Collects patterns into the parts of ``Patterns`` as they are read."""

    def __init__(self) -> None:
        # Written as they come, so that the lines read are let go of one by one.
        self.pieces: dict[int, io.StringIO] = {}
        self.values: dict[int, array[int]] = {}
        self.indexes: dict[bytes, int] = {}

    def add(self, key: str, start: int, weights: tuple[int, ...]) -> bool:
        """Add one pattern; False if it cannot be held (then pyphen's own dict is used)."""
        length = len(key)
        if not 0 < length <= LONGEST or start > 255 or max(weights) > 255 or len(weights) > 255:
            return False
        encoded = bytes((start, len(weights), *weights))
        index = self.indexes.setdefault(encoded, len(self.indexes))
        values = self.values.setdefault(length, array("H"))
        if len(values) > PLACE_MASK or index > 0xFFFF:
            return False
        values.append(index)
        self.pieces.setdefault(length, io.StringIO()).write(key)
        return True

    def patterns(self) -> Patterns:
        joined = {length: text.getvalue() for length, text in self.pieces.items()}
        self.pieces.clear()
        return Patterns(joined, self.values, b"".join(self.indexes))


def read(path: Path) -> Patterns | None:
    """The patterns of the ``hyph_*.dic`` file at ``path``, read line by line exactly as
    pyphen's ``HyphDict`` reads them; None for a file with nonstandard hyphenation (a
    weight carries a change of spelling: Dutch has none), which pyphen's dict keeps instead."""
    with path.open("rb") as file:
        encoding = file.readline().decode()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    builder = _Builder()
    with path.open(encoding=encoding, newline="\n") as lines:  # split at "\n" only, as pyphen
        next(lines, None)  # the encoding
        for line in lines:
            pattern = line.strip()
            if not pattern or pattern.startswith(pyphen.ignored):
                continue
            pattern = pyphen.parse_hex(lambda match: chr(int(match.group(1), 16)), pattern)
            if "/" in pattern and "=" in pattern:
                return None
            parsed = pyphen.parse(pattern)  # (weight or "", letter or "") pairs
            key = "".join(letter for _weight, letter in parsed)
            weights = tuple(int(weight or "0") for weight, _letter in parsed)
            if max(weights) == 0:
                continue
            start, end = 0, len(weights)
            while not weights[start]:
                start += 1
            while not weights[end - 1]:
                end -= 1
            if not builder.add(key, start, weights[start:end]):
                return None
    return builder.patterns()


class LeanHyphDict(pyphen.HyphDict):
    """pyphen's dictionary of one language, its patterns read by ``read`` when it can."""

    def __init__(self, path: Path) -> None:
        patterns = read(path)
        if patterns is None:
            super().__init__(path)
            return
        self.patterns = patterns
        self.cache: dict[str, list[int]] = {}
        self.maxlen = patterns.longest()
