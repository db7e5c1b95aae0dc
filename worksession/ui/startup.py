"""Starting the window: the start window first, then the database, the sessions and the rest.

Start-up is in two steps so the window paints before anything slow is imported: first Qt and
the start window with "Opening the sessions…", then (from the event loop) the database, the
session list, and after that the toolkit and the automatic backup. The composition root,
``worksession.app``, chooses the language and hands over to ``run_window``.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from worksession.i18n import _
from worksession.ui import error_report
from worksession.ui.qt_translations import install_qt_translations
from worksession.ui.start_window import StartWindow
from worksession.ui.startup_probe import StartupProbe
from worksession.user.settings import backup_retention_days

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractButton, QMessageBox

    from worksession.storage.database import Database
    from worksession.storage.recovery import DatabaseDamaged
    from worksession.ui.database_claim import DatabaseClaim


RESTORE, START_EMPTY, DECIDE_LATER = "restore", "start-empty", "later"


def damaged_dialog(error: DatabaseDamaged) -> tuple[QMessageBox, dict[QAbstractButton, str]]:
    """The question after a damaged database: restore the offered backup, start empty, or not now.

    Not now keeps the choice open: the next start asks again, and no empty database appears.
    """
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, _("The database is damaged"), str(error))
    choices: dict[QAbstractButton, str] = {}
    backup = error.backup
    if backup is not None:
        when = backup.created.astimezone().strftime("%d-%m-%Y %H:%M")
        restore = box.addButton(
            _("Restore the backup of {when}").format(when=when),
            QMessageBox.ButtonRole.AcceptRole,
        )
        choices[restore] = RESTORE
        box.setDefaultButton(restore)
    empty = box.addButton(_("Start with an empty database"), QMessageBox.ButtonRole.DestructiveRole)
    choices[empty] = START_EMPTY
    later = box.addButton(_("Decide later"), QMessageBox.ButtonRole.RejectRole)
    choices[later] = DECIDE_LATER
    box.setEscapeButton(later)
    return box, choices


def carry_out(choice: str, error: DatabaseDamaged, location: str) -> bool:
    """Do what the coach chose; True when the database can now be opened."""
    from worksession.storage.backups import restore_backup
    from worksession.storage.engine import sqlite_path, to_url
    from worksession.storage.recovery import start_empty

    path = sqlite_path(to_url(location))
    if path is None:
        return False
    if choice == RESTORE and error.backup is not None:
        restore_backup(path, error.backup.path, retention_days=backup_retention_days())
        return True
    if choice == START_EMPTY:
        start_empty(path)
        return True
    return False


def offer_restore(error: DatabaseDamaged, location: str) -> bool:
    """Tell what happened to a damaged database and offer its newest good backup."""
    box, choices = damaged_dialog(error)
    box.exec()
    return carry_out(choices.get(box.clickedButton(), DECIDE_LATER), error, location)


def open_chosen_database(location: str) -> Database | None:
    """The database at ``location``; None (after telling the user why) when it cannot be used."""
    from PySide6.QtWidgets import QMessageBox

    from worksession.storage.engine import sqlite_path, to_url
    from worksession.storage.errors import StorageError
    from worksession.storage.opening import open_database
    from worksession.storage.recovery import DatabaseDamaged
    from worksession.storage.write_failures import explain_write_failure
    from worksession.user.locations import team_choice

    team = team_choice()
    try:
        try:
            return open_database(location, retention_days=backup_retention_days(), team=team)
        except DatabaseDamaged as error:
            if not offer_restore(error, location):
                return None
            return open_database(location, retention_days=backup_retention_days(), team=team)
    except StorageError as error:
        QMessageBox.critical(None, _("The database cannot be opened"), str(error))
        return None
    except Exception as error:
        # A read-only folder or a full disk: said in one line, not as a crash report.
        message = explain_write_failure(error, sqlite_path(to_url(location)))
        if message is None:
            raise
        QMessageBox.critical(None, _("The database cannot be opened"), message)
        return None


def warn_if_unwritable(window: StartWindow, db: Database) -> None:
    """A banner in the window when no change to ``db`` can be stored (a read-only file)."""
    from worksession.storage.write_failures import write_problem

    problem = write_problem(db)
    if problem is not None:
        window.show_storage_warning(problem)


def start_backups(window: StartWindow, db: Database) -> None:
    from worksession.ui.backup_timer import BackupTimer

    if db.path is None:
        return
    backups = BackupTimer(db.path)
    backups.failed.connect(
        lambda reason: window.statusBar().showMessage(
            _("The automatic backup failed: {reason}").format(reason=reason)
        )
    )
    backups.backup_if_changed("start")
    window.backups = backups  # lives as long as the window


class Startup(QObject):
    """The second step of the start, run from the event loop once the window has painted."""

    # Should a platform never paint a window (started minimised), the sessions open anyway.
    FALLBACK_MS = 400

    def __init__(
        self, window: StartWindow, database: str | None, probe: StartupProbe | None
    ) -> None:
        super().__init__(window)
        self.window = window
        self.database = database
        self.probe = probe
        self.db: Database | None = None
        self.claim: DatabaseClaim | None = None
        self._started = False
        self.finished = False  # the event loop has ended: queued steps must not run any more
        window.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self.open_sessions)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._started:
            # Queued: the paint finishes and reaches the screen before the slow work starts.
            QTimer.singleShot(0, self.open_sessions)
        return False

    def open_sessions(self) -> None:
        if self._started or self.finished:
            return
        self._started = True
        self.window.removeEventFilter(self)
        from worksession.user.locations import database_location

        install_qt_translations(QApplication.instance())  # type: ignore[arg-type]
        location = database_location(self.database)
        if not self.claim_database(location):
            return
        self.db = open_chosen_database(location)
        if self.db is None:
            # Hidden, not closed: closing the last window would also post a quit that a later
            # event loop (a dialog's) would receive.
            self.window.hide()
            QApplication.exit(2)
            return
        if self.claim is not None:
            self.claim.extend()  # a database made just now is claimed as a file too (hard links)
        self.window.attach(self.db)
        warn_if_unwritable(self.window, self.db)
        if self.probe is None:  # measuring stops at ready; the rest follows in normal use
            QTimer.singleShot(0, self.after_listing)

    def claim_database(self, location: str) -> bool:
        """Claim ``location`` for this app; when another app has it, show that one and end."""
        from worksession.ui.database_claim import DatabaseClaim

        claim = DatabaseClaim(location)
        if claim.acquire():
            claim.show_requested.connect(self.window.bring_to_front)
            self.claim = claim
            if claim.unavailable:  # opened anyway: said, never a lock-out
                print(claim.unavailable, file=sys.stderr)
                self.window.statusBar().showMessage(claim.unavailable)
            return True
        self.window.hide()
        holder = claim.holder()
        if claim.ask_holder_to_show():
            print(
                _(
                    "This database is already open (process {pid}); that window is now in front."
                ).format(pid=holder),
                file=sys.stderr,
            )
            QApplication.exit(0)
            return False
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(
            None,
            _("The database is already open"),
            _(
                "{path} is open in another Worksession window (process {pid}) that does not "
                "answer. Close that one first, or wait until it has finished."
            ).format(path=location, pid=holder),
        )
        QApplication.exit(1)
        return False

    def after_listing(self) -> None:
        """What the first minutes do not need: the toolkit files, the start-up backup and the
        line on what needs following up."""
        if self.finished or self.db is None:
            return
        try:
            self.window.load_toolkit()
        finally:
            # The backups are the safety net: whatever a toolkit file does, they still start.
            start_backups(self.window, self.db)
        # What needs following up across the sessions: read once the listing is on screen.
        self.window.count_follow_up()
        # What waits for the team archive, tried again soon and while the app runs.
        from worksession.ui.archive.waiting_line import FIRST_TRY_MS

        self.window.archive.attach(first_try_ms=FIRST_TRY_MS)


def run_window(*, database: str | None, measure_startup: bool) -> int:
    """Show the start window on ``database`` (the user's own when None) until the app ends."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("worksession")
    app.setApplicationDisplayName("Worksession")
    error_report.install()
    from worksession.ui.archive.timeouts import limit_connection_waits

    limit_connection_waits()  # before any worker connects to a server
    window = StartWindow()
    probe = StartupProbe(window) if measure_startup else None
    startup = Startup(window, database, probe)
    window.show()
    try:
        return app.exec()
    finally:
        startup.finished = True
        if startup.db is not None:
            startup.db.close()
        if startup.claim is not None:
            startup.claim.release()
