"""One app per database: a second start brings the first forward; a dead holder frees the file.

Every case runs the other side as a real process: the app started as a user starts it, or a
holder that died or hangs. Then the attacks: a lock file left broken (empty, unreadable, not a
file at all), the same database under another spelling (a URL, a hard link), a program that
answers on the claim's socket without holding the claim, two starts at the same instant, and
the command line while the app holds the claim.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from worksession.ui.database_claim import SOCKET_PATH_MAX, DatabaseClaim, claim_key

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


def _claim_in_child(tmp_path: Path, runtime: Path, database: Path) -> subprocess.CompletedProcess:
    """Claim ``database`` in a fresh process (a hang there must not hang the tests)."""
    script = textwrap.dedent(
        f"""
        from PySide6.QtCore import QCoreApplication
        from worksession.ui.database_claim import DatabaseClaim
        app = QCoreApplication([])
        claim = DatabaseClaim({str(database)!r})
        print("claimed" if claim.acquire() else "refused", flush=True)
        claim.release()
        """
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        env=_environment(tmp_path, runtime),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )


def _lock_path(runtime: Path, database: Path) -> Path:
    return runtime / f"worksession-{claim_key(str(database))}.lock"


@pytest.mark.parametrize("content", [b"", b"\xff\x00not a lock\n"], ids=["empty", "garbage"])
def test_a_broken_lock_file_left_behind_does_not_keep_the_app_out(
    tmp_path: Path, runtime: Path, content: bytes
) -> None:
    # What a kill between creating the lock file and writing into it leaves, or a damaged one.
    database = tmp_path / "ws.sqlite3"
    lock = _lock_path(runtime, database)
    lock.write_bytes(content)
    old = time.time() - 60
    os.utime(lock, (old, old))
    claim = DatabaseClaim(str(database))
    assert claim.acquire()
    claim.release()


@pytest.mark.parametrize("kind", ["fifo", "folder", "link-to-dev-zero"])
def test_a_lock_path_that_is_not_a_file_neither_hangs_nor_keeps_the_app_out(
    tmp_path: Path, runtime: Path, kind: str
) -> None:
    database = tmp_path / "ws.sqlite3"
    lock = _lock_path(runtime, database)
    if kind == "fifo":
        os.mkfifo(lock)
    elif kind == "folder":
        lock.mkdir()
    else:
        lock.symlink_to("/dev/zero")
    done = _claim_in_child(tmp_path, runtime, database)
    assert done.stdout.strip() == "claimed", done.stderr


def test_the_same_database_as_a_url_or_a_hard_link_is_the_same_claim(
    tmp_path: Path,
    runtime: Path,
    processes: list[subprocess.Popen],
) -> None:
    database = tmp_path / "ws.sqlite3"
    database.write_bytes(b"")
    hard_link = tmp_path / "elsewhere.sqlite3"
    os.link(database, hard_link)
    processes.append(_holder(tmp_path, runtime, database, answers=True))
    for spelling in (f"sqlite:///{database}", str(hard_link)):
        other = DatabaseClaim(spelling)
        assert not other.acquire(), spelling
        assert other.ask_holder_to_show(), spelling  # and it reaches the holder's window


def test_a_process_answering_on_the_socket_is_not_taken_for_the_holder(
    tmp_path: Path, runtime: Path, processes: list[subprocess.Popen]
) -> None:
    database = tmp_path / "ws.sqlite3"
    socket_path = str(_lock_path(runtime, database).with_suffix(".sock"))
    abstract = len(socket_path.encode()) > SOCKET_PATH_MAX
    if abstract:  # the claim's name without a file, which anyone can take before the app
        socket_path = f"\0worksession-{os.getuid()}-{Path(socket_path).stem}"
    else:  # a file: the app replaces it when it claims, so the other program comes after
        processes.append(_holder(tmp_path, runtime, database, answers=False))
    # Another program takes the socket's name and says "shown" to anyone.
    impostor = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import os, socket
            path = {socket_path!r}
            if os.path.exists(path):
                os.unlink(path)
            server = socket.socket(socket.AF_UNIX)
            server.bind(path)
            server.listen()
            print("listening", flush=True)
            while True:
                connection, _ = server.accept()
                connection.recv(100)
                connection.sendall(b"shown\\n")
                connection.close()
        """)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    processes.append(impostor)
    assert impostor.stdout is not None and impostor.stdout.readline().strip() == "listening"
    if abstract:
        processes.append(_holder(tmp_path, runtime, database, answers=False))
    claim = DatabaseClaim(str(database))
    assert not claim.acquire()
    # The app holding the claim hangs: the second start must say so, not that it came forward.
    assert claim.ask_holder_to_show() is False


