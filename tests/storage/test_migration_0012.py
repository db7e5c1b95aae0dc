"""0012 gives every existing session an identity of its own and revision 1, adds the sync
records, and can be undone: on SQLite and on PostgreSQL, the sessions' records stay."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from tests.postgres_server import PostgresServer
from worksession.storage import opening
from worksession.storage.engine import create_db_engine, to_url


def _previous() -> str:
    script = ScriptDirectory.from_config(opening.alembic_config())
    down = script.get_revision("0012").down_revision
    assert isinstance(down, str)
    return down


SESSION = (
    "INSERT INTO work_session (id, title, wijk, gemeente, location, coach, variant, accredited, "
    "programme, programme_steps, ambition, status, created_at, updated_at, accreditation_id) "
    "VALUES (:id, 'Kaalheide', '', '', '', '', 'toolkit', false, 'p', '[]', '', 'draft', "
    "'2026-11-30 10:00:00', '2026-11-30 10:00:00', '')"
)
PARTICIPANT = (
    "INSERT INTO participant (session_id, key, position, name, organisation, role, domain, "
    "email, present, registration, registration_type, initials, invitation) "
    "VALUES (:id, 'p-an', 0, 'An', '', '', '', '', true, '', '', '', 'invited')"
)


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield to_url(tmp_path / "db.sqlite3")
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    made = server.empty_database()
    yield made
    server.drop(made)


def _migrate(url: str, revision: str, *, down: bool = False) -> None:
    engine = create_db_engine(url)
    config = opening.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)
    engine.dispose()


def _run(url: str, sql: str, **values: object) -> list[tuple[object, ...]]:
    engine = create_db_engine(url)
    try:
        with engine.begin() as connection:
            result = connection.execute(text(sql), values)
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


def _columns(connection: Connection, table: str) -> set[str]:
    return {column["name"] for column in inspect(connection).get_columns(table)}


def test_existing_sessions_get_an_identity_each_and_it_can_be_undone(url: str) -> None:
    _migrate(url, _previous())
    for session_id in (1, 2):
        _run(url, SESSION, id=session_id)
        _run(url, PARTICIPANT, id=session_id)
    _migrate(url, "0012")
    rows = _run(url, "SELECT uuid, revision, changed_by, last_change FROM work_session")
    uuids = {row[0] for row in rows}
    assert len(uuids) == 2 and all(isinstance(u, str) and len(u) == 36 for u in uuids)
    assert {row[1:] for row in rows} == {(1, "", "")}
    with pytest.raises(IntegrityError):
        _run(url, "UPDATE work_session SET uuid = (SELECT uuid FROM work_session WHERE id = 1)")
    with pytest.raises(IntegrityError):
        _run(url, "UPDATE work_session SET revision = 0 WHERE id = 1")
    _run(url, "INSERT INTO sync_state VALUES ('a', 'u', 1, 1, '2026-11-30 10:00:00')")
    _migrate(url, _previous(), down=True)
    engine = create_db_engine(url)
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            assert not {"sync_state", "waiting_publish"} & tables
            assert not {"uuid", "revision", "changed_by", "last_change"} & _columns(
                connection, "work_session"
            )
    finally:
        engine.dispose()
    assert _run(url, "SELECT count(*) FROM participant") == [(2,)]
    _migrate(url, "0012")  # and up again: fresh identities
    assert len({row[0] for row in _run(url, "SELECT uuid FROM work_session")}) == 2
