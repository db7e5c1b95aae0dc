"""Automatic backups: one at start when something changed, then on a timer while work goes on."""

from __future__ import annotations

import os
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from worksession.storage.backups import list_backups
from worksession.storage.opening import open_database
from worksession.storage.operations.sessions import create_session
from worksession.ui.backup_timer import BackupTimer


def test_a_backup_when_changed_and_none_when_not(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite3"
    db = open_database(path)
    create_session(db=db, title="Kaalheide")
    timer = BackupTimer(path, interval_ms=50)
    assert timer.backup_if_changed("start") is not None
    assert timer.backup_if_changed("start") is None  # nothing changed since
    # Make the next change visibly later than the backup, then let the timer find it.
    later = time.time() + 5
    create_session(db=db, title="Heerlen")
    for name in (path.name, path.name + "-wal"):
        if (path.parent / name).exists():
            os.utime(path.parent / name, (later, later))
    with qtbot.waitSignal(timer.made, timeout=3000) as made:
        pass
    assert made.args[0].label == "auto"
    assert [b.label for b in list_backups(path)] == ["auto", "start"]
    db.close()


def test_a_backup_that_cannot_be_written_is_reported_and_leaves_nothing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "ws.sqlite3"
    db = open_database(path)
    create_session(db=db, title="Kaalheide")
    (tmp_path / "backups").write_text("a file where the folder should be", encoding="utf-8")
    timer = BackupTimer(path)
    with qtbot.waitSignal(timer.failed) as failed:
        assert timer.backup_if_changed("auto") is None
    assert "backups" in failed.args[0]
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("ws.sqlite3")) == [
        "backups"
    ]
    db.close()
