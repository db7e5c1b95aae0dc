"""What the app shows of the team archive before it fetches or decides: the sessions the archive
holds (title, wijk, date, and whether this laptop has each already), and what each side noted
of a conflicting session's last change (who, what, when: ``change_said``'s words).

The archive is opened as ``team_archive`` opens it: an ordinary worksession database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError
from sqlmodel import col, select

from worksession.domain.models import WorkSession
from worksession.i18n import _
from worksession.storage.database import Database
from worksession.storage.errors import StorageError
from worksession.storage.server import server_url, where


@dataclass(frozen=True)
class ArchivedSession:
    uuid: str
    title: str
    wijk: str
    date: str  # ISO, or "" when the session has no date yet
    here: bool  # this laptop has a session with this identity


def _open(archive: str) -> Database:
    """The archive, opened as ``team_archive`` opens it; ``StorageError`` in one line (the
    password hidden) when it cannot be."""
    from worksession.storage.opening import open_database

    try:
        return open_database(server_url(archive))
    except (DBAPIError, OSError) as error:
        raise StorageError(
            _("the team archive {url} cannot be reached: {reason}").format(
                url=where(archive), reason=str(error).splitlines()[0]
            )
        ) from error


def archived_sessions(*, db: Database, archive: str) -> list[ArchivedSession]:
    """The archive's sessions, the newest date first; ``StorageError`` (one line, the password
    hidden) when it cannot be opened."""
    remote = _open(archive)
    try:
        with remote.reading() as rs:
            rows = rs.exec(
                select(WorkSession.uuid, WorkSession.title, WorkSession.wijk, col(WorkSession.date))
            ).all()
    except DBAPIError as error:  # the connection lost on the way
        raise StorageError(
            _("the team archive {url} cannot be reached: {reason}").format(
                url=where(archive), reason=str(error.orig or error).splitlines()[0]
            )
        ) from error
    finally:
        remote.close()
    with db.reading() as s:
        here = set(s.exec(select(WorkSession.uuid)).all())
    ordered = sorted(rows, key=lambda row: (row[3] or dt.date.min, row[1]), reverse=True)
    return [
        ArchivedSession(uuid, title, wijk, date.isoformat() if date else "", uuid in here)
        for uuid, title, wijk, date in ordered
    ]


def change_said(*, db: Database, session_uuid: str) -> str | None:
    """Who changed the session with this identity in ``db`` last, what and when, as the
    stale-view message says it ("… heeft om 14:32 de afspraken gewijzigd (revisie 18)");
    None when that was not noted (or there is no such session)."""
    from worksession.storage.change_said import last_change_said

    with db.reading() as s:
        found = s.exec(select(WorkSession.id).where(col(WorkSession.uuid) == session_uuid)).first()
        return None if found is None else last_change_said(s, found)


def archive_change_said(*, archive: str, session_uuid: str) -> str | None:
    """``change_said`` of the archive's session (``StorageError`` when it cannot be read)."""
    remote = _open(archive)
    try:
        return change_said(db=remote, session_uuid=session_uuid)
    except DBAPIError as error:  # the connection lost on the way
        raise StorageError(str(error.orig or error).splitlines()[0]) from error
    finally:
        remote.close()
