"""A session's data as a file for another program: JSON, CSV, Excel or a calendar.

What the command line (``worksession export ID --json|--csv|--xlsx|--ics``) and the window's
*Exporteren* menu share: read the session, make the bytes in the export layer, and write them
where the user chose — never over a file the app owns (``export_targets``). The calendar needs
two things the document does not carry: the session's identity in this database (for stable
UIDs) and its last change (for SEQUENCE and DTSTAMP), read here. The libraries of each kind
(openpyxl, icalendar) are loaded when a file of that kind is made, not with the window.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import col, select

from worksession.domain.interchange import Document
from worksession.domain.models import SessionOrigin, WorkSession
from worksession.export.json_document import document_bytes
from worksession.export.record_lists import DEFAULT_LIST
from worksession.storage.database import Database
from worksession.storage.document import read_document
from worksession.storage.operations.sessions import get_session
from worksession.workflows.export_targets import (
    check_export_target,
    spreadsheet_made,
    write_export,
)

if TYPE_CHECKING:
    from worksession.export.calendar import CalendarIdentity


class ExportKind(StrEnum):
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"
    ICS = "ics"


SUFFIXES: dict[ExportKind, str] = {
    ExportKind.JSON: ".json",
    ExportKind.CSV: ".csv",
    ExportKind.XLSX: ".xlsx",
    ExportKind.ICS: ".ics",
}


def _utc(moment: dt.datetime) -> dt.datetime:
    # SQLite hands back what was stored; every stored time is UTC (``models.utcnow``).
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def calendar_identity(*, db: Database, session_id: int) -> CalendarIdentity:
    """The session's identity (its UUID: the same on every laptop the session travels to
    through the team archive or a file, where its id differs), and its last change."""
    from worksession.export.calendar import CalendarIdentity

    session = get_session(db=db, session_id=session_id)
    return CalendarIdentity(session=f"session-{session.uuid}", changed=_utc(session.updated_at))


def follow_up_session_date(*, db: Database, session_id: int) -> dt.date | None:
    """The date of the follow-up session made from this one (the earliest, if several)."""
    query = (
        select(col(WorkSession.date))
        .join(SessionOrigin, col(SessionOrigin.session_id) == col(WorkSession.id))
        .where(SessionOrigin.origin_session_id == session_id)
        .where(col(WorkSession.date).is_not(None))
        .order_by(col(WorkSession.date))
    )
    with db.reading() as s:
        return s.exec(query).first()


def export_bytes(
    *,
    db: Database,
    session_id: int,
    kind: ExportKind,
    list_name: str = DEFAULT_LIST,
    document: Document | None = None,
) -> bytes:
    """The file's bytes; ``document`` when the caller read it already, else read here."""
    document = read_document(db=db, session_id=session_id) if document is None else document
    if kind is ExportKind.JSON:
        return document_bytes(document)
    if kind is ExportKind.CSV:
        from worksession.export.csv_table import csv_bytes

        return csv_bytes(document, list_name)
    if kind is ExportKind.XLSX:
        # Here, not at the top: openpyxl is large, and only a workbook needs it.
        from worksession.export.xlsx_workbook import workbook_bytes

        return spreadsheet_made(lambda: workbook_bytes(document))
    from worksession.export.calendar import plan_calendar_bytes

    return plan_calendar_bytes(
        document,
        calendar_identity(db=db, session_id=session_id),
        follow_up_session=follow_up_session_date(db=db, session_id=session_id),
    )


def write_data_export(
    *,
    db: Database,
    session_id: int,
    kind: ExportKind,
    out: Path,
    list_name: str = DEFAULT_LIST,
    document: Document | None = None,
) -> Path:
    """Refuse a target the app owns before anything is made, then make and write the file
    atomically (``RefusedTarget``, ``OSError``)."""
    check_export_target(out, database=db.path)
    data = export_bytes(
        db=db, session_id=session_id, kind=kind, list_name=list_name, document=document
    )
    write_export(out, data, database=db.path)
    return out
