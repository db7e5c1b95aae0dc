"""The start-up probe for a database that cannot be written: it says nothing about a writable
database, and does not wait for (or complain about) another process that is writing."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from worksession.storage.opening import open_database
from worksession.storage.write_failures import write_problem

HOLD_LOCK = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
connection.execute("ROLLBACK")
"""


def test_a_writable_database_has_no_problem_even_while_another_process_writes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ws.sqlite3"
    db = open_database(path)
    try:
        assert write_problem(db) is None
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLD_LOCK, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        assert write_problem(db) is None
        assert time.monotonic() - started < 1.0  # not the 5 s busy timeout
        holder.stdin.write("\n")
        holder.stdin.close()
        assert holder.wait(timeout=10) == 0
        holder.stdout.close()
        with db.engine.connect() as connection:  # the connection's own timeout is back
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    finally:
        db.close()
