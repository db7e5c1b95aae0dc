"""Kennismaking: who is who, grouped by domain — the start of a smoelenboek. Someone not
ticked present shows their invite list status beside their name, greyed."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QTreeWidget, QTreeWidgetItem, QTreeWidgetItemIterator

from worksession.domain.attendance import attendance_status
from worksession.domain.changes import Part
from worksession.domain.roles import effective_domain
from worksession.domain.values import Domain
from worksession.i18n import _
from worksession.programmes.model import Step
from worksession.ui.session.attendance_export import action_button
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.base import StepPage
from worksession.ui.session.people_sheets import who_is_who_export


class IntroductionsPage(StepPage):
    shows = frozenset({Part.PARTICIPANTS})

    def __init__(self, controller: SessionController, step: Step) -> None:
        super().__init__(controller, step)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("Who is who"))
        self.tree.setHeaderLabels([_("Name"), _("Role"), _("Organisation")])
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
                item = QTreeWidgetItem([name, person["role"], person["organisation"]])
                if not person["present"]:
                    for column in range(3):
                        item.setForeground(column, absent)
                group.addChild(item)
            self.tree.addTopLevelItem(group)
        self.tree.expandAll()
        for column in range(3):
            self.tree.resizeColumnToContents(column)

    def find_text(self, text: str) -> bool:
        needle = text.casefold()
        iterator = QTreeWidgetItemIterator(
            self.tree, QTreeWidgetItemIterator.IteratorFlag.NoChildren
        )
        while (item := iterator.value()) is not None:
            if any(needle in item.text(column).casefold() for column in range(3)):
                self.tree.setCurrentItem(item)
                return True
            iterator += 1
        return False

    def has_content(self) -> bool:
        return bool(self.controller.document["participants"])
