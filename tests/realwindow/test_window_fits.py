"""The session window opens inside the laptop's screen, title bar and borders included."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.realwindow.xsession import LAPTOP, Launch, wait_for


@pytest.mark.parametrize("layout", ["laptop", "laptop_1366"])
def test_the_session_window_opens_inside_a_small_laptop_screen(
    launch: Launch, demo_database: tuple[Path, str], layout: str
) -> None:
    database, title = demo_database
    app = launch(layout, database)
    window = app.open_session(database, title)
    frame = app.display.frame(window)
    (screen,) = app.display.monitors
    assert screen.contains(frame), f"the session window {frame} sticks out of the screen {screen}"


def test_a_window_left_large_on_a_full_hd_screen_opens_inside_the_laptop_screen(
    launch: Launch, demo_database: tuple[Path, str]
) -> None:
    database, title = demo_database
    app = launch("full_hd", database)
    display = app.display
    window = app.open_session(database, title)
    display.run("xdotool", "windowsize", "--sync", window, "1800", "1000")
    display.run("xdotool", "windowmove", "--sync", window, "100", "40")
    display.key("alt+F4")  # closed as the coach closes it: the window's geometry is kept
    wait_for(lambda: app.gone(re.escape(f"— {title} —")), "the session window to close")
    app.stop()

    again = launch("laptop", database, app.home)
    window = again.open_session(database, title)
    frame = again.display.frame(window)
    assert LAPTOP.contains(frame), f"the session window {frame} sticks out of the screen {LAPTOP}"
