"""A fresh second laptop by keyboard alone on the 1280×720 screen: the empty start window
offers *Ophalen uit teamarchief* (Alt+A); without an archive set it says where to set one and
Enter opens Instellingen, with one set it opens the fetch dialog. Each screen is screenshot
(the PNGs stay in the test's folder to look at)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.realwindow.xsession import App, Launch, wait_for
from worksession.storage.opening import open_database

START = "^(Sessies|Sessions) — Worksession$"
NO_ARCHIVE = "^(Teamarchief|Team archive) — "
SETTINGS = "^(Instellingen|Settings) — "
FETCH = "^(Ophalen uit teamarchief|Fetch from the team archive) — "
# Nothing listens or routes here: the dialog keeps reading while it is looked at.
NOWHERE = (
    "postgresql+psycopg://coach@db.ggd-noord-west.example.org:5432/"
    "teamarchief_ggd_noord_west_werksessies?sslmode=require&application_name=werksessie"
)


def _fresh_laptop(launch: Launch, tmp_path: Path, archive: str) -> App:
    """The app on an empty database, its start window active and listing."""
    database = tmp_path / "leeg.sqlite3"
    open_database(database).close()
    home = tmp_path / "home"
    settings = home / "config" / "worksession" / "settings.json"
    settings.parent.mkdir(parents=True)
    if archive:
        settings.write_text(json.dumps({"team_archive": archive}), encoding="utf-8")
    app = launch("laptop", database, home)
    app.window(START)
    wait_for(lambda: app.has_open(database), "the start window to open the database")
    app.wait_active(START)
    return app


def test_without_an_archive_the_empty_start_window_says_where_to_set_it(
    launch: Launch, tmp_path: Path
) -> None:
    app = _fresh_laptop(launch, tmp_path, "")
    # At once: an Alt letter pressed as the window appears is not lost.
    app.display.key("alt+a")
    app.wait_active(NO_ARCHIVE)
    app.display.screenshot(tmp_path / "no-archive.png")
    app.display.key("Return")  # Instellingen…, the default
    app.wait_active(SETTINGS)
    app.display.screenshot(tmp_path / "settings.png")
    app.display.key("Escape")
    app.wait_active(START)
    app.alive()


def test_with_an_archive_the_empty_start_window_opens_the_fetch_dialog(
    launch: Launch, tmp_path: Path
) -> None:
    app = _fresh_laptop(launch, tmp_path, NOWHERE)
    app.display.key("alt+a")
    app.wait_active(FETCH)
    app.display.screenshot(tmp_path / "fetch-dialog.png")
    app.display.key("Escape")
    app.wait_active(START)
    app.display.screenshot(tmp_path / "empty-start.png")
    app.alive()
