"""Explain a database or file that cannot be written — read-only, full, unreachable — in one line.

SQLite and the operating system report these as exceptions deep in a stack; the user needs the
file's name and what to do, and to know that nothing was changed (every operation is one
transaction, rolled back when a write fails).
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from worksession.i18n import _

if TYPE_CHECKING:
    from worksession.storage.database import Database

# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_PERM = 3
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14

_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def _causes(error: BaseException) -> list[BaseException]:
    """The error, what SQLAlchemy wrapped (``orig``) and its causes, each once."""
    found: list[BaseException] = []
    pending: list[BaseException | None] = [error]
    while pending:
        current = pending.pop(0)
        if current is None or any(current is seen for seen in found):
            continue
        found.append(current)
        orig = getattr(current, "orig", None)
        pending += [orig if isinstance(orig, BaseException) else None]
        pending += [current.__cause__, current.__context__]
    return found


def _kind(error: BaseException) -> tuple[str, Path | None] | None:
    for cause in _causes(error):
        if isinstance(cause, sqlite3.Error):
            code = (getattr(cause, "sqlite_errorcode", 0) or 0) & 0xFF
            kinds = {
                _SQLITE_READONLY: "read-only",
                _SQLITE_PERM: "read-only",
                _SQLITE_CANTOPEN: "cannot-open",
                _SQLITE_FULL: "full",
                _SQLITE_IOERR: "io",
            }
            if code in kinds:
                return kinds[code], None
        elif isinstance(cause, OSError) and cause.errno is not None:
            named = Path(cause.filename) if cause.filename else None
            if cause.errno in _READ_ONLY_ERRNOS:
                return "read-only", named
            if cause.errno in _FULL_ERRNOS:
                return "full", named
    return None


def explain_write_failure(error: BaseException, database: Path | None) -> str | None:
    """One line naming the file and what to do; None when ``error`` is not about writing."""
    found = _kind(error)
    if found is None:
        return None
    kind, named = found
    where = named or database
    if where is None:
        return None
    if kind == "read-only":
        return _(
            "{path} cannot be written: the file or its folder is read-only. Make it writable, "
            "or choose another database with --db; nothing was changed."
        ).format(path=where)
    if kind == "cannot-open":
        return _(
            "{path} cannot be opened: the file or its folder is read-only or out of reach. "
            "Make the folder writable, or choose another database with --db; nothing was changed."
        ).format(path=where)
    if kind == "full":
        return _(
            "{path} cannot be written: the disk is full. Free some space and try again; "
            "nothing was changed."
        ).format(path=where)
    return _(
        "{path} cannot be written (a disk error: the disk may be full, too small for the file, "
        "or removed). Check the disk and try again; nothing was changed."
    ).format(path=where)


def write_problem(db: Database) -> str | None:
    """Why no change to ``db`` can be stored right now (a read-only file), or None.

    Tried, not guessed from permission bits (root and immutable files defeat those): a write
    of the header's own value inside a transaction that is rolled back, so nothing changes.
    A full disk shows only when a write needs space; the operations report that themselves.
    """
    if db.path is None:
        return None
    try:
        with db.engine.connect() as connection:
            raw = connection.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            (version,) = raw.execute("PRAGMA user_version").fetchone()
            (waiting,) = raw.execute("PRAGMA busy_timeout").fetchone()
            # Another process writing is no problem of this file: do not wait for it.
            raw.execute("PRAGMA busy_timeout = 0")
            try:
                raw.execute("BEGIN")
                try:
                    raw.execute(f"PRAGMA user_version = {int(version)}")
                finally:
                    raw.execute("ROLLBACK")
            finally:
                raw.execute(f"PRAGMA busy_timeout = {int(waiting)}")
    except Exception as error:
        found = _kind(error)
        if found is None:
            return None  # busy, or something the operations will report when it matters
        if found[0] not in ("read-only", "cannot-open"):
            return explain_write_failure(error, db.path)
        return _(
            "{path} is read-only: nothing you change can be stored. Close the app, make the "
            "file and its folder writable, and start it again."
        ).format(path=db.path)
    return None
