"""Every step of the demo session as the real window shows it: ``make screenshots-real``.

The session window maximised on a 1280×720 laptop and on a 1920×1080 screen, and the presenter
full screen on a 1920×1080 beamer beside the laptop and on a 1280×720 screen of its own, one PNG
per step, under ``build/screenshots-real/<what>-<size>/``; the invitation, the Exporteren menu
and an invite list's import report on the laptop and the Full HD screen, under
``invite-list-<size>/``; the follow-up session half a year later on the laptop with the
beamer, under ``follow-up/``. Run as
``python -m tests.realwindow.screenshots [FOLDER]``; it needs the tier's X programs.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from tests.realwindow.xsession import (
    BEAMER,
    LAPTOP,
    SCREENSHOT_TOOLS,
    App,
    Display,
    Rect,
    missing_tools,
    running_app,
    start_display,
    wait_for,
)

FULL_HD = Rect(0, 0, 1920, 1080)
PRESENTER = "^(Presentatie|Presenter) — "  # then the step, and the app's name Qt adds


def _demo(folder: Path) -> tuple[Path, str, list[str]]:
    """A database with the demo session: (path, title, the titles of its steps)."""
    from worksession.programmes.library import load_library
    from worksession.storage.opening import open_database
    from worksession.workflows.demo import create_demo_session

    path = folder / "demo.sqlite3"
    db = open_database(path)
    try:
        title = create_demo_session(db=db, library=load_library()).title
    finally:
        db.close()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        (steps,) = connection.execute("SELECT programme_steps FROM work_session").fetchone()
    return path, title, [step["title"] for step in json.loads(steps)]


def _follow_up(folder: Path) -> tuple[Path, str, list[str]]:
    """A database with the demo signed off, progress on three of its agreements, and its
    follow-up session half a year later with a few cards of *Wat werkte, wat niet*."""
    from tests.following import signed_demo
    from worksession.programmes.library import load_library
    from worksession.storage.opening import open_database
    from worksession.storage.operations.lessons import add_lesson_card
    from worksession.workflows.following import prepare_follow_up

    path = folder / "follow-up.sqlite3"
    db = open_database(path)
    try:
        follow_up = prepare_follow_up(db=db, library=load_library(), session_id=signed_demo(db))
        for kind, obstacle, text in (
            ("worked", "vaste-contactpersonen", "Eén vast aanspreekpunt bij de gemeente"),
            ("hindered", "financiering", "Geen geld voor de beweegcoach na de zomer"),
        ):
            add_lesson_card(db=db, session_id=follow_up, kind=kind, obstacle=obstacle, text=text)
    finally:
        db.close()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        title, steps = connection.execute(
            "SELECT title, programme_steps FROM work_session WHERE id = ?", (follow_up,)
        ).fetchone()
    return path, title, [step["title"] for step in json.loads(steps)]


def _steady_shot(display: Display, path: Path, area: Rect) -> Path:
    """A screenshot once two in a row are the same: the window has painted the step."""
    previous = b""

    def steady() -> bool:
        nonlocal previous
        shot = display.screenshot(path, area).read_bytes()
        same, previous = shot == previous, shot
        return same

    wait_for(steady, f"{path.name} to stop changing", timeout=30)
    return path


def _maximise(display: Display, window: str, area: Rect) -> None:
    """As a coach does: a double click on the title bar (openbox maximises)."""
    frame = display.frame(window)
    inner = display.geometry(window)
    title_bar = frame.y + max((inner.y - frame.y) // 2, 1)
    display.run("xdotool", "mousemove", "--sync", str(frame.x + frame.width // 2), str(title_bar))
    display.run("xdotool", "click", "--repeat", "2", "--delay", "80", "1")
    wait_for(lambda: display.frame(window).width >= area.width - 2, "the window to be maximised")
    display.run("xdotool", "mousemove", str(area.right - 5), str(area.bottom - 5))


def _named(display: Display, window: str, pattern: str) -> Callable[[], bool]:
    return lambda: re.search(pattern, display.window_name(window)) is not None


def _step_through(
    app: App, window: str, steps: list[str], shot: Path, area: Rect, wait_presenter: bool
) -> list[Path]:
    written = []
    shot.mkdir(parents=True, exist_ok=True)
    presenter = app.window(PRESENTER) if wait_presenter else None
    for number, step in enumerate(steps):
        if number:
            app.display.key("ctrl+Next")
        wait_for(_named(app.display, window, f"^{re.escape(step)} — "), f"the step {step!r}")
        if presenter is not None:
            on_step = rf"— {re.escape(step)}( — Worksession)?$"
            wait_for(_named(app.display, presenter, on_step), f"the presenter on {step!r}")
        name = re.sub(r"[^a-z0-9]+", "-", step.lower()).strip("-")
        written.append(_steady_shot(app.display, shot / f"{number:02d}-{name}.png", area))
    return written


def _one_run(
    folder: Path, demo: tuple[Path, str, list[str]], home: Path, coach: Rect, beamer: Rect | None
) -> list[Path]:
    """The session window on the screen ``coach`` (unless the presenter covers it) and the
    presenter on ``beamer`` (when given), step by step."""
    database, title, steps = demo
    monitors = (coach,) if beamer is None or beamer is coach else (coach, beamer)
    written: list[Path] = []
    display = start_display(monitors)
    try:
        with running_app(display, database, home) as app:
            window = app.open_session(database, title)
            if beamer is not coach:
                _maximise(display, window, coach)
                size = f"{coach.width}x{coach.height}"
                written += _step_through(
                    app, window, steps, folder / f"session-{size}", coach, False
                )
            if beamer is not None:
                display.key("Home")  # the steps list has the keyboard: back to the first
                wait_for(
                    lambda: display.window_name(window).startswith(f"{steps[0]} — "),
                    "the first step",
                )
                display.key("F5")
                size = f"{beamer.width}x{beamer.height}"
                written += _step_through(
                    app, window, steps, folder / f"presenter-{size}", beamer, True
                )
    finally:
        display.stop()
    return written


def _invite_list_file(folder: Path) -> Path:
    """An organiser's invite list with one refused number, for the import report's screen."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Naam", "Voorletters", "Organisatie", "Functie", "Register", "BIG-nummer"])
    sheet.append(["Noor Bakker", "N.", "Huisartsenpraktijk Oost", "huisarts", "BIG", "09012345601"])
    sheet.append(["Sem de Wit", "S.", "Wijkteam Noord", "wijkverpleegkundige", "", ""])
    sheet.append(["Iris Jansen", "I.", "Apotheek West", "apotheker", "BIG", "6901234560"])
    path = folder / "genodigden.xlsx"
    workbook.save(path)
    return path


