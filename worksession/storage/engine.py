"""Create the SQLAlchemy engine for a database location, with our pragmas on every connection.

Pragmas: WAL so readers never block the writer; ``foreign_keys=ON`` because SQLite leaves it off;
``synchronous=FULL`` so a change the app acknowledged survives a power cut, not only a crash
(with WAL, NORMAL may lose the last commits on power loss; at our write rate FULL costs little);
``secure_delete`` so removed names and notes do not linger in the file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlmodel import create_engine

from worksession.storage.server import (
    begin_writing,
    require_driver,
    server_connect_args,
    server_url,
)

SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA busy_timeout=5000",  # BUSY_TIMEOUT_MS
    "PRAGMA secure_delete=ON",  # deleted personal data is overwritten, not left in free pages
)


def to_url(location: str | Path) -> str:
    """A plain path becomes an SQLite URL; anything with ``://`` is taken as an SQLAlchemy URL
    (a bare ``postgresql://`` as one for psycopg 3, the driver ``worksession[server]`` brings)."""
    text = str(location)
    if "://" in text:
        return server_url(text)
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for in-memory and other databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """An SQLite URI that opens ``path`` read-only (names with spaces or ``?`` are quoted)."""
    flags = "mode=ro&immutable=1" if immutable else "mode=ro"
    return f"file:{quote(str(path))}?{flags}"


def _apply_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def _take_over_transactions(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # The sqlite3 module opens transactions only before DML and never around DDL; taking over
    # makes every SQLAlchemy transaction (migrations included) one real SQLite transaction.
    dbapi_connection.isolation_level = None


WRITING = {"worksession_writes": True}
"""Execution options of a connection that will write: its transaction takes the write lock."""
BUSY_TIMEOUT_MS = 5000
LOCK_WAIT = "worksession_lock_wait_ms"
"""Execution option: wait this long for the write lock instead of ``BUSY_TIMEOUT_MS``."""


def _begin(connection: Connection) -> None:
    # A deferred BEGIN takes the write lock only at the first write, and a reader that finds
    # the lock taken there fails at once ("database is locked"): busy_timeout never helps it.
    # BEGIN IMMEDIATE waits up to busy_timeout for the lock, then owns it for the whole unit.
    # Reads stay deferred, so they never wait for, nor block, a writer (WAL).
    options = connection.get_execution_options()
    writes = options.get("worksession_writes", False)
    wait = options.get(LOCK_WAIT)
    if not writes or wait is None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")
        return
    # Only taking the lock waits (readers never block a WAL writer): a shorter wait for BEGIN,
    # then the usual one again for whoever uses this pooled connection next.
    connection.exec_driver_sql(f"PRAGMA busy_timeout={int(wait)}")
    try:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    finally:
        connection.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def _begin_on_server(connection: Connection) -> None:
    # The server's own transactions begin by themselves; a writer then takes the write lock.
    options = connection.get_execution_options()
    if options.get("worksession_writes", False):
        begin_writing(connection, options.get(LOCK_WAIT) or BUSY_TIMEOUT_MS)


def create_db_engine(url: str, *, team: str | None = None) -> Engine:
    """An engine for ``url``; raises ``MissingDriver`` (one line) when its driver is absent.

    ``team``: on a server, the team new sessions get (``teams``); SQLite has no teams."""
    require_driver(url)
    # A time is stored with its zone (timestamptz), so the connection's time zone changes
    # nothing; a URL's own ``options=`` is kept, with the chosen team added to it.
    engine = create_engine(url, connect_args=server_connect_args(url, team))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _take_over_transactions)
        event.listen(engine, "connect", _apply_pragmas)
        event.listen(engine, "begin", _begin)
    elif engine.dialect.name == "postgresql":
        event.listen(engine, "begin", _begin_on_server)
    return engine
