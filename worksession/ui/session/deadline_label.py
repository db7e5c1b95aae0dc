"""A deadline on a step page, in words and coloured by how near it is: the accreditation
request on *Voorbereiding*, the attendance upload on *Na de sessie*. Hidden when the session
has no date or no accreditation (there is no deadline then)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel

from worksession.domain.deadline_words import deadline_text
from worksession.domain.deadlines import Deadline, DeadlineState

# Background and text per state: the start window's warning colours (amber near, red past).
COLOURS = {
    DeadlineState.FAR: ("transparent", "#3b4248"),
    DeadlineState.NEAR: ("#fff4ce", "#3d2c00"),
    DeadlineState.PAST: ("#fde7e9", "#5c0010"),
    DeadlineState.DONE: ("transparent", "#5f6b73"),
}


class DeadlineLabel(QLabel):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setWordWrap(True)
        self.state: DeadlineState | None = None
        self.hide()

    def show_deadline(self, deadline: Deadline | None) -> None:
        self.state = None if deadline is None else deadline.state
        if deadline is None:
            self.hide()
            return
        background, colour = COLOURS[deadline.state]
        self.setStyleSheet(
            f"#{self.objectName()} {{ background: {background}; color: {colour}; "
            "padding: 3px 6px; }"
        )
        self.setText(deadline_text(deadline))
        self.setAccessibleName(self.text())
        self.show()


def session_date(document_date: str | None) -> dt.date | None:
    return dt.date.fromisoformat(document_date) if document_date else None
