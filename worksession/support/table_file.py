"""Read a list someone made in a spreadsheet — CSV or XLSX — as rows of text, within bounds.

The file is read whole first (a regular file of at most 5 MB, ``bounded_read``). A CSV is UTF-8
(with or without the BOM Excel writes), UTF-16 with its BOM (Excel's "Unicode text"), or else
Windows-1252, the encoding of a CSV that Dutch Excel saves; its separator is a semicolon, a
comma or a tab, whichever the first row uses. A NUL character refuses it: that is no text.

An XLSX is a zip of XML files, so before openpyxl sees it the zip's directory is checked: at
most 200 entries and 50 MB unpacked, no part over 4 MB (openpyxl holds every shared string in
memory, and a 50 MB string table takes half a minute to read), no entry that unpacks to more
than 100 times its packed size (a zip bomb is a few kB that unpack to gigabytes), and at most 16
sheets, fewer of larger parts (openpyxl reads the size of each sheet as it opens the workbook —
the whole sheet when it declares none — so a thousand sheets pointing at one part would take
hours). openpyxl
then reads the first *visible* sheet — the one the coach sees on opening the file, never a
hidden one — in read-only mode, which streams its rows instead of building the whole workbook.
The size the sheet declares (its dimension) is not trusted: a sheet that says it is two rows
would otherwise be read as two rows, however many it holds. Reading stops with a refusal after
``max_rows`` rows, and only the first 50 columns are read. A formula is never calculated: its
cell comes back as a ``Formula`` (its text), for the caller to refuse, and a cell that holds no
text or number (a date, yes/no, an error such as ``#N/A``) comes back as a ``NotText``. Numbers
become text without a trailing ".0".
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from worksession.i18n import _
from worksession.support.bounded_read import MEGABYTE, read_limited, size_text

MAX_BYTES = 5 * MEGABYTE
MAX_COLUMNS = 50
MAX_CELL = 1_000  # characters; no field of a participant holds more than 200
MAX_ENTRIES = 200
MAX_UNPACKED = 50 * MEGABYTE
MAX_RATIO = 100
MAX_XML_PART = 4 * MEGABYTE  # the sheet of 500 people in ten columns is well under 1 MB
# openpyxl reads the size of every sheet as it opens a workbook, the whole sheet where it
# declares none: a few hundred sheets all pointing at one large part would take hours. So the
# sheets are counted first, and the sheets times the largest part (the most that reading their
# sizes can take) held to about four seconds of reading.
MAX_SHEETS = 16
MAX_SHEET_READING = 12 * MEGABYTE
_WORKBOOK_TYPES = (
    "spreadsheetml.sheet.main+xml",
    "spreadsheetml.template.main+xml",
    "ms-excel.sheet.macroEnabled.main+xml",
    "ms-excel.template.macroEnabled.main+xml",
)
_ZIP_MAGIC = b"PK\x03\x04"


class TableRefused(ValueError):
    """A file that cannot be read as a list; the message says why (the caller names the file)."""


class Formula(str):
    """A cell that holds a formula: its text, never its value (nothing is calculated)."""

    __slots__ = ()


class NotText(str):
    """A cell that holds no text or number: a date, yes/no or an error, as text; the caller
    says why it does not fit (``kind`` names what it is)."""

    kind = ""


class DateCell(NotText):
    kind = "date"


class BooleanCell(NotText):
    kind = "boolean"


class ErrorCell(NotText):
    kind = "error"


# Each non-empty row with its number as the spreadsheet shows it (the header is row 1).
Rows = list[tuple[int, list[str]]]
MAX_SEEN = 10_000  # rows looked at, empty ones too (a lone cell far down makes many)
# Characters of the first row the separator is guessed from: csv.Sniffer's patterns take
# hours on a first "row" of megabytes (';"' repeated), and a header row is short.
SNIFFED = 1_000


def read_table(path: Path, *, max_rows: int) -> Rows:
    """The rows of the CSV or XLSX file at ``path``; ``TableRefused`` or ``OSError`` if not."""
    data = read_limited(path, MAX_BYTES)
    if data.startswith(_ZIP_MAGIC):
        return xlsx_rows(data, max_rows=max_rows)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise TableRefused(_("not an XLSX workbook"))
    return csv_rows(data, max_rows=max_rows)


def list_dialect(first: str) -> type[csv.Dialect] | csv.Dialect:
    """How a list's cells are separated (semicolon, comma or tab), guessed from its first row."""
    try:
        dialect = csv.Sniffer().sniff(first[:SNIFFED], ";,\t")
    except csv.Error:
        return csv.excel
    # A first row without quotes makes the sniffer guess that quotes are not doubled; spreadsheets
    # always double them ("say ""hi"""), and a wrong guess shifts every later column.
    dialect.doublequote = True
    return dialect


