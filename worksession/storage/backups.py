"""Backups of the database in ``backups/`` beside it: make, list, thin out, check and restore.

A copy is made with SQLite's online backup API and written atomically.

Rotation keeps the 10 most recent copies, the newest copy of each of the last 30 days, and the
newest copy of each of the last 12 months; nothing older than the retention period (a year by
default) is kept, because the copies hold personal data too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from worksession.i18n import _
from worksession.storage.checkpoint import checkpoint_file
from worksession.storage.engine import read_only_uri
from worksession.storage.errors import StorageError
from worksession.storage.identity import is_ours
from worksession.storage.pending_choice import clear_choice, protected_backups
from worksession.storage.private_files import PRIVATE, create_private

KEEP_RECENT = 10
KEEP_DAILY_DAYS = 30
KEEP_MONTHLY = 12
RETENTION_DAYS = 365
_STAMP = re.compile(r"-(?P<label>[A-Za-z0-9_.-]+?)-(?P<stamp>\d{8}T\d{12}Z)\.sqlite3$")


@dataclass(frozen=True)
class Backup:
    path: Path
    created: dt.datetime  # UTC
    label: str
    size: int


def default_backup_dir(database: Path) -> Path:
    return database.parent / "backups"


def backup_sqlite(database: Path, *, dest_dir: Path, label: str) -> Path:
    """Copy ``database`` into ``dest_dir`` as ``<stem>-<label>-<UTC time>.sqlite3`` and return it.

    The copy is written to a temporary file, checked, then renamed, so a half-written backup
    never carries the final name.
    """
    dest_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    final = dest_dir / f"{database.stem}-{label}-{stamp}.sqlite3"
    temporary = final.with_suffix(".tmp")
    try:
        # Private from its first byte (names and e-mail addresses): SQLite would create it 0644.
        create_private(temporary)
        source = sqlite3.connect(read_only_uri(database), uri=True)
        try:
            target = sqlite3.connect(temporary)
            try:
                source.backup(target)
                (result,) = target.execute("PRAGMA quick_check").fetchone()
                if result != "ok":
                    raise sqlite3.DatabaseError(f"backup copy failed its check: {result}")
            finally:
                target.close()
        finally:
            source.close()
        os.replace(temporary, final)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise
    return final


def list_backups(database: Path, backup_dir: Path | None = None) -> list[Backup]:
    """The backups of ``database``, newest first."""
    folder = backup_dir or default_backup_dir(database)
    found = []
    if folder.is_dir():
        for path in folder.glob(f"{database.stem}-*.sqlite3"):
            match = _STAMP.search(path.name)
            if match is None:
                continue
            created = dt.datetime.strptime(match["stamp"], "%Y%m%dT%H%M%S%fZ").replace(
                tzinfo=dt.UTC
            )
            found.append(Backup(path, created, match["label"], path.stat().st_size))
    return sorted(found, key=lambda backup: backup.created, reverse=True)


def make_backup(
    database: Path, *, label: str, retention_days: int, backup_dir: Path | None = None
) -> Backup:
    """A checked copy now, then the rotation with the user's ``retention_days``; returns it."""
    folder = backup_dir or default_backup_dir(database)
    # Changes only in the WAL are lost if it is deleted: at each backup none are left there.
    # Before the copy, not after, so the files' times stay older than the backup's.
    checkpoint_file(database)
    path = backup_sqlite(database, dest_dir=folder, label=label)
    prune(database, backup_dir=folder, retention_days=retention_days)
    return next(backup for backup in list_backups(database, folder) if backup.path == path)


def changed_since_last_backup(database: Path, backup_dir: Path | None = None) -> bool:
    """Whether the database (or its WAL) was written after the newest backup was made."""
    backups = list_backups(database, backup_dir)
    if not backups:
        return database.exists()
    newest = backups[0].created.timestamp()
    files = [database, database.with_name(database.name + "-wal")]
    return any(path.exists() and path.stat().st_mtime > newest for path in files)


def keep(
    backups: list[Backup], now: dt.datetime, retention_days: int = RETENTION_DAYS
) -> set[Path]:
    """Which backups the rotation keeps (``backups`` newest first)."""
    kept = {backup.path for backup in backups[:KEEP_RECENT]}
    days: set[dt.date] = set()
    months: set[tuple[int, int]] = set()
    for backup in backups:
        age = now - backup.created
        if age <= dt.timedelta(days=KEEP_DAILY_DAYS) and backup.created.date() not in days:
            days.add(backup.created.date())
            kept.add(backup.path)
        month = (backup.created.year, backup.created.month)
        if age <= dt.timedelta(days=31 * KEEP_MONTHLY) and month not in months:
            months.add(month)
            kept.add(backup.path)
    limit = now - dt.timedelta(days=retention_days)
    return {path for path in kept if _created(backups, path) >= limit}


def _created(backups: list[Backup], path: Path) -> dt.datetime:
    return next(backup.created for backup in backups if backup.path == path)


def prune(
    database: Path,
    *,
    retention_days: int,
    backup_dir: Path | None = None,
    now: dt.datetime | None = None,
) -> list[Path]:
    """Delete the backups the rotation does not keep; returns what was deleted.

    ``retention_days`` is the user's setting, given by the caller: storage reads no settings.
    """
    backups = list_backups(database, backup_dir)
    kept = keep(backups, now or dt.datetime.now(dt.UTC), retention_days)
    kept |= protected_backups(database)  # offered for a restore the coach has not chosen yet
    removed = []
    for backup in backups:
        if backup.path not in kept:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def check_backup(path: Path) -> None:
    """Raise ``StorageError`` unless ``path`` is an intact SQLite copy of a worksession database."""
    try:
        connection = sqlite3.connect(read_only_uri(path, immutable=True), uri=True)
        try:
            (result,) = connection.execute("PRAGMA quick_check").fetchone()
            (application_id,) = connection.execute("PRAGMA application_id").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise StorageError(
            _("{path} is not a usable backup: {reason}").format(path=path, reason=error)
        ) from error
    if result != "ok" or not is_ours(application_id):
        raise StorageError(_("{path} is not a usable worksession backup.").format(path=path))


def restore_backup(
    database: Path, backup: Path, *, retention_days: int, backup_dir: Path | None = None
) -> Backup | None:
    """Replace the live database with ``backup``, after a copy of the current state.

    Returns that copy (None when there was no database, e.g. after a damaged one was set
    aside), so the restore itself can be undone by restoring it. People erased after the
    backup was made are erased again (the list beside the database).
    """
    check_backup(backup)
    safety = None
    if database.exists():
        safety = make_backup(
            database, label="before-restore", retention_days=retention_days, backup_dir=backup_dir
        )
    if not database.exists():
        create_private(database)  # 0600 from the start, like every file the app makes
    source = sqlite3.connect(read_only_uri(backup, immutable=True), uri=True)
    try:
        target = sqlite3.connect(database)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    os.chmod(database, PRIVATE)  # a database of an older version may have been 0644
    # Imported here: the operations bring the table models, which listing sessions does not need.
    from worksession.storage.operations.privacy import reapply_erasures_to_file

    reapply_erasures_to_file(database)
    clear_choice(database)  # the coach chose: a later start opens the restored database
    return safety
