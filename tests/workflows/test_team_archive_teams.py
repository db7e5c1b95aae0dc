"""The team archive across a team boundary: coaches publish and fetch with their own roles on the
real server, and a round trip never crosses from one team into another.

Team Noord's coach publishes a session; a colleague in Noord fetches it onto another laptop,
changes it and publishes it back; Noord's coach fetches that change. Team Zuid's coach, on the
same archive, is not shown the session, cannot fetch it by its identity, and after every step
of Noord's the archive holds Noord's session in Noord only.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres_server import PostgresServer
from tests.team_roles import NOORD, Teams, connect, two_teams
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.errors import StorageError
from worksession.storage.opening import open_database
from worksession.storage.operations.sessions import get_session, list_sessions, update_session
from worksession.workflows.demo import create_demo_session
from worksession.workflows.team_archive import fetch, publish


@pytest.fixture
def teams(postgres_server: PostgresServer) -> Iterator[Teams]:
    url = postgres_server.new_database()
    open_database(url).close()  # the administrator makes the tables
    yield two_teams(postgres_server, url)
    postgres_server.drop(url)


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[dict[str, Database]]:
    opened = {name: open_database(tmp_path / f"{name}.sqlite3") for name in ("anna", "bram", "zoe")}
    yield opened
    for db in opened.values():
        db.close()


def _teams_in_archive(teams: Teams) -> dict[str, str]:
    """uuid -> team name of every session in the archive, as the administrator sees it."""
    with connect(teams.url) as owner:
        rows = owner.execute(
            "SELECT s.uuid, t.name FROM work_session s LEFT JOIN team t ON t.id = s.team_id"
        ).fetchall()
    return {str(uuid): str(name) for uuid, name in rows}


def test_a_round_trip_within_a_team_never_reaches_the_other_team(
    teams: Teams, laptops: dict[str, Database]
) -> None:
    noord, collega, zuid = (
        teams.coach("coach_noord"),
        teams.coach("coach_beide"),
        teams.coach("coach_zuid"),
    )
    anna, bram, zoe = laptops["anna"], laptops["bram"], laptops["zoe"]
    made = create_demo_session(db=anna, library=load_library())
    assert made.id is not None
    uuid = made.uuid

    assert publish(db=anna, session_id=made.id, archive=noord).action == "published"
    assert _teams_in_archive(teams) == {uuid: NOORD}

    # Zuid's coach sees nothing of it: not in a fetch of all, not by its identity.
    assert fetch(db=zoe, archive=zuid) == []
    with pytest.raises(StorageError, match=f"bevat geen sessie {uuid}$"):
        fetch(db=zoe, archive=zuid, session_uuid=uuid)  # as for an identity that is nowhere
    assert list_sessions(db=zoe) == []

    # A colleague who is in both teams fetches it, changes it and publishes the change back.
    (fetched,) = fetch(db=bram, archive=collega)
    assert (fetched.session_uuid, fetched.action) == (uuid, "fetched")
    (copy,) = list_sessions(db=bram)
    assert copy.uuid == uuid and copy.id is not None
    update_session(db=bram, session_id=copy.id, location="Wijkcentrum De Linde")
    assert publish(db=bram, session_id=copy.id, archive=collega).action == "published"
    assert _teams_in_archive(teams) == {uuid: NOORD}  # still Noord's, not moved with the colleague

    # Noord's coach fetches the change; Zuid's still sees nothing.
    (back,) = fetch(db=anna, archive=noord)
    assert back.action == "fetched"
    assert get_session(db=anna, session_id=made.id).location == "Wijkcentrum De Linde"
    assert fetch(db=zoe, archive=zuid) == []
    assert [outcome.action for outcome in fetch(db=anna, archive=noord)] == ["unchanged"]


def test_a_copy_kept_beside_a_conflict_stays_in_the_team_of_the_session(
    teams: Teams, laptops: dict[str, Database]
) -> None:
    noord, collega = teams.coach("coach_noord"), teams.coach("coach_beide")
    anna, bram = laptops["anna"], laptops["bram"]
    made = create_demo_session(db=anna, library=load_library())
    assert made.id is not None
    publish(db=anna, session_id=made.id, archive=noord)
    fetch(db=bram, archive=collega)
    (theirs,) = list_sessions(db=bram)
    assert theirs.id is not None
    update_session(db=anna, session_id=made.id, location="Buurthuis")
    publish(db=anna, session_id=made.id, archive=noord)
    update_session(db=bram, session_id=theirs.id, location="Wijkcentrum")

    kept = publish(db=bram, session_id=theirs.id, archive=collega, on_conflict="keep_both")

    assert kept.action == "copied"
    assert _teams_in_archive(teams) == {made.uuid: NOORD, kept.session_uuid: NOORD}
