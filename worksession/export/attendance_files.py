"""Who attended, as files for the accreditation body: a spreadsheet (XLSX), a CSV and a text
file of registration numbers for PE-online's paste import.

Only those present are listed. The columns are named in the app's language (Dutch by default),
one row per person, the session's date, title and accreditation ID on every row so a row still
says what it is about when rows from several sessions are put together.

- XLSX (openpyxl): registration numbers are text cells (a BIG number keeps its leading zero),
  the date is a date cell; a text that begins like a formula is stored as text, never as one;
  a control character a workbook cannot hold becomes "�".
- CSV for a Dutch spreadsheet: semicolons, UTF-8 with a byte order mark (so Excel reads the
  accents), dates as ISO dates (2026-03-12, which every spreadsheet reads as a date), and a
  cell that begins with = + - @ TAB or CR gets a leading apostrophe, so a spreadsheet shows it
  as text instead of running it as a formula. Excel may still drop a leading zero of a number
  when it opens a CSV: the XLSX keeps it.
- TXT: one registration number per line (CRLF, as Windows' Notepad and a browser's paste expect),
  BIG numbers first (``attendance_sheet.pasted_numbers``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from worksession.domain.attendance_sheet import AttendanceRow, AttendanceSheet, pasted_numbers
from worksession.i18n import _

# What a spreadsheet takes for the start of a formula (or of a command, through DDE).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "DD-MM-YYYY"
TEXT_FORMAT = "@"
# Column widths in characters: a name, initials, function, organisation, register, number,
# date, the session's title, the accreditation ID.
WIDTHS = (28, 12, 30, 32, 10, 20, 12, 40, 22)
REGISTRATION_COLUMN = 5  # counted from 0: kept as text everywhere
REPLACEMENT = "\ufffd"

Value = str | dt.date | None


def headers() -> list[str]:
    return [
        _("Name"),
        _("Initials"),
        _("Function"),
        _("Organisation"),
        _("Registration type"),
        _("Registration number"),
        _("Date"),
        _("Session"),
        _("Accreditation ID"),
    ]


def attendance_rows(sheet: AttendanceSheet) -> list[list[Value]]:
    """A row of values per person present, in the list's order."""
    return [_values(sheet, row) for row in sheet.attended]


def _values(sheet: AttendanceSheet, row: AttendanceRow) -> list[Value]:
    return [
        row.name,
        row.initials,
        row.function,
        row.organisation,
        row.registration_type_label,
        row.registration,
        sheet.date,
        sheet.title,
        sheet.accreditation_id,
    ]


def xlsx_bytes(sheet: AttendanceSheet) -> bytes:
    """The attendance as a workbook of one sheet: bold column heads that stay in view."""
    workbook = Workbook()
    table = workbook.active
    assert table is not None  # a new workbook has its one sheet
    table.title = _("Attendance record")
    table.append(headers())
    for cell in table[1]:
        cell.font = Font(bold=True)
    for row_number, values in enumerate(attendance_rows(sheet), start=2):
        for column, value in enumerate(values, start=1):
            cell = table.cell(row=row_number, column=column)
            if isinstance(value, dt.date):
                cell.value = value
                cell.number_format = DATE_FORMAT
            elif value:
                # openpyxl makes a formula of any text that begins with "=": set as text.
                cell.value = _storable(value)
                cell.data_type = "s"
                if column - 1 == REGISTRATION_COLUMN:
                    cell.number_format = TEXT_FORMAT
    for column, width in enumerate(WIDTHS, start=1):
        table.column_dimensions[get_column_letter(column)].width = width
    table.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _storable(text: str) -> str:
    """``text`` with the control characters a workbook cannot hold (XML 1.0 has no place for
    them; openpyxl refuses them) shown as "�", as the PDF shows a character it cannot print."""
    return str(ILLEGAL_CHARACTERS_RE.sub(REPLACEMENT, text))


def csv_bytes(sheet: AttendanceSheet) -> bytes:
    """The attendance as CSV for a Dutch spreadsheet (see the module's doc)."""
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralised(header) for header in headers()])
    writer.writerows([_csv_text(value) for value in row] for row in attendance_rows(sheet))
    return text.getvalue().encode("utf-8-sig")


def _csv_text(value: Value) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return neutralised(value or "")


def neutralised(text: str) -> str:
    """``text`` as a spreadsheet shows it but never runs it: an apostrophe before a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def txt_bytes(sheet: AttendanceSheet) -> bytes:
    """One registration number per line, of those present who have one, BIG numbers first."""
    return _lines(pasted_numbers(sheet.rows))


def _lines(numbers: Sequence[str]) -> bytes:
    return "".join(f"{number}\r\n" for number in numbers).encode("utf-8")
