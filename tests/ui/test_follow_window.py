"""Afspraken volgen through the real windows: what is listed at the boundaries (the operation's
answer, shown whole), sorting, recording progress by keyboard, refusals that write nothing,
and opening the session from a row."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlmodel import select

from tests.following import signed_without_progress
from tests.ui.test_accessibility import _nameless
from tests.ui.test_shortcuts import _declared, _installed, _portable
from worksession.domain.models import AgreementProgress
from worksession.domain.progress import OVERDUE, REASONS, SILENT
from worksession.storage.database import Database
from worksession.storage.operations.progress import (
    agreements_to_follow,
    progress_log,
    record_progress,
)
from worksession.storage.operations.sessions import create_session, delete_session
from worksession.ui.follow_table_model import COLUMNS
from worksession.ui.follow_window import FollowWindow
from worksession.ui.progress_dialog import ProgressDialog
from worksession.ui.shortcuts import FOLLOW, keys_of

# The demo's earliest dates: a-wegwijzer 15-04, a-signaleren-eenzaamheid 30-04; later ones are
# 31-05, 01-06, 18-06, 30-06, 01-09. Its plan is signed off on 20-03.
TODAY = dt.date(2026, 4, 20)
DUE_COLUMN = COLUMNS.index("When")
Row = tuple[int, str, tuple[str, ...]]  # session, agreement key, why it is listed


@pytest.fixture
def session(db: Database) -> int:
    return signed_without_progress(db)


def _window(qtbot: QtBot, db: Database, today: dt.date, opened: list[int]) -> FollowWindow:
    window = FollowWindow(db, opened.append, today=lambda: today)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _listed(window: FollowWindow) -> list[Row]:
    rows = []
    for row in range(window.proxy.rowCount()):
        item = window.model.item_at(window.proxy.mapToSource(window.proxy.index(row, 0)).row())
        rows.append((item.agreement.session_id, item.agreement.agreement_key, item.reasons))
    return rows


def _expected(db: Database, today: dt.date, weeks: int = 4) -> list[Row]:
    return [
        (item.agreement.session_id, item.agreement.agreement_key, item.reasons)
        for item in agreements_to_follow(db=db, today=today, weeks=weeks)
    ]


def _press(qtbot: QtBot, widget: object, keys: str) -> None:
    combination = QKeySequence(keys)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("today", "included", "left_out"),
    [
        # Four weeks from 03-05 is 31-05: the last day counts, the 01-06 is one day too far.
        (dt.date(2026, 5, 3), "a-wijkoverleg-ouderen", "a-valrisico-route"),
        (dt.date(2026, 5, 4), "a-valrisico-route", "a-informatiemiddag-geheugen"),
    ],
)
def test_the_window_lists_what_the_operation_finds_at_the_boundaries(
    qtbot: QtBot, db: Database, session: int, today: dt.date, included: str, left_out: str
) -> None:
    window = _window(qtbot, db, today, [])
    listed = _listed(window)
    assert sorted(listed) == sorted(_expected(db, today))
    keys = [key for _session, key, _reasons in listed]
    assert included in keys
    assert left_out not in keys
    # The coach widens the weeks from the keyboard: the operation's answer for seven weeks.
    window.weeks.setFocus()
    for _up in range(3):
        qtbot.keyClick(window.weeks, Qt.Key.Key_Up)
    assert window.weeks.value() == 7
    wider = sorted(_expected(db, today, weeks=7))
    qtbot.waitUntil(lambda: sorted(_listed(window)) == wider)  # read once the arrows rest
    assert left_out in [key for _session, key, _reasons in _listed(window)]


def test_no_news_for_eight_weeks_from_the_sign_off(
    qtbot: QtBot, db: Database, session: int
) -> None:
    # Signed off on 20-03: eight weeks later is 15-05.
    before = _window(qtbot, db, dt.date(2026, 5, 14), [])
    assert not [row for row in _listed(before) if SILENT in row[2]]
    on_the_day = _window(qtbot, db, dt.date(2026, 5, 15), [])
    silent = [key for _s, key, reasons in _listed(on_the_day) if SILENT in reasons]
    assert "a-beweeggroep" in silent  # due in September, listed only for the silence
    assert sorted(_listed(on_the_day)) == sorted(_expected(db, dt.date(2026, 5, 15)))


def test_a_row_shows_the_session_the_agreement_its_trekker_and_dates(
    qtbot: QtBot, db: Database, session: int
) -> None:
    window = _window(qtbot, db, TODAY, [])
    assert window.select(session, "a-wegwijzer")
    row = window.table.currentIndex().row()
    cells = [window.proxy.index(row, column).data() for column in range(len(COLUMNS))]
    assert cells[0] == "Kaalheide · Samen gezond oud worden in Kaalheide"
    assert cells[1].startswith("Welzijn maakt een wegwijzer")
    assert cells[2] != "–"  # the trekker's name
    assert cells[3:] == ["15-04-2026", "bezig", "20-03-2026", "–", "te laat"]
    headers = [window.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]
    assert headers == [
        "Sessie", "Afspraak", "Trekker", "Wanneer", "Status nu", "Laatste nieuws",
        "Laatste melding", "Waarom",
    ]  # fmt: skip


def test_the_most_urgent_come_first_each_by_its_date(
    qtbot: QtBot, db: Database, session: int
) -> None:
    window = _window(qtbot, db, dt.date(2026, 5, 15), [])
    items = [
        window.model.item_at(window.proxy.mapToSource(window.proxy.index(row, 0)).row())
        for row in range(window.proxy.rowCount())
    ]
    order = [(REASONS.index(item.reasons[0]), item.date) for item in items]
    assert order == sorted(order)
    assert {rank for rank, _date in order} == {0, 1, 2}  # overdue, due and silent all shown
    assert [item.agreement.agreement_key for item in items[:2]] == [
        "a-wegwijzer", "a-signaleren-eenzaamheid",
    ]  # fmt: skip


def test_sorting_on_a_date_column_sorts_by_the_date(
    qtbot: QtBot, db: Database, session: int
) -> None:
    today = dt.date(2026, 7, 1)  # overdue and due dates across several months
    window = _window(qtbot, db, today, [])
    qtbot.mouseClick(
        window.table.horizontalHeader().viewport(),
        Qt.MouseButton.LeftButton,
        pos=_section_centre(window, DUE_COLUMN),
    )
    shown = [window.proxy.index(row, DUE_COLUMN).data() for row in range(window.proxy.rowCount())]
    as_dates = [dt.datetime.strptime(text, "%d-%m-%Y").date() for text in shown]
    assert len(as_dates) > 3
    assert as_dates == sorted(as_dates)
    assert shown != sorted(shown)  # as text "30-04" would come after "01-06"


def _section_centre(window: FollowWindow, column: int) -> QPoint:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    return QPoint(x, header.height() // 2)


def test_one_reason_at_a_time(qtbot: QtBot, db: Database, session: int) -> None:
    window = _window(qtbot, db, dt.date(2026, 5, 4), [])
    everything = _listed(window)
    window.reason.setCurrentIndex(window.reason.findData(OVERDUE))
    overdue = _listed(window)
    assert overdue == [row for row in everything if OVERDUE in row[2]]
    window.reason.setCurrentIndex(window.reason.findData("due"))
    due = _listed(window)
    assert due and all("due" in reasons for _s, _k, reasons in due)  # not "overdue"
    assert not set(due) & set(overdue)


def _open_dialog(qtbot: QtBot, window: FollowWindow) -> ProgressDialog:
    window.activateWindow()
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
    _press(qtbot, window.table, keys_of("follow_record")[0])
    dialog = window.progress_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_recording_by_keyboard_adds_to_the_log_and_the_list_follows(
    qtbot: QtBot, db: Database, session: int
) -> None:
    window = _window(qtbot, db, TODAY, [])
    assert window.select(session, "a-wegwijzer")
    dialog = _open_dialog(qtbot, window)
    assert dialog.chosen_key() == "a-wegwijzer"
    assert dialog.status.currentData() == "in_progress"  # its status now, to start from
    assert dialog.date.date() == QDate.currentDate()
    dialog.status.setFocus()
    qtbot.keyClick(dialog.status, Qt.Key.Key_Down)  # bezig → gereed
    assert dialog.status.currentData() == "done"
    qtbot.keyClick(dialog.status, Qt.Key.Key_Tab)  # to the date
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)  # to the note
    assert dialog.focusWidget() is dialog.note
    qtbot.keyClicks(dialog.note, "Ligt bij alle huisartsen.")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.reported_by
    qtbot.keyClicks(dialog.reported_by, "Wendy Pelzer")
    with qtbot.waitSignal(window.recorded):
        qtbot.keyClick(dialog.reported_by, Qt.Key.Key_Return)
    (entry,) = progress_log(db=db, session_id=session, agreement_key="a-wegwijzer")
    assert (entry.status, entry.note, entry.reported_by, entry.date) == (
        "done", "Ligt bij alle huisartsen.", "Wendy Pelzer", dt.date.today(),
    )  # fmt: skip
    assert dialog.log.rowCount() == 1
    assert [dialog.log.item(0, c).text() for c in range(1, 4)] == [
        "gereed", "Ligt bij alle huisartsen.", "Wendy Pelzer",
    ]  # fmt: skip
    assert dialog.note.toPlainText() == ""  # ready for the next report
    # Done: no longer an agreement to follow.
    assert "a-wegwijzer" not in [key for _s, key, _r in _listed(window)]
    assert sorted(_listed(window)) == sorted(_expected(db, TODAY))
    # Append-only: the log cannot be edited, and nothing offers to remove an entry.
    assert dialog.log.editTriggers() == dialog.log.EditTrigger.NoEditTriggers


def test_a_refused_value_is_said_and_nothing_is_written(
    qtbot: QtBot, db: Database, session: int
) -> None:
    window = _window(qtbot, db, TODAY, [])
    dialog = _open_dialog(qtbot, window)
    dialog.date.setDate(QDate(2026, 3, 1))  # before the session of 12-03
    dialog.note.setPlainText("Te vroeg.")
    assert not dialog.record()
    assert dialog.problem.isVisible()
    assert dialog.problem.text().startswith("Niet vastgelegd: Datum: 2026-03-01")
    dialog.date.setDate(QDate.currentDate())
    dialog.reported_by.setCurrentText("x" * 201)
    assert not dialog.record()
    assert "Gemeld door" in dialog.problem.text()
    assert progress_log(db=db, session_id=session) == []
    assert dialog.note.toPlainText() == "Te vroeg."  # kept, to be corrected
    dialog.reported_by.setCurrentText("")
    dialog.status.setFocus()
    with qtbot.waitSignal(dialog.recorded):
        qtbot.keyClick(dialog.status, Qt.Key.Key_Return)  # Return records, not Close
    assert dialog.isVisible()
    assert not dialog.problem.isVisible()
    assert len(progress_log(db=db, session_id=session)) == 1


@pytest.fixture
def write_lock(db: Database) -> Iterator[sqlite3.Connection]:
    """Another program holding the database's write lock."""
    assert db.path is not None
    other = sqlite3.connect(db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield other
    other.rollback()
    other.close()


def test_a_locked_database_is_said_and_nothing_is_written(
    qtbot: QtBot, db: Database, session: int, write_lock: sqlite3.Connection
) -> None:
    window = _window(qtbot, db, TODAY, [])
    dialog = _open_dialog(qtbot, window)
    dialog.note.setPlainText("Tijdens een slot.")
    with qtbot.assertNotEmitted(dialog.recorded):
        assert not dialog.record()
    assert "kan nu niet worden beschreven" in dialog.problem.text()
    write_lock.rollback()
    assert progress_log(db=db, session_id=session) == []
    assert dialog.record()  # free again: the same form is recorded
    assert [e.note for e in progress_log(db=db, session_id=session)] == ["Tijdens een slot."]


def test_enter_opens_the_session_of_the_row(qtbot: QtBot, db: Database, session: int) -> None:
    opened: list[int] = []
    window = _window(qtbot, db, TODAY, opened)
    window.activateWindow()
    window.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert opened == [session]


def test_the_window_installs_exactly_its_declared_shortcuts(
    qtbot: QtBot, db: Database, session: int
) -> None:
    window = _window(qtbot, db, TODAY, [])
    assert _portable(_installed(window)) == _declared(FOLLOW)


def test_every_control_has_a_name_a_screen_reader_can_say(
    qtbot: QtBot, db: Database, session: int
) -> None:
    window = _window(qtbot, db, TODAY, [])
    dialog = _open_dialog(qtbot, window)
    assert _nameless(window) == []
    assert _nameless(dialog) == []


def test_a_session_deleted_meanwhile_is_said_and_nothing_is_written(
    qtbot: QtBot, db: Database, session: int
) -> None:
    window = _window(qtbot, db, TODAY, [])
    dialog = _open_dialog(qtbot, window)
    delete_session(db=db, session_id=session, retention_days=365)
    assert not dialog.record()
    assert dialog.problem.isVisible() and dialog.problem.text().startswith("Niet vastgelegd: ")
    with db.reading() as s:
        assert s.exec(select(AgreementProgress)).all() == []


def test_a_session_without_agreements_offers_nothing_to_record(qtbot: QtBot, db: Database) -> None:
    empty = create_session(db=db, title="Nog leeg")
    assert empty.id is not None
    dialog = ProgressDialog(db, empty.id)
    qtbot.addWidget(dialog)
    assert not dialog.record_button.isEnabled()
    assert not dialog.record()
    assert dialog.problem.text() == "Deze sessie heeft geen afspraken om voortgang op te melden."


def test_the_last_report_is_the_latest_one_with_who_gave_it(
    qtbot: QtBot, db: Database, session: int
) -> None:
    record_progress(
        db=db, session_id=session, agreement_key="a-wegwijzer", status="in_progress",
        note="Drukker gevonden.", on="2026-04-10", reported_by="Yvonne Kessels",
    )  # fmt: skip
    # Recorded later, about an earlier day: not the latest report.
    record_progress(
        db=db, session_id=session, agreement_key="a-wegwijzer", status="open",
        note="Nog niets.", on="2026-04-01",
    )  # fmt: skip
    window = _window(qtbot, db, dt.date(2026, 6, 20), [])
    assert window.select(session, "a-wegwijzer")
    row = window.table.currentIndex().row()
    column = COLUMNS.index("Last report")
    assert window.proxy.index(row, column).data() == "Drukker gevonden. — Yvonne Kessels"
    assert window.proxy.index(row, COLUMNS.index("Last news")).data() == "10-04-2026"
    assert window.select(session, "a-maatjes")
    assert window.proxy.index(window.table.currentIndex().row(), column).data() == "–"


def test_f5_reads_what_another_program_recorded_and_esc_closes(
    qtbot: QtBot, db: Database, session: int
) -> None:
    window = _window(qtbot, db, TODAY, [])
    assert window.select(session, "a-wegwijzer")
    record_progress(db=db, session_id=session, agreement_key="a-wegwijzer", status="done")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    _press(qtbot, window.table, keys_of("follow_refresh")[0])
    assert "a-wegwijzer" not in [key for _s, key, _r in _listed(window)]
    _press(qtbot, window.table, keys_of("follow_close")[0])
    assert not window.isVisible()
