"""``worksession followup`` end to end on a temporary database: it prints the new session's id,
and a session that is not signed off, an unknown session or programme is refused on one line,
exit 2, with nothing written."""

from __future__ import annotations

import pytest

from tests.cli.running import run
from tests.following import sign_off
from tests.storage.raw_rows import raw_rows
from worksession.storage.opening import open_database


def _sessions(db: str) -> list[tuple[object, ...]]:
    return raw_rows(db, "SELECT id, title, programme FROM work_session ORDER BY id")


@pytest.fixture
def demo(capsys: pytest.CaptureFixture[str], database_url: str) -> str:
    db = database_url  # an SQLite file and a PostgreSQL database in turn
    assert run(capsys, "demo", "--db", db)[0] == 0
    return db


def _sign(db: str) -> None:
    database = open_database(db)
    sign_off(database, 1)
    database.close()


def test_followup_prints_the_new_session(capsys: pytest.CaptureFixture[str], demo: str) -> None:
    _sign(demo)
    code, out, err = run(capsys, "followup", "1", "--db", demo)
    assert (code, out, err) == (0, "2\n", "")
    assert _sessions(demo)[1] == (
        2,
        "Samen gezond oud worden in Kaalheide — een half jaar later",
        "een-half-jaar-later",
    )
    origin = raw_rows(
        demo, "SELECT origin_session_id, version FROM session_origin WHERE session_id = 2"
    )
    assert origin == [(1, 1)]
    listed = run(capsys, "list", "--db", demo)[1].splitlines()
    assert len(listed) == 2


def test_followup_on_another_programme(capsys: pytest.CaptureFixture[str], demo: str) -> None:
    _sign(demo)
    code, out, _err = run(capsys, "followup", "1", "--programme", "avondsessie", "--db", demo)
    assert (code, out) == (0, "2\n")
    assert _sessions(demo)[1][2] == "avondsessie"


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("followup", "1"), "nog geen vastgelegd plan"),
        (("followup", "7"), "er is geen sessie met id 7"),
    ],
)
def test_followup_refusals_write_nothing(
    capsys: pytest.CaptureFixture[str], demo: str, argv: tuple[str, ...], says: str
) -> None:
    before = _sessions(demo)
    code, out, err = run(capsys, *argv, "--db", demo)
    assert (code, out) == (2, "")
    assert says in err and err.count("\n") == 1
    assert _sessions(demo) == before


def test_followup_names_an_unknown_programme(capsys: pytest.CaptureFixture[str], demo: str) -> None:
    _sign(demo)
    before = _sessions(demo)
    code, _out, err = run(capsys, "followup", "1", "--programme", "geen-idee", "--db", demo)
    assert code == 2
    assert "--programme" in err and "geen-idee" in err and "een-half-jaar-later" in err
    assert _sessions(demo) == before
