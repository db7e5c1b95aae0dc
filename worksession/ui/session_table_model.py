"""The list of sessions (date, wijk, title, status, last change) as a table model; a follow-up
session's title says which session it follows.

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
TITLE = 2


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
            items = [_item(text) for text in _cells(session)]
            if session.follows is not None:
                # The title cell is cut to the window's width; the link must stay readable.
                items[TITLE].setToolTip(_("Follow-up of “{title}”").format(title=session.follows))
            self.appendRow(items)

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
        _title(row),
        SessionStatus(row.status).label,
        row.updated_at.astimezone().strftime("%d-%m-%Y %H:%M"),
    )


def _title(row: SessionSummary) -> str:
    """The title, and for a follow-up session the session it follows: by its date while it is
    here (the wijk is in its own column), else by the title of the plan it reviews."""
    if row.follows is None:
        return row.title
    follows = (
        _("the session of {date}").format(date=row.follows_date.strftime("%d-%m-%Y"))
        if row.follows_date is not None
        else f"“{row.follows}”"
    )
    return _("{title} · follow-up of {session}").format(title=row.title, session=follows)
