"""The participants' paper evaluation forms, typed in after the session as fast as a keyboard
allows: score, Tab, what they take away, Tab, what could be better, Enter — and the next form.

The mean and the count above the table follow every form typed, changed or removed. A score
that is no whole number 1–10 is refused as the form is added (or the cell left), naming the
field, and nothing is written; the coach's typing stays in the fields to correct.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from worksession.domain.feedback import feedback_summary, summary_line
from worksession.domain.models import FeedbackForm
from worksession.domain.validation import LONG_TEXT_MAX
from worksession.i18n import N_, _
from worksession.storage.operations.feedback_forms import (
    add_feedback_form,
    list_feedback_forms,
    update_feedback_form,
)
from worksession.ui.session.column_fit import ColumnFit
from worksession.ui.session.commands import AddCommand, EditCommand, RemoveCommand
from worksession.ui.session.controller import SessionController
from worksession.ui.session.delegates import CellDelegate, TextLimitDelegate
from worksession.ui.session.record_model import Column, RecordTableModel

Index = QModelIndex | QPersistentModelIndex

# The headers are the labels the field rules' messages use (``domain/field_labels.py``).
COLUMNS = (
    Column("score", N_("Score (1–10)"), kind="int"),
    Column("takeaway", N_("What do you take away?")),
    Column("to_improve", N_("What could be better?")),
)
SCORE_CHARACTERS = 4  # "10" and a little room: the answers get the width


def typed_score(text: str) -> object:
    """What the coach typed as a score: None when empty, a whole number when it is one, else
    the text itself, which the field rules then refuse by name and value ("7,5", "acht")."""
    stripped = text.strip()
    if not stripped:
        return None
    if stripped.isascii() and stripped.isdigit():
        return int(stripped)
    return stripped


class ScoreDelegate(CellDelegate):
    """A score cell edited as text, so that a wrong score reaches the rules and is named."""

    def new_editor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setMaxLength(8)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, typed_score(editor.text()), Qt.ItemDataRole.EditRole)


class FeedbackFormsPanel(QWidget):
    """The forms typed so far, their mean and count, and the fields for the next form."""

    def __init__(self, controller: SessionController) -> None:
        super().__init__()
        self.controller = controller
        self.summary = QLabel()
        self.summary.setObjectName("feedbackSummary")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.summary.setAccessibleName(_("Mean score and number of forms"))

        self.model = RecordTableModel(COLUMNS, self._write)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(_("Evaluation forms"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)  # Tab goes on to the fields of the next form
        self._delegates = [ScoreDelegate(self.view), TextLimitDelegate(LONG_TEXT_MAX, self.view)]
        self.view.setItemDelegateForColumn(0, self._delegates[0])
        for column in (1, 2):
            self.view.setItemDelegateForColumn(column, self._delegates[1])
        self.column_fit = ColumnFit(self.view)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)

        self.score = QLineEdit()
        self.score.setMaxLength(8)
        self.score.setPlaceholderText(_("Score"))
        self.score.setAccessibleName(_("Score (1–10) of the next form"))
        self.score.setMaximumWidth(self.score.fontMetrics().averageCharWidth() * 10)
        self.takeaway = QLineEdit()
        self.takeaway.setPlaceholderText(_("What do you take away?"))
        self.takeaway.setAccessibleName(_("What the participant takes away, next form"))
        self.to_improve = QLineEdit()
        self.to_improve.setPlaceholderText(_("What could be better?"))
        self.to_improve.setAccessibleName(_("What could be better, next form"))
        for field in (self.takeaway, self.to_improve):
            field.setMaxLength(LONG_TEXT_MAX)
        for field in self.entries:
            field.returnPressed.connect(self.add_from_entry)
        self.add_button = QPushButton(_("Add form"))
        self.add_button.setAccessibleName(_("Add the form typed"))
        self.add_button.clicked.connect(self.add_from_entry)
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.setAccessibleName(_("Remove the selected form"))
        self.remove_button.clicked.connect(self.remove_selected)

        entry_row = QHBoxLayout()
        entry_row.addWidget(self.score)
        entry_row.addWidget(self.takeaway, stretch=1)
        entry_row.addWidget(self.to_improve, stretch=1)
        entry_row.addWidget(self.add_button)
        entry_row.addWidget(self.remove_button)
        hint = QLabel(_("Score, Tab, answer, Tab, answer, Enter: the next form."))
        hint.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, stretch=1)
        layout.addLayout(entry_row)
        layout.addWidget(hint)
        QWidget.setTabOrder(self.score, self.takeaway)
        QWidget.setTabOrder(self.takeaway, self.to_improve)
        QWidget.setTabOrder(self.to_improve, self.add_button)
        self._sized_for_rows = -1
        self.refresh()

    @property
    def entries(self) -> tuple[QLineEdit, QLineEdit, QLineEdit]:
        return self.score, self.takeaway, self.to_improve

    def refresh(self) -> None:
        controller = self.controller
        rows = list_feedback_forms(db=controller.db, session_id=controller.session_id)
        self.model.set_rows(rows)
        self.summary.setText(
            summary_line(feedback_summary(controller.document.get("feedback_forms", [])))
        )
        if self.model.rowCount() != self._sized_for_rows:
            self._sized_for_rows = self.model.rowCount()
            self.column_fit.fit()

    def find_text(self, text: str) -> bool:
        """Select the first form whose answers contain ``text``; True when there is one."""
        needle = text.casefold()
        for row in range(self.model.rowCount()):
            for column in (1, 2):
                value = self.model.data(self.model.index(row, column))
                if isinstance(value, str) and needle in value.casefold():
                    self.view.setCurrentIndex(self.model.index(row, column))
                    self.view.scrollTo(self.view.currentIndex())
                    return True
        return False

    def add_from_entry(self) -> None:
        """Store the form typed (unless every field is empty) and go on to the next one."""
        score = typed_score(self.score.text())
        takeaway, to_improve = self.takeaway.text(), self.to_improve.text()
        if score is None and not takeaway.strip() and not to_improve.strip():
            self.score.setFocus()
            return
        controller = self.controller
        command = AddCommand(
            _("Add {noun}").format(noun=_("evaluation form")),
            controller.db,
            FeedbackForm,
            lambda: add_feedback_form(
                db=controller.db,
                session_id=controller.session_id,
                score=score,  # type: ignore[arg-type]  # a wrong one is refused by the rules
                takeaway=takeaway,
                to_improve=to_improve,
            ),
        )
        if not controller.execute(command):
            # Refused (the banner names the field): the typing stays, the score is selected.
            self.score.setFocus()
            self.score.selectAll()
            return
        for field in self.entries:
            field.clear()
        self.score.setFocus()
        self.view.scrollToBottom()

    def remove_selected(self) -> None:
        if self.view.state() == QAbstractItemView.State.EditingState:
            return  # Delete in a cell being edited belongs to its text
        index = self.view.currentIndex()
        if not index.isValid():
            return
        form_id = int(self.model.row_at(index.row()).id)
        number = index.row() + 1
        command = RemoveCommand(
            _("Remove form {number}").format(number=number),
            self.controller.db,
            FeedbackForm,
            form_id,
        )
        if self.controller.execute(command):
            self.controller.notice.emit(
                _("Form {number} removed — Ctrl+Z restores").format(number=number)
            )

    def _write(self, row: Any, field: str, value: object) -> bool:
        form_id = int(row.id)
        command = EditCommand(
            _("Edit {noun}").format(noun=_("evaluation form")),
            lambda values: update_feedback_form(db=self.controller.db, form_id=form_id, **values),
            {field: getattr(row, field)},
            {field: value},
        )
        return self.controller.execute(command)
