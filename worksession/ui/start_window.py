"""The start window: the sessions in this database, with a clear first-start state."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from worksession.i18n import _, ngettext
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
    from PySide6.QtGui import QAction, QCloseEvent
    from PySide6.QtWidgets import QWidget

    from worksession.programmes.model import Library
    from worksession.storage.database import Database
    from worksession.storage.session_list import SessionSummary
    from worksession.ui.backups_dialog import BackupsDialog
    from worksession.ui.new_session_dialog import NewSessionDialog
    from worksession.ui.plan_check_dialog import PlanCheckDialog
    from worksession.ui.privacy_dialog import PrivacyDialog
    from worksession.ui.session.window import SessionWindow
    from worksession.ui.settings_dialog import SettingsDialog
    from worksession.ui.toolkit_dialog import ToolkitDialog


# Columns fit the widest of this many rows, not of a whole archive (a thousand sessions).
CONTENT_WIDTH_ROWS = 60


class StartWindow(QMainWindow):
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
    def _db(self) -> Database:
        assert self._db_or_none is not None, "used before a database was attached"
        return self._db_or_none

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

    def _build(self) -> None:
        """The listing, the search, the actions and the menus."""
        from PySide6.QtCore import QSortFilterProxyModel
        from PySide6.QtWidgets import (
            QHeaderView,
            QLineEdit,
            QStackedWidget,
            QTableView,
            QVBoxLayout,
            QWidget,
        )

        from worksession.ui.session_table_model import SessionTableModel

        self._built = True
        self.model = SessionTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(_("Sessions"))
        self.table.activated.connect(lambda _index: self.open_selected())  # Enter, double-click
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search by title, wijk or date (Ctrl+F)"))
        self.search.setAccessibleName(_("Search sessions"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(CONTENT_WIDTH_ROWS)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.empty_state = self._build_empty_state()
        listing = QWidget()
        listing_layout = QVBoxLayout(listing)
        listing_layout.addWidget(self.search)
        listing_layout.addWidget(self.table)
        self.listing = listing
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty_state)
        self.pages.addWidget(listing)
        self.toolkit_warning = QLabel()
        self.toolkit_warning.setObjectName("toolkitWarning")
        self.toolkit_warning.setWordWrap(True)
        self.toolkit_warning.setStyleSheet(
            "#toolkitWarning { background: #fff4ce; color: #3d2c00; padding: 6px 10px; }"
        )
        self.toolkit_warning.linkActivated.connect(lambda _link: self.show_toolkit())
        # A database that cannot be written (read-only file, full disk) is said at the top, in
        # red, for as long as the window is open: every change would be refused.
        self.storage_warning = QLabel()
        self.storage_warning.setObjectName("storageWarning")
        self.storage_warning.setWordWrap(True)
        self.storage_warning.setStyleSheet(
            "#storageWarning { background: #fde7e9; color: #5c0010; padding: 6px 10px; }"
        )
        self.storage_warning.hide()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.storage_warning)
        column.addWidget(self.toolkit_warning)
        column.addWidget(self.pages)
        self.setCentralWidget(central)

        self.new_action = self._action(_("New session…"), "new_session", self.new_session)
        self.open_action = self._action(_("Open"), "open_session", self.open_selected)
        self.duplicate_action = self._action(
            _("Duplicate as a starting point"), "duplicate", self.duplicate_selected
        )
        self.delete_action = self._action(_("Delete…"), "delete_session", self.delete_selected)
        self.demo_action = self._action(
            _("Create example session"), "example_session", self.create_demo
        )
        search_action = self._action(_("Search"), "search_sessions", self.search.setFocus)
        self.settings_action = self._action(_("Settings…"), "settings", self.show_settings)
        self.backups_action = self._action(_("Backups…"), "backups", self.show_backups)
        self.check_action = self._action(_("Check the database"), "check_database", self.check_db)
        self.privacy_action = self._action(_("Privacy and storage…"), "", self.show_privacy)
        self.shortcuts_action = self._action(
            _("Keyboard shortcuts"), "shortcuts_start", self.show_shortcuts
        )
        self.check_plan_action = self._action(
            _("Check a plan…"), "check_plan_start", self.check_plan
        )
        quit_action = self._action(_("Quit"), "quit", self.close)
        menu = self.menuBar().addMenu(_("&Session"))
        menu.addActions([self.new_action, self.open_action, self.duplicate_action])
        menu.addActions([self.delete_action, search_action])
        menu.addSeparator()
        menu.addAction(self.demo_action)
        menu.addSeparator()
        menu.addActions([self.check_plan_action, self.backups_action, self.check_action])
        menu.addAction(self.settings_action)
        menu.addAction(quit_action)
        self.toolkit_action = self._action(_("Programmes and casus…"), "toolkit", self.show_toolkit)
        self.menuBar().addMenu(_("&Toolkit")).addAction(self.toolkit_action)
        help_menu = self.menuBar().addMenu(_("&Help"))
        help_menu.addActions([self.shortcuts_action, self.privacy_action])
        self._show_toolkit_problems()
        from worksession.ui.plan_drops import PlanDrops

        self.plan_drops = PlanDrops(self, self.check_plan_file)

    def _action(self, text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        """An action of the window with the keys of ``shortcut`` in the registry (none if "")."""
        from PySide6.QtGui import QAction, QKeySequence

        from worksession.ui.shortcuts import keys_of  # after the first paint, as the actions

        action = QAction(text, self)
        # The list form: ``setShortcut`` weighs an overload taking one of Qt's namespace enums,
        # whose first use builds them all (~30 ms before the sessions are listed).
        action.setShortcuts([QKeySequence(keys) for keys in keys_of(shortcut)] if shortcut else [])
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_empty_state(self) -> QWidget:
        from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch()
        heading = QLabel(_("No sessions yet"))
        heading.setObjectName("emptyHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        text = QLabel(
            _(
                "Sessions you lead are kept here, saved with every change. "
                "Start with the example session to see what a complete plan looks like."
            )
        )
        text.setWordWrap(True)
        self.demo_button = QPushButton(_("View the example session"))
        self.demo_button.clicked.connect(self.view_demo)
        self.new_button = QPushButton(_("New session…"))
        self.new_button.clicked.connect(self.new_session)
        for button in (self.new_button, self.demo_button):
            button.setAutoDefault(True)  # Enter presses the focused button, as in a dialog
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch()
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addLayout(buttons)
        layout.addStretch()
        layout.setContentsMargins(80, 40, 80, 40)
        return page

    def refresh(self) -> None:
        from worksession.storage.session_list import session_summaries

        sessions = session_summaries(db=self._db)
        chosen = self.selected_session()
        self.model.set_sessions(sessions)
        self.pages.setCurrentWidget(self.listing if sessions else self.empty_state)
        # Return would otherwise open nothing instead of pressing the empty state's button.
        self.open_action.setEnabled(bool(sessions))
        self._select(chosen.id if chosen is not None else None)
        self.statusBar().showMessage(
            ngettext(
                "{count} session · {where}", "{count} sessions · {where}", len(sessions)
            ).format(count=len(sessions), where=self._db.path or self._db.url)
        )

    def show_storage_warning(self, text: str) -> None:
        """The banner saying that changes to this database cannot be stored, and why."""
        self.storage_warning.setText(text)
        self.storage_warning.setVisible(bool(text))

    def _show_toolkit_problems(self) -> None:
        library = self._library_or_none
        if not self._built:
            return
        count = 0 if library is None else len(library.problems)
        self.toolkit_warning.setVisible(count > 0)
        self.toolkit_warning.setText(
            ngettext(
                "{count} toolkit file cannot be used. <a href='#'>Show why</a>",
                "{count} toolkit files cannot be used. <a href='#'>Show why</a>",
                count,
            ).format(count=count)
        )

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

    def show_backups(self) -> BackupsDialog:
        from worksession.ui.backups_dialog import BackupsDialog

        assert self._db.path is not None
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

        from worksession.storage.integrity import full_check

        assert self._db.path is not None
        problems = full_check(self._db.path)
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
        from worksession.locations import data_dir
        from worksession.ui.privacy_dialog import PrivacyDialog

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
        from worksession.demo import create_demo_session

        session = create_demo_session(db=self._db, library=self._library)
        self.refresh()
        self._select(session.id)
        assert session.id is not None
        return session.id

    def view_demo(self) -> SessionWindow:
        """Voorbeeldsessie bekijken: the example session, made and opened in one go."""
        return self.open_session(self.create_demo())

    def show_shortcuts(self) -> QWidget:
        from worksession.ui.shortcuts import START
        from worksession.ui.shortcuts_dialog import show_shortcuts

        return show_shortcuts(self, START)

    # --- sessions -----------------------------------------------------------------------------
    def selected_session(self) -> SessionSummary | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.session_at(self.proxy.mapToSource(index).row())

    def _filter(self, text: str) -> None:
        """Rows with ``text`` in any column, in any case. Through the pattern's option: the
        proxy's own case setting takes one of Qt's namespace enums, whose first use costs the
        listing ~30 ms (see ``session_table_model``)."""
        from PySide6.QtCore import QRegularExpression

        option = QRegularExpression.PatternOption.CaseInsensitiveOption
        self.proxy.setFilterRegularExpression(
            QRegularExpression(QRegularExpression.escape(text), option)
        )

    def _select(self, session_id: int | None) -> None:
        """Make ``session_id`` the current row, else the first row shown: Enter opens it."""
        for row in range(self.model.rowCount()):
            if self.model.session_at(row).id == session_id:
                self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))
                return
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

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
        from worksession.starting import new_session

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
        except (ValidationError, UnknownToolkitEntry) as error:
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
        from worksession.storage.document import duplicate_session

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

        from worksession.settings import backup_retention_days
        from worksession.storage.errors import StorageError
        from worksession.storage.operations.sessions import delete_session

        for window in list(self.session_windows):
            if window.controller.session_id == session_id:
                window.close()
                self.session_windows.remove(window)
        try:
            backup = delete_session(
                db=self._db, session_id=session_id, retention_days=backup_retention_days()
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
