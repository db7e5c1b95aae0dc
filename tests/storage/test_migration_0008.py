"""A database of schema 0007 is upgraded to the invite list: the participants that were there
keep their attendance and are on the list as registered; the migration can be undone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.storage.migrating import migrate
from worksession.storage.document import read_document
from worksession.storage.opening import open_database
from worksession.storage.operations.people import update_participant

SESSION = (
    "INSERT INTO work_session (id, title, wijk, gemeente, location, coach, variant, accredited, "
    "programme, programme_steps, ambition, status, created_at, updated_at) VALUES (1, 'Oud', "
    "'Kaalheide', '', '', '', 'toolkit', 1, 'p', '[]', '', 'draft', "
    "'2026-01-01 10:00:00', '2026-01-01 10:00:00')"
)
PERSON = (
    "INSERT INTO participant (id, session_id, key, position, name, organisation, role, domain, "
    "email, registration, present) VALUES (?, 1, ?, ?, ?, '', 'huisarts', '', '', ?, ?)"
)


def _database_of_0007(path: Path) -> None:
    migrate(path, "0007")
    with sqlite3.connect(path) as connection:
        connection.execute(SESSION)
        connection.execute(
            "INSERT INTO casus (session_id, title, text, question) VALUES (1, '', '', '')"
        )
        connection.execute("INSERT INTO follow_up (session_id, funding) VALUES (1, '')")
        connection.execute(PERSON, (1, "p-anna", 0, "Anna", "01234567890", 1))
        connection.execute(PERSON, (2, "p-bert", 1, "Bert", "", 0))


def test_existing_participants_keep_their_attendance_and_are_registered(tmp_path: Path) -> None:
    path = tmp_path / "0007.sqlite3"
    _database_of_0007(path)

    db = open_database(path, backup_dir=tmp_path / "backups")
    document = read_document(db=db, session_id=1)
    assert document["session"]["accreditation_id"] == ""
    assert [
        (p["name"], p["present"], p["invitation"], p["initials"], p["registration_type"])
        for p in document["participants"]
    ] == [("Anna", True, "registered", "", ""), ("Bert", False, "registered", "", "")]
    assert document["participants"][0]["registration"] == "01234567890"  # text, zero kept
    # The new columns take values at once; the number is now checked against its register.
    update_participant(db=db, participant_id=1, registration_type="big", initials="A.")
    assert read_document(db=db, session_id=1)["participants"][0]["registration_type"] == "big"
    db.close()
    assert len(list((tmp_path / "backups").iterdir())) == 1  # backed up before migrating

    # The database itself refuses what the app never writes.
    with sqlite3.connect(path) as connection, pytest.raises(sqlite3.IntegrityError):
        connection.execute("UPDATE participant SET invitation = 'maybe' WHERE id = 2")


def test_the_migration_can_be_undone(tmp_path: Path) -> None:
    path = tmp_path / "down.sqlite3"
    _database_of_0007(path)
    migrate(path, "0008")
    migrate(path, "0007", down=True)
    with sqlite3.connect(path) as connection:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(participant)")}
        rows = connection.execute("SELECT name, present FROM participant ORDER BY id").fetchall()
        session_columns = {row[1] for row in connection.execute("PRAGMA table_info(work_session)")}
    assert not {"initials", "registration_type", "invitation"} & columns
    assert "accreditation_id" not in session_columns
    assert rows == [("Anna", 1), ("Bert", 0)]
