"""A damaged database stays refused until the coach chooses: restore the offered backup or
start empty. The offered backup survives any rotation meanwhile; an empty file or a zeroed
header of a database that has backups gets the same offer."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from worksession.storage.backups import list_backups, make_backup, prune, restore_backup
from worksession.storage.opening import open_database
from worksession.storage.operations.sessions import create_session, list_sessions
from worksession.storage.pending_choice import pending_choice
from worksession.storage.recovery import DatabaseDamaged, start_empty


def _database(tmp_path: Path, *titles: str) -> Path:
    path = tmp_path / "ws.sqlite3"
    db = open_database(path)
    for title in titles:
        create_session(db=db, title=title)
    db.close()
    return path


def _scribble(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for start in range(4096, len(data), 4096):
        data[start : start + 300] = os.urandom(300)
    path.write_bytes(bytes(data))


def _titles(path: Path) -> list[str]:
    db = open_database(path)
    try:
        return sorted(session.title for session in list_sessions(db=db))
    finally:
        db.close()


def test_the_next_start_keeps_refusing_and_offering_the_same_backup(tmp_path: Path) -> None:
    path = _database(tmp_path, "Kaalheide")
    offered = make_backup(path, label="manual", retention_days=365)
    _scribble(path)
    with pytest.raises(DatabaseDamaged) as first:
        open_database(path)
    for _attempt in range(3):  # no silent new, empty database
        with pytest.raises(DatabaseDamaged) as again:
            open_database(path)
        assert again.value.backup == offered
        assert again.value.set_aside == first.value.set_aside
        assert str(offered.path) in str(again.value)
        assert not path.exists()
    choice = pending_choice(path)
    assert choice is not None and choice.backup == offered.path
    restore_backup(path, offered.path, retention_days=365)
    assert pending_choice(path) is None
    assert _titles(path) == ["Kaalheide"]


def test_the_offered_backup_is_never_pruned(tmp_path: Path) -> None:
    path = _database(tmp_path, "Kaalheide")
    offered = make_backup(path, label="manual", retention_days=365)
    _scribble(path)
    with pytest.raises(DatabaseDamaged):
        open_database(path)
    # Ten imports' worth of backups of another database in the same folder would not touch it;
    # here the rotation runs on this database's own folder, two years later.
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=730)
    removed = prune(path, now=later, retention_days=365)
    assert offered.path not in removed and offered.path.exists()


def test_starting_empty_is_an_explicit_choice(tmp_path: Path) -> None:
    path = _database(tmp_path, "Kaalheide")
    make_backup(path, label="manual", retention_days=365)
    _scribble(path)
    with pytest.raises(DatabaseDamaged) as caught:
        open_database(path)
    start_empty(path)
    assert pending_choice(path) is None
    assert _titles(path) == []
    assert caught.value.set_aside.exists()  # the damaged file is still kept


def test_a_damaged_file_without_any_backup_can_be_started_empty(tmp_path: Path) -> None:
    path = _database(tmp_path, "Kaalheide")
    _scribble(path)
    with pytest.raises(DatabaseDamaged) as caught:
        open_database(path)
    assert caught.value.backup is None
    with pytest.raises(DatabaseDamaged, match=r"empty|leeg"):
        open_database(path)
    start_empty(path)
    assert _titles(path) == []


@pytest.mark.parametrize("damage", ["empty", "zeroed header"])
def test_an_empty_file_or_zeroed_header_gets_the_backup_offered(
    tmp_path: Path, damage: str
) -> None:
    path = _database(tmp_path, "Kaalheide")
    offered = make_backup(path, label="manual", retention_days=365)
    if damage == "empty":
        path.write_bytes(b"")
    else:
        data = bytearray(path.read_bytes())
        data[:100] = bytes(100)
        path.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamaged) as caught:
        open_database(path)
    assert caught.value.backup == offered
    assert caught.value.set_aside.exists() and not path.exists()
    restore_backup(path, offered.path, retention_days=365)
    assert _titles(path) == ["Kaalheide"]
    assert list_backups(path)
