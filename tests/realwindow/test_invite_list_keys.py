"""The invite list and the invitation on *Voorbereiding*, by keyboard alone in a real window.

A coach on a 1280×720 laptop imports the organiser's spreadsheet (Alt+I, the file's path,
Enter, Enter on the report) and opens the invitation (Alt+T, Enter copies, Esc closes);
before, the buttons had no Alt letter, the report's table caught every Tab, and Tab in the
invitation reached Close before Copy.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import openpyxl

from tests.realwindow.xsession import App, Launch, wait_for

REPORT = "^(Uitnodigingslijst importeren|Import invite list) — "


def _names(database: Path) -> set[str]:
    """The participants' names; none yet while the app holds the write (read again then)."""
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as connection:
            return {name for (name,) in connection.execute("SELECT name FROM participant")}
    except sqlite3.OperationalError:
        return set()


def _invite_list(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Naam", "Voorletters", "Organisatie", "Functie", "Register", "BIG-nummer"])
    sheet.append(["Noor Bakker", "N.", "Huisartsenpraktijk Oost", "huisarts", "BIG", "09012345601"])
    sheet.append(["Sem de Wit", "S.", "Wijkteam Noord", "wijkverpleegkundige", "", ""])
    workbook.save(path)
    return path


def _new_active(app: App, before: str | None, name: str) -> str:
    """Wait for a window other than ``before`` named like ``name`` to have the keyboard."""

    def active() -> str | None:
        app.alive()
        window = app.display.active_window()
        if (
            window
            and window != before
            and re.search(name, app.display.window_name_or_empty(window))
        ):
            return window
        return None

    return wait_for(active, f"a new active window named {name!r}")


def test_an_invite_list_is_imported_by_keyboard_alone(
    launch: Launch, demo_database: tuple[Path, str], tmp_path: Path
) -> None:
    database, title = demo_database
    listed = _invite_list(tmp_path / "genodigden.xlsx")
    app = launch("laptop", database)
    app.open_session(database, title)
    app.display.key("alt+i")
    chooser = _new_active(app, None, REPORT)  # the file dialog has the same title
    app.display.type(str(listed))
    app.display.key("Return")
    _new_active(app, chooser, REPORT)
    app.display.key("Return")  # nothing refused: Import is where Enter lands
    wait_for(lambda: {"Noor Bakker", "Sem de Wit"} <= _names(database), "the two people stored")


def test_the_invitation_opens_with_alt_t_and_closes_with_escape(
    launch: Launch, demo_database: tuple[Path, str]
) -> None:
    database, title = demo_database
    app = launch("laptop", database)
    session = app.open_session(database, title)
    app.display.key("alt+t")
    app.wait_active("^(Uitnodiging|Invitation) — ")
    app.display.key("Escape")
    wait_for(lambda: app.display.active_window() == session, "the session window again")
    assert app.gone("^(Uitnodiging|Invitation) — ")
