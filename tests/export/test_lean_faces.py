"""A lean face (``export.pdf.lean_faces``) gives reportlab what a freshly parsed one does, and
keeps no copy of its file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFError, TTFontFace

from worksession.export.pdf.fonts import FALLBACKS
from worksession.export.pdf.lean_faces import CharacterMap, LeanFace, Metrics, make_lean
from worksession.support.paths import resource_path

FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", *FALLBACKS.values()]


def _faces(path: Path) -> tuple[TTFontFace, TTFontFace]:
    fresh, lean = TTFontFace(str(path)), TTFontFace(str(path))
    make_lean(lean)
    return fresh, lean


@pytest.mark.parametrize("file", FILES)
def test_a_lean_face_reads_the_same_as_a_fresh_one(file: str) -> None:
    fresh, lean = _faces(resource_path("fonts", file))

    assert isinstance(lean, LeanFace) and isinstance(lean.hmetrics, Metrics)
    assert not hasattr(lean, "_ttf_data")  # the file is read again only to make a subset
    # The same values of the same types: reportlab prints an int and a float differently.
    assert [(a, type(a), b) for a, b in lean.hmetrics] == [
        (a, type(a), b) for a, b in fresh.hmetrics
    ]
    assert lean.hmetrics[-1] == fresh.hmetrics[-1] and lean.hmetrics[3:9] == fresh.hmetrics[3:9]
    assert list(lean.glyphPos) == fresh.glyphPos
    assert list(lean.charWidths.items()) == list(fresh.charWidths.items())
    assert isinstance(lean.charToGlyph, CharacterMap)
    assert dict(lean.charToGlyph) == fresh.charToGlyph and len(lean.charToGlyph) == len(
        fresh.charToGlyph
    )
    assert 0x10FFFF not in lean.charToGlyph and "A" not in lean.charToGlyph
    assert lean.charToGlyph.get(0x41) == fresh.charToGlyph.get(0x41)
    assert {type(width) for width in lean.charWidths.values()} == {
        type(width) for width in fresh.charWidths.values()
    }
    # A subset of some Latin and of each font's own first characters.
    subset = sorted({*range(0x20, 0x7F), 0xE9, *list(fresh.charToGlyph)[:200]})
    assert lean.makeSubset(subset) == fresh.makeSubset(subset)
    assert not hasattr(lean, "_ttf_data")


def test_a_font_file_changed_since_it_was_read_is_not_embedded(tmp_path: Path) -> None:
    copy = tmp_path / "DejaVuSans.ttf"
    shutil.copy(resource_path("fonts", "DejaVuSans.ttf"), copy)
    _fresh, lean = _faces(copy)
    shutil.copy(resource_path("fonts", "DejaVuSans-Bold.ttf"), copy)

    with pytest.raises(TTFError, match="changed since it was read"):
        lean.makeSubset([0x41])
    assert not hasattr(lean, "_ttf_data")


def test_the_same_subset_again_is_the_one_made_before_and_reads_no_file(tmp_path: Path) -> None:
    copy = tmp_path / "DejaVuSans.ttf"
    shutil.copy(resource_path("fonts", "DejaVuSans.ttf"), copy)
    fresh, lean = _faces(copy)
    subset = [0, *range(0x41, 0x5B)]
    made = lean.makeSubset(subset)
    copy.unlink()  # nothing to read any more

    assert lean.makeSubset(list(subset)) == made == fresh.makeSubset(subset)
    with pytest.raises(OSError):
        lean.makeSubset([0, 0x42])  # another subset reads the file
