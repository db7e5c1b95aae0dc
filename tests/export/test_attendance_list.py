"""The presentielijst PDF: landscape A4, the session's details and the column heads on every
page, everyone expected (not who declined) with room to sign, empty rows for walk-ins, and names
in every script printed with real glyphs."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.export.attendance_documents import (
    ACCREDITATION_ID,
    LONG_NAME,
    demo_attendance,
    forty_people,
)
from tests.export.names_corpus import NAMES, RIGHT_TO_LEFT
from tests.export.pdf_glyphs import drawn_glyphs
from worksession.domain.attendance_sheet import AttendanceSheet, attendance_sheet
from worksession.export.pdf.attendance_list import WALK_IN_ROWS, render_attendance_list
from worksession.i18n import speaking


@pytest.fixture(scope="module")
def demo_pdf() -> bytes:
    with speaking("nl"):
        return render_attendance_list(attendance_sheet(demo_attendance()))


@pytest.fixture(scope="module")
def forty_pdf() -> bytes:
    with speaking("nl"):
        return render_attendance_list(attendance_sheet(forty_people()))


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_the_demo_list_names_everyone_expected_and_not_who_declined(demo_pdf: bytes) -> None:
    text = "\n".join(_pages(demo_pdf))
    for name in ("Marieke Hermans", "Jan Houben", "Yvonne Kessels", "Mia Lenssen"):
        assert name in text
    assert "Sanne Vliegen" not in text  # she declined
    assert ACCREDITATION_ID in text
    assert "19058231401" in text and "M.J." in text
    for label in ("Presentielijst", "Handtekening", "Voorletters", "BIG", "V&VN", "KNGF"):
        assert label in text
    assert "12-03-2026" in text and "13:30–17:25" in text
    assert "Buurthuis De Mijnlamp" in text


def test_landscape_a4_with_the_header_on_every_page(forty_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(forty_pdf))
    assert len(reader.pages) > 2
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (842, 595)  # A4 on its side
    pages = _pages(forty_pdf)
    for number, text in enumerate(pages, start=1):
        assert ACCREDITATION_ID in text and "Samen gezond oud worden in Kaalheide" in text
        assert "Handtekening" in text and "Voorletters" in text  # the column heads
        assert f"pagina {number} van {len(pages)}" in text


def test_every_person_once_then_numbered_empty_rows_for_walk_ins(forty_pdf: bytes) -> None:
    text = "\n".join(_pages(forty_pdf))
    assert LONG_NAME.split()[0] in text and "Vliegenthart" in text
    assert "00000000007" in text  # the leading zero of a BIG number is printed
    last = _pages(forty_pdf)[-1].split()
    for number in range(40 + 1, 40 + WALK_IN_ROWS + 1):
        assert str(number) in last
    assert str(40 + WALK_IN_ROWS + 1) not in last


def test_names_in_every_script_print_with_real_glyphs(forty_pdf: bytes) -> None:
    drawn = drawn_glyphs(forty_pdf)
    boxes = sorted({d.char for d in drawn if d.glyph == 0 and not d.char.isspace()})
    assert boxes == []
    text = "\n".join(_pages(forty_pdf))
    for name in NAMES:
        if name.script not in RIGHT_TO_LEFT and not name.text.startswith("فاطمة"):
            assert name.text.replace(" ", "") in text.replace(" ", ""), name.script


def test_an_empty_session_still_makes_a_list_to_sign() -> None:
    with speaking("en"):
        data = render_attendance_list(AttendanceSheet(title="Nog te plannen"))
    text = _pages(data)[0]
    assert "Attendance list" in text and "Nog te plannen" in text and "Signature" in text


def test_the_same_sheet_gives_the_same_bytes_and_the_plan_is_unchanged(demo_pdf: bytes) -> None:
    """Drawn with the plan's reportlab settings, under the plan's lock: reproducible, and
    reportlab's defaults are back as they were once it is drawn."""
    from reportlab import rl_config

    before = rl_config.invariant, rl_config.canvas_basefontname
    with speaking("nl"):
        again = render_attendance_list(attendance_sheet(demo_attendance()))
    assert again == demo_pdf
    assert (rl_config.invariant, rl_config.canvas_basefontname) == before
