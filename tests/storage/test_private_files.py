"""Every file the storage layer makes is 0600 from the start, whatever the umask, and the
temporaries a killed run left behind are removed at the next start."""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from worksession.storage.backups import make_backup, restore_backup
from worksession.storage.opening import open_database
from worksession.storage.operations.sessions import create_session
from worksession.storage.pending_choice import marker_path
from worksession.storage.recovery import DatabaseDamaged


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    previous = os.umask(0o022)  # the usual umask: files would be 0644 unless made private
    yield
    os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_databases_backups_and_markers_are_private(tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite3"
    db = open_database(path)
    create_session(db=db, title="Kaalheide")
    db.close()
    backup = make_backup(path, label="manual", retention_days=365)
    assert (_mode(path), _mode(backup.path)) == (0o600, 0o600)

    path.write_bytes(b"")  # damaged: set aside, a marker written
    with pytest.raises(DatabaseDamaged):
        open_database(path)
    assert _mode(marker_path(path)) == 0o600
    restore_backup(path, backup.path, retention_days=365)  # into a database file that is not there
    assert _mode(path) == 0o600

    elsewhere = tmp_path / "other.sqlite3"
    elsewhere.touch(mode=0o644)  # an older version's 0644 file
    elsewhere.chmod(0o644)
    restore_backup(elsewhere, backup.path, retention_days=365)
    assert _mode(elsewhere) == 0o600


def test_stale_temporaries_are_removed_at_start_and_fresh_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite3"
    open_database(path).close()
    backups = tmp_path / "backups"
    backups.mkdir()
    stale = [
        backups / "ws-auto-20260101T000000000000Z.tmp",
        tmp_path / ".ws.sqlite3.4242.0badf00d.creating",
        tmp_path / ".ws.sqlite3.4242.0badf00d.creating-wal",
    ]
    fresh = backups / "ws-auto-20261130T000000000000Z.tmp"  # a backup running right now
    other = backups / "notes.tmp"  # not ours: left alone however old
    two_hours_ago = time.time() - 7200
    for file in [*stale, fresh, other]:
        file.write_bytes(b"x" * 100)
    for file in [*stale, other]:
        os.utime(file, (two_hours_ago, two_hours_ago))
    open_database(path).close()
    assert [file for file in stale if file.exists()] == []
    assert fresh.exists() and other.exists()
