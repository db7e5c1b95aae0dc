"""*Ophalen uit teamarchief*: every session of the team archive, or one chosen from its list.

The list is read in the background when the dialog opens (a hanging server costs the
connection timeout, never the window); until then, and when the archive cannot be reached,
the dialog says so and *Fetch* waits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from worksession.i18n import _, ngettext
from worksession.storage.errors import StorageError
from worksession.support.line_output import one_line
from worksession.ui.archive.address_label import AddressLabel
from worksession.ui.background import Job, start
from worksession.workflows.archive_address import shown_address
from worksession.workflows.archive_listing import ArchivedSession

_LONGEST = 200  # characters of an entry: a session's title may hold 200


def entry_text(session: ArchivedSession) -> str:
    """How a session of the archive is offered: title, wijk and date, and whether it is new."""
    details = ", ".join(part for part in (session.wijk, session.date) if part)
    text = f"{session.title} — {details}" if details else session.title
    # The archive's rows are not checked until a fetch: a line break or a bidi override put in
    # by hand would break or turn the line. Written as escapes, and cut to a line's length.
    text = one_line(text if len(text) <= _LONGEST else text[: _LONGEST - 1] + "…")
    if not session.here:
        text += " " + _("(not on this laptop yet)")
    return text


class FetchDialog(QDialog):
    """Asks what to fetch; ``chosen`` carries the sessions' UUIDs (all of the list, or one)."""

    chosen = Signal(object)  # list[str]

    def __init__(
        self,
        archive: str,
        load: Callable[[], Sequence[ArchivedSession]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Fetch from the team archive"))
        self.sessions: list[ArchivedSession] = []
        self.jobs: list[Job] = []
        self.where = where = AddressLabel(
            _("From: {archive}").format(archive=shown_address(archive))
        )
        self.every = QRadioButton(_("&All sessions of the team archive"))
        self.one = QRadioButton(_("&One session:"))
        self.every.setChecked(True)
        self.choice = QComboBox()
        self.choice.setAccessibleName(_("The session to fetch"))
        self.choice.setEnabled(False)
        self.one.toggled.connect(self.choice.setEnabled)
        # Choosing from the list says "this one" without a second key.
        self.choice.activated.connect(lambda _index: self.one.setChecked(True))
        self.state = QLabel(_("Reading the team archive…"))
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)  # a server's words, never markup
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.fetch_button = QPushButton(_("&Fetch"))
        self.buttons.addButton(self.fetch_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.fetch_button.setDefault(True)
        self.fetch_button.setEnabled(False)  # until the list is read
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(where)
        column.addWidget(self.every)
        column.addWidget(self.one)
        column.addWidget(self.choice)
        column.addWidget(self.state)
        column.addWidget(self.buttons)
        self.setMinimumWidth(520)
        job = Job(lambda: list(load()))
        job.signals.done.connect(self._listed)
        job.signals.failed.connect(self._not_listed)
        start(job, kept=self.jobs)

    def _listed(self, sessions: list[ArchivedSession]) -> None:
        self.sessions = sessions
        for session in sessions:
            self.choice.addItem(entry_text(session), session.uuid)
        new = sum(not session.here for session in sessions)
        self.state.setText(
            _("The team archive holds no sessions yet.")
            if not sessions
            else ngettext(
                "{count} session in the team archive, {new} of them not on this laptop yet.",
                "{count} sessions in the team archive, {new} of them not on this laptop yet.",
                len(sessions),
            ).format(count=len(sessions), new=new)
        )
        self.fetch_button.setEnabled(bool(sessions))
        self.one.setEnabled(bool(sessions))

    def _not_listed(self, error: object) -> None:
        if not isinstance(error, (StorageError, OSError)):
            raise error  # type: ignore[misc]  # a defect: the crash report shows it
        self.state.setText(
            _("The team archive cannot be read; nothing can be fetched now: {reason}").format(
                reason=error
            )
        )
        self.one.setEnabled(False)

    def chosen_uuids(self) -> list[str]:
        if self.one.isChecked():
            uuid = self.choice.currentData()
            return [str(uuid)] if uuid else []
        return [session.uuid for session in self.sessions]

    def accept(self) -> None:
        uuids = self.chosen_uuids()
        if not uuids:
            return
        super().accept()
        self.chosen.emit(uuids)
