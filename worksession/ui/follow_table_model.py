"""The rows of *Afspraken volgen* as a table model: one agreement that needs attention per row.

Every cell carries a sort key besides its text, so sorting on a date column sorts by the date
(not by "dd-mm-jjjj" as text) and an empty date sorts last.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from worksession.domain.progress import REASONS, FollowUpItem, ProgressEntry
from worksession.domain.values import AgreementStatus
from worksession.i18n import N_, _

COLUMNS = (
    N_("Session"),  # "Kaalheide · Samen gezond oud worden": the wijk first, seen when cut
    N_("Agreement"),
    N_("Lead"),
    N_("When"),
    N_("Status now"),
    N_("Last news"),
    N_("Last report"),
    N_("Why"),
)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
REASONS_ROLE = Qt.ItemDataRole.UserRole + 2  # "overdue,silent": why the row is listed
REASON_COLUMN = COLUMNS.index(N_("Why"))
TOOLTIP_FROM = 30  # texts this long may be cut by their column
NO_DATE = "9999-12-31"  # an agreement without a date sorts after every dated one


class FollowTableModel(QStandardItemModel):
    def __init__(self) -> None:
        super().__init__(0, len(COLUMNS))
        self.setHorizontalHeaderLabels([_(title) for title in COLUMNS])
        self.setSortRole(SORT_ROLE)
        self._items: list[FollowUpItem] = []

    def set_items(
        self,
        items: list[FollowUpItem],
        latest: Mapping[tuple[int, str], ProgressEntry] | None = None,
    ) -> None:
        """Show ``items``; ``latest`` holds the latest report per (session id, agreement key)."""
        self._items = list(items)
        latest = latest or {}
        self.setRowCount(0)
        for item in self._items:
            report = latest.get((item.agreement.session_id, item.agreement.agreement_key))
            row = [_cell(text, key) for text, key in _cells(item, report)]
            row[REASON_COLUMN].setData(",".join(item.reasons), REASONS_ROLE)
            self.appendRow(row)

    def item_at(self, row: int) -> FollowUpItem:
        return self._items[row]


def _cell(text: str, key: str) -> QStandardItem:
    cell = QStandardItem(text)
    cell.setEditable(False)
    cell.setData(key, SORT_ROLE)
    if len(text) > TOOLTIP_FROM:  # the whole text on hover
        cell.setToolTip(text)
    return cell


def shown_date(day: dt.date | None) -> str:
    return "–" if day is None else day.strftime("%d-%m-%Y")


def status_label(status: str) -> str:
    return AgreementStatus(status).label if status in set(AgreementStatus) else status


def report_text(entry: ProgressEntry | None) -> str:
    """ "Drukker gevonden. — Yvonne Kessels": what the latest report said, and who said it."""
    if entry is None:
        return "–"
    note = " ".join(entry.note.split()) or status_label(entry.status)
    return f"{note} — {entry.reported_by}" if entry.reported_by else note


def _cells(item: FollowUpItem, report: ProgressEntry | None) -> list[tuple[str, str]]:
    agreement = item.agreement
    session = " · ".join(filter(None, (agreement.wijk, agreement.session_title)))
    what = " ".join(agreement.what.split()) or agreement.agreement_key
    due = agreement.due
    return [
        (session, session.casefold()),
        (what, what.casefold()),
        (agreement.lead or "–", agreement.lead.casefold()),
        (shown_date(due), NO_DATE if due is None else due.isoformat()),
        (status_label(agreement.status), agreement.status),
        (shown_date(agreement.last_news), agreement.last_news.isoformat()),
        (report_text(report), report_text(report).casefold()),
        # Sorted on "why", the most urgent reason comes first, then the date it is judged by.
        (", ".join(item.reason_labels), f"{REASONS.index(item.reasons[0])} {item.date}"),
    ]
