"""The clock counts a step as held only when the coach stayed on it (30 s) or used its clock:
flicking through the steps with Ctrl+PgDn stores nothing; and the toolbar and the schedule
dialog show one expected end with the same minutes late, whatever happened. A fake clock drives
it all, no waiting."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from worksession.domain.schedule import schedule_summary
from worksession.domain.step_timer import HELD_SECONDS
from worksession.domain.values import StepKind
from worksession.i18n import set_language
from worksession.storage.operations.timing import clear_step_time, step_times
from worksession.ui.presenter.presenting import Presenting
from worksession.ui.presenter.room_toolbar import RoomToolBar
from worksession.ui.presenter.schedule_dialog import ScheduleDialog
from worksession.ui.presenter.step_clock import StepClock
from worksession.ui.session.window import SessionWindow


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("nl")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def step_clock(window: SessionWindow, clock: FakeClock) -> StepClock:
    """The window's room controls on the fake clock, at the casus, with no step timed yet
    (the demo afternoon comes with times)."""
    controller = window.controller
    for step in controller.steps:
        clear_step_time(db=controller.db, session_id=controller.session_id, step_id=step.id)
    window.removeToolBar(window.room)
    window.presenting = Presenting(window.navigation, clock=clock)
    window.room = RoomToolBar(window.navigation, window.presenting)
    window.go_to(next(i for i, p in enumerate(window.page_list) if p.step.kind is StepKind.CASUS))
    return window.presenting.step_clock


def _next_step(qtbot: QtBot, window: SessionWindow) -> None:
    """Ctrl+PgDn, typed where the focus is, as the coach moves on."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)


def _stored(window: SessionWindow) -> dict[str, int]:
    controller = window.controller
    times = step_times(db=controller.db, session_id=controller.session_id)
    return {step_id: row.actual_seconds for step_id, row in times.items()}


def _states(step_clock: StepClock) -> dict[str, str]:
    return {row.step_id: row.state for row in step_clock.schedule().rows}


def test_flicking_through_five_steps_holds_none_and_staying_30_s_holds_one(
    qtbot: QtBot, window: SessionWindow, clock: FakeClock, step_clock: StepClock
) -> None:
    casus = window.current_page().step.id
    window.activateWindow()
    window.room.start_action.trigger()  # the coach starts the casus on purpose
    clock.now += 600
    flicked = []
    for _step in range(5):
        _next_step(qtbot, window)
        flicked.append(window.current_page().step.id)
        clock.now += 3
        step_clock.update()  # the ticker's work, without waiting for it
    assert len(set(flicked)) == 5
    assert _stored(window) == {casus: 600}  # none of the five is stored
    states = _states(step_clock)
    assert [states[step] for step in flicked[:-1]] == ["passed"] * 4
    assert states[flicked[-1]] == "current"
    assert not step_clock.held
    timer = step_clock.timer
    assert timer is not None and timer.running  # the clock runs on with the room

    step_clock.save()  # the window closes now: a step only passed is not stored either
    assert flicked[-1] not in _stored(window)

    clock.now += HELD_SECONDS - 3 - 1
    step_clock.update()
    assert flicked[-1] not in _stored(window)
    clock.now += 1  # 30 s on the step: it is held, from its arrival
    step_clock.update()
    assert step_clock.held
    assert _stored(window)[flicked[-1]] == HELD_SECONDS
    _next_step(qtbot, window)
    assert _states(step_clock)[flicked[-1]] == "done"


def test_a_step_whose_clock_was_started_is_held_at_once(
    qtbot: QtBot, window: SessionWindow, clock: FakeClock, step_clock: StepClock
) -> None:
    window.activateWindow()
    casus = window.current_page().step.id
    window.room.start_action.trigger()
    clock.now += 5
    _next_step(qtbot, window)
    assert _stored(window) == {casus: 5}  # started on purpose: held, however short
    arrived = window.current_page().step.id
    clock.now += 10
    window.room.minute_action.trigger()  # +1 min is using this step's clock: held too
    assert _stored(window)[arrived] == 10
    clock.now += 2
    _next_step(qtbot, window)
    assert _stored(window)[arrived] == 12


def _same_on_both(window: SessionWindow, step_clock: StepClock, dialog: ScheduleDialog) -> str:
    """The toolbar, the open dialog, a newly opened dialog and the schedule of this moment say
    the same thing."""
    text = window.room.schedule_label.text()
    assert dialog.summary.text() == text
    fresh = window.room.show_schedule()
    assert fresh.summary.text() == text
    fresh.close()
    assert schedule_summary(step_clock.schedule()) == text
    return text


def test_the_toolbar_and_the_schedule_show_the_same_end_and_minutes_late(
    qtbot: QtBot, window: SessionWindow, clock: FakeClock, step_clock: StepClock
) -> None:
    window.activateWindow()
    dialog = window.room.show_schedule()
    texts = [_same_on_both(window, step_clock, dialog)]
    timer = step_clock.timer
    assert timer is not None
    planned = timer.planned_seconds

    window.room.start_action.trigger()
    clock.now += planned - 3 * 60  # the casus took three minutes less
    step_clock.update()
    texts.append(_same_on_both(window, step_clock, dialog))
    _next_step(qtbot, window)  # the toolbar used to reckon the casus as still running here
    texts.append(_same_on_both(window, step_clock, dialog))

    timer = step_clock.timer
    assert timer is not None
    clock.now += timer.planned_seconds + 3 * 60 + 40  # this step runs 3:40 over
    step_clock.update()
    texts.append(_same_on_both(window, step_clock, dialog))
    window.room.minute_action.trigger()
    texts.append(_same_on_both(window, step_clock, dialog))
    clock.now += 50  # half a minute more rounds the end and the minutes together
    step_clock.update()
    texts.append(_same_on_both(window, step_clock, dialog))

    dialog.start.setTime(dialog.start.time().addSecs(-47 * 60))
    dialog.start.editingFinished.emit()
    texts.append(_same_on_both(window, step_clock, dialog))
    window.undo_action.trigger()
    texts.append(_same_on_both(window, step_clock, dialog))
    assert len(set(texts)) >= 5  # the schedules really differed
    assert any("min late" in text for text in texts)
    dialog.close()