def _active_other(app: App, before: str | None, pattern: str) -> str:
    """A window other than ``before`` named like ``pattern`` has the keyboard: its id."""

    def active() -> str | None:
        app.alive()
        window = app.display.active_window()
        if (
            window
            and window != before
            and re.search(pattern, app.display.window_name_or_empty(window))
        ):
            return window
        return None

    return wait_for(active, f"a window named {pattern!r} to have the keyboard")


def _invite_screens(
    folder: Path, demo: tuple[Path, str, list[str]], home: Path, screen: Rect
) -> list[Path]:
    """Issue 19's screens of *Voorbereiding* on ``screen``: the invitation (Alt+T), the
    Exporteren menu (Alt+X) and the report of an invite list with a refused row (Alt+I),
    each reached by keyboard and closed again with Escape (the import writes nothing)."""
    database, title, _steps = demo
    shot = folder / f"invite-list-{screen.width}x{screen.height}"
    listed = _invite_list_file(home)
    written: list[Path] = []
    display = start_display((screen,))
    try:
        with running_app(display, database, home) as app:
            window = app.open_session(database, title)
            _maximise(display, window, screen)
            display.key("alt+t")
            _active_other(app, window, "^(Uitnodiging|Invitation) — ")
            written.append(_steady_shot(display, shot / "01-invitation.png", screen))
            display.key("Escape")
            _active_other(app, None, re.escape(f"— {title} —"))
            display.key("alt+x")
            written.append(_steady_shot(display, shot / "02-export-menu.png", screen))
            display.key("Escape", "Escape")
            display.key("alt+i")
            report = "^(Uitnodigingslijst importeren|Import invite list) — "
            chooser = _active_other(app, window, report)  # the file dialog, named the same
            display.type(str(listed))
            display.key("Return")
            _active_other(app, chooser, report)
            written.append(_steady_shot(display, shot / "03-import-report.png", screen))
            display.key("Escape")
            _active_other(app, None, re.escape(f"— {title} —"))
    finally:
        display.stop()
    return written


def take_all(folder: Path) -> list[Path]:
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch)
        for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
            os.environ[variable] = str(home / variable.lower())
        demo = _demo(home)
        # The laptop with a Full HD beamer, a Full HD screen, the laptop presenting alone.
        for number, (coach, beamer) in enumerate(
            [(LAPTOP, BEAMER), (FULL_HD, None), (LAPTOP, LAPTOP)]
        ):
            app_home = home / f"run-{number}"
            app_home.mkdir()
            written += _one_run(folder, demo, app_home, coach, beamer)
        # The invite list's dialogs and menu, on the laptop and on a Full HD screen.
        for number, screen in enumerate((LAPTOP, FULL_HD)):
            app_home = home / f"run-invite-{number}"
            app_home.mkdir()
            written += _invite_screens(folder, demo, app_home, screen)
        # Half a year later: the follow-up session on the laptop with the beamer beside it.
        app_home = home / "run-follow-up"
        app_home.mkdir()
        written += _one_run(folder / "follow-up", _follow_up(home), app_home, LAPTOP, BEAMER)
    return written


def main() -> int:
    missing = missing_tools(SCREENSHOT_TOOLS)
    if missing:
        print("screenshots need " + ", ".join(missing), file=sys.stderr)
        return 2
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "build/screenshots-real")
    for path in take_all(folder):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
