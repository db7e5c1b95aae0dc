"""The windows as a coach's own role on a team's server: the start window lists the team's
sessions only, and the session window adds and undoes there; a coach in several teams who
chose none is told in the new-session dialog."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.postgres_server import PostgresServer
from tests.team_roles import NOORD, ZUID, Teams, two_teams
from tests.ui.conftest import page_of, shown_window
from worksession.domain.values import StepKind
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.opening import open_database
from worksession.storage.operations.people import list_participants
from worksession.storage.session_list import session_summaries
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.preparation import PreparationPage
from worksession.ui.start_window import StartWindow
from worksession.workflows.demo import create_demo_session


@pytest.fixture
def teams(postgres_server: PostgresServer) -> Iterator[Teams]:
    url = postgres_server.new_database()
    yield two_teams(postgres_server, url)
    postgres_server.drop(url)


@pytest.fixture
def coach_db(teams: Teams) -> Iterator[Database]:
    db = open_database(teams.coach("coach_noord"))
    yield db
    db.close()


@pytest.fixture
def other_team_db(teams: Teams) -> Iterator[Database]:
    db = open_database(teams.coach("coach_zuid"))
    yield db
    db.close()


def test_a_coach_adds_and_undoes_in_the_session_window(
    qtbot: QtBot, coach_db: Database, other_team_db: Database
) -> None:
    library = load_library()
    theirs = create_demo_session(db=other_team_db, library=library)
    ours = create_demo_session(db=coach_db, library=library)
    assert ours.id is not None and theirs.id is not None
    start = StartWindow(coach_db, library)
    qtbot.addWidget(start)
    start.show()
    assert [summary.id for summary in session_summaries(db=coach_db)] == [ours.id]
    assert start.check_db() == []
    window = shown_window(qtbot, SessionController(coach_db, ours.id, library))
    try:
        page = page_of(window, StepKind.PREPARATION)
        assert isinstance(page, PreparationPage)
        before = [p.name for p in list_participants(db=coach_db, session_id=ours.id)]
        page.participants.entry.setText("Jan Pieters")
        page.participants.add_from_entry()
        names = [p.name for p in list_participants(db=coach_db, session_id=ours.id)]
        assert names == [*before, "Jan Pieters"]
        window.undo_action.trigger()
        assert [p.name for p in list_participants(db=coach_db, session_id=ours.id)] == before
    finally:
        window.close()


def test_a_coach_in_several_teams_is_told_to_choose_one(qtbot: QtBot, teams: Teams) -> None:
    db = open_database(teams.coach("coach_beide"))
    try:
        window = StartWindow(db, load_library())
        qtbot.addWidget(window)
        window.show()
        dialog = window.new_session()
        dialog.title.setText("Sportief Simpelveld")
        dialog.wijk.setText("Simpelveld")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(dialog.problem.isVisible)
        assert f"({NOORD}, {ZUID})" in dialog.problem.text()
        assert "--team" in dialog.problem.text()
        assert window.model.rowCount() == 0
        dialog.reject()
    finally:
        db.close()
