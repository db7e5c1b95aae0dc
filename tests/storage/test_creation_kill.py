"""A kill while a new database is being created never leaves a file that is refused later:
the database appears under its name only once its schema is complete."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from worksession.storage.opening import open_database
from worksession.storage.operations.sessions import list_sessions
from worksession.storage.revisions import HEAD_REVISION

ROOT = Path(__file__).resolve().parents[2]
RUNS = int(os.environ.get("WORKSESSION_CREATION_KILLS", "8"))


def _revision(path: Path) -> str | None:
    connection = sqlite3.connect(path)
    try:
        row = connection.execute(
            "SELECT name FROM sqlite_master WHERE name = 'alembic_version'"
        ).fetchone()
        if row is None:
            return None
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(revision)
    finally:
        connection.close()


def test_a_kill_during_creation_leaves_nothing_that_is_refused(tmp_path: Path) -> None:
    rng = random.Random(20261130)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for run in range(RUNS):
        folder = tmp_path / f"run{run}"
        folder.mkdir()
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.storage.creating_worker", str(folder)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "ready"
        # Not a GUI test: a random moment is what this test is about.
        time.sleep(rng.uniform(0.0, 0.4))
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        worker.stdout.close()
        names = sorted(path.name for path in folder.glob("db*.sqlite3"))
        for name in names:  # under its own name a database is complete, or not there at all
            assert _revision(folder / name) == HEAD_REVISION, f"run {run}: {name} is half-made"
        for number in range(len(names) + 1):  # and the one being made when the kill came opens
            db = open_database(folder / f"db{number}.sqlite3")
            assert list_sessions(db=db) == []
            db.close()
