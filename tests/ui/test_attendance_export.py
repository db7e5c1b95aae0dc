"""The attendance actions of *Na de sessie*: the presentielijst and the attendance files are
chosen in a save dialog, made in the background and written; a file the app owns or a name of
no kind is refused with a message and nothing is written."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.ui.background import jobs_running
from worksession.ui.session.pages.plan import PlanPage
from worksession.ui.session.window import SessionWindow


def _page(window: SessionWindow) -> PlanPage:
    page = page_of(window, StepKind.AFTER)
    assert isinstance(page, PlanPage)
    return page


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path, chosen_filter: str = "") -> list[str]:
    """Stand in for the coach's choice in the (native, modal) save dialog; what it offered."""
    offered: list[str] = []

    def save_file_name(*args: object) -> tuple[str, str]:
        offered.append(str(args[3]))
        return str(path), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file_name)
    return offered


def test_the_presentielijst_button_writes_the_pdf(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(window)
    target = tmp_path / "presentielijst"  # no suffix typed: the dialog's kind adds it
    offered = _choose(monkeypatch, target)
    buttons = [
        b for b in page.findChildren(type(page.export_button)) if "Presentielijst" in b.text()
    ]
    assert len(buttons) == 1
    buttons[0].click()
    qtbot.waitUntil(lambda: page.attendance.written is not None and jobs_running() == 0)
    written = tmp_path / "presentielijst.pdf"
    assert page.attendance.written == written and offered == ["Pdf (*.pdf)"]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(written.read_bytes())).pages)
    assert "Presentielijst" in text and "Marieke Hermans" in text
    assert str(written) in window.statusBar().currentMessage()
    assert page.attendance.list_action.isEnabled() and buttons[0].isEnabled()


def test_the_attendance_export_writes_the_kind_chosen(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(window)
    _choose(monkeypatch, tmp_path / "aanwezig", "Excel-werkmap (*.xlsx)")
    page.attendance.attendance_action.trigger()
    qtbot.waitUntil(lambda: page.attendance.written is not None and jobs_running() == 0)
    table = load_workbook(tmp_path / "aanwezig.xlsx").active
    assert table is not None and table["A1"].value == "Naam"
    numbers = [cell for cell in table["F"][1:] if cell.value]
    assert "19058231401" in [cell.value for cell in numbers]
    assert {cell.data_type for cell in numbers} == {"s"}
    page.attendance.written = None
    offered = _choose(monkeypatch, tmp_path / "big", "Registratienummers, één per regel (*.txt)")
    page.attendance.attendance_action.trigger()
    qtbot.waitUntil(lambda: page.attendance.written is not None and jobs_running() == 0)
    assert (tmp_path / "big.txt").read_text().split()[0] == "19058231401"
    assert "Excel-werkmap (*.xlsx)" in offered[0] and "(*.csv)" in offered[0]


def test_the_database_or_a_name_of_no_kind_is_refused(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(window)
    database = window.controller.db.path
    assert database is not None
    before = database.read_bytes()
    for target in (database, tmp_path / "aanwezig.docx"):
        _choose(monkeypatch, target, "Excel-werkmap (*.xlsx)")
        assert page.attendance.choose_attendance() is None
        qtbot.waitUntil(window.banner.isVisible)
        assert str(target) in window.banner.text()
        window.banner.hide()
    assert database.read_bytes() == before and not (tmp_path / "aanwezig.docx").exists()
    assert page.attendance.written is None


def test_a_file_that_cannot_be_written_is_a_message_and_the_actions_come_back(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(window)
    target = tmp_path / "no such folder" / "aanwezig.csv"
    _choose(monkeypatch, target, "CSV, gescheiden door puntkomma’s (*.csv)")
    assert page.attendance.choose_attendance() is not None  # started: it fails in the writing
    qtbot.waitUntil(lambda: window.banner.isVisible() and jobs_running() == 0)
    assert "Er is niets geschreven" in window.banner.text()
    assert str(target) in window.banner.text()  # the file the coach chose, not a temporary one
    assert page.attendance.written is None and not target.exists()
    assert page.attendance.attendance_action.isEnabled() and page.attendance.list_action.isEnabled()
