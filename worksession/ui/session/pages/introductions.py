"""Kennismaking: who is who, grouped by domain — the start of a smoelenboek; someone not ticked
present shows their invite list status beside their name, greyed. With each
participant's "waarvoor kun je mij bellen" line and the tick for sharing the e-mail address on
the wie-is-wie list (off unless the person agreed). Both are edited in place and undone with
Ctrl+Z like every other edit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QWidget,
)

from worksession.domain.attendance import attendance_status
from worksession.domain.changes import Part
from worksession.domain.models import Participant
from worksession.domain.roles import effective_domain
from worksession.domain.validation import SHORT_TEXT_MAX
from worksession.domain.values import Domain
from worksession.i18n import _
from worksession.programmes.model import Step
from worksession.storage.operations.people import update_participant
from worksession.ui.session.attendance_export import action_button
from worksession.ui.session.commands import EditCommand
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.base import StepPage
from worksession.ui.session.people_sheets import who_is_who_export

NAME, ROLE, ORGANISATION, CALL_FOR, SHARE_EMAIL = range(5)
KEY = Qt.ItemDataRole.UserRole
WIDEST = 200  # pixels a column takes at most before its text is cut


class _CallForOnly(QStyledItemDelegate):
    """Only the "bel mij voor" column is typed in; the tick is a check box, the rest is read."""

    # Qt takes no editor (None) as "this cell is not edited"; the stubs do not say so.
    def createEditor(  # type: ignore[override]
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget | None:
        if index.column() != CALL_FOR:
            return None
        editor = super().createEditor(parent, option, index)
        if hasattr(editor, "setMaxLength"):
            editor.setMaxLength(SHORT_TEXT_MAX)
        return editor


class IntroductionsPage(StepPage):
    shows = frozenset({Part.PARTICIPANTS})

    def __init__(self, controller: SessionController, step: Step) -> None:
        super().__init__(controller, step)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("Who is who"))
        self.tree.setHeaderLabels(
            [_("Name"), _("Role"), _("Organisation"), _("Call me for"), _("E-mail on wie-is-wie")]
        )
        self.tree.setToolTip(
            _(
                "F2 or typing on “Call me for” writes what others can call this person for; "
                "Space ticks whether the e-mail address may be on the wie-is-wie list"
            )
        )
        # Cells, not rows: the arrow keys reach "bel mij voor" and the tick.
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self._delegate = _CallForOnly(self.tree)
        self.tree.setItemDelegate(self._delegate)
        self.tree.itemChanged.connect(self._changed)
        self.layout_.addWidget(self.tree, stretch=1)
        # The sheet the participants take home: who is who and what to call each for.
        self.who_is_who = who_is_who_export(self, controller, self.flush)
        sheets = QHBoxLayout()
        sheets.addWidget(action_button(self.who_is_who.action))
        sheets.addStretch()
        self.layout_.addLayout(sheets)
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        current = self.tree.currentItem()
        keep = (current.data(NAME, KEY), self.tree.currentColumn()) if current else None
        self.tree.blockSignals(True)
        self.tree.clear()
        people = self.controller.document["participants"]
        absent = QBrush(QColor("#8a8a8a"))
        for domain in Domain:
            # Grouped as the checks read people: a role "inwoner" without a domain is an inwoner.
            members = [
                person
                for person in people
                if effective_domain(person, self.controller.roles) == domain.value
            ]
            if not members:
                continue
            group = QTreeWidgetItem([f"{domain.label} ({len(members)})"])
            for person in members:
                # Not ticked present yet: where they stand on the invite list (aangemeld,
                # afgemeld, uitgenodigd), not "absent" for everyone before the coach ticks.
                name = (
                    person["name"]
                    if person["present"]
                    else _("{name} ({status})").format(
                        name=person["name"], status=attendance_status(person).label
                    )
                )
                item = QTreeWidgetItem(
                    [name, person["role"], person["organisation"], person.get("call_for", "")]
                )
                item.setData(NAME, KEY, person["key"])
                for column in (ROLE, ORGANISATION, CALL_FOR):
                    item.setToolTip(column, item.text(column))
                item.setFlags(
                    item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
                )
                shared = person.get("share_email", False)
                item.setCheckState(
                    SHARE_EMAIL, Qt.CheckState.Checked if shared else Qt.CheckState.Unchecked
                )
                if not person["present"]:
                    for column in range(3):
                        item.setForeground(column, absent)
                group.addChild(item)
            self.tree.addTopLevelItem(group)
        self.tree.expandAll()
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        for column in (ROLE, ORGANISATION):
            # Long roles are cut (the whole text is in the cell's tooltip): a laptop's width
            # must hold the line and the tick without scrolling sideways.
            self.tree.setColumnWidth(column, min(self.tree.columnWidth(column), WIDEST))
        # Room to type in, even while every line is still empty.
        self.tree.setColumnWidth(CALL_FOR, WIDEST)
        self.tree.blockSignals(False)
        if keep is not None:
            self._select(*keep)

    def _select(self, key: str, column: int) -> None:
        iterator = QTreeWidgetItemIterator(self.tree)
        while (item := iterator.value()) is not None:
            if item.data(NAME, KEY) == key:
                self.tree.setCurrentItem(item, column)
                return
            iterator += 1

    def item_of(self, key: str) -> QTreeWidgetItem | None:
        """The row of the participant ``key`` (for tests and the search)."""
        iterator = QTreeWidgetItemIterator(self.tree)
        while (item := iterator.value()) is not None:
            if item.data(NAME, KEY) == key:
                return item
            iterator += 1
        return None

    def _changed(self, item: QTreeWidgetItem, column: int) -> None:
        key = item.data(NAME, KEY)
        if key is None or column not in (CALL_FOR, SHARE_EMAIL):
            return
        field, value, label = self._edited(item, column)
        # Stored once the item's own signal is done: storing draws the tree again, and an item
        # deleted while it still changes itself takes the program down.
        QTimer.singleShot(0, lambda: self._store(key, field, value, label))

    def _store(self, key: str, field: str, value: Any, label: str) -> None:
        person = next(
            (p for p in self.controller.document["participants"] if p["key"] == key), None
        )
        if person is None:
            return
        if person.get(field) == value:
            return
        ids = {row.key: row.id for row in self.controller.record_rows(Participant)}
        participant_id = int(ids[key] or 0)
        db = self.controller.db
        command = EditCommand(
            _("Edit {field}").format(field=label),
            lambda values: update_participant(db=db, participant_id=participant_id, **values),
            {field: person.get(field, "" if field == "call_for" else False)},
            {field: value},
        )
        if not self.controller.execute(command):
            self.refresh()

    def _edited(self, item: QTreeWidgetItem, column: int) -> tuple[str, Any, str]:
        if column == CALL_FOR:
            return "call_for", item.text(CALL_FOR).strip(), _("Call me for")
        checked = item.checkState(SHARE_EMAIL) == Qt.CheckState.Checked
        return "share_email", checked, _("E-mail on wie-is-wie")

    def find_text(self, text: str) -> bool:
        needle = text.casefold()
        iterator = QTreeWidgetItemIterator(
            self.tree, QTreeWidgetItemIterator.IteratorFlag.NoChildren
        )
        while (item := iterator.value()) is not None:
            if any(needle in item.text(column).casefold() for column in range(4)):
                self.tree.setCurrentItem(item)
                return True
            iterator += 1
        return False

    def has_content(self) -> bool:
        return bool(self.controller.document["participants"])
