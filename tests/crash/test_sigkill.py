"""Crash safety: a worker doing a scripted session is killed with SIGKILL at random moments;
after each kill the database is intact and holds every action the worker had acknowledged.

``make soak`` runs many more rounds (WORKSESSION_CRASH_RUNS).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNS = int(os.environ.get("WORKSESSION_CRASH_RUNS", "50"))


def _expected(acks: list[tuple[str, str]]) -> dict[str, set[str]]:
    """What must be in the database after these acknowledged actions."""
    present: set[str] = set()
    gone: set[str] = set()
    themes: set[str] = set()
    agreements: set[str] = set()
    ambition = None
    for op, name in acks:
        if op == "add":
            present.add(name)
        elif op == "remove":
            present.discard(name)
            gone.add(name)
        elif op == "theme":
            themes.add(name)
        elif op == "agreement":
            agreements.add(name)
        elif op == "ambition":
            ambition = name
    return {
        "present": present,
        "gone": gone,
        "themes": themes,
        "agreements": agreements,
        "ambition": {ambition} if ambition else set(),
    }


def _check(path: Path, acks: list[tuple[str, str]]) -> None:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        names = {row[0] for row in connection.execute("SELECT name FROM participant")}
        themes = {row[0] for row in connection.execute("SELECT title FROM theme")}
        agreements = {row[0] for row in connection.execute("SELECT what FROM agreement")}
        ambitions = {row[0] for row in connection.execute("SELECT ambition FROM work_session")}
    finally:
        connection.close()
    expected = _expected(acks)
    assert expected["present"] <= names
    assert not expected["gone"] & names
    assert expected["themes"] <= themes
    assert expected["agreements"] <= agreements
    assert expected["ambition"] <= ambitions


def test_killing_the_app_at_random_moments_loses_no_acknowledged_action(tmp_path: Path) -> None:
    rng = random.Random(20261122)
    path = tmp_path / "crash.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    all_acks: list[tuple[str, str]] = []
    for run in range(RUNS):
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.crash.worker", str(path), str(run)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        assert worker.stdout is not None
        wanted = rng.randint(1, 60)  # how many acknowledged actions before the kill
        acks: list[tuple[str, str]] = []
        for line in worker.stdout:
            _ack, op, name = line.rstrip("\n").split(" ", 2)
            acks.append((op, name))
            if len(acks) >= wanted:
                break
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        worker.stdout.close()
        all_acks += acks
        _check(path, all_acks)
    assert len(all_acks) >= RUNS
