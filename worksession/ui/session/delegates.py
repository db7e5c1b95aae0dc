"""Cell editors for the record tables: a combo box for fixed choices, text within its limit.

Every editor tells the table model what the cell held when it opened, so a value another
program stored while the coach typed is named when the coach's value replaces it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from worksession.i18n import _
from worksession.ui.session.record_model import Column, RecordTableModel
from worksession.ui.session.voting.choice_box import ChoiceBox

Index = QModelIndex | QPersistentModelIndex
COMBO_ARROW_ROOM = 28  # pixels of a combo box's arrow and frame beside its text


class CellDelegate(QStyledItemDelegate):
    """A cell editor that remembers, in the model, what the cell held when it opened."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = index.model()
        if isinstance(model, RecordTableModel):
            model.editing_started(index)
        return self.new_editor(parent, option, index)

    def new_editor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        return super().createEditor(parent, option, index)


class ChoiceDelegate(CellDelegate):
    def __init__(self, column: Column, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = column

    def new_editor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QComboBox(parent)
        for value, label in self.column.choice_list():
            editor.addItem(_(label), value)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class TextLimitDelegate(CellDelegate):
    """A text cell whose editor stops at what its field holds (the domain's limit)."""

    def __init__(self, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit

    def new_editor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = super().new_editor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setMaxLength(self.limit)
        return editor


class ExplicitChoiceDelegate(ChoiceDelegate):
    """A choice cell that changes only when an item is picked from the open list.

    The editor is a ``ChoiceBox``: a closed list ignores stray arrow keys, letters and the
    wheel; the list opens at once, and leaving it without picking (Esc, a click elsewhere)
    keeps the value — a participant's status must not change by accident."""

    def new_editor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = ChoiceBox(parent)
        for value, label in self.column.choice_list():
            editor.addItem(_(label), value)
        editor.setProperty("chosen", False)
        editor.activated.connect(lambda _index: self._chosen(editor))
        # Open once the view has placed it: F2 (or a double click) shows the choices at once,
        # so a keyboard user picks with the arrows and Enter instead of a closed list that
        # ignores them.
        QTimer.singleShot(0, editor, lambda: _open(editor))
        return editor

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # Room for the list's arrow: the open editor must show the whole word it holds.
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + COMBO_ARROW_ROOM, hint.height())

    def _chosen(self, editor: QComboBox) -> None:
        editor.setProperty("chosen", True)
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        if editor.property("chosen"):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def _open(editor: QComboBox) -> None:
    if editor.isVisible() and not editor.property("chosen"):
        editor.showPopup()
