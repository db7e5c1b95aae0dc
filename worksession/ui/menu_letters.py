"""An Alt letter for every entry of a window's menus, so each is reachable by keyboard.

The menus' entries come from several parts of the app, most without an ``&`` in their text;
the coach could open a menu with Alt but then only walk it with the arrows. Here an entry
without a letter gets the first letter of its (translated) text that no other entry of the
same menu has. Texts are in Qt's form: ``&&`` is a literal ampersand, never a letter.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QMenuBar


def mnemonic_of(text: str) -> str:
    """The Alt letter an ``&`` marks in ``text`` (lower case), or ""."""
    index = 0
    while (index := text.find("&", index)) >= 0 and index + 1 < len(text):
        if text[index + 1] != "&":
            return text[index + 1].lower()
        index += 2
    return ""


def lettered(text: str, used: set[str]) -> str:
    """``text`` (Qt's form) with an ``&`` before its first letter not in ``used``; the same
    text when every letter is taken."""
    index = 0
    while index < len(text):
        character = text[index]
        if character == "&":
            index += 2  # "&&" shows one ampersand
            continue
        if character.isalpha() and character.lower() not in used:
            used.add(character.lower())
            return f"{text[:index]}&{text[index:]}"
        index += 1
    return text


def keep_letter(old: str, new: str) -> str:
    """``new`` with the Alt letter ``old`` had, for an entry whose text changes as it runs."""
    letter = mnemonic_of(old)
    if not letter or mnemonic_of(new):
        return new
    others = {character.lower() for character in new if character.lower() != letter}
    return lettered(new, others)


def letter_menu(menu: QMenu) -> None:
    """Give each entry of ``menu`` (and of its submenus) without an Alt letter its own."""
    entries = [action for action in menu.actions() if not action.isSeparator()]
    used = {letter for action in entries if (letter := mnemonic_of(action.text()))}
    for action in entries:
        if not mnemonic_of(action.text()):
            action.setText(lettered(action.text(), used))
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            letter_menu(submenu)


def letter_menus(bar: QMenuBar) -> None:
    """Every menu of the menu bar ``bar``: ``letter_menu``."""
    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            letter_menu(menu)
