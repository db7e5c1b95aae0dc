"""After F5 the coach keeps the keyboard: what they type reaches the field (and the database),
and a typed space or "b" neither moves nor blanks the beamer; outside a field the clicker keys
still drive it. With the presenter on the laptop's only screen and on a beamer beside it."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from tests.realwindow.xsession import App, Launch, wait_for

PRESENTER = "^(Presentatie|Presenter) — "  # then the step, and the app's name Qt adds


def _ambition(database: Path) -> str:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        (text,) = connection.execute("SELECT ambition FROM work_session").fetchone()
    return str(text)


def _presenter_on(app: App, step: str) -> str:
    """Wait until the presenter shows ``step`` (not blacked out); its window."""
    window = app.window(PRESENTER)
    wanted = re.compile(rf"— {re.escape(step)}( — Worksession)?$")
    wait_for(
        lambda: wanted.search(app.display.window_name(window)),
        f"the presenter to show {step!r}, not black",
    )
    return window


@pytest.mark.parametrize("layout", ["laptop", "beamer"])
def test_typing_after_f5_reaches_the_field_and_leaves_the_beamer_alone(
    launch: Launch, demo_database: tuple[Path, str], layout: str
) -> None:
    database, title = demo_database
    app = launch(layout, database)
    display = app.display
    coach = app.open_session(database, title)
    display.key("F5")
    presenter = _presenter_on(app, "Voorbereiding")
    assert display.active_window() == coach, "F5 gave the keyboard to the presenter"

    display.key("ctrl+Next")  # the next step: Welkom & doel, on the beamer too
    _presenter_on(app, "Welkom & doel")
    display.key("Tab", "ctrl+End")  # from the steps into Ambitie
    before = _ambition(database)
    display.type(" b a b")
    wait_for(lambda: _ambition(database) == before + " b a b", "the typed text in the database")

    name = display.window_name(presenter)
    assert re.search(r"— Welkom & doel( — Worksession)?$", name), name  # not moved, not black
    assert display.active_window() == coach

    # Outside a text field the clicker's keys drive the room, from the coach's window.
    display.key("shift+Tab")  # back to the steps
    display.key("Next")
    _presenter_on(app, "Kennismaking")
    display.key("b")
    wait_for(lambda: display.window_name(presenter).find("zwart scherm") > 0, "a black beamer")
    display.key("b")
    _presenter_on(app, "Kennismaking")
    display.key("Prior")
    _presenter_on(app, "Welkom & doel")
