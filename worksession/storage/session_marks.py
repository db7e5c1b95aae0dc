"""What every write transaction leaves on each session it changed, as its last statement.

Three things are kept per session, each for its own reader: one more ``revision`` (the team
archive tells by it which side changed, ``revision_count``), who changed it and what
(``changed_by``/``last_change``, for another coach's refused change, ``change_notes``), and the
change stamp this program left (so its own windows are not refused, ``seen``). They are one
``UPDATE … RETURNING`` per session rather than a statement (and a read) each: every change a
coach makes runs this, and the whole update after a save has a budget of milliseconds.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import text
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session

from worksession.storage.change_notes import words_for, writer
from worksession.storage.revision_count import CREATED, SESSIONS
from worksession.storage.seen import TOUCHED, note_own, stamp_of, view_session

# Plain SQL by table name: the start window opens the database without the table models.
_MARK = (
    "UPDATE work_session SET revision = revision + :more, changed_by = :who, last_change = :what"
    " WHERE id = :id"
)
_MARK_RETURNING = text(_MARK + " RETURNING revision, updated_at")
_MARK_ONLY, _MARKED = (
    text(_MARK),
    text("SELECT revision, updated_at FROM work_session WHERE id = :id"),
)
# SQLite learnt RETURNING in 3.35 (2021); a Python linked to an older system library (Ubuntu
# 20.04's 3.31) marks with a second statement instead.
RETURNS = sqlite3.sqlite_version_info >= (3, 35)


def mark_sessions(s: Session, url: str, written: set[str]) -> None:
    """At the end of a write transaction (after its last flush): mark each session it touched,
    ``written`` being the tables its statements wrote."""
    s.flush()  # the last rows name their sessions in TOUCHED
    touched: set[int] = s.info.get(TOUCHED, set())
    created: set[int] = s.info.get(CREATED, set())
    if touched:
        values = {"who": writer(s), "what": words_for(written)}
        loaded = {
            getattr(row, "id", None): row
            for row in s.identity_map.values()
            if getattr(row, "__tablename__", "") == SESSIONS
        }
        returns = RETURNS or s.get_bind().dialect.name != "sqlite"
        for session_id in sorted(touched):
            more = 0 if session_id in created else 1  # a session made here starts at 1
            marked = _mark(s, returns, {**values, "more": more, "id": session_id})
            if marked is None:  # removed in this transaction
                continue
            revision, stamp = marked
            note_own(url, session_id, stamp)
            if session_id in loaded:  # what the operation returns shows it, unwritten
                row = loaded[session_id]
                set_committed_value(row, "revision", revision)
                set_committed_value(row, "changed_by", values["who"])
                set_committed_value(row, "last_change", values["what"])
    viewed = view_session()
    if viewed is not None and viewed not in touched:
        # A change from a window that wrote no session row still leaves the view's stamp.
        note_own(url, viewed, stamp_of(s, viewed))


def _mark(s: Session, returns: bool, values: dict[str, object]) -> tuple[object, object] | None:
    """The session's revision and stamp once marked; None when it is not there (any more)."""
    if returns:
        row = s.execute(_MARK_RETURNING, values).first()
    else:
        s.execute(_MARK_ONLY, values)
        row = s.execute(_MARKED, {"id": values["id"]}).first()
    return None if row is None else (row[0], row[1])
