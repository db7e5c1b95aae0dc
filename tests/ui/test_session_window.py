"""The session window: steps from the programme, autosave, undo/redo, shortcuts, checks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from worksession.domain.values import StepKind
from worksession.storage.document import read_document
from worksession.ui.session.pages.preparation import PreparationPage
from worksession.ui.session.pages.welcome import WelcomePage
from worksession.ui.session.window import SessionWindow


def _row_of(window: SessionWindow, kind: StepKind) -> int:
    return next(row for row, page in enumerate(window.page_list) if page.step.kind == kind)


def test_the_navigator_lists_the_programme_steps_with_minutes(window: SessionWindow) -> None:
    steps = window.controller.steps
    assert window.navigator.count() == len(steps) >= 12
    assert "Welkom" in window.navigator.item(1).text()
    assert "15 min" in window.navigator.item(1).text()


def test_keyboard_moves_between_steps(qtbot: QtBot, window: SessionWindow) -> None:
    window.navigator.setCurrentRow(0)
    window.next_action.trigger()
    assert window.navigator.currentRow() == 1
    window.previous_action.trigger()
    window.previous_action.trigger()  # stays on the first step
    assert window.navigator.currentRow() == 0
    assert "Alt+Right" in [s.toString() for s in window.next_action.shortcuts()]


def test_typing_is_stored_after_a_pause_and_undone_in_one_step(
    qtbot: QtBot, window: SessionWindow
) -> None:
    window.go_to(_row_of(window, StepKind.WELCOME))
    page = window.current_page()
    assert isinstance(page, WelcomePage)
    original = window.controller.document["session"]["ambition"]
    page.ambition.setFocus()
    page.ambition.selectAll()
    qtbot.keyClicks(page.ambition, "Gezond oud worden")
    db, session_id = window.controller.db, window.controller.session_id
    qtbot.waitUntil(
        lambda: (
            read_document(db=db, session_id=session_id)["session"]["ambition"]
            == "Gezond oud worden"
        ),
        timeout=3000,
    )
    assert window.controller.undo_stack.count() == 1  # many keystrokes, one undo step
    window.undo_action.trigger()
    assert read_document(db=db, session_id=session_id)["session"]["ambition"] == original
    assert page.ambition.toPlainText() == original
    window.redo_action.trigger()
    assert page.ambition.toPlainText() == "Gezond oud worden"


def test_leaving_a_field_stores_it_at_once(qtbot: QtBot, window: SessionWindow) -> None:
    window.go_to(_row_of(window, StepKind.CASUS))
    window.side.notes.setFocus()
    qtbot.keyClicks(window.side.notes, "Apotheek uitnodigen")
    window.next_action.trigger()  # navigating away flushes the notes
    db, session_id = window.controller.db, window.controller.session_id
    step_id = window.page_list[_row_of(window, StepKind.CASUS)].step.id
    assert read_document(db=db, session_id=session_id)["notes"][step_id] == "Apotheek uitnodigen"


def test_a_rejected_value_is_named_and_nothing_is_stored(
    qtbot: QtBot, window: SessionWindow
) -> None:
    window.go_to(0)
    page = window.current_page()
    assert isinstance(page, PreparationPage)
    before = window.controller.fingerprint()
    page.fields["title"].setText("  ")
    page.flush()
    assert window.banner.isVisible()
    # Named as on screen, never by its path ("session.title: mag niet leeg zijn").
    assert "Titel: mag niet leeg zijn" in window.banner.text()
    assert "session." not in window.banner.text()
    window.controller.reload()
    assert window.controller.fingerprint() == before
    assert window.controller.undo_stack.count() == 0


def test_a_text_area_stops_at_its_limit(qtbot: QtBot, window: SessionWindow) -> None:
    from worksession.domain.validation import LONG_TEXT_MAX

    window.go_to(_row_of(window, StepKind.WELCOME))
    page = window.current_page()
    assert isinstance(page, WelcomePage)
    page.ambition.setPlainText("x" * (LONG_TEXT_MAX + 1))
    assert len(page.ambition.toPlainText()) == LONG_TEXT_MAX
    page.ambition.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(page.ambition, "yz")  # typing on at the limit adds nothing
    assert page.ambition.toPlainText() == "x" * LONG_TEXT_MAX
    page.flush()
    assert not window.banner.isVisible()


def test_clicking_a_check_opens_its_step(qtbot: QtBot, window: SessionWindow) -> None:
    window.go_to(0)
    item = window.side.checks.item(0)
    qtbot.mouseClick(
        window.side.checks.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.side.checks.visualItemRect(item).center(),
    )
    assert window.current_page().step.kind == StepKind.SOCIALE_KAART


def test_zoom_makes_the_text_larger(window: SessionWindow) -> None:
    before = window.font().pointSizeF()
    window.zoom_in_action.trigger()
    assert window.font().pointSizeF() > before
    window.zoom_out_action.trigger()
    assert abs(window.font().pointSizeF() - before) < 0.01
    assert QApplication.instance() is not None


def test_the_record_tables_pass_the_model_tester(
    qtmodeltester: object, window: SessionWindow
) -> None:
    from worksession.ui.session.record_table import RecordTable

    tables = [table for page in window.page_list for table in page.findChildren(RecordTable)]
    assert len(tables) >= 6
    for table in tables:
        qtmodeltester.check(table.model)  # type: ignore[attr-defined]


def test_ctrl_f_finds_a_person_or_a_word_in_any_step(qtbot: QtBot, window: SessionWindow) -> None:
    window.go_to(_row_of(window, StepKind.WELCOME))
    window.find_action.trigger()
    assert window.find_field.hasFocus()
    qtbot.keyClicks(window.find_field, "Pelzer")
    qtbot.keyClick(window.find_field, Qt.Key.Key_Return)
    # The next step after Welkom that names her: who is who.
    assert window.current_page().step.kind == StepKind.INTRODUCTIONS
    qtbot.keyClick(window.find_field, Qt.Key.Key_Return)  # Enter again: the next place
    assert window.current_page().step.kind == StepKind.REFERRAL  # a referral goes to her
    qtbot.keyClick(window.find_field, Qt.Key.Key_Return)
    assert window.current_page().step.kind == StepKind.AGREEMENTS
    assert window.find_text("mijnwijk")
    assert window.current_page().step.kind == StepKind.CASUS
    assert not window.find_text("ruimtevaart")
    assert "ruimtevaart" in window.statusBar().currentMessage()


def test_a_database_that_cannot_be_written_is_told_and_the_text_stays(
    qtbot: QtBot, window: SessionWindow
) -> None:
    from sqlalchemy import event

    def refuse(*_args: object) -> None:
        import sqlite3

        raise sqlite3.OperationalError("database or disk is full")

    window.go_to(_row_of(window, StepKind.WELCOME))
    page = window.current_page()
    assert isinstance(page, WelcomePage)
    engine = window.controller.db.engine
    event.listen(engine, "before_cursor_execute", refuse)
    try:
        page.ambition.setPlainText("Nieuwe ambitie")
        page.flush()
    finally:
        event.remove(engine, "before_cursor_execute", refuse)
    assert window.banner.isVisible() and "disk is full" in window.banner.text()
    assert page.ambition.toPlainText() == "Nieuwe ambitie"
    assert window.controller.has_pending
    assert window.controller.retry()  # once the disk has room, the same text is stored
    window.controller.reload()
    assert window.controller.document["session"]["ambition"] == "Nieuwe ambitie"


def test_a_change_refreshes_the_page_on_screen_now_and_hidden_pages_when_shown(
    window: SessionWindow,
) -> None:
    from worksession.storage.operations.sociale_kaart import list_stakeholders, update_stakeholder
    from worksession.ui.session.commands import EditCommand
    from worksession.ui.session.pages.sociale_kaart import SocialeKaartPage

    kaart = next(p for p in window.page_list if isinstance(p, SocialeKaartPage))
    window.go_to(_row_of(window, StepKind.WELCOME))
    controller = window.controller
    first = list_stakeholders(db=controller.db, session_id=controller.session_id)[0]
    command = EditCommand(
        "Naam",
        lambda values: update_stakeholder(db=controller.db, stakeholder_id=first.id or 0, **values),
        {"name": first.name},
        {"name": "Buurtteam Noord"},
    )
    assert controller.execute(command)

    def names() -> list[str]:
        model = kaart.table.model
        return [str(model.index(row, 0).data()) for row in range(model.rowCount())]

    assert "Buurtteam Noord" not in names()  # hidden: not rebuilt on the save
    window.go_to(window.page_list.index(kaart))
    assert "Buurtteam Noord" in names()  # brought up to date as it is shown
    controller.undo_stack.undo()
    assert "Buurtteam Noord" not in names()  # on screen: at once


def _fits(window: SessionWindow) -> bool:
    scroller = window.page_scroller
    bars = (scroller.horizontalScrollBar(), scroller.verticalScrollBar())
    return all(bar.maximum() == 0 for bar in bars)


def test_the_steps_fit_a_1280_by_720_laptop_without_scrolling(
    qtbot: QtBot, window: SessionWindow
) -> None:
    # What a 1280×720 screen leaves inside the window manager's frame. A stack as wide as the
    # sociale kaart and as tall as the casus made every step scroll, with Akkoord out of sight.
    window.resize(1280, 672)
    for kind in (StepKind.REFERRAL, StepKind.AGREEMENTS, StepKind.AFTER, StepKind.WELCOME):
        window.go_to(_row_of(window, kind))
        qtbot.waitUntil(lambda: _fits(window))


def test_a_new_window_fits_its_screen_with_room_for_the_title_bar(window: SessionWindow) -> None:
    screen = window.screen().availableGeometry()
    assert window.width() <= screen.width()
    assert window.height() < screen.height()  # 800 high on a 720 screen hid the status bar
