"""The start window's side of the team archive: *Ophalen uit teamarchief* and the line on
what waits to be published.

The fetch runs one session at a time in the background (``running``), so a conflict asks about
that session alone and Cancel leaves it while the others still come; the listing is read again
when it is done, and the status bar says what happened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from worksession.i18n import _
from worksession.ui.archive.events import archive_events
from worksession.ui.archive.no_archive import ask_for_archive
from worksession.ui.archive.waiting_line import WaitingLine
from worksession.user.settings import team_archive

# Built with the listing, before the sessions are listed: the archive's workflow loads when
# it is first used (see ``waiting_line``).
if TYPE_CHECKING:
    from worksession.storage.database import Database
    from worksession.ui.archive.fetch_dialog import FetchDialog
    from worksession.ui.archive.running import ArchiveRun, RunReport, Step


class StartArchive(QObject):
    """Belongs to a start window; ``line`` goes into its column."""

    def __init__(
        self,
        window: QMainWindow,
        *,
        database: Callable[[], Database],
        refresh: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self._database = database  # the window's, once attached
        self._refresh = refresh  # the window's listing, read again after a fetch
        self.line = WaitingLine()
        self.dialog: FetchDialog | None = None
        self.run: ArchiveRun | None = None

    def attach(self, *, first_try_ms: int | None = None) -> None:
        """Count what waits in the window's database and try it again while the app runs
        (the start-up does this once the sessions are listed, with a first try soon)."""
        self.line.count(self._database(), first_try_ms=first_try_ms)

    def stop(self) -> None:
        """The window closes: no more retries, and a fetch ends after the session it is at."""
        self.line.stop()
        if self.run is not None:
            self.run.stop()

    def fetch(self) -> FetchDialog | None:
        """Ask what to fetch, then fetch it; None when no archive is set (the coach is told
        where to set it), a fetch still runs, or no database is attached yet."""
        archive = team_archive()
        if not archive:
            ask_for_archive(self.window)
            return None
        if self.run is not None and self.run.running:
            return None
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()  # asked twice: the one question stays
            self.dialog.activateWindow()
            return self.dialog
        db = self._database()
        from worksession.ui.archive.fetch_dialog import FetchDialog
        from worksession.workflows.archive_listing import archived_sessions

        self.dialog = FetchDialog(
            archive, lambda: archived_sessions(db=db, archive=archive), self.window
        )
        self.dialog.chosen.connect(lambda uuids: self.fetch_sessions(uuids, archive))
        self.dialog.finished.connect(self._closed)
        self.dialog.open()
        return self.dialog

    def _closed(self) -> None:
        """The dialog answered: let it go (the start window would otherwise keep each one)."""
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def fetch_sessions(self, uuids: list[str], archive: str) -> ArchiveRun | None:
        """Fetch each of ``uuids`` from ``archive`` in the background, asking at a conflict."""
        db = self._database()
        from worksession.ui.archive.running import ArchiveRun
        from worksession.workflows.team_archive import ConflictChoice, SyncOutcome, fetch

        def step_for(uuid: str) -> Step:
            def step(choice: ConflictChoice) -> list[SyncOutcome]:
                return fetch(db=db, archive=archive, session_uuid=uuid, on_conflict=choice)

            return step

        steps = [step_for(uuid) for uuid in uuids]
        self.run = ArchiveRun(self.window, db, steps, archive=archive, direction="fetch")
        self.run.progressed.connect(self._progressed)
        self.run.finished.connect(self._fetched)
        self.window.statusBar().showMessage(_("Fetching from the team archive…"))
        self.run.start()
        return self.run

    def _progressed(self, done: int, of: int) -> None:
        self.window.statusBar().showMessage(
            _("Fetching from the team archive… {done} of {of}").format(done=done, of=of)
        )

    def _fetched(self, report: RunReport) -> None:
        from worksession.ui.archive.wording import fetch_line

        self._refresh()
        archive_events().fetched.emit()
        self.window.statusBar().showMessage(fetch_line(report))
