"""A thin table model over the list of sessions (id, date, wijk, title, status)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from worksession.domain.models import WorkSession
from worksession.domain.values import SessionStatus
from worksession.i18n import N_, _

Index = QModelIndex | QPersistentModelIndex


class SessionTableModel(QAbstractTableModel):
    COLUMNS = (N_("Date"), N_("Wijk"), N_("Title"), N_("Status"), N_("Last change"))

    def __init__(self, sessions: list[WorkSession] | None = None) -> None:
        super().__init__()
        self._sessions: list[WorkSession] = list(sessions or [])

    def set_sessions(self, sessions: list[WorkSession]) -> None:
        self.beginResetModel()
        self._sessions = list(sessions)
        self.endResetModel()

    def session_at(self, row: int) -> WorkSession:
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
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._sessions[index.row()]
        match index.column():
            case 0:
                return row.date.strftime("%d-%m-%Y") if row.date else "–"
            case 1:
                return row.wijk or "–"
            case 2:
                return row.title
            case 3:
                return SessionStatus(row.status).label
            case _column:
                return row.updated_at.astimezone().strftime("%d-%m-%Y %H:%M")
