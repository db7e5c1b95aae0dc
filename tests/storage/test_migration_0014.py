"""Migration 0014 adds the teams on both engines, and on PostgreSQL the row-level security;
undone, both go again, and the sessions with everything in them stay."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory

from tests.postgres_server import PostgresServer
from tests.storage.migrating import migrate, tables
from tests.team_roles import connect
from worksession.storage import opening
from worksession.storage.engine import create_db_engine


def _previous() -> str:
    """The revision 0014 follows (the migrations of other work may come between)."""
    script = ScriptDirectory.from_config(opening.alembic_config())
    down = script.get_revision("0014").down_revision
    assert isinstance(down, str)
    return down


SESSION = (
    "INSERT INTO work_session (id, title, wijk, gemeente, location, coach, variant, accredited, "
    "programme, programme_steps, ambition, accreditation_id, status, created_at, updated_at) "
    "VALUES (1, 'Kaalheide', '', '', '', '', 'toolkit', 0, 'p', '[]', '', '', 'draft', "
    "'2026-11-30 10:00:00', '2026-11-30 10:00:00')"
)
INSIGHT = "INSERT INTO insight (session_id, position, text) VALUES (1, 0, 'Veel eenzaamheid')"


def _columns(path: Path, table: str) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def test_the_teams_come_and_go_on_sqlite_and_the_sessions_stay(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    migrate(path, _previous())
    with sqlite3.connect(path) as connection:
        connection.execute(SESSION)
        connection.execute(INSIGHT)
    migrate(path, "0014")
    assert {"team", "team_member"} <= tables(path)
    assert "team_id" in _columns(path, "work_session")
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT id, team_id FROM work_session").fetchall() == [(1, None)]
        assert connection.execute("SELECT count(*) FROM insight").fetchone() == (1,)
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("INSERT INTO team (id, name) VALUES (1, 'GGD Noord')")
        connection.execute("INSERT INTO team_member VALUES (1, 'anna')")
        connection.execute("DELETE FROM team")
        assert connection.execute("SELECT count(*) FROM team_member").fetchone() == (0,)
    migrate(path, _previous(), down=True)
    assert not {"team", "team_member"} & tables(path)
    assert "team_id" not in _columns(path, "work_session")
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM insight").fetchone() == (1,)


def _security(url: str) -> tuple[int, int, int]:
    """(tables with row-level security, policies, functions) in the database's schema."""
    with connect(url) as connection:
        row = connection.execute(
            "SELECT (SELECT count(*) FROM pg_class WHERE relrowsecurity "
            "AND relnamespace = current_schema()::regnamespace), "
            "(SELECT count(*) FROM pg_policies WHERE schemaname = current_schema()), "
            "(SELECT count(*) FROM pg_proc WHERE pronamespace = current_schema()::regnamespace)"
        ).fetchone()
    assert row is not None
    return (int(str(row[0])), int(str(row[1])), int(str(row[2])))


def _move(url: str, revision: str, *, down: bool = False) -> None:
    engine = create_db_engine(url)
    config = opening.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)
    engine.dispose()


def test_the_row_security_comes_and_goes_on_postgresql(postgres_server: PostgresServer) -> None:
    url = postgres_server.new_database()
    try:
        secured, policies, functions = _security(url)
        assert secured == policies > 30 and functions == 1
        with connect(url) as owner:
            owner.execute(SESSION.replace("0, 'p'", "false, 'p'"))
            owner.execute(INSIGHT)
        _move(url, _previous(), down=True)
        assert _security(url) == (0, 0, 0)
        with connect(url) as owner:
            assert owner.execute("SELECT count(*) FROM insight").fetchone() == (1,)
            assert owner.execute(
                "SELECT count(*) FROM pg_class WHERE relname IN ('team', 'team_member')"
            ).fetchone() == (0,)
        _move(url, "0014")
        assert _security(url) == (secured, policies, functions)
    finally:
        postgres_server.drop(url)
