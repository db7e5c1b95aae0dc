"""The window of the standalone build in a real X server (Xvfb, openbox; ``make dist-test``):
the start window, the source run's session found and opened with the keyboard, closed again."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

from tests.dist.programs import DEMO_TITLE, START_WINDOW, Failed, Smoke, bare_environment
from tests.realwindow.xsession import LAPTOP, App, missing_tools, start_display, wait_for


def run_window(smoke: Smoke, home: Path) -> None:
    """The window in Xvfb: the start window with the source run's session, as a coach sees it."""
    missing = missing_tools({"Xvfb": "xvfb", "openbox": "openbox", "xdotool": "xdotool",
                             "import": "imagemagick"})  # fmt: skip
    if missing:
        raise Failed("the window cannot be tested without " + ", ".join(missing))

    database = home / ".local" / "share" / "worksession" / "worksession.sqlite3"

    def window() -> str:
        display = start_display([LAPTOP])
        log_path = smoke.out / "window.log"
        try:
            environment = dict(bare_environment(home), DISPLAY=display.name)
            with log_path.open("wb") as log:
                process = subprocess.Popen(
                    [str(smoke.program("worksession"))],
                    env=environment, cwd=smoke.outside, stdout=log, stderr=subprocess.STDOUT,
                    start_new_session=True,
                )  # fmt: skip
            app = App(display, process, log_path, home)
            try:
                started = time.monotonic()
                app.window(START_WINDOW, timeout=60)
                opened = time.monotonic() - started
                # The source run's session, found and opened from the list with the keyboard.
                app.open_session(database, DEMO_TITLE)
                display.screenshot(smoke.out / "session-window.png", LAPTOP)
                display.key("alt+F4")  # openbox closes the session window; the list is back
                app.wait_active(START_WINDOW)
                wait_for(lambda: app.gone(re.escape(f"— {DEMO_TITLE} —")), "the session to close")
                shot = display.screenshot(smoke.out / "start-window.png", LAPTOP)
            finally:
                app.stop()
        except AssertionError as failure:
            log = log_path.read_text(errors="replace") if log_path.exists() else ""
            raise Failed(f"{failure}\n{log}") from failure
        finally:
            display.stop()
        return f": start window after {opened:.1f} s, the session opened and closed; {shot}"

    smoke.check("the window opens in Xvfb and opens the source run's session", window)
