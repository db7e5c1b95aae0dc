"""The beamer shows a step's clock while it runs, or before it ever ran; a stopped clock with
time on it (a step the session finished, a paused step) stays on the coach's toolbar only.

Going back to the casus to show it again put a red "-0:40" on the beamer, and the break long
over a large red "-2:00".
"""

from __future__ import annotations

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.storage.operations.timing import clear_step_time
from worksession.ui.presenter.presenting import Presenting
from worksession.ui.presenter.room_toolbar import RoomToolBar
from worksession.ui.session.window import SessionWindow


def test_a_finished_step_shows_no_clock_to_the_room_but_the_toolbar_keeps_it(
    window: SessionWindow,
) -> None:
    presenter = window.presenting.presenter
    page_of(window, StepKind.BREAK)  # the demo's break ran two minutes over
    assert presenter.clock.text() == ""
    assert presenter.countdown.text() == ""
    assert window.room.clock_label.text().startswith("-")  # the coach still sees it

    window.room.start_action.trigger()  # the break goes on: the room sees it count
    assert presenter.countdown.text() == window.room.clock_label.text()
    window.room.start_action.trigger()  # paused: the coach's business again
    assert presenter.countdown.text() == ""


def test_a_step_not_yet_begun_shows_its_planned_time_to_the_room(window: SessionWindow) -> None:
    controller = window.controller
    casus = next(step for step in controller.steps if step.kind is StepKind.CASUS)
    clear_step_time(db=controller.db, session_id=controller.session_id, step_id=casus.id)
    window.removeToolBar(window.room)  # the room controls again, reading the cleared time
    window.presenting = Presenting(window.navigation)
    window.room = RoomToolBar(window.navigation, window.presenting)
    page_of(window, StepKind.CASUS)
    assert window.presenting.presenter.clock.text() == f"{casus.minutes}:00"
