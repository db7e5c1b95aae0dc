"""The list of sessions as the start window and ``worksession list`` show it: one select.

It reads the session table through SQLAlchemy Core, without the ORM models: loading the models'
twenty-odd classes costs more than the select, and the list needs six columns. Start-up waits for
this list, so it stays this light (see ``make bench``). A follow-up session names the session it
follows, from its link (``session_origin``): the title of the signed plan it reviews, and the
date of that session while this database holds it. On a team's server the list holds the
sessions of the coach's teams only: row-level security filters the select.
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
_ORIGINS = table(
    "session_origin",
    column("session_id", Integer),
    column("origin_session_id", Integer),
    column("title", String),
)


@dataclass(frozen=True)
class SessionSummary:
    id: int
    title: str
    wijk: str
    date: dt.date | None
    status: str
    updated_at: dt.datetime
    # For a follow-up session: the title of the plan it reviews, and that session's id while
    # this database still holds it.
    follows: str | None = None
    follows_id: int | None = None
    follows_date: dt.date | None = None


def session_summaries(*, db: Database) -> list[SessionSummary]:
    """Every session, the most recent date first (undated ones last), then by id."""
    c, origin = _SESSIONS.c, _ORIGINS.c
    first_session = _SESSIONS.alias("first_session")
    first = first_session.c
    query = (
        select(
            c.id,
            c.title,
            c.wijk,
            c.date,
            c.status,
            c.updated_at,
            origin.title,
            origin.origin_session_id,
            first.date,
        )
        .select_from(
            _SESSIONS.outerjoin(_ORIGINS, origin.session_id == c.id).outerjoin(
                first_session, first.id == origin.origin_session_id
            )
        )
        .order_by(c.date.is_(None), c.date.desc(), c.id)
    )
    with db.engine.connect() as connection:
        return [SessionSummary(*row) for row in connection.execute(query)]
