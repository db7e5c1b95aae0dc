"""The borging checklist on *Vervolg & borging*: per condition its state, who arranges it and a
note, each change one undo step.

A row per condition of ``domain.conditions``, in its order; a condition the coach has not
touched shows as still to arrange. Who arranges it is chosen like the kartrekker: from the
combo box, or with F2 in the picker that finds a name by typing part of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit

from worksession.domain.conditions import ConditionKind, ConditionState, checklist
from worksession.domain.interchange import Document
from worksession.i18n import _
from worksession.storage.operations.borging import set_condition
from worksession.ui.session.commands import EditCommand
from worksession.ui.session.lookups import Lookups, people_choices
from worksession.ui.session.pages.base import StepPage
from worksession.ui.session.people_picker import PeoplePicker


def _condition(document: Any, kind: str) -> dict[str, Any]:
    return next(row for row in checklist(document.get("conditions", [])) if row["kind"] == kind)


class ConditionsBox(QGroupBox):
    """The seven conditions as a grid: condition, state, arranged by, note."""

    def __init__(self, page: StepPage) -> None:
        super().__init__(_("What makes the agreements last"))
        self.page = page
        self.controller = page.controller
        self.states: dict[str, QComboBox] = {}
        self.people: dict[str, QComboBox] = {}
        self.notes: dict[str, QLineEdit] = {}
        grid = QGridLayout(self)
        for column, title in enumerate((_("Condition"), _("State"), _("Arranged by"), _("Note"))):
            header = QLabel(f"<b>{title}</b>")
            grid.addWidget(header, 0, column)
        for row, kind in enumerate(ConditionKind, start=1):
            grid.addWidget(QLabel(kind.label), row, 0)
            state = QComboBox()
            state.setAccessibleName(_("State of {condition}").format(condition=kind.label))
            for value, label in ConditionState.pairs():
                state.addItem(_(label), value)
            state.activated.connect(lambda _index, k=kind.value: self._state_chosen(k))
            grid.addWidget(state, row, 1)
            person = QComboBox()
            person.setAccessibleName(_("Who arranges {condition}").format(condition=kind.label))
            person.setToolTip(_("Find a person by typing part of a name (F2)"))
            person.activated.connect(lambda _index, k=kind.value: self._person_chosen(k))
            person.installEventFilter(self)
            # A long name must not take the note's room: the list opens as wide as it needs.
            person.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            person.setMinimumContentsLength(16)
            grid.addWidget(person, row, 2)
            note = QLineEdit()
            page.bind_text(
                note,
                label=_("Note on {condition}").format(condition=kind.label),
                read=self._note_reader(kind.value),
                write=self._writer(kind.value),
                field="note",
                merge=("condition", kind.value, "note"),
            )
            grid.addWidget(note, row, 3)
            self.states[kind.value], self.people[kind.value] = state, person
            self.notes[kind.value] = note
        grid.setColumnStretch(2, 2)
        grid.setColumnStretch(3, 3)

    def refresh(self) -> None:
        document = self.controller.document
        choices = people_choices(document)
        for kind, state in self.states.items():
            stored = _condition(document, kind)
            state.setCurrentIndex(max(0, state.findData(stored["state"])))
            person = self.people[kind]
            person.clear()
            person.addItem(_("(nobody yet)"), None)
            for key, label in choices:
                person.addItem(label, key)
            person.setCurrentIndex(max(0, person.findData(stored["arranged_by"])))

    # --- storing ------------------------------------------------------------------------
    def _note_reader(self, kind: str) -> Callable[[Document], str]:
        return lambda document: str(_condition(document, kind)["note"])

    def _writer(self, kind: str) -> Callable[[dict[str, Any]], None]:
        return lambda values: self._write(kind, values)

    def _write(self, kind: str, values: dict[str, Any]) -> None:
        db, session_id = self.controller.db, self.controller.session_id
        changes = dict(values)
        if "arranged_by" in changes:
            changes["arranged_by"] = Lookups.load(db, session_id).person(changes["arranged_by"])
        set_condition(db=db, session_id=session_id, kind=kind, **changes)

    def _edit(self, kind: str, field: str, label: str, new: object) -> bool:
        old = _condition(self.controller.document, kind)[field]
        if old == new:
            return False
        command = EditCommand(
            _("Edit {field}").format(field=label),
            lambda values: self._write(kind, values),
            {field: old},
            {field: new},
        )
        return self.controller.execute(command)

    def _state_chosen(self, kind: str) -> None:
        label = ConditionKind(kind).label.lower()
        self._edit(kind, "state", label, self.states[kind].currentData())

    def _person_chosen(self, kind: str) -> None:
        label = ConditionKind(kind).label.lower()
        self._edit(kind, "arranged_by", label, self.people[kind].currentData())

    def choose_person(self, kind: str) -> PeoplePicker:
        """Open the picker for who arranges ``kind``; the choice is one undo step."""
        condition = ConditionKind(kind)
        old = _condition(self.controller.document, kind)["arranged_by"]
        people = [("", _("(nobody yet)")), *people_choices(self.controller.document)]
        dialog = PeoplePicker(condition.label, people, [old or ""], several=False, parent=self)

        def picked() -> None:
            chosen = dialog.chosen()
            new = chosen[0] if chosen and chosen[0] else None
            self._edit(kind, "arranged_by", condition.label.lower(), new)

        dialog.accepted.connect(picked)
        self.picker = dialog
        dialog.open()
        return dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_F2
        ):
            for kind, person in self.people.items():
                if watched is person:
                    self.choose_person(kind)
                    return True
        return False
