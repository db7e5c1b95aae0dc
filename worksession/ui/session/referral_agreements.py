"""The verwijsafspraken of a session as an editable table: on which signal, who refers to whom,
the contact person there, and whether (and how) feedback comes back — typed fast: choose from
and to, type the signal, Enter, the next one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout

from worksession.domain.interchange import Document
from worksession.domain.models import Referral
from worksession.i18n import N_, _
from worksession.storage.operations.referrals import add_referral, update_referral
from worksession.ui.session.controller import SessionController
from worksession.ui.session.lookups import Lookups
from worksession.ui.session.record_model import Choices, Column
from worksession.ui.session.record_table import RecordTable

# Wide enough for a name with a short role; the list opens as wide as its longest entry.
CHOICE_CHARACTERS = 18


@dataclass(frozen=True)
class ReferralRow:
    """A referral agreement as the table shows it: people and theme by key."""

    id: int
    name: str
    signal: str
    source: str | None
    target: str | None
    contact: str
    feedback: bool
    feedback_how: str
    theme: str | None


def referral_people(document: Document) -> Choices:
    """(key, label) of everyone who can refer or be referred to: the participants, then every
    stakeholder — a referral often goes to an organisation, also when someone of it is here."""
    participants = [
        (p["key"], f"{p['name']} ({p['role']})" if p["role"] else p["name"])
        for p in document["participants"]
    ]
    stakeholders = [
        (s["key"], f"{s['name']} · {_('stakeholder')}") for s in document["stakeholders"]
    ]
    return ((None, _("(not chosen yet)")), *participants, *stakeholders)


class ReferralAgreements(QGroupBox):
    """The table of referral agreements with the choice of from and to for the next one."""

    def __init__(self, controller: SessionController) -> None:
        super().__init__(_("Referral agreements"))
        self.controller = controller
        columns = (
            Column("signal", N_("Signal")),
            Column("source", N_("From"), "choice", self._people),
            Column("target", N_("To"), "choice", self._people),
            Column("contact", N_("Contact person")),
            Column("feedback", N_("Feedback agreed"), "bool"),
            Column("feedback_how", N_("How")),
            Column("theme", N_("Theme"), "choice", self._themes),
        )
        self.table = RecordTable(
            controller,
            model=Referral,
            columns=columns,
            rows=self._rows,
            add=self._add,
            update=self._update,
            placeholder=_("Which signal prompts a referral? — Enter adds it"),
            noun=_("referral agreement"),
        )
        self.source_choice = QComboBox()
        self.source_choice.setAccessibleName(_("Who refers, for a new referral agreement"))
        self.target_choice = QComboBox()
        self.target_choice.setAccessibleName(_("To whom, for a new referral agreement"))
        for combo in (self.source_choice, self.target_choice):
            # Sized to their longest name ("Jan Houben (inwoner, mantelzorger voor zijn
            # vrouw)") the two made the page wider than a 1280-wide screen leaves for it.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(CHOICE_CHARACTERS)
        choices = QHBoxLayout()
        # Alt+V and Alt+N reach the two choices from the add field, past the table.
        for label, combo in ((_("&From:"), self.source_choice), (_("&To:"), self.target_choice)):
            caption = QLabel(label)
            caption.setBuddy(combo)
            choices.addWidget(caption)
            choices.addWidget(combo, stretch=1)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.table, stretch=1)
        self.refresh()

    # --- data ---------------------------------------------------------------------------------
    def _people(self) -> Choices:
        return referral_people(self.controller.document)

    def _themes(self) -> Choices:
        themes = self.controller.document["themes"]
        ordered = [t for t in themes if t["priority"]] + [t for t in themes if not t["priority"]]
        return ((None, _("(no theme)")), *((t["key"], t["title"]) for t in ordered))

    def _rows(self) -> list[ReferralRow]:
        stored = self.controller.record_rows(Referral)
        records = self.controller.document.get("referrals", [])
        return [
            ReferralRow(
                id=int(row.id),
                name=record["signal"][:40],
                signal=record["signal"],
                source=record["from"],
                target=record["to"],
                contact=record["contact"],
                feedback=record["feedback"],
                feedback_how=record["feedback_how"],
                theme=record["theme"],
            )
            for row, record in zip(stored, records, strict=True)
        ]

    def _add(self, signal: str) -> Referral:
        lookups = Lookups.load(self.controller.db, self.controller.session_id)
        return add_referral(
            db=self.controller.db,
            session_id=self.controller.session_id,
            signal=signal,
            source=lookups.person(self.source_choice.currentData()),
            target=lookups.person(self.target_choice.currentData()),
        )

    def _update(self, referral_id: int, values: dict[str, Any]) -> Referral:
        lookups = Lookups.load(self.controller.db, self.controller.session_id)
        changes: dict[str, Any] = {}
        for field, value in values.items():
            if field in ("source", "target"):
                changes[field] = lookups.person(value)
            elif field == "theme":
                changes["theme_id"] = lookups.themes.get(value) if value else None
            else:
                changes[field] = value
        return update_referral(db=self.controller.db, referral_id=referral_id, **changes)

    # --- view ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        people = self._people()
        for combo in (self.source_choice, self.target_choice):
            chosen = combo.currentData()
            combo.clear()
            for key, label in people:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        self.table.refresh()
