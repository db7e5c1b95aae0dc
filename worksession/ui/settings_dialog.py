"""Preferences: the language of the app (Dutch by default), applied at the next start; how long
backups are kept; the team archive's address."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from worksession.i18n import _
from worksession.user.settings import SETTINGS, load_settings, save_setting
from worksession.workflows.archive_address import EXAMPLE, FIELD, archive_problem

LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Settings"))
        stored = load_settings()
        self.language = QComboBox()
        self.language.setAccessibleName(_("Language"))
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(stored["language"])))
        self.retention = QComboBox()
        self.retention.setAccessibleName(_("Keep backups for"))
        for days in SETTINGS["backup_retention_days"].choices:
            self.retention.addItem(_("{days} days").format(days=days), days)
        days = stored["backup_retention_days"]
        self.retention.setCurrentIndex(max(0, self.retention.findData(days)))
        note = QLabel(_("A change of language takes effect when the app starts again."))
        note.setWordWrap(True)
        self.archive = QLineEdit(stored["team_archive"])
        self.archive.setAccessibleName(_(FIELD))
        self.archive.setPlaceholderText(EXAMPLE)
        archive_note = QLabel(
            _(
                "The team's PostgreSQL database that sessions are published to and fetched "
                "from. Leave empty to work without one. Keep the password in the server's "
                "password file (.pgpass), not in this address."
            )
        )
        archive_note.setWordWrap(True)
        # Why the address typed cannot be used: said here, nothing is stored.
        self.problem = QLabel()
        self.problem.setObjectName("settingsProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # the value typed, as typed
        self.problem.setStyleSheet("#settingsProblem { color: #a4262c; }")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("&Language"), self.language)
        form.addRow(_("&Keep backups for"), self.retention)
        form.addRow(note)
        form.addRow(_("&Team archive"), self.archive)
        # The long notes below the form, not in its rows: a wrapped label in a form row is
        # given the height of one line and overlaps the next.
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(archive_note)
        column.addWidget(self.problem)
        column.addWidget(self.buttons)
        # As big as what it shows, and no more: a dialog that can be resized gets the window
        # manager's resize strip under its buttons (an empty band at the bottom), and grows and
        # shrinks with the message on a refused address by itself.
        column.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        self.archive.setMinimumWidth(400)

    def accept(self) -> None:
        problem = archive_problem(self.archive.text())
        if problem is not None:
            self.problem.setText(problem)
            self.problem.show()
            self.archive.setFocus()
            self.archive.selectAll()
            return
        save_setting("language", self.language.currentData())
        save_setting("backup_retention_days", self.retention.currentData())
        save_setting("team_archive", self.archive.text().strip())
        super().accept()
