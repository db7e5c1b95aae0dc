"""The plan page's export and signing refuse the database and the app's own files.

A refused job fails at once, before a signal spy could be connected: the tests wait for the
banner that reports it instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from tests.ui.conftest import freeze_plan, page_of
from worksession.domain.values import StepKind
from worksession.ui.background import jobs_running
from worksession.ui.session.pages.plan import PlanPage
from worksession.ui.session.window import SessionWindow
from worksession.workflows.certificates import personal_certificate_file


def _page(window: SessionWindow) -> PlanPage:
    page = page_of(window, StepKind.AFTER)
    assert isinstance(page, PlanPage)
    return page


def _database(window: SessionWindow) -> Path:
    path = window.controller.db.path
    assert path is not None
    return path


def test_exporting_onto_the_database_or_its_wal_is_refused(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path
) -> None:
    page = _page(window)
    database = _database(window)
    link = tmp_path / "plan.pdf"
    link.symlink_to(database)
    for target in (database, database.with_name(database.name + "-wal"), link):
        before = database.read_bytes()
        page.export_to(target)
        qtbot.waitUntil(lambda: window.banner.isVisible() and jobs_running() == 0)
        assert str(target) in window.banner.text() and "database" in window.banner.text()
        assert database.read_bytes() == before
        assert getattr(page, "exported_path", None) is None
        window.banner.hide()
    assert page.export_button.isEnabled()  # the coach can choose another file


def test_signing_onto_the_personal_certificate_makes_and_writes_nothing(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    target = personal_certificate_file()
    page.signing.sign_to(target, "tulpen", name="Hanneke Vos", email="h.vos@example.org")
    qtbot.waitUntil(lambda: window.banner.isVisible() and jobs_running() == 0)
    assert str(target) in window.banner.text()
    assert not target.exists() and page.signing.written is None


def test_signing_onto_the_database_is_refused(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window)
    database = _database(window)
    before = database.read_bytes()
    page.signing.sign_to(database, "tulpen")
    qtbot.waitUntil(lambda: window.banner.isVisible() and jobs_running() == 0)
    assert str(database) in window.banner.text()
    assert database.read_bytes() == before


def test_choosing_the_database_as_signed_plan_is_refused_before_the_passphrase(
    qtbot: QtBot, window: SessionWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(window)
    freeze_plan(page)
    page.decisions.setCurrentCell(0, 0)
    for _ in range(page.decisions.rowCount()):
        page.agree_button.click()
    database = _database(window)
    asked: list[str] = []
    # The file dialogs are native and modal: stand in for the coach's choice.
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_args: (str(database), "PDF (*.pdf)")
    )
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: asked.append("passphrase"))
    page.signing.choose("Plan")
    qtbot.waitUntil(window.banner.isVisible)
    assert str(database) in window.banner.text() and asked == []
    assert page.signing.jobs == []
