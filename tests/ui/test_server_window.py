"""The windows on a PostgreSQL database: open the demo, add a participant and undo it, see a
change another program made on the server; the start window's check and a deletion there."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.postgres_server import PostgresServer
from tests.ui.conftest import page_of, shown_window
from worksession.domain.values import StepKind
from worksession.programmes.library import load_library
from worksession.storage.archive_backups import read_archive
from worksession.storage.database import Database
from worksession.storage.opening import open_database
from worksession.storage.operations.people import list_participants
from worksession.storage.operations.sessions import list_sessions, update_session
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.preparation import PreparationPage
from worksession.ui.session.window import SessionWindow
from worksession.ui.start_window import StartWindow
from worksession.user.locations import data_dir
from worksession.workflows.demo import create_demo_session


@pytest.fixture
def server_db(postgres_server: PostgresServer) -> Iterator[Database]:
    url = postgres_server.new_database()
    db = open_database(url)
    yield db
    db.close()
    postgres_server.drop(url)


@pytest.fixture
def server_window(qtbot: QtBot, server_db: Database) -> Iterator[SessionWindow]:
    library = load_library()
    session = create_demo_session(db=server_db, library=library)
    assert session.id is not None
    window = shown_window(qtbot, SessionController(server_db, session.id, library))
    yield window
    window.close()  # stops the controller's timers before the database goes


def _stored_names(window: SessionWindow) -> list[str]:
    controller = window.controller
    return [p.name for p in list_participants(db=controller.db, session_id=controller.session_id)]


def test_a_participant_added_on_the_server_is_undone_there(server_window: SessionWindow) -> None:
    page = page_of(server_window, StepKind.PREPARATION)
    assert isinstance(page, PreparationPage)
    before = _stored_names(server_window)
    page.participants.entry.setText("Jan Pieters")
    page.participants.add_from_entry()
    assert _stored_names(server_window) == [*before, "Jan Pieters"]
    server_window.undo_action.trigger()
    assert _stored_names(server_window) == before
    names = [p["name"] for p in server_window.controller.document["participants"]]
    assert "Jan Pieters" not in names


def test_the_window_shows_what_another_program_changed_on_the_server(
    qtbot: QtBot, server_window: SessionWindow
) -> None:
    controller = server_window.controller
    other = open_database(controller.db.url)
    try:
        update_session(db=other, session_id=controller.session_id, location="Buurthuis De Linde")
    finally:
        other.close()
    qtbot.waitUntil(
        lambda: controller.document["session"]["location"] == "Buurthuis De Linde", timeout=5000
    )


def test_the_start_window_checks_and_deletes_with_an_archive_on_the_server(
    qtbot: QtBot, server_db: Database
) -> None:
    session = create_demo_session(db=server_db, library=load_library())
    assert session.id is not None
    window = StartWindow(server_db, load_library())
    qtbot.addWidget(window)
    window.show()
    assert window.check_db() == []  # every session read back, every version's fingerprint
    window.delete_session(session.id)
    assert list_sessions(db=server_db) == []
    (archive,) = (data_dir() / "backups").glob("*-before-delete-*.zip")
    assert [session.title] == [
        archived.document["session"]["title"] for archived in read_archive(archive)
    ]
