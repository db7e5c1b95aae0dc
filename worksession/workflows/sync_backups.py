"""The backups a sync makes before it overwrites a side: the laptop's database file (or, on a
server, an archive of the one session) and an archive of the archive's session. Both go beside
the laptop's own backups: the archive's server has no folder of the app."""

from __future__ import annotations

from pathlib import Path

from worksession.storage.backups import make_backup
from worksession.storage.database import Database

BACKUP_LABEL = "before-fetch"


def archive_backup(remote: Database, session_id: int) -> Path:
    """An archive backup of the archive's session ``session_id`` before it is overwritten."""
    from worksession.storage.archive_backups import make_archive
    from worksession.user.locations import data_dir
    from worksession.user.settings import backup_retention_days

    made = make_archive(
        remote,
        folder=data_dir() / "backups",
        label="archive-before-publish",
        retention_days=backup_retention_days(),
        only=[session_id],
    )
    return made.path


def laptop_backup(db: Database, session_id: int) -> Path:
    """A backup of the laptop's side before a fetch overwrites its session ``session_id``."""
    from worksession.user.settings import backup_retention_days

    days = backup_retention_days()
    if db.path is not None:
        return make_backup(db.path, label=BACKUP_LABEL, retention_days=days).path
    from worksession.storage.archive_backups import make_archive
    from worksession.user.locations import data_dir

    folder = data_dir() / "backups"  # a server's database: beside the laptop's own backups
    made = make_archive(
        db, folder=folder, label=BACKUP_LABEL, retention_days=days, only=[session_id]
    )
    return made.path
