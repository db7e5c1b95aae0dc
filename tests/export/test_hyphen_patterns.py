"""The lean hyphenation dictionary (``export.pdf.hyphen_patterns``) answers pyphen's lookups
exactly as pyphen's own reading of the file does, so Dutch words break at the same places."""

from __future__ import annotations

from pathlib import Path

import pyphen

from worksession.export.pdf.hyphen_patterns import LeanHyphDict, Patterns, read
from worksession.export.pdf.hyphenation import LANGUAGE

DUTCH = pyphen.LANGUAGES[LANGUAGE]
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


def _pieces(word: str) -> set[str]:
    dotted = f".{word.lower()}."
    return {dotted[i:j] for i in range(len(dotted)) for j in range(i + 1, len(dotted) + 1)}


def test_every_pattern_and_every_piece_of_a_word_is_looked_up_the_same() -> None:
    parsed = pyphen.HyphDict(DUTCH)
    patterns = read(DUTCH)

    assert isinstance(patterns, Patterns) and len(patterns) == len(parsed.patterns)
    assert patterns.longest() == parsed.maxlen
    assert all(patterns.get(key) == value for key, value in parsed.patterns.items())
    for word in WORDS:
        assert {piece: patterns.get(piece) for piece in _pieces(word)} == {
            piece: parsed.patterns.get(piece) for piece in _pieces(word)
        }
    assert patterns.get("qqqq", (0, (1,))) == (0, (1,))


def test_words_break_at_the_same_places() -> None:
    plain = pyphen.Pyphen(lang=LANGUAGE, cache=False)
    lean = pyphen.Pyphen(lang=LANGUAGE, cache=False)
    lean.hd = LeanHyphDict(DUTCH)

    assert isinstance(lean.hd.patterns, Patterns)
    assert [lean.inserted(word) for word in WORDS] == [plain.inserted(word) for word in WORDS]


def test_a_pattern_listed_twice_counts_as_its_last_line(tmp_path: Path) -> None:
    path = tmp_path / "hyph_xx.dic"
    path.write_text(
        "UTF-8\nLEFTHYPHENMIN 2\n% a comment\n.ab1c\n1ba\nab3c\n\n^^e9t1\na1bc\n", "utf-8"
    )

    lean, plain = LeanHyphDict(path), pyphen.HyphDict(path)

    assert isinstance(lean.patterns, Patterns) and len(lean.patterns) == len(plain.patterns) == 4
    assert {key: lean.patterns.get(key) for key in plain.patterns} == plain.patterns
    assert lean.maxlen == plain.maxlen
    assert lean.positions("abcabc") == plain.positions("abcabc")


def test_nonstandard_hyphenation_keeps_pyphens_own_dict(tmp_path: Path) -> None:
    # Hungarian: "asszony" breaks as "asz-szony", a weight that carries a change of spelling.
    path = tmp_path / "hyph_hu.dic"
    path.write_text("UTF-8\nas5szon2y/sz=,2,1\n1ba\n", "utf-8")

    assert read(path) is None
    lean = LeanHyphDict(path)
    assert isinstance(lean.patterns, dict)
    assert lean.positions("asszony") == pyphen.HyphDict(path).positions("asszony")
