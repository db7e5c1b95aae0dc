"""Backups: checked private copies, a rotation that keeps what matters, restores that can be
undone, and damaged files set aside with the newest good backup offered."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from worksession.storage.backups import (
    Backup,
    check_backup,
    keep,
    list_backups,
    make_backup,
    restore_backup,
)
from worksession.storage.errors import StorageError
from worksession.storage.integrity import full_check
from worksession.storage.opening import open_database
from worksession.storage.operations.sessions import create_session, list_sessions
from worksession.storage.recovery import DatabaseDamaged


def _database(tmp_path: Path, *titles: str) -> Path:
    path = tmp_path / "ws.sqlite3"
    db = open_database(path)
    for title in titles:
        create_session(db=db, title=title)
    db.close()
    return path


def _titles(path: Path) -> list[str]:
    db = open_database(path)
    try:
        return [session.title for session in list_sessions(db=db)]
    finally:
        db.close()


def test_a_backup_is_a_checked_private_copy(tmp_path: Path) -> None:
    path = _database(tmp_path, "Kaalheide")
    backup = make_backup(path, label="manual", retention_days=365)
    assert backup.label == "manual" and backup.size > 0
    assert stat.S_IMODE(backup.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    check_backup(backup.path)
    assert list_backups(path)[0].path == backup.path
    assert not list(backup.path.parent.glob("*.tmp"))


def test_restore_brings_back_the_data_and_keeps_the_state_before(tmp_path: Path) -> None:
    path = _database(tmp_path, "Voor")
    backup = make_backup(path, label="manual", retention_days=365)
    db = open_database(path)
    create_session(db=db, title="Na")
    db.close()
    safety = restore_backup(path, backup.path, retention_days=365)
    assert _titles(path) == ["Voor"]
    assert safety is not None and safety.label == "before-restore"
    restore_backup(path, safety.path, retention_days=365)  # the restore itself can be undone
    assert sorted(_titles(path)) == ["Na", "Voor"]


def test_a_file_that_is_no_backup_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "ws-manual-20260101T000000000000Z.sqlite3"
    fake.write_text("nee", encoding="utf-8")
    with pytest.raises(StorageError, match="backup"):
        check_backup(fake)
    path = _database(tmp_path, "Blijft")
    with pytest.raises(StorageError):
        restore_backup(path, fake, retention_days=365)
    assert _titles(path) == ["Blijft"]


def _backup(path: str, when: dt.datetime) -> Backup:
    return Backup(Path(path), when, "auto", 1)


def test_the_rotation_keeps_recent_daily_and_monthly_copies() -> None:
    now = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
    hourly = [_backup(f"h{i}", now - dt.timedelta(hours=i)) for i in range(30)]
    daily = [_backup(f"d{i}", now - dt.timedelta(days=i, hours=1)) for i in range(2, 60)]
    old = [_backup("year-and-a-half", now - dt.timedelta(days=540))]
    backups = sorted(hourly + daily + old, key=lambda b: b.created, reverse=True)
    kept = keep(backups, now)
    assert {Path(f"h{i}") for i in range(10)} <= kept  # the ten most recent
    assert Path("h15") not in kept  # same day as newer ones
    assert Path("d20") in kept  # one a day for 30 days
    assert Path("d45") not in kept or (Path("d45") in kept and Path("d44") not in kept)
    months = {b.created.strftime("%Y-%m") for b in backups if b.path in kept}
    assert len(months) >= 2
    assert Path("year-and-a-half") not in kept  # past the retention period


def test_a_damaged_database_is_set_aside_and_the_backup_offered(tmp_path: Path) -> None:
    path = _database(tmp_path, "Kaalheide", "Heerlen")
    make_backup(path, label="manual", retention_days=365)
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page, len(data), page):  # scribble over every page but the header
        data[start : start + 300] = os.urandom(300)
    path.write_bytes(bytes(data))
    original = bytes(data)
    with pytest.raises(DatabaseDamaged) as caught:
        open_database(path)
    error = caught.value
    assert not path.exists()
    assert error.set_aside.read_bytes() == original  # never overwritten
    assert error.backup is not None and "restore" in str(error)
    restore_backup(path, error.backup.path, retention_days=365)
    assert sorted(_titles(path)) == ["Heerlen", "Kaalheide"]


def test_a_truncated_database_gets_its_own_message(tmp_path: Path) -> None:
    path = _database(tmp_path, "Kaalheide")
    path.write_bytes(path.read_bytes()[:5000])
    with pytest.raises(DatabaseDamaged, match=r"afgekapt|truncated"):
        open_database(path)


def test_the_full_check_passes_on_a_good_database(tmp_path: Path) -> None:
    path = _database(tmp_path, "Kaalheide")
    assert full_check(path) == []
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys=OFF")
    connection.execute(
        "INSERT INTO casus (session_id, title, text, question) VALUES (99, '', '', '')"
    )
    connection.commit()
    connection.close()
    assert any("broken link" in problem or "verbroken" in problem for problem in full_check(path))
