"""From the database to the attendance files: the presentielijst (PDF) to sign before the
session, and who attended (XLSX, CSV, TXT) for the accreditation body after it.

The kind of file follows from the name the user gives (``.pdf``, ``.xlsx``, ``.csv``,
``.txt``); any other name is refused before anything is read or made, as a file the app owns is
(``export_targets``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from worksession.domain.attendance_sheet import AttendanceSheet, attendance_sheet
from worksession.domain.interchange import Document
from worksession.i18n import _
from worksession.storage.database import Database
from worksession.storage.document import read_document
from worksession.workflows.export_targets import (
    RefusedTarget,
    check_export_target,
    spreadsheet_made,
    write_export,
)


# Each kind imports its maker when asked for: reportlab and its fonts, or openpyxl, load only
# for the file the coach makes.
def _pdf(sheet: AttendanceSheet) -> bytes:
    from worksession.export.pdf.attendance_list import render_attendance_list

    return render_attendance_list(sheet)


def _xlsx(sheet: AttendanceSheet) -> bytes:
    from worksession.export.attendance_files import xlsx_bytes

    return spreadsheet_made(lambda: xlsx_bytes(sheet))


def _csv(sheet: AttendanceSheet) -> bytes:
    from worksession.export.attendance_files import csv_bytes

    return csv_bytes(sheet)


def _txt(sheet: AttendanceSheet) -> bytes:
    from worksession.export.attendance_files import txt_bytes

    return txt_bytes(sheet)


KINDS: Mapping[str, Callable[[AttendanceSheet], bytes]] = {
    ".pdf": _pdf,
    ".xlsx": _xlsx,
    ".csv": _csv,
    ".txt": _txt,
}


class UnknownAttendanceKind(RefusedTarget):
    """A file name that says no kind of attendance file; the message names the path."""


def attendance_kind(path: Path) -> str:
    """The kind of attendance file ``path`` asks for (its suffix), or ``UnknownAttendanceKind``."""
    suffix = path.suffix.lower()
    if suffix not in KINDS:
        raise UnknownAttendanceKind(
            _(
                "{path}: the name must end in .pdf (presentielijst), .xlsx, .csv or .txt "
                "(attendance)"
            ).format(path=path)
        )
    return suffix


def attendance_bytes(document: Document, kind: str) -> bytes:
    """The file of ``kind`` (a suffix of ``KINDS``) for the session in ``document``."""
    return make_attendance(attendance_sheet(document), kind)


def make_attendance(sheet: AttendanceSheet, kind: str) -> bytes:
    """The file of ``kind`` (a suffix of ``KINDS``) for ``sheet``."""
    return KINDS[kind](sheet)


def check_attendance_target(path: Path, *, database: Path | None) -> str:
    """Refuse a file the app owns, or a name of no kind, before anything is made; the kind."""
    check_export_target(path, database=database)
    return attendance_kind(path)


def write_attendance(*, db: Database, session_id: int, out: Path) -> str:
    """Make the attendance file ``out`` asks for and write it atomically; its kind."""
    kind = check_attendance_target(out, database=db.path)
    document = read_document(db=db, session_id=session_id)
    write_export(out, attendance_bytes(document, kind), database=db.path)
    return kind
