"""The coach's clock: one ``StepTimer`` per step, ticking on screen, its times stored.

A step's time is saved when its timer pauses, when it is reset and when the coach leaves the
step, so a closed laptop loses at most the seconds since then. The clock source is injectable:
tests drive a fake one and call ``update`` instead of waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication
from sqlalchemy.exc import DBAPIError

from worksession.domain.schedule import Schedule, StepTime
from worksession.domain.step_timer import Clock, StepTimer, TimerLevel, format_countdown
from worksession.storage.operations.timing import (
    clear_step_time,
    record_step_time,
    session_schedule,
    step_times,
)
from worksession.ui.session.controller import SessionController

TICK_MS = 250


class StepClock(QObject):
    """Emits ``ticked(text, level)`` while a step is current; ``schedule_changed`` when the
    running schedule (expected end) moves."""

    ticked = Signal(str, str)  # the countdown ("12:30", "-0:45") and its TimerLevel
    schedule_changed = Signal(object)  # the Schedule

    def __init__(
        self,
        controller: SessionController,
        *,
        clock: Clock = time.monotonic,
        sound: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(controller)
        self.controller = controller
        self._clock = clock
        self._timers: dict[str, StepTimer] = {}
        self._step_id: str | None = None
        self._minutes: dict[str, int] = {step.id: step.minutes for step in controller.steps}
        self.sound_on = False
        self._sound = sound or QApplication.beep
        self._last_level = TimerLevel.NORMAL
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.update)
        stored = step_times(db=controller.db, session_id=controller.session_id)
        for step_id, row in stored.items():
            if step_id in self._minutes:
                self._timers[step_id] = StepTimer(
                    self._minutes[step_id],
                    clock=clock,
                    elapsed=row.actual_seconds,
                    extra_minutes=row.extra_minutes,
                )

    # --- the current step -------------------------------------------------------------------
    @property
    def timer(self) -> StepTimer | None:
        return None if self._step_id is None else self._timer(self._step_id)

    def _timer(self, step_id: str) -> StepTimer:
        if step_id not in self._timers:
            self._timers[step_id] = StepTimer(self._minutes.get(step_id, 0), clock=self._clock)
        return self._timers[step_id]

    def follow(self, step_id: str) -> None:
        """The room moved on to ``step_id``: the previous step's timer pauses and is stored, and
        when it was running the new step's timer starts (the session runs on)."""
        if step_id == self._step_id:
            return
        previous = self._timers.get(self._step_id) if self._step_id is not None else None
        was_running = previous is not None and previous.running
        if previous is not None and was_running:
            previous.pause()
            self._store(self._step_id)
        self._step_id = step_id
        if was_running:
            self._timer(step_id).start()
        else:
            self._ticker.stop()
        self._last_level = self._timer(step_id).level
        self.update()

    # --- the buttons --------------------------------------------------------------------------
    def start_or_pause(self) -> None:
        timer = self.timer
        if timer is None:
            return
        if timer.running:
            timer.pause()
            self._ticker.stop()
            self._store(self._step_id)
        else:
            timer.start()
            self._ticker.start()
        self.update()

    def add_minute(self) -> None:
        if self.timer is not None:
            self.timer.add_minute()
            self._store(self._step_id)
            self.update()

    def reset(self) -> None:
        if self.timer is None or self._step_id is None:
            return
        self.timer.reset()
        self._ticker.stop()
        clear_step_time(
            db=self.controller.db, session_id=self.controller.session_id, step_id=self._step_id
        )
        self.update()

    def _store(self, step_id: str | None) -> None:
        if step_id is None:
            return
        timer = self._timer(step_id)
        try:
            record_step_time(
                db=self.controller.db,
                session_id=self.controller.session_id,
                step_id=step_id,
                actual_seconds=timer.elapsed_seconds,
                extra_minutes=timer.extra_minutes,
            )
        except DBAPIError as error:
            # Another program holds the database (or the disk is full): the clock keeps its
            # time and stores it at the next tick or step; closing the window must not fail.
            self.controller.failed.emit(str(error.orig))
            return
        self.schedule_changed.emit(self.schedule())

    def save(self) -> None:
        """Store the running step's time now (the window closes), and stop showing it: the
        clock lives as long as the controller, the labels it ticks into go with the window."""
        self._ticker.stop()
        if self.timer is not None and self.timer.elapsed_seconds > 0:
            self._store(self._step_id)

    # --- what is shown ------------------------------------------------------------------------
    def update(self) -> None:
        timer = self.timer
        if timer is None:
            return
        level = timer.level
        if self.sound_on and level != self._last_level and level is not TimerLevel.NORMAL:
            self._sound()  # once when the colour changes: orange, red, over
        self._last_level = level
        self.ticked.emit(format_countdown(timer.remaining), str(level))

    def schedule(self) -> Schedule:
        timer = self.timer
        live = None
        if timer is not None:
            live = StepTime(timer.elapsed_seconds, timer.extra_minutes)
        return session_schedule(
            db=self.controller.db,
            session_id=self.controller.session_id,
            current=self._step_id,
            live=live,
        )
