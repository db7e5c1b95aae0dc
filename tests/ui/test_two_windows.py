"""Two windows on one database, each with its own engine (as two programs would have).

A change made elsewhere shows up in the open window, and a window that had not seen it yet does
not undo it by writing its stale view back.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.programmes.model import Library
from worksession.storage.opening import open_database
from worksession.storage.operations.follow_up import werkgroep
from worksession.storage.operations.sessions import update_session
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.follow_up import FollowUpPage
from worksession.ui.session.window import SessionWindow


@pytest.fixture
def other(qtbot: QtBot, window: SessionWindow, library: Library) -> Iterator[SessionWindow]:
    """A second window on the same file, through an engine of its own."""
    assert window.controller.db.path is not None
    db = open_database(window.controller.db.path)
    second = SessionWindow(SessionController(db, window.controller.session_id, library))
    qtbot.addWidget(second)
    yield second
    second.controller.close()
    db.close()


def _tick(window: SessionWindow, nth: int) -> None:
    """Tick the ``nth`` person who is not yet in the werkgroep."""
    page = page_of(window, StepKind.FOLLOW_UP)
    assert isinstance(page, FollowUpPage)
    items = [page.werkgroep.item(row) for row in range(page.werkgroep.count())]
    unticked = [item for item in items if item.checkState() == Qt.CheckState.Unchecked]
    unticked[nth].setCheckState(Qt.CheckState.Checked)


def test_a_stale_window_adding_a_werkgroep_member_keeps_the_member_the_other_added(
    window: SessionWindow, other: SessionWindow
) -> None:
    controller = window.controller
    before = werkgroep(db=controller.db, session_id=controller.session_id)
    page_of(other, StepKind.FOLLOW_UP)  # the other window shows the werkgroep as it was
    _tick(window, 0)
    _tick(other, 1)  # from its stale view, without the member just added
    members = werkgroep(db=controller.db, session_id=controller.session_id)
    assert len(members) == len(before) + 2  # both stay: no update was lost


def test_a_change_by_another_program_shows_up_in_the_open_window(
    qtbot: QtBot, window: SessionWindow, other: SessionWindow
) -> None:
    controller = other.controller
    update_session(
        db=window.controller.db, session_id=controller.session_id, location="Wijkcentrum Zuid"
    )
    qtbot.waitUntil(
        lambda: controller.document["session"]["location"] == "Wijkcentrum Zuid", timeout=5000
    )
