"""The start window: empty state on first start, the sessions listed once there are some."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.operations.sessions import create_session
from worksession.ui.session_table_model import SessionTableModel
from worksession.ui.start_window import StartWindow


def test_first_start_shows_the_empty_state(qtbot: QtBot, db: Database) -> None:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    assert window.pages.currentWidget() is window.empty_state
    assert window.demo_button.isVisible()


def test_the_example_session_button_fills_the_list(qtbot: QtBot, db: Database) -> None:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.table)
    assert window.model.rowCount() == 1
    index = window.model.index(0, 1)
    assert window.model.data(index) == "Kaalheide"
    assert window.model.data(window.model.index(0, 3)) == "concept"


def test_sessions_are_listed_newest_first(qtbot: QtBot, db: Database) -> None:
    create_session(db=db, title="Oud", wijk="A", date="2025-01-10")
    create_session(db=db, title="Nieuw", wijk="B", date="2026-02-01")
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    titles = [window.model.data(window.model.index(row, 2)) for row in range(2)]
    assert titles == ["Nieuw", "Oud"]
    assert window.model.data(window.model.index(0, 0)) == "01-02-2026"


def test_session_table_model_passes_the_model_tester(
    qtmodeltester: ModelTester, db: Database
) -> None:
    create_session(db=db, title="Werksessie", wijk="Kaalheide", date="2026-03-12")
    create_session(db=db, title="Zonder datum")
    from worksession.storage.operations.sessions import list_sessions

    model = SessionTableModel(list_sessions(db=db))
    qtmodeltester.check(model)
