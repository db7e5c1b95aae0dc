"""A database of schema 0007 is upgraded to hold the participants' evaluation forms (score
1–10 or none, the two answers), and the migration can be undone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.script import ScriptDirectory

from tests.storage.migrating import migrate, tables
from worksession.storage import opening


def _previous() -> str:
    """The revision 0009 follows (another migration may come between 0007 and it)."""
    script = ScriptDirectory.from_config(opening.alembic_config())
    down = script.get_revision("0009").down_revision
    assert isinstance(down, str)
    return down


SESSION = (
    "INSERT INTO work_session (id, title, wijk, gemeente, location, coach, variant, accredited, "
    "programme, programme_steps, ambition, status, created_at, updated_at) VALUES (1, 'Kaalheide', "
    "'', '', '', '', 'toolkit', 0, 'p', '[]', '', 'draft', '2026-11-30 10:00:00', "
    "'2026-11-30 10:00:00')"
)
FORM = (
    "INSERT INTO feedback_form (session_id, key, position, score, takeaway, to_improve) "
    "VALUES (1, ?, 0, ?, 'De sociale kaart', '')"
)


def test_the_forms_table_is_added_and_taken_away_again(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    migrate(path, _previous())
    assert "feedback_form" not in tables(path)
    migrate(path, "0009")
    assert "feedback_form" in tables(path)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(SESSION)
        connection.execute(FORM, ("f-1", 7))
        connection.execute(FORM, ("f-2", None))  # a score left open
        for key, score in (("f-3", 0), ("f-4", 11)):
            try:
                connection.execute(FORM, (key, score))
            except sqlite3.IntegrityError as refused:
                assert "ck_feedback_form_score" in str(refused)
            else:
                raise AssertionError(f"a score of {score} was stored")
        try:
            connection.execute(FORM, ("f-1", 5))
        except sqlite3.IntegrityError as refused:
            assert "feedback_form.key" in str(refused)
        else:
            raise AssertionError("two forms of one session with one key were stored")
        connection.execute("DELETE FROM work_session WHERE id = 1")
        assert connection.execute("SELECT count(*) FROM feedback_form").fetchone() == (0,)
    migrate(path, _previous(), down=True)
    assert "feedback_form" not in tables(path)
