"""After *erase a person* nothing of them is left on disk: not in the main file, not in the WAL,
not in a key, and not after a backup from before the erasure is restored."""

from __future__ import annotations

import re
import sqlite3
import stat
from pathlib import Path

import pytest

from worksession.programmes.library import load_library
from worksession.storage.backups import make_backup, restore_backup
from worksession.storage.database import Database
from worksession.storage.erasures import erasure_list_path
from worksession.storage.errors import StorageError
from worksession.storage.opening import open_database
from worksession.storage.operations.people import add_participant, list_participants
from worksession.storage.operations.plan import freeze, record_decision
from worksession.storage.operations.privacy import erase_participant
from worksession.storage.operations.sessions import create_session, delete_session
from worksession.workflows.demo import create_demo_session

NAME, EMAIL, BIG = "Xandra Quirijnen", "xandra.quirijnen@example.org", "79012345601"


def _traces(path: Path) -> list[str]:
    """Which of the person's details are in the raw bytes of the database or its WAL."""
    found = []
    for file in (path, path.with_name(path.name + "-wal")):
        raw = file.read_bytes() if file.exists() else b""
        found += [
            f"{value} in {file.name}" for value in (NAME, EMAIL, BIG) if value.encode() in raw
        ]
    return found


def _add_person(db: Database) -> tuple[int, int]:
    session = create_session(db=db, title="Wijkgesprek", wijk="Heerlen-Noord")
    assert session.id is not None
    add_participant(db=db, session_id=session.id, name="Piet Blijft")
    person = add_participant(db=db, session_id=session.id, name=NAME, email=EMAIL, registration=BIG)
    assert person.id is not None
    return session.id, person.id


@pytest.mark.sqlite_only  # the file, its WAL and the list beside it
def test_an_erased_person_is_in_neither_the_file_nor_the_wal_while_it_is_open(
    db: Database,
) -> None:
    assert db.path is not None
    _session_id, person_id = _add_person(db)
    assert _traces(db.path)  # the test sees what it looks for
    erase_participant(db=db, participant_id=person_id)
    assert _traces(db.path) == []


def test_new_participant_keys_say_nothing_about_the_person(db: Database) -> None:
    session = create_session(db=db, title="Wijkgesprek", wijk="Heerlen-Noord")
    assert session.id is not None
    keys = [add_participant(db=db, session_id=session.id, name="Jan Houben").key for _ in range(3)]
    assert len(set(keys)) == 3
    assert all(re.fullmatch(r"p-[0-9a-f]{8}", key) for key in keys), keys


def test_a_restored_backup_loses_the_people_erased_after_it(tmp_path: Path) -> None:
    path = tmp_path / "werk.sqlite3"
    db = open_database(path)
    session_id, person_id = _add_person(db)
    backup = make_backup(path, label="manual", retention_days=365)
    erase_participant(db=db, participant_id=person_id)
    db.close()
    restore_backup(path, backup.path, retention_days=365)

    connection = sqlite3.connect(path)
    try:
        names = [row[0] for row in connection.execute("SELECT name FROM participant")]
    finally:
        connection.close()
    assert names == ["Piet Blijft"]
    assert _traces(path) == []
    erasures = erasure_list_path(path)
    assert stat.S_IMODE(erasures.stat().st_mode) == 0o600
    text = erasures.read_text(encoding="utf-8")
    assert "Xandra" not in text and "xandra" not in text and BIG not in text
    reopened = open_database(path)  # opening applies the list again: nothing left to do
    try:
        assert [p.name for p in list_participants(db=reopened, session_id=session_id)] == [
            "Piet Blijft"
        ]
    finally:
        reopened.close()


@pytest.mark.sqlite_only  # the file, its WAL and the list beside it
def test_after_a_backup_a_lost_wal_loses_nothing(db: Database, tmp_path: Path) -> None:
    assert db.path is not None
    session_id, _person = _add_person(db)
    make_backup(db.path, label="manual", retention_days=365)
    # Copy the main file alone, as if the -wal beside it had been deleted.
    alone = tmp_path / "alone" / "werk.sqlite3"
    alone.parent.mkdir()
    alone.write_bytes(db.path.read_bytes())
    copy = open_database(alone)
    try:
        names = [p.name for p in list_participants(db=copy, session_id=session_id)]
    finally:
        copy.close()
    assert names == ["Piet Blijft", NAME]


def test_a_restore_blanks_again_the_decisions_of_someone_erased_after_the_backup(
    tmp_path: Path,
) -> None:
    path = tmp_path / "werk.sqlite3"
    db = open_database(path)
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    freeze(db=db, session_id=session.id)
    record_decision(
        db=db,
        session_id=session.id,
        version=1,
        participant="p-jan-houben",  # a key made from the name, as files before kept them
        decision="changes",
        comment="Liever niet genoemd",
    )
    backup = make_backup(path, label="manual", retention_days=365)
    jan = next(
        p for p in list_participants(db=db, session_id=session.id) if p.key == "p-jan-houben"
    )
    assert jan.id is not None
    erase_participant(db=db, participant_id=jan.id)
    db.close()
    restore_backup(path, backup.path, retention_days=365)

    connection = sqlite3.connect(path)
    try:
        people = [row[0] for row in connection.execute("SELECT key FROM participant")]
        signed = connection.execute(
            "SELECT participant_key, participant_name, comment FROM sign_off"
        ).fetchall()
    finally:
        connection.close()
    assert "p-jan-houben" not in people and len(people) > 3
    ((key, name, comment),) = signed
    assert re.fullmatch(r"p-[0-9a-f]{8}", key) and (name, comment) == ("", "")


def test_a_later_session_with_the_same_number_and_keys_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "werk.sqlite3"
    db = open_database(path)
    first = create_demo_session(db=db, library=load_library())
    assert first.id is not None
    jan = next(p for p in list_participants(db=db, session_id=first.id) if p.key == "p-jan-houben")
    assert jan.id is not None
    erase_participant(db=db, participant_id=jan.id)
    delete_session(db=db, session_id=first.id, retention_days=365)
    second = create_demo_session(db=db, library=load_library())
    assert second.id == first.id  # SQLite gave the number out again
    db.close()
    reopened = open_database(path)  # opening applies the list of erasures
    try:
        keys = [p.key for p in list_participants(db=reopened, session_id=second.id)]
    finally:
        reopened.close()
    assert "p-jan-houben" in keys


@pytest.mark.sqlite_only  # the file, its WAL and the list beside it
def test_when_the_erasure_cannot_be_noted_nothing_is_erased(db: Database) -> None:
    assert db.path is not None
    session_id, person_id = _add_person(db)
    erasure_list_path(db.path).mkdir()  # in the way of the list: it cannot be written
    with pytest.raises(StorageError, match=r"\.erasures"):
        erase_participant(db=db, participant_id=person_id)
    names = [p.name for p in list_participants(db=db, session_id=session_id)]
    assert NAME in names


def test_a_damaged_list_of_erasures_is_named_when_the_database_is_opened(tmp_path: Path) -> None:
    path = tmp_path / "werk.sqlite3"
    open_database(path).close()
    erasure_list_path(path).write_text("{not json", encoding="utf-8")
    with pytest.raises(StorageError, match=r"werk\.sqlite3\.erasures"):
        open_database(path)
