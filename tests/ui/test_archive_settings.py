"""Instellingen → Teamarchief: a PostgreSQL address is stored, anything else is refused in the
dialog naming the field and the value, and nothing is stored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.ui.start_window import StartWindow
from worksession.user.settings import load_settings, save_setting


def test_the_archive_address_is_stored(qtbot: QtBot, db: Database) -> None:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    dialog = window.show_settings()
    assert dialog.archive.text() == ""
    dialog.archive.setText("  postgresql://coach@db.example.org/teamarchief ")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert load_settings()["team_archive"] == "postgresql://coach@db.example.org/teamarchief"
    again = window.show_settings()
    assert again.archive.text() == "postgresql://coach@db.example.org/teamarchief"


def test_another_address_is_refused_and_nothing_is_stored(qtbot: QtBot, db: Database) -> None:
    save_setting("team_archive", "postgresql://coach@db.example.org/teamarchief")
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    dialog = window.show_settings()
    qtbot.waitExposed(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.archive.setText("mysql://coach:geheim@db/teamarchief")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.problem.isVisible()
    assert dialog.problem.text().startswith(
        "Teamarchief: “mysql://coach:***@db/teamarchief” kan niet worden gebruikt"
    )
    assert load_settings()["team_archive"] == "postgresql://coach@db.example.org/teamarchief"
    assert load_settings()["language"] == "nl"  # nothing of the dialog was stored
    assert dialog.focusWidget() is dialog.archive


def test_alt_t_reaches_the_archive_field(qtbot: QtBot, db: Database) -> None:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    dialog = window.show_settings()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.archive)


def test_the_dialog_is_as_big_as_what_it_shows(qtbot: QtBot, db: Database) -> None:
    # Not resizable, so the window manager draws no empty strip under the buttons; it grows
    # with the message on a refused address, nothing clipped.
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    dialog = window.show_settings()
    qtbot.waitExposed(dialog)
    assert dialog.minimumSize() == dialog.maximumSize() == dialog.size()
    below = dialog.height() - dialog.buttons.geometry().bottom()
    assert below <= dialog.layout().contentsMargins().bottom() + 1
    before = dialog.height()
    dialog.archive.setText("mysql://coach@db.ggd-noord-west.example.org/teamarchief_ggd_noord")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.height() > before)
    assert dialog.problem.height() >= dialog.problem.heightForWidth(dialog.problem.width())
    assert dialog.buttons.geometry().bottom() < dialog.height()
