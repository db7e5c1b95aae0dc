"""Opening a database: created with our pragmas, migrated with a backup, foreign files refused."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel, text

from worksession.storage import opening
from worksession.storage.engine import create_db_engine, to_url
from worksession.storage.errors import DatabaseRefused
from worksession.storage.identity import APPLICATION_ID
from worksession.storage.opening import open_database
from worksession.storage.operations.sessions import create_session, list_sessions
from worksession.storage.revisions import HEAD_REVISION, KNOWN_REVISIONS


def _fingerprint(path: Path) -> tuple[str, list[str]]:
    siblings = sorted(p.name for p in path.parent.iterdir())
    return hashlib.sha256(path.read_bytes()).hexdigest(), siblings


def test_a_new_database_gets_the_schema_and_our_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite3")
    with db.reading() as s:
        assert s.exec(text("PRAGMA journal_mode")).one()[0] == "wal"
        assert s.exec(text("PRAGMA foreign_keys")).one()[0] == 1
        assert s.exec(text("PRAGMA synchronous")).one()[0] == 2  # FULL
        assert s.exec(text("PRAGMA application_id")).one()[0] == APPLICATION_ID
        assert s.exec(text("SELECT version_num FROM alembic_version")).one()[0] == HEAD_REVISION
    db.close()


def test_the_migrations_build_exactly_the_tables_the_models_declare(tmp_path: Path) -> None:
    # Every migration in order, as an older database goes (a new one is made from the models).
    engine = create_db_engine(to_url(tmp_path / "schema.sqlite3"))
    opening.run_migrations(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": _made_on_sqlite})
        differences = compare_metadata(context, SQLModel.metadata)
    engine.dispose()
    assert differences == []


def _made_on_sqlite(
    obj: object, _name: object, _type: object, _reflected: object, _to: object
) -> bool:
    """A constraint the models declare for another engine only (``ddl_if``, the session's team
    on a server) is made neither from the models nor by the migrations on SQLite."""
    condition = getattr(obj, "_ddl_if", None)
    return condition is None or condition.dialect in (None, "sqlite")


def test_a_reopened_database_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "keep.sqlite3"
    db = open_database(path)
    create_session(db=db, title="Werksessie Kaalheide")
    db.close()
    db = open_database(path)
    assert [s.title for s in list_sessions(db=db)] == ["Werksessie Kaalheide"]
    db.close()


def test_an_empty_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.write_bytes(b"")
    before = _fingerprint(path)
    with pytest.raises(DatabaseRefused, match=r"leeg bestand|empty file"):
        open_database(path)
    assert _fingerprint(path) == before


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("Dit is een notitie, geen database.\n" * 50, encoding="utf-8")
    before = _fingerprint(path)
    with pytest.raises(DatabaseRefused, match="SQLite"):
        open_database(path)
    assert _fingerprint(path) == before


def test_an_sqlite_file_of_another_application_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.execute("INSERT INTO contacts VALUES ('Anna')")
    connection.commit()
    connection.close()
    before = _fingerprint(path)
    with pytest.raises(DatabaseRefused, match="worksession"):
        open_database(path)
    assert _fingerprint(path) == before


def test_a_database_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    open_database(path).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    before = _fingerprint(path)
    with pytest.raises(DatabaseRefused, match="9999"):
        open_database(path)
    assert _fingerprint(path) == before


def test_a_fresh_empty_sqlite_file_is_taken_into_use(tmp_path: Path) -> None:
    path = tmp_path / "blank.sqlite3"
    sqlite3.connect(path).execute("PRAGMA user_version = 0").connection.close()
    db = open_database(path)
    assert list_sessions(db=db) == []
    db.close()


NEXT_MIGRATION = '''"""Test-only migration: sessions get a colour."""
from alembic import op
import sqlalchemy as sa

revision = "0002_test"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("work_session") as batch:
        batch.add_column(sa.Column("colour", sa.String(), nullable=False, server_default="blue"))


def downgrade() -> None:
    with op.batch_alter_table("work_session") as batch:
        batch.drop_column("colour")
'''


def test_an_older_database_is_backed_up_then_migrated_with_its_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite3"
    db = open_database(path)
    session = create_session(db=db, title="Voor de migratie")
    db.close()

    previous_head = HEAD_REVISION
    migrations = tmp_path / "migrations"
    shutil.copytree(opening.MIGRATIONS, migrations)
    (migrations / "versions" / "0002_test.py").write_text(
        NEXT_MIGRATION.format(head=HEAD_REVISION), encoding="utf-8"
    )
    monkeypatch.setattr(opening, "MIGRATIONS", migrations)
    monkeypatch.setattr(opening, "KNOWN_REVISIONS", (*KNOWN_REVISIONS, "0002_test"))
    monkeypatch.setattr(opening, "HEAD_REVISION", "0002_test")

    backups = tmp_path / "backups"
    db = open_database(path, backup_dir=backups)
    with db.reading() as s:
        row = s.exec(text("SELECT title, colour FROM work_session")).one()
        assert tuple(row) == ("Voor de migratie", "blue")
        assert s.exec(text("SELECT version_num FROM alembic_version")).one()[0] == "0002_test"
        # Batch mode copies tables; the casus row of the session must survive that.
        assert s.exec(text("SELECT count(*) FROM casus")).one()[0] == 1
    db.close()

    (backup,) = backups.iterdir()
    assert "before-migration" in backup.name
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone()[0] == previous_head
    assert copy.execute("SELECT id FROM work_session").fetchone()[0] == session.id
    copy.close()


def test_a_database_of_the_first_schema_is_upgraded_to_the_current_one(tmp_path: Path) -> None:
    """The real migrations in order, from the very first schema, on a database with data."""
    path = tmp_path / "first.sqlite3"
    engine = create_db_engine(to_url(path))
    config = opening.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.exec_driver_sql(
            "INSERT INTO work_session (title, wijk, gemeente, location, coach, variant, "
            "accredited, programme, ambition, status, created_at, updated_at) VALUES "
            "('Oud', '', '', '', '', 'toolkit', 0, 'samenwerken-in-de-wijk', '', 'draft', "
            "'2026-01-01 10:00:00', '2026-01-01 10:00:00')"
        )
    engine.dispose()

    db = open_database(path, backup_dir=tmp_path / "backups")
    (session,) = list_sessions(db=db)
    assert (session.title, session.programme_steps) == ("Oud", "[]")
    db.close()
    assert len(list((tmp_path / "backups").iterdir())) == 1


def test_the_known_revisions_are_the_migration_scripts_in_order() -> None:
    """Opening checks revisions without Alembic; this list must follow the scripts."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(opening.alembic_config())
    in_order = [revision.revision for revision in script.walk_revisions()][::-1]
    assert tuple(in_order) == KNOWN_REVISIONS
    assert script.get_current_head() == HEAD_REVISION
