"""The start window: the sessions in this database, with a clear first-start state.

This module holds what paints first (the window saying the sessions are opening) and what the
actions do (open, new, duplicate, prepare the follow-up session, delete, the dialogs); the
listing, built after the first paint, is in ``start_listing``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from worksession.i18n import _
from worksession.ui.server_database import database_problems, explain_server_backups
from worksession.ui.start_listing import StartListing
from worksession.ui.window_state import (
    last_session,
    remember_session,
    restore_geometry,
    save_geometry,
)

# The window paints before the storage layer, the toolkit and the session screens are imported,
# and before most widget classes (PySide6 creates a class's enums when it is first imported):
# those load when the database is attached or an action needs them (see ``attach``), which keeps
# reportlab, Alembic and the session pages off the path to the first paint.
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QWidget

    from worksession.programmes.model import Library
    from worksession.storage.database import Database
    from worksession.ui.backups_dialog import BackupsDialog
    from worksession.ui.follow_window import FollowWindow
    from worksession.ui.new_session_dialog import NewSessionDialog
    from worksession.ui.plan_check_dialog import PlanCheckDialog
    from worksession.ui.privacy_dialog import PrivacyDialog
    from worksession.ui.session.window import SessionWindow
    from worksession.ui.settings_dialog import SettingsDialog
    from worksession.ui.toolkit_dialog import ToolkitDialog


class StartWindow(StartListing):
    """The sessions of one database. Built without a database it shows that the sessions are
    being opened, and fills in when ``attach`` gives it one."""

    listed = Signal()  # the sessions of an attached database are on screen

    def __init__(
        self,
        db: Database | None = None,
        library: Library | None = None,
        *,
        load_library: Callable[[], Library] | None = None,
        user_folder: Path | None = None,
    ) -> None:
        super().__init__()
        self._db_or_none = db
        self._library_or_none = library
        self._load_library = load_library
        self._user_folder = user_folder
        self.setWindowTitle(_("Sessions"))  # Qt adds the application name after it
        self.resize(900, 560)

        self.session_windows: list[SessionWindow] = []
        self.refusal: QWidget | None = None  # the last message saying why an action was refused
        self.follow_window: FollowWindow | None = None
        self._follow_timer = None
        self.backups: QObject | None = None
        self._built = False
        # Until a database is attached the window only says that the sessions are opening:
        # the first paint does not wait for the table, the menus and their widget classes.
        opening = QLabel(_("Opening the sessions…"))
        # Centred by a style sheet: importing Qt's namespace creates its hundred enums.
        opening.setStyleSheet("qproperty-alignment: AlignCenter;")
        self.setCentralWidget(opening)
        restore_geometry(self, "start")
        if db is not None:
            self.attach(db)

    def attach(self, db: Database) -> None:
        """Show the sessions of ``db``; the listing, actions and menus are built the first time."""
        self._db_or_none = db
        if not self._built:
            self._build()
        self.backups_action.setEnabled(db.path is not None)
        self.check_action.setEnabled(db.path is not None)
        self.refresh()
        self._select(last_session())
        # Enter works at once: on the first (or last opened) session, or on the empty state's
        # buttons when there is none.
        if self.model.rowCount():
            self.table.setFocus()
        else:
            self.demo_button.setFocus()
        self.listed.emit()

    @property
    def _library(self) -> Library:
        """The toolkit, read the first time something needs it (start-up reads it after the
        sessions are listed, see ``load_toolkit``)."""
        if self._library_or_none is None:
            self.load_toolkit()
        assert self._library_or_none is not None
        return self._library_or_none

    def load_toolkit(self) -> None:
        if self._load_library is None:
            from worksession.programmes.library import load_library

            self._load_library = load_library
        self._adopt_library(self._load_library())

    def show_toolkit(self) -> ToolkitDialog:
        from worksession.programmes.library import user_sessions_dir
        from worksession.ui.toolkit_dialog import ToolkitDialog

        library = self._library
        dialog = ToolkitDialog(
            library,
            load=self._load_library or (lambda: library),
            user_folder=self._user_folder or user_sessions_dir(),
            parent=self,
        )
        dialog.finished.connect(lambda _result: self._adopt_library(dialog.library))
        dialog.open()
        return dialog

    def _adopt_library(self, library: Library) -> None:
        self._library_or_none = library
        self._show_toolkit_problems()

    def show_backups(self) -> BackupsDialog | None:
        from worksession.ui.backups_dialog import BackupsDialog

        if self._db.path is None:  # a server: archives made by the commands, not file copies
            explain_server_backups(self)
            return None
        dialog = BackupsDialog(
            self._db.path,
            before_restore=self._release_database,
            after_restore=self.refresh,
            parent=self,
        )
        dialog.open()
        return dialog

    def _release_database(self) -> None:
        """Close every session window and pooled connection before the file is replaced."""
        for window in list(self.session_windows):
            window.close()
        self.session_windows.clear()
        self._db.engine.dispose()

    def check_db(self) -> list[str]:
        from PySide6.QtWidgets import QMessageBox

        problems = database_problems(self._db)
        if problems:
            QMessageBox.warning(
                self,
                _("Check the database"),
                _("The check found problems:\n{problems}\n\nRestore a backup (Backups…).").format(
                    problems="\n".join(problems[:10])
                ),
            )
        else:
            self.statusBar().showMessage(_("The database is intact."), 8000)
        return problems

    def check_plan(self) -> PlanCheckDialog | None:
        """Plan controleren: a PDF checked on its own and against this database."""
        from worksession.ui.plan_check_dialog import choose_and_check

        return choose_and_check(self, self._db)

    def check_plan_file(self, path: Path) -> PlanCheckDialog:
        from worksession.ui.plan_check_dialog import open_check

        return open_check(self, path, self._db)

    def show_privacy(self) -> PrivacyDialog:
        from worksession.ui.privacy_dialog import PrivacyDialog
        from worksession.user.locations import data_dir

        dialog = PrivacyDialog(self._db.path, data_dir(), self)
        dialog.open()
        return dialog

    def show_settings(self) -> SettingsDialog:
        from worksession.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self)
        dialog.open()
        return dialog

    def bring_to_front(self) -> None:
        """Show the window the coach last worked in: another start asked for this database."""
        visible = [window for window in self.session_windows if window.isVisible()]
        for window in [self, *visible]:
            _to_front(window)  # the last one raised ends on top

    def closeEvent(self, event: QCloseEvent) -> None:
        for window in self.session_windows:
            window.close()
        save_geometry(self, "start")
        super().closeEvent(event)

    def create_demo(self) -> int:
        from worksession.workflows.demo import create_demo_session

        session = create_demo_session(db=self._db, library=self._library)
        self.refresh()
        self._select(session.id)
        assert session.id is not None
        return session.id

    def view_demo(self) -> SessionWindow:
        """Voorbeeldsessie bekijken: the example session, made and opened in one go."""
        return self.open_session(self.create_demo())

    def show_follow(self) -> FollowWindow:
        from worksession.ui.start_follow import open_follow

        return open_follow(self, self._db)

    def show_shortcuts(self) -> QWidget:
        from worksession.ui.shortcuts import START
        from worksession.ui.shortcuts_dialog import show_shortcuts

        return show_shortcuts(self, START)

    # --- sessions -----------------------------------------------------------------------------

    def open_session(self, session_id: int) -> SessionWindow:
        from worksession.ui.session.controller import SessionController
        from worksession.ui.session.window import SessionWindow

        for window in self.session_windows:
            if window.controller.session_id == session_id:
                _to_front(window)
                return window
        window = SessionWindow(SessionController(self._db, session_id, self._library))
        remember_session(session_id)
        window.controller.changed.connect(self.refresh)
        window.controller.open_session.connect(self._open_new)
        self.session_windows.append(window)
        window.show()
        return window

    def open_selected(self) -> None:
        session = self.selected_session()
        if session is not None and session.id is not None:
            self.open_session(session.id)

    def new_session(self) -> NewSessionDialog:
        from worksession.ui.new_session_dialog import NewSessionDialog

        dialog = NewSessionDialog(self._library, self)
        dialog.accepted.connect(lambda: self._create_from(dialog))
        dialog.open()
        return dialog

    def _create_from(self, dialog: NewSessionDialog) -> None:
        from worksession.domain.field_labels import user_message
        from worksession.domain.validation import ValidationError
        from worksession.programmes.model import UnknownToolkitEntry
        from worksession.storage.teams import TeamRefused
        from worksession.workflows.starting import new_session

        try:
            session = new_session(
                db=self._db,
                library=self._library,
                programme_id=str(dialog.programme.currentData()),
                casus_id=dialog.casus.currentData(),
                title=dialog.title.text(),
                wijk=dialog.wijk.text(),
                gemeente=dialog.gemeente.text(),
                date=dialog.chosen_date(),
            )
        except (ValidationError, UnknownToolkitEntry, TeamRefused) as error:
            # A refused title is named as the dialog labels it, not by its path.
            dialog.show_problem(
                user_message(error) if isinstance(error, ValidationError) else str(error)
            )
            dialog.open()
            return
        self.refresh()
        assert session.id is not None
        self._select(session.id)
        self.open_session(session.id)

    def duplicate_selected(self) -> None:
        from worksession.domain.validation import SHORT_TEXT_MAX
        from worksession.storage.operations.session_copy import duplicate_session

        session = self.selected_session()
        if session is None or session.id is None:
            return
        copy = duplicate_session(
            db=self._db,
            session_id=session.id,
            title=_("{title} (copy)").format(title=session.title)[:SHORT_TEXT_MAX],
        )
        self.refresh()
        self._select(copy.id)

    def follow_up_selected(self) -> SessionWindow | None:
        session = self.selected_session()
        if session is None:
            return None
        return self.prepare_follow_up(session.id)

    def prepare_follow_up(self, session_id: int) -> SessionWindow | None:
        """Vervolgbijeenkomst voorbereiden: make the follow-up of a signed-off session and open
        it; a session whose plan is not signed off is refused with the reason, in a message."""
        from PySide6.QtWidgets import QMessageBox

        from worksession.programmes.model import UnknownToolkitEntry
        from worksession.storage.errors import StorageError
        from worksession.workflows.following import prepare_follow_up

        try:
            follow_up_id = prepare_follow_up(
                db=self._db, library=self._library, session_id=session_id
            )
        except (StorageError, UnknownToolkitEntry) as error:
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(_("Prepare the follow-up session"))
            box.setText(_("No follow-up session yet: {reason}").format(reason=error))
            box.open()
            self.refusal = box
            return None
        self.statusBar().showMessage(_("Follow-up session prepared"), 8000)
        return self._open_new(follow_up_id)

    def _open_new(self, session_id: int) -> SessionWindow:
        """A session just made elsewhere: listed, chosen and opened."""
        self.refresh()
        self._select(session_id)
        return self.open_session(session_id)

    def delete_selected(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        session = self.selected_session()
        if session is None or session.id is None:
            return
        answer = QMessageBox.question(
            self,
            _("Delete session"),
            _(
                "Delete “{title}” with everything in it? A backup of the database is made "
                "first, so it can be restored."
            ).format(title=session.title),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.delete_session(session.id)

    def delete_session(self, session_id: int) -> None:
        from PySide6.QtWidgets import QMessageBox

        from worksession.storage.errors import StorageError
        from worksession.storage.operations.sessions import delete_session
        from worksession.user.locations import data_dir
        from worksession.user.settings import backup_retention_days

        for window in list(self.session_windows):
            if window.controller.session_id == session_id:
                window.close()
                self.session_windows.remove(window)
        try:
            backup = delete_session(
                db=self._db,
                session_id=session_id,
                retention_days=backup_retention_days(),
                archive_folder=data_dir() / "backups",  # used for a database on a server
            )
        except (OSError, StorageError) as error:
            QMessageBox.warning(self, _("Not deleted"), str(error))
            return
        self.refresh()
        if backup is not None:
            self.statusBar().showMessage(_("Deleted; backup in {path}").format(path=backup))


def _to_front(window: QWidget) -> None:
    """Show ``window`` (restored when minimised), raise it and give it the keyboard."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
