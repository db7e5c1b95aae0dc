"""A hostile toolkit file (an endless integer, deep nesting, a FIFO) does not stop the start:
the sessions are listed, the file is named as unusable, and the start-up backup is made and the
30-minute backups are scheduled."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from worksession.programmes.library import user_sessions_dir
from worksession.storage.backups import list_backups
from worksession.storage.opening import open_database
from worksession.storage.operations.sessions import create_session
from worksession.ui.backup_timer import BackupTimer
from worksession.ui.start_window import StartWindow
from worksession.ui.startup import Startup


def test_hostile_toolkit_files_leave_start_up_and_backups_running(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "ws.sqlite3"
    db = open_database(path)
    create_session(db=db, title="Kaalheide")
    db.close()
    own = user_sessions_dir() / "programmes"
    own.mkdir(parents=True)
    (own / "getal.toml").write_text('id = "g"\ntitle = "g"\nx = ' + "7" * 5000 + "\n")
    (own / "diep.toml").write_text('id = "d"\nsteps = ' + "[" * 3000 + "]" * 3000 + "\n")
    os.mkfifo(own / "pijp.toml")

    window = StartWindow()
    qtbot.addWidget(window)
    startup = Startup(window, str(path), None)
    try:
        startup.open_sessions()
        qtbot.waitUntil(lambda: bool(list_backups(path)), timeout=10_000)
        assert [backup.label for backup in list_backups(path)] == ["start"]
        assert isinstance(window.backups, BackupTimer) and window.backups.timer.isActive()
        assert window.toolkit_warning.text().startswith("3 ")
        assert "avondsessie" in window._library.programmes
    finally:
        startup.finished = True
        if startup.db is not None:
            startup.db.close()
