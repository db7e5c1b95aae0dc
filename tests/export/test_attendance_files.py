"""Who attended, as the files the accreditation body takes: openpyxl reads the XLSX back
(registration numbers as text with their leading zeros, the date as a date, no formulas), the
csv module reads the CSV with semicolons (formulas neutralised), the TXT has one number a line."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from tests.export.attendance_documents import ACCREDITATION_ID, demo_attendance
from worksession.domain.attendance_sheet import AttendanceRow, AttendanceSheet, attendance_sheet
from worksession.export.attendance_files import csv_bytes, txt_bytes, xlsx_bytes
from worksession.export.spreadsheet_cells import csv_text
from worksession.i18n import speaking

HOSTILE = ('=HYPERLINK("http://x")', "+31 6", "-2+3", "@SUM(A1)", "\tTab", "\rCR")


def _sheet() -> AttendanceSheet:
    return AttendanceSheet(
        title="=Kaalheide",
        date=dt.date(2026, 3, 12),
        accreditation_id="NHG-1",
        rows=(
            AttendanceRow(
                "Anna", "A.", "huisarts", "big", "01234567890", "@praktijk", status="present"
            ),
            AttendanceRow("Bert", function="=1+1", registration="0042", status="present"),
            AttendanceRow("Carla", registration_type="big", registration="0999", status="invited"),
        ),
    )


def test_the_xlsx_keeps_numbers_as_text_dates_as_dates_and_runs_no_formula() -> None:
    with speaking("nl"):
        data = xlsx_bytes(_sheet())
    table = load_workbook(io.BytesIO(data)).active
    assert table is not None and table.title == "Aanwezigheid"
    rows = list(table.iter_rows(values_only=True))
    assert rows[0] == (
        "Naam", "Voorletters", "Functie", "Organisatie", "Register", "Registratienummer",
        "Datum", "Sessie", "Accreditatie-ID",
    )  # fmt: skip
    assert [row[0] for row in rows[1:]] == ["Anna", "Bert"]  # those present only
    anna, bert = table[2], table[3]
    assert anna[5].value == "01234567890" and anna[5].data_type == "s"
    assert anna[5].number_format == "@" and bert[5].value == "0042"
    assert anna[4].value == "BIG"
    assert isinstance(anna[6].value, dt.datetime) and anna[6].value.date() == dt.date(2026, 3, 12)
    assert anna[6].is_date
    # Text that looks like a formula stays text: never a formula cell.
    for cell in (bert[2], anna[3], anna[7]):
        assert cell.data_type == "s" and cell.value.startswith(("=", "@"))
    assert table.freeze_panes == "A2" and table["A1"].font.bold


def test_english_column_heads_when_the_app_speaks_english() -> None:
    with speaking("en"):
        table = load_workbook(io.BytesIO(xlsx_bytes(_sheet()))).active
        rows = list(csv.reader(io.StringIO(csv_bytes(_sheet()).decode("utf-8-sig")), delimiter=";"))
    assert (
        table is not None
        and table["A1"].value == "Name"
        and table["F1"].value == ("Registration number")
    )
    assert rows[0][:2] == ["Name", "Initials"]


def test_the_csv_has_semicolons_a_byte_order_mark_and_neutralised_formulas() -> None:
    with speaking("nl"):
        data = csv_bytes(_sheet())
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][0] == "Naam" and len(rows) == 3
    anna, bert = rows[1], rows[2]
    assert anna[5] == "01234567890" and anna[6] == "2026-03-12"
    assert anna[3] == "'@praktijk" and anna[7] == "'=Kaalheide" and bert[2] == "'=1+1"
    assert bert[5] == "0042"


@pytest.mark.parametrize("text", HOSTILE)
def test_every_formula_start_is_csv_text(text: str) -> None:
    assert csv_text(text) == "'" + text
    sheet = AttendanceSheet(
        title="T", rows=(AttendanceRow(text, organisation=text, status="present"),)
    )
    row = list(
        csv.reader(io.StringIO(csv_bytes(sheet).decode("utf-8-sig"), newline=""), delimiter=";")
    )[1]
    assert row[0] == row[3] == "'" + text
    table = load_workbook(io.BytesIO(xlsx_bytes(sheet))).active
    assert table is not None and table["A2"].data_type == "s"


def test_plain_text_is_left_as_it_is() -> None:
    for text in ("Anna", "'s-Hertogenbosch", "0612345678", ""):
        assert csv_text(text) == text


def test_the_txt_has_one_registration_number_a_line_big_first() -> None:
    data = txt_bytes(_sheet())
    assert data == b"01234567890\r\n0042\r\n"
    assert txt_bytes(AttendanceSheet(title="T")) == b""


def test_the_demo_attendance_files() -> None:
    sheet = attendance_sheet(demo_attendance())
    numbers = txt_bytes(sheet).decode().splitlines()
    assert numbers == ["19058231401", "29061742001", "79043128630"]  # BIG, KNGF, V&VN
    with speaking("nl"):
        rows = list(csv.reader(io.StringIO(csv_bytes(sheet).decode("utf-8-sig")), delimiter=";"))
    names = [row[0] for row in rows[1:]]
    assert "Jan Houben" not in names and "Sanne Vliegen" not in names  # not present
    assert len(names) == 10 and all(row[8] == ACCREDITATION_ID for row in rows[1:])


def test_control_characters_never_stop_the_files() -> None:
    """A name typed or imported with an escape or NUL in it: the workbook shows "�" where XML
    has no place for the character, the CSV keeps the text, the PDF prints."""
    sheet = AttendanceSheet(
        title="T\x00",
        rows=(AttendanceRow("An\x1b[31mna\x0b", organisation="x\u202ey", status="present"),),
    )
    table = load_workbook(io.BytesIO(xlsx_bytes(sheet))).active
    assert table is not None and table["A2"].value == "An\ufffd[31mna\ufffd"
    assert table["D2"].value == "x\u202ey" and table["H2"].value == "T\ufffd"
    assert "An\x1b[31mna\x0b" in csv_bytes(sheet).decode("utf-8-sig")
