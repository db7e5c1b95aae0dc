"""Sign-off in the room: decisions as undoable commands, the questions asked before everyone
present is recorded as *akkoord* or before a plan with open points of attention is frozen, and
the dialog for the change a participant asks for (Ctrl+Enter confirms it)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from worksession.domain.plan import present_participants
from worksession.domain.values import Decision
from worksession.i18n import _
from worksession.storage.database import Database
from worksession.storage.operations.plan import (
    latest_decisions,
    list_versions,
    record_decisions,
    snapshot_of,
    withdraw_decisions,
)
from worksession.ui.session.commands import ActionCommand
from worksession.ui.session.controller import SessionController

BULLETS_AT_MOST = 12  # one per line up to here; a longer list of names runs on as a paragraph
NAMES_AT_MOST = 100  # names in a question; a longer list ends with "and N more"


class DecisionsCommand(ActionCommand):
    """Record one decision of one or more participants; undo withdraws exactly those rows."""

    def __init__(
        self,
        text: str,
        db: Database,
        *,
        session_id: int,
        version: int,
        participants: Sequence[str],
        decision: str,
        comment: str = "",
        method: str = "session",
    ) -> None:
        super().__init__(text)
        self._db, self._session_id, self._version = db, session_id, version
        self._participants = list(participants)
        self._decision, self._comment, self._method = decision, comment, method
        self.decision_ids: list[int] = []

    def run_first(self) -> None:
        self.again()

    def again(self) -> None:
        rows = record_decisions(
            db=self._db,
            session_id=self._session_id,
            version=self._version,
            participants=self._participants,
            decision=self._decision,
            comment=self._comment,
            method=self._method,
        )
        self.wrote(rows)
        self.decision_ids = [int(row.id or 0) for row in rows]

    def undo(self) -> None:
        self.wrote(
            withdraw_decisions(
                db=self._db, session_id=self._session_id, decision_ids=self.decision_ids
            )
        )


def listed(items: Sequence[str]) -> str:
    """Up to a dozen items one per line, the rest cut short with a count (points of attention:
    the side panel lists them all)."""
    shown = [f"• {item}" for item in items[:BULLETS_AT_MOST]]
    if len(items) > BULLETS_AT_MOST:
        shown.append(_("… and {count} more").format(count=len(items) - BULLETS_AT_MOST))
    return "\n".join(shown)


def names(people: Sequence[str]) -> str:
    """Names one per line when few, else as one paragraph, so sixty still fit a laptop screen."""
    if len(people) <= BULLETS_AT_MOST:
        return listed(people)
    text = ", ".join(people[:NAMES_AT_MOST])
    if len(people) > NAMES_AT_MOST:
        text += " " + _("… and {count} more").format(count=len(people) - NAMES_AT_MOST)
    return text


def all_agreed_question(
    parent: QWidget, version: int, people: Sequence[str], waiting: Sequence[str]
) -> QMessageBox:
    """Ask before recording *akkoord* for ``people``; ``waiting`` asked for a change and are left
    out (their own agreement is recorded one by one, once the change is made)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Everyone who was present: agreed"))
    box.setText(
        _("Record agreed on version {number} for these {count} participants?").format(
            number=version, count=len(people)
        )
    )
    details = names(people)
    if waiting:
        details += "\n\n" + _("Not included, they asked for a change:") + "\n" + names(waiting)
    box.setInformativeText(details)
    box.addButton(_("Record agreed"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    return box


def ask_everyone_present(
    parent: QWidget, controller: SessionController, number: int, method: str
) -> QMessageBox | None:
    """Open the question naming everyone present who has not decided on version ``number``;
    saying yes records their *akkoord* as one command. None (and a note in the status bar) when
    nobody is left to ask about."""
    versions = list_versions(db=controller.db, session_id=controller.session_id)
    version = next(v for v in versions if v.number == number)
    assert version.id is not None
    decided = latest_decisions(db=controller.db, version_id=version.id)
    present = present_participants(snapshot_of(version))
    undecided = [p for p in present if p["key"] not in decided]
    waiting = [
        p["name"]
        for p in present
        if p["key"] in decided and decided[p["key"]].decision == Decision.CHANGES.value
    ]
    if not undecided:
        window = parent.window()
        if isinstance(window, QMainWindow):  # nothing went wrong: a note, not a banner
            window.statusBar().showMessage(
                _("Everyone who was present has decided on version {number}.").format(number=number)
            )
        return None
    box = all_agreed_question(parent, number, [p["name"] for p in undecided], waiting)
    command = DecisionsCommand(
        _("Everyone who was present: agreed"),
        controller.db,
        session_id=controller.session_id,
        version=number,
        participants=[p["key"] for p in undecided],
        decision=Decision.AGREED.value,
        method=method,
    )
    box.accepted.connect(lambda: controller.execute(command))
    box.open()
    return box


def freeze_question(parent: QWidget, points: Sequence[str]) -> QMessageBox:
    """Warn that the plan still has open points of attention before it is frozen for review."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Freeze as a version for review"))
    box.setText(
        _("{count} points of attention are still open. Freeze the plan for review anyway?").format(
            count=len(points)
        )
    )
    box.setInformativeText(listed(points))
    box.addButton(_("Freeze anyway"), QMessageBox.ButtonRole.AcceptRole)
    # Enter means "not yet": freezing is a version the participants will read.
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    return box


class ChangesDialog(QDialog):
    """Which change a participant asks for; Ctrl+Enter confirms, Enter starts a new line."""

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Changes requested"))
        self.comment = QPlainTextEdit()
        self.comment.setAccessibleName(_("Which change is asked for?"))
        self.comment.setTabChangesFocus(True)
        self.question = label = QLabel(_("Which change does {who} ask for?").format(who=who))
        label.setWordWrap(True)
        hint = QLabel(_("Ctrl+Enter records it."))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.comment.textChanged.connect(self._allow)
        # Seen by the text field itself: a window shortcut would lose to the editor, which
        # takes Ctrl+Enter as a line break.
        self.comment.installEventFilter(self)
        layout = QVBoxLayout(self)
        for widget in (label, self.comment, hint, self.buttons):
            layout.addWidget(widget)
        self._allow()
        self.comment.setFocus()

    def text(self) -> str:
        return self.comment.toPlainText().strip()

    def _allow(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.text()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.comment
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if self.text():  # an empty request is no request: the dialog waits for one
                self.accept()
            return True
        return False
