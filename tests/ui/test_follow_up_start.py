"""Vervolgbijeenkomst voorbereiden through the real start window: from the sessions' right-click
menu on a signed-off session it makes the follow-up and opens it, the list says what it follows,
and a session whose plan is not signed off gets the reason and no new session."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.following import signed_demo
from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.operations.plan import freeze
from worksession.storage.operations.sessions import list_sessions
from worksession.ui.session.pages.plan import PlanPage
from worksession.ui.session_table_model import TITLE
from worksession.ui.start_window import StartWindow
from worksession.workflows.demo import create_demo_session


def _window(qtbot: QtBot, db: Database) -> StartWindow:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _right_click(window: StartWindow, session_id: int) -> list[QAction]:
    """Right-click the row of ``session_id``; the actions of the menu that opens."""
    row = next(
        r for r in range(window.model.rowCount()) if window.model.session_at(r).id == session_id
    )
    index = window.proxy.mapFromSource(window.model.index(row, 2))
    where = window.table.visualRect(index).center()
    viewport = window.table.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, viewport.mapToGlobal(where))
    QApplication.sendEvent(viewport, event)
    menu = window.table.context_menu
    assert menu is not None
    return [action for action in menu.actions() if not action.isSeparator()]


def _choose(actions: list[QAction], text: str) -> None:
    next(action for action in actions if action.text().replace("&", "") == text).trigger()


def test_the_follow_up_is_prepared_from_the_menu_and_opened(qtbot: QtBot, db: Database) -> None:
    create_demo_session(db=db, library=load_library())  # another session, listed first
    origin_id = signed_demo(db)
    window = _window(qtbot, db)
    window.table.setCurrentIndex(window.proxy.index(0, 0))

    actions = _right_click(window, origin_id)
    assert [a.text().replace("&", "") for a in actions] == [
        "Openen",
        "Dupliceren als startpunt",
        "Vervolgbijeenkomst voorbereiden",
        "Verwijderen…",
    ]
    assert window.selected_session() is not None
    assert window.selected_session().id == origin_id  # the row clicked, not the one selected
    _choose(actions, "Vervolgbijeenkomst voorbereiden")

    qtbot.waitUntil(lambda: len(window.session_windows) == 1)
    opened = window.session_windows[0]
    qtbot.addWidget(opened)
    follow_up_id = max(s.id or 0 for s in list_sessions(db=db))
    assert opened.controller.session_id == follow_up_id
    assert opened.isVisible()
    assert "een half jaar later" in opened.windowTitle()
    assert window.model.rowCount() == 3
    assert window.selected_session() is not None
    assert window.selected_session().id == follow_up_id
    titles = {
        window.model.session_at(r).id: window.model.data(window.model.index(r, TITLE))
        for r in range(window.model.rowCount())
    }
    assert titles[follow_up_id] == (
        "Samen gezond oud worden in Kaalheide — een half jaar later · "
        "vervolg op de sessie van 12-03-2026"
    )
    assert titles[origin_id] == "Samen gezond oud worden in Kaalheide"
    row = next(r for r in range(3) if window.model.session_at(r).id == follow_up_id)
    tip = window.model.item(row, TITLE).toolTip()
    assert tip == "Vervolg op “Samen gezond oud worden in Kaalheide”"
    window.search.setText("vervolg op")
    assert window.proxy.rowCount() == 1
    window.search.clear()


def test_a_session_not_signed_off_gets_the_reason(qtbot: QtBot, db: Database) -> None:
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    window = _window(qtbot, db)
    _choose(_right_click(window, session.id), "Vervolgbijeenkomst voorbereiden")
    refusal = window.refusal
    assert isinstance(refusal, QMessageBox)
    qtbot.waitUntil(refusal.isVisible)
    assert "nog geen vastgelegd plan" in refusal.text()
    assert window.session_windows == []
    assert len(list_sessions(db=db)) == 1
    refusal.close()


def test_the_session_menu_offers_it_too(qtbot: QtBot, db: Database) -> None:
    window = _window(qtbot, db)
    assert not window.follow_up_action.isEnabled()  # no session to follow up yet
    signed_demo(db)
    window.refresh()
    assert window.follow_up_action.isEnabled()
    menu = window.menuBar().actions()[0].menu()
    assert window.follow_up_action in menu.actions()
    window.follow_up_action.trigger()
    qtbot.waitUntil(lambda: len(window.session_windows) == 1)
    qtbot.addWidget(window.session_windows[0])
    assert window.model.rowCount() == 2


def test_na_de_sessie_prepares_it_and_the_start_window_opens_it(qtbot: QtBot, db: Database) -> None:
    origin_id = signed_demo(db)
    window = _window(qtbot, db)
    first = window.open_session(origin_id)
    qtbot.addWidget(first)
    page = page_of(first, StepKind.AFTER)
    assert isinstance(page, PlanPage)
    assert page.follow_up_button.isEnabled()
    assert page.follow_up_button.text() == "Vervolgbijeenkomst voorbereiden"
    qtbot.mouseClick(page.follow_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.session_windows) == 2)
    opened = window.session_windows[1]
    qtbot.addWidget(opened)
    assert opened.controller.session_id != origin_id
    assert opened.controller.document["session"]["programme"] == "een-half-jaar-later"
    assert window.selected_session() is not None
    assert window.selected_session().id == opened.controller.session_id


def test_na_de_sessie_says_why_a_plan_in_review_has_no_follow_up(
    qtbot: QtBot, db: Database
) -> None:
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    freeze(db=db, session_id=session.id)
    window = _window(qtbot, db)
    first = window.open_session(session.id)
    qtbot.addWidget(first)
    page = page_of(first, StepKind.AFTER)
    assert isinstance(page, PlanPage)
    qtbot.mouseClick(page.follow_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(first.banner.isVisible)
    assert "Nog geen vervolgbijeenkomst" in first.banner.text()
    assert "nog niet iedereen die aanwezig was gaf akkoord op versie 1" in first.banner.text()
    assert len(window.session_windows) == 1
    assert len(list_sessions(db=db)) == 1
