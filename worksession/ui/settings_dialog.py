"""Preferences: the language of the app (Dutch by default), applied at the next start."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from worksession.i18n import _
from worksession.user.settings import SETTINGS, load_settings, save_setting

LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Settings"))
        self.language = QComboBox()
        self.language.setAccessibleName(_("Language"))
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        current = load_settings()["language"]
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.retention = QComboBox()
        self.retention.setAccessibleName(_("Keep backups for"))
        for days in SETTINGS["backup_retention_days"].choices:
            self.retention.addItem(_("{days} days").format(days=days), days)
        stored = load_settings()["backup_retention_days"]
        self.retention.setCurrentIndex(max(0, self.retention.findData(stored)))
        note = QLabel(_("A change of language takes effect when the app starts again."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("Language"), self.language)
        form.addRow(_("Keep backups for"), self.retention)
        form.addRow(note)
        form.addRow(self.buttons)

    def accept(self) -> None:
        save_setting("language", self.language.currentData())
        save_setting("backup_retention_days", self.retention.currentData())
        super().accept()
