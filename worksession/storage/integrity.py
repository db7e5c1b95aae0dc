"""Integrity of the database file: checks, and setting a damaged file aside, never over it."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from worksession.i18n import _
from worksession.storage.engine import read_only_uri
from worksession.storage.errors import DatabaseRefused, StorageError


class DatabaseDamaged(DatabaseRefused):
    """The file is damaged; it was moved aside and a backup can be restored in its place."""

    def __init__(self, message: str, *, set_aside: Path, backup: object | None) -> None:
        super().__init__(message)
        self.set_aside = set_aside
        self.backup = backup  # the newest usable Backup, if any


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


def set_aside(path: Path) -> Path:
    """Rename ``path`` (and its -wal and -shm) to ``….damaged-<time>``; return the new name."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    os.replace(path, target)
    return target


def damaged(path: Path, reason: str) -> DatabaseDamaged:
    """Set the damaged file aside and describe what happened and which backup can help."""
    from worksession.storage.backups import check_backup, list_backups

    moved = set_aside(path)
    usable = None
    for backup in list_backups(path):
        try:
            check_backup(backup.path)
        except StorageError:
            continue  # a broken backup is skipped; the next older one may be good
        usable = backup
        break
    message = _("{path} is damaged ({reason}). It was not changed: it is kept as {moved}.").format(
        path=path, reason=reason, moved=moved.name
    )
    if usable is not None:
        when = usable.created.astimezone().strftime("%d-%m-%Y %H:%M")
        message += " " + _(
            "The newest good backup is from {when}: restore it with "
            "'worksession restore {file}' or from the app."
        ).format(when=when, file=usable.path)
    else:
        message += " " + _("There is no backup to restore.")
    return DatabaseDamaged(message, set_aside=moved, backup=usable)
