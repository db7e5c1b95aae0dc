"""Every control a coach can reach with Tab has a name a screen reader can say."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.ui.session.window import SessionWindow
from worksession.ui.start_window import StartWindow


def _nameless(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(root):
            continue
        if widget.objectName().startswith("qt_"):  # Qt's own internals (scroll bars, viewports)
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface else ""
        if isinstance(widget, QAbstractButton) and widget.text():
            name = name or widget.text()
        if not name.strip():
            missing.append(f"{type(widget).__name__} in {type(widget.parentWidget()).__name__}")
    return missing


def test_every_page_of_the_session_window_names_its_controls(window: SessionWindow) -> None:
    problems = []
    for row, page in enumerate(window.page_list):
        window.go_to(row)
        problems += [f"{page.step.id}: {item}" for item in _nameless(window)]
    assert problems == []


def test_the_start_window_names_its_controls(qtbot: QtBot, db: Database) -> None:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    assert _nameless(window) == []
    window.create_demo()
    assert _nameless(window) == []
