"""Notice that another connection (the CLI, an import, a second window) changed the database.

SQLite's ``PRAGMA data_version`` on one connection changes whenever any *other* connection
commits; asking costs no read of the data. The watch keeps a connection of its own, because the
value is only comparable on the same connection (the engine hands out pooled ones).

A PostgreSQL server has no such counter; there the watch compares the sessions' number, latest
change stamp and revisions: one small query on the table of sessions each time the window asks.
The stamp alone would miss a coach whose laptop clock runs behind (``updated_at`` is the
writer's clock); every change adds one to its session's revision, so their sum moves always.
On a team's server, row-level security counts only the sessions of the coach's teams: another
team's work is no change here.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from worksession.storage.database import Database

_SERVER_STATE = text("SELECT count(*), max(updated_at), sum(revision) FROM work_session")


class ChangeWatch:
    """``changed()`` is True once after each commit made through any other connection."""

    def __init__(self, db: Database) -> None:
        self._connection: sqlite3.Connection | None = None
        self._db = db
        self._seen: object = None
        if db.path is not None:
            # Autocommit, and never a write: it must not hold a snapshot or a lock.
            self._connection = sqlite3.connect(db.path, isolation_level=None)
        self._seen = self._version()

    def _server_state(self) -> object:
        if self._db.engine.dialect.name != "postgresql":
            return None  # an in-memory database has no other connection to watch
        try:
            with self._db.engine.connect() as connection:
                return tuple(connection.execute(_SERVER_STATE).one())
        except DBAPIError:
            return self._seen  # the server is out of reach: nothing to tell now

    def _version(self) -> object:
        if self._connection is None:
            return self._server_state()
        try:
            (version,) = self._connection.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            return self._seen  # a locked or vanished file: nothing to tell now
        return int(version)

    def changed(self) -> bool:
        version = self._version()
        if version == self._seen:
            return False
        self._seen = version
        return True

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
