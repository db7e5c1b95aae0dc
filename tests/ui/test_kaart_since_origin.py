"""The sociale kaart of a follow-up session marks who is new since the signed plan and names who
left, in a line that fits a 1280×720 laptop; a first session shows neither."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.following import unreported_follow_up
from tests.ui.conftest import page_of, shown_window
from worksession.domain.values import StepKind
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.operations.sociale_kaart import (
    add_stakeholder,
    list_stakeholders,
    remove_stakeholder,
)
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.sociale_kaart import NEW_MARK, SocialeKaartPage
from worksession.ui.session.window import SessionWindow

GONE = ("s-ggd", "s-apotheek")


@pytest.fixture
def follow_up_window(qtbot: QtBot, db: Database, library: Library) -> SessionWindow:
    pair = unreported_follow_up(db)
    for stakeholder in list_stakeholders(db=db, session_id=pair.session_id):
        if stakeholder.key in GONE:
            remove_stakeholder(db=db, stakeholder_id=int(stakeholder.id or 0))
    add_stakeholder(db=db, session_id=pair.session_id, name="Huisartsenpraktijk De Linde",
                    domain="primary_care")  # fmt: skip
    return shown_window(qtbot, SessionController(db, pair.session_id, library), size=(1280, 720))


def _kaart(window: SessionWindow) -> SocialeKaartPage:
    page = page_of(window, StepKind.SOCIALE_KAART)
    assert isinstance(page, SocialeKaartPage)
    return page


def _row_headers(page: SocialeKaartPage) -> dict[str, str]:
    model = page.table.model
    return {
        model.row_at(row).name: str(model.headerData(row, Qt.Orientation.Vertical))
        for row in range(model.rowCount())
    }


def test_new_stakeholders_are_marked_and_the_ones_gone_named(
    qtbot: QtBot, follow_up_window: SessionWindow, tmp_path_factory: pytest.TempPathFactory
) -> None:
    page = _kaart(follow_up_window)
    headers = _row_headers(page)
    marked = {name for name, header in headers.items() if header.endswith(NEW_MARK)}
    assert marked == {"Huisartsenpraktijk De Linde"}
    row = list(headers).index("Huisartsenpraktijk De Linde")
    tip = page.table.model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert tip == "nieuw sinds de werksessie"
    assert page.kaart_changes.isVisible()
    assert page.kaart_changes.text() == (
        "★ nieuw (1) · vertrokken sinds de werksessie: GGD Zuid-Limburg, Apotheek Kaalheide"
    )
    # One line at 1280×720: the kaart is cramped there already.
    QApplication.processEvents()
    label = page.kaart_changes
    assert label.height() <= label.fontMetrics().lineSpacing() + 4
    assert label.heightForWidth(label.width()) <= label.height()
    page.table.view.setCurrentIndex(page.table.model.index(row, 0))  # the new one in sight
    page.table.view.scrollTo(page.table.view.currentIndex())
    path = tmp_path_factory.getbasetemp() / "kaart-since-origin.png"
    assert follow_up_window.grab().save(str(path))


def test_a_stakeholder_added_in_the_room_is_marked_and_undo_takes_the_mark_away(
    qtbot: QtBot, follow_up_window: SessionWindow
) -> None:
    page = _kaart(follow_up_window)
    page.table.entry.setFocus()
    qtbot.keyClicks(page.table.entry, "Jongerenwerk Kaalheide")
    qtbot.keyClick(page.table.entry, Qt.Key.Key_Return)
    assert _row_headers(page)["Jongerenwerk Kaalheide"].endswith(NEW_MARK)
    assert "(2)" in page.kaart_changes.text()
    follow_up_window.undo_action.trigger()
    assert "Jongerenwerk Kaalheide" not in _row_headers(page)
    assert "(1)" in page.kaart_changes.text()


def test_a_first_session_shows_no_marks_and_no_line(window: SessionWindow) -> None:
    page = _kaart(window)
    assert not page.kaart_changes.isVisible()
    assert all(NEW_MARK not in header for header in _row_headers(page).values())
