"""Vervolg & borging: kartrekker, werkgroep, next meeting, evaluation after about half a year,
funding, and the conditions that make the agreements last (``conditions_box``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from worksession.domain.changes import Part
from worksession.domain.rules import default_evaluation_date
from worksession.i18n import _
from worksession.programmes.model import Step
from worksession.storage.operations.follow_up import change_werkgroep, update_follow_up
from worksession.ui.session.commands import EditCommand
from worksession.ui.session.controller import SessionController
from worksession.ui.session.lookups import Lookups, parse_day_field, people_choices, show_day
from worksession.ui.session.pages.base import StepPage
from worksession.ui.session.pages.conditions_box import ConditionsBox
from worksession.ui.session.people_checklist import PeopleChecklist
from worksession.ui.session.people_picker import PeoplePicker


class FollowUpPage(StepPage):
    shows = frozenset(
        {Part.FOLLOW_UP, Part.SESSION, Part.PARTICIPANTS, Part.STAKEHOLDERS, Part.CONDITIONS}
    )

    def __init__(self, controller: SessionController, step: Step) -> None:
        super().__init__(controller, step)
        form = QFormLayout()
        self.kartrekker = QComboBox()
        self.kartrekker.setAccessibleName(_("Kartrekker"))
        self.kartrekker.activated.connect(self._kartrekker_chosen)
        # Sixty names in a combo box cannot be searched: F2 or the button opens the picker.
        self.kartrekker.installEventFilter(self)
        self.kartrekker_button = QPushButton(_("Choose…"))
        self.kartrekker_button.setToolTip(_("Find the kartrekker by typing part of a name (F2)"))
        self.kartrekker_button.clicked.connect(lambda: self.choose_kartrekker())
        kartrekker_row = QHBoxLayout()
        kartrekker_row.addWidget(self.kartrekker, stretch=1)
        kartrekker_row.addWidget(self.kartrekker_button)
        form.addRow(_("Kartrekker"), kartrekker_row)
        self.werkgroep = PeopleChecklist()
        self.werkgroep.setAccessibleName(_("Werkgroep"))
        self.werkgroep.itemChanged.connect(self._werkgroep_changed)
        self.werkgroep_search = QLineEdit()
        self.werkgroep_search.setPlaceholderText(
            _("Type part of a name or role to narrow the list")
        )
        self.werkgroep_search.setAccessibleName(_("Search the werkgroep list"))
        self.werkgroep_search.setClearButtonEnabled(True)
        self.werkgroep_search.textChanged.connect(self.werkgroep.narrow)
        werkgroep_column = QVBoxLayout()
        werkgroep_column.addWidget(self.werkgroep_search)
        werkgroep_column.addWidget(self.werkgroep)
        form.addRow(_("Werkgroep"), werkgroep_column)
        self.next_meeting = self.bind_text(
            self.line(),
            label=_("Next meeting"),
            read=lambda d: show_day(d["follow_up"]["next_meeting"]),
            write=self._write,
            field="next_meeting",
            merge=("follow_up", "next_meeting"),
        )
        self.next_meeting.setPlaceholderText(_("DD-MM-YYYY"))
        form.addRow(_("Next meeting"), self.next_meeting)
        self.evaluation = self.bind_text(
            self.line(),
            label=_("Evaluation"),
            read=lambda d: show_day(d["follow_up"]["evaluation"]),
            write=self._write,
            field="evaluation",
            merge=("follow_up", "evaluation"),
        )
        self.suggest = QPushButton()
        self.suggest.clicked.connect(self.use_suggested_evaluation)
        row = QHBoxLayout()
        row.addWidget(self.evaluation, stretch=1)
        row.addWidget(self.suggest)
        form.addRow(_("Evaluation"), row)
        self.funding = self.bind_text(
            self.text_area(3),
            label=_("Funding"),
            read=lambda d: d["follow_up"]["funding"],
            write=self._write,
            field="funding",
            merge=("follow_up", "funding"),
        )
        form.addRow(_("Funding"), self.funding)
        self.layout_.addLayout(form)
        self.conditions = ConditionsBox(self)
        self.layout_.addWidget(self.conditions)
        self.layout_.addStretch(1)
        self.refresh()

    def _suggested(self) -> dt.date | None:
        date = self.controller.document["session"]["date"]
        return default_evaluation_date(dt.date.fromisoformat(date)) if date else None

    def _write(self, values: dict[str, Any]) -> None:
        db, session_id = self.controller.db, self.controller.session_id
        lookups = Lookups.load(db, session_id)
        changes: dict[str, Any] = {}
        for field, value in values.items():
            if field in ("next_meeting", "evaluation"):
                changes[field] = parse_day_field(f"follow_up.{field}", value)
            elif field == "kartrekker":
                changes["kartrekker"] = lookups.person(value)
            elif field == "werkgroep":
                changes["werkgroep"] = [lookups.people[key] for key in value]
            else:
                changes[field] = value
        update_follow_up(db=db, session_id=session_id, **changes)

    def _edit(self, label: str, field: str, old: object, new: object) -> bool:
        command = EditCommand(
            _("Edit {field}").format(field=label), self._write, {field: old}, {field: new}
        )
        return self.controller.execute(command)

    def refresh(self) -> None:
        super().refresh()
        document = self.controller.document
        people = people_choices(document)
        self.kartrekker.clear()
        self.kartrekker.addItem(_("(nobody yet)"), None)
        for key, label in people:
            self.kartrekker.addItem(label, key)
        current = document["follow_up"]["kartrekker"]
        self.kartrekker.setCurrentIndex(max(0, self.kartrekker.findData(current)))
        self.werkgroep.set_people(people, document["follow_up"]["werkgroep"])
        self.werkgroep.narrow(self.werkgroep_search.text())
        self.conditions.refresh()
        suggested = self._suggested()
        self.suggest.setVisible(suggested is not None)
        if suggested is not None:
            self.suggest.setText(
                _("Half a year after the session: {date}").format(date=f"{suggested:%d-%m-%Y}")
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.kartrekker
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_F2
        ):
            self.choose_kartrekker()
            return True
        return False

    def choose_kartrekker(self) -> PeoplePicker:
        """Open the picker; the kartrekker chosen there is stored as one undo step."""
        old = self.controller.document["follow_up"]["kartrekker"]
        people = [("", _("(nobody yet)")), *people_choices(self.controller.document)]
        dialog = PeoplePicker(_("Kartrekker"), people, [old or ""], several=False, parent=self)

        def picked() -> None:
            chosen = dialog.chosen()
            new = chosen[0] if chosen and chosen[0] else None
            if new != old:
                self._edit(_("kartrekker"), "kartrekker", old, new)

        dialog.accepted.connect(picked)
        self.picker = dialog
        dialog.open()
        return dialog

    def _kartrekker_chosen(self, index: int) -> None:
        old = self.controller.document["follow_up"]["kartrekker"]
        self._edit(_("kartrekker"), "kartrekker", old, self.kartrekker.itemData(index))

    def _werkgroep_changed(self, _item: QListWidgetItem) -> None:
        old = self.controller.document["follow_up"]["werkgroep"]
        new = self.werkgroep.chosen()
        added = [key for key in new if key not in old]
        removed = [key for key in old if key not in new]
        # Only who was ticked or unticked is stored, never the whole list: a member another
        # window added since this one last looked stays (new members go last).
        command = EditCommand(
            _("Edit {field}").format(field=_("werkgroep")),
            self._change_werkgroep,
            {"add": removed, "remove": added},
            {"add": added, "remove": removed},
        )
        self.controller.execute(command)

    def _change_werkgroep(self, values: dict[str, list[str]]) -> None:
        db, session_id = self.controller.db, self.controller.session_id
        people = Lookups.load(db, session_id).people
        change_werkgroep(
            db=db,
            session_id=session_id,
            add=[people[key] for key in values["add"]],
            remove=[people[key] for key in values["remove"]],
        )

    def use_suggested_evaluation(self) -> None:
        suggested = self._suggested()
        if suggested is not None:
            old = show_day(self.controller.document["follow_up"]["evaluation"])
            self._edit(_("evaluation"), "evaluation", old, f"{suggested:%d-%m-%Y}")

    def has_content(self) -> bool:
        return bool(self.controller.document["follow_up"]["kartrekker"])
