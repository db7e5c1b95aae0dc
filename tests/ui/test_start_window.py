"""The start window: empty state on first start, the sessions listed once there are some."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
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


def test_the_example_session_button_makes_and_opens_it(qtbot: QtBot, db: Database) -> None:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    assert window.demo_button.text() == "Voorbeeldsessie bekijken"
    assert window.new_button.text().startswith("Nieuwe sessie")
    qtbot.mouseClick(window.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.listing)
    assert len(window.session_windows) == 1
    qtbot.addWidget(window.session_windows[0])
    assert window.session_windows[0].isVisible()
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
    from worksession.storage.session_list import session_summaries

    model = SessionTableModel(session_summaries(db=db))
    qtmodeltester.check(model)


def _answer_next_message_box(button: QMessageBox.StandardButton) -> None:
    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                widget.button(button).click()

    QTimer.singleShot(0, answer)


def test_a_new_session_from_the_toolkit_opens_its_window(qtbot: QtBot, db: Database) -> None:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    dialog = window.new_session()
    dialog.casus.setCurrentIndex(dialog.casus.findData("dorp-sportclub-overgewicht"))
    dialog.title.setText("Sportief Simpelveld")
    dialog.wijk.setText("Simpelveld")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: len(window.session_windows) == 1)
    opened = window.session_windows[0]
    qtbot.addWidget(opened)
    assert opened.controller.document["session"]["programme"] == "samenwerken-in-de-wijk"
    assert opened.controller.document["casus"]["title"].startswith("Een sportief dorp")
    assert window.model.rowCount() == 1


def test_a_new_session_without_title_keeps_the_dialog_open(qtbot: QtBot, db: Database) -> None:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    dialog = window.new_session()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(dialog.problem.isVisible)
    assert dialog.problem.text() == "Titel: mag niet leeg zijn"  # as the dialog labels it
    assert window.model.rowCount() == 0
    dialog.reject()


def test_the_actions_have_their_shortcuts(qtbot: QtBot, db: Database) -> None:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    shown = {
        action.text(): action.shortcut().toString()
        for action in (window.new_action, window.duplicate_action, window.toolkit_action)
    }
    assert list(shown.values()) == ["Ctrl+N", "Ctrl+D", "Ctrl+Shift+T"]


def test_search_duplicate_and_delete(qtbot: QtBot, db: Database) -> None:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    window.create_demo()
    create_session(db=db, title="Avond in Heerlen", wijk="Heerlerheide", date="2026-10-01")
    window.refresh()
    window.search.setText("heerler")
    assert window.proxy.rowCount() == 1
    window.search.clear()

    window.create_demo()  # selects the new demo session
    window.duplicate_action.trigger()
    titles = sorted(window.model.session_at(r).title for r in range(window.model.rowCount()))
    assert titles[-1].endswith("(kopie)")
    assert window.model.rowCount() == 4
    window.search.setText("(KOPIE)")  # literal text in any case, not a pattern
    assert window.proxy.rowCount() == 1
    window.search.clear()

    _answer_next_message_box(QMessageBox.StandardButton.Yes)
    window.delete_selected()
    assert window.model.rowCount() == 3
    assert db.path is not None
    backups = list((db.path.parent / "backups").iterdir())
    assert len(backups) == 1 and "before-delete" in backups[0].name

    _answer_next_message_box(QMessageBox.StandardButton.No)
    window.delete_selected()
    assert window.model.rowCount() == 3


def test_enter_opens_the_selected_session(qtbot: QtBot, db: Database) -> None:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    window.create_demo()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.session_windows) == 1)
    qtbot.addWidget(window.session_windows[0])
    assert window.session_windows[0].isVisible()


def test_enter_on_the_empty_state_opens_the_example_session(qtbot: QtBot, db: Database) -> None:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.focusWidget() is window.demo_button  # the way in, ready for Enter
    qtbot.keyClick(window.demo_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.session_windows) == 1)
    qtbot.addWidget(window.session_windows[0])
    assert window.model.rowCount() == 1


def test_the_first_session_is_selected_so_enter_opens_it(qtbot: QtBot, db: Database) -> None:
    create_session(db=db, title="Oud", wijk="A", date="2025-01-10")
    newest = create_session(db=db, title="Nieuw", wijk="B", date="2026-02-01")
    window = StartWindow(db, load_library())  # never opened one: nothing remembered
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.focusWidget() is window.table
    selected = window.selected_session()
    assert selected is not None and selected.id == newest.id
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.session_windows) == 1)
    qtbot.addWidget(window.session_windows[0])
    assert window.session_windows[0].controller.session_id == newest.id


def test_the_selection_stays_when_the_list_is_refreshed(qtbot: QtBot, db: Database) -> None:
    create_session(db=db, title="Oud", wijk="A", date="2025-01-10")
    create_session(db=db, title="Nieuw", wijk="B", date="2026-02-01")
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.table.setCurrentIndex(window.proxy.index(1, 0))
    window.refresh()  # what a save in an open session window does
    selected = window.selected_session()
    assert selected is not None and selected.title == "Oud"
