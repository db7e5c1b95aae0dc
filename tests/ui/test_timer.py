"""The step clock in the coach's toolbar and on the beamer, driven by a fake clock (no waiting):
colours at 20% and 5% left, +1 min, pause stores the time, leaving a step moves the clock on."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from worksession.domain.schedule import format_time
from worksession.domain.values import StepKind
from worksession.storage.operations.timing import step_times
from worksession.ui.presenter.presenter_window import CLOCK_COLOURS
from worksession.ui.presenter.presenting import Presenting
from worksession.ui.presenter.room_toolbar import RoomToolBar
from worksession.ui.session.window import SessionWindow


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _timed_window(window: SessionWindow, clock: FakeClock, kind: StepKind) -> Presenting:
    """The window's room controls again, on the fake clock, at the first step of ``kind``."""
    window.removeToolBar(window.room)
    window.presenting = Presenting(window.navigation, clock=clock)
    window.room = RoomToolBar(window.navigation, window.presenting)
    row = next(i for i, page in enumerate(window.page_list) if page.step.kind == kind)
    window.go_to(row)
    window.room.reset_action.trigger()  # the demo afternoon has times stored already
    return window.presenting


def test_the_clock_turns_orange_at_20_percent_and_red_at_5_percent(window: SessionWindow) -> None:
    clock = FakeClock()
    presenting = _timed_window(window, clock, StepKind.CASUS)
    step_clock = presenting.step_clock
    minutes = step_clock.timer.planned_minutes if step_clock.timer else 0
    assert minutes > 0
    total = minutes * 60
    presenter = presenting.presenter
    window.room.start_action.trigger()

    def at(elapsed: float) -> str:
        clock.now = 1000.0 + elapsed
        step_clock.update()
        return str(presenter.clock.property("level"))

    assert at(0) == "normal"
    assert at(total * 0.8 - 1) == "normal"
    assert at(total * 0.8) == "warning"  # 20% left: orange
    assert CLOCK_COLOURS["warning"] in presenter.clock.styleSheet()
    assert at(total * 0.95 - 1) == "warning"
    assert at(total * 0.95) == "critical"  # 5% left: red
    assert CLOCK_COLOURS["critical"] in window.room.clock_label.styleSheet()
    assert at(total) == "critical"
    assert at(total + 1) == "over"
    assert presenter.clock.text() == "-0:01"


def test_plus_one_minute_gives_time_back_and_pause_stores_it(window: SessionWindow) -> None:
    clock = FakeClock()
    presenting = _timed_window(window, clock, StepKind.CASUS)
    step_clock = presenting.step_clock
    timer = step_clock.timer
    assert timer is not None
    total = timer.planned_seconds
    window.room.start_action.trigger()
    clock.now += total * 0.9
    step_clock.update()
    assert presenting.presenter.clock.property("level") == "warning"
    left = timer.remaining
    window.room.minute_action.trigger()
    assert timer.remaining == left + 60
    assert presenting.presenter.clock.text() == window.room.clock_label.text()
    assert presenting.presenter.clock.text() == timer.countdown
    window.room.start_action.trigger()  # pause: stored
    controller = window.controller
    stored = step_times(db=controller.db, session_id=controller.session_id)[timer_step(window)]
    assert stored.actual_seconds == round(total * 0.9)
    assert stored.extra_minutes == 1
    clock.now += 600  # paused: time does not count
    assert timer.elapsed_seconds == round(total * 0.9)


def timer_step(window: SessionWindow) -> str:
    return window.current_page().step.id


def test_moving_on_stores_the_step_and_starts_the_next(qtbot: QtBot, window: SessionWindow) -> None:
    clock = FakeClock()
    presenting = _timed_window(window, clock, StepKind.CASUS)
    casus = timer_step(window)
    window.room.start_action.trigger()
    clock.now += 300
    window.next_action.trigger()
    controller = window.controller
    assert (
        step_times(db=controller.db, session_id=controller.session_id)[casus].actual_seconds == 300
    )
    timer = presenting.step_clock.timer
    assert timer is not None and timer.running  # the session runs on
    before = timer.elapsed_seconds  # what the demo stored for this step, resumed
    clock.now += 60
    assert timer.elapsed_seconds == before + 60
    window.room.reset_action.trigger()
    assert timer.elapsed_seconds == 0 and not timer.running


def test_the_schedule_shows_the_expected_end_and_warns_when_late(window: SessionWindow) -> None:
    clock = FakeClock()
    _timed_window(window, clock, StepKind.CASUS)
    dialog = window.room.show_schedule()
    # The demo afternoon starts at 13:30 and its stored times run 12 minutes late.
    assert "min" in window.room.schedule_label.text()
    assert dialog.table.rowCount() == len(window.page_list)
    assert dialog.start.time().toString("HH:mm") == "13:30"
    dialog.close()


def test_a_new_start_time_moves_the_expected_end_and_undo_moves_it_back(
    window: SessionWindow,
) -> None:
    step_clock = _timed_window(window, FakeClock(), StepKind.CASUS).step_clock
    dialog = window.room.show_schedule()
    end = step_clock.schedule().expected_end
    assert end is not None
    dialog.start.setTime(dialog.start.time().addSecs(3600))
    dialog.start.editingFinished.emit()
    later = step_clock.schedule().expected_end
    assert later is not None and later.hour == (end.hour + 1) % 24
    assert format_time(later) in window.room.schedule_label.text()
    window.undo_action.trigger()
    assert format_time(end) in window.room.schedule_label.text()
    dialog.close()
