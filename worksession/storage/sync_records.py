"""The laptop's records about the team archive: where each session stood at its last sync,
and which sessions wait to be published until the archive can be reached.

An archive is named by its URL without the password (``archive_name``): the records never hold
a password, and one archive reached with or without it is the same archive.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlmodel import Session, col, select

from worksession.domain.models import SyncState, WaitingPublish, WorkSession, utcnow
from worksession.storage.database import Database


def archive_name(url: str) -> str:
    """The archive's URL as stored and shown: without a password."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    if parsed.password is None:
        return url  # as the coach wrote it
    # ``URL.set(password=None)`` keeps the password (None means "unchanged" there).
    return parsed._replace(password=None).render_as_string(hide_password=False)


@dataclass(frozen=True)
class LastSync:
    local_revision: int
    archive_revision: int
    archive_digest: str = ""  # the archive's content then (``Bundle.digest``); "" if not kept


@dataclass(frozen=True)
class WaitingSession:
    """A session waiting to be published (the archive could not be reached)."""

    session_id: int
    session_uuid: str
    title: str
    archive: str  # without its password
    since: dt.datetime


def last_sync(s: Session, archive: str, uuid: str) -> LastSync | None:
    row = s.get(SyncState, (archive_name(archive), uuid))
    if row is None:
        return None
    return LastSync(row.local_revision, row.archive_revision, row.archive_digest)


def note_sync(s: Session, archive: str, uuid: str, *, local: int, remote: int, digest: str) -> None:
    """Both revisions and the archive's content (``digest``) now; and the session waits no
    longer to be published there."""
    name = archive_name(archive)
    row = s.get(SyncState, (name, uuid))
    if row is None:
        s.add(SyncState(archive=name, session_uuid=uuid, local_revision=local,
                        archive_revision=remote, archive_digest=digest))  # fmt: skip
    elif (row.local_revision, row.archive_revision, row.archive_digest) != (local, remote, digest):
        # Only a sync that moved on is noted: fetching or publishing twice writes nothing.
        row.local_revision, row.archive_revision, row.synced_at = local, remote, utcnow()
        row.archive_digest = digest
    owner = s.exec(select(WorkSession.id).where(WorkSession.uuid == uuid)).first()
    if owner is not None:
        s.execute(
            delete(WaitingPublish).where(
                col(WaitingPublish.session_id) == owner, col(WaitingPublish.archive) == name
            )
        )


def note_waiting(db: Database, session_id: int, archive: str) -> None:
    """The session waits to be published to ``archive`` (kept since the first try)."""
    name = archive_name(archive)
    with db.transaction() as s:
        row = s.get(WaitingPublish, session_id)
        if row is None:
            s.add(WaitingPublish(session_id=session_id, archive=name))
        elif row.archive != name:
            row.archive, row.since = name, utcnow()


def waiting_sessions(db: Database) -> list[WaitingSession]:
    with db.reading() as s:
        rows = s.exec(
            select(WaitingPublish, WorkSession)
            .join(WorkSession, col(WorkSession.id) == col(WaitingPublish.session_id))
            .order_by(col(WaitingPublish.since), col(WaitingPublish.session_id))
        ).all()
        return [
            WaitingSession(wait.session_id, session.uuid, session.title, wait.archive, wait.since)
            for wait, session in rows
        ]
