"""A database of schema 0006 is upgraded to hold follow-up sessions (the signed plan they review,
the review per agreement, the lesson cards), and the migration can be undone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.storage.migrating import migrate, tables

NEW_TABLES = {"session_origin", "agreement_review", "lesson_card"}


def test_0006_is_upgraded_to_follow_up_tables_and_back(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    migrate(path, "0006")
    assert not NEW_TABLES & tables(path)
    migrate(path, "0007")
    assert tables(path) >= NEW_TABLES
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(
            "INSERT INTO work_session (id, title, wijk, gemeente, location, coach, variant, "
            "accredited, programme, programme_steps, ambition, status, created_at, updated_at) "
            "VALUES (1, 'Vervolg', '', '', '', '', 'toolkit', 0, 'p', '[]', '', 'draft', "
            "'2026-11-30 10:00:00', '2026-11-30 10:00:00')"
        )
        connection.execute(
            "INSERT INTO lesson_card (session_id, position, kind, obstacle, text) "
            "VALUES (1, 0, 'hindered', 'financiering', 'Geen geld voor de beweegcoach')"
        )
        try:
            connection.execute(
                "INSERT INTO lesson_card (session_id, position, kind, obstacle, text) "
                "VALUES (1, 1, 'purple', '', 'x')"
            )
        except sqlite3.IntegrityError as refused:
            assert "ck_lesson_card_kind" in str(refused)
        else:
            raise AssertionError("a card of an unknown kind was stored")
        connection.execute("DELETE FROM work_session WHERE id = 1")
        assert connection.execute("SELECT count(*) FROM lesson_card").fetchone() == (0,)
    migrate(path, "0006", down=True)
    assert not NEW_TABLES & tables(path)
