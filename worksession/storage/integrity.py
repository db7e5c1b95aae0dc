"""Integrity of the database file: checks, and setting a damaged file aside, never over it."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from worksession.i18n import _
from worksession.storage.engine import read_only_uri
from worksession.storage.errors import DatabaseRefused, StorageError

if TYPE_CHECKING:
    from worksession.storage.backups import Backup


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
    """Set the damaged file aside, remember the offer, and describe it and the backup."""
    from worksession.storage.recovery import PendingChoice, record_choice

    moved = set_aside(path)
    usable = _newest_usable(path, None)
    record_choice(
        path,
        PendingChoice(
            set_aside=moved, backup=None if usable is None else usable.path, reason=reason
        ),
    )
    message = _("{path} is damaged ({reason}). It was not changed: it is kept as {moved}.").format(
        path=path, reason=reason, moved=moved.name
    )
    return DatabaseDamaged(message + " " + _offer(path, usable), set_aside=moved, backup=usable)


def still_damaged(path: Path) -> DatabaseDamaged | None:
    """The refusal to repeat while the coach has not chosen after a damaged file; else None.

    Until then no new, empty database is created in its place, and the same backup is offered.
    """
    from worksession.storage.recovery import pending_choice

    choice = pending_choice(path)
    if choice is None:
        return None
    usable = _newest_usable(path, choice.backup)
    message = _(
        "{path} was damaged ({reason}) and is kept as {moved}; you have not chosen yet what to do."
    ).format(path=path, reason=choice.reason, moved=choice.set_aside.name)
    return DatabaseDamaged(
        message + " " + _offer(path, usable), set_aside=choice.set_aside, backup=usable
    )


def _newest_usable(path: Path, offered: Path | None) -> Backup | None:
    """The offered backup if it is still good, else the newest good one (None if there is none)."""
    from worksession.storage.backups import check_backup, list_backups

    backups = list_backups(path)
    if offered is not None:
        backups = [b for b in list_backups(path, offered.parent) if b.path == offered] + backups
    for backup in backups:
        try:
            check_backup(backup.path)
        except StorageError:
            continue  # a broken backup is skipped; the next older one may be good
        return backup
    return None


def _offer(path: Path, usable: Backup | None) -> str:
    empty = _("or start with an empty database: 'worksession restore --empty'.")
    if usable is None:
        return _(
            "There is no backup to restore; start with an empty database with "
            "'worksession restore --empty' (the damaged file stays kept)."
        )
    when = usable.created.astimezone().strftime("%d-%m-%Y %H:%M")
    return (
        _(
            "The newest good backup is from {when}: restore it with "
            "'worksession restore {file}' or from the app,"
        ).format(when=when, file=usable.path)
        + " "
        + empty
    )
