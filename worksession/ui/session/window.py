"""The session window: the step navigator, the page of the current step, and the side panel.

It stays thin: pages do the work, the controller runs every change, this window only arranges
them and offers the keyboard shortcuts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from worksession.domain.checks import Check
from worksession.i18n import _
from worksession.storage.checkpoint import checkpoint
from worksession.ui.archive.session_publish import SessionPublish
from worksession.ui.fonts import register_app_fonts
from worksession.ui.menu_letters import letter_menus
from worksession.ui.plan_drops import PlanDrops
from worksession.ui.presenter.presenting import Presenting
from worksession.ui.presenter.room_toolbar import RoomToolBar
from worksession.ui.session.controller import SessionController
from worksession.ui.session.export_menu import ExportMenu, offer_page_exports
from worksession.ui.session.navigation import StepNavigation
from worksession.ui.session.page_factory import page_for
from worksession.ui.session.pages.base import StepPage
from worksession.ui.session.save_state import SaveState
from worksession.ui.session.side_fold import SideFold
from worksession.ui.session.side_panel import SidePanel
from worksession.ui.session.undo_actions import undo_actions
from worksession.ui.shortcuts import SESSION, keys_of
from worksession.ui.window_state import restore_geometry, save_geometry

if TYPE_CHECKING:
    from worksession.ui.plan_check_dialog import PlanCheckDialog

ZOOM_STEP = 1.1
NOTICE_MS = 8000  # how long a passing word (a removal, undoable) stays in the status bar


DEFAULT_SIZE = QSize(1280, 800)
# The title bar and borders the window manager adds (openbox: 2×25 px; GNOME and KDE up to ~40
# px of title): sized to the screen's whole width, the window stuck out by its borders.
FRAME_ALLOWANCE = QSize(16, 48)


def _keys(shortcut: str) -> list[QKeySequence]:
    return [QKeySequence(keys) for keys in keys_of(shortcut)]


def _room_on_screen() -> QSize:
    """The size a new window may take: a 1280×720 laptop got a window taller than its screen,
    with the status bar and the last row of a page below the edge."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return DEFAULT_SIZE
    return screen.availableGeometry().size() - FRAME_ALLOWANCE


class CurrentPageStack(QStackedWidget):
    """The step pages, as tall as the page shown. A stack asks every page how tall it wants
    to be at a width; the casus then made every step scroll on a 1280×720 laptop, with the
    buttons under a table (Akkoord, an add field) out of sight."""

    def heightForWidth(self, width: int) -> int:
        page = self.currentWidget()
        if page is None or not page.hasHeightForWidth():
            return super().heightForWidth(width)
        least = page.minimumSizeHint().height()
        wanted = max(page.heightForWidth(width), least)
        # Where the room is shorter than the page would like (the casus on a 1280×720
        # laptop), its text areas and tables give up height first: the add field under the
        # insights stays in sight. Only a page taller than its least height scrolls.
        viewport = self.parentWidget()
        room = viewport.height() if viewport is not None else wanted
        return max(least, min(wanted, room))


