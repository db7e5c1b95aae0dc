"""Closing a session window moves the WAL into the database file: a lost ``-wal`` afterwards
loses nothing of the working session."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from worksession.storage.opening import open_database
from worksession.storage.operations.people import add_participant, list_participants
from worksession.ui.session.window import SessionWindow


def test_after_closing_the_window_the_database_file_alone_holds_every_change(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path
) -> None:
    db, session_id = window.controller.db, window.controller.session_id
    assert db.path is not None
    add_participant(db=db, session_id=session_id, name="Noor Laatkomer")
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    # The main file copied without its -wal, as if the WAL had been deleted.
    alone = tmp_path / "alone" / db.path.name
    alone.parent.mkdir()
    alone.write_bytes(db.path.read_bytes())
    copy = open_database(alone)
    try:
        names = [p.name for p in list_participants(db=copy, session_id=session_id)]
    finally:
        copy.close()
    assert "Noor Laatkomer" in names
