"""The borging checklist on Vervolg & borging: state, who arranges it and a note, each stored
as one undo step, and the point of attention for regie that clears when it is arranged."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.ui.session.pages.follow_up import FollowUpPage
from worksession.ui.session.people_picker import PeoplePicker
from worksession.ui.session.window import SessionWindow


def _page(window: SessionWindow) -> FollowUpPage:
    page = page_of(window, StepKind.FOLLOW_UP)
    assert isinstance(page, FollowUpPage)
    return page


def _conditions(window: SessionWindow) -> dict[str, dict[str, object]]:
    return {row["kind"]: dict(row) for row in window.controller.document.get("conditions", [])}


def _codes(window: SessionWindow) -> set[str]:
    return {check.code for check in window.controller.checks}


def test_arranging_regie_clears_its_point_of_attention_and_undo_brings_it_back(
    window: SessionWindow,
) -> None:
    page = _page(window)
    box = page.conditions
    assert "condition-direction" in _codes(window)
    state = box.states["direction"]
    state.setCurrentIndex(state.findData("arranged"))
    state.activated.emit(state.currentIndex())
    assert _conditions(window)["direction"]["state"] == "arranged"
    assert "condition-direction" not in _codes(window)
    assert "condition-roles" in _codes(window)
    window.undo_action.trigger()
    assert _conditions(window)["direction"]["state"] == "to_arrange"
    assert "condition-direction" in _codes(window)
    assert box.states["direction"].currentData() == "to_arrange"
    window.redo_action.trigger()
    assert box.states["direction"].currentData() == "arranged"


def test_who_arranges_it_is_a_person_of_the_session(window: SessionWindow) -> None:
    page = _page(window)
    person = page.conditions.people["funding"]
    person.setCurrentIndex(2)
    person.activated.emit(2)
    chosen = person.itemData(2)
    assert chosen and _conditions(window)["funding"]["arranged_by"] == chosen
    window.undo_action.trigger()
    assert _conditions(window)["funding"]["arranged_by"] is None
    assert page.conditions.people["funding"].currentData() is None


def test_f2_opens_the_picker_for_who_arranges_it(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window)
    box = page.conditions
    combo = box.people["ambassadors"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_F2)
    picker = box.picker
    assert isinstance(picker, PeoplePicker)
    qtbot.waitExposed(picker)
    name = window.controller.document["participants"][0]["name"]
    qtbot.keyClicks(picker.search, name)
    with qtbot.waitSignal(picker.finished):
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    key = window.controller.document["participants"][0]["key"]
    assert _conditions(window)["ambassadors"]["arranged_by"] == key


def test_a_note_is_stored_when_the_coach_leaves_it(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window)
    note = page.conditions.notes["existing_meetings"]
    note.setFocus()
    qtbot.keyClicks(note, "Aansluiten bij het wijkoverleg van de gemeente")
    page.funding.setFocus()
    stored = _conditions(window)["existing_meetings"]
    assert stored["note"] == "Aansluiten bij het wijkoverleg van de gemeente"
    assert stored["state"] == "to_arrange"
    window.undo_action.trigger()
    assert _conditions(window)["existing_meetings"]["note"] == ""
    assert note.text() == ""
