"""What the window says about saving: the red banner and the status bar, from one state.

The banner said "Niet opgeslagen" while the status bar beside it still said "Alles opgeslagen":
each was set by its own signal. Here one state (saved, refused, pending) draws both, and the
window title's modified mark, so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget

from worksession.i18n import _
from worksession.ui.session.controller import SessionController


class Saving(Enum):
    SAVED = "saved"  # every edit is stored
    REFUSED = "refused"  # the last edit was refused (a value that does not fit); the rest is stored
    PENDING = "pending"  # edits wait for the database and are tried again


class SaveState(QObject):
    def __init__(self, window: QWidget, controller: SessionController) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.state = Saving.SAVED
        self.banner = QLabel()
        self.banner.setObjectName("rejectedBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "#rejectedBanner { background: #fde7e9; color: #6e0811; padding: 6px 10px; }"
        )
        self.banner.hide()
        self.label = QLabel()
        controller.saved.connect(self.saved)
        controller.rejected.connect(self.refused)
        controller.failed.connect(self.failed)
        controller.pending_changed.connect(self.pending)
        controller.caution.connect(self.cautioned)
        self.saved(None)

    def saved(self, when: dt.datetime | None) -> None:
        if self.controller.has_pending:
            return  # an earlier edit still waits: "everything saved" would not be true
        self._show(Saving.SAVED, "")
        stamp = f" · {when:%H:%M:%S}" if when else ""
        self.label.setText(_("Everything saved") + stamp)

    def refused(self, message: str) -> None:
        if self.state is Saving.PENDING:
            # Waiting edits still say so; the refusal is news on top of that.
            self.banner.setText(self.banner.text() + "\n" + _("Not saved: {message}").format(
                message=message
            ))  # fmt: skip
            return
        self._show(Saving.REFUSED, _("Not saved: {message}").format(message=message))
        self.label.setText(_("Last change not saved; everything before it is"))

    def pending(self, reason: str) -> None:
        if not reason:
            self.saved(dt.datetime.now())
            return
        self._show(
            Saving.PENDING, _("Not saved — will be tried again: {reason}").format(reason=reason)
        )
        self.label.setText(_("Not saved — will be tried again"))

    def cautioned(self, message: str) -> None:
        # Stored, and the coach should know something about it: said until the next change.
        self.banner.setText(message)
        self.banner.show()

    def failed(self, message: str) -> None:
        # Not an edit (an export, a signature): everything typed is still stored, so the
        # saving state and the status bar stay as they are.
        self.banner.setText(message)
        self.banner.show()

    def _show(self, state: Saving, banner: str) -> None:
        self.state = state
        self.banner.setText(banner)
        self.banner.setVisible(bool(banner))
        self.window.setWindowModified(state is Saving.PENDING)
