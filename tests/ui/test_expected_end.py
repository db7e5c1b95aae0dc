"""Looking through a session does not move its expected end: the schedule reckons from the
step whose clock ran, not from the step the coach happens to look at.

Browsing the demo afternoon (every step timed) said "Verwacht einde 17:45" on the first steps
and 17:37 on the last, from the same stored times.
"""

from __future__ import annotations

from worksession.ui.session.window import SessionWindow


def test_browsing_every_step_shows_one_expected_end(window: SessionWindow) -> None:
    seen = set()
    for row in range(len(window.page_list)):
        window.go_to(row)
        seen.add(window.room.schedule_label.text())
    assert len(seen) == 1, seen


def test_a_running_clock_still_moves_the_expected_end(window: SessionWindow) -> None:
    window.go_to(1)
    before = window.room.schedule_label.text()
    step_clock = window.presenting.step_clock
    window.room.start_action.trigger()
    for _ in range(40):  # the running step is reckoned at forty added minutes at least
        window.room.minute_action.trigger()
    assert step_clock.latest is not None
    assert window.room.schedule_label.text() != before
