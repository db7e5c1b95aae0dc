"""A second program on the same database, for the two-writer tests.

``python -m tests.storage.writer_process hold DB SECONDS`` takes SQLite's write lock (on a
server, given a URL: the write lock worksession takes there), prints
``locked`` and keeps it for SECONDS before committing (``release`` instead of SECONDS: until a
line arrives on its standard input). ``python -m tests.storage.writer_process
write DB SESSION_ID COUNT TAG`` runs COUNT operations through worksession and prints how many
failed, one message per line before the count. ``python -m tests.storage.writer_process set DB
SESSION_ID FIELD VALUE`` changes one field of the session, as the command line would;
``hold-set`` with the same arguments makes that change inside a write transaction it keeps
open (printing ``locked``) until a line arrives on its standard input. ``python -m
tests.storage.writer_process set-participant DB SESSION_ID PARTICIPANT_ID FIELD VALUE`` changes
one field of a participant.
"""

from __future__ import annotations

import sqlite3
import sys
import time


def hold(path: str, seconds: str) -> None:
    if "://" in path:
        hold_on_server(path, seconds)
        return
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("CREATE TABLE IF NOT EXISTS _other_program (at REAL)")
    connection.execute("INSERT INTO _other_program VALUES (?)", (time.time(),))
    print("locked", flush=True)
    if seconds == "release":
        sys.stdin.readline()
    else:
        time.sleep(float(seconds))
    connection.execute("COMMIT")
    connection.close()


def hold_on_server(url: str, seconds: str) -> None:
    """A server has no file lock: hold the write lock every worksession writer takes there."""
    from worksession.storage.opening import open_database

    db = open_database(url)
    with db.transaction() as s:
        s.connection()  # the transaction begins, and takes the lock, at its first use
        print("locked", flush=True)
        if seconds == "release":
            sys.stdin.readline()
        else:
            time.sleep(float(seconds))
    db.close()


def write(path: str, session_id: int, count: int, tag: str) -> None:
    from worksession.storage.opening import open_database
    from worksession.storage.operations.people import add_participant
    from worksession.storage.operations.sessions import update_session

    db = open_database(path)
    failures = 0
    for index in range(count):
        try:
            if index % 2:
                update_session(db=db, session_id=session_id, location=f"{tag} {index}")
            else:
                add_participant(db=db, session_id=session_id, name=f"{tag} {index}")
        except Exception as error:  # every failure counts, whatever its kind
            failures += 1
            print(f"{type(error).__name__}: {error}".splitlines()[0], flush=True)
    db.close()
    print(failures, flush=True)


def set_field(path: str, session_id: int, field: str, value: str) -> None:
    from worksession.storage.opening import open_database
    from worksession.storage.operations.sessions import update_session

    db = open_database(path)
    update_session(db=db, session_id=session_id, **{field: value})
    db.close()


def set_participant(path: str, participant_id: int, field: str, value: str) -> None:
    from worksession.storage.opening import open_database
    from worksession.storage.operations.people import update_participant

    db = open_database(path)
    update_participant(db=db, participant_id=participant_id, **{field: value})
    db.close()


def hold_set(path: str, session_id: int, field: str, value: str) -> None:
    from worksession.domain.models import utcnow
    from worksession.storage.opening import open_database
    from worksession.storage.operations._rows import fetch_session

    db = open_database(path)
    with db.transaction() as s:
        work_session = fetch_session(s, session_id)
        setattr(work_session, field, value)
        work_session.updated_at = utcnow()
        s.flush()
        print("locked", flush=True)
        sys.stdin.readline()
    db.close()


if __name__ == "__main__":
    if sys.argv[1] == "hold":
        hold(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "hold-set":
        hold_set(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5])
    elif sys.argv[1] == "set-participant":
        set_participant(sys.argv[2], int(sys.argv[4]), sys.argv[5], sys.argv[6])
    elif sys.argv[1] == "set":
        set_field(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5])
    else:
        write(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
