"""Wat werkte, wat niet: the coach types green and red cards by keyboard, files them under an
obstacle, changes, moves and removes them, and every step undoes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.following import unreported_follow_up
from tests.ui.conftest import page_of, shown_window
from tests.ui.test_accessibility import _nameless
from worksession.domain.changes import Part
from worksession.domain.values import StepKind
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.operations.lessons import list_lesson_cards
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.lessons import LessonsPage
from worksession.ui.session.window import SessionWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def follow_up_window(qtbot: QtBot, db: Database, library: Library) -> SessionWindow:
    pair = unreported_follow_up(db)
    return shown_window(qtbot, SessionController(db, pair.session_id, library), size=(1280, 720))


def _page(window: SessionWindow) -> LessonsPage:
    page = page_of(window, StepKind.LESSONS)
    assert isinstance(page, LessonsPage)
    return page


def _stored(window: SessionWindow) -> list[tuple[str, str, str]]:
    controller = window.controller
    cards = list_lesson_cards(db=controller.db, session_id=controller.session_id)
    return [(card.kind, card.obstacle, card.text) for card in cards]


def _shown(page: LessonsPage) -> list[tuple[str, list[tuple[str, str]]]]:
    shown = []
    for top in range(page.tree.topLevelItemCount()):
        heading = page.tree.topLevelItem(top)
        assert heading is not None
        cards = [
            (heading.child(n).text(0), heading.child(n).text(1))
            for n in range(heading.childCount())
        ]  # type: ignore[union-attr]
        shown.append((heading.text(0), cards))
    return shown


def _type_card(qtbot: QtBot, page: LessonsPage, text: str) -> None:
    qtbot.keyClicks(page.entry, text)
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)


def test_cards_are_typed_by_keyboard_and_shown_grouped_with_a_mark(
    qtbot: QtBot, follow_up_window: SessionWindow
) -> None:
    window = follow_up_window
    page = _page(window)
    page.entry.setFocus()
    qtbot.keyClick(page.entry, Qt.Key.Key_5, CTRL)  # the fifth obstacle: vaste contactpersonen
    _type_card(qtbot, page, "Vaste contactpersoon bij de GGD")
    qtbot.keyClick(page.entry, Qt.Key.Key_R, CTRL)
    qtbot.keyClick(page.entry, Qt.Key.Key_2, CTRL)  # financiering
    _type_card(qtbot, page, "Geen structureel budget na de pilot")
    _type_card(qtbot, page, "+ Wijkbudget van de gemeente")  # green by its sign, for this card
    qtbot.keyClick(page.entry, Qt.Key.Key_6, CTRL)  # anders
    _type_card(qtbot, page, "Griepgolf in januari")
    assert _stored(window) == [
        ("worked", "vaste-contactpersonen", "Vaste contactpersoon bij de GGD"),
        ("hindered", "financiering", "Geen structureel budget na de pilot"),
        ("worked", "financiering", "Wijkbudget van de gemeente"),
        ("hindered", "", "Griepgolf in januari"),
    ]
    assert page.entry.text() == ""
    # Grouped in the catalogue's order, what worked first, anders last; sign and word per card.
    assert _shown(page) == [
        (
            "Financiering (2)",
            [("+ werkte", "Wijkbudget van de gemeente"),
             ("− werkte niet", "Geen structureel budget na de pilot")],
        ),
        ("Vaste contactpersonen (1)", [("+ werkte", "Vaste contactpersoon bij de GGD")]),
        ("Anders (1)", [("− werkte niet", "Griepgolf in januari")]),
    ]  # fmt: skip
    assert page.has_content()
    window.undo_action.trigger()
    assert len(_stored(window)) == 3
    assert [group for group, _cards in _shown(page)][-1] == "Vaste contactpersonen (1)"


def test_a_chosen_card_changes_moves_and_goes_by_keyboard_and_each_step_undoes(
    qtbot: QtBot, follow_up_window: SessionWindow
) -> None:
    window = follow_up_window
    page = _page(window)
    page.entry.setFocus()
    qtbot.keyClick(page.entry, Qt.Key.Key_2, CTRL)
    for text in ("Eerste", "Tweede", "Derde"):
        _type_card(qtbot, page, text)
    assert [text for _k, _o, text in _stored(window)] == ["Eerste", "Tweede", "Derde"]
    controller = window.controller
    cards = [
        card.id for card in list_lesson_cards(db=controller.db, session_id=controller.session_id)
    ]
    page.tree.setFocus()
    assert page.select_card(int(cards[2] or 0))
    qtbot.keyClick(page.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [text for _k, _o, text in _stored(window)] == ["Eerste", "Derde", "Tweede"]
    assert page.current_card() == cards[2]  # the card stays chosen where it went
    qtbot.keyClick(page.tree, Qt.Key.Key_R, CTRL)
    qtbot.keyClick(page.tree, Qt.Key.Key_3, CTRL)  # tijd en capaciteit
    assert _stored(window)[1] == ("hindered", "tijd-en-capaciteit", "Derde")
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert [text for _k, _o, text in _stored(window)] == ["Eerste", "Tweede"]
    for expected in (
        ("hindered", "tijd-en-capaciteit", "Derde"),
        ("hindered", "financiering", "Derde"),
        ("worked", "financiering", "Derde"),
    ):
        window.undo_action.trigger()
        assert _stored(window)[1] == expected
    window.undo_action.trigger()
    assert [text for _k, _o, text in _stored(window)] == ["Eerste", "Tweede", "Derde"]
    window.redo_action.trigger()
    assert [text for _k, _o, text in _stored(window)] == ["Eerste", "Derde", "Tweede"]


def test_a_cards_words_are_edited_in_place(qtbot: QtBot, follow_up_window: SessionWindow) -> None:
    window = follow_up_window
    page = _page(window)
    page.entry.setFocus()
    _type_card(qtbot, page, "Korte lijen")
    card_id = list_lesson_cards(db=window.controller.db, session_id=window.controller.session_id)[
        0
    ].id
    assert page.select_card(int(card_id or 0))
    item = page.tree.currentItem()
    assert item is not None
    item.setText(1, "Korte lijnen ")  # what the editor commits after F2
    assert _stored(window) == [("worked", "", "Korte lijnen")]
    window.undo_action.trigger()
    assert _stored(window) == [("worked", "", "Korte lijen")]


def test_the_lessons_page_at_1280_by_720(
    qtbot: QtBot, follow_up_window: SessionWindow, tmp_path_factory: pytest.TempPathFactory
) -> None:
    window = follow_up_window
    page = _page(window)
    page.entry.setFocus()
    for keys, text in (
        ((Qt.Key.Key_1,), "Samen de wijkschouw gedaan: we spreken nu dezelfde taal"),
        ((Qt.Key.Key_R,), "Huisartsen plannen in maanden, het wijkteam in weken"),
        ((Qt.Key.Key_2,), "Geen structureel budget na de pilot"),
        ((Qt.Key.Key_G,), "Wijkbudget van de gemeente voor de beweeggroep"),
        ((Qt.Key.Key_4, Qt.Key.Key_R), "GGD-rol in onze regio onduidelijk"),
        ((Qt.Key.Key_5, Qt.Key.Key_G), "Vaste contactpersoon bij het sociaal wijkteam"),
    ):
        for key in keys:
            qtbot.keyClick(page.entry, key, CTRL)
        _type_card(qtbot, page, text)
    assert len(_stored(window)) == 6
    path = tmp_path_factory.getbasetemp() / "lessons-page.png"
    assert window.grab().save(str(path))


def test_the_beamer_shows_the_cards_grouped_as_they_are_typed(
    qtbot: QtBot, follow_up_window: SessionWindow, tmp_path_factory: pytest.TempPathFactory
) -> None:
    window = follow_up_window
    page = _page(window)
    window.room.present_action.trigger()
    presenter = window.presenting.presenter
    presenter.showNormal()
    presenter.resize(1280, 720)
    qtbot.waitUntil(lambda: presenter.size().toTuple() == (1280, 720))
    assert presenter.items.text() == ""
    page.entry.setFocus()
    qtbot.keyClick(page.entry, Qt.Key.Key_2, CTRL)
    _type_card(qtbot, page, "- Geen structureel budget na de pilot")
    _type_card(qtbot, page, "+ Wijkbudget van de gemeente")
    qtbot.keyClick(page.entry, Qt.Key.Key_4, CTRL)
    _type_card(qtbot, page, "- GGD-rol in onze regio onduidelijk")
    assert presenter.items.text().splitlines() == [
        "•  Financiering: + Wijkbudget van de gemeente · − Geen structureel budget na de pilot",
        "•  Rol van de GGD: − GGD-rol in onze regio onduidelijk",
    ]
    assert presenter.heading.text() == "Wat werkte, wat niet"
    QApplication.processEvents()  # the slide's layout, before it is looked at
    assert presenter.items.height() >= presenter.items.heightForWidth(presenter.items.width())
    path = tmp_path_factory.getbasetemp() / "lessons-beamer.png"
    assert presenter.grab().save(str(path))


def test_every_control_of_the_lessons_page_has_a_name(follow_up_window: SessionWindow) -> None:
    page = _page(follow_up_window)
    assert _nameless(page) == []


def test_a_card_changes_only_the_lessons_and_refreshes_only_the_pages_that_show_them(
    qtbot: QtBot, follow_up_window: SessionWindow
) -> None:
    window = follow_up_window
    page = _page(window)
    kaart = next(p for p in window.page_list if p.step.kind == StepKind.SOCIALE_KAART)
    heard: list[set[Part]] = []
    window.controller.changed.connect(lambda parts: heard.append(set(parts)))
    page.entry.setFocus()
    _type_card(qtbot, page, "Korte lijnen")
    qtbot.keyClick(page.tree, Qt.Key.Key_Up)  # nothing chosen yet: no change
    assert heard == [{Part.LESSONS}]
    assert not kaart._stale  # the sociale kaart does not show the cards
    page.tree.setFocus()
    assert page.select_card(int(list_lesson_cards(
        db=window.controller.db, session_id=window.controller.session_id)[0].id or 0))  # fmt: skip
    qtbot.keyClick(page.tree, Qt.Key.Key_R, CTRL)
    window.undo_action.trigger()
    assert heard == [{Part.LESSONS}] * 3
