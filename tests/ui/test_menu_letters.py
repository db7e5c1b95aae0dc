"""Every entry of the start window's and the session window's menus has an Alt letter of its
own in its menu, so a coach reaches each by keyboard (Alt, the menu's letter, the entry's)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu
from pytestqt.qtbot import QtBot

from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.ui.menu_letters import keep_letter, lettered, mnemonic_of
from worksession.ui.session.window import SessionWindow
from worksession.ui.start_window import StartWindow


def _menus(window: QMainWindow) -> dict[str, list[str]]:
    """Each menu (and submenu) by its title: the texts of its entries."""
    found: dict[str, list[str]] = {}

    def walk(title: str, menu: QMenu) -> None:
        entries: list[QAction] = [a for a in menu.actions() if not a.isSeparator()]
        found[title] = [action.text() for action in entries]
        for action in entries:
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                walk(action.text(), submenu)

    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        walk(action.text(), menu)
    return found


def _every_entry_has_its_own_letter(window: QMainWindow) -> None:
    for title, texts in _menus(window).items():
        letters = [mnemonic_of(text) for text in texts]
        assert all(letters), f"{title}: no Alt letter in {[t for t in texts if not mnemonic_of(t)]}"
        assert len(set(letters)) == len(letters), f"{title}: a letter twice in {texts}"


def test_the_start_windows_menus_have_a_letter_for_every_entry(qtbot: QtBot, db: Database) -> None:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    _every_entry_has_its_own_letter(window)
    toolkit = _menus(window)["&Toolkit"]
    assert [text.replace("&", "") for text in toolkit] == [
        "Programma's en casussen…",
        "Pakket importeren…",
    ]


def test_the_session_windows_menus_have_a_letter_for_every_entry(window: SessionWindow) -> None:
    _every_entry_has_its_own_letter(window)


def test_a_letter_is_never_an_ampersand_shown_as_text() -> None:
    assert lettered("V&&VN-lijst", {"v"}) == "V&&V&N-lijst"  # "&&" stays one ampersand
    assert lettered("V&&VN-lijst", set()) == "&V&&VN-lijst"
    assert mnemonic_of("V&&V&N-lijst") == "n"
    assert lettered("Ja", {"j", "a"}) == "Ja"  # every letter taken: no letter
    assert mnemonic_of("V&&VN") == ""


def test_an_entry_whose_text_changes_keeps_its_letter() -> None:
    assert keep_letter("&Instructies en notities", "Instructies en notities · 2") == (
        "&Instructies en notities · 2"
    )
    assert keep_letter("Instructies en n&otities", "Notities · 1 punt") == "N&otities · 1 punt"
    # A new text without the letter has none (another entry may have any of its letters).
    assert keep_letter("Instructies en n&otities", "Instructies · 1") == "Instructies · 1"
