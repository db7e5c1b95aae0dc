"""A hyphenation dictionary's patterns in a tenth of the memory, looked up as pyphen does.

pyphen keeps a language's patterns as a dict: for Dutch 16,256 strings, each a Python object
with its dict entry, about 1.5 MB for as long as the dictionary is loaded (from the first plan
drawn until its window closes). pyphen only ever asks the dict ``get(piece)``; so here the
patterns of each length are one string, found through a hash table of machine integers, with each
pattern's value (where it starts, its break weights) an index into the few distinct values. Some
400 kB, and a lookup about as fast as the dict's.

The values are the very objects pyphen parsed, so the hyphenation is exactly the same.
"""

from __future__ import annotations

from array import array
from collections import Counter

Value = tuple[int, tuple[int, ...]]  # pyphen's: the pattern's start, its break weights
PLACE_BITS = 16  # a pattern's place among those of its length (Dutch: at most 6,998)
PLACE_MASK = (1 << PLACE_BITS) - 1


class Patterns:
    """A read-only stand-in for pyphen's pattern dict: ``get`` gives the same values."""

    def __init__(self, patterns: dict[str, Value]) -> None:
        by_length: dict[int, list[str]] = {}
        for pattern in patterns:
            by_length.setdefault(len(pattern), []).append(pattern)
        indexes: dict[Value, int] = {}
        self._joined: dict[int, str] = {}  # length → every pattern of it, end to end
        self._values: dict[int, array[int]] = {}  # length → each pattern's index in _distinct
        # An open-addressing hash table (half full) of where each pattern is: its length and
        # place among the patterns of that length, plus one (0 is an empty slot). Looking up a
        # piece hashes it once and compares a slice or two, at about the dict's speed.
        size = 1 << (2 * len(patterns)).bit_length()
        self._mask = size - 1
        self._slots = array("I", bytes(4 * size))
        for length, keys in by_length.items():
            self._joined[length] = "".join(keys)
            self._values[length] = array(
                "H", [indexes.setdefault(patterns[key], len(indexes)) for key in keys]
            )
            for place, key in enumerate(keys):
                slot = hash(key) & self._mask
                while self._slots[slot]:
                    slot = (slot + 1) & self._mask
                self._slots[slot] = (length << PLACE_BITS | place) + 1
        self._distinct: tuple[Value, ...] = tuple(indexes)  # in index order (insertion order)

    def get(self, piece: str, default: Value | None = None) -> Value | None:
        length = len(piece)
        slot = hash(piece) & self._mask
        while taken := self._slots[slot]:
            taken -= 1
            if taken >> PLACE_BITS == length:
                place = taken & PLACE_MASK
                if self._joined[length][place * length : place * length + length] == piece:
                    return self._distinct[self._values[length][place]]
            slot = (slot + 1) & self._mask
        return default

    def __len__(self) -> int:
        return sum(len(values) for values in self._values.values())


def compact(patterns: dict[str, Value]) -> Patterns | None:
    """``patterns`` as ``Patterns``, or None when they hold what cannot be shared by value
    (pyphen's nonstandard hyphenation, whose weights carry data of their own; Dutch has none)."""
    lengths = Counter(len(key) for key in patterns)
    if max(lengths.values(), default=0) > PLACE_MASK or max(lengths, default=0) > 0x7FFF:
        return None  # more than a slot can say (no hyphenation dictionary is that large)
    if not all(
        type(start) is int and all(type(weight) is int for weight in weights)
        for start, weights in patterns.values()
    ):
        return None
    return Patterns(patterns)
