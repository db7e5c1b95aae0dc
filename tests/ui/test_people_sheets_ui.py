"""The sheets about people in the window: *Wie is wie (PDF)…* on Kennismaking and in the
Exporteren menu, *Factsheet voor de huisarts (PDF)…* for the stakeholder chosen on the sociale
kaart (button and context menu), each written in the background; the database is refused; and
the lesson 8 notice when the GGD's offer is emptied on the kaart."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.ui.background import jobs_running
from worksession.ui.session.pages.introductions import IntroductionsPage
from worksession.ui.session.pages.sociale_kaart import SocialeKaartPage
from worksession.ui.session.people_sheets import SheetExport
from worksession.ui.session.window import SessionWindow


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Stand in for the coach's choice in the (native, modal) save dialog; the names offered."""
    offered: list[str] = []

    def save_file_name(*args: object) -> tuple[str, str]:
        offered.append(str(args[2]))
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file_name)
    return offered


def _text(path: Path) -> str:
    pages = PdfReader(io.BytesIO(path.read_bytes())).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def _written(qtbot: QtBot, export: SheetExport) -> None:
    qtbot.waitUntil(lambda: export.written is not None and jobs_running() == 0, timeout=20000)


def _kaart(window: SessionWindow) -> SocialeKaartPage:
    page = page_of(window, StepKind.SOCIALE_KAART)
    assert isinstance(page, SocialeKaartPage)
    return page


def _select(page: SocialeKaartPage, key: str) -> None:
    model = page.table.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).key == key)
    page.table.view.setCurrentIndex(model.index(row, 0))


def test_the_kennismaking_button_writes_the_wie_is_wie(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = page_of(window, StepKind.INTRODUCTIONS)
    assert isinstance(page, IntroductionsPage)
    offered = _choose(monkeypatch, tmp_path / "wie")  # no suffix typed: .pdf is added
    (button,) = [b for b in page.findChildren(QPushButton) if b.text() == "Wie is wie (PDF)…"]
    button.click()
    _written(qtbot, page.who_is_who)
    written = tmp_path / "wie.pdf"
    assert page.who_is_who.written == written
    assert offered == ["Wie is wie Samen gezond oud worden in Kaalheide.pdf"]
    text = _text(written)
    assert "Wie is wie" in text and "Marieke Hermans" in text and "Bel mij voor" in text
    assert str(written) in window.statusBar().currentMessage()
    assert button.isEnabled()


def test_the_export_menu_has_the_same_action(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = page_of(window, StepKind.INTRODUCTIONS)
    assert isinstance(page, IntroductionsPage)
    (action,) = [a for a in window.export_menu.menu.actions() if a.text() == "&Wie is wie (PDF)…"]
    assert action is page.who_is_who.action
    _choose(monkeypatch, tmp_path / "menu.pdf")
    action.trigger()
    _written(qtbot, page.who_is_who)
    assert "Lotte Dassen" in _text(tmp_path / "menu.pdf")


def test_the_factsheet_of_the_chosen_stakeholder_from_the_context_menu(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _kaart(window)
    view = page.table.view
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    (action,) = [a for a in view.actions() if a.text() == "Factsheet voor de huisarts (PDF)…"]
    _select(page, "s-ggd")
    offered = _choose(monkeypatch, tmp_path / "ggd.pdf")
    action.trigger()
    _written(qtbot, page.factsheet)
    assert offered == ["Factsheet voor de huisarts GGD Zuid-Limburg.pdf"]
    text = _text(tmp_path / "ggd.pdf")
    assert "Factsheet voor de huisarts" in text and "GGD Zuid-Limburg" in text
    assert "Levert wijkcijfers" in text and "Lotte Dassen" in text


def test_the_factsheet_button_without_a_stakeholder_chosen_says_so(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _kaart(window)
    page.table.view.setCurrentIndex(page.table.model.index(-1, -1))
    offered = _choose(monkeypatch, tmp_path / "none.pdf")
    (button,) = [
        b for b in page.findChildren(QPushButton) if b.text() == "Factsheet voor de huisarts (PDF)…"
    ]
    with qtbot.waitSignal(window.controller.notice) as notice:
        button.click()
    assert notice.args == ["Kies eerst een partij op de sociale kaart."]
    assert offered == [] and not (tmp_path / "none.pdf").exists()


def test_the_database_is_refused_and_nothing_is_drawn(
    qtbot: QtBot, window: SessionWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _kaart(window)
    _select(page, "s-ggd")
    database = window.controller.db.path
    assert database is not None
    before = database.read_bytes()
    with qtbot.waitSignal(window.controller.failed) as failed:
        assert page.factsheet.export_to(database) is None
    assert "database" in failed.args[0] and jobs_running() == 0
    assert database.read_bytes() == before


def test_emptying_the_ggd_offer_shows_the_lesson_8_notice_on_the_kaart(
    window: SessionWindow,
) -> None:
    page = _kaart(window)
    model = page.table.model
    offer = next(i for i, column in enumerate(model.columns) if column.field == "offer")
    row = next(r for r in range(model.rowCount()) if model.row_at(r).key == "s-ggd")
    assert "ggd-without-offer" not in {c.code for c in page.checks()}
    assert model.setData(model.index(row, offer), "")
    (check,) = [c for c in page.checks() if c.code == "ggd-without-offer"]
    assert check.key == "s-ggd" and check.message.startswith("Wat kan de GGD betekenen?")
    window.controller.undo_stack.undo()
    assert "ggd-without-offer" not in {c.code for c in page.checks()}
