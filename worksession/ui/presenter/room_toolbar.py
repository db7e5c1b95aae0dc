"""The coach's controls for the room, in a toolbar of the session window.

Presenter on/off (F5, Esc), black screen (B), freeze the slide (F6), the step's clock with
start/pause (F9), +1 min (F10) and reset, the soft sound, the presenter's screen, and the
running schedule with its expected end.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QToolBar, QToolButton

from worksession.domain.schedule import Schedule, schedule_summary
from worksession.i18n import _
from worksession.ui.presenter.presenter_window import clock_colour
from worksession.ui.presenter.presenting import Presenting
from worksession.ui.session.navigation import StepNavigation

if TYPE_CHECKING:
    from worksession.ui.presenter.schedule_dialog import ScheduleDialog


class RoomToolBar(QToolBar):
    def __init__(self, navigation: StepNavigation, presenting: Presenting) -> None:
        super().__init__(_("Room"))
        self.setObjectName("roomToolBar")
        self.window_ = navigation.window
        self.controller = navigation.controller
        self.presenting = presenting
        clock = self.clock = presenting.step_clock
        self.present_action = self._action(_("Presenter"), "F5", presenting.toggle, checkable=True)
        # On the window only: the Presenter button shows the state.
        self.hide_action = self._action(
            _("Hide presenter"), "Esc", presenting.hide, in_toolbar=False
        )
        self.black_action = self._action(
            _("Black screen"), "B", presenting.toggle_black, checkable=True
        )
        self.freeze_action = self._action(
            _("Freeze slide"), "F6", presenting.toggle_freeze, checkable=True
        )
        self.addSeparator()
        self.clock_label = QLabel()
        self.clock_label.setObjectName("coachClock")
        self.clock_label.setAccessibleName(_("Time left in this step"))
        self.clock_label.setMinimumWidth(70)
        self.addWidget(self.clock_label)
        self.start_action = self._action(_("Start/pause"), "F9", clock.start_or_pause)
        self.minute_action = self._action(_("+1 min"), "F10", clock.add_minute)
        self.reset_action = self._action(_("Reset timer"), "Ctrl+F9", clock.reset)
        self.sound_action = self._action(
            _("Sound"), "", lambda: setattr(clock, "sound_on", self.sound_action.isChecked())
        )
        self.sound_action.setCheckable(True)
        self.sound_action.setToolTip(
            _("A soft sound when the clock turns orange, red or runs over")
        )
        self.addSeparator()
        self.schedule_label = QLabel()
        self.addWidget(self.schedule_label)
        self.schedule_action = self._action(_("Schedule…"), "Ctrl+Shift+S", self.show_schedule)
        self.screen_menu = QMenu(_("Presenter screen"), self)
        self.screen_menu.aboutToShow.connect(self._fill_screens)
        screens = QToolButton()
        screens.setText(_("Screen"))
        screens.setMenu(self.screen_menu)
        screens.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.addWidget(screens)

        clock.ticked.connect(self._show_clock)
        clock.schedule_changed.connect(self._show_schedule)
        presenting.state_changed.connect(self._show_state)
        self._schedule_basis: tuple[object, object] | None = None
        self.controller.changed.connect(self._session_changed)
        self._show_state()
        clock.update()
        clock.refresh_schedule()

    def _session_changed(self) -> None:
        # Of a session's changes only its programme and start time move the schedule (step
        # times come with the clock's own signal): other saves should not cost a query.
        document = self.controller.document
        basis = (
            document["session"].get("programme_steps"),
            document.get("schedule", {}).get("start_time"),
        )
        if basis != self._schedule_basis:
            self._schedule_basis = basis
            self.clock.refresh_schedule()  # the toolbar and an open schedule dialog alike

    def _action(
        self,
        text: str,
        shortcut: str,
        slot: Callable[[], object],
        *,
        checkable: bool = False,
        in_toolbar: bool = True,
    ) -> QAction:
        action = QAction(text, self.window_)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{text} ({shortcut})")
        action.setCheckable(checkable)
        action.triggered.connect(lambda _checked=False: slot())
        self.window_.addAction(action)
        if in_toolbar:
            self.addAction(action)
        return action

    def _show_state(self) -> None:
        shown = self.presenting.shown
        self.present_action.setChecked(shown)
        self.hide_action.setEnabled(shown)  # Esc stays free for dialogs and fields otherwise
        self.black_action.setEnabled(shown)
        self.black_action.setChecked(shown and self.presenting.presenter.is_black)
        self.freeze_action.setChecked(self.presenting.frozen_row is not None)

    def _show_clock(self, text: str, level: str) -> None:
        timer = self.presenting.step_clock.timer
        running = timer is not None and timer.running
        if timer is not None and timer.planned_seconds == 0 and timer.elapsed_seconds == 0:
            text, level = "", ""  # a step without minutes: no red 0:00 beside the coach
        self.clock_label.setText(text)
        # Ample time keeps the theme's text colour (dark mode too); orange and red as on the beamer.
        colour = clock_colour(level, normal="palette(window-text)")
        self.clock_label.setStyleSheet(f"font-weight: bold; color: {colour};")
        self.start_action.setText(_("Pause") if running else _("Start"))

    def _show_schedule(self, schedule: Schedule) -> None:
        self.schedule_label.setText(schedule_summary(schedule))
        self.schedule_label.setStyleSheet(
            "color: #c50f1f; font-weight: bold;" if schedule.will_overrun else ""
        )

    def show_schedule(self) -> ScheduleDialog:
        from worksession.ui.presenter.schedule_dialog import ScheduleDialog  # when asked for

        dialog = ScheduleDialog(self.presenting.step_clock, self.window_)
        dialog.open()
        return dialog

    def _fill_screens(self) -> None:
        self.screen_menu.clear()
        chosen = self.presenting.chosen_screen()
        for screen in QGuiApplication.screens():
            size = screen.size()
            action = self.screen_menu.addAction(f"{screen.name()} ({size.width()}×{size.height()})")
            action.setCheckable(True)
            action.setChecked(screen is chosen)
            name = screen.name()
            action.triggered.connect(
                lambda _checked=False, n=name: self.presenting.choose_screen(n)
            )
