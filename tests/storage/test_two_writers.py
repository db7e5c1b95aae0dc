"""Two programs on one database: a write waits for the other's lock instead of failing.

Each test runs a real second process on a real SQLite file, and on a real PostgreSQL database:
the lock is SQLite's or the server's, not a mock.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError
from sqlmodel import select

from worksession.domain.models import Participant
from worksession.storage.changes import ChangeWatch
from worksession.storage.database import Database, waiting_at_most
from worksession.storage.engine import BUSY_TIMEOUT_MS
from worksession.storage.opening import open_database
from worksession.storage.operations._rows import PersonRef
from worksession.storage.operations.follow_up import change_werkgroep, werkgroep
from worksession.storage.operations.people import add_participant, list_participants
from worksession.storage.operations.sessions import create_session, get_session, update_session

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.storage.writer_process", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def shared(database_url: str) -> Iterator[tuple[Database, int]]:
    db = open_database(database_url)
    session_id = create_session(db=db, title="Wijk Noord").id
    assert session_id is not None
    yield db, session_id
    db.close()


@contextmanager
def _lock_held_by_another_program(db: Database, seconds: float) -> Iterator[None]:
    """Another process holds SQLite's write lock for ``seconds`` from when the block starts."""
    holder = _run("hold", str(db.path or db.url), str(seconds))
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.communicate(timeout=30)
    assert holder.returncode == 0


def test_an_edit_waits_for_another_programs_write_lock(shared: tuple[Database, int]) -> None:
    db, session_id = shared
    get_session(db=db, session_id=session_id)  # this connection has read the database before
    with _lock_held_by_another_program(db, 2.0):
        started = time.monotonic()
        update_session(db=db, session_id=session_id, location="Buurthuis De Linde")
        waited = time.monotonic() - started
    assert waited > 0.5  # it really waited for the lock, and then it was stored
    assert get_session(db=db, session_id=session_id).location == "Buurthuis De Linde"


def test_adding_a_participant_waits_for_another_programs_write_lock(
    shared: tuple[Database, int],
) -> None:
    db, session_id = shared
    list_participants(db=db, session_id=session_id)
    with _lock_held_by_another_program(db, 2.0):
        add_participant(db=db, session_id=session_id, name="Fatima el Amrani")
    assert [p.name for p in list_participants(db=db, session_id=session_id)] == ["Fatima el Amrani"]


def test_two_programs_writing_at_once_lose_nothing(shared: tuple[Database, int]) -> None:
    db, session_id = shared
    count = 120
    writers = [_run("write", db.url, str(session_id), str(count), tag) for tag in "AB"]
    outputs = [writer.communicate(timeout=120)[0] for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0], outputs
    assert [output.splitlines()[-1] for output in outputs] == ["0", "0"], outputs
    with db.reading() as s:
        names = set(s.exec(select(Participant.name)).all())
    assert len(names) == count  # every add of both programs is stored, none lost


def test_the_change_watch_sees_what_another_program_commits(shared: tuple[Database, int]) -> None:
    db, session_id = shared
    watch = ChangeWatch(db)
    try:
        update_session(db=db, session_id=session_id, location="eigen wijziging")
        assert watch.changed()  # any other connection, this process's engine included
        assert not watch.changed()
        writer = _run("write", db.url, str(session_id), "2", "C")
        assert writer.communicate(timeout=60)[0].splitlines()[-1] == "0"
        assert watch.changed()
        assert not watch.changed()  # nothing new since
    finally:
        watch.close()


def test_werkgroep_members_added_through_two_engines_both_stay(
    shared: tuple[Database, int],
) -> None:
    db, session_id = shared
    first = add_participant(db=db, session_id=session_id, name="Anouk de Vries")
    second = add_participant(db=db, session_id=session_id, name="Bram Jansen")
    other = open_database(db.url)
    try:
        change_werkgroep(
            db=db, session_id=session_id, add=[PersonRef("participant", first.id or 0)]
        )
        # The other program never read the werkgroep: it only says whom it adds.
        change_werkgroep(
            db=other, session_id=session_id, add=[PersonRef("participant", second.id or 0)]
        )
    finally:
        other.close()
    assert werkgroep(db=db, session_id=session_id) == [
        PersonRef("participant", first.id or 0),
        PersonRef("participant", second.id or 0),
    ]
    change_werkgroep(db=db, session_id=session_id, remove=[PersonRef("participant", first.id or 0)])
    assert werkgroep(db=db, session_id=session_id) == [PersonRef("participant", second.id or 0)]


def test_a_shorter_wait_gives_up_on_a_held_lock_and_leaves_the_usual_wait_behind(
    shared: tuple[Database, int],
) -> None:
    db, session_id = shared
    with _lock_held_by_another_program(db, 3.0):
        # Within the 5 s busy timeout the update would wait and succeed; the shorter wait fails.
        # SQLite: "database is locked"; PostgreSQL: "canceling statement due to lock timeout".
        with waiting_at_most(100), pytest.raises(OperationalError, match="lock"):
            update_session(db=db, session_id=session_id, location="Buurthuis De Linde")
        with db.engine.connect() as connection:  # the pooled connection the try used
            if db.path is not None:
                timeout = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
                assert timeout == BUSY_TIMEOUT_MS
            else:  # SET LOCAL ended with the transaction that tried
                assert connection.exec_driver_sql("SHOW lock_timeout").scalar() == "0"
    assert get_session(db=db, session_id=session_id).location != "Buurthuis De Linde"
