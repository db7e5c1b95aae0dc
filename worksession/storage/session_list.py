"""The list of sessions as the start window and ``worksession list`` show it: one select.

It reads the session table through SQLAlchemy Core, without the ORM models: loading the models'
twenty-odd classes costs more than the select, and the list needs six columns. Start-up waits for
this list, so it stays this light (see ``make bench``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Date, Integer, String, column, select, table
from sqlmodel.sql.sqltypes import UTCDateTime

from worksession.storage.database import Database

_SESSIONS = table(
    "work_session",
    column("id", Integer),
    column("title", String),
    column("wijk", String),
    column("date", Date),
    column("status", String),
    column("updated_at", UTCDateTime),
)


@dataclass(frozen=True)
class SessionSummary:
    id: int
    title: str
    wijk: str
    date: dt.date | None
    status: str
    updated_at: dt.datetime


def session_summaries(*, db: Database) -> list[SessionSummary]:
    """Every session, the most recent date first (undated ones last), then by id."""
    c = _SESSIONS.c
    query = select(c.id, c.title, c.wijk, c.date, c.status, c.updated_at).order_by(
        c.date.is_(None), c.date.desc(), c.id
    )
    with db.engine.connect() as connection:
        return [SessionSummary(*row) for row in connection.execute(query)]
