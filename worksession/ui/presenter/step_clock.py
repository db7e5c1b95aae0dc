"""The coach's clock: one ``StepTimer`` per step, ticking on screen, its times stored.

A step's time is saved when its timer pauses, when it is reset and when the coach leaves the
step, so a closed laptop loses at most the seconds since then. The clock source is injectable:
tests drive a fake one and call ``update`` instead of waiting.

When the clock runs on into the next step, that step is only *visited* until the coach has
stayed on it for ``HELD_SECONDS`` (or used its clock: start, pause, +1 min): leaving it earlier
takes its timer back to where it was and stores nothing, so flicking through the steps with
Ctrl+PgDn does not mark them done with 0 minutes.

The running schedule is computed in one place, ``refresh_schedule``, and sent to the toolbar
and the schedule dialog alike: when the step changes, when a time is stored, and while a step
runs each time its whole minutes change.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication
from sqlalchemy.exc import DBAPIError

from worksession.domain.schedule import Schedule, StepTime, whole_minutes
from worksession.domain.step_timer import (
    HELD_SECONDS,
    Clock,
    StepTimer,
    TimerLevel,
    format_countdown,
)
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
        # The elapsed seconds of the current step's timer when the clock ran on into it; None
        # once the step is held (stayed on, or its clock used) or when it was not visited so.
        self._visit_from: float | None = None
        self._schedule_minute: tuple[str | None, int] | None = None
        # The step whose clock last ran in this sitting: the schedule reckons from it, not from
        # the step the coach looks at, so browsing a session does not move its expected end.
        self._live_step: str | None = None
        self.latest: Schedule | None = None  # what the toolbar and the dialog show
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
        """The room moved on to ``step_id``: the previous step's timer pauses and is stored when
        that step was held, and when it was running the new step's timer starts (the session
        runs on) — a visit that counts only once the coach stays."""
        if step_id == self._step_id:
            return
        previous = self.timer
        was_running = previous is not None and previous.running
        if was_running:
            self._stop(self._step_id)
        self._step_id = step_id
        self._visit_from = None
        if was_running:
            timer = self._timer(step_id)
            self._visit_from = timer.elapsed
            timer.start()
            self._live_step = step_id
        else:
            self._ticker.stop()
        self._last_level = self._timer(step_id).level
        self.update()  # a running clock refreshes the schedule for the new step here
        if self._schedule_minute is None or self._schedule_minute[0] != step_id:
            self.refresh_schedule()

    @property
    def room_sees_clock(self) -> bool:
        """Whether the beamer shows the step's clock: while it runs, or before it ever ran.

        A stopped clock with time on it (a paused step, or one the session finished earlier)
        is the coach's business: on the beamer a red "-2:00" over a break long over only
        puzzles the room. The coach's toolbar shows it either way."""
        timer = self.timer
        return timer is not None and (timer.running or timer.elapsed == 0)

    @property
    def held(self) -> bool:
        """Whether the current step counts as held: not merely passed on the way."""
        return self._visit_from is None

    def _visit_seconds(self) -> float:
        timer = self.timer
        if timer is None or self._visit_from is None:
            return 0.0
        return timer.elapsed - self._visit_from

    def _stop(self, step_id: str | None) -> None:
        """Pause the current step's timer: store it when held, else forget the visit."""
        timer = self.timer
        if timer is None or step_id is None:
            return
        timer.pause()
        if self._visit_from is not None and self._visit_seconds() < HELD_SECONDS:
            # Only passed on the way: back to the time it had, nothing stored.
            self._timers[step_id] = StepTimer(
                self._minutes.get(step_id, 0),
                clock=self._clock,
                elapsed=self._visit_from,
                extra_minutes=timer.extra_minutes,
            )
            self._visit_from = None
            return
        self._visit_from = None
        self._store(step_id)

    # --- the buttons --------------------------------------------------------------------------
    def start_or_pause(self) -> None:
        timer = self.timer
        if timer is None:
            return
        if timer.running:
            self._ticker.stop()
            self._stop(self._step_id)
        else:
            self._visit_from = None  # started on purpose: the step is held
            timer.start()
            self._live_step = self._step_id
            self._ticker.start()
        self.update()

    def add_minute(self) -> None:
        if self.timer is not None:
            self.timer.add_minute()
            self._visit_from = None  # the coach works with this step's clock: it is held
            self._store(self._step_id)
            self.update()

    def reset(self) -> None:
        if self.timer is None or self._step_id is None:
            return
        self.timer.reset()
        self._visit_from = None
        self._ticker.stop()
        clear_step_time(
            db=self.controller.db, session_id=self.controller.session_id, step_id=self._step_id
        )
        self.update()
        self.refresh_schedule()

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
        self.refresh_schedule()

    def save(self) -> None:
        """Store the running step's time now (the window closes), and stop showing it: the
        clock lives as long as the controller, the labels it ticks into go with the window.
        A step only passed on the way is not stored."""
        self._ticker.stop()
        timer = self.timer
        if timer is None or timer.elapsed_seconds <= 0:
            return
        if self._visit_from is not None and self._visit_seconds() < HELD_SECONDS:
            return
        self._store(self._step_id)

    # --- what is shown ------------------------------------------------------------------------
    def update(self) -> None:
        timer = self.timer
        if timer is None:
            return
        if self._visit_from is not None and self._visit_seconds() >= HELD_SECONDS:
            self._visit_from = None  # the coach stayed: the step is held from its arrival
            self._store(self._step_id)
        if timer.running:
            minute = (self._step_id, whole_minutes(timer.elapsed_seconds))
            if minute != self._schedule_minute:
                self.refresh_schedule()  # a step running over moves the expected end
        level = timer.level
        if self.sound_on and level != self._last_level and level is not TimerLevel.NORMAL:
            self._sound()  # once when the colour changes: orange, red, over
        self._last_level = level
        self.ticked.emit(format_countdown(timer.remaining), str(level))

    def refresh_schedule(self) -> Schedule:
        """Compute the running schedule now and send it to whatever shows it."""
        schedule = self.latest = self.schedule()
        timer = self.timer
        self._schedule_minute = (
            self._step_id,
            whole_minutes(timer.elapsed_seconds) if timer is not None else 0,
        )
        self.schedule_changed.emit(schedule)
        return schedule

    def schedule(self) -> Schedule:
        """The running schedule as it is this moment (``refresh_schedule`` also shows it)."""
        live = None
        if self._live_step is not None:
            timer = self._timer(self._live_step)
            live = StepTime(timer.elapsed_seconds, timer.extra_minutes)
        return session_schedule(
            db=self.controller.db,
            session_id=self.controller.session_id,
            current=self._live_step,
            live=live,
        )
