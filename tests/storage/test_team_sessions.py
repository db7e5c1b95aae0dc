"""A coach's role on a team's server, beyond single changes: the window's change poll, and the
archives (backup and restore) of the administrator and of a coach keep every session in its
team and never reach into another team's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.following import sign_off
from tests.postgres_server import PostgresServer
from tests.team_roles import NOORD, ZUID, Teams, connect, two_teams
from worksession.programmes.library import load_library
from worksession.storage.archive_backups import make_archive, read_archive, restore_archive
from worksession.storage.changes import ChangeWatch
from worksession.storage.database import Database
from worksession.storage.opening import open_database
from worksession.storage.operations.session_copy import duplicate_session
from worksession.storage.operations.sessions import update_session
from worksession.storage.teams import TeamRefused
from worksession.workflows.demo import create_demo_session
from worksession.workflows.following import prepare_follow_up


@pytest.fixture
def teams(postgres_server: PostgresServer) -> Iterator[Teams]:
    url = postgres_server.new_database()
    yield two_teams(postgres_server, url)
    postgres_server.drop(url)


@pytest.fixture
def opened() -> Iterator[list[Database]]:
    databases: list[Database] = []
    yield databases
    for db in databases:
        db.close()


def _open(opened: list[Database], url: str, team: str | None = None) -> Database:
    db = open_database(url, team=team)
    opened.append(db)
    return db


def _demo(db: Database) -> int:
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    return session.id


def _teams_of_sessions(teams: Teams) -> list[tuple[str, str]]:
    with connect(teams.url) as owner:
        rows = owner.execute(
            "SELECT s.title, t.name FROM work_session s JOIN team t ON t.id = s.team_id "
            "ORDER BY t.name, s.id"
        ).fetchall()
    return [(str(title), str(name)) for title, name in rows]


def test_the_change_poll_sees_the_team_and_not_the_other_team(
    teams: Teams, opened: list[Database]
) -> None:
    noord, zuid = (
        _open(opened, teams.coach("coach_noord")),
        _open(opened, teams.coach("coach_zuid")),
    )
    ours, theirs = _demo(noord), _demo(zuid)
    watch = ChangeWatch(noord)
    try:
        update_session(db=zuid, session_id=theirs, location="Elders")
        _demo(zuid)
        assert not watch.changed()  # another team's work is no change of ours
        update_session(db=_open(opened, teams.url), session_id=ours, location="De Linde")
        assert watch.changed()
    finally:
        watch.close()


def test_the_administrators_restore_puts_every_session_back_in_its_team(
    teams: Teams, opened: list[Database], tmp_path: Path
) -> None:
    _demo(_open(opened, teams.coach("coach_noord")))
    _demo(_open(opened, teams.coach("coach_zuid")))
    before = _teams_of_sessions(teams)
    assert [team for _title, team in before] == [NOORD, ZUID]
    admin = _open(opened, teams.url)
    archive = make_archive(admin, folder=tmp_path, label="manual", retention_days=30)
    assert [s.plan["team"] for s in read_archive(archive.path)] == [NOORD, ZUID]
    restore_archive(admin, archive.path, folder=tmp_path, retention_days=30)
    assert _teams_of_sessions(teams) == before
    # Each coach sees their session again.
    for role in ("coach_noord", "coach_zuid"):
        with connect(teams.coach(role)) as coach:
            assert coach.execute("SELECT count(*) FROM work_session").fetchone() == (1,)


def test_a_coachs_archive_and_restore_stay_within_the_team(
    teams: Teams, opened: list[Database], tmp_path: Path
) -> None:
    noord = _open(opened, teams.coach("coach_noord"))
    _demo(noord)
    _demo(_open(opened, teams.coach("coach_zuid")))
    archive = make_archive(noord, folder=tmp_path, label="manual", retention_days=30)
    assert [s.plan["team"] for s in read_archive(archive.path)] == [NOORD]  # Zuid's not in it
    restore_archive(noord, archive.path, folder=tmp_path, retention_days=30)
    assert [team for _title, team in _teams_of_sessions(teams)] == [NOORD, ZUID]  # Zuid's kept
    # The whole database's archive holds Zuid's session too: Noord's coach cannot restore it.
    everything = make_archive(
        _open(opened, teams.url), folder=tmp_path / "all", label="manual", retention_days=30
    )
    with pytest.raises(TeamRefused, match=ZUID):
        restore_archive(noord, everything.path, folder=tmp_path, retention_days=30)
    assert [team for _title, team in _teams_of_sessions(teams)] == [NOORD, ZUID]


def test_a_copy_and_a_follow_up_stay_in_the_original_sessions_team(
    teams: Teams, opened: list[Database]
) -> None:
    both = _open(opened, teams.coach("coach_beide"), team=ZUID)
    original = _demo(both)
    chooses_none = _open(opened, teams.coach("coach_beide"))
    with pytest.raises(TeamRefused):
        _demo(chooses_none)  # in two teams and no choice
    duplicate_session(db=chooses_none, session_id=original, title="Kopie")
    sign_off(chooses_none, original)
    assert prepare_follow_up(db=chooses_none, library=load_library(), session_id=original)
    assert [team for _title, team in _teams_of_sessions(teams)] == [ZUID, ZUID, ZUID]
