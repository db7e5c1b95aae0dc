"""The countdown of one programme step, driven by an injectable clock (no Qt, no sleeping).

The step's time is its planned minutes plus the minutes added with "+1 min". The presenter
window colours the countdown by ``level``, with these exact boundaries (``left`` = seconds
remaining, ``time`` = the step's time in seconds):

- ``NORMAL``   while ``left`` is more than 20% of ``time``;
- ``WARNING``  (orange) when ``left`` ≤ 20% of ``time``;
- ``CRITICAL`` (red) when ``left`` ≤ 5% of ``time``, down to and including zero;
- ``OVER``     once ``left`` < 0: the step runs past its time.

The comparisons are made as ``left * 100 <= time * percent``, so a boundary is not lost to
floating-point rounding. A step of zero minutes is CRITICAL at zero and OVER as soon as it runs.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from enum import StrEnum

Clock = Callable[[], float]
"""Monotonic seconds, e.g. ``time.monotonic``; tests pass a fake one."""

#: How long the coach stays on a step before it counts as held when the clock ran on into it
#: (flicking through the steps with Ctrl+PgDn passes them, it does not hold them).
HELD_SECONDS = 30

WARNING_PERCENT = 20
CRITICAL_PERCENT = 5


class TimerLevel(StrEnum):
    NORMAL = "normal"
    WARNING = "warning"
    CRITICAL = "critical"
    OVER = "over"


def timer_level(remaining: float, planned: float) -> TimerLevel:
    """The level for ``remaining`` seconds left of ``planned`` seconds (see the module doc)."""
    if remaining < 0:
        return TimerLevel.OVER
    if remaining * 100 <= planned * CRITICAL_PERCENT:
        return TimerLevel.CRITICAL
    if remaining * 100 <= planned * WARNING_PERCENT:
        return TimerLevel.WARNING
    return TimerLevel.NORMAL


def format_countdown(seconds: float) -> str:
    """``m:ss`` of a countdown: "12:05", "0:00", "-1:30" past zero.

    A part of a second counts as a whole one (0.2 s left shows 0:01; 0.2 s over shows -0:01),
    so the display reads 0:00 only at zero exactly.
    """
    whole = math.ceil(abs(seconds))
    minutes, rest = divmod(whole, 60)
    sign = "-" if seconds < 0 else ""
    return f"{sign}{minutes}:{rest:02d}"


class StepTimer:
    """Start, pause, reset and +1 min for one step; reads the clock only when asked.

    ``elapsed`` and ``extra_minutes`` restore a timer from what was stored (the step's actual
    seconds so far and the minutes added); a restored timer is paused.
    """

    def __init__(
        self,
        planned_minutes: int,
        *,
        clock: Clock = time.monotonic,
        elapsed: float = 0.0,
        extra_minutes: int = 0,
    ) -> None:
        if planned_minutes < 0 or elapsed < 0 or extra_minutes < 0:
            raise ValueError("planned minutes, elapsed seconds and extra minutes must be ≥ 0")
        self._clock = clock
        self._planned_minutes = planned_minutes
        self._extra_minutes = extra_minutes
        self._banked = float(elapsed)
        self._since: float | None = None

    @property
    def planned_minutes(self) -> int:
        return self._planned_minutes

    @property
    def extra_minutes(self) -> int:
        return self._extra_minutes

    @property
    def running(self) -> bool:
        return self._since is not None

    @property
    def planned_seconds(self) -> int:
        """The step's time: planned minutes plus the added minutes, in seconds."""
        return (self._planned_minutes + self._extra_minutes) * 60

    def start(self) -> None:
        """Start or resume; starting a running timer changes nothing."""
        if self._since is None:
            self._since = self._clock()

    def pause(self) -> None:
        """Stop counting and keep the time so far; pausing a paused timer changes nothing."""
        if self._since is not None:
            self._banked += max(self._clock() - self._since, 0.0)
            self._since = None

    def reset(self) -> None:
        """Back to the planned time: nothing elapsed, no added minutes, paused."""
        self._banked = 0.0
        self._since = None
        self._extra_minutes = 0

    def add_minute(self, minutes: int = 1) -> None:
        """Give the step more time (+1 min); the countdown goes up by ``minutes``."""
        if minutes < 1:
            raise ValueError("add at least one minute")
        self._extra_minutes += minutes

    @property
    def elapsed(self) -> float:
        """Seconds the step has run, pauses excluded."""
        running = max(self._clock() - self._since, 0.0) if self._since is not None else 0.0
        return self._banked + running

    @property
    def elapsed_seconds(self) -> int:
        """Elapsed time in whole seconds (half a second rounds up), as stored."""
        return int(self.elapsed + 0.5)

    @property
    def remaining(self) -> float:
        """Seconds left; negative once the step runs past its time."""
        return self.planned_seconds - self.elapsed

    @property
    def share_left(self) -> float:
        """The part of the step's time still left (1.0 at the start, 0.0 at zero, < 0 over).

        A step of zero minutes has no share: 0.0.
        """
        planned = self.planned_seconds
        return self.remaining / planned if planned else 0.0

    @property
    def level(self) -> TimerLevel:
        return timer_level(self.remaining, self.planned_seconds)

    @property
    def countdown(self) -> str:
        return format_countdown(self.remaining)
