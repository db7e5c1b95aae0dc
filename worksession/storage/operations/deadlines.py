"""Which accredited sessions have a deadline near or past, across the database (the start
window's deadline line). The rules are the domain's (``domain.deadlines``); this reads the few
columns they need, of accredited sessions with a date only."""

from __future__ import annotations

import datetime as dt

from sqlmodel import col, select

from worksession.domain.deadlines import DeadlineDue, deadlines_due
from worksession.domain.models import WorkSession
from worksession.storage.database import Database


def sessions_with_deadlines(*, db: Database, today: dt.date | None = None) -> list[DeadlineDue]:
    """Every deadline that warns on ``today``, the earliest last day first."""
    today = dt.date.today() if today is None else today
    query = (
        select(col(WorkSession.id), WorkSession.title, col(WorkSession.date), WorkSession.status)
        .where(col(WorkSession.accredited).is_(True))
        .where(col(WorkSession.date).is_not(None))
    )
    with db.reading() as s:
        rows = s.exec(query).all()
    due = [
        item
        for session_id, title, date, status in rows
        if session_id is not None
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
