"""The compact hyphenation patterns (``export.pdf.hyphen_patterns``) answer pyphen's lookups
exactly as its own dict does, so Dutch words break at the same places."""

from __future__ import annotations

import pyphen

from worksession.export.pdf.hyphen_patterns import Patterns, compact
from worksession.export.pdf.hyphenation import LANGUAGE

WORDS = [
    "samenwerkingsafspraken",
    "wijkgezondheidsprofiel",
    "praktijkondersteuner",
    "huisartsenzorg,",
    "ouderenadviseur",
    "jeugdgezondheidszorg",
    "ziekenhuisopname",
    "coördinatie",
    "Zuid-Limburg",
]


def test_every_pattern_and_every_piece_of_a_word_is_looked_up_the_same() -> None:
    parsed = pyphen.HyphDict(pyphen.LANGUAGES[LANGUAGE]).patterns
    patterns = compact(parsed)

    assert isinstance(patterns, Patterns) and len(patterns) == len(parsed)
    assert all(patterns.get(key) == value for key, value in parsed.items())
    for word in WORDS:
        dotted = f".{word.lower()}."
        pieces = {dotted[i:j] for i in range(len(dotted)) for j in range(i + 1, len(dotted) + 1)}
        assert {piece: patterns.get(piece) for piece in pieces} == {
            piece: parsed.get(piece) for piece in pieces
        }
    assert patterns.get("") is None and patterns.get("qqqq", (0, (1,))) == (0, (1,))


def test_words_break_at_the_same_places() -> None:
    plain = pyphen.Pyphen(lang=LANGUAGE, cache=False)
    lean = pyphen.Pyphen(lang=LANGUAGE, cache=False)
    lean.hd = pyphen.HyphDict(pyphen.LANGUAGES[LANGUAGE])
    patterns = compact(lean.hd.patterns)
    assert patterns is not None
    lean.hd.patterns = patterns

    assert [lean.inserted(word) for word in WORDS] == [plain.inserted(word) for word in WORDS]


def test_nonstandard_hyphenation_keeps_pyphens_own_dict() -> None:
    # Hungarian-style "ssz/sz=sz,1,3": a weight that carries the change it makes.
    weight = pyphen.DataInt(1, ("sz=sz", 1, 3))
    assert compact({"ssz": (1, (weight,)), "ab": (0, (1,))}) is None
    assert compact({}) is not None
