"""The sociale kaart's offers from the catalogue: picked for the current stakeholder with the
keyboard (type, Down, Space), several of them, each tick one undoable step; an offer the
session holds that this catalogue lacks stays ticked under its kept name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.ui.session.pages.sociale_kaart import SocialeKaartPage
from worksession.ui.session.window import SessionWindow


def _page(window: SessionWindow, row: int) -> SocialeKaartPage:
    page = page_of(window, StepKind.SOCIALE_KAART)
    assert isinstance(page, SocialeKaartPage)
    page.table.view.setCurrentIndex(page.table.model.index(row, 0))
    return page


def _offers(window: SessionWindow, row: int) -> list[dict[str, str]]:
    return [dict(o) for o in window.controller.document["stakeholders"][row]["offers"]]


def _tick_by_keyboard(qtbot: QtBot, page: SocialeKaartPage, text: str) -> None:
    page.offers.search.setFocus()
    page.offers.search.clear()
    qtbot.keyClicks(page.offers.search, text)
    qtbot.keyClick(page.offers.search, Qt.Key.Key_Down)
    assert page.offers.checklist.hasFocus()
    qtbot.keyClick(page.offers.checklist, Qt.Key.Key_Space)


def test_offers_are_picked_with_the_keyboard_and_undone(
    qtbot: QtBot, window: SessionWindow
) -> None:
    row = next(
        i
        for i, s in enumerate(window.controller.document["stakeholders"])
        if s["key"] == "s-welzijn"
    )
    page = _page(window, row)
    assert "Welzijn Kerkrade" in page.offers.title.text()
    _tick_by_keyboard(qtbot, page, "welzijn op")
    qtbot.waitUntil(lambda: _offers(window, row) != [])
    assert _offers(window, row) == [{"id": "welzijn-op-recept", "name": "Welzijn op Recept"}]
    _tick_by_keyboard(qtbot, page, "buurtteam")
    qtbot.waitUntil(lambda: len(_offers(window, row)) == 2)
    assert [o["id"] for o in _offers(window, row)] == ["welzijn-op-recept", "buurtteam"]
    # The free text stays beside the catalogue's offers.
    assert window.controller.document["stakeholders"][row]["offer"]
    window.controller.undo_stack.undo()
    assert [o["id"] for o in _offers(window, row)] == ["welzijn-op-recept"]
    window.controller.undo_stack.undo()
    assert _offers(window, row) == []
    window.controller.undo_stack.redo()
    assert [o["id"] for o in _offers(window, row)] == ["welzijn-op-recept"]
    assert page.offers.checklist.chosen() == ["welzijn-op-recept"]


def test_the_list_narrows_as_one_types(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window, 0)
    qtbot.keyClicks(page.offers.search, "gli")
    shown = [
        page.offers.checklist.item(i).text()
        for i in range(page.offers.checklist.count())
        if not page.offers.checklist.item(i).isHidden()
    ]
    assert shown and all("GLI" in text for text in shown)


def test_an_offer_missing_from_this_catalogue_stays_under_its_kept_name(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window, 0)
    kept = [{"id": "eigen-mdo", "name": "MDO ouderen Kaalheide"}]
    page.offers.changed.emit(kept)
    assert _offers(window, 0) == kept
    page.refresh()
    assert page.offers.checklist.chosen() == ["eigen-mdo"]
    texts = [page.offers.checklist.item(i).text() for i in range(page.offers.checklist.count())]
    assert "MDO ouderen Kaalheide (niet in deze catalogus)" in texts
