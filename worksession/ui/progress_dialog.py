"""Voortgang vastleggen: the kartrekker's report on an agreement of a plan that is out.

A small form (agreement, status, date, what happened, who reported it) above the agreement's
log. Recording adds an entry to the progress log and changes nothing else: the signed plan is
not unfrozen, and entries are shown, never edited or removed. A refused value or a database
that cannot be written now is said in the dialog and nothing is recorded; the form keeps what
was typed so it can be corrected and recorded again.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import DBAPIError

from worksession.domain.field_labels import label_of, user_message
from worksession.domain.validation import ValidationError
from worksession.domain.values import AgreementStatus
from worksession.i18n import _
from worksession.storage.database import Database, waiting_at_most
from worksession.storage.errors import StorageError
from worksession.storage.operations.agreements import list_agreements
from worksession.storage.operations.people import list_participants
from worksession.storage.operations.progress import (
    current_statuses,
    progress_log,
    record_progress,
)
from worksession.storage.write_failures import explain_write_failure
from worksession.ui.follow_table_model import shown_date, status_label

LOCK_WAIT_MS = 1000  # a dialog waits this long for another program's lock, then says so
LOG_COLUMNS = 4
TOOLTIP = Qt.ItemDataRole.ToolTipRole  # an agreement's whole text, on hover


class DateField(QDateEdit):
    """A date typed day-month-year; Tab leaves the field (a date edit's own Tab steps through
    day, month and year, three presses to get past it in a form)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QAbstractSpinBox.focusNextPrevChild(self, next)


class ProgressDialog(QDialog):
    """Record progress on the agreements of one session; ``recorded`` says an entry was added."""

    recorded = Signal(int)  # the session id

    def __init__(
        self,
        db: Database,
        session_id: int,
        *,
        agreement_key: str | None = None,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.setWindowTitle(
            _("Record progress — {title}").format(title=title) if title else _("Record progress")
        )
        self.agreement = QComboBox()
        for agreement in list_agreements(db=db, session_id=session_id):
            what = " ".join(agreement.what.split())
            self.agreement.addItem(f"{agreement.key} · {what}", agreement.key)
            self.agreement.setItemData(self.agreement.count() - 1, agreement.what, TOOLTIP)
        self.agreement.setMinimumContentsLength(40)
        self.agreement.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status = QComboBox()
        for status in AgreementStatus:
            self.status.addItem(status.label, status.value)
        self.date = DateField(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd-MM-yyyy")
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab goes on to the next field, as in a form
        self.note.setMaximumHeight(90)
        self.reported_by = QComboBox()
        self.reported_by.setEditable(True)  # pick a participant or type anyone's name
        self.reported_by.addItem("")
        for person in list_participants(db=db, session_id=session_id):
            self.reported_by.addItem(person.name)
        self.reported_by.setCurrentIndex(0)
        # A typed name is a report's author, not a new entry of the list.
        self.reported_by.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        form = QFormLayout()
        for path, field in (
            ("agreement_progress.agreement", self.agreement),
            ("agreement_progress.status", self.status),
            ("agreement_progress.date", self.date),
            ("agreement_progress.note", self.note),
            ("agreement_progress.reported_by", self.reported_by),
        ):
            label = label_of(path) or path
            field.setAccessibleName(label)
            typed = field.lineEdit() if isinstance(field, QComboBox) else None
            if typed is not None:  # the name is typed in the list's own text field
                typed.setAccessibleName(label)
            form.addRow(label + ":", field)
        self.problem = QLabel()
        self.problem.setObjectName("progressProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("#progressProblem { color: #a4262c; }")
        self.problem.hide()
        self.log = QTableWidget(0, LOG_COLUMNS)
        self.log.setAccessibleName(_("Progress so far"))
        self.log.setHorizontalHeaderLabels(
            [_("Date"), _("Status"), _("What happened"), _("Reported by")]
        )
        self.log.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.log.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.log.verticalHeader().hide()
        self.log.setWordWrap(True)
        header = self.log.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.record_button = QPushButton(_("Record"))
        buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.ActionRole)
        # Return records (the box would otherwise make Close the default on show).
        for button in buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        self.record_button.setDefault(True)
        self.record_button.clicked.connect(self.record)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(QLabel(_("Progress so far (entries are kept, never changed):")))
        layout.addWidget(self.log, stretch=1)
        layout.addWidget(buttons)
        self.resize(720, 520)
        self.agreement.currentIndexChanged.connect(lambda _index: self._show_agreement())
        if agreement_key is not None:
            self.agreement.setCurrentIndex(max(0, self.agreement.findData(agreement_key)))
        self._show_agreement()
        enabled = self.agreement.count() > 0
        self.record_button.setEnabled(enabled)
        if not enabled:
            self._say(_("This session has no agreements to report on."))

    def chosen_key(self) -> str:
        return str(self.agreement.currentData() or "")

    def _show_agreement(self) -> None:
        """The chosen agreement's status now (the form's starting status) and its log."""
        key = self.chosen_key()
        if not key:
            return
        now = current_statuses(db=self.db, session_id=self.session_id).get(key)
        if now is not None:
            self.status.setCurrentIndex(max(0, self.status.findData(now)))
        self.agreement.setToolTip(str(self.agreement.currentData(TOOLTIP) or ""))
        self._show_log(key)

    def _show_log(self, key: str) -> None:
        entries = progress_log(db=self.db, session_id=self.session_id, agreement_key=key)
        self.log.setRowCount(len(entries))
        for row, entry in enumerate(reversed(entries)):  # the latest report on top
            texts = (shown_date(entry.date), status_label(entry.status), entry.note)
            for column, text in enumerate((*texts, entry.reported_by or "–")):
                self.log.setItem(row, column, QTableWidgetItem(text))
        self.log.resizeRowsToContents()

    def record(self) -> bool:
        """Record the form as one entry; True when it was stored, else the dialog says why."""
        key = self.chosen_key()
        if not key:
            return False
        on = self.date.date()
        try:
            with waiting_at_most(LOCK_WAIT_MS):
                record_progress(
                    db=self.db,
                    session_id=self.session_id,
                    agreement_key=key,
                    status=str(self.status.currentData()),
                    note=self.note.toPlainText(),
                    on=dt.date(on.year(), on.month(), on.day()),
                    reported_by=self.reported_by.currentText(),
                )
        except ValidationError as error:
            self._say(_("Not recorded: {reason}").format(reason=user_message(error)))
            return False
        except StorageError as error:
            self._say(_("Not recorded: {reason}").format(reason=error))
            return False
        except DBAPIError as error:
            self._say(_("Not recorded: {reason}").format(reason=self._write_failure(error)))
            return False
        self.problem.hide()
        self.note.clear()
        self._show_log(key)
        self.recorded.emit(self.session_id)
        return True

    def _write_failure(self, error: DBAPIError) -> str:
        explained = explain_write_failure(error, self.db.path)
        if explained is not None:
            return explained
        reason = getattr(error.orig, "args", [error])[0]
        return _(
            "the database cannot be written now ({reason}): another program may be using it. "
            "Try again in a moment; nothing was changed."
        ).format(reason=reason)

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
