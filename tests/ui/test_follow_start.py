"""Afspraken volgen from the start window: the line on what needs attention (counted after the
listing), opening the window by the line and by its keys, opening a session from a row, and an
open session window noticing progress recorded elsewhere."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.following import signed_without_progress
from tests.ui.conftest import freeze_plan, page_of
from worksession.domain.values import StepKind
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.opening import open_database
from worksession.storage.operations.evaluations import evaluations_due
from worksession.storage.operations.follow_up import update_follow_up
from worksession.storage.operations.progress import agreements_to_follow, progress_log
from worksession.storage.seen import stamp_of
from worksession.ui.background import jobs_running
from worksession.ui.follow_line import AGREEMENTS_LINK, EVALUATIONS_LINK, LINE_WEEKS, FollowLine
from worksession.ui.follow_window import FollowWindow
from worksession.ui.progress_dialog import ProgressDialog
from worksession.ui.session.pages.plan import PlanPage
from worksession.ui.session.window import SessionWindow
from worksession.ui.shortcuts import keys_of
from worksession.ui.start_window import StartWindow
from worksession.ui.startup import Startup
from worksession.workflows.following import prepare_follow_up


def _start(qtbot: QtBot, db: Database, library: Library) -> StartWindow:
    window = StartWindow(db, library)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_line_says_what_the_operations_count(
    qtbot: QtBot, db: Database, library: Library
) -> None:
    signed_without_progress(db)
    window = _start(qtbot, db, library)
    assert not window.follow_line.isVisible()  # not counted with the listing
    line = window.follow_line
    # Signed off on 20-03; on 15-05: two past their date, two within four weeks, and eight
    # weeks without news for all eight that still run.
    line.count(db, today=dt.date(2026, 5, 15))
    assert line.isVisible()
    assert line.text() == (
        "<a href='agreements'>2 afspraken over tijd, 2 binnen 4 weken, 8 zonder nieuws</a>"
    )
    line.count(db, today=dt.date(2026, 8, 13))  # the evaluation of 10-09 is four weeks away
    assert line.text().endswith(" · <a href='evaluations'>1 evaluatie te doen</a>")
    line.count(db, today=dt.date(2026, 3, 17))  # the first date, 15-04, is over four weeks
    assert not line.isVisible()


def test_the_start_window_counts_today_and_again_after_a_change(
    qtbot: QtBot, db: Database, library: Library
) -> None:
    session = signed_without_progress(db)
    today = dt.date.today()
    # Due today, whatever day the tests run (the plan becomes a draft; it was out, so counts).
    update_follow_up(db=db, session_id=session, evaluation=today)
    window = _start(qtbot, db, library)
    window.count_follow_up()  # in the background
    qtbot.waitUntil(lambda: window.follow_line.shown_once)
    reasons = Counter(
        reason
        for item in agreements_to_follow(db=db, today=today, weeks=LINE_WEEKS)
        for reason in item.reasons
    )
    evaluations = len(evaluations_due(db=db, today=today, weeks=LINE_WEEKS))
    text = window.follow_line.text()
    for reason, words in (("overdue", "over tijd"), ("due", "binnen"), ("silent", "nieuws")):
        assert (f"{reasons[reason]} " in text and words in text) == bool(reasons[reason])
    assert evaluations == 1
    assert "<a href='evaluations'>1 evaluatie te doen</a>" in text
    # A follow-up session made from it: its evaluation is being done.
    prepare_follow_up(db=db, library=library, session_id=session)
    window.refresh()  # as after a change in a session window: counted once changes pause
    assert "evaluatie" in window.follow_line.text()
    # Counted in the background after a pause: allow a loaded machine its time.
    qtbot.waitUntil(lambda: "evaluatie" not in window.follow_line.text(), timeout=20000)


def test_start_up_counts_the_line_after_listing(qtbot: QtBot, tmp_path: Path) -> None:

    path = tmp_path / "ws.sqlite3"
    db = open_database(path)
    signed_without_progress(db)
    db.close()
    window = StartWindow()
    qtbot.addWidget(window)
    startup = Startup(window, str(path), None)
    try:
        startup.open_sessions()
        qtbot.waitUntil(lambda: window.follow_line.shown_once, timeout=10_000)
        assert startup.db is not None
        counted_now = FollowLine()
        counted_now.count(startup.db)
        assert window.follow_line.text() == counted_now.text()
    finally:
        startup.finished = True
        if startup.db is not None:
            startup.db.close()


def test_the_line_and_the_keys_open_one_follow_window(
    qtbot: QtBot, db: Database, library: Library
) -> None:
    signed_without_progress(db)
    window = _start(qtbot, db, library)
    window.count_follow_up()  # in the background
    qtbot.waitUntil(lambda: window.follow_line.shown_once)
    window.follow_line.linkActivated.emit(AGREEMENTS_LINK)  # what a click on the link sends
    follow = window.follow_window
    assert isinstance(follow, FollowWindow)
    qtbot.waitExposed(follow)
    assert follow.proxy.rowCount() > 0
    follow.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    combination = QKeySequence(keys_of("follow_agreements")[0])[0]
    qtbot.keyClick(window.table, combination.key(), combination.keyboardModifiers())
    assert window.follow_window is follow and follow.isVisible()
    window.follow_line.linkActivated.emit(EVALUATIONS_LINK)
    assert window.follow_window is follow


def test_an_open_session_window_notices_progress_recorded_in_the_follow_window(
    qtbot: QtBot, db: Database, library: Library
) -> None:
    session = signed_without_progress(db)
    start = _start(qtbot, db, library)
    start.count_follow_up()  # in the background
    qtbot.waitUntil(lambda: start.follow_line.shown_once)
    follow = start.show_follow()
    qtbot.waitExposed(follow)
    assert follow.select(session, "a-wegwijzer")
    follow.activateWindow()
    follow.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is follow.table)
    qtbot.keyClick(follow.table, Qt.Key.Key_Return)  # open the session of the row
    (session_window,) = start.session_windows
    assert session_window.controller.session_id == session
    qtbot.waitExposed(session_window)
    before = start.follow_line.text()

    dialog = follow.record_current()
    assert dialog is not None
    dialog.status.setCurrentIndex(dialog.status.findData("done"))
    dialog.note.setPlainText("Klaar.")
    with qtbot.waitSignal(session_window.controller.changed, timeout=5000):
        assert dialog.record()
    # The session window read the session again: its view is what is stored now.
    with db.reading() as s:
        assert session_window.controller.view.stamp == stamp_of(s, session)
    assert [e.note for e in progress_log(db=db, session_id=session)] == ["Klaar."]
    assert start.follow_line.text() != before  # one agreement fewer to follow
    assert session_window.controller.status == "signed_off"  # the plan stays signed off


def test_na_de_sessie_records_progress_once_the_plan_is_out(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = page_of(window, StepKind.AFTER)
    assert isinstance(page, PlanPage)
    assert not page.progress_button.isEnabled()  # nothing frozen yet: nothing to follow
    freeze_plan(page)
    assert page.progress_button.isEnabled()
    qtbot.mouseClick(page.progress_button, Qt.MouseButton.LeftButton)
    progress = page.findChild(ProgressDialog)
    assert isinstance(progress, ProgressDialog)
    qtbot.waitExposed(progress)
    progress.agreement.setCurrentIndex(progress.agreement.findData("a-maatjes"))
    progress.status.setCurrentIndex(progress.status.findData("in_progress"))
    with qtbot.waitSignal(window.controller.changed):
        qtbot.mouseClick(progress.record_button, Qt.MouseButton.LeftButton)
    (entry,) = progress_log(db=window.controller.db, session_id=window.controller.session_id)
    assert (entry.agreement_key, entry.status) == ("a-maatjes", "in_progress")
    assert progress.log.rowCount() == 1


def test_a_count_still_running_does_not_overwrite_a_later_one(
    qtbot: QtBot, db: Database, library: Library
) -> None:
    signed_without_progress(db)
    window = _start(qtbot, db, library)
    window.follow_line.count_in_background(db)  # today: the demo's dates are past
    window.follow_line.count(db, today=dt.date(2026, 3, 17))  # nothing yet on that day
    qtbot.waitUntil(lambda: jobs_running() == 0)
    assert not window.follow_line.isVisible()
