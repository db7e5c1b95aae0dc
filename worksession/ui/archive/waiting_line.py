"""The start window's line on what waits for the team archive, and the retries while the app
runs.

"2 sessies wachten op het teamarchief: … · Nu opnieuw proberen": the sessions published while
the archive was out of reach. A timer tries them again every few minutes, in the background
(a hanging server costs a connection timeout in a worker thread, never the window); *Nu
opnieuw proberen* tries at once. Hidden while nothing waits.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from worksession.i18n import _, ngettext
from worksession.ui.archive.events import archive_events

# Built with the start window's listing, before the sessions are listed: the archive's
# workflow (the storage models, the interchange checks) loads when what waits is first read.
if TYPE_CHECKING:
    from worksession.storage.database import Database
    from worksession.ui.archive.running import ArchiveRun, RunReport

RETRY_MS = 2 * 60 * 1000  # how often what waits is tried again while the app runs
# The first try after the app starts (back at the office, the network there): soon, but after
# the start's own work, so the listing and the toolkit come first.
FIRST_TRY_MS = 10 * 1000
TITLES_SHOWN = 3  # the line names this many of the waiting sessions, then "…"


class WaitingLine(QFrame):
    """The line; ``count(db)`` reads what waits, ``retry()`` tries it again."""

    tried = Signal()  # a retry has reported back and the line shows what still waits

    def __init__(self, parent: QWidget | None = None, retry_ms: int = RETRY_MS) -> None:
        super().__init__(parent)
        self.setObjectName("archiveWaitingLine")
        self.setStyleSheet(
            "#archiveWaitingLine { background: #fff4ce; }"
            " #archiveWaitingLine QLabel { color: #3d2c00; }"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # titles are the coaches' own text
        # A button, not a link: Tab and its Alt letter reach it. The letter is O in every
        # language (declared in ``shortcuts`` as retry_archive, listed in the overview).
        self.retry_button = QPushButton(_("Try again n&ow"))
        self.retry_button.clicked.connect(lambda _checked=False: self.retry())
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 10, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.retry_button)
        self.db: Database | None = None
        self.titles: list[str] = []
        self.run: ArchiveRun | None = None
        self.last_try = ""  # what the last retry found, said after the count
        self.timer = QTimer(self)
        self.timer.setInterval(retry_ms)
        self.timer.timeout.connect(self._tick)
        archive_events().waiting_changed.connect(self.recount)
        self.hide()

    def count(self, db: Database, *, first_try_ms: int | None = None) -> None:
        """Read what waits in ``db`` and show it; the retries start, the first after
        ``first_try_ms`` when given (else after the timer's interval)."""
        self.db = db
        self.recount()
        self.timer.start()
        if first_try_ms is not None:
            QTimer.singleShot(first_try_ms, self, self._tick)

    def stop(self) -> None:
        """Try nothing more (the app ends); a try under way ends after the session it is at."""
        self.timer.stop()
        self.db = None  # a first try still due finds nothing to do
        if self.run is not None:
            self.run.stop()

    def recount(self) -> None:
        if self.db is None:
            return
        # The records alone (what ``team_archive.waiting`` reads): counting at start-up does
        # not load the publishing and its checks.
        from worksession.storage.sync_records import waiting_sessions

        self.titles = [entry.title for entry in waiting_sessions(self.db)]
        self._show()

    def _show(self) -> None:
        count = len(self.titles)
        self.setVisible(count > 0)
        if not count:
            return
        names = ", ".join(f"“{title}”" for title in self.titles[:TITLES_SHOWN])
        if count > TITLES_SHOWN:
            names += ", …"
        text = ngettext(
            "{count} session waits for the team archive: {names}.",
            "{count} sessions wait for the team archive: {names}.",
            count,
        ).format(count=count, names=names)
        if self.last_try:
            text += " " + self.last_try
        trying = self.run is not None and self.run.running
        if trying:
            text += " " + _("Trying again…")
        self.retry_button.setEnabled(not trying)
        self.label.setText(text.replace("\n", " "))

    def _tick(self) -> None:
        # Read again first: a command (``worksession publish --retry``) may have published
        # meanwhile, or another window made a session wait.
        self.recount()
        self.retry(ask=False)

    def retry(self, *, ask: bool = True) -> ArchiveRun | None:
        """Try every waiting session again in the background; None when nothing waits or a try
        is still running. ``ask``: whether a session changed in the archive too is asked about
        (the coach pressed *Nu opnieuw proberen*) or left waiting (the timer)."""
        if self.db is None or not self.titles or (self.run is not None and self.run.running):
            return None
        from worksession.storage.sync_records import archive_name
        from worksession.ui.archive.running import ArchiveRun, Step
        from worksession.user.settings import team_archive
        from worksession.workflows.team_archive import (
            ConflictChoice,
            SyncOutcome,
            publish,
            waiting,
        )

        db = self.db

        def step_for(session_id: int, archive: str) -> Step:
            # One session at a time (not ``publish_waiting``): a conflict is asked about, and
            # answered, for that session alone.
            def step(choice: ConflictChoice) -> list[SyncOutcome]:
                return [publish(db=db, session_id=session_id, archive=archive, on_conflict=choice)]

            return step

        chosen = team_archive()
        steps = [
            # The records name an archive without its password: the settings' own address
            # is used where it is the same archive, so a password kept in it still works.
            step_for(
                entry.session_id, chosen if archive_name(chosen) == entry.archive else entry.archive
            )
            for entry in waiting(db=db)
        ]
        self.run = ArchiveRun(self, db, steps, archive=chosen, direction="publish", ask=ask)
        self.run.finished.connect(self._tried)
        self.run.start()
        self._show()
        return self.run

    def _tried(self, report: RunReport) -> None:
        now = dt.datetime.now().strftime("%H:%M")
        still = [o for o in report.outcomes if o.action == "waiting"]
        if report.failed:
            self.last_try = _("Last try at {time}: {reason}").format(
                time=now, reason="; ".join(report.failed)
            )
        elif report.unreachable or still:
            self.last_try = _("Last try at {time}: not reachable.").format(time=now)
        else:
            self.last_try = ""
        if report.cancelled:
            # Changed in the archive too: the coach decides from the session's window.
            self.last_try += " " + _(
                "Changed in the team archive too, publish from its window to choose: {titles}."
            ).format(titles=", ".join(f"“{title}”" for title in report.cancelled))
        archive_events().waiting_changed.emit()  # the session windows' marks and this line
        self.recount()
        self.tried.emit()
