"""Move what the write-ahead log (WAL) holds into the database file and empty the log.

SQLite in WAL mode appends every committed change to ``<database>-wal`` and copies it into the
main file only now and then (a checkpoint). Until then the change lives in the WAL alone: a WAL
deleted by hand loses it, and an erased person's old details stay readable in it. A TRUNCATE
checkpoint copies everything over and cuts the log to zero bytes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from worksession.storage.database import Database

# A checkpoint waits this long for readers of an older snapshot before it gives up for now.
WAIT_MS = 2000


def checkpoint(db: Database) -> bool:
    """Checkpoint the open database ``db``; True when the WAL is now empty.

    Not complete (False) while another connection reads an older snapshot; the next
    checkpoint finishes the job. Databases without a WAL have nothing to do.
    """
    if db.engine.dialect.name != "sqlite":
        return True
    try:
        with db.engine.connect() as connection:
            row = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
    except DBAPIError:
        return False  # a read-only or locked database keeps its WAL: nothing was lost
    return row is None or int(row[0]) == 0


def checkpoint_file(database: Path) -> bool:
    """Checkpoint the database at ``database`` from a connection of its own.

    Best effort: a database that cannot be written (read-only, locked) keeps its WAL, and
    the answer is False; nothing is raised, because nothing was lost.
    """
    if not database.is_file():
        return False
    try:
        connection = sqlite3.connect(database, timeout=WAIT_MS / 1000)
        try:
            row = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return row is None or int(row[0]) == 0
