"""What makes a file a worksession database: SQLite's header, whole pages, our application id.

Read-only looks at a file before any engine touches it, used when opening a database and when
checking a backup; what to do about a file that fails them is the caller's decision.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import NamedTuple

from worksession.storage.engine import read_only_uri

APPLICATION_ID = 0x57534553  # "WSES", set by the first migration
SQLITE_HEADER = b"SQLite format 3\x00"


class Identity(NamedTuple):
    application_id: int
    tables: list[str]
    revision: str | None  # the schema revision Alembic recorded, if any


def read_header(path: Path) -> bytes:
    """The first bytes of ``path``, as many as SQLite's header has (fewer for a short file)."""
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER))


def whole_pages(path: Path) -> bool:
    """Whether ``path`` is whole pages after a 100-byte header; an SQLite file cut off is not."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        header = handle.read(100)
    page_size = int.from_bytes(header[16:18], "big") if len(header) >= 18 else 0
    page_size = 65536 if page_size == 1 else page_size
    return not (size < 100 or page_size < 512 or size % page_size)


def read_identity(path: Path) -> Identity:
    """The application id, tables and schema revision; raises ``sqlite3.DatabaseError``."""
    # Without a WAL file beside it, read as immutable: no -wal/-shm is created next to a file
    # we may refuse. With one, the WAL may hold the latest schema, so read through it.
    wal = path.with_name(path.name + "-wal")
    connection = sqlite3.connect(read_only_uri(path, immutable=not wal.exists()), uri=True)
    try:
        (application_id,) = connection.execute("PRAGMA application_id").fetchone()
        tables = [
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    finally:
        connection.close()
    return Identity(int(application_id), tables, revision)


def is_ours(application_id: int) -> bool:
    return application_id == APPLICATION_ID
