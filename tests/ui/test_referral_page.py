"""Verwijsafspraken on the Verwijzing & samenwerking page: choose from and to, type the signal,
Enter; edit in the table; Delete removes, undo brings back; Ctrl+F finds them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.models import Participant
from worksession.domain.values import StepKind
from worksession.storage.operations.people import find_participant
from worksession.ui.session.commands import RemoveCommand
from worksession.ui.session.pages.referral import ReferralPage
from worksession.ui.session.referral_agreements import ReferralAgreements
from worksession.ui.session.window import SessionWindow


def _referrals(window: SessionWindow) -> ReferralAgreements:
    page = page_of(window, StepKind.REFERRAL)
    assert isinstance(page, ReferralPage)
    return page.referrals


def _column(box: ReferralAgreements, field: str) -> int:
    return next(i for i, c in enumerate(box.table.model.columns) if c.field == field)


def _stored(window: SessionWindow) -> list[dict[str, object]]:
    return list(window.controller.document.get("referrals", []))


def test_the_demo_referral_agreements_are_shown_with_dutch_headers(
    qtmodeltester: ModelTester, window: SessionWindow
) -> None:
    box = _referrals(window)
    model = box.table.model
    qtmodeltester.check(model)
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers[:6] == [
        "Signaal",
        "Van",
        "Naar",
        "Contactpersoon",
        "Terugkoppeling afgesproken",
        "Hoe",
    ]
    assert model.rowCount() == len(_stored(window)) >= 3
    assert model.data(model.index(0, _column(box, "source"))) == (
        "Huisartsenpraktijk Kaalheide · partij"
    )
    assert model.data(model.index(0, _column(box, "target"))) == "Wendy Pelzer (ouderenadviseur)"
    feedback = model.index(0, _column(box, "feedback"))
    assert model.data(feedback, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_enter_adds_from_and_to_the_chosen_and_stays_ready(
    qtbot: QtBot, window: SessionWindow
) -> None:
    box = _referrals(window)
    count = len(_stored(window))
    box.source_choice.setCurrentIndex(box.source_choice.findData("p-yvonne-kessels"))
    box.target_choice.setCurrentIndex(box.target_choice.findData("s-welzijn"))
    box.table.entry.setFocus()
    qtbot.keyClicks(box.table.entry, "Mantelzorger die overbelast raakt")
    qtbot.keyClick(box.table.entry, Qt.Key.Key_Return)
    added = _stored(window)[-1]
    assert (added["signal"], added["from"], added["to"]) == (
        "Mantelzorger die overbelast raakt",
        "p-yvonne-kessels",
        "s-welzijn",
    )
    # Ready for the next one: the field is empty, and from and to stay as chosen.
    assert box.table.entry.text() == "" and box.table.entry.hasFocus()
    assert box.source_choice.currentData() == "p-yvonne-kessels"
    qtbot.keyClicks(box.table.entry, "Valangst")
    qtbot.keyClick(box.table.entry, Qt.Key.Key_Return)
    assert len(_stored(window)) == count + 2
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert len(_stored(window)) == count
    window.redo_action.trigger()
    assert _stored(window)[-1]["signal"] == "Mantelzorger die overbelast raakt"


def test_a_referral_to_the_one_who_refers_is_refused_with_its_field(
    qtbot: QtBot, window: SessionWindow
) -> None:
    box = _referrals(window)
    before = window.controller.fingerprint()
    for combo in (box.source_choice, box.target_choice):
        combo.setCurrentIndex(combo.findData("p-wendy-pelzer"))
    box.table.entry.setFocus()
    qtbot.keyClicks(box.table.entry, "Eenzaamheid")
    qtbot.keyClick(box.table.entry, Qt.Key.Key_Return)
    assert "Naar: " in window.banner.text()  # the field as on screen, not "referral.target"
    assert box.table.entry.text() == "Eenzaamheid"  # what was typed is not lost
    assert window.controller.fingerprint() == before


def test_cells_are_edited_in_place_and_undone(window: SessionWindow) -> None:
    box = _referrals(window)
    model = box.table.model
    last = model.rowCount() - 1
    assert model.setData(model.index(last, _column(box, "target")), "p-sanne-vliegen")
    assert model.setData(model.index(last, _column(box, "contact")), "Sanne, 045 000 00 00")
    feedback = model.index(last, _column(box, "feedback"))
    assert model.setData(feedback, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.setData(model.index(last, _column(box, "theme")), "t-eenzaamheid")
    stored = _stored(window)[last]
    assert (stored["to"], stored["contact"], stored["feedback"], stored["theme"]) == (
        "p-sanne-vliegen",
        "Sanne, 045 000 00 00",
        True,
        "t-eenzaamheid",
    )
    for _ in range(4):
        window.undo_action.trigger()
    stored = _stored(window)[last]
    assert (stored["to"], stored["feedback"], stored["theme"]) == (
        "s-sociaal-wijkteam",
        False,
        "t-bestaanszekerheid",
    )


def test_delete_removes_the_selected_referral_and_undo_brings_it_back(
    qtbot: QtBot, window: SessionWindow
) -> None:
    box = _referrals(window)
    before = window.controller.fingerprint()
    first = _stored(window)[0]
    box.table.view.setFocus()
    box.table.view.setCurrentIndex(box.table.model.index(0, 0))
    qtbot.keyClick(box.table.view, Qt.Key.Key_Delete)
    assert first not in _stored(window)
    window.undo_action.trigger()
    assert _stored(window)[0] == first
    assert window.controller.fingerprint() == before


def test_removing_a_person_clears_the_referral_and_undo_restores_it(
    window: SessionWindow,
) -> None:
    before = window.controller.fingerprint()
    wendy = find_participant(
        db=window.controller.db,
        session_id=window.controller.session_id,
        key_or_email="p-wendy-pelzer",
    )
    assert wendy is not None and wendy.id is not None
    command = RemoveCommand("Remove", window.controller.db, Participant, wendy.id)
    assert window.controller.execute(command)
    assert _stored(window)[0]["to"] is None
    window.undo_action.trigger()
    assert window.controller.fingerprint() == before


def test_find_in_this_session_finds_a_referral_agreement(window: SessionWindow) -> None:
    assert window.find_text("deurwaarder")
    page = window.current_page()
    assert isinstance(page, ReferralPage)
    index = page.referrals.table.view.currentIndex()
    assert "deurwaarder" in str(page.referrals.table.model.data(index))


def test_the_step_counts_as_done_with_referral_agreements_alone(window: SessionWindow) -> None:
    page = page_of(window, StepKind.REFERRAL)
    assert isinstance(page, ReferralPage)
    assert page.has_content()


def test_the_keyboard_reaches_from_and_to_and_tab_leaves_the_table(
    qtbot: QtBot, window: SessionWindow
) -> None:
    box = _referrals(window)
    # Sized to their longest name the two choices made the page wider than a 1280 screen.
    assert box.minimumSizeHint().width() < 600
    box.table.view.setFocus()
    box.table.view.setCurrentIndex(box.table.model.index(0, 0))
    qtbot.keyClick(box.table.view, Qt.Key.Key_Tab)
    assert box.table.entry.hasFocus()  # not the next cell of a 7-column table
    qtbot.keyClick(box.table.entry, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    assert box.source_choice.hasFocus()
    qtbot.keyClick(box.source_choice, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert box.target_choice.hasFocus()
