"""The question when a session changed both on this laptop and in the team archive since they
last met: keep both (the incoming one as a copy), overwrite (after a backup) or cancel.

The dialog names the session and what each side knows of its change (what, who, when). Enter
and Escape both cancel at first: the default is the choice that changes nothing, never the
overwrite; each button has its own Alt letter, so the keyboard alone decides.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from worksession.i18n import _
from worksession.workflows.team_archive import ConflictChoice

Direction = Literal["publish", "fetch"]


class Side(NamedTuple):
    """What one side noted of its last change."""

    said: str | None  # who, what, when and the revision, in a sentence; None: not noted
    when: str  # ISO 8601 as stored (naive means UTC), "" when not known


def shown_time(stored: str) -> str:
    """An ISO time as the coach reads it: local time, day-month-year hours:minutes."""
    try:
        moment = dt.datetime.fromisoformat(stored)
    except ValueError:
        return stored
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%d-%m-%Y %H:%M")


def side_text(side: Side) -> str:
    """One side's change: the sentence that names who, what and when, or what is known."""
    if side.said:
        return side.said
    if side.when:
        return _("Changed on {when}; who and what were not noted.").format(
            when=shown_time(side.when)
        )
    return _("Not noted who changed it, what or when.")


class ConflictDialog(QDialog):
    """Asks once about the session ``title``; ``chosen`` carries the choice (``"refuse"`` when
    cancelled)."""

    chosen = Signal(str)

    def __init__(
        self,
        *,
        title: str,
        session_uuid: str,
        here: Side,
        there: Side,
        direction: Direction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.choice: ConflictChoice = "refuse"
        self.setWindowTitle(_("Changed on both sides"))
        heading = QLabel(
            _("“{title}” was changed on this laptop and in the team archive.").format(title=title)
        )
        # The coaches' own text (a title, a name) is shown as typed, never as markup.
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setObjectName("conflictHeading")
        heading.setStyleSheet("#conflictHeading { font-weight: bold; }")
        heading.setWordWrap(True)
        intro = QLabel(
            _(
                "Both sides changed since this laptop last published or fetched the session "
                "(number {uuid}). Nothing has been overwritten."
            ).format(uuid=session_uuid)
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.here = QGroupBox(_("On this laptop"))
        self.there = QGroupBox(_("In the team archive"))
        for box, side in ((self.here, here), (self.there, there)):
            text = QLabel(side_text(side))
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setWordWrap(True)
            inner = QVBoxLayout(box)
            inner.addWidget(text)
        sides = QHBoxLayout()
        sides.addWidget(self.here)
        sides.addWidget(self.there)
        self.explanation = QLabel(_explain(direction))
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)

        self.keep_both = QPushButton(_("Keep &both (as a copy)"))
        self.overwrite = QPushButton(_("&Overwrite (after a backup)"))
        self.cancel = QPushButton(_("&Cancel"))
        self.keep_both.clicked.connect(lambda: self._choose("keep_both"))
        self.overwrite.clicked.connect(lambda: self._choose("overwrite"))
        self.cancel.clicked.connect(self.reject)
        # Enter presses Cancel until the coach moves to another button (Tab, or its Alt
        # letter): a stray Enter never overwrites.
        self.cancel.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.keep_both)
        buttons.addWidget(self.overwrite)
        buttons.addWidget(self.cancel)

        column = QVBoxLayout(self)
        column.addWidget(heading)
        column.addWidget(intro)
        column.addLayout(sides)
        column.addWidget(self.explanation)
        column.addLayout(buttons)
        self.setMinimumWidth(560)
        self.cancel.setFocus()

    def _choose(self, choice: ConflictChoice) -> None:
        self.choice = choice
        self.accept()

    def done(self, result: int) -> None:
        # Every way out (a button, Escape, the window's close button) says what was chosen.
        super().done(result)
        self.chosen.emit(self.choice)


def _explain(direction: Direction) -> str:
    if direction == "publish":
        return _(
            "Keep both: the team archive keeps its version and gets this laptop's as a copy "
            "beside it.\nOverwrite: the team archive's version is replaced by this laptop's, "
            "after a backup of it.\nCancel: nothing is published."
        )
    return _(
        "Keep both: this laptop keeps its version and gets the team archive's as a copy "
        "beside it.\nOverwrite: this laptop's version is replaced by the team archive's, after "
        "a backup of the database.\nCancel: this session is not fetched."
    )
