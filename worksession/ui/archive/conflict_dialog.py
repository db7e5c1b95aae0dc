"""The question when a session changed both on this laptop and in the team archive since they
last met: keep both (the incoming one as a copy), overwrite (after a backup) or cancel.

The dialog names the session and what each side knows of its change (what, who, when). Enter
and Escape both cancel at first: the default is the choice that changes nothing, never the
overwrite; each button has its own Alt letter, so the keyboard alone decides.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Signal
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
from worksession.workflows.team_archive import ConflictChoice, SyncConflict

Direction = Literal["publish", "fetch"]


def side_text(who: str | None, when: str | None, what: str | None) -> str:
    """One side's change in a few lines; what is not known is said to be unknown."""
    lines = [
        _("Changed: {what}").format(what=what or _("not recorded")),
        _("By: {who}").format(who=who or _("unknown")),
        _("When: {when}").format(when=when or _("unknown")),
    ]
    return "\n".join(lines)


class ConflictDialog(QDialog):
    """Asks once; ``chosen`` carries the choice (``"refuse"`` when cancelled)."""

    chosen = Signal(str)

    def __init__(
        self, conflict: SyncConflict, *, direction: Direction, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.choice: ConflictChoice = "refuse"
        self.setWindowTitle(_("Changed on both sides"))
        heading = QLabel(
            _("“{title}” was changed on this laptop and in the team archive.").format(
                title=conflict.title
            )
        )
        heading.setObjectName("conflictHeading")
        heading.setStyleSheet("#conflictHeading { font-weight: bold; }")
        heading.setWordWrap(True)
        intro = QLabel(
            _(
                "Both sides changed since this laptop last published or fetched the session "
                "(number {uuid}). Nothing has been overwritten."
            ).format(uuid=conflict.session_uuid)
        )
        intro.setWordWrap(True)
        self.here = QGroupBox(_("On this laptop"))
        self.there = QGroupBox(_("In the team archive"))
        for box, (who, when, what) in (
            (self.here, _local(conflict)),
            (self.there, _archive(conflict)),
        ):
            text = QLabel(side_text(who, when, what))
            text.setWordWrap(True)
            inner = QVBoxLayout(box)
            inner.addWidget(text)
        sides = QHBoxLayout()
        sides.addWidget(self.here)
        sides.addWidget(self.there)
        self.explanation = QLabel(_explain(direction))
        self.explanation.setWordWrap(True)

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


def _local(conflict: SyncConflict) -> tuple[str | None, str | None, str | None]:
    return (
        getattr(conflict, "local_changed_by", None),
        getattr(conflict, "local_changed_at", None),
        getattr(conflict, "local_change", None),
    )


def _archive(conflict: SyncConflict) -> tuple[str | None, str | None, str | None]:
    return (
        getattr(conflict, "archive_changed_by", None),
        getattr(conflict, "archive_changed_at", None),
        getattr(conflict, "archive_change", None),
    )
