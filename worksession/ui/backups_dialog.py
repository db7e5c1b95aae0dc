"""Back-ups: the copies of the database with their date and size; restore one (the current
state is backed up first, so a restore can be undone the same way)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from worksession.i18n import _
from worksession.storage.backups import list_backups, make_backup, restore_backup
from worksession.storage.errors import StorageError
from worksession.user.settings import backup_retention_days


def size_text(size: int) -> str:
    return f"{size / 1024:.0f} kB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


class BackupsDialog(QDialog):
    def __init__(
        self,
        database: Path,
        *,
        before_restore: Callable[[], None],
        after_restore: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Backups"))
        self.resize(720, 420)
        self.database = database
        self._before, self._after = before_restore, after_restore
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(_("Backups"))
        self.table.setHorizontalHeaderLabels([_("Date"), _("Size"), _("Reason")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        where = QLabel(_("Kept in {folder}").format(folder=database.parent / "backups"))
        where.setWordWrap(True)
        self.backup_button = QPushButton(_("Back up now"))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(_("Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(where)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.backups = list_backups(self.database)
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            cells = (
                backup.created.astimezone().strftime("%d-%m-%Y %H:%M:%S"),
                size_text(backup.size),
                backup.label,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.restore_button.setEnabled(bool(self.backups))

    def backup_now(self) -> None:
        try:
            make_backup(self.database, label="manual", retention_days=backup_retention_days())
        except OSError as error:
            QMessageBox.warning(self, _("No backup made"), str(error))
        self.refresh()

    def restore_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        backup = self.backups[row]
        when = backup.created.astimezone().strftime("%d-%m-%Y %H:%M")
        answer = QMessageBox.question(
            self,
            _("Restore backup"),
            _(
                "Replace everything with the backup of {when}? The current state is backed up "
                "first, so you can go back to it."
            ).format(when=when),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(backup.path)

    def restore(self, path: Path) -> bool:
        self._before()
        try:
            restore_backup(self.database, path, retention_days=backup_retention_days())
        except (StorageError, OSError) as error:
            QMessageBox.warning(self, _("Not restored"), str(error))
            return False
        finally:
            self._after()
        self.refresh()
        return True
