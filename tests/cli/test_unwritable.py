"""A read-only database or folder, or a full disk: every command that touches the database
exits 2 with one line naming the file and what to do — no traceback — and changes nothing.

Tests run as root in CI, and root ignores permission bits: there the file and folder are made
immutable (``chattr +i``), which binds root too; other users get ``chmod``. A full disk is a
file size limit (RLIMIT_FSIZE) on the command's process: writes past it fail as on a full disk,
for any user and without mounting a small file system.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.running import run
from worksession.programmes.library import load_library
from worksession.workflows.demo import demo_document

ROOT = Path(__file__).resolve().parents[2]
NEW = ("new", "--programme", "avondsessie", "--title", "T", "--wijk", "W", "--date", "2026-05-01")


def _lock(paths: list[Path]) -> None:
    for path in paths:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "+i", str(path)], check=True)
        else:
            path.chmod(0o500 if path.is_dir() else 0o400)


def _unlock(paths: list[Path]) -> None:
    for path in paths:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        else:
            path.chmod(0o700 if path.is_dir() else 0o600)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with a database holding the demo session, and a document to import.

    Made by a process of its own that has ended, as a coach's earlier session would have.
    """
    place = tmp_path / "data"
    place.mkdir()
    _worksession("demo", "--db", str(place / "ws.sqlite3"))
    document = demo_document(load_library())
    (tmp_path / "doc.json").write_text(json.dumps(document), encoding="utf-8")
    return place


@pytest.fixture
def locked() -> Iterator[list[Path]]:
    paths: list[Path] = []
    yield paths
    _unlock(paths)


def _state(folder: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.endswith("-shm")
    }


def _one_line_naming(err: str, path: Path) -> None:
    """One line naming the file, or the folder where a file (a backup) could not be made."""
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert str(path) in err or f"{path.parent}{os.sep}backups" in err, err


@pytest.mark.parametrize("command", ["list", "backup", "new", "import", "demo"])
def test_a_read_only_folder_and_database(
    capsys: pytest.CaptureFixture[str],
    folder: Path,
    locked: list[Path],
    command: str,
) -> None:
    database = folder / "ws.sqlite3"
    argv = {"new": NEW, "import": ("import", str(folder.parent / "doc.json"))}.get(
        command, (command,)
    )
    before = _state(folder)
    locked += [database, folder]
    _lock(locked)
    code, _out, err = run(capsys, *argv, "--db", str(database))
    assert code == 2
    _one_line_naming(err, database)
    assert _state(folder) == before


def test_a_read_only_database_file_in_a_writable_folder(
    capsys: pytest.CaptureFixture[str], folder: Path, locked: list[Path]
) -> None:
    database = folder / "ws.sqlite3"
    locked.append(database)
    _lock(locked)
    code, _out, err = run(capsys, *NEW, "--db", str(database))
    assert code == 2
    _one_line_naming(err, database)


def test_a_new_database_in_a_read_only_folder(
    capsys: pytest.CaptureFixture[str], folder: Path, locked: list[Path]
) -> None:
    locked.append(folder)
    _lock(locked)
    database = folder / "new.sqlite3"
    code, _out, err = run(capsys, "list", "--db", str(database))
    assert code == 2
    _one_line_naming(err, database)


def _limited(limit: int) -> None:
    # Past the limit a write fails with EFBIG, as it fails with ENOSPC on a full disk; ignoring
    # SIGXFSZ keeps the process alive to report it.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.parametrize("command", ["import", "backup", "demo"])
def test_a_full_disk(folder: Path, command: str) -> None:
    database = folder / "ws.sqlite3"
    argv = ("import", str(folder.parent / "doc.json")) if command == "import" else (command,)
    limit = 32 * 1024  # nothing is written past 32 kB of any file: not the WAL, not a backup
    result = subprocess.run(
        [sys.executable, "-m", "worksession", *argv, "--db", str(database)],
        preexec_fn=lambda: _limited(limit),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert str(folder) in result.stderr
    # Still the one demo session, still readable.
    assert len(_worksession("list", "--db", str(database)).splitlines()) == 1


def _worksession(*argv: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "worksession", *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    return result.stdout
