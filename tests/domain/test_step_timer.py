"""The step countdown with a fake clock: start, pause, reset, +1 min and the exact colour bounds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from worksession.domain.step_timer import StepTimer, TimerLevel, format_countdown, timer_level


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_a_new_timer_is_paused_at_the_full_time(clock: FakeClock) -> None:
    timer = StepTimer(10, clock=clock)
    clock.advance(30)
    assert not timer.running
    assert (timer.elapsed, timer.remaining, timer.share_left) == (0.0, 600.0, 1.0)
    assert timer.level is TimerLevel.NORMAL
    assert timer.countdown == "10:00"


def test_it_counts_only_while_running(clock: FakeClock) -> None:
    timer = StepTimer(10, clock=clock)
    timer.start()
    clock.advance(90)
    timer.pause()
    clock.advance(1000)  # paused: the coffee break does not count
    timer.start()
    clock.advance(30)
    assert timer.elapsed == 120.0
    assert timer.countdown == "8:00"


def test_start_and_pause_twice_change_nothing(clock: FakeClock) -> None:
    timer = StepTimer(5, clock=clock)
    timer.start()
    clock.advance(10)
    timer.start()
    clock.advance(10)
    timer.pause()
    timer.pause()
    assert timer.elapsed == 20.0


def test_plus_one_minute_extends_the_step(clock: FakeClock) -> None:
    timer = StepTimer(10, clock=clock)
    timer.start()
    clock.advance(600)
    assert timer.remaining == 0.0
    timer.add_minute()
    assert (timer.planned_seconds, timer.remaining, timer.extra_minutes) == (660, 60.0, 1)
    assert timer.level is TimerLevel.WARNING  # 60 of 660 s left is about 9%


def test_reset_goes_back_to_the_planned_time_and_stops(clock: FakeClock) -> None:
    timer = StepTimer(10, clock=clock)
    timer.start()
    timer.add_minute()
    clock.advance(200)
    timer.reset()
    clock.advance(50)
    assert (timer.running, timer.elapsed, timer.extra_minutes) == (False, 0.0, 0)


def test_a_restored_timer_continues_from_the_stored_time(clock: FakeClock) -> None:
    timer = StepTimer(20, clock=clock, elapsed=300, extra_minutes=2)
    assert not timer.running
    timer.start()
    clock.advance(60.4)
    assert timer.elapsed_seconds == 360
    assert timer.planned_seconds == 22 * 60


# A 10-minute step: 20% left is 120 s (elapsed 480), 5% left is 30 s (elapsed 570).
@pytest.mark.parametrize(
    ("elapsed", "level"),
    [
        (0, TimerLevel.NORMAL),
        (479.999, TimerLevel.NORMAL),
        (480, TimerLevel.WARNING),  # exactly 20% left
        (569.999, TimerLevel.WARNING),
        (570, TimerLevel.CRITICAL),  # exactly 5% left
        (600, TimerLevel.CRITICAL),  # zero left
        (600.001, TimerLevel.OVER),  # past zero
        (900, TimerLevel.OVER),
    ],
)
def test_the_level_at_the_exact_boundaries(
    clock: FakeClock, elapsed: float, level: TimerLevel
) -> None:
    timer = StepTimer(10, clock=clock)
    timer.start()
    clock.advance(elapsed)
    assert timer.level is level


def test_boundaries_of_a_step_whose_percentages_are_not_whole_seconds(clock: FakeClock) -> None:
    timer = StepTimer(7, clock=clock)  # 420 s: 20% is 84 s, 5% is 21 s
    timer.start()
    clock.advance(420 - 84)
    assert timer.level is TimerLevel.WARNING
    clock.advance(84 - 21 - 0.5)
    assert timer.level is TimerLevel.WARNING
    clock.advance(0.5)
    assert timer.level is TimerLevel.CRITICAL
    assert timer.share_left == pytest.approx(0.05)


def test_a_step_of_zero_minutes_is_red_at_zero_and_over_once_it_runs(clock: FakeClock) -> None:
    timer = StepTimer(0, clock=clock)
    assert timer.level is TimerLevel.CRITICAL
    assert timer.share_left == 0.0
    timer.start()
    clock.advance(1)
    assert timer.level is TimerLevel.OVER


@given(st.integers(1, 480), st.floats(0, 60 * 600, allow_nan=False))
def test_levels_only_get_worse_as_time_runs(minutes: int, elapsed: float) -> None:
    order = list(TimerLevel)
    planned = minutes * 60
    earlier = timer_level(planned - elapsed, planned)
    later = timer_level(planned - elapsed - 1, planned)
    assert order.index(later) >= order.index(earlier)


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(600, "10:00"), (61, "1:01"), (0.2, "0:01"), (0, "0:00"), (-0.2, "-0:01"), (-90, "-1:30")],
)
def test_the_countdown_text(seconds: float, shown: str) -> None:
    assert format_countdown(seconds) == shown


def test_negative_input_is_refused() -> None:
    with pytest.raises(ValueError):
        StepTimer(-1)
    with pytest.raises(ValueError):
        StepTimer(5).add_minute(0)
