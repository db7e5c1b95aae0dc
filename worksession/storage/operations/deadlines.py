"""Which accredited sessions have a deadline near or past, across the database (the start
window's deadline line). The rules are the domain's (``domain.deadlines``); this reads the four
columns they need, of accredited sessions with a date only.

Through SQLAlchemy Core, as the session list is read: the start window asks right after listing
the sessions, on its own thread, and loading the ORM models there would hold it up.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, Integer, String, column, select, table

from worksession.domain.deadlines import DeadlineDue, deadlines_due
from worksession.storage.database import Database

_SESSIONS = table(
    "work_session",
    column("id", Integer),
    column("title", String),
    column("date", Date),
    column("status", String),
    column("accredited", Boolean),
)


def sessions_with_deadlines(*, db: Database, today: dt.date | None = None) -> list[DeadlineDue]:
    """Every deadline that warns on ``today``, the earliest last day first."""
    today = dt.date.today() if today is None else today
    c = _SESSIONS.c
    query = (
        select(c.id, c.title, c.date, c.status)
        .where(c.accredited.is_(True))
        .where(c.date.is_not(None))
    )
    with db.engine.connect() as connection:
        rows = connection.execute(query).all()
    due = [
        item
        for session_id, title, date, status in rows
        for item in deadlines_due(
            session_id=session_id,
            title=title,
            session_date=date,
            accredited=True,
            status=status,
            today=today,
        )
    ]
    return sorted(due, key=lambda item: (item.deadline.day, item.session_id))
