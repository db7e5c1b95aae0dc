"""Crash safety: a worker doing a scripted session is killed with SIGKILL at random moments;
after each kill the database is intact and holds every action the worker had acknowledged.

The worker may finish a few more steps between its last acknowledgement and the kill, so the
database must equal the state after *some* number of steps that is at least the number
acknowledged. ``make soak`` runs many more rounds (WORKSESSION_CRASH_RUNS).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.crash.worker import planned_steps

ROOT = Path(__file__).resolve().parents[2]
RUNS = int(os.environ.get("WORKSESSION_CRASH_RUNS", "50"))

State = tuple[frozenset[str], frozenset[str], frozenset[str], str]


def _states(seed: int) -> list[State]:
    """The session's state after 0, 1, 2, … steps of the script."""
    people: set[str] = set()
    themes: set[str] = set()
    agreements: set[str] = set()
    ambition = ""
    states = [(frozenset(), frozenset(), frozenset(), "")]
    for op, name, _index in planned_steps(seed):
        if op == "add":
            people.add(name)
        elif op == "remove":
            people.discard(name)
        elif op == "theme":
            themes.add(name)
        elif op == "agreement":
            agreements.add(name)
        else:
            ambition = name
        states.append((frozenset(people), frozenset(themes), frozenset(agreements), ambition))
    return states


def _stored(path: Path, seed: int) -> State | None:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        row = connection.execute(
            "SELECT id, ambition FROM work_session WHERE title = ?", (f"Crash {seed}",)
        ).fetchone()
        if row is None:
            return None
        session_id, ambition = row

        def column(sql: str) -> frozenset[str]:
            return frozenset(value for (value,) in connection.execute(sql, (session_id,)))

        return (
            column("SELECT name FROM participant WHERE session_id = ?"),
            column("SELECT title FROM theme WHERE session_id = ?"),
            column("SELECT what FROM agreement WHERE session_id = ?"),
            ambition,
        )
    finally:
        connection.close()


def test_killing_the_app_at_random_moments_loses_no_acknowledged_action(tmp_path: Path) -> None:
    rng = random.Random(20261122)
    path = tmp_path / "crash.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for run in range(RUNS):
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.crash.worker", str(path), str(run)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        assert worker.stdout is not None
        wanted = rng.randint(0, 60)  # acknowledged steps before the kill
        acknowledged = -1  # the session itself is acknowledged first
        for _line in worker.stdout:
            acknowledged += 1
            if acknowledged >= wanted:
                break
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        worker.stdout.close()
        stored = _stored(path, run)
        if acknowledged < 0:
            continue  # killed before the session was acknowledged: anything goes
        assert stored is not None, f"run {run}: the acknowledged session is missing"
        allowed = _states(run)[acknowledged:]
        assert stored in allowed, f"run {run}: state is not the result of ≥{acknowledged} steps"
