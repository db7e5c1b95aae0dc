"""Opening a PostgreSQL database: what cannot be used is one line, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from tests.postgres_server import SUPERUSER, PostgresServer
from worksession.cli import main
from worksession.i18n import set_language
from worksession.storage.errors import DatabaseRefused, StorageError
from worksession.storage.opening import open_database


def _cli_error(capsys: pytest.CaptureFixture[str], url: str) -> str:
    set_language("en")
    assert main(["--db", url, "list"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err
    return err


def test_a_server_out_of_reach_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql://{SUPERUSER}@/team?host={tmp_path}"  # no server listens there
    err = _cli_error(capsys, url)
    assert err.startswith("worksession: cannot connect to the PostgreSQL server for ")
    assert "No such file or directory" in err


def test_an_unknown_role_or_database_is_named(
    postgres_server: PostgresServer, capsys: pytest.CaptureFixture[str]
) -> None:
    host = postgres_server.folder
    assert 'role "onbekend" does not exist' in _cli_error(
        capsys, f"postgresql://onbekend@/postgres?host={host}"
    )
    assert 'database "geen_archief" does not exist' in _cli_error(
        capsys, f"postgresql://{SUPERUSER}@/geen_archief?host={host}"
    )


def test_another_applications_database_is_refused_untouched(
    postgres_server: PostgresServer,
) -> None:
    set_language("en")
    url = postgres_server.empty_database()
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE invoices (id integer)"))
        with pytest.raises(DatabaseRefused, match="holds tables of another application"):
            open_database(url)
        with engine.connect() as connection:
            assert inspect(connection).get_table_names() == ["invoices"]
    finally:
        engine.dispose()
        postgres_server.drop(url)


def test_an_empty_database_gets_the_schema_and_a_bare_url_uses_psycopg(
    postgres_server: PostgresServer,
) -> None:
    url = postgres_server.empty_database()
    bare = url.replace("postgresql+psycopg://", "postgresql://")
    db = open_database(bare)
    try:
        assert db.engine.dialect.driver == "psycopg"
        with db.reading() as s:
            assert s.connection().execute(text("SELECT count(*) FROM work_session")).scalar() == 0
    finally:
        db.close()
        postgres_server.drop(url)


def test_errors_are_storage_errors(tmp_path: Path) -> None:
    with pytest.raises(StorageError):
        open_database(f"postgresql://{SUPERUSER}@/team?host={tmp_path}")
