"""Voorbereiding: session details and the participant register, all undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from tests.ui.answering import answer_removal
from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.ui.session.pages.preparation import PreparationPage
from worksession.ui.session.window import SessionWindow


def _page(window: SessionWindow) -> PreparationPage:
    page = page_of(window, StepKind.PREPARATION)
    assert isinstance(page, PreparationPage)
    return page


def _names(window: SessionWindow) -> list[str]:
    return [p["name"] for p in window.controller.document["participants"]]


def test_enter_adds_a_participant_and_keeps_the_entry_ready(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    entry = page.participants.entry
    entry.setFocus()
    qtbot.keyClicks(entry, "Fatima el Amrani")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    qtbot.keyClicks(entry, "Peter Jansen")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert _names(window)[-2:] == ["Fatima el Amrani", "Peter Jansen"]
    assert entry.text() == "" and entry.hasFocus()
    assert page.participants.model.rowCount() == 14
    window.undo_action.trigger()
    assert _names(window)[-1] == "Fatima el Amrani"
    window.redo_action.trigger()
    assert _names(window)[-1] == "Peter Jansen"


def test_editing_a_cell_and_ticking_attendance_are_undoable(window: SessionWindow) -> None:
    page = _page(window)
    model = page.participants.model
    role = next(i for i, c in enumerate(model.columns) if c.field == "role")
    present = next(i for i, c in enumerate(model.columns) if c.field == "present")
    assert model.setData(model.index(0, role), "huisarts en kaderarts ouderen")
    assert window.controller.document["participants"][0]["role"] == "huisarts en kaderarts ouderen"
    assert model.setData(
        model.index(0, present), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert window.controller.document["participants"][0]["present"] is False
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.controller.document["participants"][0]["role"] == "huisarts"
    assert window.controller.document["participants"][0]["present"] is True


def test_removing_a_lead_and_undoing_restores_their_agreements(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    before = window.controller.fingerprint()
    leads = {a["lead"] for a in window.controller.document["agreements"]}
    row = next(
        i for i, p in enumerate(window.controller.document["participants"]) if p["key"] in leads
    )
    page.participants.view.setCurrentIndex(page.participants.model.index(row, 0))
    page.participants.view.setFocus()
    answer_removal("remove")  # a lead: the question lists their agreements first
    qtbot.keyClick(page.participants.view, Qt.Key.Key_Delete)
    assert len(window.controller.document["participants"]) == 11
    window.undo_action.trigger()
    assert window.controller.fingerprint() == before


def test_a_pasted_list_is_one_step_and_a_bad_line_adds_nobody(window: SessionWindow) -> None:
    page = _page(window)
    QGuiApplication.clipboard().setText("Naam;Rol\nAnna de Wit;diëtist\nBram Kok;apotheker\n")
    page.paste_people()
    assert _names(window)[-2:] == ["Anna de Wit", "Bram Kok"]
    window.undo_action.trigger()
    assert len(_names(window)) == 12

    assert not page.import_people("naam;rol\nAnna;diëtist\n;apotheker\n")
    assert window.banner.isVisible() and "Regel 3: Naam: " in window.banner.text()
    assert len(_names(window)) == 12


def test_session_details_are_edited_in_place(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window)
    wijk = page.fields["wijk"]
    wijk.setFocus()
    wijk.selectAll()
    qtbot.keyClicks(wijk, "Kaalheide-Noord")
    page.fields["gemeente"].setFocus()  # leaving the field stores it
    assert window.controller.document["session"]["wijk"] == "Kaalheide-Noord"
    page.accredited.click()
    assert window.controller.document["session"]["accredited"] is False
    window.undo_action.trigger()
    assert window.controller.document["session"]["accredited"] is True


def test_erasing_a_person_is_final_and_clears_the_undo_history(window: SessionWindow) -> None:
    page = _page(window)
    page.participants.entry.setText("Tijdelijk")
    page.participants.add_from_entry()
    assert window.controller.undo_stack.count() == 1
    person = page.participants.model.row_at(page.participants.model.rowCount() - 1)
    page.erase(int(person.id))
    assert "Tijdelijk" not in _names(window)
    assert window.controller.undo_stack.count() == 0
