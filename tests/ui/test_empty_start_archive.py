"""The empty start window of a fresh second laptop: *Ophalen uit teamarchief* by its Alt letter
(where to set the archive when none is set, else the fetch dialog), the window's buttons and
menus reachable as soon as the sessions are listed, and the fetch dialog's address broken only
after ``/``, ``?`` or ``&``."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.archive_places import short_folder
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.ui.archive.address_label import address_lines
from worksession.ui.archive.fetch_dialog import FetchDialog
from worksession.ui.settings_dialog import SettingsDialog
from worksession.ui.start_window import StartWindow
from worksession.user.settings import save_setting

LONG = (
    "Uit: postgresql+psycopg://coach@db.ggd-noord-west.example.org:5432/"
    "teamarchief_ggd_noord_west_werksessies?application_name=werksessie&sslmode=require"
)


def _active_empty_window(qtbot: QtBot, db: Database) -> StartWindow:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.pages.currentWidget() is window.empty_state
    return window


def _alt_a(window: StartWindow) -> None:
    """Alt+A where the keyboard is, through the shortcut map as a key typed."""
    QtBot.keyClick(window.focusWidget() or window, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)


def test_without_an_archive_alt_a_says_where_to_set_it(qtbot: QtBot, db: Database) -> None:
    window = _active_empty_window(qtbot, db)
    assert window.fetch_button.text() == "Oph&alen uit teamarchief…"
    assert window.fetch_button.isVisible()
    _alt_a(window)
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)))
    box = window.findChildren(QMessageBox)[-1]
    assert "Teamarchief" in box.text()  # the settings' field, as the menu entry says
    qtbot.waitUntil(box.isVisible)
    box.defaultButton().click()  # Enter: Instellingen…
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(SettingsDialog)))


def test_with_an_archive_alt_a_opens_the_fetch_dialog(qtbot: QtBot, db: Database) -> None:
    folder = short_folder()  # nothing listens there: the dialog says so, nothing is fetched
    try:
        save_setting("team_archive", f"postgresql+psycopg://coach@/teamarchief?host={folder}")
        window = _active_empty_window(qtbot, db)
        _alt_a(window)
        qtbot.waitUntil(lambda: window.archive.dialog is not None)
        dialog = window.archive.dialog
        assert isinstance(dialog, FetchDialog)
        qtbot.waitUntil(lambda: "kan niet worden gelezen" in dialog.state.text(), timeout=30_000)
        dialog.reject()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_the_buttons_and_menus_are_shown_as_the_sessions_are_listed(
    qtbot: QtBot, db: Database
) -> None:
    # An Alt letter pressed as the window appears reaches them: shown at once, not by a call
    # queued for the event loop (which the key could come before).
    window = StartWindow(library=load_library())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.attach(db)
    assert window.fetch_button.isVisible()
    assert window.demo_button.isVisible()
    assert window.menuBar().isVisible()


def test_the_address_breaks_only_after_a_slash_a_question_mark_or_an_ampersand(
    qtbot: QtBot,
) -> None:
    fits = QFontMetrics(QApplication.font())
    # The widest piece: every piece fits a line, and several pieces do not.
    width = fits.horizontalAdvance(LONG.split("5432/")[0] + "5432/") + 2
    lines = address_lines(LONG, fits, width)
    assert "".join(lines) == LONG  # nothing cut: every piece fits a line
    assert len(lines) > 2
    for line in lines[:-1]:
        assert line[-1] in "/?&", lines
    assert all(fits.horizontalAdvance(line) <= width for line in lines)


def test_a_piece_wider_than_a_line_is_elided_in_its_middle(qtbot: QtBot) -> None:
    fits = QFontMetrics(QApplication.font())
    width = fits.horizontalAdvance("db.ggd-noord")
    lines = address_lines(LONG, fits, width)
    assert any("…" in line for line in lines)
    assert all(fits.horizontalAdvance(line) <= width for line in lines)
    dialog = FetchDialog(LONG.removeprefix("Uit: "), lambda: [])
    qtbot.addWidget(dialog)
    assert dialog.where.toolTip() == LONG  # the full address, to read or copy