class SessionWindow(QMainWindow):
    def __init__(self, controller: SessionController) -> None:
        super().__init__()
        register_app_fonts()  # before any name is shown: every script finds its glyphs
        self.controller = controller
        self.resize(DEFAULT_SIZE.boundedTo(_room_on_screen()))
        self._base_font = self.font().pointSizeF()
        self._zoom = 1.0

        self.find_field = QLineEdit()
        self.find_field.setPlaceholderText(_("Find in this session (Ctrl+F)"))
        self.find_field.setAccessibleName(_("Find in this session"))
        self.find_field.setClearButtonEnabled(True)
        self.find_field.returnPressed.connect(lambda: self.find_text(self.find_field.text()))
        self.navigator = QListWidget()
        self.navigator.setAccessibleName(_("Steps"))
        self.navigator.setMinimumWidth(220)
        self.pages = CurrentPageStack()
        self.page_list: list[StepPage] = []
        for step in controller.steps:
            page = page_for(controller, step)
            self.page_list.append(page)
            self.pages.addWidget(page)
            self.navigator.addItem(QListWidgetItem())
        self.navigator.currentRowChanged.connect(self._show_step)

        self.save_state = SaveState(self, controller)
        self.banner = self.save_state.banner
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.addWidget(self.banner)
        # A page wider than the room left (the sociale kaart on a 1280-pixel laptop) scrolls
        # instead of forcing the whole window wider than the screen.
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setWidget(self.pages)
        scroller.setAccessibleName(_("The page of this step"))
        # No stop of its own in the Tab chain: the first Tab from the steps went to this frame,
        # invisibly, and the text typed next was lost. It still scrolls to the field in focus.
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        column.addWidget(scroller)
        self.page_scroller = scroller

        self.side = SidePanel(controller)
        self.side.check_chosen.connect(self.go_to_check)
        self.side_fold = SideFold(self, self.side)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.find_field)
        left_column.addWidget(self.navigator)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(centre)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 760, 280])
        self.setCentralWidget(splitter)
        self.splitter = splitter

        self.saved_label = self.save_state.label
        self.statusBar().addPermanentWidget(self.side_fold.button)
        self.statusBar().addPermanentWidget(self.saved_label)
        controller.notice.connect(lambda text: self.statusBar().showMessage(text, NOTICE_MS))
        # A window deleted without being closed must not leave its controller polling.
        self.destroyed.connect(controller.close)
        controller.changed.connect(self._refresh_navigator)
        self._actions()
        self._refresh_navigator()
        self.navigator.setCurrentRow(0)
        self.navigation = StepNavigation(self, controller, self.navigator)
        self.presenting = Presenting(self.navigation)
        self.room = RoomToolBar(self.navigation, self.presenting)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.room)
        restore_geometry(self, "session", self.splitter)
        self.navigator.setFocus()

    # --- navigation ---------------------------------------------------------------------------
    def current_page(self) -> StepPage:
        page = self.pages.currentWidget()
        assert isinstance(page, StepPage)
        return page

    def go_to(self, row: int) -> None:
        self.navigation.go_to(row)

    def go_to_check(self, check: Check) -> None:
        for row, page in enumerate(self.page_list):
            if page.step.kind == check.step_kind:
                self.go_to(row)
                return

    def _show_step(self, row: int) -> None:
        if row < 0:
            return
        previous = self.pages.currentWidget()
        if isinstance(previous, StepPage):
            previous.flush()
        page = self.page_list[row]
        # A stack is as wide as its widest page: the sociale kaart made every step scroll
        # sideways on a 1280-pixel laptop. Only the shown page counts.
        for other in self.page_list:
            policy = QSizePolicy.Policy.Preferred if other is page else QSizePolicy.Policy.Ignored
            other.setSizePolicy(policy, policy)
        self.pages.setCurrentWidget(page)
        self.side.show_step(page.step)
        # Qt adds the application's name (and shows [*] as * while edits wait to be stored).
        self.setWindowTitle(
            f"{page.step.title} — {self.controller.document['session']['title']}[*]"
        )

    def _refresh_navigator(self) -> None:
        self.side_fold.count_checks(len(self.controller.checks))
        for row, page in enumerate(self.page_list):
            step = page.step
            checks = page.checks()
            mark = "⚠ " if checks else ("✓ " if page.has_content() else "   ")
            minutes = _("{minutes} min").format(minutes=step.minutes) if step.minutes else ""
            item = self.navigator.item(row)
            item.setText(f"{mark}{step.title}\n      {minutes}".rstrip())
            item.setToolTip("\n".join(check.message for check in checks) or step.kind.records)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{step.title} {minutes}")

    # --- actions ------------------------------------------------------------------------------
    def _action(self, text: str, shortcut: str, slot: object) -> QAction:
        """An action of the window with the keys of ``shortcut`` in the registry."""
        action = QAction(text, self)
        action.setShortcuts(_keys(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _actions(self) -> None:
        self.undo_action, self.redo_action = undo_actions(self, self.controller)
        self.next_action = self._action(
            _("Next step"), "next_step", lambda: self.go_to(self.navigator.currentRow() + 1)
        )
        self.previous_action = self._action(
            _("Previous step"),
            "previous_step",
            lambda: self.go_to(self.navigator.currentRow() - 1),
        )
        self.find_action = self._action(_("Find"), "find", self._focus_find)
        self.full_screen_action = self._action(
            _("Full screen"), "full_screen", self.toggle_full_screen
        )
        self.zoom_in_action = self._action(_("Zoom in"), "zoom_in", lambda: self.zoom(ZOOM_STEP))
        self.zoom_out_action = self._action(
            _("Zoom out"), "zoom_out", lambda: self.zoom(1 / ZOOM_STEP)
        )
        self.check_plan_action = self._action(_("Check a plan…"), "check_plan", self.check_plan)
        self.shortcuts_action = self._action(
            _("Keyboard shortcuts"), "shortcuts_session", self.show_shortcuts
        )
        self.plan_drops = PlanDrops(self, self.check_plan_file)
        session_menu = self.menuBar().addMenu(_("&Edit"))
        session_menu.addActions([self.undo_action, self.redo_action])
        session_menu.addSeparator()
        session_menu.addAction(self.check_plan_action)
        view_menu = self.menuBar().addMenu(_("&View"))
        view_menu.addActions(
            [
                self.previous_action,
                self.next_action,
                self.full_screen_action,
                self.zoom_in_action,
                self.zoom_out_action,
                self.side_fold.action,
            ]
        )
        self.export_menu = ExportMenu(self, self.controller, self.flush)
        offer_page_exports(self.export_menu, self.page_list)
        self.publish = SessionPublish(
            self, self.controller.db, self.controller.session_id, self.flush
        )
        self.export_menu.menu.addSeparator()  # sharing with the team, below the files
        self.export_menu.add_action(self.publish.action)
        self.menuBar().addMenu(_("&Help")).addAction(self.shortcuts_action)
        letter_menus(self.menuBar())

    def show_shortcuts(self) -> QDialog:
        from worksession.ui.shortcuts_dialog import show_shortcuts

        return show_shortcuts(self, SESSION)

    def check_plan(self) -> PlanCheckDialog | None:
        """Plan controleren: a PDF checked on its own and against this session's database."""
        from worksession.ui.plan_check_dialog import choose_and_check

        return choose_and_check(self, self.controller.db)

    def check_plan_file(self, path: Path) -> PlanCheckDialog:
        from worksession.ui.plan_check_dialog import open_check

        return open_check(self, path, self.controller.db)

    def _focus_find(self) -> None:
        self.find_field.setFocus()
        self.find_field.selectAll()

    def find_text(self, text: str) -> bool:
        """Go to the next step (after the current one, wrapping) that contains ``text``."""
        if not text.strip():
            return False
        count = len(self.page_list)
        current = self.navigator.currentRow()
        for offset in range(1, count + 1):
            row = (current + offset) % count
            if self.page_list[row].find_text(text):
                self.go_to(row)
                self.page_list[row].find_text(text)  # once visible, so the selection shows
                self.statusBar().clearMessage()
                return True
        self.statusBar().showMessage(_("“{text}” is not in this session.").format(text=text), 5000)
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.side_fold.fit(event.size().width())
        super().resizeEvent(event)

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def zoom(self, factor: float) -> None:
        """Larger type for the beamer: scales the whole window's font."""
        self._zoom = min(3.0, max(0.6, self._zoom * factor))
        font = self.font()
        font.setPointSizeF(self._base_font * self._zoom)
        self.setFont(font)

    def _may_close_with_pending(self) -> bool:
        """Ask before edits that are not stored yet are given up; try once more if asked."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Not saved"))
        box.setText(
            _(
                "Some changes could not be stored yet: the database cannot be written. "
                "Closing now loses them."
            )
        )
        again = box.addButton(_("Store again"), QMessageBox.ButtonRole.AcceptRole)
        lose = box.addButton(_("Close anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(again)
        box.exec()
        if box.clickedButton() is again:
            return self.controller.retry()
        return box.clickedButton() is lose

    def flush(self) -> None:
        page = self.pages.currentWidget()
        if isinstance(page, StepPage):
            page.flush()
        self.side.flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        if self.controller.has_pending and not self._may_close_with_pending():
            event.ignore()
            return
        self.controller.close()
        # What this session changed moves from the WAL into the database file, so a lost WAL
        # can cost at most one working session.
        checkpoint(self.controller.db)
        self.presenting.close()
        save_geometry(self, "session", self.splitter)
        for page in self.page_list:
            page.release()
        super().closeEvent(event)
