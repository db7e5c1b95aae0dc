"""The app after a damaged database: it asks at every start until the coach restores the
backup or starts empty; a read-only database opens with a banner saying changes are not stored."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.answering import close_start_window
from worksession.app import run_app
from worksession.programmes.library import load_library
from worksession.storage.backups import make_backup
from worksession.storage.opening import open_database
from worksession.storage.operations.sessions import create_session, list_sessions
from worksession.storage.recovery import DatabaseDamaged
from worksession.ui.start_window import StartWindow
from worksession.ui.startup import (
    DECIDE_LATER,
    RESTORE,
    START_EMPTY,
    damaged_dialog,
    warn_if_unwritable,
)


def _shots(tmp_path: Path) -> Path:
    """Where screenshots go: $WORKSESSION_SHOTS to look at them, else the test's own folder."""
    folder = Path(os.environ.get("WORKSESSION_SHOTS", str(tmp_path / "shots")))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _damaged(tmp_path: Path) -> Path:
    path = tmp_path / "ws.sqlite3"
    db = open_database(path)
    create_session(db=db, title="Kaalheide")
    db.close()
    make_backup(path, label="manual", retention_days=365)
    path.write_bytes(b"")  # emptied
    return path


def _answer(qapp: QApplication, choice: str, seen: list[str]) -> None:
    """Click ``choice`` in the damaged-database question once it shows, then close the window."""

    def click() -> None:
        for widget in qapp.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                seen.append(widget.text())
                wanted = {
                    RESTORE: widget.defaultButton(),
                    DECIDE_LATER: widget.escapeButton(),
                }.get(choice)
                if wanted is None:  # starting empty is the one destructive button
                    wanted = next(
                        b
                        for b in widget.buttons()
                        if widget.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
                    )
                wanted.click()
                if choice != DECIDE_LATER:  # then the app opens its window: close it
                    QTimer.singleShot(0, lambda: close_start_window(qapp))
                return
        QTimer.singleShot(10, click)

    QTimer.singleShot(0, click)


def test_deciding_later_asks_again_and_starting_empty_is_a_choice(
    qapp: QApplication, tmp_path: Path
) -> None:
    path = _damaged(tmp_path)
    seen: list[str] = []
    _answer(qapp, DECIDE_LATER, seen)
    assert run_app(database=str(path)) == 2
    assert not path.exists()  # no new, empty database behind the coach's back
    _answer(qapp, DECIDE_LATER, seen)
    assert run_app(database=str(path)) == 2
    assert len(seen) == 2 and "backups" in seen[1]  # the same backup offered again
    _answer(qapp, START_EMPTY, seen)
    assert run_app(database=str(path)) == 0
    db = open_database(path)
    assert list_sessions(db=db) == []
    db.close()
    assert list(tmp_path.glob("ws.sqlite3.damaged-*"))  # the damaged file is kept


def test_the_question_offers_restore_empty_and_later(qtbot: QtBot, tmp_path: Path) -> None:
    path = _damaged(tmp_path)
    with pytest.raises(DatabaseDamaged) as caught:
        open_database(path)
    box, choices = damaged_dialog(caught.value)
    qtbot.addWidget(box)
    assert sorted(choices.values()) == sorted([RESTORE, START_EMPTY, DECIDE_LATER])
    assert choices[box.defaultButton()] == RESTORE
    assert choices[box.escapeButton()] == DECIDE_LATER
    box.show()
    qtbot.waitExposed(box)
    box.grab().save(str(_shots(tmp_path) / "damaged-question.png"))


@pytest.fixture
def immutable() -> Iterator[Callable[[Path], None]]:
    """Make a file read-only for this process, root included (``chattr +i``)."""
    locked: list[Path] = []

    def lock(path: Path) -> None:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "+i", str(path)], check=True)
        else:
            path.chmod(0o400)
        locked.append(path)

    yield lock
    for path in locked:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        else:
            path.chmod(0o600)


def test_a_read_only_database_opens_with_a_banner(
    qtbot: QtBot, tmp_path: Path, immutable: Callable[[Path], None]
) -> None:
    path = tmp_path / "ws.sqlite3"
    db = open_database(path)
    create_session(db=db, title="Kaalheide")
    db.close()
    immutable(path)
    db = open_database(path)
    try:
        window = StartWindow(db, load_library())
        qtbot.addWidget(window)
        warn_if_unwritable(window, db)
        window.show()
        qtbot.waitExposed(window)
        assert window.storage_warning.isVisible()
        assert str(path) in window.storage_warning.text()
        window.grab().save(str(_shots(tmp_path) / "read-only-banner.png"))
    finally:
        db.close()


def test_a_writable_database_has_no_banner(qtbot: QtBot, db: object) -> None:
    from worksession.storage.database import Database

    assert isinstance(db, Database)
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    warn_if_unwritable(window, db)
    assert window.storage_warning.isHidden()
