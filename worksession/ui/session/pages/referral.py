"""Verwijzing & samenwerking: per priority, where referral and cooperation stall; under it the
referral agreements (signal, from, to, contact person, feedback)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from worksession.domain.changes import Part
from worksession.domain.models import Improvement
from worksession.i18n import N_, _
from worksession.programmes.model import Step
from worksession.storage.operations.themes import (
    add_improvement,
    list_themes,
    update_improvement,
)
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.base import StepPage
from worksession.ui.session.record_model import Column
from worksession.ui.session.record_table import RecordTable
from worksession.ui.session.referral_agreements import ReferralAgreements

IMPROVEMENT_COLUMNS = (Column("text", N_("Improvement point")),)


class ReferralPage(StepPage):
    shows = frozenset(
        {
            Part.REFERRALS,
            Part.IMPROVEMENTS,
            Part.THEMES,
            Part.AGREEMENTS,
            Part.PARTICIPANTS,
            Part.STAKEHOLDERS,
        }
    )

    def __init__(self, controller: SessionController, step: Step) -> None:
        super().__init__(controller, step)
        self.empty = QLabel(_("Choose the priorities first (step Prioritising)."))
        self.layout_.addWidget(self.empty)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setAccessibleName(_("Improvement points per priority"))
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its tables take Tab, not the frame
        self.referrals = ReferralAgreements(controller)
        # The coach gives the room to what the group is working on: bottlenecks, then agreements.
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.area)
        self.split.addWidget(self.referrals)
        # The split takes the height there is rather than asking for both tables' full
        # height: on a 720-pixel screen the add field of the referral agreements stays in sight.
        self.split.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.layout_.addWidget(self.split, stretch=1)
        self.tables: dict[int, RecordTable] = {}
        self._shown: tuple[tuple[int, str], ...] = ()
        self.refresh()

    def _priorities(self) -> tuple[tuple[int, str], ...]:
        themes = list_themes(db=self.controller.db, session_id=self.controller.session_id)
        return tuple((int(t.id or 0), t.title) for t in themes if t.priority)

    def _table(self, theme_id: int) -> RecordTable:
        db = self.controller.db
        return RecordTable(
            self.controller,
            model=Improvement,
            columns=IMPROVEMENT_COLUMNS,
            rows=lambda: [
                row for row in self.controller.record_rows(Improvement)
                if row.theme_id == theme_id
            ],
            add=lambda text: add_improvement(db=db, theme_id=theme_id, text=text),
            update=lambda row_id, values: update_improvement(
                db=db, improvement_id=row_id, **values
            ),
            placeholder=_("Where does it stall, what should change? — Enter adds"),
            noun=_("improvement point"),
        )  # fmt: skip

    def refresh(self) -> None:
        super().refresh()
        priorities = self._priorities()
        if priorities != self._shown:
            self._shown = priorities
            holder = QWidget()
            column = QVBoxLayout(holder)
            self.tables = {}
            for theme_id, title in priorities:
                box = QGroupBox(title)
                inner = QVBoxLayout(box)
                self.tables[theme_id] = self._table(theme_id)
                self.tables[theme_id].setMinimumHeight(160)
                inner.addWidget(self.tables[theme_id])
                column.addWidget(box)
            column.addStretch()
            self.area.setWidget(holder)
            self._tab_down_the_page()
        for table in self.tables.values():
            table.refresh()
        self.empty.setVisible(not priorities)
        self.area.setVisible(bool(priorities))
        self.referrals.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        # Placing the page in the window rebuilt its focus chain in the order things were made.
        self._tab_down_the_page()
        super().showEvent(event)

    def _tab_down_the_page(self) -> None:
        """Tab follows the page as it reads: every priority's points, then the referral
        agreements. Tables made anew join the end of the focus chain, after the agreements."""
        stops: list[QWidget] = [
            widget
            for part in (self.area.widget(), self.referrals)
            if part is not None
            for widget in part.findChildren(QWidget)
            # Not the pop-ups a field keeps (its completer's list): windows of their own.
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.window() is self.window()
        ]
        if not stops:
            return
        # The chain runs on from whatever came before the first of these stops.
        before = stops[0].previousInFocusChain()
        while before is not None and before in stops:
            before = before.previousInFocusChain()
        if before is None:
            return
        for first, second in zip([before, *stops[:-1]], stops, strict=True):
            QWidget.setTabOrder(first, second)

    def has_content(self) -> bool:
        document = self.controller.document
        return bool(document["improvements"] or document.get("referrals"))
