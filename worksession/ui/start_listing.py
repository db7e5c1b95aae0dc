"""The start window's listing: the sessions table with its search, the empty state, the actions
and the menus, built after the window has painted (when a database is attached).

``StartWindow`` paints first and does what the actions ask; this base class builds what it
shows and keeps the listing up to date. The widget classes and models load inside ``_build``,
after the first paint (see ``start_window``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QMainWindow

from worksession.i18n import _, ngettext
from worksession.ui.menu_letters import letter_menus

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction, QCloseEvent
    from PySide6.QtWidgets import QWidget

    from worksession.programmes.model import Library
    from worksession.storage.database import Database
    from worksession.storage.session_list import SessionSummary
    from worksession.ui.follow_window import FollowWindow
    from worksession.ui.package_import import ImportOutcome


# Columns fit the widest of this many rows, not of a whole archive (a thousand sessions).
CONTENT_WIDTH_ROWS = 60
FOLLOW_RECOUNT_MS = 2000  # the follow-up line is counted again once changes pause this long


class StartListing(QMainWindow):
    """The listing of a start window; ``StartWindow`` gives it the state and the actions."""

    _db_or_none: Database | None
    _library_or_none: Library | None
    _built: bool  # the listing, actions and menus exist
    # What the buttons and menus do, in ``StartWindow``.
    open_selected: Callable[[], object]
    new_session: Callable[[], object]
    duplicate_selected: Callable[[], object]
    follow_up_selected: Callable[[], object]
    delete_selected: Callable[[], object]
    create_demo: Callable[[], object]
    view_demo: Callable[[], object]
    show_settings: Callable[[], object]
    show_backups: Callable[[], object]
    check_db: Callable[[], object]
    show_privacy: Callable[[], object]
    show_shortcuts: Callable[[], object]
    check_plan: Callable[[], object]
    check_plan_file: Callable[[Path], object]
    show_toolkit: Callable[[], object]
    load_toolkit: Callable[[], None]
    _user_folder: Path | None  # the own toolkit folder, when not the user's (tests)
    show_follow: Callable[[], object]
    open_session: Callable[[int], object]
    follow_window: FollowWindow | None  # Afspraken volgen, once opened
    _follow_timer: QTimer | None  # counts the follow-up line again once the changes pause

    @property
    def _db(self) -> Database:
        assert self._db_or_none is not None, "used before a database was attached"
        return self._db_or_none

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
        from worksession.ui.session_table_view import SessionTableView

        self._built = True
        self.model = SessionTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.table = SessionTableView()
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
        from worksession.ui.follow_line import FollowLine

        # Counted after the sessions are listed (``count_follow_up``): hidden until then.
        self.follow_line = FollowLine()
        self.follow_line.linkActivated.connect(lambda _link: self.show_follow())
        from worksession.ui.deadline_line import DeadlineLine

        # Accreditation deadlines near or past, read with the follow-up line.
        self.deadline_line = DeadlineLine()
        self.deadline_line.linkActivated.connect(lambda link: self.open_session(int(link)))
        from worksession.ui.archive.start_archive import StartArchive

        # What waits for the team archive, and fetching from it (counted in ``attach``).
        self.archive = StartArchive(self, database=lambda: self._db, refresh=self.refresh)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.storage_warning)
        column.addWidget(self.toolkit_warning)
        column.addWidget(self.follow_line)
        column.addWidget(self.deadline_line)
        column.addWidget(self.archive.line)
        column.addWidget(self.pages)
        self.setCentralWidget(central)

        self.new_action = self._action(_("New session…"), "new_session", self.new_session)
        self.open_action = self._action(_("Open"), "open_session", self.open_selected)
        self.duplicate_action = self._action(
            _("Duplicate as a starting point"), "duplicate", self.duplicate_selected
        )
        self.follow_up_action = self._action(
            _("Prepare the follow-up session"), "", self.follow_up_selected
        )
        self.follow_up_action.setStatusTip(
            _("A new session half a year later that reviews the signed plan of this one")
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
        self.follow_action = self._action(
            _("Follow the agreements…"), "follow_agreements", self.show_follow
        )
        self.fetch_action = self._action(
            _("Fetch from the team archive…"), "", lambda: self.archive.fetch()
        )
        quit_action = self._action(_("Quit"), "quit", self.close)
        menu = self.menuBar().addMenu(_("&Session"))
        menu.addActions([self.new_action, self.open_action, self.duplicate_action])
        menu.addAction(self.follow_up_action)
        menu.addActions([self.delete_action, search_action])
        menu.addSeparator()
        menu.addAction(self.demo_action)
        menu.addSeparator()
        menu.addAction(self.follow_action)
        menu.addAction(self.fetch_action)
        menu.addSeparator()
        menu.addActions([self.check_plan_action, self.backups_action, self.check_action])
        menu.addAction(self.settings_action)
        menu.addAction(quit_action)
        self.toolkit_action = self._action(_("Programmes and casus…"), "toolkit", self.show_toolkit)
        self.package_action = self._action(
            _("Import a package…"), "", lambda: self.import_package()
        )
        toolkit_menu = self.menuBar().addMenu(_("&Toolkit"))
        toolkit_menu.addActions([self.toolkit_action, self.package_action])
        help_menu = self.menuBar().addMenu(_("&Help"))
        help_menu.addActions([self.shortcuts_action, self.privacy_action])
        letter_menus(self.menuBar())
        self.table.menu_actions = [
            self.open_action,
            self.duplicate_action,
            self.follow_up_action,
            None,
            self.delete_action,
        ]
        self._show_toolkit_problems()
        from worksession.ui.plan_drops import PlanDrops

        self.plan_drops = PlanDrops(self, self.check_plan_file)
        # Shown now, not from the event loop: a widget put into a window that is already on
        # screen is shown by a queued call, and an Alt letter pressed before that call ran
        # (the coach at the keyboard as the window appears) found no visible button or menu.
        central.show()
        self.menuBar().show()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._built:
            self.archive.stop()  # the app ends: what waits is not tried again, nor fetched on
        super().closeEvent(event)

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

    def import_package(self, path: Path | None = None) -> ImportOutcome | None:
        """Toolkit → Import a package…: ``path``, else the file the user chooses."""
        from worksession.ui.package_import import import_into_toolkit

        return import_into_toolkit(
            self, path, user_folder=self._user_folder, then=self.load_toolkit
        )

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
        # A fresh second laptop is where a coach fetches the team's sessions. The letter is A
        # in every language (declared in ``shortcuts`` as fetch_archive_start); without an
        # archive set the button says where to set one, as the menu entry does.
        self.fetch_button = QPushButton(_("Fetch from the team &archive…"))
        self.fetch_button.clicked.connect(lambda _checked=False: self.archive.fetch())
        for button in (self.new_button, self.demo_button, self.fetch_button):
            button.setAutoDefault(True)  # Enter presses the focused button, as in a dialog
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.fetch_button)
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
        self.follow_up_action.setEnabled(bool(sessions))
        self._select(chosen.id if chosen is not None else None)
        self.statusBar().showMessage(
            ngettext(
                "{count} session · {where}", "{count} sessions · {where}", len(sessions)
            ).format(count=len(sessions), where=self._db.path or self._db.url)
        )
        if self.follow_line.shown_once:  # not before the first count, after the first paint
            self._count_follow_up_later()

    def _count_follow_up_later(self) -> None:
        """Count again once the changes pause: a session window refreshes this listing after
        every stored edit, and counting reads every session whose plan is out (a tenth of a
        second per ten sessions on a laptop), too slow to repeat on each word typed."""
        from PySide6.QtCore import QTimer

        if self._follow_timer is None:
            self._follow_timer = QTimer(self)
            self._follow_timer.setSingleShot(True)
            self._follow_timer.setInterval(FOLLOW_RECOUNT_MS)
            self._follow_timer.timeout.connect(self.count_follow_up)
        self._follow_timer.start()

    def count_follow_up_now(self) -> None:
        """Count the line at once, not in the background (progress was just recorded here)."""
        if self._follow_timer is not None:
            self._follow_timer.stop()
        self.follow_line.count(self._db)

    def count_follow_up(self) -> None:
        """Show the line on what needs following up (start-up calls it after the listing:
        counted in the background), and read the open *Afspraken volgen* again."""
        if self._follow_timer is not None:
            self._follow_timer.stop()
        self.follow_line.count_in_background(self._db)
        self.deadline_line.count(self._db)  # one select of the accredited, dated sessions
        if self.follow_window is not None and self.follow_window.isVisible():
            self.follow_window.refresh()

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
