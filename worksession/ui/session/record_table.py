"""An editable list of records with keyboard-fast entry: type a name, Enter, the next one.

Every edit, addition and removal is one undoable command through the session controller.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import SQLModel

from worksession.domain.validation import SHORT_TEXT_MAX, record_of_table, text_limit
from worksession.i18n import _
from worksession.storage.operations.removal_effects import removal_effects
from worksession.ui.session.column_fit import ColumnFit
from worksession.ui.session.commands import (
    AddCommand,
    EditCommand,
    RemoveCommand,
    replaced_caution,
)
from worksession.ui.session.controller import SessionController
from worksession.ui.session.delegates import (
    CellDelegate,
    ChoiceDelegate,
    ExplicitChoiceDelegate,
    TextLimitDelegate,
)
from worksession.ui.session.record_model import Column, RecordTableModel
from worksession.ui.session.removal_question import confirm_removal

# Columns fit the widest of this many rows: measuring every row of a long list costs a frame.
CONTENT_WIDTH_ROWS = 40


class RecordTable(QWidget):
    def __init__(
        self,
        controller: SessionController,
        *,
        model: type[SQLModel],
        columns: Sequence[Column],
        rows: Callable[[], Sequence[Any]],
        add: Callable[[str], SQLModel],
        update: Callable[[int, dict[str, Any]], object],
        placeholder: str,
        noun: str,
    ) -> None:
        super().__init__()
        self.controller = controller
        self._record_model, self._rows, self._add, self._update = model, rows, add, update
        self._noun = noun
        self._just_added: str | None = None  # what Enter added last, until the next typing
        self._warned_for: str | None = None  # a duplicate name the coach was warned about
        # A page whose rows are views (not domain rows) maps edits itself.
        self.write_override: Callable[[Any, str, object], bool] | None = None
        self.model = RecordTableModel(columns, self._dispatch_write)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(noun)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        # Tab leaves the table for its add field, as everywhere else; otherwise it walks every
        # cell and a keyboard user is stuck in a long table. Arrows move between cells.
        self.view.setTabKeyNavigation(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setResizeContentsPrecision(CONTENT_WIDTH_ROWS)
        self._sized_for_rows = -1
        self.column_fit = ColumnFit(self.view)
        self._delegates: list[QStyledItemDelegate] = []
        record = record_of_table(str(getattr(model, "__tablename__", "")))
        entry_limit: int | None = None
        for number, column in enumerate(columns):
            limit = text_limit(record, column.field) if column.kind == "text" else None
            delegate: QStyledItemDelegate | None = None
            if column.kind == "choice" and column.explicit:
                delegate = ExplicitChoiceDelegate(column, self.view)
            elif column.kind == "choice":
                delegate = ChoiceDelegate(column, self.view)
            elif limit is not None:
                # A cell, like a field, stops at what the record holds.
                delegate = TextLimitDelegate(limit, self.view)
                if column.editable and entry_limit is None:
                    entry_limit = limit  # the add field fills the first text column
            elif column.kind != "bool":
                delegate = CellDelegate(self.view)
            if delegate is not None:
                self._delegates.append(delegate)
                self.view.setItemDelegateForColumn(number, delegate)
        self.model.replaced = self._replaced

        self.entry = QLineEdit()
        self.entry.setPlaceholderText(placeholder)
        self.entry.setMaxLength(entry_limit or SHORT_TEXT_MAX)
        self.entry.setAccessibleName(placeholder)
        self.entry.returnPressed.connect(self.add_from_entry)
        self.entry.textEdited.connect(self._typed)
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.setAccessibleName(_("Remove the selected row"))
        self.remove_button.clicked.connect(self.remove_selected)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)

        entry_row = QHBoxLayout()
        entry_row.addWidget(self.entry, stretch=1)
        entry_row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, stretch=1)
        layout.addLayout(entry_row)
        self.refresh()

    def refresh(self) -> None:
        current = self.view.currentIndex()
        self.model.set_rows(self._rows())
        if current.isValid() and current.row() < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(current.row(), current.column()))
        if self.model.rowCount() == self._sized_for_rows:
            return  # an edit in place: the columns keep their widths and the view stays calm
        self._sized_for_rows = self.model.rowCount()
        self.column_fit.fit()

    def suggest(self, names: Iterable[str]) -> None:
        """Offer ``names`` (a catalogue) while typing in the add field, matching anywhere."""
        completer = QCompleter(sorted(names), self.entry)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        # Enter on a suggestion reaches the field (which adds it and clears) before the
        # completer writes the suggestion into the field again: clear it once more, or the
        # next Enter adds a second one.
        completer.activated.connect(self._suggestion_taken)
        self.entry.setCompleter(completer)

    def _typed(self) -> None:
        self._just_added = None

    def _suggestion_taken(self, text: str) -> None:
        if self._just_added is not None and text.strip() == self._just_added:
            # The completer writes the text after this signal: clear once it has.
            QTimer.singleShot(0, lambda: self._clear_if(text))
        self._just_added = None

    def _clear_if(self, text: str) -> None:
        if self.entry.text() == text:
            self.entry.clear()

    def find_text(self, text: str, after: int = -1) -> bool:
        """Select the first row after ``after`` whose cells contain ``text``; True if found."""
        needle = text.casefold()
        for row in range(after + 1, self.model.rowCount()):
            for column in range(self.model.columnCount()):
                value = self.model.data(self.model.index(row, column))
                if isinstance(value, str) and needle in value.casefold():
                    self.view.setCurrentIndex(self.model.index(row, column))
                    self.view.scrollTo(self.view.currentIndex())
                    return True
        return False

    def add_from_entry(self) -> None:
        name = self.entry.text().strip()
        if not name:
            return
        existing = self._row_named(name)
        if existing >= 0 and self._warned_for != name:
            # Not added silently: say so and show it; Enter once more adds it all the same.
            self._warned_for = name
            self.view.setCurrentIndex(self.model.index(existing, 0))
            self.view.scrollTo(self.view.currentIndex())
            self.controller.notice.emit(
                _("“{name}” is already in the list — press Enter again to add it anyway.").format(
                    name=name
                )
            )
            return
        self._warned_for = None
        command = AddCommand(
            _("Add {noun}").format(noun=self._noun), self.controller.db, self._record_model,
            lambda: self._add(name),
        )  # fmt: skip
        if self.controller.execute(command):
            self._just_added = name
            self.entry.clear()

    def _row_named(self, name: str) -> int:
        """The row whose first column is ``name`` (case and spacing aside), or -1."""
        field = self.model.columns[0].field
        needle = " ".join(name.split()).casefold()
        for row in range(self.model.rowCount()):
            value = getattr(self.model.row_at(row), field, "")
            if isinstance(value, str) and " ".join(value.split()).casefold() == needle:
                return row
        return -1

    def remove_selected(self) -> None:
        """Remove the current row; first ask when other records change with it.

        Delete pressed in a cell being edited belongs to the text in it, never to the row.
        """
        if self.view.state() == QAbstractItemView.State.EditingState:
            return
        index = self.view.currentIndex()
        if not index.isValid():
            return
        row = self.model.row_at(index.row())
        name = _record_name(row) or self._noun
        effects = removal_effects(db=self.controller.db, model=self._record_model, row_id=row.id)
        if effects and not confirm_removal(self, name, effects.consequences):
            return
        command = RemoveCommand(
            _("Remove {name}").format(name=name),
            self.controller.db, self._record_model, int(row.id),
        )  # fmt: skip
        if self.controller.execute(command):
            self.controller.notice.emit(_("{name} removed — Ctrl+Z restores").format(name=name))

    def _replaced(self, column: str, text: str) -> None:
        self.controller.caution.emit(replaced_caution(column, text))

    def _dispatch_write(self, row: Any, field: str, value: object) -> bool:
        if self.write_override is not None:
            return self.write_override(row, field, value)
        return self._write(row, field, value)

    def _write(self, row: Any, field: str, value: object) -> bool:
        row_id = int(row.id)
        command = EditCommand(
            _("Edit {noun}").format(noun=self._noun),
            lambda values: self._update(row_id, values),
            {field: getattr(row, field)},
            {field: value},
        )
        return self.controller.execute(command)


def _record_name(row: Any) -> str:
    for field in ("name", "title", "what", "signal", "label", "text"):
        value = getattr(row, field, None)
        if isinstance(value, str) and value.strip():
            text = " ".join(value.split())
            return text if len(text) <= 60 else text[:59].rstrip() + "…"
    return ""
