"""Every transaction that changes a session adds exactly one to the session's revision.

The team archive tells which side changed since the last sync by the revision, so no change may
slip past it. Two ways a transaction tells which sessions it changed, and both are seen here:
``touch()`` (and ``update_session``) name them in ``TOUCHED``; every row the ORM writes, changes
or deletes names its session through ``session_id`` (caught after each flush). At the end of the
transaction each session named once or many times gets one more, in the same transaction
(``session_marks``). A session made in the transaction (new, an import, a copy) starts at 1.
"""

from __future__ import annotations

from itertools import chain

from sqlalchemy import event
from sqlalchemy.orm import Session as OrmSession

from worksession.storage.seen import TOUCHED

COUNTING = "count_revisions"  # in a Session's ``info``: this transaction counts revisions
CREATED = "created_sessions"  # the sessions the transaction made: they start at 1
SESSIONS = "work_session"
# The laptop's own bookkeeping about a session is no change to the session.
_NOT_CHANGES = frozenset({"waiting_publish", "sync_state"})


def _table(row: object) -> str:
    return str(getattr(row, "__tablename__", ""))


@event.listens_for(OrmSession, "after_flush")
def _note_flushed(session: OrmSession, _context: object) -> None:
    """The sessions whose rows this flush wrote (the lists still hold what was flushed)."""
    if not session.info.get(COUNTING):
        return
    touched: set[int] = session.info.setdefault(TOUCHED, set())
    created: set[int] = session.info.setdefault(CREATED, set())
    for row in session.new:
        if _table(row) == SESSIONS:
            created.add(row.id)
    dirty = (row for row in session.dirty if session.is_modified(row))
    for row in chain(session.new, dirty, session.deleted):
        table = _table(row)
        if table in _NOT_CHANGES:
            continue
        owner = getattr(row, "id" if table == SESSIONS else "session_id", None)
        if isinstance(owner, int):
            touched.add(owner)
