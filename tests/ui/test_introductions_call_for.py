"""Kennismaking: each participant's "waarvoor kun je mij bellen" line typed in place and the
tick for sharing the e-mail address on the wie-is-wie list (off by default), both undone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.ui.session.pages.introductions import CALL_FOR, SHARE_EMAIL, IntroductionsPage
from worksession.ui.session.window import SessionWindow


def _page(window: SessionWindow) -> IntroductionsPage:
    page = page_of(window, StepKind.INTRODUCTIONS)
    assert isinstance(page, IntroductionsPage)
    return page


def _person(window: SessionWindow, key: str) -> dict[str, object]:
    return dict(next(p for p in window.controller.document["participants"] if p["key"] == key))


def test_call_for_is_typed_in_place_and_undone(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window)
    key = window.controller.document["participants"][0]["key"]
    item = page.item_of(key)
    assert item is not None
    page.tree.setFocus()
    page.tree.setCurrentItem(item, CALL_FOR)
    qtbot.keyClick(page.tree, Qt.Key.Key_F2)
    editor = page.tree.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("Valpreventie en het beweegaanbod")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _person(window, key)["call_for"] == "Valpreventie en het beweegaanbod")
    # The row stays the current one after the page was drawn again.
    current = page.tree.currentItem()
    assert current is not None and current.data(0, Qt.ItemDataRole.UserRole) == key
    window.controller.undo_stack.undo()
    assert _person(window, key)["call_for"] == ""
    window.controller.undo_stack.redo()
    assert _person(window, key)["call_for"] == "Valpreventie en het beweegaanbod"


def test_the_email_tick_is_off_until_set_and_undone(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window)
    key = window.controller.document["participants"][1]["key"]
    assert _person(window, key)["share_email"] is False
    item = page.item_of(key)
    assert item is not None
    assert item.checkState(SHARE_EMAIL) == Qt.CheckState.Unchecked
    item.setCheckState(SHARE_EMAIL, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: _person(window, key)["share_email"] is True)
    window.controller.undo_stack.undo()
    assert _person(window, key)["share_email"] is False
    refreshed = page.item_of(key)
    assert refreshed is not None and refreshed.checkState(SHARE_EMAIL) == Qt.CheckState.Unchecked


def test_other_columns_are_not_edited(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window)
    item = page.item_of(window.controller.document["participants"][0]["key"])
    assert item is not None
    page.tree.setFocus()
    page.tree.setCurrentItem(item, 0)
    qtbot.keyClick(page.tree, Qt.Key.Key_F2)
    assert not isinstance(page.tree.focusWidget(), QLineEdit)
    assert window.controller.undo_stack.count() == 0
