"""A thin table model over the list of sessions (id, date, wijk, title, status)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from worksession.domain.values import SessionStatus
from worksession.i18n import N_, _

if TYPE_CHECKING:
    from worksession.storage.session_list import SessionSummary

Index = QModelIndex | QPersistentModelIndex


class SessionTableModel(QAbstractTableModel):
    COLUMNS = (N_("Date"), N_("Wijk"), N_("Title"), N_("Status"), N_("Last change"))

    def __init__(self, sessions: list[SessionSummary] | None = None) -> None:
        super().__init__()
        self._sessions: list[SessionSummary] = []
        self._cells: list[tuple[str, ...]] = []
        self.set_sessions(sessions or [])

    def set_sessions(self, sessions: list[SessionSummary]) -> None:
        self.beginResetModel()
        self._sessions = list(sessions)
        # Formatted once: the view asks for cells many times, an archive has a thousand rows.
        self._cells = [_cells(session) for session in self._sessions]
        self.endResetModel()

    def session_at(self, row: int) -> SessionSummary:
        return self._sessions[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._sessions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        return self._cells[index.row()][index.column()]


def _cells(row: SessionSummary) -> tuple[str, ...]:
    return (
        row.date.strftime("%d-%m-%Y") if row.date else "–",
        row.wijk or "–",
        row.title,
        SessionStatus(row.status).label,
        row.updated_at.astimezone().strftime("%d-%m-%Y %H:%M"),
    )
