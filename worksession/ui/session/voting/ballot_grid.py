"""Typing the ballots with the keyboard: participants down, themes across.

Type a number in a cell (dots or points, or the theme's rank on a ranking ballot) and press
Enter or Tab: it is stored and the cursor goes to the next theme, at the end of a row to the
next ballot. Delete clears a cell. The last column shows what is left of each ballot's budget
(or how many themes it ranked); a refused value stays marked with the store's message.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRegularExpression,
    QSize,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QPainter, QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from worksession.domain.voting import VoteSettings
from worksession.i18n import _
from worksession.storage.operations.vote_count import BallotView
from worksession.ui.session.voting.actions import VoteActions
from worksession.ui.session.voting.ballot_model import (
    BallotGridModel,
    BallotRow,
    Voter,
    ballot_rows,
)
from worksession.ui.vote_chart import wrap_elided

Index = QModelIndex | QPersistentModelIndex


class CellDelegate(QStyledItemDelegate):
    """A field for a whole number; Enter stores it and moves on like Tab."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), editor))
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        model = index.model()
        editor.setAccessibleName(
            f"{model.headerData(index.row(), Qt.Orientation.Vertical)}: "
            f"{model.headerData(index.column(), Qt.Orientation.Horizontal)}"
        )
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            isinstance(editor, QLineEdit)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
            return True
        return super().eventFilter(editor, event)


class BallotTable(QTableView):
    """Moving on (Enter, Tab) stays on the theme cells and wraps to the next ballot."""

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        model = self.model()
        current = self.currentIndex()
        themes = len(model.themes) if isinstance(model, BallotGridModel) else 0
        forward = cursorAction == QAbstractItemView.CursorAction.MoveNext
        backward = cursorAction == QAbstractItemView.CursorAction.MovePrevious
        if not (forward or backward) or not current.isValid() or not themes:
            return super().moveCursor(cursorAction, modifiers)
        row, column = current.row(), min(current.column(), themes - 1)
        column += 1 if forward else -1
        if column >= themes:
            row, column = row + 1, 0
        elif column < 0:
            row, column = row - 1, themes - 1
        if 0 <= row < model.rowCount():
            return model.index(row, column)
        return QModelIndex(current)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        if (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and current.isValid()
            and self.state() != QAbstractItemView.State.EditingState
            and current.flags() & Qt.ItemFlag.ItemIsEditable
        ):
            self.model().setData(current, "", Qt.ItemDataRole.EditRole)
            return
        super().keyPressEvent(event)


class ThemeHeader(QHeaderView):
    """Column headers with the theme's title on two lines, shortened with an ellipsis (the
    tool tip has it whole)."""

    LINES = 2

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setSectionsClickable(False)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        hint.setHeight(self.fontMetrics().lineSpacing() * self.LINES + 10)
        return hint

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:
        if not rect.isValid():
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logicalIndex
        option.text = ""
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.restore()
        text = str(self.model().headerData(logicalIndex, self.orientation()) or "")
        inner = rect.adjusted(4, 2, -4, -2)
        lines = wrap_elided(text, self.fontMetrics(), inner.width(), self.LINES)
        painter.save()
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, "\n".join(lines))
        painter.restore()


class BallotGrid(QWidget):
    def __init__(self, actions: VoteActions) -> None:
        super().__init__()
        self.voting = actions
        self.titles: dict[int, str] = {}
        self.model = BallotGridModel(self._write)
        self.view = BallotTable()
        self.view.setModel(self.model)
        self.view.setAccessibleName(_("Ballots"))
        self.view.setItemDelegate(CellDelegate(self.view))
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = ThemeHeader()
        self.view.setHorizontalHeader(header)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Fixed row heights and a fixed last column: measuring every row after each typed
        # count would cost a frame with twenty ballots.
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)

        self.status = QLabel()
        self.status.setObjectName("ballotStatus")
        self.status.setWordWrap(True)
        self.remove_button = QPushButton(_("Remove ballot"))
        self.remove_button.setAccessibleName(_("Remove the ballot of the selected row"))
        self.remove_button.clicked.connect(self.remove_current)
        self.clear_button = QPushButton(_("Remove every ballot"))
        self.clear_button.clicked.connect(self.remove_all)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, stretch=1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, stretch=1)
        layout.addLayout(buttons)
        self.view.selectionModel().currentChanged.connect(self._show_status)
        self.model.dataChanged.connect(self._show_status)
        self.model.modelReset.connect(self._show_status)

    # --- content ------------------------------------------------------------------------------
    def show_round(
        self,
        settings: VoteSettings,
        themes: Sequence[tuple[int, str]],
        ballots: Sequence[BallotView],
        voters: Sequence[Voter],
    ) -> None:
        self.titles = dict(themes)
        rows = ballot_rows(
            settings, ballots, voters, lambda b: self.voting.typed.places(b.id, b.ranking)
        )
        self.model.show(settings, themes, rows)
        summary = self.model.summary_column
        header = self.view.horizontalHeader()
        if summary < header.count():
            header.setSectionResizeMode(summary, QHeaderView.ResizeMode.Fixed)
            widest = max(header.sectionSizeFromContents(summary).width(), self._summary_width())
            header.resizeSection(summary, widest)
        self.clear_button.setEnabled(bool(ballots))
        self._show_status()

    def _summary_width(self) -> int:
        sample = _("{count} too many").format(count=88)
        return self.view.fontMetrics().horizontalAdvance(f"⚠ {sample}") + 16

    def _show_status(self, *_args: object) -> None:
        current = self.view.currentIndex()
        problem = self.model.problem(current.row()) if current.isValid() else None
        if problem is None and self.model.refusals:
            problem = next(iter(self.model.refusals.values())).message
        if problem:
            self.status.setText("⚠ " + problem)
            self.status.setStyleSheet("#ballotStatus { color: #6e0811; font-weight: bold; }")
        else:
            self.status.setText(
                _("Type a count per theme; Enter or Tab goes to the next theme, Delete clears.")
                if self.model.settings.counting
                else _(
                    "Type each theme's rank (1 = first); Enter or Tab goes to the next theme, "
                    "Delete clears."
                )
            )
            self.status.setStyleSheet("")
        row = self.model.rows[current.row()] if current.isValid() else None
        self.remove_button.setEnabled(row is not None and row.ballot_id is not None)

    # --- changes ------------------------------------------------------------------------------
    def _write(self, row: BallotRow, theme_id: int, value: int | None) -> str | None:
        if self.model.settings.counting:
            done = self.voting.set_count(row, theme_id, value or 0)
        else:
            done = self.voting.set_place(row, theme_id, value, self.titles)
        return None if done else self.voting.last_refusal

    def remove_current(self) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            self.voting.remove_ballot(self.model.rows[current.row()])

    def remove_all(self) -> None:
        self.voting.remove_ballots(
            [row.ballot_id for row in self.model.rows if row.ballot_id is not None]
        )