def test_two_starts_at_the_same_instant_never_both_win(tmp_path: Path, runtime: Path) -> None:
    for pair in range(10):
        database = tmp_path / f"ws-{pair}.sqlite3"
        at = time.time() + 1.5  # both wait for the same moment, then claim
        script = textwrap.dedent(
            f"""
            import sys, time
            from PySide6.QtCore import QCoreApplication
            from worksession.ui.database_claim import DatabaseClaim
            app = QCoreApplication([])
            claim = DatabaseClaim({str(database)!r})
            time.sleep(max(0.0, {at!r} - time.time()))
            print("claimed" if claim.acquire() else "refused", flush=True)
            sys.stdin.readline()  # holds the claim until both have tried
            """
        )
        pair_of = [
            subprocess.Popen(
                [sys.executable, "-c", script],
                env=_environment(tmp_path, runtime),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        said = [process.stdout.readline().strip() for process in pair_of if process.stdout]
        for process in pair_of:
            process.communicate("\n", timeout=TIMEOUT_S)
        assert sorted(said) == ["claimed", "refused"], (pair, said)


def test_the_command_line_works_while_the_app_holds_the_database(
    tmp_path: Path,
    runtime: Path,
    processes: list[subprocess.Popen],
) -> None:
    database = tmp_path / "ws.sqlite3"
    processes.append(_holder(tmp_path, runtime, database, answers=True))
    for command in (["demo"], ["list"]):
        done = subprocess.run(
            [sys.executable, "-m", "worksession", "--db", str(database), *command],
            env=_environment(tmp_path, runtime),
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
        )
        assert done.returncode == 0, done.stderr


def test_a_database_made_after_the_claim_is_claimed_as_a_file_too(
    tmp_path: Path, runtime: Path
) -> None:
    database = tmp_path / "ws.sqlite3"
    first = DatabaseClaim(str(database))
    assert first.acquire()  # the file does not exist yet: claimed by its path
    database.write_bytes(b"")  # the app makes it
    assert first.extend()
    hard_link = tmp_path / "elsewhere.sqlite3"
    os.link(database, hard_link)
    try:
        assert not DatabaseClaim(str(hard_link)).acquire()
    finally:
        first.release()
    assert DatabaseClaim(str(hard_link)).acquire()  # and given up with the rest


def test_a_runtime_folder_that_cannot_be_written_opens_the_database_unclaimed(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "runtime-ro"
    folder.mkdir(mode=0o700)
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(folder)], check=True)  # binds root too
    else:
        folder.chmod(0o500)
    try:
        claim = DatabaseClaim(str(tmp_path / "ws.sqlite3"), folder)
        assert claim.acquire()  # the coach is not locked out of their own database
        assert "runtime-ro" in claim.unavailable
        claim.release()
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        else:
            folder.chmod(0o700)


def test_a_server_database_is_one_claim_under_either_url() -> None:
    bare, full = (
        "postgresql://coach@db.example.org/team",
        "postgresql+psycopg://coach@db.example.org/team",
    )
    assert claim_key(bare) == claim_key(full)
    assert claim_key(full) != claim_key("postgresql+psycopg://coach@db.example.org/ander_team")
