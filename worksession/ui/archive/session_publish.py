"""*Publiceren naar teamarchief* in the session window: the session published in the
background while the coach works on, the outcome said in the status bar, and a mark there for
as long as the session waits for an unreachable archive."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow

from worksession.i18n import _
from worksession.storage.database import Database
from worksession.ui.archive.events import archive_events
from worksession.ui.archive.no_archive import ask_for_archive
from worksession.ui.archive.running import ArchiveRun, RunReport, Step
from worksession.ui.archive.wording import publish_line
from worksession.user.settings import team_archive
from worksession.workflows.team_archive import ConflictChoice, SyncOutcome, publish, waiting


class SessionPublish(QObject):
    """The action and the waiting mark of one session window."""

    def __init__(
        self, window: QMainWindow, db: Database, session_id: int, flush: Callable[[], None]
    ) -> None:
        super().__init__(window)
        self.window = window
        self.db = db
        self.session_id = session_id
        self._flush = flush  # what is being typed belongs in what is published
        self.run: ArchiveRun | None = None
        self.action = QAction(_("Publish to the team archive"), window)
        self.action.setStatusTip(
            _("Upload this session to the team's archive, so the team sees this version")
        )
        self.action.triggered.connect(lambda _checked=False: self.publish())
        self.waiting_mark = QLabel(_("Waits for the team archive"))
        self.waiting_mark.setObjectName("archiveWaiting")
        self.waiting_mark.setStyleSheet("#archiveWaiting { color: #8a5300; }")
        window.statusBar().addPermanentWidget(self.waiting_mark)
        archive_events().waiting_changed.connect(self.show_waiting)
        self.show_waiting()

    def publish(self) -> ArchiveRun | None:
        """Publish the session as stored (after what is being typed); None when no archive is
        set (the coach is told where to set it) or a publish is still running."""
        archive = team_archive()
        if not archive:
            ask_for_archive(self.window)
            return None
        if self.run is not None and self.run.running:
            return None
        self._flush()
        db, session_id = self.db, self.session_id

        def step(choice: ConflictChoice) -> list[SyncOutcome]:
            # An archive out of reach leaves the session waiting (outcome "waiting"); the
            # start window's timer tries again, never this worker.
            return [publish(db=db, session_id=session_id, archive=archive, on_conflict=choice)]

        steps: list[Step] = [step]
        self.run = ArchiveRun(self.window, db, steps, archive=archive, direction="publish")
        self.run.finished.connect(self._finished)
        self.action.setEnabled(False)
        self.window.statusBar().showMessage(_("Publishing to the team archive…"))
        self.run.start()
        return self.run

    def _finished(self, report: RunReport) -> None:
        self.action.setEnabled(True)
        self.window.statusBar().showMessage(publish_line(report))
        archive_events().waiting_changed.emit()

    def show_waiting(self) -> None:
        """The mark in the status bar, shown while this session waits to be published."""
        waits = any(entry.session_id == self.session_id for entry in waiting(db=self.db))
        self.waiting_mark.setVisible(waits)
        self.waiting_mark.setToolTip(
            _("The team archive could not be reached; publishing is tried again while the app runs")
        )
