"""The session window's Exporteren menu: reachable by keyboard, each export written in the
background from the database, a target the app owns refused in the banner."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from worksession.export.record_lists import LIST_NAMES
from worksession.ui.background import jobs_running
from worksession.ui.session.export_menu import with_mnemonic
from worksession.ui.session.window import SessionWindow
from worksession.workflows.data_export import ExportKind


def _mnemonics(texts: list[str]) -> list[str]:
    return [text[text.index("&") + 1].lower() for text in texts if "&" in text]


def test_the_menu_offers_every_export_each_with_its_own_alt_key(window: SessionWindow) -> None:
    menus = [action.text() for action in window.menuBar().actions()]
    assert "E&xporteren" in menus
    assert len(set(_mnemonics(menus))) == len(menus)
    menu = window.export_menu
    entries = [action.text() for action in menu.menu.actions() if not action.isSeparator()]
    assert entries[:4] == [
        "&JSON-bestand (worksession/1)…",
        "&CSV (één lijst)",
        "&Excel-werkmap (XLSX)…",
        "&Agenda (ICS)…",
    ]
    assert len(set(_mnemonics(entries))) == len(_mnemonics(entries))
    # Below the exports, after a line: publishing to the team archive.
    assert menu.menu.actions()[-2].isSeparator()
    assert menu.menu.actions()[-1].text() == "Pu&bliceren naar teamarchief"
    others = [action.text() for action in menu.menu.actions()[-7:-2]]
    assert others == [
        "&Uitnodiging…",
        "&Programma als PDF…",
        "&Wie is wie (PDF)…",
        "P&resentielijst (PDF)…",
        "Aa&nwezigheid exporteren…",
    ]
    # The entries the step pages add have an Alt letter too, none the same as another's.
    assert len(set(_mnemonics(entries))) == len(entries)
    lists = [action.text() for action in menu.csv_menu.actions()]
    assert len(lists) == len(LIST_NAMES)
    assert len(set(_mnemonics(lists))) == len(lists)


def test_alt_x_opens_the_menu(qtbot: QtBot, window: SessionWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.export_menu.menu.isVisible)
    window.export_menu.menu.close()


def test_a_csv_chosen_in_the_menu_is_written(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "deelnemers"  # typed without an extension
    asked: list[str] = []

    def chosen(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), _filter

    # The file dialog is native and modal: stand in for the coach's choice.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", chosen)
    with qtbot.waitSignal(window.export_menu.written, timeout=20000) as written:
        window.export_menu.csv_actions["participants"].trigger()
    assert written.args == [target.with_suffix(".csv")]
    assert [Path(path).name for path in asked] == [
        "Samen gezond oud worden in Kaalheide - Deelnemers.csv"
    ]
    text = target.with_suffix(".csv").read_text("utf-8-sig")
    assert text.startswith("Naam;Voorletters;Organisatie;") and "Marieke Hermans" in text
    assert "deelnemers.csv" in window.statusBar().currentMessage()


def test_the_workbook_holds_what_was_just_typed(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path
) -> None:
    target = tmp_path / "plan.xlsx"
    with qtbot.waitSignal(window.export_menu.written, timeout=20000):
        assert window.export_menu.export_to(target, ExportKind.XLSX) is not None
    book = load_workbook(io.BytesIO(target.read_bytes()))
    assert book["Samenwerkingsafspraken"]["B2"].value == "A1"


def test_the_database_is_refused_in_the_banner_and_nothing_starts(
    qtbot: QtBot, window: SessionWindow
) -> None:
    database = window.controller.db.path
    assert database is not None
    before = database.read_bytes()
    assert window.export_menu.export_to(database, ExportKind.ICS) is None
    qtbot.waitUntil(window.banner.isVisible)
    assert str(database) in window.banner.text()
    assert jobs_running() == 0 and database.read_bytes() == before


def test_an_unwritable_folder_is_reported(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path
) -> None:
    job = window.export_menu.export_to(tmp_path / "weg" / "plan.ics", ExportKind.ICS)
    assert job is not None
    with qtbot.waitSignal(job.signals.failed, timeout=20000):
        pass
    qtbot.waitUntil(window.banner.isVisible)
    # As the attendance files say it: nothing written, and which file it was.
    assert window.banner.text().startswith("Er is niets geschreven: ")
    assert str(tmp_path / "weg" / "plan.ics") in window.banner.text()


def test_another_export_is_added_below_a_line(window: SessionWindow) -> None:
    from PySide6.QtGui import QAction

    extra = QAction("Uitnodiging (ICS)…", window)
    window.export_menu.add_action(extra)
    actions = window.export_menu.menu.actions()
    line = next(index for index, action in enumerate(actions) if action.isSeparator())
    assert actions[line].isVisible()
    assert [action.text() for action in actions[:line]][-1] == "&Agenda (ICS)…"
    assert actions[-1] is extra


def test_a_mnemonic_goes_to_the_first_letter_not_taken() -> None:
    used: set[str] = set()
    assert [with_mnemonic(t, used) for t in ("Sociale kaart", "Samen", "S1", "Ja & nee")] == [
        "&Sociale kaart",
        "S&amen",
        "S1",
        "&Ja && nee",
    ]


def test_the_invitation_of_voorbereiding_opens_from_the_menu(
    qtbot: QtBot, window: SessionWindow
) -> None:
    from worksession.ui.session.invitation_dialog import InvitationDialog

    invitation = next(
        action for action in window.export_menu.menu.actions() if action.text() == "&Uitnodiging…"
    )
    invitation.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(InvitationDialog)))
    (dialog,) = window.findChildren(InvitationDialog)
    dialog.reject()
