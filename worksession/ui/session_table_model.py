"""The list of sessions (date, wijk, title, status, last change) as a table model.

The cells and the column titles are held by Qt (a ``QStandardItemModel``) rather than answered
by Python overrides: the view then asks nothing of Python while it paints, and no override is
handed one of Qt's namespace enums — the first such call builds all of ``Qt``'s enums, some
30 ms on the way to the listed sessions (``make bench``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QStandardItem, QStandardItemModel

from worksession.domain.values import SessionStatus
from worksession.i18n import N_, _

if TYPE_CHECKING:
    from worksession.storage.session_list import SessionSummary

COLUMNS = (N_("Date"), N_("Wijk"), N_("Title"), N_("Status"), N_("Last change"))


class SessionTableModel(QStandardItemModel):
    def __init__(self, sessions: list[SessionSummary] | None = None) -> None:
        super().__init__(0, len(COLUMNS))
        self.setHorizontalHeaderLabels([_(title) for title in COLUMNS])
        self._sessions: list[SessionSummary] = []
        self.set_sessions(sessions or [])

    def set_sessions(self, sessions: list[SessionSummary]) -> None:
        self._sessions = list(sessions)
        self.setRowCount(0)
        for session in self._sessions:
            self.appendRow([_item(text) for text in _cells(session)])

    def session_at(self, row: int) -> SessionSummary:
        return self._sessions[row]


def _item(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    return item


def _cells(row: SessionSummary) -> tuple[str, ...]:
    return (
        row.date.strftime("%d-%m-%Y") if row.date else "–",
        row.wijk or "–",
        row.title,
        SessionStatus(row.status).label,
        row.updated_at.astimezone().strftime("%d-%m-%Y %H:%M"),
    )
