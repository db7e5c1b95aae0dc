"""The app's commands as a coach's own role on a team's server, and the choice of team.

The demo, the list, a plan's PDF, freezing, a decision, verifying and the database check work
as they do for the owner, within the coach's teams; another team's session is not there. A
coach in several teams names one with ``--team`` (or ``$WORKSESSION_TEAM``) and is refused by
name without it; a coach in no team is told so. On an SQLite file nothing of this applies.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.running import run
from tests.following import sign_off
from tests.postgres_server import PostgresServer
from tests.team_roles import NOORD, ZUID, Teams, connect, make_roles, role_url, two_teams
from worksession.storage.opening import open_database


@pytest.fixture
def teams(postgres_server: PostgresServer) -> Iterator[Teams]:
    url = postgres_server.new_database()
    yield two_teams(postgres_server, url)
    postgres_server.drop(url)


def _team_of(teams: Teams, session: str) -> object:
    with connect(teams.url) as owner:
        row = owner.execute("SELECT team_id FROM work_session WHERE id = %s", (int(session),))
        return row.fetchone()


def test_a_coach_runs_a_session_through_the_commands(
    capsys: pytest.CaptureFixture[str], teams: Teams, tmp_path: Path
) -> None:
    noord, zuid = teams.coach("coach_noord"), teams.coach("coach_zuid")
    theirs = run(capsys, "demo", "--db", zuid)[1].strip()
    code, out, err = run(capsys, "demo", "--db", noord)
    assert code == 0, err
    ours = out.strip()
    assert _team_of(teams, ours) == (teams.ids[NOORD],)
    assert _team_of(teams, theirs) == (teams.ids[ZUID],)
    listed = run(capsys, "list", "--db", noord)[1]
    assert listed.splitlines()[0].startswith(f"{ours}\t") and len(listed.splitlines()) == 1
    code, _out, err = run(capsys, "show", theirs, "--db", noord)
    assert (code, err) == (2, f"worksession: er is geen sessie met id {theirs}\n")
    plan = tmp_path / "plan.pdf"
    assert run(capsys, "freeze", ours, "--db", noord)[0] == 0
    signed = run(
        capsys, "signoff", ours, "--version", "1", "--participant", "p-marieke-hermans",
        "--decision", "agreed", "--db", noord,
    )  # fmt: skip
    assert signed[0] == 0, signed[2]
    code, _out, err = run(capsys, "pdf", ours, "--version", "1", "--out", str(plan), "--db", noord)
    assert code == 0, err
    code, out, err = run(capsys, "verify", str(plan), "--db", noord)
    assert code == 0, out + err
    # The coach's own check finds nothing wrong; Zuid's coach cannot verify Noord's plan.
    assert run(capsys, "check-db", "--db", noord)[:2] == (0, "OK\n")
    assert run(capsys, "verify", str(plan), "--db", zuid)[0] != 0
    # Another team's session cannot be frozen or exported by id either.
    assert run(capsys, "freeze", theirs, "--db", noord)[0] == 2
    assert run(capsys, "pdf", theirs, "--out", str(tmp_path / "x.pdf"), "--db", noord)[0] == 2
    # Signed off, its follow-up session is the team's too; another team's has none.
    database = open_database(noord)
    try:
        sign_off(database, int(ours))
    finally:
        database.close()
    code, out, err = run(capsys, "followup", ours, "--db", noord)
    assert code == 0, err
    assert _team_of(teams, out.strip()) == (teams.ids[NOORD],)
    assert run(capsys, "followup", theirs, "--db", noord)[0] == 2


def test_a_coach_in_several_teams_chooses_one(
    capsys: pytest.CaptureFixture[str], teams: Teams, monkeypatch: pytest.MonkeyPatch
) -> None:
    both = teams.coach("coach_beide")
    code, out, err = run(capsys, "demo", "--db", both)
    assert (code, out) == (2, "")
    assert NOORD in err and ZUID in err and "--team" in err
    with connect(teams.url) as owner:
        assert owner.execute("SELECT count(*) FROM work_session").fetchone() == (0,)
    code, out, err = run(capsys, "--team", ZUID, "demo", "--db", both)
    assert code == 0, err
    assert _team_of(teams, out.strip()) == (teams.ids[ZUID],)
    monkeypatch.setenv("WORKSESSION_TEAM", NOORD)
    code, out, err = run(capsys, "demo", "--db", both)
    assert code == 0, err
    assert _team_of(teams, out.strip()) == (teams.ids[NOORD],)
    # Both sessions are the coach's; a team it is not in is refused, naming its teams.
    assert len(run(capsys, "list", "--db", both)[1].splitlines()) == 2
    code, out, err = run(capsys, "demo", "--team", "GGD West", "--db", both)
    assert (code, out) == (2, "")
    assert "GGD West" in err and f"{NOORD}, {ZUID}" in err


def test_a_coach_in_no_team_is_told_so(capsys: pytest.CaptureFixture[str], teams: Teams) -> None:
    code, out, err = run(capsys, "demo", "--db", teams.coach("coach_zonder"))
    assert (code, out) == (2, "")
    assert "team" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_the_check_names_a_table_without_row_security(
    capsys: pytest.CaptureFixture[str], teams: Teams
) -> None:
    assert run(capsys, "check-db", "--db", teams.url)[:2] == (0, "OK\n")
    with connect(teams.url) as owner:
        owner.execute("ALTER TABLE participant DISABLE ROW LEVEL SECURITY")
        owner.execute("DROP POLICY worksession_rows ON insight")
    code, _out, err = run(capsys, "check-db", "--db", teams.url)
    assert code == 2
    assert "participant" in err and "insight" in err


def test_a_coach_cannot_upgrade_the_schema(
    capsys: pytest.CaptureFixture[str], teams: Teams
) -> None:
    with connect(teams.url) as owner:
        owner.execute("UPDATE alembic_version SET version_num = '0011'")
    code, _out, err = run(capsys, "list", "--db", teams.coach("coach_noord"))
    assert code == 2
    assert "0011" in err and "Traceback" not in err


def test_a_coach_cannot_make_the_tables(
    capsys: pytest.CaptureFixture[str], postgres_server: PostgresServer
) -> None:
    make_roles(postgres_server)
    url = postgres_server.empty_database()
    try:
        code, _out, err = run(capsys, "list", "--db", role_url(url, "coach_noord"))
        assert code == 2
        assert "beheerder" in err and "Traceback" not in err
        with connect(url) as owner:
            tables = owner.execute(
                "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"
            )
            assert tables.fetchone() == (0,)
    finally:
        postgres_server.drop(url)


def test_teams_mean_nothing_on_an_sqlite_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import sqlite3

    path = tmp_path / "laptop.sqlite3"
    code, _out, err = run(capsys, "--team", "GGD Noord", "demo", "--db", str(path))
    assert code == 0, err
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT team_id FROM work_session").fetchall() == [(None,)]
        assert connection.execute("SELECT count(*) FROM team").fetchone() == (0,)
        # No trigger and no reference to a team: the file is as it was, plus an empty column.
        assert connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
        ).fetchone() == (0,)
        references = connection.execute("PRAGMA foreign_key_list(work_session)").fetchall()
        assert references == []
