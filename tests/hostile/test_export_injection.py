"""The exports as an attack surface: people and agreements whose text a spreadsheet would run
or a calendar would read as a property of its own, checked in the bytes each file holds and by
the program the file is for (csv, openpyxl, icalendar).

- CSV: a cell that begins with = + - @ TAB or CR starts with an apostrophe, the rest of it
  as typed (a phone number stays readable: ``'+31 6 12345678``).
- XLSX: every such cell is a string cell; no cell of any sheet holds a formula.
- ICS: a newline, ``;``, ``,`` or a bare CR in a text stays inside its property (escaped), so
  the calendar holds exactly the events it should, with the texts as typed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from typing import Any

import openpyxl
import pytest
from icalendar import Calendar

from tests.export.demo_document import demo_document
from worksession.domain.interchange import Document
from worksession.export.calendar import CalendarIdentity, plan_calendar_bytes
from worksession.export.csv_table import csv_bytes
from worksession.export.record_lists import LIST_NAMES
from worksession.export.xlsx_workbook import workbook_bytes
from worksession.workflows.attendance_export import attendance_bytes

HOSTILE = (
    '=HYPERLINK("http://x","klik")',
    "@SUM(1)",
    "+31 6 12345678",
    "\t=1",
    "\r=1",
    "-2+3",
    "=cmd|' /C calc'!A0",
)
IDENTITY = CalendarIdentity("session-7-20260301T091500", dt.datetime(2026, 3, 12, tzinfo=dt.UTC))
# A due date's text that tries to end its event and start one of its own.
FORGED_EVENT = (
    "Eerste regel\nEND:VEVENT\r\nBEGIN:VEVENT\rUID:nep@x\nSUMMARY:nep; X-EVIL:1, komma \\ eind"
)


def _hostile_document() -> Document:
    document: Any = demo_document()
    for person, text in zip(document["participants"], HOSTILE, strict=False):
        person.update(name=text, organisation=text, role=text, present=True)
    for stakeholder, text in zip(document["stakeholders"], HOSTILE, strict=False):
        stakeholder.update(name=text, offer=text)
    document["agreements"][0]["what"] = FORGED_EVENT
    document["agreements"][1]["what"] = HOSTILE[0]
    return document


def _runs(cell: str) -> bool:
    return cell.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize("name", LIST_NAMES)
def test_no_csv_cell_of_any_list_begins_a_formula(name: str) -> None:
    data = csv_bytes(_hostile_document(), name)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert not [cell for row in rows for cell in row if _runs(cell)]


def test_the_csv_cells_keep_the_text_after_the_apostrophe() -> None:
    data = csv_bytes(_hostile_document(), "participants")
    cells = {
        cell
        for row in csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";")
        for cell in row
    }
    assert {"'" + text for text in HOSTILE} <= cells
    assert "'+31 6 12345678" in cells  # readable, and no number Excel would make of it


def test_the_attendance_csv_neutralises_names_and_organisations() -> None:
    data = attendance_bytes(_hostile_document(), ".csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if _runs(cell)]
    assert {"'" + text for text in HOSTILE} <= set(cells)


@pytest.mark.parametrize("make", ["plan", "attendance"])
def test_no_workbook_cell_is_a_formula(make: str) -> None:
    document = _hostile_document()
    data = workbook_bytes(document) if make == "plan" else attendance_bytes(document, ".xlsx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets
        for sheet in sheets:
            assert not re.search(rb"<f[ >]", archive.read(sheet)), sheet
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    found = {
        cell.value
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    }
    assert all(
        cell.data_type != "f" for s in workbook.worksheets for r in s.iter_rows() for cell in r
    )
    assert {text for text in HOSTILE if not text.startswith("\r")} <= found


def test_a_calendar_text_cannot_end_its_event_or_start_a_property() -> None:
    document = _hostile_document()
    data = plan_calendar_bytes(document, IDENTITY, follow_up_session=None)
    lines = data.split(b"\r\n")
    # Every physical line is a property, a folded continuation (a leading space) or empty.
    assert all(
        line == b"" or line.startswith(b" ") or re.match(rb"^[A-Z-]+[;:]", line) for line in lines
    ), lines
    assert b"X-EVIL" not in b"".join(line for line in lines if not line.startswith(b" "))
    assert not [line for line in lines if line.startswith(b"UID:nep")]
    assert b"\r" not in data.replace(b"\r\n", b"")  # no bare CR a program could split on
    calendar = Calendar.from_ical(data)
    dated = [a for a in document["agreements"] if a.get("due")]
    follow = document["follow_up"]
    expected = len(dated) + sum(1 for key in ("next_meeting", "evaluation") if follow.get(key))
    assert len(calendar.events) == expected
    first = next(e for e in calendar.events if "Eerste regel" in str(e.get("DESCRIPTION")))
    described = str(first["DESCRIPTION"])
    assert described.startswith(FORGED_EVENT.replace("\r\n", "\n").replace("\r", "\n"))
    assert "X-EVIL" not in first and all(str(e["UID"]) != "nep@x" for e in calendar.events)
