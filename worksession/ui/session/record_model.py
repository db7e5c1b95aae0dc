"""A thin, editable table model over domain rows, described by its columns.

Edits go back through ``write(row, field, value)``, which runs an undoable operation and says
whether it was accepted; the model itself never touches storage.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from worksession.i18n import _

Index = QModelIndex | QPersistentModelIndex
ColumnKind = Literal["text", "bool", "choice", "int"]


Choices = tuple[tuple[Any, str], ...]  # (stored value, label)


@dataclass(frozen=True)
class Column:
    field: str
    header: str  # marked with N_, translated when shown
    kind: ColumnKind = "text"
    choices: Choices | Callable[[], Choices] = ()  # a callable when they change (people)
    editable: bool = True
    # A choice that changes only when picked from the open list (``ExplicitChoiceDelegate``).
    explicit: bool = False
    # Stored values of a choice shown as an empty cell (the usual "none" of a column).
    blank: tuple[Any, ...] = ()

    def choice_list(self) -> Choices:
        return self.choices() if callable(self.choices) else self.choices


class RecordTableModel(QAbstractTableModel):
    def __init__(
        self, columns: Sequence[Column], write: Callable[[Any, str, object], bool]
    ) -> None:
        super().__init__()
        self.columns = tuple(columns)
        self._write = write
        self._rows: list[Any] = []
        self._shown_columns: tuple[Column, ...] = ()
        # What a cell held when its editor opened: the window may read another program's
        # change to that cell while the coach types, and storing over it must say so.
        self._started: dict[tuple[object, str], object] = {}
        self.replaced: Callable[[str, str], None] | None = None  # (column, text it replaced)
        # A mark after a row's number and what it means (a stakeholder new since the first
        # session), or None: a page that marks rows sets it.
        self.row_mark: Callable[[Any], tuple[str, str] | None] | None = None

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show ``rows``; when they are the same records as before, only changed rows repaint.

        A reset after every save made the view forget its layout and repaint every cell.
        """
        new = list(rows)
        if self.columns != self._shown_columns or _ids(new) != _ids(self._rows):
            self.beginResetModel()
            self._rows, self._shown_columns = new, self.columns
            self.endResetModel()
            return
        old, self._rows = self._rows, new
        last = self.columnCount() - 1
        for number, (before, after) in enumerate(zip(old, new, strict=True)):
            if before != after:
                self.dataChanged.emit(self.index(number, 0), self.index(number, last))
        people = [n for n, column in enumerate(self.columns) if callable(column.choices)]
        if people and new:
            # Labels from a changing list (a renamed participant) may differ in unchanged rows.
            self.dataChanged.emit(self.index(0, min(people)), self.index(len(new) - 1, max(people)))

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.columns[section].header)
        mark = self._mark(section)
        if role == Qt.ItemDataRole.DisplayRole:
            number = str(section + 1)  # a row's number: the key where a drawing numbers the rows
            return f"{number} {mark[0]}" if mark else number
        if role == Qt.ItemDataRole.ToolTipRole and mark:
            return mark[1]
        return None

    def _mark(self, section: int) -> tuple[str, str] | None:
        if self.row_mark is None or not 0 <= section < len(self._rows):
            return None
        return self.row_mark(self._rows[section])

    def marks_changed(self) -> None:
        """The row marks mean something else now: show them again."""
        if self._rows:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._rows) - 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        column = self.columns[index.column()]
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if column.editable and column.kind == "bool":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif column.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        value = getattr(self._rows[index.row()], column.field)
        if column.kind == "bool":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            if column.kind == "choice":
                if value in column.blank:
                    return ""
                return _(dict(column.choice_list()).get(value, "" if value is None else str(value)))
            return "" if value is None else value
        return None

    def editing_started(self, index: Index) -> None:
        """An editor opened on ``index``: remember what the cell holds now."""
        row, column = self._rows[index.row()], self.columns[index.column()]
        self._started[_key(row, index.row(), column)] = getattr(row, column.field)

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, column = self._rows[index.row()], self.columns[index.column()]
        current = getattr(row, column.field)
        started = self._started.pop(_key(row, index.row(), column), current)
        if column.kind == "bool" and role == Qt.ItemDataRole.CheckStateRole:
            value = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        elif role != Qt.ItemDataRole.EditRole:
            return False
        if current == value:
            return False
        shown = str(self.data(index, Qt.ItemDataRole.DisplayRole) or "")
        if not self._write(row, column.field, value):
            return False
        if started != current and self.replaced is not None:
            self.replaced(_(column.header), shown)  # stored over another program's value
        return True


def _key(row: Any, number: int, column: Column) -> tuple[object, str]:
    return getattr(row, "id", number), column.field


def _ids(rows: Sequence[Any]) -> list[object]:
    return [getattr(row, "id", None) for row in rows]
