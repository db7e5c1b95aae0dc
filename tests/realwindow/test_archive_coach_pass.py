"""A coach's pass over the team archive in a real window, by keyboard alone on the 1280×720
laptop: the archive set in Instellingen, a session published from its window, fetched in the
start window on a second laptop, and the archive out of reach while the window stays usable.
Each dialog is screenshot (the PNGs stay in the test's folder to look at)."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres_server import PostgresServer
from tests.realwindow.xsession import App, Launch, wait_for
from tests.team_roles import connect
from worksession.storage.opening import open_database
from worksession.storage.operations.sessions import list_sessions

SETTINGS = "^(Instellingen|Settings) — "
FETCH = "^(Ophalen uit teamarchief|Fetch from the team archive) — "
SHORTCUTS = "^(Sneltoetsen|Keyboard shortcuts)"


@pytest.fixture
def archive(postgres_server: PostgresServer) -> Iterator[str]:
    url = postgres_server.new_database()
    open_database(url).close()
    yield url
    postgres_server.drop(url)


def _archived(archive: str) -> list[tuple[object, ...]]:
    with connect(archive) as connection:
        return list(connection.execute("SELECT uuid, revision FROM work_session").fetchall())


def _home(tmp_path: Path, name: str, archive: str = "") -> Path:
    home = tmp_path / name
    settings = home / "config" / "worksession" / "settings.json"
    settings.parent.mkdir(parents=True)
    if archive:
        settings.write_text(json.dumps({"team_archive": archive}), encoding="utf-8")
    return home


def _stored_archive(home: Path) -> str:
    settings = home / "config" / "worksession" / "settings.json"
    if not settings.exists():
        return ""
    return str(json.loads(settings.read_text(encoding="utf-8")).get("team_archive", ""))


def _visible(app: App) -> int:
    """How many windows of the app are shown, popup menus included."""
    done = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", str(app.pid), "--class", "."],
        env=app.display.env(),
        capture_output=True,
        text=True,
        check=False,
    )
    return len(done.stdout.split())


def _menu_entry(app: App, menu_key: str, keys: list[str]) -> None:
    """Open a menu with its Alt letter (asked again until its popup shows: the menu bar of a
    window just shown may not take Alt yet), then walk it with ``keys``."""
    before = _visible(app)

    def opened() -> bool:
        app.display.key(menu_key)
        try:
            wait_for(lambda: _visible(app) > before, "the menu", timeout=1)
        except AssertionError:
            return False
        return True

    wait_for(opened, f"the menu of {menu_key}")
    app.display.key(*keys)


def _still_answers(app: App, window: str) -> None:
    """The window answers the keyboard: its shortcut list (F1) opens and closes."""
    app.display.key("F1")
    app.wait_active(SHORTCUTS, timeout=5)
    app.display.key("Escape")
    wait_for(lambda: app.display.active_window() == window, "the window again")


def _publish(app: App) -> None:
    """Exporteren (Alt+X), its last entry (Publiceren naar teamarchief), Enter."""
    app.display.key("alt+x")
    app.display.key("Up", "Return")


def test_a_coach_sets_the_archive_publishes_and_a_second_laptop_fetches(
    launch: Launch, demo_database: tuple[Path, str], archive: str, tmp_path: Path
) -> None:
    database, title = demo_database
    home = _home(tmp_path, "first")
    app = launch("laptop", database, home)
    app.window("^(Sessies|Sessions) — Worksession$")
    wait_for(lambda: app.has_open(database), "the start window to open the database")
    app.wait_active("^(Sessies|Sessions) — Worksession$")
    app.display.key("ctrl+comma")  # Instellingen
    try:
        app.wait_active(SETTINGS)
    except Exception:
        app.display.screenshot(tmp_path / "debug.png")
        print("ACTIVE", app.active_name())
        raise
    app.display.key("alt+t")
    app.display.type(archive)
    app.display.screenshot(tmp_path / "settings-archive.png")
    app.display.key("Return")
    wait_for(lambda: _stored_archive(home) == archive, "the archive in the settings")
    assert app.gone(SETTINGS)

    app.open_session(database, title)
    _publish(app)
    wait_for(lambda: len(_archived(archive)) == 1, "the session in the archive")
    app.display.screenshot(tmp_path / "published.png")
    _publish(app)  # twice: nothing changes
    app.alive()
    assert [row[1] for row in _archived(archive)] == [1]
    app.stop()

    second = tmp_path / "second.sqlite3"
    open_database(second).close()
    other = launch("laptop", second, _home(tmp_path, "second", archive))
    other.window("^(Sessies|Sessions) — Worksession$")
    wait_for(lambda: other.has_open(second), "the second laptop's database")
    other.wait_active("^(Sessies|Sessions) — Worksession$")
    # Sessie (Alt+S), six up from the end: Ophalen uit teamarchief… The menu bar of a window
    # just shown may not take Alt yet: asked again until the dialog is there.
    _menu_entry(other, "alt+s", [*(["Up"] * 6), "Return"])
    other.wait_active(FETCH)
    other.display.screenshot(tmp_path / "fetch-dialog.png")

    def fetched() -> bool:
        db = open_database(second)
        try:
            return [s.title for s in list_sessions(db=db)] == [title]
        finally:
            db.close()

    def fetch_pressed() -> bool:
        # &Ophalen is enabled once the archive's sessions are read (in the background).
        if re.match(FETCH, other.active_name()):
            other.display.key("alt+o")
        return fetched()

    wait_for(fetch_pressed, "the session on the second laptop")
    other.display.screenshot(tmp_path / "fetched.png")
    other.alive()


def test_the_archive_out_of_reach_leaves_the_window_usable_and_says_what_waits(
    launch: Launch, demo_database: tuple[Path, str], tmp_path: Path
) -> None:
    database, title = demo_database
    # A server that never answers: an address nothing listens on and nothing routes to.
    nowhere = "postgresql+psycopg://coach@10.255.255.1:5432/teamarchief"
    app = launch("laptop", database, _home(tmp_path, "offline", nowhere))
    session = app.open_session(database, title)
    _publish(app)
    # While the archive is tried, the window still answers the keyboard: its shortcut list
    # opens and closes.
    _still_answers(app, session)

    def noted() -> bool:
        db = open_database(database)
        try:
            from worksession.workflows.team_archive import waiting

            return len(waiting(db=db)) == 1
        finally:
            db.close()

    wait_for(noted, "the session noted as waiting", timeout=40)
    _still_answers(app, session)  # and has said so by now
    app.display.screenshot(tmp_path / "waiting.png")
    app.alive()


def test_publishing_while_typing_publishes_what_was_typed(
    launch: Launch, demo_database: tuple[Path, str], archive: str, tmp_path: Path
) -> None:
    database, title = demo_database
    app = launch("laptop", database, _home(tmp_path, "typing", archive))
    app.open_session(database, title)
    # The Coach field of the preparation page (it has no Alt letter: the one mouse step here).
    app.display.click(455, 255)
    app.display.key("ctrl+a")
    app.display.type("Getypt Vlak Voor Publiceren")
    _publish(app)  # at once, before the pause that stores typing

    def coach() -> object:
        rows = _rows_coach(archive)
        return rows[0] if rows else None

    wait_for(lambda: coach() is not None, "the session in the archive")
    app.display.screenshot(tmp_path / "typed-published.png")
    assert coach() == "Getypt Vlak Voor Publiceren"
    app.alive()


def _rows_coach(archive: str) -> list[object]:
    with connect(archive) as connection:
        return [row[0] for row in connection.execute("SELECT coach FROM work_session")]
