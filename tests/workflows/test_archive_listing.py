"""The team archive's sessions as *Ophalen uit teamarchief* lists them, and each side's last
change of a session, read from a real archive on the throwaway PostgreSQL server."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres_server import PostgresServer
from worksession.storage.database import Database
from worksession.storage.errors import StorageError
from worksession.storage.opening import open_database
from worksession.storage.operations.sessions import create_session
from worksession.workflows.archive_listing import (
    ArchivedSession,
    archive_change_said,
    archived_sessions,
    change_said,
)
from worksession.workflows.team_archive import fetch, publish


@pytest.fixture
def archive(postgres_server: PostgresServer) -> Iterator[str]:
    url = postgres_server.new_database()
    yield url
    postgres_server.drop(url)


def test_the_archive_lists_its_sessions_newest_first_and_says_which_are_here(
    db: Database, archive: str, tmp_path: Path
) -> None:
    other = open_database(tmp_path / "other.sqlite3")
    try:
        for title, date in (("Oud", "2025-05-01"), ("Zonder datum", None), ("Nieuw", "2026-02-01")):
            session = create_session(db=other, title=title, wijk="Kaalheide", date=date)
            assert session.id is not None
            publish(db=other, session_id=session.id, archive=archive)
    finally:
        other.close()
    listed = archived_sessions(db=db, archive=archive)
    assert [(s.title, s.date, s.here) for s in listed] == [
        ("Nieuw", "2026-02-01", False),
        ("Oud", "2025-05-01", False),
        ("Zonder datum", "", False),
    ]
    fetch(db=db, archive=archive, session_uuid=listed[1].uuid)
    again = archived_sessions(db=db, archive=archive)
    assert [s.here for s in again] == [False, True, False]
    assert all(isinstance(s, ArchivedSession) and len(s.uuid) == 36 for s in again)


def _record(url: str, uuid: str, who: str, what: str) -> None:
    """Who changed the session last and what, as the storage records it with each change."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(
                text("UPDATE work_session SET changed_by = :who, last_change = :what"
                     " WHERE uuid = :uuid"),
                {"who": who, "what": what, "uuid": uuid},
            )  # fmt: skip
    finally:
        engine.dispose()


def test_each_side_tells_its_last_change(db: Database, archive: str) -> None:
    session = create_session(db=db, title="Kaalheide")
    assert session.id is not None
    uuid = publish(db=db, session_id=session.id, archive=archive).session_uuid
    assert change_said(db=db, session_uuid="no such session") is None
    _record(db.url, uuid, "anna", "the agreements")
    _record(archive, uuid, "pjansen", "the participants")
    mine = change_said(db=db, session_uuid=uuid)
    assert mine is not None and mine.startswith("gebruikersaccount anna heeft om ")
    assert "de afspraken gewijzigd" in mine
    theirs = archive_change_said(archive=archive, session_uuid=uuid)
    assert theirs is not None and theirs.startswith("rol pjansen heeft om ")
    assert "de deelnemers gewijzigd" in theirs


def test_an_archive_out_of_reach_is_one_line_without_the_password(
    db: Database, archive: str
) -> None:
    folder = Path(tempfile.mkdtemp(prefix="ws-none-"))  # no server listens here
    try:
        url = archive.replace("postgres@", "postgres:geheim@").split("?")[0]
        url += f"?host={folder}"
        with pytest.raises(StorageError) as refused:
            archived_sessions(db=db, archive=url)
        assert "geheim" not in str(refused.value)
        assert "\n" not in str(refused.value)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
