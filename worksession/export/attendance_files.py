"""Who attended, as files for the accreditation body: a spreadsheet (XLSX), a CSV and a text
file of registration numbers for PE-online's paste import.

Only those present are listed. The columns are named in the app's language (Dutch by default),
one row per person, the session's date, title and accreditation ID on every row so a row still
says what it is about when rows from several sessions are put together.

- XLSX and CSV are written as every table of the app is (``xlsx_workbook``, ``csv_table``,
  under the one formula-injection rule of ``spreadsheet_cells``): in the workbook registration
  numbers are text cells (a BIG number keeps its leading zero), the date a date cell, a text
  that begins like a formula stays text, a control character a workbook cannot hold shows as
  "�"; the CSV has semicolons, UTF-8 with a byte order mark, ISO dates (2026-03-12) and an
  apostrophe before a cell that begins with = + - @ TAB or CR. Excel may still drop a leading
  zero of a number when it opens a CSV: the XLSX keeps it.
- TXT: one registration number per line (CRLF, as Windows' Notepad and a browser's paste expect),
  BIG numbers first (``attendance_sheet.pasted_numbers``).
"""

from __future__ import annotations

from collections.abc import Sequence

from worksession.domain.attendance_sheet import AttendanceRow, AttendanceSheet, pasted_numbers
from worksession.export.csv_table import csv_document
from worksession.export.record_lists import Cell, Table
from worksession.i18n import _


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


def attendance_rows(sheet: AttendanceSheet) -> list[list[Cell]]:
    """A row of values per person present, in the list's order."""
    return [_values(sheet, row) for row in sheet.attended]


def _values(sheet: AttendanceSheet, row: AttendanceRow) -> list[Cell]:
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


def attendance_table(sheet: AttendanceSheet) -> Table:
    return Table(
        name="attendance",
        title=_("Attendance record"),
        headers=tuple(headers()),
        rows=tuple(tuple(values) for values in attendance_rows(sheet)),
    )


def xlsx_bytes(sheet: AttendanceSheet) -> bytes:
    """The attendance as a workbook of one sheet: bold column heads that stay in view."""
    # Here, not at the top: openpyxl loads for the workbook, not for the CSV or the TXT.
    from worksession.export.xlsx_workbook import tables_workbook

    return tables_workbook([attendance_table(sheet)])


def csv_bytes(sheet: AttendanceSheet) -> bytes:
    """The attendance as CSV for a Dutch spreadsheet (see the module's doc)."""
    return csv_document(headers(), attendance_rows(sheet))


def txt_bytes(sheet: AttendanceSheet) -> bytes:
    """One registration number per line, of those present who have one, BIG numbers first."""
    return _lines(pasted_numbers(sheet.rows))


def _lines(numbers: Sequence[str]) -> bytes:
    return "".join(f"{number}\r\n" for number in numbers).encode("utf-8")
