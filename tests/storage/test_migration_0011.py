"""A database of the schema before 0011 is upgraded to hold the borging conditions and the
preparation's ticks, and the migration can be undone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from tests.storage.migrating import migrate, tables
from worksession.storage import opening


def _previous() -> str:
    """The revision 0011 follows (another migration may come between 0009 and it)."""
    script = ScriptDirectory.from_config(opening.alembic_config())
    down = script.get_revision("0011").down_revision
    assert isinstance(down, str)
    return down


SESSION = (
    "INSERT INTO work_session (id, title, wijk, gemeente, location, coach, variant, accredited, "
    "programme, programme_steps, ambition, status, created_at, updated_at) VALUES (1, 'Kaalheide', "
    "'', '', '', '', 'toolkit', 0, 'p', '[]', '', 'draft', '2026-11-30 10:00:00', "
    "'2026-11-30 10:00:00')"
)
CONDITION = (
    "INSERT INTO condition (session_id, position, kind, state, arranged_by_participant_id, "
    "arranged_by_stakeholder_id, note) VALUES (1, 0, ?, 'arranged', ?, ?, '')"
)
TICK = "INSERT INTO preparation_tick (session_id, position, item) VALUES (1, 0, ?)"


def _refused(
    connection: sqlite3.Connection, sql: str, values: tuple[object, ...], name: str
) -> None:
    with pytest.raises(sqlite3.IntegrityError, match=name):
        connection.execute(sql, values)


def test_the_borging_tables_are_added_and_taken_away_again(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    migrate(path, _previous())
    assert not {"condition", "preparation_tick"} & tables(path)
    migrate(path, "0011")
    assert {"condition", "preparation_tick"} <= tables(path)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(SESSION)
        connection.execute(
            "INSERT INTO participant (id, session_id, key, position, name, organisation, role, "
            "domain, email, present, registration, registration_type, initials, invitation) "
            "VALUES (7, 1, 'p-an', 0, 'An', '', '', '', '', 1, '', '', '', 'invited')"
        )
        connection.execute(CONDITION, ("direction", 7, None))
        _refused(connection, CONDITION, ("direction", None, None), "condition.kind")
        _refused(connection, CONDITION, ("roles", 7, 7), "ck_condition_one_person")
        connection.execute(TICK, ("room",))
        _refused(connection, TICK, ("room",), "preparation_tick.item")
        connection.execute("DELETE FROM participant WHERE id = 7")
        assert connection.execute(
            "SELECT arranged_by_participant_id FROM condition"
        ).fetchone() == (None,)
        connection.execute("DELETE FROM work_session WHERE id = 1")
        assert connection.execute("SELECT count(*) FROM condition").fetchone() == (0,)
        assert connection.execute("SELECT count(*) FROM preparation_tick").fetchone() == (0,)
    migrate(path, _previous(), down=True)
    assert not {"condition", "preparation_tick"} & tables(path)
