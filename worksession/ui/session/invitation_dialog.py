"""The invitation to a session: the text made from the session, to adjust, copy to the
clipboard or save as a text file, and the session as a calendar invitation (``.ics``).

The text is made once, when the dialog opens; what the coach changes in it is what is copied
and saved (it is not stored with the session: the next opening makes it afresh). The calendar
invitation is made under the session's calendar identity (``export.calendar``), as the plan's
calendar is: the same UID each time, a SEQUENCE that rises with the session's changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from worksession.domain.document_types import InterchangeDocument
from worksession.export.invitation import invitation_text
from worksession.export.programme_sheet import ProgrammeSheet
from worksession.i18n import _
from worksession.ui.file_places import remember_folder, suggested_path
from worksession.workflows.export_targets import RefusedTarget, write_export

if TYPE_CHECKING:
    from worksession.export.calendar import CalendarIdentity


class InvitationDialog(QDialog):
    def __init__(
        self,
        document: InterchangeDocument,
        sheet: ProgrammeSheet,
        *,
        identity: CalendarIdentity,
        database: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Invitation"))
        self.sheet, self.identity, self.database = sheet, identity, database
        self.text = QPlainTextEdit(invitation_text(document, sheet))
        self.text.setAccessibleName(_("Invitation text"))
        self.text.setTabChangesFocus(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.copy_button = QPushButton(_("&Copy"))
        self.copy_button.setToolTip(_("Copy the text, to paste it into an e-mail"))
        self.copy_button.clicked.connect(self.copy)
        self.save_button = QPushButton(_("&Save as text…"))
        self.save_button.clicked.connect(self.choose_text_file)
        self.ics_button = QPushButton(_("Calendar &invitation (.ics)…"))
        self.ics_button.setToolTip(
            _("The session as an appointment for the participants' calendars")
        )
        self.ics_button.clicked.connect(self.choose_ics_file)
        # Without a date there is nothing to put in a calendar.
        self.ics_button.setEnabled(sheet.date is not None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.copy_button, self.save_button, self.ics_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, stretch=1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.copy_button.setDefault(True)
        # Tab from the text reaches the buttons in the order they are shown (the box puts its
        # Close first), and the dialog opens on Copy: Enter copies, as the coach came to do.
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        QWidget.setTabOrder(self.text, self.copy_button)
        QWidget.setTabOrder(self.copy_button, self.save_button)
        QWidget.setTabOrder(self.save_button, self.ics_button)
        QWidget.setTabOrder(self.ics_button, close)
        self.copy_button.setFocus()
        width = self.text.fontMetrics().horizontalAdvance("m" * 60)
        self.resize(width + 80, 560)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.message.setText(_("Copied: paste it into an e-mail or a newsletter."))

    def choose_text_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save the invitation"),
            suggested_path(self._suggested(".txt")),
            _("Text (*.txt)"),
        )
        if path:
            remember_folder(path)
            self.save_text(Path(path))

    def choose_ics_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save the calendar invitation"),
            suggested_path(self._suggested(".ics")),
            _("Calendar (*.ics)"),
        )
        if path:
            remember_folder(path)
            self.save_ics(Path(path))

    def save_text(self, path: Path) -> bool:
        # UTF-8 with a BOM: Windows' Notepad then shows "één" and "–" as typed.
        return self._write(path, self.text.toPlainText().encode("utf-8-sig"))

    def save_ics(self, path: Path) -> bool:
        if self.sheet.date is None:
            return False
        # Here, not at the top: icalendar loads when a calendar is made, not with the window.
        from worksession.export.calendar import invitation_calendar_bytes

        data = invitation_calendar_bytes(
            self.sheet, self.identity, description=self.text.toPlainText()
        )
        return self._write(path, data)

    def _write(self, path: Path, data: bytes) -> bool:
        try:
            write_export(path, data, database=self.database)
        except RefusedTarget as error:  # names the file and why
            self.message.setText(_("Not saved: {reason}").format(reason=error))
            return False
        except OSError as error:
            reason = f"{path}: {error.strerror or error}"
            self.message.setText(_("Not saved: {reason}").format(reason=reason))
            return False
        self.message.setText(_("Saved as {path}").format(path=path))
        return True

    def _suggested(self, suffix: str) -> str:
        return (_("Invitation {title}").format(title=self.sheet.title) + suffix).replace("/", "-")
