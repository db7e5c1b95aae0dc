"""The presenter window on the beamer: follows the coach, can be frozen and blanked, shows what
participants should see and never the coach's notes or checks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from worksession.domain.values import StepKind
from worksession.storage.operations.casus import list_key_figures, update_key_figure
from worksession.storage.operations.notes import set_step_note
from worksession.ui.session.commands import EditCommand
from worksession.ui.session.window import SessionWindow


def _row(window: SessionWindow, kind: StepKind) -> int:
    return next(i for i, page in enumerate(window.page_list) if page.step.kind == kind)


def test_f5_shows_the_presenter_full_screen_and_esc_hides_it(
    qtbot: QtBot, window: SessionWindow
) -> None:
    presenter = window.presenting.presenter
    window.room.present_action.trigger()
    qtbot.waitUntil(presenter.isVisible)
    assert presenter.isFullScreen()
    assert window.room.hide_action.isEnabled()
    window.room.hide_action.trigger()
    assert not presenter.isVisible()
    assert not window.room.hide_action.isEnabled()  # Esc is free again for fields and dialogs


def test_the_presenter_follows_the_coach_unless_frozen(window: SessionWindow) -> None:
    presenter = window.presenting.presenter
    window.room.present_action.trigger()
    casus = _row(window, StepKind.CASUS)
    window.go_to(casus)
    assert presenter.title.text() == window.page_list[casus].step.title
    assert "Kaalheide is een arbeiderswijk" in presenter.running_text.text()  # the casus text
    window.room.freeze_action.trigger()
    window.go_to(_row(window, StepKind.AGREEMENTS))
    assert presenter.title.text() == window.page_list[casus].step.title  # still the casus
    window.room.freeze_action.trigger()
    agreements = _row(window, StepKind.AGREEMENTS)
    assert presenter.title.text() == window.page_list[agreements].step.title
    assert "trekker: Marieke Hermans" in presenter.items.text()


def test_b_blanks_the_beamer_and_brings_it_back(window: SessionWindow) -> None:
    presenter = window.presenting.presenter
    assert not window.room.black_action.isEnabled()  # nothing to blank yet
    window.room.present_action.trigger()
    window.room.black_action.trigger()
    assert presenter.is_black
    window.room.black_action.trigger()
    assert not presenter.is_black


def test_a_clicker_on_the_presenter_moves_the_steps(qtbot: QtBot, window: SessionWindow) -> None:
    window.room.present_action.trigger()
    start = window.navigator.currentRow()
    qtbot.keyClick(window.presenting.presenter, Qt.Key.Key_PageDown)
    assert window.navigator.currentRow() == start + 1
    qtbot.keyClick(window.presenting.presenter, Qt.Key.Key_PageUp)
    assert window.navigator.currentRow() == start
    qtbot.keyClick(window.presenting.presenter, Qt.Key.Key_Escape)
    assert not window.presenting.presenter.isVisible()


def test_the_sociale_kaart_and_prioritising_show_the_grid_and_the_live_votes(
    window: SessionWindow,
) -> None:
    presenter = window.presenting.presenter
    window.room.present_action.trigger()
    window.go_to(_row(window, StepKind.SOCIALE_KAART))
    assert presenter.visuals.currentWidget() is presenter.grid
    assert len(presenter.grid.nodes) == len(window.controller.document["stakeholders"])
    window.go_to(_row(window, StepKind.PRIORITISING))
    assert presenter.visuals.currentWidget() is presenter.results
    titles = {bar.title: bar.votes for bar in presenter.results.chart.bars}
    themes = window.controller.document["themes"]
    assert titles == {theme["title"]: theme["votes"] for theme in themes}
    assert "5 stippen per persoon" in presenter.results.method.text()  # the method, in Dutch


def test_the_presenter_never_shows_coach_notes_or_checks(window: SessionWindow) -> None:
    controller = window.controller
    secret = "NOTITIE-VOOR-DE-COACH"
    for step in controller.steps:
        set_step_note(
            db=controller.db, session_id=controller.session_id, step_id=step.id, text=secret
        )
    controller.show_stored()
    presenter = window.presenting.presenter
    window.room.present_action.trigger()
    for row, page in enumerate(window.page_list):
        window.go_to(row)
        shown = presenter.shown_text()
        assert secret not in shown
        for line in page.step.coach.splitlines():
            if len(line.strip()) > 20:  # the programme's coach text, line by line
                assert line.strip() not in shown, (page.step.title, line)
        for check in page.checks():
            assert check.message not in shown


def test_a_hidden_presenter_catches_up_when_it_is_shown(
    qtbot: QtBot, window: SessionWindow
) -> None:
    presenter = window.presenting.presenter
    window.go_to(_row(window, StepKind.PROFILE))
    window.room.present_action.trigger()
    window.room.hide_action.trigger()
    db = window.controller.db
    figure = list_key_figures(db=db, session_id=window.controller.session_id)[0]
    window.controller.execute(
        EditCommand(
            "Label",
            lambda values: update_key_figure(db=db, figure_id=figure.id or 0, **values),
            {"label": figure.label},
            {"label": "Mantelzorgers in de wijk"},
        )
    )
    assert "Mantelzorgers" not in presenter.items.text()  # hidden: not redrawn on every save
    window.room.present_action.trigger()
    qtbot.waitUntil(presenter.isVisible)
    assert "Mantelzorgers in de wijk" in presenter.items.text()


def _welcome_field(qtbot: QtBot, window: SessionWindow) -> QPlainTextEdit:
    window.go_to(_row(window, StepKind.WELCOME))
    field = window.current_page().findChild(QPlainTextEdit)
    assert field is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.moveCursor(QTextCursor.MoveOperation.End)
    return field


def test_the_presenter_is_shown_without_taking_the_keyboard(window: SessionWindow) -> None:
    presenter = window.presenting.presenter
    assert presenter.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert presenter.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert presenter.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_b_space_and_esc_typed_in_a_field_are_text_not_clicker_keys(
    qtbot: QtBot, window: SessionWindow
) -> None:
    window.room.present_action.trigger()
    field = _welcome_field(qtbot, window)
    row = window.navigator.currentRow()
    before = field.toPlainText()
    qtbot.keyClicks(field, " b a b")
    for key in (Qt.Key.Key_Escape, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
        qtbot.keyClick(field, key)
    assert field.toPlainText().endswith(" b a b")
    assert field.toPlainText().startswith(before.rstrip()[:20])
    assert window.navigator.currentRow() == row
    assert window.presenting.shown  # Esc in the field did not hide the beamer
    assert not window.presenting.presenter.is_black


def test_page_down_outside_a_field_moves_the_room_one_step(
    qtbot: QtBot, window: SessionWindow
) -> None:
    window.room.present_action.trigger()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.navigator.setFocus()
    qtbot.waitUntil(window.navigator.hasFocus)
    start = window.navigator.currentRow()
    qtbot.keyClick(window.navigator, Qt.Key.Key_PageDown)
    assert window.navigator.currentRow() == start + 1  # one step, not a page of the list
    qtbot.keyClick(window.navigator, Qt.Key.Key_PageUp)
    assert window.navigator.currentRow() == start
    qtbot.keyClick(window.navigator, Qt.Key.Key_B)
    assert window.presenting.presenter.is_black


def test_keys_that_reach_the_presenter_while_the_coach_types_go_to_the_field(
    qtbot: QtBot, window: SessionWindow
) -> None:
    window.room.present_action.trigger()
    field = _welcome_field(qtbot, window)
    row = window.navigator.currentRow()
    for key, text in ((Qt.Key.Key_Space, " "), (Qt.Key.Key_B, "b")):
        event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
        window.presenting.presenter.keyPressEvent(event)
    assert field.toPlainText().endswith(" b")
    assert window.navigator.currentRow() == row
    assert not window.presenting.presenter.is_black
