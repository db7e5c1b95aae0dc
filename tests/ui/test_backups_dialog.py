"""The Back-ups dialog: list, back up now, restore (after a copy of the current state);
the full database check from the menu."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.operations.sessions import create_session
from worksession.ui.start_window import StartWindow


def test_back_up_then_restore_from_the_dialog(qtbot: QtBot, db: Database) -> None:
    create_session(db=db, title="Voor de back-up")
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    dialog = window.show_backups()
    assert dialog.table.rowCount() == 0 and not dialog.restore_button.isEnabled()
    dialog.backup_now()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == "manual"
    create_session(db=db, title="Na de back-up")
    window.refresh()
    assert window.model.rowCount() == 2
    opened = window.open_session(window.model.session_at(0).id or 0)
    qtbot.addWidget(opened)
    assert dialog.restore(dialog.backups[0].path)
    assert window.model.rowCount() == 1  # the list follows the restored database
    assert window.session_windows == []  # windows on the old state were closed
    labels = [dialog.table.item(row, 2).text() for row in range(dialog.table.rowCount())]
    assert "before-restore" in labels


def test_the_full_check_reports_an_intact_database(qtbot: QtBot, db: Database) -> None:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    assert window.check_db() == []
    assert "intact" in window.statusBar().currentMessage()


def test_the_privacy_page_says_what_is_stored_where(qtbot: QtBot, db: Database) -> None:
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    dialog = window.show_privacy()
    text = dialog.text.toPlainText()
    assert str(db.path) in text and "365" in text and "backups" in text


def test_old_backups_go_after_the_retention_period(db: Database) -> None:
    import datetime as dt

    from worksession.storage.backups import list_backups, make_backup, prune
    from worksession.user.settings import backup_retention_days, save_setting

    assert db.path is not None
    make_backup(db.path, label="manual", retention_days=backup_retention_days())
    save_setting("backup_retention_days", 90)
    assert backup_retention_days() == 90
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=100)
    assert len(prune(db.path, now=later, retention_days=backup_retention_days())) == 1
    assert list_backups(db.path) == []


def test_the_backup_now_button_thins_out_with_the_users_retention(
    qtbot: QtBot, db: Database
) -> None:
    """The setting reaches the rotation through the dialog: storage itself reads no settings."""
    import datetime as dt
    import os

    from worksession.storage.backups import list_backups, make_backup
    from worksession.user.settings import save_setting

    assert db.path is not None
    old = make_backup(db.path, label="manual", retention_days=365)
    # Made 100 days ago as far as the rotation is concerned: the name carries the time.
    stamp = (dt.datetime.now(dt.UTC) - dt.timedelta(days=100)).strftime("%Y%m%dT%H%M%S%fZ")
    aged = old.path.with_name(f"{db.path.stem}-manual-{stamp}.sqlite3")
    os.rename(old.path, aged)
    save_setting("backup_retention_days", 90)
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show_backups().backup_now()
    assert aged not in [backup.path for backup in list_backups(db.path)]
