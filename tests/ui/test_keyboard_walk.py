"""A coach's day with the keyboard only: what one key press from where the coach is must reach.

Found by walking the demo session at 1280×720 with a beamer beside the laptop.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from worksession.domain.values import StepKind
from worksession.ui.session.window import SessionWindow

from .conftest import page_of


def test_one_tab_from_the_steps_reaches_the_pages_first_field(
    qtbot: QtBot, window: SessionWindow
) -> None:
    # The page's scroll area took the first Tab without showing it: the coach, on Welkom with
    # the beamer on, pressed Tab and typed the ambition into nothing.
    window.resize(1280, 690)
    page_of(window, StepKind.WELCOME)
    window.navigator.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.navigator)
    qtbot.keyClick(window.navigator, Qt.Key.Key_Tab)
    field = QApplication.focusWidget()
    assert isinstance(field, QPlainTextEdit)
    assert field.accessibleName() == "Ambitie"
    qtbot.keyClicks(field, " b")
    assert field.toPlainText().startswith(" b")  # text, not the clicker's keys
