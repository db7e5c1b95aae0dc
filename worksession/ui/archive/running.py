"""A publish or a fetch run in the background, one session at a time, asking the coach when a
session changed on both sides.

Each step is one session's publish or fetch. A step refused with ``SyncConflict`` opens the
conflict question; the coach's choice runs that step again with it, Cancel leaves the session
as it is and goes on with the next. The window stays usable all along: the work runs in the
thread pool, and a hanging server costs the archive's connection timeout, never the window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from worksession.storage.database import Database
from worksession.storage.errors import StorageError
from worksession.ui.archive.conflict_dialog import ConflictDialog, Direction, Side
from worksession.ui.background import Job, start
from worksession.workflows.archive_listing import archive_change_said, change_said
from worksession.workflows.team_archive import (
    ArchiveUnreachable,
    ConflictChoice,
    SyncConflict,
    SyncOutcome,
)

# One session's publish or fetch with the choice for a conflict; what it did.
Step = Callable[[ConflictChoice], Sequence[SyncOutcome]]


@dataclass
class RunReport:
    """What a run did: each session's outcome, the sessions left alone after a conflict
    (their titles), why the run stopped early ("" when it did not: the archive out of reach)
    and why a session was refused (its archive content, a session gone)."""

    outcomes: list[SyncOutcome] = field(default_factory=list)
    cancelled: list[str] = field(default_factory=list)
    unreachable: str = ""
    failed: list[str] = field(default_factory=list)


class ArchiveRun(QObject):
    """Runs ``steps`` one after the other in the background; ``finished`` carries the
    ``RunReport``, ``progressed`` how many steps are done."""

    finished = Signal(object)
    progressed = Signal(int, int)  # done, of

    def __init__(
        self,
        parent: QWidget,
        db: Database,
        steps: Sequence[Step],
        *,
        archive: str,
        direction: Direction,
        ask: bool = True,
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        # Where each side's last change of a conflicting session is read: the laptop's
        # database and the archive.
        self.db = db
        self.archive = archive
        self.steps = list(steps)
        self.direction = direction
        # Whether a conflict is asked about; a run the coach did not start (the retry timer)
        # leaves the session as it is instead of putting a question in front of them.
        self.ask = ask
        self.report = RunReport()
        self.jobs: list[Job] = []
        self.question: ConflictDialog | None = None  # the conflict asked about, while open
        self._index = 0
        self.running = False

    def start(self) -> None:
        self.running = True
        self._run("refuse")

    def stop(self) -> None:
        """Start no further step: the one under way (one session's sync) is let finish, the
        rest is not tried and no question is asked."""
        self.steps = self.steps[: self._index + 1]
        self.ask = False

    def _run(self, choice: ConflictChoice) -> None:
        if self._index >= len(self.steps):
            self._finish()
            return
        step = self.steps[self._index]
        job = Job(lambda: list(step(choice)))
        job.signals.done.connect(self._done)
        job.signals.failed.connect(self._failed)
        start(job, kept=self.jobs)

    def _done(self, outcomes: list[SyncOutcome]) -> None:
        self.report.outcomes.extend(outcomes)
        self._next()

    def _next(self) -> None:
        self._index += 1
        self.progressed.emit(self._index, len(self.steps))
        self._run("refuse")

    def _failed(self, error: object) -> None:
        if isinstance(error, SyncConflict):
            # What the step did for other sessions before it met this one.
            self.report.outcomes.extend(error.done)
        if isinstance(error, SyncConflict) and self.ask:
            self._ask(error)
        elif isinstance(error, SyncConflict):
            self._chosen(error, "refuse")
        elif isinstance(error, ArchiveUnreachable):
            # The archive is out of reach for every step alike: the rest is not tried.
            self.report.unreachable = str(error)
            self._finish()
        elif isinstance(error, (StorageError, OSError)):
            # One session refused (its content names session and field): the others go on.
            self.report.failed.append(str(error))
            self._next()
        else:
            self._finish()
            raise error  # type: ignore[misc]  # a defect: the crash report shows it

    def _ask(self, conflict: SyncConflict) -> None:
        """Read who changed the archive's side, and what (in the background: the archive is
        on the network), then ask."""
        archive, uuid = self.archive, conflict.session_uuid
        job = Job(lambda: archive_change_said(archive=archive, session_uuid=uuid))
        job.signals.done.connect(lambda theirs: self._question(conflict, theirs))
        job.signals.failed.connect(lambda _error: self._question(conflict, None))
        start(job, kept=self.jobs)

    def _question(self, conflict: SyncConflict, theirs: str | None) -> None:
        mine = change_said(db=self.db, session_uuid=conflict.session_uuid)
        dialog = ConflictDialog(
            title=conflict.title,
            session_uuid=conflict.session_uuid,
            here=Side(mine, conflict.laptop_changed),
            there=Side(theirs, conflict.archive_changed),
            direction=self.direction,
            parent=self.parent_widget,
        )
        dialog.chosen.connect(lambda choice: self._chosen(conflict, choice))
        self.question = dialog
        dialog.open()

    def _chosen(self, conflict: SyncConflict, choice: str) -> None:
        if self.question is not None:
            self.question.deleteLater()
            self.question = None
        if choice == "refuse":
            self.report.cancelled.append(conflict.title)
            self._next()
        elif choice in ("keep_both", "overwrite"):
            self._run(choice)  # type: ignore[arg-type]  # one of the two checked here

    def _finish(self) -> None:
        self.running = False
        self.finished.emit(self.report)
