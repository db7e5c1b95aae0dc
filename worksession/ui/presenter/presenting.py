"""Running the room: the presenter window on the beamer, kept in step with the coach's window.

The presenter follows the coach's step navigation unless it is frozen on a slide; it can be
blanked (black screen) and brought back. It opens full screen on the chosen screen: by default
another screen than the coach's, or the only one when the coach presents from the laptop. Keys
a presentation clicker sends (Page Down/Up, B, F5, Esc) work on the presenter too.

The presenter never takes the keyboard. While it is shown, Page Down/Up in the coach's window
move the room a step, unless the coach is typing in a text field: there, as a space or a "b",
they are the field's own (text, scrolling), and B and Esc do not blank or hide the beamer.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QApplication, QWidget

from worksession.domain.slides import slide_for
from worksession.domain.step_timer import Clock
from worksession.ui.presenter.presenter_window import PresenterWindow
from worksession.ui.presenter.step_clock import StepClock
from worksession.ui.presenter.text_fields import is_typing_in
from worksession.ui.session.navigation import StepNavigation
from worksession.ui.window_state import window_settings

SCREEN_SETTING = "presenter/screen"
# Keys a clicker sends that are a field's own while the coach types: text, or scrolling.
FIELD_KEYS = frozenset(
    {Qt.Key.Key_B, Qt.Key.Key_Space, Qt.Key.Key_Escape, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp}
)
STEP_KEYS = {int(Qt.Key.Key_PageDown): 1, int(Qt.Key.Key_PageUp): -1}


def _application() -> QCoreApplication:
    application = QCoreApplication.instance()
    assert application is not None, "the presenter lives in a running application"
    return application


class Presenting(QObject):
    state_changed = Signal()  # shown, frozen or black changed

    def __init__(self, navigation: StepNavigation, *, clock: Clock = time.monotonic) -> None:
        super().__init__(navigation.window)
        self.navigation = navigation
        self.window = navigation.window
        self.controller = navigation.controller
        # Made when first shown: most sessions are run without a beamer.
        self._presenter: PresenterWindow | None = None
        self._clock: tuple[str, str] | None = None  # what the beamer's clock shows, once ticked
        self.step_clock = StepClock(self.controller, clock=clock)
        self.step_clock.ticked.connect(self._clock_ticked)
        self.frozen_row: int | None = None
        navigation.steps.currentRowChanged.connect(self._coach_moved)
        self.controller.changed.connect(self.refresh)
        self.controller.beamer_changed.connect(self.refresh)
        self._coach_moved(navigation.current_row())

    def _clock_ticked(self, text: str, level: str) -> None:
        self._clock = (text if self.step_clock.room_sees_clock else "", level)
        if self._presenter is not None:
            self._presenter.set_clock(*self._clock)

    # --- what is shown ------------------------------------------------------------------------
    @property
    def presenter(self) -> PresenterWindow:
        """The window on the beamer, made the first time it is wanted."""
        if self._presenter is None:
            self._presenter = PresenterWindow(forward_keys=self._presenter_key)
            if self._clock is not None:
                self._presenter.set_clock(*self._clock)
        return self._presenter

    @property
    def shown(self) -> bool:
        return self._presenter is not None and self._presenter.isVisible()

    @property
    def row(self) -> int:
        """The step on the beamer: the frozen one, else the coach's."""
        if self.frozen_row is not None:
            return self.frozen_row
        return max(self.navigation.current_row(), 0)

    def refresh(self) -> None:
        # A hidden beamer is brought up to date when it is shown, not after every save.
        if self.shown:
            self._show_slide()

    def _show_slide(self) -> None:
        steps = self.controller.steps
        if not steps:
            return
        step = steps[min(self.row, len(steps) - 1)]
        document = self.controller.document
        # The cards of *Wat werkte, wat niet* are grouped under the catalogue's names; the
        # review step shows the agreement the coach's page is on; *Prioriteren* finds the
        # wijk's existing offers per theme through the catalogue.
        obstacles = self.controller.library.obstacle_names()
        focus = self.controller.beamer_focus.get(step.id)
        slide = slide_for(
            step.to_dict(), document, obstacles, focus=focus, offers=self.controller.offers
        )
        self.presenter.show_slide(slide, document)

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
        # Not showFullScreen(): it activates the window it shows.
        self.presenter.setWindowState(
            self.presenter.windowState() | Qt.WindowState.WindowFullScreen
        )
        self.presenter.show()
        if not self.window.isActiveWindow():
            # The coach keeps typing in their own window (should a window manager have focused
            # the presenter regardless of its hints)...
            self.window.activateWindow()
        # ...while on a single screen the room sees the slide, not the coach's window.
        self.presenter.raise_()
        _application().installEventFilter(self)
        self.state_changed.emit()

    def hide(self) -> None:
        _application().removeEventFilter(self)
        if self._presenter is not None:
            self._presenter.set_black(False)
            self._presenter.hide()
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
            self._coach_moved(self.navigation.current_row())
        self.state_changed.emit()

    def close(self) -> None:
        _application().removeEventFilter(self)
        self.step_clock.save()
        if self._presenter is not None:
            self._presenter.close()

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
    def coach_is_typing(self) -> bool:
        """The coach's window has the keyboard in a text field."""
        return is_typing_in(self.window.focusWidget())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While the presenter is shown: clicker keys in the coach's window."""
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier or key not in FIELD_KEYS:
            return False
        typing = self.coach_is_typing()
        if kind == QEvent.Type.ShortcutOverride:
            # Typing: B and Esc are the field's, not the window's Black screen and Hide.
            if typing:
                event.accept()
                return True
            return False
        if int(key) in STEP_KEYS and not typing:
            self.navigation.go_to(self.navigation.current_row() + STEP_KEYS[int(key)])
            return True
        return False

    def _presenter_key(self, event: QKeyEvent) -> None:
        key = event.key()
        focus = self.window.focusWidget()
        if self.coach_is_typing() and focus is not None:
            # The presenter got the keyboard after all (the coach clicked the beamer): what was
            # typed is the field's, and the keyboard goes back to the coach.
            self.window.activateWindow()
            copy = QKeyEvent(
                event.type(), key, event.modifiers(), event.text(), event.isAutoRepeat()
            )
            QApplication.sendEvent(focus, copy)
            return
        row = self.navigation.current_row()
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_F5):
            self.hide()
        elif key == Qt.Key.Key_B:
            self.toggle_black()
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Space):
            self.navigation.go_to(row + 1)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_Left):
            self.navigation.go_to(row - 1)
