"""The session window opens inside the laptop's screen, title bar and borders included."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.realwindow.xsession import LAPTOP, App


def test_the_session_window_opens_inside_a_1280x720_screen(
    launch: Callable[[str, Path], App], demo_database: tuple[Path, str]
) -> None:
    database, title = demo_database
    app = launch("laptop", database)
    window = app.open_session(database, title)
    frame = app.display.frame(window)
    assert LAPTOP.contains(frame), f"the session window {frame} sticks out of the screen {LAPTOP}"
