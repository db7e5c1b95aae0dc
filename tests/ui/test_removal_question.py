"""Removing a record with links asks first and lists what goes along; without links the status
bar says it can be undone; Delete in a cell being edited is text, never the row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.answering import answer_removal
from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.i18n import speaking
from worksession.ui.session.pages.preparation import PreparationPage
from worksession.ui.session.pages.prioritising import PrioritisingPage
from worksession.ui.session.window import SessionWindow

HUISARTS = "Marieke Hermans"


def _select(page: PreparationPage, name: str) -> None:
    table = page.participants
    row = next(r for r in range(table.model.rowCount()) if table.model.row_at(r).name == name)
    table.view.setFocus()
    table.view.setCurrentIndex(table.model.index(row, 0))


def _leads(window: SessionWindow, key: str) -> int:
    return sum(1 for a in window.controller.document["agreements"] if a["lead"] == key)


def test_delete_on_the_huisarts_asks_lists_the_agreements_and_undo_restores(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = page_of(window, StepKind.PREPARATION)
    assert isinstance(page, PreparationPage)
    key = next(
        p["key"] for p in window.controller.document["participants"] if p["name"] == HUISARTS
    )
    before = window.controller.fingerprint()
    assert _leads(window, key) == 2
    _select(page, HUISARTS)
    seen: list[str] = []
    with speaking("nl"):
        answer_removal("cancel", seen)
        QTest.keyClick(page.participants.view, Qt.Key.Key_Delete)
    assert seen and "2 afspraken verliezen hun trekker" in seen[0]
    assert "werkgroep" in seen[0]
    assert window.controller.fingerprint() == before  # cancelled: nothing changed

    # The question gave the window's activation away; shortcuts act in the active window.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _select(page, HUISARTS)
    with speaking("nl"):
        answer_removal("remove", seen)
        QTest.keyClick(page.participants.view, Qt.Key.Key_Delete)
    assert len(seen) == 2
    names = [p["name"] for p in window.controller.document["participants"]]
    assert HUISARTS not in names and _leads(window, key) == 0
    window.undo_action.trigger()
    assert window.controller.fingerprint() == before


def test_a_record_without_links_goes_at_once_with_a_word_in_the_status_bar(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = page_of(window, StepKind.PREPARATION)
    assert isinstance(page, PreparationPage)
    entry = page.participants.entry
    qtbot.keyClicks(entry, "Peter Jansen")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    _select(page, "Peter Jansen")
    with speaking("nl"):
        QTest.keyClick(page.participants.view, Qt.Key.Key_Delete)
    assert "Peter Jansen" not in [p["name"] for p in window.controller.document["participants"]]
    assert window.statusBar().currentMessage() == "Peter Jansen verwijderd — Ctrl+Z herstelt"
    window.undo_action.trigger()
    assert "Peter Jansen" in [p["name"] for p in window.controller.document["participants"]]


def test_removing_a_theme_lists_its_improvement_points_and_agreements(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = page_of(window, StepKind.PRIORITISING)
    assert isinstance(page, PrioritisingPage)
    table = page.themes
    before = window.controller.fingerprint()
    document = window.controller.document
    theme = document["themes"][0]
    themed = sum(1 for a in document["agreements"] if a["theme"] == theme["key"])
    table.view.setFocus()
    table.view.setCurrentIndex(table.model.index(0, 0))
    seen: list[str] = []
    with speaking("nl"):
        answer_removal("remove", seen)
        QTest.keyClick(table.view, Qt.Key.Key_Delete)
    assert f"{themed} afspraken verliezen hun thema" in seen[0]
    assert "verbeterpunt" in seen[0]
    assert theme["key"] not in [t["key"] for t in window.controller.document["themes"]]
    window.undo_action.trigger()
    assert window.controller.fingerprint() == before


def test_delete_in_a_cell_being_edited_deletes_text_not_the_row(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = page_of(window, StepKind.PREPARATION)
    assert isinstance(page, PreparationPage)
    view = page.participants.view
    count = len(window.controller.document["participants"])
    _select(page, HUISARTS)
    QTest.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setCursorPosition(0)
    QTest.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.text() == HUISARTS[1:]
    assert QApplication.activeModalWidget() is None
    assert len(window.controller.document["participants"]) == count
