"""Migration 0015 adds the archive's content fingerprint to the laptop's sync records on both
engines; a record from before keeps its revisions (with no fingerprint), and undone the column
goes again."""

from __future__ import annotations

from sqlalchemy import inspect, text

from tests.storage.migrating import migrate
from worksession.storage.engine import create_db_engine, to_url

SYNC = (
    "INSERT INTO sync_state (archive, session_uuid, local_revision, archive_revision, synced_at) "
    "VALUES ('postgresql://coach@db/teamarchief', 'a7dfa65e-0aa8-4700-bf6f-90b21b88fc98', 3, 5, "
    "'2026-11-30 10:00:00+00:00')"
)


def _columns(where: str) -> set[str]:
    engine = create_db_engine(to_url(where))
    try:
        with engine.connect() as connection:
            return {column["name"] for column in inspect(connection).get_columns("sync_state")}
    finally:
        engine.dispose()


def _rows(where: str) -> list[tuple[object, ...]]:
    engine = create_db_engine(to_url(where))
    try:
        with engine.connect() as connection:
            found = connection.execute(text("SELECT * FROM sync_state"))
            return [tuple(row) for row in found.mappings().all()[0].items()]
    finally:
        engine.dispose()


def test_the_fingerprint_comes_and_goes_and_the_records_stay(database_url: str) -> None:
    migrate(database_url, "0014")
    engine = create_db_engine(to_url(database_url))
    with engine.begin() as connection:
        connection.execute(text(SYNC))
    engine.dispose()

    migrate(database_url, "0015")
    assert "archive_digest" in _columns(database_url)
    after = dict(_rows(database_url))
    assert (after["local_revision"], after["archive_revision"], after["archive_digest"]) == (
        3,
        5,
        "",
    )

    migrate(database_url, "0014", down=True)
    assert "archive_digest" not in _columns(database_url)
    assert dict(_rows(database_url))["archive_revision"] == 5
