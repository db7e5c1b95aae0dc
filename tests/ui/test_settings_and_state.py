"""Language choice, window geometry and the last session are remembered."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.operations.sessions import create_session
from worksession.ui.start_window import StartWindow
from worksession.user.settings import load_settings


def test_the_language_is_chosen_in_the_settings(qtbot: QtBot, db: Database) -> None:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    dialog = window.show_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.retention.setCurrentIndex(dialog.retention.findData(180))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert load_settings()["language"] == "en"
    assert load_settings()["backup_retention_days"] == 180


def test_geometry_and_last_session_survive_a_restart(qtbot: QtBot, db: Database) -> None:
    create_session(db=db, title="Eerste", date="2026-01-01")
    second = create_session(db=db, title="Tweede", date="2025-01-01")
    assert second.id is not None
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    window.resize(700, 500)
    opened = window.open_session(second.id)
    qtbot.addWidget(opened)
    window.close()

    again = StartWindow(db, load_library())
    qtbot.addWidget(again)
    assert again.size().width() == 700
    selected = again.selected_session()
    assert selected is not None and selected.id == second.id
