"""Plan controleren: what ``verify`` says of a plan PDF, and whether this archive recorded its
version and decisions — from the menu or by dropping a PDF on a window.

The headline says it in the user's language; below it the verdict lines are the same words
``worksession verify FILE --db`` prints, so a coach can compare them with what someone else ran.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from worksession.export.pdf.verify import Status
from worksession.i18n import _
from worksession.storage.database import Database
from worksession.ui.background import Job, start
from worksession.workflows.plan_archive import FileCheck, check_plan_file


def headline(check: FileCheck) -> str:
    """One sentence for the coach: what the file is."""
    status = check.verdict.status
    if status is Status.TAMPERED:
        return _("This plan was changed after it was made.")
    if status is Status.NOT_A_PLAN:
        return _("This file is not a worksession plan.")
    if status is Status.CANNOT_CHECK:
        return _("This version of worksession cannot check this plan.")
    archive = check.archive
    if archive is None:
        return _("This plan is unchanged.")
    if archive.matches:
        return _(
            "This plan is unchanged, and its version and decisions are the ones recorded here."
        )
    if archive.session_id is None:
        return _("This plan is unchanged, but this archive has no record of it.")
    return _("This plan is unchanged, but it differs from what this archive recorded.")


class PlanCheckDialog(QDialog):
    """Checks one file in the background and shows the answer."""

    checked = Signal(object)  # the FileCheck

    def __init__(self, path: Path, db: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Check a plan"))
        self.path = path
        self.check: FileCheck | None = None
        self.headline = QLabel(_("Checking {name}…").format(name=path.name))
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-weight: bold; font-size: 120%;")
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setMinimumWidth(820)
        # The lines are verify's own, to compare with what someone else ran: one line each,
        # not broken between "seal" and its fingerprint.
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(str(path)))
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.job = start(Job(lambda: _check(path, db)))
        self.job.signals.done.connect(self._show)
        self.job.signals.failed.connect(self._failed)

    def _show(self, check: FileCheck) -> None:
        self.check = check
        self.headline.setText(headline(check))
        lines = list(check.lines)
        if check.verdict.reason:
            lines += ["", _("Why: {reason}").format(reason=check.verdict.reason)]
        self.details.setPlainText("\n".join(lines))
        self.checked.emit(check)

    def _failed(self, error: object) -> None:
        reason = getattr(error, "strerror", None) or str(error)
        self.headline.setText(
            _("{path} cannot be read: {reason}").format(path=self.path, reason=reason)
        )
        self.checked.emit(None)


def _check(path: Path, db: Database | None) -> FileCheck:
    """Runs in the background: the file, checked with the certificates the coach trusts."""
    from worksession.workflows.certificates import trusted_certificates

    return check_plan_file(path.read_bytes(), db, trust=trusted_certificates())


def choose_and_check(parent: QWidget, db: Database | None) -> PlanCheckDialog | None:
    """Ask for a PDF and check it."""
    path, _filter = QFileDialog.getOpenFileName(parent, _("Check a plan"), "", _("PDF (*.pdf)"))
    return open_check(parent, Path(path), db) if path else None


def open_check(parent: QWidget, path: Path, db: Database | None) -> PlanCheckDialog:
    dialog = PlanCheckDialog(path, db, parent)
    dialog.open()
    return dialog
