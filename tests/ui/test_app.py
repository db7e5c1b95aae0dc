"""`worksession` without a command: the window opens on the database, or a refusal is explained."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView

from tests.ui.answering import close_start_window
from worksession.app import run_app
from worksession.ui.start_window import StartWindow


def _close_later(qapp: QApplication, kind: type, seen: list[str]) -> None:
    """Close the first visible window of ``kind`` once it is there (a start window once its
    sessions are listed), noting what it said."""

    def close() -> None:
        for widget in qapp.topLevelWidgets():
            opening = isinstance(widget, StartWindow) and not widget.findChildren(QTableView)
            if kind is StartWindow and opening:
                break  # still opening the sessions
            if isinstance(widget, kind) and widget.isVisible():
                seen.append(widget.text() if isinstance(widget, QMessageBox) else "window")
                widget.close()
                return
        QTimer.singleShot(10, close)  # the event loop polls; nothing sleeps

    QTimer.singleShot(0, close)


def test_the_app_opens_the_start_window_and_creates_the_database(
    qapp: QApplication, tmp_path: Path
) -> None:
    seen: list[str] = []
    _close_later(qapp, StartWindow, seen)
    path = tmp_path / "app.sqlite3"
    assert run_app(database=str(path)) == 0
    assert seen == ["window"]
    assert path.exists()


def test_a_refused_database_is_explained_and_left_alone(qapp: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "agenda.sqlite3"
    path.write_text("geen database", encoding="utf-8")
    seen: list[str] = []
    _close_later(qapp, QMessageBox, seen)
    assert run_app(database=str(path)) == 2
    assert len(seen) == 1 and "agenda.sqlite3" in seen[0]
    assert path.read_text(encoding="utf-8") == "geen database"


def test_qt_standard_buttons_speak_dutch(qapp: QApplication) -> None:
    from PySide6.QtCore import QCoreApplication

    from worksession.ui.qt_translations import install_qt_translations

    install_qt_translations(qapp)
    assert QCoreApplication.translate("QPlatformTheme", "Close") == "Sluiten"


def test_an_unexpected_error_is_logged_and_explained(qapp: QApplication) -> None:
    from worksession.ui import error_report

    seen: list[str] = []
    _close_later(qapp, QMessageBox, seen)
    try:
        raise RuntimeError("schijf vol")
    except RuntimeError as error:
        error_report.report(RuntimeError, error, error.__traceback__)
    assert len(seen) == 1 and "schijf vol" in seen[0]
    assert "RuntimeError: schijf vol" in error_report.log_path().read_text(encoding="utf-8")


def test_a_data_folder_that_cannot_be_made_is_explained(qapp: QApplication, tmp_path: Path) -> None:
    blocked = tmp_path / "bestand"
    blocked.write_text("geen map", encoding="utf-8")
    seen: list[str] = []
    _close_later(qapp, QMessageBox, seen)
    assert run_app(database=str(blocked / "sub" / "db.sqlite3")) == 2
    assert len(seen) == 1 and "bestand" in seen[0]


def test_a_damaged_database_offers_its_newest_backup(qapp: QApplication, tmp_path: Path) -> None:
    import os

    from worksession.storage.backups import make_backup
    from worksession.storage.opening import open_database
    from worksession.storage.operations.sessions import create_session, list_sessions

    path = tmp_path / "ws.sqlite3"
    db = open_database(path)
    create_session(db=db, title="Kaalheide")
    db.close()
    make_backup(path, label="manual", retention_days=365)
    data = bytearray(path.read_bytes())
    for start in range(4096, len(data), 4096):
        data[start : start + 300] = os.urandom(300)
    path.write_bytes(bytes(data))

    def answer_yes_then_close() -> None:
        for widget in qapp.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                widget.defaultButton().click()  # restore the offered backup
                QTimer.singleShot(0, lambda: close_start_window(qapp))
                return
        QTimer.singleShot(10, answer_yes_then_close)

    QTimer.singleShot(0, answer_yes_then_close)
    assert run_app(database=str(path)) == 0
    db = open_database(path)
    assert [s.title for s in list_sessions(db=db)] == ["Kaalheide"]
    db.close()
    assert list(tmp_path.glob("ws.sqlite3.damaged-*"))
