"""A table as a CSV file for a Dutch spreadsheet: one record list of a session, or the
attendance (``attendance_files``), written by the one writer here.

A Dutch Excel reads a semicolon as the separator (the comma is the decimal mark) and needs the
UTF-8 byte order mark to read ë and é rightly. Dates are ISO (``2026-04-30``), which every
spreadsheet reads as a date; text a spreadsheet would run as a formula gets an apostrophe.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence

from worksession.domain.interchange import Document
from worksession.export.record_lists import Cell, record_list, table
from worksession.export.spreadsheet_cells import csv_text

SEPARATOR = ";"


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return csv_text(value)


def csv_document(headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """A header row, then the rows: semicolons, CRLF, UTF-8 with a byte order mark."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=SEPARATOR, lineterminator="\r\n")
    writer.writerow([csv_text(header) for header in headers])
    writer.writerows([_cell(value) for value in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")


def csv_bytes(document: Document, name: str) -> bytes:
    """The list ``name`` (see ``record_lists.LIST_NAMES``): a header row, then a row per record."""
    sheet = table(document, record_list(name))
    return csv_document(sheet.headers, sheet.rows)
