"""One app per database: a second start brings the first forward; a dead holder frees the file.

Every case runs the other side as a real process: the app started as a user starts it, or a
holder that died or hangs.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from worksession.ui.database_claim import DatabaseClaim, claim_key

TIMEOUT_S = 60


@pytest.fixture(params=["short", "deep"])
def runtime(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The private runtime folder (tests/conftest.py), or one too deep for a socket's path."""
    folder = Path(os.environ["XDG_RUNTIME_DIR"])
    if request.param == "deep":
        folder = folder / ("very-long-folder-name-" * 4) / "run"
        folder.mkdir(parents=True, mode=0o700)
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


def _environment(tmp_path: Path, runtime: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }


def _holder(tmp_path: Path, runtime: Path, database: Path, *, answers: bool) -> subprocess.Popen:
    """A process that claims ``database`` and then either serves requests or hangs."""
    script = textwrap.dedent(
        f"""
        import sys, time
        from PySide6.QtCore import QCoreApplication, QTimer
        from worksession.ui.database_claim import DatabaseClaim
        app = QCoreApplication([])
        claim = DatabaseClaim({str(database)!r})
        assert claim.acquire()
        print("claimed", flush=True)
        if {answers!r}:
            app.exec()
        else:
            time.sleep(600)  # holds the claim and never reads its socket: a hung app
        """
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script],
        env=_environment(tmp_path, runtime),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "claimed"
    return process


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen]]:
    started: list[subprocess.Popen] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.communicate()  # reaps it and closes its pipes


def test_a_second_start_on_the_same_database_brings_the_first_forward_and_ends(
    qtbot: QtBot, tmp_path: Path, runtime: Path, processes: list[subprocess.Popen]
) -> None:
    database = tmp_path / "ws.sqlite3"
    first = DatabaseClaim(str(database))
    assert first.acquire()
    asked: list[bool] = []
    first.show_requested.connect(lambda: asked.append(True))
    try:
        second = subprocess.Popen(
            [sys.executable, "-m", "worksession", "--db", str(database)],
            env=_environment(tmp_path, runtime),
            stderr=subprocess.PIPE,
            text=True,
        )
        processes.append(second)
        # Our event loop must run meanwhile: it is the one answering the second start.
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=TIMEOUT_S * 1000)
        assert second.stderr is not None
        said = second.stderr.read()
        assert second.returncode == 0, said
        assert asked == [True]
        assert str(os.getpid()) in said
        assert not database.exists()  # the second start did not even open the file
    finally:
        first.release()


def test_the_claim_of_a_killed_app_is_taken_over(
    tmp_path: Path, runtime: Path, processes: list[subprocess.Popen]
) -> None:
    database = tmp_path / "ws.sqlite3"
    holder = _holder(tmp_path, runtime, database, answers=True)
    processes.append(holder)
    claim = DatabaseClaim(str(database))
    assert not claim.acquire()
    assert claim.holder() == holder.pid
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert claim.acquire()  # a dead holder's lock and socket are in nobody's way
    claim.release()


def test_a_holder_that_hangs_is_not_mistaken_for_an_answer(
    tmp_path: Path, runtime: Path, processes: list[subprocess.Popen]
) -> None:
    database = tmp_path / "ws.sqlite3"
    processes.append(_holder(tmp_path, runtime, database, answers=False))
    claim = DatabaseClaim(str(database))
    assert not claim.acquire()
    assert claim.ask_holder_to_show() is False


def test_a_claim_held_all_day_is_never_stale(
    tmp_path: Path, runtime: Path, processes: list[subprocess.Popen]
) -> None:
    database = tmp_path / "ws.sqlite3"
    processes.append(_holder(tmp_path, runtime, database, answers=True))
    lock = next(runtime.glob("worksession-*.lock"))
    day_ago = lock.stat().st_mtime - 24 * 3600
    os.utime(lock, (day_ago, day_ago))
    assert not DatabaseClaim(str(database)).acquire()


def test_one_file_under_two_spellings_is_one_claim(tmp_path: Path) -> None:
    database = tmp_path / "ws.sqlite3"
    database.touch()
    link = tmp_path / "link.sqlite3"
    link.symlink_to(database)
    relative = os.path.relpath(database)
    assert claim_key(str(link)) == claim_key(str(database)) == claim_key(relative)
    assert claim_key(str(tmp_path / "other.sqlite3")) != claim_key(str(database))
