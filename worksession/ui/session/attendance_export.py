"""The attendance actions of the session window: *Presentielijst (PDF)…* to print and sign
before the session, and *Aanwezigheid exporteren…* (XLSX, CSV or the registration numbers as
text) for the accreditation body after it.

Each asks for a file, refuses a file the app owns or a name of no kind at once, then makes the
file in the background and writes it atomically, as every export of the window is written
(``background_export``). The list is read from the session as the window shows it, after what
is still being typed is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from worksession.i18n import _
from worksession.ui.background import Job
from worksession.ui.file_places import remember_folder, suggested_path
from worksession.ui.session.background_export import BackgroundExport, with_suffix
from worksession.ui.session.controller import SessionController
from worksession.workflows.export_targets import write_export


class AttendanceExport(QObject):
    """The two actions (``list_action``, ``attendance_action``) and the work behind them."""

    def __init__(
        self, parent: QWidget, controller: SessionController, flush: Callable[[], None]
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.controller = controller
        self.flush = flush
        self.written: Path | None = None  # the last file written
        self.list_action = QAction(_("Attendance list (PDF)…"), parent)
        self.list_action.setToolTip(
            _("The presentielijst to print and sign: everyone invited or registered")
        )
        self.list_action.triggered.connect(self.choose_list)
        self.attendance_action = QAction(_("Export attendance…"), parent)
        self.attendance_action.setToolTip(
            _("Who was present, for the accreditation body: Excel, CSV or registration numbers")
        )
        self.attendance_action.triggered.connect(self.choose_attendance)
        self.exports = BackgroundExport(
            parent, controller, (self.list_action, self.attendance_action)
        )
        self.exports.written.connect(self._written)

    def _suggested(self, kind: str, suffix: str) -> str:
        title = str(self.controller.document["session"]["title"])
        return f"{kind} {title}{suffix}".replace("/", "-")

    def choose_list(self) -> Job | None:
        path, _filter = QFileDialog.getSaveFileName(
            self.parent_widget,
            _("Attendance list"),
            suggested_path(self._suggested(_("Attendance list"), ".pdf")),
            _("PDF (*.pdf)"),
        )
        remember_folder(path)
        return self.export_to(with_suffix(path, ".pdf")) if path else None

    def choose_attendance(self) -> Job | None:
        kinds = {
            _("Excel (*.xlsx)"): ".xlsx",
            _("CSV, separated by semicolons (*.csv)"): ".csv",
            _("Registration numbers, one per line (*.txt)"): ".txt",
        }
        path, chosen = QFileDialog.getSaveFileName(
            self.parent_widget,
            _("Export attendance"),
            suggested_path(self._suggested(_("Attendance record"), ".xlsx")),
            ";;".join(kinds),
        )
        remember_folder(path)
        return self.export_to(with_suffix(path, kinds.get(chosen, ".xlsx"))) if path else None

    def export_to(self, path: Path) -> Job | None:
        """Make and write the file ``path`` names (its suffix says which); None when refused."""
        # Loaded when a file is asked for, not with every session window.
        from worksession.domain.attendance_sheet import attendance_sheet
        from worksession.workflows.attendance_export import (
            attendance_kind,
            check_attendance_target,
            make_attendance,
        )

        self.flush()
        database = self.controller.db.path
        sheet = attendance_sheet(self.controller.document)  # read on the GUI thread

        def work() -> None:
            write_export(path, make_attendance(sheet, attendance_kind(path)), database=database)

        return self.exports.run(
            path,
            lambda: check_attendance_target(path, database=database),
            work,
            label=_("Making the attendance file…"),
        )

    def _written(self, path: Path) -> None:
        self.written = path


def action_button(action: QAction) -> QPushButton:
    """A push button that triggers ``action`` and is enabled when it is."""
    button = QPushButton(action.text())
    button.setToolTip(action.toolTip())
    button.setAccessibleDescription(action.toolTip())
    button.clicked.connect(action.trigger)
    action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
    return button
