"""Fixtures for GUI tests: a demo session in a temporary database, and its window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from worksession.demo import create_demo_session
from worksession.programmes.library import load_library
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.ui.session.controller import SessionController
from worksession.ui.session.window import SessionWindow


@pytest.fixture
def library() -> Library:
    return load_library()


@pytest.fixture
def controller(db: Database, library: Library) -> SessionController:
    session = create_demo_session(db=db, library=library)
    assert session.id is not None
    return SessionController(db, session.id, library)


@pytest.fixture
def window(qtbot: QtBot, controller: SessionController) -> Iterator[SessionWindow]:
    window = SessionWindow(controller)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
