"""Working the review step of a follow-up by keyboard, as a coach does: the declared keys, Tab
from field to field, a closed list opened with Down and chosen from with Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from worksession.domain.values import StepKind
from worksession.ui.session.pages.review import ReviewPage
from worksession.ui.session.window import SessionWindow
from worksession.ui.shortcuts import keys_of

# Per agreement: status now, what happened, the indicator seen, the evidence, the decision.
WALK = [
    ("done", "De wegwijzer ligt bij alle huisartsen.", "yes", "Alle 6 praktijken", "completed"),
    ("in_progress", "Vraag staat in het HIS.", "partly", "3 van 5 praktijken", "continue"),
    ("dropped", "Geen vrijwilligers gevonden.", "no", "", "stop"),
]


def press(qtbot: QtBot, widget: QWidget, name: str) -> None:
    """Press the declared keys of shortcut ``name`` (the overview lists those) on ``widget``."""
    combination = QKeySequence(keys_of(name)[0])[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def tab(qtbot: QtBot) -> QWidget:
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    return focused()


def pick(qtbot: QtBot, combo: QComboBox, value: str) -> None:
    """The focused closed list: Down opens it, the arrows move the highlight, Enter chooses."""
    assert focused() is combo
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    target = combo.findData(value)
    assert target >= 0, value
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _step in range(abs(target - combo.currentIndex())):
        qtbot.keyClick(view, key)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())


def review_by_keyboard(
    qtbot: QtBot, page: ReviewPage, rows: list[tuple[str, str, str, str, str]]
) -> None:
    """Review the next agreements one by one from the status field, then Alt+PgDown."""
    form = page.form
    for status, happened, seen, evidence, decision in rows:
        pick(qtbot, form.status_now, status)
        assert tab(qtbot) is form.what_happened
        qtbot.keyClicks(form.what_happened, happened)
        assert tab(qtbot) is form.indicator_seen
        pick(qtbot, form.indicator_seen, seen)
        assert tab(qtbot) is form.evidence
        qtbot.keyClicks(form.evidence, evidence)
        assert tab(qtbot) is form.decision
        pick(qtbot, form.decision, decision)
        press(qtbot, form.decision, "next_agreement")
        form.status_now.setFocus()
        qtbot.waitUntil(form.status_now.hasFocus)


def review_page(window: SessionWindow) -> ReviewPage:
    row = next(i for i, page in enumerate(window.page_list) if page.step.kind == StepKind.REVIEW)
    window.go_to(row)
    page = window.current_page()
    assert isinstance(page, ReviewPage)
    return page


def start_review(qtbot: QtBot, window: SessionWindow) -> ReviewPage:
    page = review_page(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.form.status_now.setFocus()  # where the coach starts: the first field of the review
    qtbot.waitUntil(page.form.status_now.hasFocus)
    return page
