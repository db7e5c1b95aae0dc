"""A new database made from the models holds the schema every migration in order builds."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from worksession.storage import opening
from worksession.storage.engine import create_db_engine, to_url
from worksession.storage.opening import open_database

# The clauses of a CREATE TABLE after its columns; the models and the batch migrations that
# copied a table list them in another order. Columns are compared by name and definition, not
# position: columns a migration added to work_session (programme_steps, start_time) come last
# there and in the models' order in a new database. All SQL of the app names its columns.
_TABLE_CLAUSES = ("PRIMARY KEY", "CONSTRAINT", "FOREIGN KEY", "UNIQUE", "CHECK")

SchemaRow = tuple[str, str, str, object]


def _schema(path: Path) -> list[SchemaRow]:
    """sqlite_master by name, each table as its column definitions and its clauses."""
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return sorted((kind, name, table, _shape(kind, sql)) for kind, name, table, sql in rows)


def _shape(kind: str, sql: str | None) -> object:
    if kind != "table" or sql is None:
        return sql
    head, _bracket, body = sql.rstrip().partition(" (\n")
    elements = _top_level(body.rstrip().removesuffix(")"))
    columns = sorted(e for e in elements if not e.startswith(_TABLE_CLAUSES))
    clauses = sorted(e for e in elements if e.startswith(_TABLE_CLAUSES))
    return head, columns, clauses


def _top_level(body: str) -> list[str]:
    """The comma-separated elements of a table's body (a column added later by ALTER TABLE
    follows the one before it on the same line)."""
    elements, depth, current = [], 0, ""
    for character in body:
        depth += {"(": 1, ")": -1}.get(character, 0)
        if character == "," and depth == 0:
            elements.append(current.strip())
            current = ""
        else:
            current += character
    return [*elements, current.strip()]


def _pragmas(path: Path) -> dict[str, object]:
    with sqlite3.connect(path) as connection:
        return {
            name: connection.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("application_id", "user_version", "foreign_keys", "journal_mode")
        } | {"revisions": connection.execute("SELECT * FROM alembic_version").fetchall()}


def test_a_new_database_from_the_models_equals_one_migrated_step_by_step(tmp_path: Path) -> None:
    made = tmp_path / "made.sqlite3"
    open_database(made).close()
    migrated = tmp_path / "migrated.sqlite3"
    engine = create_db_engine(to_url(migrated))
    opening.run_migrations(engine)
    engine.dispose()

    assert _schema(made) == _schema(migrated)
    assert len(_schema(made)) > 40  # tables, their indexes and Alembic's table
    assert _pragmas(made) == _pragmas(migrated)
    # The parsing above keeps every word: the same schema written out in full, order aside.
    with sqlite3.connect(made) as a, sqlite3.connect(migrated) as b:
        query = "SELECT name, sql FROM sqlite_master ORDER BY name"
        for (name, ours), (_name, theirs) in zip(
            a.execute(query).fetchall(), b.execute(query).fetchall(), strict=True
        ):
            assert _words(ours) == _words(theirs), name


def _words(sql: str | None) -> list[str]:
    return sorted(word.rstrip(",") for word in (sql or "").split())


def test_a_new_database_is_made_without_alembic(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from worksession.storage.opening import open_database\n"
        f"open_database({str(tmp_path / 'new.sqlite3')!r}).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_a_database_made_from_the_models_is_migrated_later_like_any_other(tmp_path: Path) -> None:
    path = tmp_path / "later.sqlite3"
    open_database(path).close()
    engine = create_db_engine(to_url(path))
    opening.run_migrations(engine)  # at the head already: Alembic finds nothing to do
    engine.dispose()
    reopened = open_database(path)
    reopened.close()
    assert _pragmas(path)["revisions"] == [(opening.HEAD_REVISION,)]
