"""The presenter follows the coach through a StepNavigation alone, not the session window: any
window with a step list and a controller will do; a step outside the programme is no move."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QMainWindow
from pytestqt.qtbot import QtBot

from worksession.ui.presenter.presenting import Presenting
from worksession.ui.session.controller import SessionController
from worksession.ui.session.navigation import StepNavigation


def _navigation(qtbot: QtBot, controller: SessionController) -> StepNavigation:
    window = QMainWindow()
    qtbot.addWidget(window)
    steps = QListWidget()
    steps.addItems([step.title for step in controller.steps])
    window.setCentralWidget(steps)
    steps.setCurrentRow(0)
    return StepNavigation(window, controller, steps)


def test_the_presenter_follows_the_step_list_it_is_given(
    qtbot: QtBot, controller: SessionController
) -> None:
    navigation = _navigation(qtbot, controller)
    presenting = Presenting(navigation)
    try:
        navigation.go_to(3)
        assert presenting.row == 3
        presenting.toggle_freeze()
        navigation.go_to(5)
        assert (presenting.row, navigation.current_row()) == (3, 5)  # the room stays put
        presenting.toggle_freeze()
        assert presenting.row == 5
    finally:
        presenting.close()


def test_a_step_outside_the_programme_is_no_move(
    qtbot: QtBot, controller: SessionController
) -> None:
    navigation = _navigation(qtbot, controller)
    last = len(controller.steps) - 1
    navigation.go_to(last)
    navigation.go_to(last + 1)
    assert navigation.current_row() == last
    navigation.go_to(0)
    navigation.go_to(-1)
    assert navigation.current_row() == 0
