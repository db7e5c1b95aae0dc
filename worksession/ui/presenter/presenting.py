"""Running the room: the presenter window on the beamer, kept in step with the coach's window.

The presenter follows the coach's step navigation unless it is frozen on a slide; it can be
blanked (black screen) and brought back. It opens full screen on the chosen screen: by default
another screen than the coach's, or the only one when the coach presents from the laptop. Keys
a presentation clicker sends (Page Down/Up, B, F5, Esc) work on the presenter too.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen

from worksession.domain.slides import slide_for
from worksession.domain.step_timer import Clock
from worksession.ui.presenter.presenter_window import PresenterWindow
from worksession.ui.presenter.step_clock import StepClock
from worksession.ui.window_state import window_settings

if TYPE_CHECKING:
    from worksession.ui.session.window import SessionWindow

SCREEN_SETTING = "presenter/screen"


class Presenting(QObject):
    state_changed = Signal()  # shown, frozen or black changed

    def __init__(self, window: SessionWindow, *, clock: Clock = time.monotonic) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.presenter = PresenterWindow(forward_keys=self._presenter_key)
        self.step_clock = StepClock(self.controller, clock=clock)
        self.step_clock.ticked.connect(self.presenter.set_clock)
        self.frozen_row: int | None = None
        window.navigator.currentRowChanged.connect(self._coach_moved)
        self.controller.changed.connect(self.refresh)
        self._coach_moved(window.navigator.currentRow())

    # --- what is shown ------------------------------------------------------------------------
    @property
    def shown(self) -> bool:
        return self.presenter.isVisible()

    @property
    def row(self) -> int:
        """The step on the beamer: the frozen one, else the coach's."""
        if self.frozen_row is not None:
            return self.frozen_row
        return max(self.window.navigator.currentRow(), 0)

    def refresh(self) -> None:
        # A hidden beamer is brought up to date when it is shown, not after every save.
        if self.shown:
            self._show_slide()

    def _show_slide(self) -> None:
        steps = self.controller.steps
        if not steps:
            return
        step = steps[min(self.row, len(steps) - 1)]
        self.presenter.show_slide(
            slide_for(step.to_dict(), self.controller.document), self.controller.document
        )

    def _coach_moved(self, row: int) -> None:
        if row < 0 or self.frozen_row is not None:
            return  # frozen: the room stays on its slide and its clock while the coach looks ahead
        steps = self.controller.steps
        if row < len(steps):
            self.step_clock.follow(steps[row].id)
        self.refresh()

    # --- the coach's controls -----------------------------------------------------------------
    def toggle(self) -> None:
        self.hide() if self.shown else self.show()

    def show(self) -> None:
        self._show_slide()
        screen = self.chosen_screen()
        self.presenter.setScreen(screen)
        self.presenter.setGeometry(screen.geometry())
        self.presenter.showFullScreen()
        # The coach keeps typing in their own window.
        self.window.activateWindow()
        self.state_changed.emit()

    def hide(self) -> None:
        self.presenter.set_black(False)
        self.presenter.hide()
        self.state_changed.emit()

    def toggle_black(self) -> None:
        if self.shown:
            self.presenter.set_black(not self.presenter.is_black)
            self.state_changed.emit()

    def toggle_freeze(self) -> None:
        if self.frozen_row is None:
            self.frozen_row = self.row
            self.refresh()
        else:
            self.frozen_row = None
            self._coach_moved(self.window.navigator.currentRow())
        self.state_changed.emit()

    def close(self) -> None:
        self.step_clock.save()
        self.presenter.close()

    # --- screens ------------------------------------------------------------------------------
    def chosen_screen(self) -> QScreen:
        screens = QGuiApplication.screens()
        wanted = window_settings().value(SCREEN_SETTING)
        for screen in screens:
            if screen.name() == wanted:
                return screen
        coach = self.window.screen()
        others = [screen for screen in screens if screen is not coach]
        return others[0] if others else coach

    def choose_screen(self, name: str) -> None:
        window_settings().setValue(SCREEN_SETTING, name)
        if self.shown:
            self.show()

    # --- a clicker pointed at the beamer ------------------------------------------------------
    def _presenter_key(self, event: QKeyEvent) -> None:
        key = event.key()
        row = self.window.navigator.currentRow()
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_F5):
            self.hide()
        elif key == Qt.Key.Key_B:
            self.toggle_black()
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Space):
            self.window.go_to(row + 1)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_Left):
            self.window.go_to(row - 1)
