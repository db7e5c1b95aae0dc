"""Wat werkte, wat niet: the coach types the room's green and red cards, each under an obstacle.

Keyboard first: type the words and Enter adds the card. Ctrl+G makes it green (what worked),
Ctrl+R red (what held it back), and a leading "+" or "-" does the same for one card; Ctrl+1 …
Ctrl+9 picks the obstacle by its number in the list. The same keys change a card chosen in the
list, where F2 edits its words, Alt+Up and Alt+Down move it within its group and Delete removes
it. Every change is one undoable step.

The cards show grouped by obstacle. Green and red differ by more than colour: each card carries
a sign (+ or −) and the words "werkte" or "werkte niet", so the list reads in greyscale and for
colour-blind eyes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
)

from worksession.domain.changes import Part
from worksession.domain.lessons import Card, card_mark, group_lessons, obstacle_choices
from worksession.domain.models import LessonCard
from worksession.domain.validation import LONG_TEXT_MAX
from worksession.domain.values import LessonKind
from worksession.i18n import _
from worksession.programmes.model import Step
from worksession.storage.operations.lessons import (
    add_lesson_card,
    card_position,
    list_lesson_cards,
    move_lesson_card,
    update_lesson_card,
)
from worksession.ui.session.commands import AddCommand, EditCommand, RemoveCommand
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.base import StepPage

# Light fills with dark text: legible on a laptop and a beamer, and distinct in greyscale too
# (the sign and the words carry the difference; the colours only help).
FILL = {LessonKind.WORKED: QColor("#dff0d8"), LessonKind.HINDERED: QColor("#f8d7da")}
INK = {LessonKind.WORKED: QColor("#1e4620"), LessonKind.HINDERED: QColor("#6b1a21")}
CARD_ID = Qt.ItemDataRole.UserRole
COLOUR_KEYS = {Qt.Key.Key_G: LessonKind.WORKED, Qt.Key.Key_R: LessonKind.HINDERED}
NUMBER_KEYS = {getattr(Qt.Key, f"Key_{number}"): number for number in range(1, 10)}


def kind_word(kind: str) -> str:
    return _("worked") if kind == LessonKind.WORKED else _("did not work")


class LessonsPage(StepPage):
    shows = frozenset({Part.LESSONS})

    def __init__(self, controller: SessionController, step: Step) -> None:
        super().__init__(controller, step)
        self.kind = LessonKind.WORKED
        self.colour = QPushButton()
        self.colour.setToolTip(_("Green: what worked (Ctrl+G) — red: what held it back (Ctrl+R)"))
        self.colour.clicked.connect(self._toggle_kind)
        self.obstacle = QComboBox()
        self.obstacle.setAccessibleName(_("Obstacle"))
        self.obstacle.setToolTip(_("The obstacle the card belongs to (Ctrl+1 … Ctrl+9)"))
        self.entry = QLineEdit()
        self.entry.setMaxLength(LONG_TEXT_MAX)
        self.entry.setPlaceholderText(
            _("A card from the room — Enter adds; Ctrl+G green, Ctrl+R red, Ctrl+1… obstacle")
        )
        self.entry.setAccessibleName(_("New card"))
        self.entry.returnPressed.connect(self.add_from_entry)
        self.entry.installEventFilter(self)
        row = QHBoxLayout()
        row.addWidget(self.colour)
        row.addWidget(self.obstacle)
        row.addWidget(self.entry, stretch=1)
        self.layout_.addLayout(row)

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("Cards by obstacle"))
        self.tree.setHeaderLabels([_("Green or red"), _("Card")])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.tree.itemChanged.connect(self._edited)
        self.tree.installEventFilter(self)
        self.layout_.addWidget(self.tree, stretch=1)
        self._rows: list[LessonCard] = []
        self._filling = False
        self._show_kind()
        self.refresh()

    # --- what is shown ------------------------------------------------------------------------
    def refresh(self) -> None:
        super().refresh()
        obstacles = self.controller.library.obstacle_names()
        # Until the coach picks one, a card goes under anders: never silently under the first.
        chosen = self.obstacle.currentData() if self.obstacle.count() else ""
        self.obstacle.clear()
        for number, (key, name) in enumerate(obstacle_choices(obstacles), start=1):
            self.obstacle.addItem(f"{number} {name}" if number < 10 else name, key)
        self.obstacle.setCurrentIndex(max(0, self.obstacle.findData(chosen)))
        self._rows = list_lesson_cards(db=self.controller.db, session_id=self.controller.session_id)
        cards = [Card(row.kind, row.obstacle, row.text, row.id) for row in self._rows]
        current = self.current_card()
        self._filling = True
        try:
            self.tree.clear()
            for group in group_lessons(cards, obstacles):
                heading = QTreeWidgetItem([f"{group.name} ({len(group.cards)})"])
                font = heading.font(0)
                font.setBold(True)
                heading.setFont(0, font)
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                heading.setFirstColumnSpanned(True)
                self.tree.addTopLevelItem(heading)
                heading.setFirstColumnSpanned(True)
                for card in group.cards:
                    heading.addChild(self._card_item(card))
            self.tree.expandAll()
            self.tree.resizeColumnToContents(0)
        finally:
            self._filling = False
        if current is not None:
            self.select_card(current)

    def _card_item(self, card: Card) -> QTreeWidgetItem:
        kind = LessonKind(card.kind)
        item = QTreeWidgetItem([f"{card_mark(kind)} {kind_word(kind)}", card.text])
        item.setData(0, CARD_ID, card.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setToolTip(1, card.text)
        for column in (0, 1):
            item.setBackground(column, QBrush(FILL[kind]))
            item.setForeground(column, QBrush(INK[kind]))
        return item

    def _show_kind(self) -> None:
        kind = self.kind
        self.colour.setText(f"{card_mark(kind)} {kind_word(kind)}")
        self.colour.setAccessibleName(_("Colour of the new card: {kind}").format(kind=kind.label))
        self.colour.setStyleSheet(
            f"QPushButton {{ background: {FILL[kind].name()}; color: {INK[kind].name()}; "
            "font-weight: bold; padding: 2px 8px; }"
        )

    def has_content(self) -> bool:
        return bool(self._rows)

    def current_card(self) -> int | None:
        item = self.tree.currentItem()
        value = item.data(0, CARD_ID) if item is not None else None
        return int(value) if value is not None else None

    def card_items(self) -> list[list[QTreeWidgetItem]]:
        """The card items, group by group, as shown."""
        groups = []
        for top in range(self.tree.topLevelItemCount()):
            heading = self.tree.topLevelItem(top)
            if heading is not None:
                children = (heading.child(number) for number in range(heading.childCount()))
                groups.append([child for child in children if child is not None])
        return groups

    def select_card(self, card_id: int) -> bool:
        for group in self.card_items():
            for item in group:
                if item.data(0, CARD_ID) == card_id:
                    self.tree.setCurrentItem(item)
                    return True
        return False

    def find_text(self, text: str) -> bool:
        needle = text.casefold()
        for row in self._rows:
            if needle in row.text.casefold() and row.id is not None:
                self.tree.setFocus()
                return self.select_card(row.id)
        return super().find_text(text)

    # --- keys -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key, modifiers = Qt.Key(event.key()), event.modifiers()
        on_card = watched is self.tree and self.current_card() is not None
        if modifiers == Qt.KeyboardModifier.ControlModifier and key in COLOUR_KEYS:
            if on_card:
                self.change_card(kind=COLOUR_KEYS[key])
            else:
                self.set_kind(COLOUR_KEYS[key])
            return True
        if modifiers == Qt.KeyboardModifier.ControlModifier and key in NUMBER_KEYS:
            index = NUMBER_KEYS[key] - 1
            if index < self.obstacle.count():
                if on_card:
                    self.change_card(obstacle=str(self.obstacle.itemData(index)))
                else:
                    self.obstacle.setCurrentIndex(index)
            return True
        if watched is self.tree and on_card:
            if key == Qt.Key.Key_Delete and modifiers == Qt.KeyboardModifier.NoModifier:
                self.remove_current()
                return True
            if modifiers == Qt.KeyboardModifier.AltModifier and key in (
                Qt.Key.Key_Up,
                Qt.Key.Key_Down,
            ):
                self.move_current(-1 if key == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)

    def set_kind(self, kind: LessonKind) -> None:
        self.kind = kind
        self._show_kind()

    def _toggle_kind(self) -> None:
        worked = self.kind == LessonKind.WORKED
        self.set_kind(LessonKind.HINDERED if worked else LessonKind.WORKED)
        self.entry.setFocus()

    # --- changes ----------------------------------------------------------------------------
    def add_from_entry(self) -> None:
        text, kind = self.entry.text().strip(), self.kind
        if text[:1] in ("+", "-", "−"):
            kind = LessonKind.WORKED if text[0] == "+" else LessonKind.HINDERED
            text = text[1:].strip()
        if not text:
            return
        db, session_id = self.controller.db, self.controller.session_id
        obstacle = str(self.obstacle.currentData() or "")
        command = AddCommand(
            _("Add card"), db, LessonCard,
            lambda: add_lesson_card(
                db=db, session_id=session_id, kind=kind, text=text, obstacle=obstacle
            ),
        )  # fmt: skip
        if self.controller.execute(command):
            self.entry.clear()

    def _card(self, card_id: int) -> LessonCard | None:
        return next((row for row in self._rows if row.id == card_id), None)

    def change_card(self, **values: Any) -> None:
        card_id = self.current_card()
        row = self._card(card_id) if card_id is not None else None
        if row is None or card_id is None:
            return
        old = {name: getattr(row, name) for name in values}
        if old == values:
            return
        db = self.controller.db
        command = EditCommand(
            _("Edit card"),
            lambda changes: update_lesson_card(db=db, card_id=card_id, **changes),
            old,
            dict(values),
        )
        if not self.controller.execute(command):
            self.refresh()

    def _edited(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 1 or item.data(0, CARD_ID) is None:
            return
        row = self._card(int(item.data(0, CARD_ID)))
        if row is None:
            return
        text = item.text(1).strip()
        if text == row.text:
            return
        self.tree.setCurrentItem(item)
        self.change_card(text=text)

    def move_current(self, step: int) -> None:
        """Move the chosen card up or down within its group (where the room sees it)."""
        card_id = self.current_card()
        group = next((items for items in self.card_items() if self.tree.currentItem() in items), [])
        ids = [int(item.data(0, CARD_ID)) for item in group]
        if card_id is None or card_id not in ids:
            return
        number = ids.index(card_id) + step
        if not 0 <= number < len(ids):
            return
        neighbour = ids[number]
        db = self.controller.db
        old = card_position(db=db, card_id=card_id)
        new = card_position(db=db, card_id=neighbour)
        command = EditCommand(
            _("Move card"),
            lambda values: move_lesson_card(db=db, card_id=card_id, **values),
            {"position": old},
            {"position": new},
        )
        self.controller.execute(command)

    def remove_current(self) -> None:
        card_id = self.current_card()
        row = self._card(card_id) if card_id is not None else None
        if row is None or card_id is None:
            return
        command = RemoveCommand(_("Remove card"), self.controller.db, LessonCard, card_id)
        if self.controller.execute(command):
            self.controller.notice.emit(
                _("{name} removed — Ctrl+Z restores").format(name=f"“{row.text[:60]}”")
            )
