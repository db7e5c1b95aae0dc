"""Evaluatie & afsluiting: the coach types the participants' paper forms by keyboard — score,
Tab, answer, Tab, answer, Enter, the next form — sees the mean and count follow, is refused a
wrong score by the field's name, edits and removes a form, and every step undoes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of, shown_window
from tests.ui.test_accessibility import _nameless
from tests.ui.test_laptop_fit import _sideways
from worksession.domain.values import StepKind
from worksession.storage.operations.feedback_forms import list_feedback_forms
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.evaluation import EvaluationPage
from worksession.ui.session.window import SessionWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def laptop(qtbot: QtBot, controller: SessionController) -> SessionWindow:
    return shown_window(qtbot, controller, size=(1280, 720))


def _page(window: SessionWindow) -> EvaluationPage:
    page = page_of(window, StepKind.EVALUATION)
    assert isinstance(page, EvaluationPage)
    return page


def _stored(window: SessionWindow) -> list[tuple[int | None, str, str]]:
    controller = window.controller
    forms = list_feedback_forms(db=controller.db, session_id=controller.session_id)
    return [(form.score, form.takeaway, form.to_improve) for form in forms]


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def _type_form(qtbot: QtBot, score: str, takeaway: str, to_improve: str) -> None:
    """As the coach does, from the score field: each Tab goes to the next field by focus."""
    for text, last in ((score, False), (takeaway, False), (to_improve, True)):
        field = _focused()
        assert field is not None
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return if last else Qt.Key.Key_Tab)


def test_forms_are_typed_by_keyboard_and_the_mean_follows(
    qtbot: QtBot, laptop: SessionWindow
) -> None:
    page = _page(laptop)
    panel = page.forms
    assert panel.summary.text() == "Nog geen evaluatieformulieren"
    panel.score.setFocus()
    qtbot.waitUntil(lambda: _focused() is panel.score)
    _type_form(qtbot, "8", "Wie de POH-GGZ is", "Meer tijd voor de casus")
    assert _focused() is panel.score and panel.score.text() == ""  # on to the next form
    assert panel.summary.text() == "8,0 gemiddeld uit 1 formulier"
    _type_form(qtbot, "7", "De sociale kaart", "")
    _type_form(qtbot, "", "", "Een avond, geen middag")  # the score left open on paper
    assert _stored(laptop) == [
        (8, "Wie de POH-GGZ is", "Meer tijd voor de casus"),
        (7, "De sociale kaart", ""),
        (None, "", "Een avond, geen middag"),
    ]
    assert panel.model.rowCount() == 3
    assert (
        panel.summary.text() == "7,5 gemiddeld uit 2 van de 3 formulieren (de andere zonder cijfer)"
    )
    # Enter on an empty form adds nothing.
    qtbot.keyClick(panel.score, Qt.Key.Key_Return)
    assert len(_stored(laptop)) == 3
    assert page.has_content()


@pytest.mark.parametrize("typed", ["11", "0", "7,5", "acht"])
def test_a_wrong_score_is_refused_naming_the_field_and_writes_nothing(
    qtbot: QtBot, laptop: SessionWindow, typed: str
) -> None:
    panel = _page(laptop).forms
    panel.score.setFocus()
    with qtbot.waitSignal(laptop.controller.rejected) as refusal:
        _type_form(qtbot, typed, "Korte lijnen", "")
    message = str(refusal.args[0]) if refusal.args else ""
    assert message.startswith("Cijfer (1–10): ") and typed in message
    assert laptop.banner.isVisible() and "Cijfer (1–10)" in laptop.banner.text()
    assert _stored(laptop) == []
    # The typing stays to be put right; the score is selected for it.
    assert panel.score.text() == typed and panel.score.selectedText() == typed
    assert panel.takeaway.text() == "Korte lijnen"
    panel.score.clear()
    qtbot.keyClicks(panel.score, "9")
    qtbot.keyClick(panel.score, Qt.Key.Key_Return)
    assert _stored(laptop) == [(9, "Korte lijnen", "")]


def test_adding_editing_and_removing_a_form_each_undo_and_redo(
    qtbot: QtBot, laptop: SessionWindow
) -> None:
    panel = _page(laptop).forms
    stack = laptop.controller.undo_stack
    panel.score.setFocus()
    _type_form(qtbot, "6", "Koffie", "Kortere pauze")
    _type_form(qtbot, "9", "Netwerk", "")
    assert panel.summary.text() == "7,5 gemiddeld uit 2 formulieren"
    # A cell edited in the table: the first form's score.
    assert panel.model.setData(panel.model.index(0, 0), 10)
    assert _stored(laptop)[0][0] == 10
    assert panel.summary.text() == "9,5 gemiddeld uit 2 formulieren"
    # A wrong score in a cell is refused and the cell keeps its score.
    with qtbot.waitSignal(laptop.controller.rejected):
        assert not panel.model.setData(panel.model.index(0, 0), 12)
    assert _stored(laptop)[0][0] == 10
    panel.view.setCurrentIndex(panel.model.index(1, 1))
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert _stored(laptop) == [(10, "Koffie", "Kortere pauze")]
    assert panel.summary.text() == "10,0 gemiddeld uit 1 formulier"
    stack.undo()  # the removal
    assert [form[1] for form in _stored(laptop)] == ["Koffie", "Netwerk"]
    assert panel.model.rowCount() == 2
    stack.undo()  # the edit
    assert _stored(laptop)[0][0] == 6
    assert panel.summary.text() == "7,5 gemiddeld uit 2 formulieren"
    stack.undo()  # the second form
    stack.undo()  # the first
    assert _stored(laptop) == [] and panel.summary.text() == "Nog geen evaluatieformulieren"
    for _step in range(4):
        stack.redo()
    assert _stored(laptop) == [(10, "Koffie", "Kortere pauze")]  # added, edited, removed again
    assert panel.summary.text() == "10,0 gemiddeld uit 1 formulier"


def test_the_page_names_its_controls_and_fits_a_laptop(
    qtbot: QtBot, laptop: SessionWindow, tmp_path: Path
) -> None:
    page = _page(laptop)
    panel = page.forms
    panel.score.setFocus()
    for score in ("7", "8", "8", "6", "9", "7", "7", "8", "6", "8", "7", "8"):
        _type_form(qtbot, score, "De kennismaking met de wijkagent", "Meer inwoners erbij")
    assert panel.summary.text() == "7,4 gemiddeld uit 12 formulieren"
    assert _nameless(page) == []
    for _round in range(3):
        QApplication.processEvents()
    laptop.layout().activate()
    assert _sideways(page) == []
    viewport = laptop.page_scroller.viewport()
    for control in (panel.score, panel.to_improve, panel.add_button, panel.remove_button):
        corner = control.mapTo(viewport, control.rect().topLeft())
        assert viewport.rect().contains(corner) and control.isVisible()
    assert not laptop.page_scroller.horizontalScrollBar().isVisible()
    laptop.grab().save(str(tmp_path / "evaluation.png"))


def test_ctrl_f_finds_an_answer_on_a_form(qtbot: QtBot, laptop: SessionWindow) -> None:
    panel = _page(laptop).forms
    panel.score.setFocus()
    _type_form(qtbot, "8", "Wie de POH-GGZ is", "")
    _type_form(qtbot, "7", "", "Een avond, geen middag")
    laptop.go_to(0)
    assert laptop.find_text("avond, GEEN")
    assert laptop.current_page().step.kind == StepKind.EVALUATION
    assert panel.view.currentIndex().row() == 1
