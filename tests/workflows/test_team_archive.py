"""Publishing to and fetching from the team archive: round trips between two laptops through an
archive on the real throwaway PostgreSQL server (and an SQLite file), idempotence, conflicts and
their choices, signed versions merged by fingerprint, and hostile archive content refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.document import import_document, read_document
from worksession.storage.errors import StorageError
from worksession.storage.opening import open_database
from worksession.storage.operations.people import list_participants
from worksession.storage.operations.plan import (
    decisions,
    freeze,
    list_versions,
    record_decision,
)
from worksession.storage.operations.sessions import get_session, list_sessions, update_session
from worksession.workflows.demo import create_demo_session
from worksession.workflows.team_archive import SyncConflict, fetch, publish


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "laptop.sqlite3")
    yield database
    database.close()


@pytest.fixture
def second(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "second.sqlite3")
    yield database
    database.close()


@pytest.fixture
def archive(database_url: str) -> str:
    """The team archive: a database on the test server, or an SQLite file."""
    return database_url


def _demo(db: Database) -> int:
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    return session.id


def _archived(archive: str) -> dict[str, tuple[int, str]]:
    """uuid -> (revision, title) of every session in the archive, read afresh."""
    db = open_database(archive)
    try:
        return {s.uuid: (s.revision, s.title) for s in list_sessions(db=db)}
    finally:
        db.close()


def _only_id(db: Database) -> int:
    (session,) = list_sessions(db=db)
    assert session.id is not None
    return session.id


def test_publish_then_fetch_on_a_second_laptop_and_twice_changes_nothing(
    laptop: Database, second: Database, archive: str
) -> None:
    session_id = _demo(laptop)
    uuid = get_session(db=laptop, session_id=session_id).uuid
    assert publish(db=laptop, session_id=session_id, archive=archive).action == "published"
    assert _archived(archive) == {uuid: (1, get_session(db=laptop, session_id=session_id).title)}
    again = publish(db=laptop, session_id=session_id, archive=archive)
    assert again.action == "unchanged"
    assert _archived(archive)[uuid][0] == 1
    assert get_session(db=laptop, session_id=session_id).revision == 1

    (fetched,) = fetch(db=second, archive=archive)
    assert (fetched.action, fetched.session_uuid) == ("fetched", uuid)
    other_id = _only_id(second)
    assert read_document(db=second, session_id=other_id) == read_document(
        db=laptop, session_id=session_id
    )
    assert [o.action for o in fetch(db=second, archive=archive)] == ["unchanged"]
    assert get_session(db=second, session_id=other_id).revision == 1

    # A change on the second laptop travels back to the first, under the same id there.
    update_session(db=second, session_id=other_id, location="Buurthuis De Kroon")
    assert publish(db=second, session_id=other_id, archive=archive).action == "published"
    assert _archived(archive)[uuid][0] == 2
    # The first laptop did not change it: its publish leaves the archive's newer version be.
    assert publish(db=laptop, session_id=session_id, archive=archive).action == "unchanged"
    assert _archived(archive)[uuid][0] == 2
    (back,) = fetch(db=laptop, archive=archive, session_uuid=uuid)
    assert back.action == "fetched" and back.session_id == session_id
    assert get_session(db=laptop, session_id=session_id).location == "Buurthuis De Kroon"
    assert publish(db=laptop, session_id=session_id, archive=archive).action == "unchanged"


def _both_changed(laptop: Database, second: Database, archive: str) -> tuple[int, int, str]:
    session_id = _demo(laptop)
    publish(db=laptop, session_id=session_id, archive=archive)
    fetch(db=second, archive=archive)
    other_id = _only_id(second)
    update_session(db=second, session_id=other_id, coach="Rik")
    publish(db=second, session_id=other_id, archive=archive)
    update_session(db=laptop, session_id=session_id, coach="Ans")
    return session_id, other_id, get_session(db=laptop, session_id=session_id).uuid


def test_a_conflict_overwrites_nothing_on_either_side(
    laptop: Database, second: Database, archive: str
) -> None:
    session_id, _other, uuid = _both_changed(laptop, second, archive)
    before = _archived(archive)
    with pytest.raises(SyncConflict) as raised:
        publish(db=laptop, session_id=session_id, archive=archive)
    assert raised.value.session_uuid == uuid
    assert uuid in str(raised.value) and raised.value.title in str(raised.value)
    assert _archived(archive) == before
    with pytest.raises(SyncConflict):
        fetch(db=laptop, archive=archive)
    assert get_session(db=laptop, session_id=session_id).coach == "Ans"


def test_keep_both_on_publish_keeps_both_in_the_archive(
    laptop: Database, second: Database, archive: str
) -> None:
    session_id, _other, uuid = _both_changed(laptop, second, archive)
    outcome = publish(db=laptop, session_id=session_id, archive=archive, on_conflict="keep_both")
    assert outcome.action == "copied" and outcome.session_uuid != uuid
    archived = _archived(archive)
    assert set(archived) == {uuid, outcome.session_uuid}
    # The laptop's session is the copy now; the archive's own comes to the laptop beside it.
    assert get_session(db=laptop, session_id=session_id).uuid == outcome.session_uuid
    assert [o.action for o in fetch(db=laptop, archive=archive)].count("fetched") == 1
    coaches = sorted(s.coach for s in list_sessions(db=laptop))
    assert coaches == ["Ans", "Rik"]


def test_keep_both_on_fetch_keeps_the_laptops_version_as_its_own_session(
    laptop: Database, second: Database, archive: str
) -> None:
    session_id, _other, uuid = _both_changed(laptop, second, archive)
    (outcome,) = fetch(db=laptop, archive=archive, on_conflict="keep_both")
    assert (outcome.action, outcome.session_uuid) == ("copied", uuid)
    sessions = {s.uuid: s.coach for s in list_sessions(db=laptop)}
    assert sessions[uuid] == "Rik" and sorted(sessions.values()) == ["Ans", "Rik"]
    assert get_session(db=laptop, session_id=session_id).uuid != uuid


def test_overwrite_backs_up_the_side_it_overwrites(
    laptop: Database, second: Database, archive: str
) -> None:
    session_id, _other, uuid = _both_changed(laptop, second, archive)
    (outcome,) = fetch(db=laptop, archive=archive, on_conflict="overwrite")
    assert outcome.action == "overwritten" and outcome.backup is not None
    assert outcome.backup.exists()
    assert get_session(db=laptop, session_id=session_id).coach == "Rik"
    # The backup holds the laptop's version as it was.
    kept = open_database(outcome.backup)
    try:
        assert [s.coach for s in list_sessions(db=kept)] == ["Ans"]
    finally:
        kept.close()

    update_session(db=laptop, session_id=session_id, coach="Ans")
    update_session(db=second, session_id=_only_id(second), coach="Wim")
    publish(db=second, session_id=_only_id(second), archive=archive)
    done = publish(db=laptop, session_id=session_id, archive=archive, on_conflict="overwrite")
    assert done.action == "overwritten" and done.backup is not None
    assert done.backup.suffix == ".zip" and done.backup.exists()
    assert list(_archived(archive)) == [uuid]
    archived = open_database(archive)
    try:
        assert [s.coach for s in list_sessions(db=archived)] == ["Ans"]
    finally:
        archived.close()


def _sign(db: Database, session_id: int) -> int:
    version = freeze(db=db, session_id=session_id)
    person = next(p for p in list_participants(db=db, session_id=session_id) if p.present)
    record_decision(
        db=db,
        session_id=session_id,
        version=version.number,
        participant=person.key,
        decision="agreed",
    )
    return version.number


def test_signed_versions_merge_by_fingerprint_and_are_never_lost(
    laptop: Database, second: Database, archive: str
) -> None:
    session_id = _demo(laptop)
    _sign(laptop, session_id)
    publish(db=laptop, session_id=session_id, archive=archive)
    fetch(db=second, archive=archive)
    other_id = _only_id(second)
    # Both sides change the plan and freeze it: two different versions 2.
    update_session(db=second, session_id=other_id, ambition="Samen gezond oud worden")
    _sign(second, other_id)
    publish(db=second, session_id=other_id, archive=archive)
    update_session(db=laptop, session_id=session_id, ambition="Langer thuis wonen")
    _sign(laptop, session_id)
    mine = {v.sha256 for v in list_versions(db=laptop, session_id=session_id)}
    theirs = {v.sha256 for v in list_versions(db=second, session_id=other_id)}
    assert len(mine | theirs) == 3

    fetch(db=laptop, archive=archive, on_conflict="overwrite")
    merged = list_versions(db=laptop, session_id=session_id)
    assert {v.sha256 for v in merged} == mine | theirs
    assert [v.number for v in merged] == [1, 2, 3]
    assert all(decisions(db=laptop, version_id=v.id or 0) for v in merged)
    publish(db=laptop, session_id=session_id, archive=archive)
    fetch(db=second, archive=archive)
    assert {v.sha256 for v in list_versions(db=second, session_id=other_id)} == mine | theirs


def test_hostile_archive_content_is_refused_naming_session_and_field(
    laptop: Database, second: Database, archive: str
) -> None:
    session_id = _demo(laptop)
    _sign(laptop, session_id)
    publish(db=laptop, session_id=session_id, archive=archive)
    uuid = get_session(db=laptop, session_id=session_id).uuid
    archived = open_database(archive)
    try:
        with archived.engine.begin() as connection:
            connection.execute(text("UPDATE plan_version SET snapshot = snapshot || ' '"))
    finally:
        archived.close()
    with pytest.raises(
        StorageError, match=rf"{uuid}.*planversie 1: klopt niet met zijn vingerafdruk"
    ):
        fetch(db=second, archive=archive)
    assert list_sessions(db=second) == []

    archived = open_database(archive)
    try:
        with archived.engine.begin() as connection:
            connection.execute(text("UPDATE plan_version SET snapshot = rtrim(snapshot, ' ')"))
            connection.execute(text("UPDATE work_session SET title = ''"))
    finally:
        archived.close()
    with pytest.raises(StorageError, match=rf"{uuid}.*\$\.session\.title"):
        fetch(db=second, archive=archive)
    assert list_sessions(db=second) == []


def test_a_session_that_came_by_file_is_recognised_by_its_identity(
    laptop: Database, second: Database, archive: str
) -> None:
    session_id = _demo(laptop)
    publish(db=laptop, session_id=session_id, archive=archive)
    # The second laptop got the same session as an exported file, before it ever synced.
    import_document(db=second, document=read_document(db=laptop, session_id=session_id))
    other_id = _only_id(second)
    assert publish(db=second, session_id=other_id, archive=archive).action == "unchanged"
    assert [o.action for o in fetch(db=second, archive=archive)] == ["unchanged"]
    update_session(db=second, session_id=other_id, coach="Rik")
    assert publish(db=second, session_id=other_id, archive=archive).action == "published"