def csv_rows(data: bytes, *, max_rows: int) -> Rows:
    """The rows of a CSV file's bytes; ``TableRefused`` when it is no text or too long."""
    text = _decoded(data)
    if "\x00" in text:
        raise TableRefused(_("not a text file (a CSV list is text)"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    first = next((line for line in text.split("\n") if line.strip()), "")
    try:
        return _kept(
            csv.reader(io.StringIO(text), list_dialect(first)), max_rows, lambda cell: cell
        )
    except csv.Error as error:
        raise TableRefused(_("not a readable list: {reason}").format(reason=error)) from error


def _decoded(data: bytes) -> str:
    # Excel's "Unicode text" is UTF-16 with a BOM; without one, UTF-16 is NUL bytes: refused.
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise TableRefused(_("not a text file (a CSV list is text)")) from error
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def xlsx_rows(data: bytes, *, max_rows: int) -> Rows:
    """The rows of the first sheet of an XLSX workbook's bytes, within the bounds above."""
    _check_zip(data)
    # Imported here: openpyxl takes a moment to load and only this reader needs it.
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=False, keep_links=False
        )
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise TableRefused(_("not an XLSX workbook ({reason})").format(reason=error)) from error
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise TableRefused(_("not an XLSX workbook ({reason})").format(reason=error)) from error
    try:
        sheet = next((s for s in workbook.worksheets if s.sheet_state == "visible"), None)
        if sheet is None:
            raise TableRefused(_("the workbook has no visible sheet"))
        # The dimension the sheet declares may lie (openpyxl stops at its last row): forget it.
        sheet.reset_dimensions()
        return _kept(sheet.iter_rows(max_col=MAX_COLUMNS), max_rows, _cell_text)
    except TableRefused:
        raise
    except Exception as error:  # a sheet whose XML breaks off or is no sheet
        raise TableRefused(_("not an XLSX workbook ({reason})").format(reason=error)) from error
    finally:
        workbook.close()


def _check_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            _check_sizes(entries)
            sheets = _sheet_count(archive)
    except TableRefused:
        raise
    except Exception as error:  # zipfile raises many kinds: encrypted, unknown method, bad CRC
        raise TableRefused(_("not an XLSX workbook ({reason})").format(reason=error)) from error
    largest = max((entry.file_size for entry in entries), default=0)
    if sheets > MAX_SHEETS or sheets * largest > MAX_SHEET_READING:
        raise TableRefused(
            _(
                "{count} sheets of up to {size}; a list needs one sheet, and is read from at most "
                "{limit} small ones"
            ).format(count=sheets, size=size_text(largest), limit=MAX_SHEETS)
        )


def _sheet_count(archive: zipfile.ZipFile) -> int:
    """The sheets the workbook parts list (every part that may be the workbook, as openpyxl
    looks for it), counted before openpyxl opens each; 0 when there is no telling (openpyxl
    then says what is wrong). Every part read here is at most ``MAX_XML_PART``."""
    names = {"xl/workbook.xml"}
    try:
        types = ElementTree.fromstring(archive.read("[Content_Types].xml"))
    except (KeyError, ElementTree.ParseError):
        types = None
    for override in types if types is not None else ():
        if override.get("ContentType", "").endswith(_WORKBOOK_TYPES):
            names.add(override.get("PartName", "").lstrip("/"))
    count = 0
    for name in names:
        try:
            workbook = ElementTree.fromstring(archive.read(name))
        except (KeyError, ElementTree.ParseError):
            continue
        count += sum(1 for element in workbook.iter() if str(element.tag).endswith("}sheet"))
    return count


def _check_sizes(entries: list[zipfile.ZipInfo]) -> None:
    if len(entries) > MAX_ENTRIES:
        raise TableRefused(
            _("more than {count} parts inside; no list needs that many").format(count=MAX_ENTRIES)
        )
    unpacked = sum(entry.file_size for entry in entries)
    swollen = [
        entry
        for entry in entries
        if entry.file_size > MEGABYTE and entry.file_size > MAX_RATIO * max(entry.compress_size, 1)
    ]
    if unpacked > MAX_UNPACKED or swollen:
        raise TableRefused(_("unpacks to far more than it holds (a zip bomb?); not read"))
    # Every part: a sheet or the workbook may have any name its content type allows.
    large = [entry for entry in entries if entry.file_size > MAX_XML_PART]
    if large:
        raise TableRefused(
            _("{part} inside unpacks to {size}; no list needs more than {limit}").format(
                part=large[0].filename,
                size=size_text(large[0].file_size),
                limit=size_text(MAX_XML_PART),
            )
        )


def _kept(rows: Iterable[Sequence[Any]], max_rows: int, text: Callable[[Any], str]) -> Rows:
    """The non-empty rows, numbered as the sheet numbers them, within the bounds."""
    result: Rows = []
    for number, cells in enumerate(rows, start=1):
        if number > MAX_SEEN:
            raise TableRefused(_("more than {count} rows; split the list").format(count=MAX_SEEN))
        texts = [text(cell) for cell in list(cells)[:MAX_COLUMNS]]
        while texts and not texts[-1].strip():
            texts.pop()
        if texts:
            result.append((number, _bounded(texts, len(result) + 1, number, max_rows)))
    return result


def _cell_text(cell: Any) -> str:
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if getattr(cell, "data_type", "") == "f" or (isinstance(value, str) and _is_formula(cell)):
        # An array formula comes as an object holding its text; a data table has none.
        text = value if isinstance(value, str) else getattr(value, "text", None) or "=TABLE()"
        return Formula(str(text))
    if getattr(cell, "data_type", "") == "e":
        return ErrorCell(str(value))
    if isinstance(value, bool):
        return BooleanCell("TRUE" if value else "FALSE")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return DateCell(
            value.date().isoformat() if value.time() == dt.time() else value.isoformat()
        )
    if isinstance(value, dt.date | dt.time):
        return DateCell(value.isoformat())
    if isinstance(value, dt.timedelta):
        return DateCell(str(value))
    return str(value)


def _is_formula(cell: Any) -> bool:
    # An array formula or a data table comes as an object, a plain one as "=…" text of type f.
    return type(cell.value).__name__ in ("ArrayFormula", "DataTableFormula")


def _bounded(row: list[str], count: int, number: int, max_rows: int) -> list[str]:
    if count > max_rows:
        raise TableRefused(_("more than {count} rows; split the list").format(count=max_rows - 1))
    for column, text in enumerate(row, start=1):
        if len(text) > MAX_CELL:
            raise TableRefused(
                _("row {row}, column {column}: a cell of more than {limit} characters").format(
                    row=number, column=column, limit=MAX_CELL
                )
            )
    return row
