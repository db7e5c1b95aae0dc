"""The presenter opens full screen on the beamer when there is one, and the coach's window
stays on the laptop with the keyboard."""

from __future__ import annotations

from pathlib import Path

from tests.realwindow.xsession import BEAMER, LAPTOP, Launch, wait_for

PRESENTER = "^(Presentatie|Presenter) — "  # then the step, and the app's name Qt adds


def test_the_presenter_opens_full_screen_on_the_second_screen(
    launch: Launch, demo_database: tuple[Path, str]
) -> None:
    database, title = demo_database
    app = launch("beamer", database)
    display = app.display
    coach = app.open_session(database, title)
    assert LAPTOP.contains(display.frame(coach)), display.frame(coach)
    display.key("F5")
    presenter = app.window(PRESENTER)
    wait_for(lambda: display.geometry(presenter) == BEAMER, "the presenter to cover the beamer")
    assert "_NET_WM_STATE_FULLSCREEN" in display.states(presenter)
    assert display.active_window() == coach
    assert LAPTOP.contains(display.frame(coach))  # the coach's window did not move along

    display.key("F5")  # and away again
    wait_for(lambda: app.gone(PRESENTER), "the presenter to close")
    assert display.active_window() == coach


def test_on_one_screen_the_presenter_covers_it_and_the_coach_keeps_the_keyboard(
    launch: Launch, demo_database: tuple[Path, str]
) -> None:
    database, title = demo_database
    app = launch("laptop", database)
    display = app.display
    coach = app.open_session(database, title)
    display.key("F5")
    presenter = app.window(PRESENTER)
    wait_for(lambda: display.geometry(presenter) == LAPTOP, "the presenter to cover the screen")
    # The room sees the slide over the coach's window, while the coach keeps the keyboard.
    wait_for(
        lambda: display.stacking().index(presenter) > display.stacking().index(coach),
        "the presenter above the coach's window",
    )
    assert display.active_window() == coach
    display.key("Escape")  # the navigator has the keyboard: Esc hides the presenter
    wait_for(lambda: app.gone(PRESENTER), "the presenter to close")
