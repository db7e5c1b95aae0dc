"""Prioriteren and Samenwerkingsafspraken show per theme what already exists in this wijk and
who offers it; an agreement names what it builds on ("sluit aan bij") with F2 and undo, and
lesson 7's point of attention goes once a priority's agreement builds on something."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from tests.ui.test_stale_view import _other_program_sets
from worksession.domain.values import StepKind
from worksession.ui.session.builds_on_dialog import BuildsOnDialog
from worksession.ui.session.pages.agreements import AgreementsPage
from worksession.ui.session.pages.prioritising import PrioritisingPage
from worksession.ui.session.pages.sociale_kaart import SocialeKaartPage
from worksession.ui.session.window import SessionWindow

VAL = {"id": "ketenaanpak-valpreventie", "name": "Ketenaanpak valpreventie"}
LESSON_7 = "priority-ignores-existing-offers"


def _give_fysio_an_offer(window: SessionWindow) -> None:
    """Ticked on the sociale kaart, as the coach does it."""
    page = page_of(window, StepKind.SOCIALE_KAART)
    assert isinstance(page, SocialeKaartPage)
    stakeholders = window.controller.document["stakeholders"]
    row = next(i for i, s in enumerate(stakeholders) if s["key"] == "s-fysiotherapie")
    page.table.view.setCurrentIndex(page.table.model.index(row, 0))
    page.offers.changed.emit([VAL])
    assert window.controller.document["stakeholders"][row]["offers"] == [VAL]


def _agreements(window: SessionWindow) -> AgreementsPage:
    page = page_of(window, StepKind.AGREEMENTS)
    assert isinstance(page, AgreementsPage)
    return page


def test_prioritising_lists_the_offers_per_theme_with_who(
    qtbot: QtBot, window: SessionWindow
) -> None:
    _give_fysio_an_offer(window)
    page = page_of(window, StepKind.PRIORITISING)
    assert isinstance(page, PrioritisingPage)
    text = page.existing.toPlainText()
    assert "Bewegen en valrisico: Ketenaanpak valpreventie (Fysiotherapie Kaalheide)" in text
    assert "Eenzaamheid: nog niets aangevinkt op de sociale kaart" in text
    assert page.tabs.tabText(page.tabs.indexOf(page.existing)) == "Bestaand aanbod (1 thema's)"


def test_an_agreement_builds_on_an_offer_picked_with_f2_and_undone(
    qtbot: QtBot, window: SessionWindow
) -> None:
    _give_fysio_an_offer(window)
    assert LESSON_7 in {check.code for check in window.controller.checks}
    page = _agreements(window)
    assert "Ketenaanpak valpreventie" in page.existing.toPlainText()
    document = window.controller.document
    row = next(i for i, a in enumerate(document["agreements"]) if a["key"] == "a-valrisico-route")
    column = next(i for i, c in enumerate(page.table.model.columns) if c.field == "builds_on")
    page.table.view.setFocus()
    page.table.view.setCurrentIndex(page.table.model.index(row, column))
    qtbot.keyClick(page.table.view, Qt.Key.Key_F2)
    dialog = page.picker
    assert isinstance(dialog, BuildsOnDialog)
    # The wijk's offer for this theme comes first, with who brings it.
    assert (
        dialog.offer.itemText(1)
        == "Ketenaanpak valpreventie — in deze wijk: Fysiotherapie Kaalheide"
    )
    dialog.offer.setCurrentIndex(1)
    dialog.text.setText("valspreekuur bij de fysio")
    dialog.accept()
    built = window.controller.document["agreements"][row]["builds_on"]
    assert built == {
        "offer": "ketenaanpak-valpreventie",
        "name": "Ketenaanpak valpreventie",
        "text": "valspreekuur bij de fysio",
    }
    shown = page.table.model.data(page.table.model.index(row, column))
    assert shown == "Ketenaanpak valpreventie – valspreekuur bij de fysio"
    assert LESSON_7 not in {check.code for check in window.controller.checks}
    window.controller.undo_stack.undo()
    assert window.controller.document["agreements"][row]["builds_on"] is None
    assert LESSON_7 in {check.code for check in window.controller.checks}


def test_choosing_nothing_clears_what_it_builds_on(qtbot: QtBot, window: SessionWindow) -> None:
    page = _agreements(window)
    column = next(i for i, c in enumerate(page.table.model.columns) if c.field == "builds_on")
    page.table.view.setCurrentIndex(page.table.model.index(0, column))
    dialog = page.choose_builds_on()
    assert dialog is not None
    dialog.text.setText("het wijkoverleg")
    dialog.accept()
    assert window.controller.document["agreements"][0]["builds_on"] == {
        "offer": None,
        "name": "",
        "text": "het wijkoverleg",
    }
    again = page.choose_builds_on()
    assert again is not None and again.text.text() == "het wijkoverleg"
    again.text.clear()
    again.accept()
    assert window.controller.document["agreements"][0]["builds_on"] is None


def _offer_item(page: SocialeKaartPage, offer_id: str) -> QListWidgetItem:
    checklist = page.offers.checklist
    return next(
        checklist.item(row)
        for row in range(checklist.count())
        if checklist.item(row).data(Qt.ItemDataRole.UserRole) == offer_id
    )


def test_a_tick_on_the_kaart_is_stored_and_one_refused_is_shown_unticked_again(
    qtbot: QtBot, window: SessionWindow
) -> None:
    """The picker is drawn again only when what it shows changed: a tick the window could not
    store must still come off, though the stored offers are what the picker showed before."""
    page = page_of(window, StepKind.SOCIALE_KAART)
    assert isinstance(page, SocialeKaartPage)
    controller = window.controller
    row = next(
        i
        for i, s in enumerate(controller.document["stakeholders"])
        if s["key"] == "s-fysiotherapie"
    )
    page.table.view.setCurrentIndex(page.table.model.index(row, 0))
    _offer_item(page, VAL["id"]).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: controller.document["stakeholders"][row]["offers"] == [VAL])
    assert "(1 " in page.offers.title.text()

    controller.poll_timer.stop()  # the window has not looked since another program wrote
    _other_program_sets(window, "location", "Wijkcentrum Zuid")
    _offer_item(page, VAL["id"]).setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: controller.document["session"]["location"] == "Wijkcentrum Zuid")
    assert controller.document["stakeholders"][row]["offers"] == [VAL]  # refused: still there
    assert _offer_item(page, VAL["id"]).checkState() == Qt.CheckState.Checked
