"""Samenwerkingsafspraken: per priority, agreements with their number (A1 … as the plan prints
them), kind, what, one lead, partners, date, resources, indicator and status — typed fast:
choose the theme, type what, Enter. The trekker and the partners are chosen in a picker that
filters as the coach types: F2 (or a double click, or just typing) on their cell opens it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QSplitter

from worksession.domain.agreement_numbers import agreement_numbers
from worksession.domain.changes import Part
from worksession.domain.existing_offers import builds_on_text, existing_offers
from worksession.domain.models import Agreement
from worksession.domain.offer_types import BuildsOn
from worksession.domain.values import AgreementKind, AgreementStatus
from worksession.i18n import N_, _
from worksession.programmes.model import Step
from worksession.storage.operations.agreements import (
    add_agreement,
    update_agreement,
)
from worksession.ui.session.commands import EditCommand
from worksession.ui.session.controller import SessionController
from worksession.ui.session.existing_offers_view import ExistingOffersView
from worksession.ui.session.lookups import Lookups, parse_day_field, people_choices, show_day
from worksession.ui.session.pages.base import StepPage
from worksession.ui.session.people_picker import PeoplePicker
from worksession.ui.session.record_model import Column
from worksession.ui.session.record_table import RecordTable

if TYPE_CHECKING:
    from worksession.ui.session.builds_on_dialog import BuildsOnDialog


@dataclass(frozen=True)
class AgreementRow:
    """An agreement as the table shows it: links by key, the date as the coach types it."""

    id: int
    name: str
    number: str  # A1, A2 … as the plan prints it
    theme: str | None
    kind: str
    what: str
    lead: str | None
    partners: str
    partner_keys: tuple[str, ...]
    due: str
    resources: str
    indicator: str
    status: str
    builds_on: str  # "sluit aan bij" as one line
    builds_on_value: BuildsOn | None


class AgreementsPage(StepPage):
    shows = frozenset({Part.AGREEMENTS, Part.THEMES, Part.PARTICIPANTS, Part.STAKEHOLDERS})

    def __init__(self, controller: SessionController, step: Step) -> None:
        super().__init__(controller, step)
        db, session_id = controller.db, controller.session_id
        columns = (
            Column("number", N_("No."), editable=False),
            Column("theme", N_("Theme"), "choice", self._theme_choices),
            Column("kind", N_("Kind"), "choice", AgreementKind.pairs()),
            Column("what", N_("What")),
            Column("lead", N_("Lead"), "choice", self._lead_choices),
            Column("partners", N_("Partners"), editable=False),
            Column("due", N_("When")),
            Column("resources", N_("Resources")),
            Column("indicator", N_("How we see it worked")),
            Column("status", N_("Status"), "choice", AgreementStatus.pairs()),
            Column("builds_on", N_("Builds on"), editable=False),
        )  # fmt: skip
        self.table = RecordTable(
            controller,
            model=Agreement,
            columns=columns,
            rows=self._rows,
            add=lambda what: add_agreement(
                db=db, session_id=session_id, what=what, theme_id=self._chosen_theme_id()
            ),
            update=self._update,
            placeholder=_("What will be done? — Enter adds it to the chosen theme"),
            noun=_("agreement"),
        )
        self.table.write_override = self._write
        # The lead and partners cells open the picker instead of a cell editor: a combo box of
        # sixty names cannot be searched and cuts them off.
        self.table.view.installEventFilter(self)
        self.table.view.viewport().installEventFilter(self)
        self.picker: QDialog | None = None  # the one open last
        self.theme_choice = QComboBox()
        self.theme_choice.setAccessibleName(_("Theme for a new agreement"))
        self.partners_button = QPushButton(_("Partners…"))
        self.partners_button.setToolTip(_("Choose the partners of the chosen agreement (F2)"))
        self.partners_button.clicked.connect(lambda: self.choose_partners())
        row = QHBoxLayout()
        row.addWidget(QLabel(_("New agreement for:")))
        row.addWidget(self.theme_choice, stretch=1)
        row.addWidget(self.partners_button)
        self.layout_.addLayout(row)
        # Lesson 7 beside the agreements: what each priority can build on in this wijk.
        self.existing = ExistingOffersView(
            priorities_only=True,
            caption=_(
                "Already in this wijk per priority (from the sociale kaart). An agreement names "
                "what it builds on in the column “Builds on” (F2)."
            ),
        )
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.existing)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([400, 110])
        self.layout_.addWidget(split, stretch=1)
        self.refresh()

    # --- data ---------------------------------------------------------------------------------
    def _theme_choices(self) -> tuple[tuple[Any, str], ...]:
        themes = self.controller.document["themes"]
        ordered = [t for t in themes if t["priority"]] + [t for t in themes if not t["priority"]]
        return ((None, _("(no theme)")), *((t["key"], t["title"]) for t in ordered))

    def _lead_choices(self) -> tuple[tuple[Any, str], ...]:
        return ((None, _("(no lead yet)")), *people_choices(self.controller.document))

    def _rows(self) -> list[AgreementRow]:
        document = self.controller.document
        names = dict(people_choices(document))
        # Matched by key, not by place: the rows are in stored order, the document's list in
        # its own, and a list ordered another way (or one agreement more in either) must not
        # give a row the id of its neighbour, where an edit would then land.
        stored = self.controller.record_rows(Agreement)
        ids: dict[str, int] = {row.key: row.id for row in stored}
        numbers = agreement_numbers(document["themes"], document["agreements"])
        rows = []
        for agreement in document["agreements"]:
            agreement_id = ids.get(agreement["key"])
            if agreement_id is None:
                continue  # removed by another program since the read: the reload follows
            rows.append(
                AgreementRow(
                    id=agreement_id,
                    name=agreement["what"][:40],
                    number=numbers[agreement["key"]],
                    theme=agreement["theme"],
                    kind=agreement["kind"],
                    what=agreement["what"],
                    lead=agreement["lead"],
                    partners=", ".join(names.get(key, key) for key in agreement["partners"]),
                    partner_keys=tuple(agreement["partners"]),
                    due=show_day(agreement["due"]),
                    resources=agreement["resources"],
                    indicator=agreement["indicator"],
                    status=agreement["status"],
                    builds_on=builds_on_text(agreement.get("builds_on")),
                    builds_on_value=agreement.get("builds_on"),
                )
            )
        return rows

    def _chosen_theme_id(self) -> int | None:
        key = self.theme_choice.currentData()
        return Lookups.load(self.controller.db, self.controller.session_id).themes.get(key)

    def _update(self, agreement_id: int, values: dict[str, Any]) -> Agreement:
        lookups = Lookups.load(self.controller.db, self.controller.session_id)
        changes: dict[str, Any] = {}
        for field, value in values.items():
            if field == "theme":
                changes["theme_id"] = lookups.themes.get(value) if value else None
            elif field == "lead":
                changes["lead"] = lookups.person(value)
            elif field == "partners":
                changes["partners"] = [lookups.people[key] for key in value]
            elif field == "due":
                changes["due"] = parse_day_field("agreement.due", value)
            elif field == "builds_on_value":
                changes["builds_on"] = value
            else:
                changes[field] = value
        return update_agreement(db=self.controller.db, agreement_id=agreement_id, **changes)

    def _write(self, row: AgreementRow, field: str, value: object) -> bool:
        return self._edit(row.id, field, getattr(row, field), value)

    def _edit(self, agreement_id: int, field: str, old: object, new: object) -> bool:
        command = EditCommand(
            _("Edit {noun}").format(noun=_("agreement")),
            lambda values: self._update(agreement_id, values),
            {field: old},
            {field: new},
        )
        return self.controller.execute(command)

    # --- view ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        super().refresh()
        chosen = self.theme_choice.currentData()
        self.theme_choice.clear()
        for key, title in self._theme_choices():
            self.theme_choice.addItem(title, key)
        index = self.theme_choice.findData(chosen) if chosen else 1
        self.theme_choice.setCurrentIndex(max(0, index if index >= 0 else 0))
        self.table.refresh()
        self.existing.show_document(self.controller.document, self.controller.offers)

    def has_content(self) -> bool:
        return bool(self.controller.document["agreements"])

    # --- pickers ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = self.table.view
        if watched is view and isinstance(event, QKeyEvent):
            if event.type() != QEvent.Type.KeyPress:
                return False
            field = self._field_at(view.currentIndex().column())
            if field not in PICKED:
                return False
            if event.key() == Qt.Key.Key_F2:
                self.pick(field)
                return True
            plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
            if plain and event.text().strip() and event.text().isprintable():
                self.pick(field, event.text())  # typing a name starts the search with it
                return True
        elif (
            watched is view.viewport()
            and isinstance(event, QMouseEvent)
            and event.type() == QEvent.Type.MouseButtonDblClick
        ):
            index = view.indexAt(event.position().toPoint())
            if index.isValid() and self._field_at(index.column()) in PICKED:
                view.setCurrentIndex(index)
                self.pick(self._field_at(index.column()))
                return True
        return False

    def _field_at(self, column: int) -> str:
        columns = self.table.model.columns
        return columns[column].field if 0 <= column < len(columns) else ""

    def pick(self, field: str, text: str = "") -> QDialog | None:
        """Open the picker for the lead, the partners or what the current agreement builds on."""
        if field == "builds_on":
            return self.choose_builds_on()
        if field == "lead":
            return self.choose_lead(text)
        return self.choose_partners(text)

    def choose_lead(self, text: str = "") -> PeoplePicker | None:
        index = self.table.view.currentIndex()
        if not index.isValid():
            self.controller.rejected.emit(_("Choose an agreement in the list first."))
            return None
        row = self.table.model.row_at(index.row())
        people = [("", _("(no lead yet)")), *people_choices(self.controller.document)]
        dialog = PeoplePicker(
            _("Lead of {number}").format(number=row.number),
            people,
            [row.lead or ""],
            several=False,
            text=text,
            details=self._details(),
            parent=self,
        )
        dialog.accepted.connect(lambda: self._lead_picked(row, dialog.chosen()))
        self.picker = dialog
        dialog.open()
        return dialog

    def _details(self) -> dict[str, str]:
        """What else a person is found by in the picker: organisation and domain."""
        document = self.controller.document
        return {
            record["key"]: f"{record.get('organisation', '')} {record.get('domain', '')}"
            for record in [*document["participants"], *document["stakeholders"]]
        }

    def _lead_picked(self, row: AgreementRow, chosen: list[str]) -> None:
        lead = chosen[0] if chosen and chosen[0] else None
        if lead != row.lead:
            self._edit(row.id, "lead", row.lead, lead)

    def choose_partners(self, text: str = "") -> PeoplePicker | None:
        index = self.table.view.currentIndex()
        if not index.isValid():
            self.controller.rejected.emit(_("Choose an agreement in the list first."))
            return None
        row = self.table.model.row_at(index.row())
        current = list(row.partner_keys)
        dialog = PeoplePicker(
            _("Partners of {number}").format(number=row.number),
            people_choices(self.controller.document),
            current,
            several=True,
            text=text,
            details=self._details(),
            parent=self,
        )
        dialog.accepted.connect(lambda: self._partners_picked(row, current, dialog.chosen()))
        self.picker = dialog
        dialog.open()
        return dialog

    def _partners_picked(self, row: AgreementRow, old: list[str], new: list[str]) -> None:
        if new != old:
            self._edit(row.id, "partners", old, new)

    def choose_builds_on(self) -> BuildsOnDialog | None:
        """What the current agreement builds on: the wijk's offers for its theme first."""
        from worksession.ui.session.builds_on_dialog import BuildsOnDialog  # when asked for

        index = self.table.view.currentIndex()
        if not index.isValid():
            self.controller.rejected.emit(_("Choose an agreement in the list first."))
            return None
        row = self.table.model.row_at(index.row())
        document = self.controller.document
        theme = next((t for t in document["themes"] if t["key"] == row.theme), None)
        in_the_wijk = (
            existing_offers(theme, document["stakeholders"], self.controller.offers)
            if theme is not None
            else []
        )
        dialog = BuildsOnDialog(
            _("{number} builds on").format(number=row.number),
            self.controller.offers,
            in_the_wijk,
            row.builds_on_value,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._builds_on_picked(row, dialog.chosen()))
        self.picker = dialog
        dialog.open()
        return dialog

    def _builds_on_picked(self, row: AgreementRow, chosen: BuildsOn | None) -> None:
        if chosen != row.builds_on_value:
            self._edit(row.id, "builds_on_value", row.builds_on_value, chosen)


PICKED = frozenset({"lead", "partners", "builds_on"})
