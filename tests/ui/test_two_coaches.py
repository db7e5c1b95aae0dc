"""Two coaches in one session on a PostgreSQL server, each with a role of their own.

Bram has the session open in a window; Anna changes it from her own connection. Bram's window
reads her change within its poll and the status bar says who changed what. A change Bram then
makes from what his window showed before Anna's next change is refused with her name, what she
changed and the revision; nothing of hers is overwritten, and the window shows what is stored.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from tests.coach_roles import coach_url
from tests.postgres_server import PostgresServer
from tests.ui.conftest import page_of, shown_window
from worksession.domain.values import StepKind
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.opening import open_database
from worksession.storage.operations.agreements import add_agreement
from worksession.storage.operations.people import list_participants
from worksession.ui.session.controller import POLL_MS, SessionController
from worksession.ui.session.pages.preparation import PreparationPage
from worksession.ui.session.window import SessionWindow
from worksession.workflows.demo import create_demo_session


@pytest.fixture
def server(postgres_server: PostgresServer) -> Iterator[str]:
    url = postgres_server.new_database()
    yield url
    postgres_server.drop(url)


@pytest.fixture
def bram(server: str) -> Iterator[Database]:
    db = open_database(coach_url(server, "bram"))
    yield db
    db.close()


@pytest.fixture
def anna(server: str) -> Iterator[Database]:
    db = open_database(coach_url(server, "anna", name="Anna de Vries"))
    yield db
    db.close()


@pytest.fixture
def window(qtbot: QtBot, bram: Database) -> Iterator[SessionWindow]:
    library = load_library()
    session = create_demo_session(db=bram, library=library)
    assert session.id is not None
    window = shown_window(qtbot, SessionController(bram, session.id, library))
    yield window
    window.close()  # stops the controller's timers before the database goes


def _revision(db: Database, session_id: int) -> int:
    with db.reading() as s:
        query = text("SELECT revision FROM work_session WHERE id = :id")
        return int(s.connection().execute(query, {"id": session_id}).scalar_one())


def _agreements(window: SessionWindow) -> list[str]:
    return [a["what"] for a in window.controller.document["agreements"]]


def test_the_window_follows_another_coach_and_refuses_a_change_from_a_stale_view(
    qtbot: QtBot, window: SessionWindow, anna: Database
) -> None:
    controller = window.controller
    session_id = controller.session_id
    # Anna adds an agreement: Bram's window shows it within a poll or two, and says who.
    add_agreement(db=anna, session_id=session_id, what="Maandelijks wijkoverleg")
    qtbot.waitUntil(lambda: "Maandelijks wijkoverleg" in _agreements(window), timeout=3 * POLL_MS)
    revision = _revision(anna, session_id)
    said = window.statusBar().currentMessage()
    assert said.startswith("Anna de Vries (rol anna) heeft om ")
    assert said.endswith(f"de afspraken gewijzigd (revisie {revision})")

    # Anna adds another while Bram, who has not seen it yet, adds a participant.
    page = page_of(window, StepKind.PREPARATION)
    assert isinstance(page, PreparationPage)
    before = [p.name for p in list_participants(db=anna, session_id=session_id)]
    add_agreement(db=anna, session_id=session_id, what="Wegwijzer bij de huisartsen")
    page.participants.entry.setText("Jan Pieters")
    page.participants.add_from_entry()

    assert [p.name for p in list_participants(db=anna, session_id=session_id)] == before
    assert _revision(anna, session_id) == revision + 1  # Bram's refused change wrote nothing
    banner = window.banner.text()
    assert window.banner.isVisible()
    assert "Anna de Vries (rol anna) heeft om " in banner
    assert f"de afspraken gewijzigd (revisie {revision + 1})" in banner
    assert "het venster toont nu wat er is opgeslagen" in banner
    assert "Wegwijzer bij de huisartsen" in _agreements(window)  # the window shows it now

    # From the view as it is now, Bram's change is stored, and noted as his.
    page.participants.entry.setText("Jan Pieters")
    page.participants.add_from_entry()
    assert "Jan Pieters" in [p.name for p in list_participants(db=anna, session_id=session_id)]
    with anna.reading() as s:
        query = text("SELECT changed_by, last_change FROM work_session WHERE id = :id")
        row = s.connection().execute(query, {"id": session_id}).one()
    assert tuple(row) == ("bram", "the participants")
