"""After a damaged database: set it aside, offer the newest good backup, remember the offer.

The damaged file is never written to or replaced: it is renamed beside the database. Until the
coach restores the offered backup or chooses to start empty, every open is refused with the
same offer (the pending choice), so no new, empty database appears behind the coach's back.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from worksession.i18n import _
from worksession.storage.backups import Backup, check_backup, list_backups
from worksession.storage.errors import DatabaseRefused, StorageError
from worksession.storage.pending_choice import (
    PendingChoice,
    clear_choice,
    pending_choice,
    record_choice,
)


class DatabaseDamaged(DatabaseRefused):
    """The file is damaged; it was moved aside and a backup can be restored in its place."""

    def __init__(self, message: str, *, set_aside: Path, backup: Backup | None) -> None:
        super().__init__(message)
        self.set_aside = set_aside
        self.backup = backup  # the newest usable backup, if any


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


def start_empty(database: Path) -> None:
    """The coach chose to go on without the damaged data: the next open creates a new database.

    The damaged file and every backup stay where they are.
    """
    clear_choice(database)


def _newest_usable(path: Path, offered: Path | None) -> Backup | None:
    """The offered backup if it is still good, else the newest good one (None if there is none)."""
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
