"""Automatic backups while the app runs: at start when the database changed since the last copy,
and every 30 minutes while changes are being made."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from worksession.storage.backups import Backup, changed_since_last_backup, make_backup
from worksession.user.settings import backup_retention_days

INTERVAL_MS = 30 * 60 * 1000


class BackupTimer(QObject):
    made = Signal(object)  # the Backup
    failed = Signal(str)

    def __init__(self, database: Path, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__()
        self.database = database
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(lambda: self.backup_if_changed("auto"))
        self.timer.start()

    def backup_if_changed(self, label: str) -> Backup | None:
        if not changed_since_last_backup(self.database):
            return None
        try:
            backup = make_backup(self.database, label=label, retention_days=backup_retention_days())
        except OSError as error:  # a full disk: say so, the work itself is safe in the database
            self.failed.emit(str(error))
            return None
        self.made.emit(backup)
        return backup
