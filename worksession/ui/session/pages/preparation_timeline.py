"""The organiser's timeline on *Voorbereiding*: the programme's ``timeline`` as a checklist with
dates for this session, each tick one undo step.

The dates follow the session date (none shown while it has none); an item whose day has gone
and that is not ticked says so (``domain.timeline``). With an NHG coach an item NHG or the coach
arranges says so, so the organiser sees what is done for them; in the do-it-yourself variant the
organiser arranges everything and nothing more is said. A session whose programme is not on
this laptop, or has no timeline, shows none.

A row is a check box with the date and a label that wraps: the list is narrow beside the
session's details, and a checklist must show its whole items, not their first words.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QFrame, QGridLayout, QLabel, QScrollArea, QWidget

from worksession.domain.timeline import (
    ARRANGER_LABELS,
    Arranger,
    PlannedItem,
    plan_timeline,
    when_text,
)
from worksession.domain.values import Variant
from worksession.i18n import _
from worksession.programmes.model import Programme
from worksession.storage.operations.borging import set_preparation_done
from worksession.ui.session.commands import EditCommand
from worksession.ui.session.controller import SessionController


class PreparationTimeline(QScrollArea):
    """A check box with the date, then what to do, per item of the timeline."""

    def __init__(self, controller: SessionController) -> None:
        super().__init__()
        self.controller = controller
        self.planned: list[PlannedItem] = []
        self.boxes: dict[str, QCheckBox] = {}
        self.labels: dict[str, QLabel] = {}
        self.setAccessibleName(_("Timeline for the organiser"))
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.StyledPanel)

    def programme(self) -> Programme | None:
        name = self.controller.document["session"].get("programme", "")
        return self.controller.library.programmes.get(name)

    def refresh(self, today: dt.date | None = None) -> None:
        document = self.controller.document
        session = document["session"]
        programme = self.programme()
        items = programme.timeline if programme is not None else ()
        day = dt.date.fromisoformat(session["date"]) if session["date"] else None
        self.planned = plan_timeline(
            items,
            session_date=day,
            variant=session["variant"],
            done=set(document.get("preparation", [])),
        )
        self.setVisible(bool(self.planned))
        nhg = session["variant"] == Variant.NHG_COACH
        today = today or dt.date.today()
        if [entry.item.id for entry in self.planned] == list(self.boxes):
            # The same items (a tick, a new date): shown again in place. Rebuilding would delete
            # the check box whose click is still being handled.
            for entry in self.planned:
                self._show(entry, today, nhg)
            return
        inside = QWidget()
        grid = QGridLayout(inside)
        grid.setVerticalSpacing(4)
        heading = QLabel(_("Timeline for the organiser"))
        heading.setObjectName("timelineHeading")
        bold = QFont(heading.font())
        bold.setBold(True)
        heading.setFont(bold)
        grid.addWidget(heading, 0, 0, 1, 2)
        self.boxes, self.labels = {}, {}
        for row, entry in enumerate(self.planned, start=1):
            box = QCheckBox()
            box.setAccessibleName(entry.item.title)
            box.toggled.connect(lambda done, e=entry: self._ticked(e, done))
            label = QLabel()
            label.setWordWrap(True)
            label.setBuddy(box)
            grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1, Qt.AlignmentFlag.AlignTop)
            self.boxes[entry.item.id], self.labels[entry.item.id] = box, label
            self._show(entry, today, nhg)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(self.planned) + 1, 1)
        old = self.takeWidget()
        self.setWidget(inside)
        if old is not None:
            old.deleteLater()

    def _show(self, entry: PlannedItem, today: dt.date, nhg: bool) -> None:
        box, label = self.boxes[entry.item.id], self.labels[entry.item.id]
        when = when_text(entry.item)
        shown = f"{entry.day:%d-%m-%Y}" if entry.day is not None else "–"
        if entry.is_late(today):
            shown = "⚠ " + shown
            when = _("{when} — overdue").format(when=when)
        title = entry.item.title
        others = nhg and entry.who is not Arranger.ORGANISER
        if others:
            # What NHG (or the coach) arranges, said on the item itself: the organiser skips it.
            title = _("{title} — arranged by {who}").format(
                title=title, who=_(ARRANGER_LABELS[entry.who])
            )
        box.blockSignals(True)
        box.setText(shown)
        box.setChecked(entry.done)
        box.blockSignals(False)
        box.setToolTip(when)
        label.setText(title)
        label.setToolTip(when)
        font = QFont(label.font())
        font.setItalic(others)
        label.setFont(font)

    def _ticked(self, entry: PlannedItem, done: bool) -> None:
        item = entry.item.id
        command = EditCommand(
            (_("Tick {item}") if done else _("Untick {item}")).format(item=entry.item.title),
            lambda values: self._store(item, values),
            {"done": not done},
            {"done": done},
        )
        self.controller.execute(command)

    def _store(self, item: str, values: dict[str, Any]) -> object:
        return set_preparation_done(
            db=self.controller.db,
            session_id=self.controller.session_id,
            item=item,
            done=bool(values["done"]),
        )

    def ticked(self) -> list[str]:
        """The ids of the ticked items, in the order shown."""
        return [item for item, box in self.boxes.items() if box.isChecked()]
