"""The conflict with the team archive, decided by keyboard alone in a real window.

The coach publishes a session that a colleague changed in the team archive meanwhile (the
archive is a database on the throwaway PostgreSQL server). The question appears on the 1280×720
laptop with Annuleren as the default: Enter changes nothing; Alt+B keeps both, the laptop's
version beside the colleague's in the archive. Nothing is ever overwritten by a stray key.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres_server import PostgresServer
from tests.realwindow.xsession import App, Launch, wait_for
from worksession.storage.opening import open_database
from worksession.storage.operations.sessions import list_sessions, update_session
from worksession.workflows.team_archive import fetch, publish

QUESTION = "^(Aan beide kanten gewijzigd|Changed on both sides) — "


@pytest.fixture
def archive(postgres_server: PostgresServer) -> Iterator[str]:
    url = postgres_server.new_database()
    yield url
    postgres_server.drop(url)


def _archived(archive: str) -> list[tuple[str, str]]:
    """The archive's sessions as (title, gemeente), read on the server."""
    return [(title, gemeente) for title, gemeente, _wijk in _archived_rows(archive)]


def _archived_rows(archive: str) -> list[tuple[str, str, str]]:
    """The archive's sessions as (title, gemeente, wijk), read on the server."""
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(archive)
    with psycopg.connect(
        host=url.query["host"], user=url.username, dbname=url.database
    ) as connection:
        rows = connection.execute("SELECT title, gemeente, wijk FROM work_session ORDER BY id")
        return [(str(title), str(gemeente), str(wijk)) for title, gemeente, wijk in rows]


def _in_conflict(database: Path, archive: str, elsewhere: Path) -> None:
    """Published from this laptop, changed in the archive by a colleague, changed here too."""
    laptop = open_database(database)
    colleague = open_database(elsewhere)
    try:
        (mine,) = list_sessions(db=laptop)
        assert mine.id is not None
        publish(db=laptop, session_id=mine.id, archive=archive)
        fetch(db=colleague, archive=archive)
        (theirs,) = list_sessions(db=colleague)
        assert theirs.id is not None
        update_session(db=colleague, session_id=theirs.id, gemeente="Kerkrade-Oost")
        publish(db=colleague, session_id=theirs.id, archive=archive)
        update_session(db=laptop, session_id=mine.id, wijk="Kaalheide-Noord")
    finally:
        laptop.close()
        colleague.close()


def _with_archive(tmp_path: Path, archive: str) -> Path:
    """The app's own folders, its settings naming the team archive."""
    home = tmp_path / "home"
    settings = home / "config" / "worksession" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"team_archive": archive}), encoding="utf-8")
    return home


def _publish_by_keys(app: App) -> str:
    """Exporteren (Alt+X), its last entry (Publiceren naar teamarchief), Enter; the question."""
    app.display.key("alt+x")
    app.display.key("Up", "Return")
    return app.wait_active(QUESTION)


def test_the_conflict_is_decided_by_keyboard_alone(
    launch: Launch, demo_database: tuple[Path, str], archive: str, tmp_path: Path
) -> None:
    database, title = demo_database
    _in_conflict(database, archive, tmp_path / "colleague.sqlite3")
    before = _archived(archive)
    assert before == [(title, "Kerkrade-Oost")]
    app = launch("laptop", database, _with_archive(tmp_path, archive))
    session = app.open_session(database, title)

    _publish_by_keys(app)
    app.display.screenshot(tmp_path / "conflict-question.png")
    app.display.key("Return")  # the default: Annuleren
    wait_for(lambda: app.display.active_window() == session, "the session window again")
    assert app.gone(QUESTION)
    assert _archived(archive) == before  # nothing published, nothing overwritten

    _publish_by_keys(app)
    app.display.key("alt+b")  # Beide bewaren (als kopie)
    wait_for(lambda: len(_archived(archive)) == 2, "the laptop's version beside theirs")
    assert (title, "Kerkrade-Oost") in _archived(archive)  # the colleague's, untouched
    app.alive()


def test_escape_cancels_and_alt_o_overwrites_after_a_backup(
    launch: Launch, demo_database: tuple[Path, str], archive: str, tmp_path: Path
) -> None:
    database, title = demo_database
    _in_conflict(database, archive, tmp_path / "colleague.sqlite3")
    before = _archived_rows(archive)
    home = _with_archive(tmp_path, archive)
    app = launch("laptop", database, home)
    session = app.open_session(database, title)

    _publish_by_keys(app)
    app.display.key("Escape")
    wait_for(lambda: app.display.active_window() == session, "the session window again")
    assert _archived_rows(archive) == before

    _publish_by_keys(app)
    app.display.key("alt+o")  # Overschrijven (na een back-up)
    wait_for(
        lambda: _archived_rows(archive) == [(title, "Kerkrade", "Kaalheide-Noord")],
        "the laptop's version in the archive",
    )
    backups = home / "data" / "worksession" / "backups"
    assert list(backups.glob("*archive-before-publish*")), "the archive's version backed up"
    app.alive()
