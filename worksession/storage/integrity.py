"""Integrity of a database file: SQLite's quick and full checks, read-only.

What follows from a damaged file (setting it aside, offering a backup) is in ``recovery``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from worksession.i18n import _
from worksession.storage.engine import read_only_uri


def _run(path: Path, pragma: str) -> list[str]:
    wal = path.with_name(path.name + "-wal")
    connection = sqlite3.connect(read_only_uri(path, immutable=not wal.exists()), uri=True)
    try:
        rows = connection.execute(pragma).fetchall()
    finally:
        connection.close()
    return [" ".join(str(cell) for cell in row) for row in rows]


def quick_check(path: Path) -> list[str]:
    """What SQLite's quick check reports; empty when the file is fine."""
    try:
        result = _run(path, "PRAGMA quick_check")
    except sqlite3.DatabaseError as error:
        return [str(error)]
    return [] if result == ["ok"] else result


def full_check(path: Path) -> list[str]:
    """The full integrity check and the foreign key check; empty when both are clean."""
    try:
        problems = _run(path, "PRAGMA integrity_check")
        problems = [] if problems == ["ok"] else problems
        links = _run(path, "PRAGMA foreign_key_check")
    except sqlite3.DatabaseError as error:
        return [str(error)]
    return problems + [_("broken link: {row}").format(row=row) for row in links]
