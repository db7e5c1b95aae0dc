"""Migration 0013 gives the progress log's and the follow-up origin's times their zone on
PostgreSQL, keeping each stored time's instant (they were written in UTC), and can be undone.
On SQLite it changes nothing and keeps every value."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from tests.postgres_server import PostgresServer
from tests.storage.migrating import migrate
from worksession.storage import opening
from worksession.storage.engine import to_url

SESSION = (
    "INSERT INTO work_session (id, title, wijk, gemeente, location, coach, variant, accredited, "
    "programme, programme_steps, ambition, status, created_at, updated_at, accreditation_id) "
    "VALUES (1, 'Kaalheide', '', '', '', '', 'toolkit', FALSE, 'p', '[]', '', 'draft', "
    "'2026-11-30 10:00:00+00', '2026-11-30 10:00:00+00', '')"
)
# As 0006 and 0007 left them: the UTC wall-clock time, without a zone.
PROGRESS = (
    "INSERT INTO agreement_progress (session_id, agreement_key, status, date, note, reported_by, "
    "recorded_at) VALUES (1, 'a-1', 'open', '2026-05-04', '', '', '2026-05-04 09:15:00')"
)
ORIGIN = (
    "INSERT INTO session_origin (session_id, title, version, fingerprint, snapshot, created_at) "
    "VALUES (1, 'Kaalheide', 1, 'f', '{}', '2026-03-20 16:00:00')"
)
READ = (
    "SELECT (SELECT recorded_at FROM agreement_progress), (SELECT created_at FROM session_origin)"
)
RECORDED = dt.datetime(2026, 5, 4, 9, 15, tzinfo=dt.UTC)
CREATED = dt.datetime(2026, 3, 20, 16, 0, tzinfo=dt.UTC)


def _previous() -> str:
    """The revision 0013 follows."""
    script = ScriptDirectory.from_config(opening.alembic_config())
    down = script.get_revision("0013").down_revision
    assert isinstance(down, str)
    return down


@pytest.fixture
def empty_url(engine_name: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A database without tables: an SQLite file, or a database on the test server whose own
    clock is Dutch time (so a conversion by the connection's zone would show)."""
    if engine_name == "sqlite":
        yield to_url(tmp_path / "db.sqlite3")
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.empty_database()
    admin = create_engine(url)
    with admin.begin() as connection:
        name = admin.url.database
        connection.exec_driver_sql(f"ALTER DATABASE {name} SET timezone = 'Europe/Amsterdam'")
    admin.dispose()
    yield url
    server.drop(url)


def _read(url: str) -> tuple[object, object]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            recorded, created = connection.execute(text(READ)).one()
    finally:
        engine.dispose()
    return recorded, created


def _types(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT data_type FROM information_schema.columns WHERE "
                    "(table_name, column_name) IN (('agreement_progress', 'recorded_at'), "
                    "('session_origin', 'created_at'))"
                )
            )
            return {str(kind) for (kind,) in rows}
    finally:
        engine.dispose()


def test_stored_times_keep_their_instant_up_and_down(empty_url: str) -> None:
    migrate(empty_url, _previous())
    engine = create_engine(empty_url)
    with engine.begin() as connection:
        for statement in (SESSION, PROGRESS, ORIGIN):
            connection.execute(text(statement))
    engine.dispose()
    on_server = not empty_url.startswith("sqlite")
    if on_server:
        assert _types(empty_url) == {"timestamp without time zone"}
    before = _read(empty_url)

    migrate(empty_url, "0013")
    if on_server:
        assert _types(empty_url) == {"timestamp with time zone"}
        # Read under the Dutch clock: shown in Dutch time, the same instants as written.
        assert _read(empty_url) == (RECORDED, CREATED)
    else:
        assert _read(empty_url) == before  # SQLite: nothing changed

    migrate(empty_url, _previous(), down=True)
    assert _read(empty_url) == before
    if on_server:
        assert _types(empty_url) == {"timestamp without time zone"}
        assert before == (RECORDED.replace(tzinfo=None), CREATED.replace(tzinfo=None))
