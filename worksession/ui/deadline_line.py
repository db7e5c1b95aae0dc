"""The start window's line on accreditation deadlines near or past: "Kaalheide: Accreditatie
aanvragen uiterlijk maandag 12 januari 2027 (nog 5 dagen)", a line per deadline, each session's
name a link that opens it.

Read with the follow-up line, after the sessions are listed (one select of the accredited,
dated sessions); hidden while nothing is near.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from worksession.domain.deadline_words import deadline_text
from worksession.domain.deadlines import DeadlineDue, DeadlineState
from worksession.i18n import _

if TYPE_CHECKING:
    from worksession.storage.database import Database

SHOWN = 3  # deadlines named on the line; more are counted


def deadlines_html(due: list[DeadlineDue]) -> str:
    """The line's text: a line per deadline (its session's id the link), then how many more."""
    parts = [
        f"<a href='{item.session_id}'>{escape(item.session_title)}</a>: "
        + escape(deadline_text(item.deadline))
        for item in due[:SHOWN]
    ]
    if len(due) > SHOWN:
        parts.append(_("and {count} more").format(count=len(due) - SHOWN))
    return "<br>".join(parts)  # a line each: a run of three read as one sentence


class DeadlineLine(QLabel):
    """The line; ``linkActivated`` fires with the id of the session clicked."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("deadlineLine")
        self.setWordWrap(True)
        self.setToolTip(_("Open the session"))
        self.due: list[DeadlineDue] = []
        self.hide()

    def count(self, db: Database, today: dt.date | None = None) -> None:
        """Read the deadlines that warn on ``today`` and show them (hidden when none does)."""
        from worksession.storage.operations.deadlines import sessions_with_deadlines

        self.due = sessions_with_deadlines(db=db, today=today)
        past = any(item.deadline.state == DeadlineState.PAST for item in self.due)
        background, colour = ("#fde7e9", "#5c0010") if past else ("#fff4ce", "#3d2c00")
        self.setStyleSheet(
            f"#deadlineLine {{ background: {background}; color: {colour}; padding: 6px 10px; }}"
        )
        self.setText(deadlines_html(self.due))
        self.setVisible(bool(self.due))
