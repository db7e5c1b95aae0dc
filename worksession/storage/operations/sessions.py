"""Operations on a work session as a whole: create, edit its details, list, delete."""

from __future__ import annotations

import datetime as dt

from sqlmodel import col, select

from worksession.domain.models import Casus, FollowUp, WorkSession, utcnow
from worksession.domain.validation import clean
from worksession.storage.database import Database
from worksession.storage.operations._rows import fetch_session


def create_session(
    *,
    db: Database,
    title: str,
    wijk: str = "",
    gemeente: str = "",
    date: dt.date | str | None = None,
    location: str = "",
    coach: str = "",
    variant: str = "toolkit",
    accredited: bool = False,
    programme: str = "",
    ambition: str = "",
) -> WorkSession:
    """A new draft session with an empty casus and follow-up, ready for the first step."""
    fields = clean(
        "session",
        {
            "title": title,
            "wijk": wijk,
            "gemeente": gemeente,
            "date": date,
            "location": location,
            "coach": coach,
            "variant": variant,
            "accredited": accredited,
            "programme": programme,
            "ambition": ambition,
        },
    )
    with db.transaction() as s:
        work_session = WorkSession.model_validate(fields)
        s.add(work_session)
        s.flush()
        assert work_session.id is not None
        s.add(Casus(session_id=work_session.id))
        s.add(FollowUp(session_id=work_session.id))
        return work_session


def update_session(*, db: Database, session_id: int, **changes: object) -> WorkSession:
    """Change session details (title, wijk, gemeente, date, location, coach, variant, …)."""
    fields = clean("session", changes)
    with db.transaction() as s:
        work_session = fetch_session(s, session_id)
        for name, value in fields.items():
            setattr(work_session, name, value)
        work_session.updated_at = utcnow()
        return work_session


def delete_session(*, db: Database, session_id: int) -> None:
    """Delete a session and everything in it (the rows of its records cascade)."""
    with db.transaction() as s:
        s.delete(fetch_session(s, session_id))


def get_session(*, db: Database, session_id: int) -> WorkSession:
    with db.reading() as s:
        return fetch_session(s, session_id)


def list_sessions(*, db: Database) -> list[WorkSession]:
    """Every session, the most recent date first (undated ones last), then by id."""
    with db.reading() as s:
        query = select(WorkSession).order_by(
            col(WorkSession.date).is_(None), col(WorkSession.date).desc(), col(WorkSession.id)
        )
        return list(s.exec(query).all())
