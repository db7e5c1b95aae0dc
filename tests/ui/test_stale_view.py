"""A change made from what the window showed before another program changed the session.

A real second process changes the session while the window has not looked yet (its poll is
stopped, so the race is not left to timing). A click made from that stale view is refused and
said, the window then shows what is stored, and nothing the other program did is undone. Text
typed into a field the other program changed meanwhile is stored, with a message that names
the text it replaced, and Ctrl+Z brings that text back.
"""

from __future__ import annotations

import getpass
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.storage.document import read_document
from worksession.storage.operations.follow_up import werkgroep
from worksession.ui.session.pages.follow_up import FollowUpPage
from worksession.ui.session.pages.welcome import WelcomePage
from worksession.ui.session.window import SessionWindow

ROOT = Path(__file__).resolve().parents[2]


def _other_program_sets(window: SessionWindow, field: str, value: str) -> None:
    controller = window.controller
    subprocess.run(
        [sys.executable, "-m", "tests.storage.writer_process", "set", str(controller.db.path),
         str(controller.session_id), field, value],
        cwd=ROOT, check=True, timeout=60,
    )  # fmt: skip


def _stored(window: SessionWindow) -> dict:
    controller = window.controller
    return read_document(db=controller.db, session_id=controller.session_id)


def test_a_click_from_a_view_another_program_changed_is_refused_and_said(
    window: SessionWindow,
) -> None:
    controller = window.controller
    controller.poll_timer.stop()  # the window has not looked since
    page = page_of(window, StepKind.FOLLOW_UP)
    assert isinstance(page, FollowUpPage)
    members = werkgroep(db=controller.db, session_id=controller.session_id)
    _other_program_sets(window, "location", "Wijkcentrum Zuid")

    item = next(
        page.werkgroep.item(row)
        for row in range(page.werkgroep.count())
        if page.werkgroep.item(row).checkState() == Qt.CheckState.Unchecked
    )
    item.setCheckState(Qt.CheckState.Checked)

    assert werkgroep(db=controller.db, session_id=controller.session_id) == members
    assert _stored(window)["session"]["location"] == "Wijkcentrum Zuid"  # not undone
    assert controller.document["session"]["location"] == "Wijkcentrum Zuid"  # now shown
    assert window.banner.isVisible()
    # Who changed what: the other program ran under this computer's account.
    assert f"gebruikersaccount {getpass.getuser()} heeft om " in window.banner.text()
    assert "de sessiegegevens gewijzigd (revisie " in window.banner.text()
    assert controller.undo_stack.count() == 0

    # From the view as it is now, the same click is stored.
    item = next(
        page.werkgroep.item(row)
        for row in range(page.werkgroep.count())
        if page.werkgroep.item(row).checkState() == Qt.CheckState.Unchecked
    )
    item.setCheckState(Qt.CheckState.Checked)
    assert len(werkgroep(db=controller.db, session_id=controller.session_id)) == len(members) + 1


def test_the_window_own_changes_never_make_its_view_stale(window: SessionWindow) -> None:
    controller = window.controller
    controller.poll_timer.stop()
    page = page_of(window, StepKind.WELCOME)
    assert isinstance(page, WelcomePage)
    for text in ("Eerste", "Tweede", "Derde"):
        page.ambition.setPlainText(text)
        page.flush()
        assert _stored(window)["session"]["ambition"] == text
    assert not window.banner.isVisible()


def test_text_typed_over_a_change_by_another_program_names_what_it_replaced(
    qtbot: QtBot, window: SessionWindow
) -> None:
    controller = window.controller
    controller.poll_timer.stop()
    page = page_of(window, StepKind.WELCOME)
    assert isinstance(page, WelcomePage)
    page.ambition.setPlainText("Wat de coach typt")  # typing began before the other change
    _other_program_sets(window, "ambition", "Wat het andere programma schreef")
    page.flush()

    assert _stored(window)["session"]["ambition"] == "Wat de coach typt"
    assert page.ambition.toPlainText() == "Wat de coach typt"
    assert window.banner.isVisible()
    assert "Wat het andere programma schreef" in window.banner.text()
    assert "Ctrl+Z" in window.banner.text()

    window.undo_action.trigger()
    assert _stored(window)["session"]["ambition"] == "Wat het andere programma schreef"
    qtbot.waitUntil(lambda: page.ambition.toPlainText() == "Wat het andere programma schreef")
