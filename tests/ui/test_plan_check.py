"""Plan controleren in the app: a PDF dropped on the start window is checked on its own and
against the open database, and the answer says which in the coach's words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.operations.plan import freeze
from worksession.ui.plan_check_dialog import PlanCheckDialog
from worksession.ui.session.window import SessionWindow
from worksession.ui.start_window import StartWindow
from worksession.workflows.demo import create_demo_session
from worksession.workflows.plan_export import write_plan_pdf


def _plan(db: Database, folder: Path) -> Path:
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    freeze(db=db, session_id=session.id)
    path = folder / "plan.pdf"
    write_plan_pdf(db=db, session_id=session.id, out=path)
    return path


def _mime(path: Path) -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    return data


def _drop(qtbot: QtBot, window: QWidget, path: Path) -> PlanCheckDialog | None:
    mime = _mime(path)
    enter = QDragEnterEvent(
        window.rect().center(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return None
    drop = QDropEvent(
        QPointF(window.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    dialogs = window.findChildren(PlanCheckDialog)
    assert len(dialogs) == 1
    qtbot.waitUntil(lambda: dialogs[0].check is not None, timeout=20_000)
    return dialogs[0]


def test_a_dropped_plan_is_checked_against_this_database(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    path = _plan(db, tmp_path)
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    dialog = _drop(qtbot, window, path)
    assert dialog is not None
    assert dialog.headline.text() == (
        "Dit plan is ongewijzigd; versie en besluiten komen overeen met wat hier is vastgelegd."
    )
    text = dialog.details.toPlainText()
    # Each verdict line as verify prints it, not broken between "seal" and its fingerprint.
    assert dialog.details.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap
    assert text.startswith("OK Samen gezond oud worden in Kaalheide version 1 sha256:")
    assert "archive: recorded as session 1 version 1, with the same decisions" in text


def test_a_changed_plan_says_so_and_why(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    path = _plan(db, tmp_path)
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0x01
    path.write_bytes(bytes(data))
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    dialog = _drop(qtbot, window, path)
    assert dialog is not None and dialog.check is not None
    assert dialog.check.exit_code == 1
    assert dialog.headline.text() in (
        "Dit plan is veranderd nadat het is gemaakt.",
        "Dit bestand is geen plan van worksession.",
    )


def test_only_a_pdf_is_taken(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("geen plan", encoding="utf-8")
    window = StartWindow(db, load_library())
    qtbot.addWidget(window)
    window.show()
    assert _drop(qtbot, window, notes) is None
    assert window.findChildren(PlanCheckDialog) == []


def test_the_session_window_checks_a_plan_too(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path
) -> None:
    path = tmp_path / "plan.pdf"
    write_plan_pdf(db=window.controller.db, session_id=window.controller.session_id, out=path)
    assert [s.toString() for s in window.check_plan_action.shortcuts()] == ["Ctrl+Shift+V"]
    dialog = _drop(qtbot, window, path)
    assert dialog is not None and dialog.check is not None
    # A concept never frozen: unchanged, and no archive records a concept.
    assert dialog.headline.text() == "Dit plan is ongewijzigd, maar dit archief kent het niet."
