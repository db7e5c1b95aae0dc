"""An edit the database could not take (another program holds its lock) is kept and retried.

A real second process holds SQLite's write lock; the window must say the edit is pending, store
it once the lock is released, and not close without asking while it waits.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.storage.document import read_document
from worksession.ui.session.pages.welcome import WelcomePage
from worksession.ui.session.window import SessionWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def lock(window: SessionWindow) -> Iterator[Callable[[], None]]:
    """Another program takes the database's write lock; calling the fixture releases it."""
    path = str(window.controller.db.path)
    holder = subprocess.Popen(
        [sys.executable, "-m", "tests.storage.writer_process", "hold", path, "release"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"

    def release() -> None:
        if holder.returncode is None:
            holder.communicate("\n", timeout=30)
            assert holder.returncode == 0

    yield release
    release()


def _ambition(window: SessionWindow) -> str:
    controller = window.controller
    return str(
        read_document(db=controller.db, session_id=controller.session_id)["session"]["ambition"]
    )


def _type_ambition(window: SessionWindow, text: str) -> None:
    page = page_of(window, StepKind.WELCOME)
    assert isinstance(page, WelcomePage)
    page.ambition.setPlainText(text)
    page.flush()  # waits the busy timeout for the lock, then keeps the edit pending


def test_an_edit_made_while_another_program_writes_is_stored_when_it_is_done(
    qtbot: QtBot, window: SessionWindow, lock: Callable[[], None]
) -> None:
    _type_ambition(window, "Samen gezond in Noord")
    assert window.controller.has_pending
    assert window.banner.isVisible()
    assert "opnieuw geprobeerd" in window.banner.text()
    assert "opnieuw geprobeerd" in window.saved_label.text()
    assert window.isWindowModified()  # the title's star: something waits to be stored
    assert _ambition(window) != "Samen gezond in Noord"
    lock()
    qtbot.waitUntil(lambda: not window.controller.has_pending, timeout=15000)
    assert _ambition(window) == "Samen gezond in Noord"
    assert not window.banner.isVisible()
    assert "Alles opgeslagen" in window.saved_label.text()
    assert not window.isWindowModified()
    assert window.controller.undo_stack.count() == 1  # and it can be undone like any edit


def _answer(qapp: QApplication, button_text: str, asked: list[str]) -> None:
    """Click ``button_text`` in the question once it shows; the event loop polls, none sleeps."""

    def click() -> None:
        box = qapp.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            asked.append(box.text())
            named = [b for b in box.buttons() if b.text().replace("&", "") == button_text]
            if button_text == "Cancel":  # Qt's own button, in Qt's translation
                named = [box.button(QMessageBox.StandardButton.Cancel)]
            if not named:  # fail the test, not hang it on an open question
                asked.append(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")
                box.reject()
                return
            named[0].click()
            return
        QTimer.singleShot(10, click)

    QTimer.singleShot(0, click)


def test_closing_while_an_edit_is_pending_asks_first(
    qapp: QApplication, window: SessionWindow, lock: Callable[[], None]
) -> None:
    _type_ambition(window, "Niet kwijtraken")
    asked: list[str] = []
    _answer(qapp, "Cancel", asked)
    window.close()
    assert asked and window.isVisible() and window.controller.has_pending  # cancelled
    lock()
    _answer(qapp, "Opnieuw opslaan", asked)
    window.close()
    assert len(asked) == 2 and not window.isVisible()
    assert _ambition(window) == "Niet kwijtraken"


def test_closing_anyway_gives_up_the_pending_edit(
    qapp: QApplication, window: SessionWindow, lock: Callable[[], None]
) -> None:
    _type_ambition(window, "Weggooien")
    asked: list[str] = []
    _answer(qapp, "Toch sluiten", asked)
    window.close()
    assert asked and not window.isVisible()
    lock()
    assert _ambition(window) != "Weggooien"


def test_undo_waits_until_the_pending_edit_is_stored(
    qtbot: QtBot, window: SessionWindow, lock: Callable[[], None]
) -> None:
    page = page_of(window, StepKind.WELCOME)
    assert isinstance(page, WelcomePage)
    before = _ambition(window)
    page.ambition.setPlainText("Eerste versie")
    page.flush()
    lock_while = window.controller.has_pending
    assert lock_while  # stored only after the other program lets go
    assert not window.undo_action.isEnabled()  # an undo now would be overtaken by the edit
    assert window.controller.undo() is False
    assert "wacht" in window.banner.text()
    lock()
    qtbot.waitUntil(lambda: not window.controller.has_pending, timeout=15000)
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert _ambition(window) == before
