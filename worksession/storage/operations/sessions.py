"""Operations on a work session as a whole: create, edit its details, list, delete."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Unpack

from sqlmodel import col, select

from worksession.domain.models import Casus, FollowUp, KeyFigure, WorkSession, utcnow
from worksession.domain.record_changes import SessionChanges
from worksession.domain.validation import clean
from worksession.storage.backups import make_backup
from worksession.storage.database import Database
from worksession.storage.operations._rows import fetch_session
from worksession.storage.seen import TOUCHED


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
    programme_steps: Sequence[Mapping[str, Any]] = (),
    ambition: str = "",
    casus: Mapping[str, Any] | None = None,
    start_time: str | None = None,
) -> WorkSession:
    """A new draft session with its casus and an empty follow-up, ready for the first step.

    ``programme_steps`` is the copy of the programme the session keeps; ``casus`` (title, text,
    question, figures as label/value/source) seeds the casus from a casus file; ``start_time``
    ("HH:MM") is when the dagdeel starts, for the running schedule.
    """
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
            "start_time": start_time,
        },
    )
    seed = dict(casus or {})
    figures = [clean("figure", figure) for figure in seed.pop("figures", [])]
    casus_fields = clean("casus", seed)
    with db.transaction() as s:
        work_session = WorkSession.model_validate(
            {**fields, "programme_steps": json.dumps(list(programme_steps), ensure_ascii=False)}
        )
        s.add(work_session)
        s.flush()
        assert work_session.id is not None
        s.add(Casus(session_id=work_session.id, **casus_fields))
        for position, figure in enumerate(figures):
            s.add(KeyFigure(session_id=work_session.id, position=position, **figure))
        s.add(FollowUp(session_id=work_session.id))
        return work_session


def update_session(
    *, db: Database, session_id: int, **changes: Unpack[SessionChanges]
) -> WorkSession:
    """Change session details (title, wijk, gemeente, date, start_time, location, coach, …)."""
    fields = clean("session", changes)
    with db.transaction() as s:
        work_session = fetch_session(s, session_id)
        for name, value in fields.items():
            setattr(work_session, name, value)
        work_session.updated_at = utcnow()
        # The new stamp is this program's own (storage/seen.py): an undo run outside a view
        # must not look like another program's change afterwards.
        s.info.setdefault(TOUCHED, set()).add(session_id)
        work_session.status = "draft"  # the plan changed: a frozen version stays as it was
        return work_session


def delete_session(
    *, db: Database, session_id: int, retention_days: int, archive_folder: Path | None = None
) -> Path | None:
    """Delete a session and everything in it, after a backup of the whole database.

    The backups are then thinned out with the user's ``retention_days``. A database on a
    server is backed up as an archive of every session in ``archive_folder``, when given.

    Returns the backup file (None when none was made).
    """
    with db.reading() as s:
        fetch_session(s, session_id)  # a wrong id is refused before any backup is made
    backup = None
    label = f"before-delete-{session_id}"
    if db.path is not None:
        backup = make_backup(db.path, label=label, retention_days=retention_days).path
    elif archive_folder is not None:
        from worksession.storage.archive_backups import make_archive

        archive = make_archive(
            db, folder=archive_folder, label=label, retention_days=retention_days
        )
        backup = archive.path
    with db.transaction() as s:
        s.delete(fetch_session(s, session_id))
    return backup


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
