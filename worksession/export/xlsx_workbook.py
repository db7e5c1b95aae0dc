"""Tables as an Excel workbook (XLSX), a sheet per table: every record list of a session, or
the attendance (``attendance_files``), written by the one sheet and cell writer here.

Each sheet has its header row bold and frozen, a filter on it, and columns as wide as what
they hold (within limits; long texts wrap). Dates are dates (shown dd-mm-jjjj), whole numbers
numbers, and every text is a string cell formatted as text: a text that starts like a formula
is never written as one (openpyxl would make ``=…`` a formula on its own), and a number typed
over a text cell later stays text too (a BIG number keeps its leading zero).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from worksession.domain.interchange import Document
from worksession.export.record_lists import Cell, Table, tables
from worksession.export.spreadsheet_cells import starts_a_formula, xlsx_text

DATE_FORMAT = "DD-MM-YYYY"
TEXT_FORMAT = "@"
NARROWEST = 6
WIDEST = 60  # characters; a longer text wraps in its cell
MAX_SHEET_TITLE = 31  # Excel's limit


def _width(values: list[str]) -> int:
    """The column's width in characters: its longest line, within the limits."""
    longest = max((len(line) for value in values for line in value.splitlines() or [""]), default=0)
    return max(NARROWEST, min(WIDEST, longest + 2))


def _shown(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return "00-00-0000"
    return str(value)


def write_cell(cell: SheetCell, value: Cell) -> None:
    """``value`` into ``cell``: a date as a date, a whole number as a number, text as text."""
    if isinstance(value, str):
        cell.value = xlsx_text(value)
        cell.data_type = "s"  # never a formula, whatever the text starts with
        cell.number_format = TEXT_FORMAT
        if starts_a_formula(value):
            cell.quotePrefix = True  # and it stays text when edited in Excel
        if len(value) > WIDEST or "\n" in value:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        return
    cell.value = value
    if isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT


def fill_sheet(sheet: Worksheet, data: Table) -> None:
    """``data`` as ``sheet``: a bold, frozen header row with a filter, and the rows below."""
    sheet.append([xlsx_text(header) for header in data.headers])
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    for row_number, row in enumerate(data.rows, start=2):
        for column_number, value in enumerate(row, start=1):
            if value is None or value == "":
                continue  # an empty cell, not an empty string
            write_cell(sheet.cell(row=row_number, column=column_number), value)
    for column_number, header in enumerate(data.headers, start=1):
        shown = [header, *(_shown(row[column_number - 1]) for row in data.rows)]
        sheet.column_dimensions[get_column_letter(column_number)].width = _width(shown)
    sheet.freeze_panes = "A2"
    if data.rows:
        last = get_column_letter(len(data.headers))
        sheet.auto_filter.ref = f"A1:{last}{len(data.rows) + 1}"


def tables_workbook(data: Sequence[Table]) -> bytes:
    """A workbook of a sheet per table, in their order, each named by its title."""
    book = Workbook()
    first = book.active
    for entry in data:
        fill_sheet(book.create_sheet(title=entry.title[:MAX_SHEET_TITLE]), entry)
    if first is not None:
        book.remove(first)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def workbook_bytes(document: Document) -> bytes:
    """The workbook: a sheet per record list, in the order of ``record_lists.RECORD_LISTS``."""
    return tables_workbook(tables(document))
