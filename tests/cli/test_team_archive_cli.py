"""``worksession publish`` and ``fetch`` against the real throwaway PostgreSQL server as the
team archive: a round trip between two laptops, publishing twice, a conflict (exit 3, nothing
overwritten), keep both and overwrite, and an archive out of reach (exit 4, the session waits,
``--retry`` publishes it once the archive is there)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.running import run
from tests.postgres_server import PostgresServer
from tests.storage.raw_rows import raw_rows
from worksession.workflows import team_archive


@pytest.fixture
def archive(postgres_server: PostgresServer) -> Iterator[str]:
    url = postgres_server.new_database()
    yield url
    postgres_server.drop(url)


@pytest.fixture
def laptops(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[str, str]:
    first, second = str(tmp_path / "first.sqlite3"), str(tmp_path / "second.sqlite3")
    assert run(capsys, "demo", "--db", first)[0] == 0
    return first, second


def _archived(archive: str) -> list[tuple[object, ...]]:
    return raw_rows(archive, "SELECT uuid, revision, coach FROM work_session ORDER BY id")


def _uuid(db: str) -> str:
    return str(raw_rows(db, "SELECT uuid FROM work_session WHERE id = 1")[0][0])


def test_publish_and_fetch_between_two_laptops(
    capsys: pytest.CaptureFixture[str], laptops: tuple[str, str], archive: str
) -> None:
    first, second = laptops
    uuid = _uuid(first)
    code, out, err = run(capsys, "publish", "1", "--archive", archive, "--db", first)
    assert (code, err) == (0, "") and out.startswith(f"{uuid}\t")
    assert [row[:2] for row in _archived(archive)] == [(uuid, 1)]
    # Twice: nothing changes, not even a revision or the record of the last sync.
    synced = raw_rows(first, "SELECT * FROM sync_state")
    assert [row[1:4] for row in synced] == [(uuid, 1, 1)]
    code, out, _err = run(capsys, "publish", "1", "--archive", archive, "--db", first)
    assert code == 0 and out.rstrip().endswith("ongewijzigd")
    assert [row[:2] for row in _archived(archive)] == [(uuid, 1)]
    assert raw_rows(first, "SELECT revision FROM work_session") == [(1,)]
    assert raw_rows(first, "SELECT * FROM sync_state") == synced

    code, out, _err = run(capsys, "fetch", "--archive", archive, "--db", second)
    assert code == 0 and out.startswith(f"{uuid}\t")
    assert raw_rows(second, "SELECT uuid FROM work_session") == [(uuid,)]
    code, out, _err = run(capsys, "fetch", "--archive", archive, "--session", uuid, "--db", second)
    assert code == 0 and out.rstrip().endswith("ongewijzigd")


def _change(db: str, coach: str) -> None:
    from worksession.storage.opening import open_database
    from worksession.storage.operations.sessions import update_session

    database = open_database(db)
    try:
        update_session(db=database, session_id=1, coach=coach)
    finally:
        database.close()


def test_a_conflict_exits_3_naming_the_session_and_the_choices_resolve_it(
    capsys: pytest.CaptureFixture[str], laptops: tuple[str, str], archive: str
) -> None:
    first, second = laptops
    uuid = _uuid(first)
    run(capsys, "publish", "1", "--archive", archive, "--db", first)
    run(capsys, "fetch", "--archive", archive, "--db", second)
    _change(second, "Rik")
    assert run(capsys, "publish", "1", "--archive", archive, "--db", second)[0] == 0
    _change(first, "Ans")
    code, out, err = run(capsys, "publish", "1", "--archive", archive, "--db", first)
    assert code == 3 and out == ""
    assert uuid in err and "Samen gezond oud worden in Kaalheide" in err
    assert [row[2] for row in _archived(archive)] == ["Rik"]  # nothing overwritten
    assert run(capsys, "fetch", "--archive", archive, "--db", first)[0] == 3
    assert raw_rows(first, "SELECT coach FROM work_session") == [("Ans",)]

    code, out, _err = run(
        capsys, "publish", "1", "--archive", archive, "--overwrite", "--db", first
    )
    assert code == 0 and "overschreven" in out
    backup = Path(out.rstrip().split("\t")[-1].split(": ", 1)[1])
    assert backup.suffix == ".zip" and backup.exists()
    assert [row[2] for row in _archived(archive)] == ["Ans"]

    assert run(capsys, "fetch", "--archive", archive, "--db", second)[0] == 0
    _change(second, "Wim")
    _change(first, "Bo")
    assert run(capsys, "publish", "1", "--archive", archive, "--db", second)[0] == 0
    code, out, _err = run(
        capsys, "publish", "1", "--archive", archive, "--keep-both", "--db", first
    )
    assert code == 0
    assert sorted(row[2] for row in _archived(archive)) == ["Bo", "Wim"]


def test_an_archive_out_of_reach_keeps_the_session_waiting_until_retried(
    capsys: pytest.CaptureFixture[str],
    laptops: tuple[str, str],
    postgres_server: PostgresServer,
) -> None:
    first, _second = laptops
    archive = postgres_server.url("archive_not_made_yet")
    code, out, err = run(capsys, "publish", "1", "--archive", archive, "--db", first)
    assert (code, out) == (4, "")
    assert len(err.splitlines()) == 1 and "--retry" in err
    code, out, _err = run(capsys, "publish", "--waiting", "--db", first)
    assert code == 0 and out.startswith(f"1\t{_uuid(first)}\t")
    assert "archive_not_made_yet" in out
    assert run(capsys, "publish", "--retry", "--db", first)[0] == 4  # still out of reach
    code, out, err = run(capsys, "fetch", "--archive", archive, "--db", first)
    assert (code, out, len(err.splitlines())) == (4, "", 1)
    code, _out, err = run(capsys, "publish", "1", "--db", first)  # no archive, none set
    assert code == 2 and "--archive" in err

    postgres_server.create_database(archive)
    try:
        code, out, _err = run(capsys, "publish", "--retry", "--db", first)
        assert code == 0 and "gepubliceerd" in out
        assert [row[0] for row in _archived(archive)] == [_uuid(first)]
        assert run(capsys, "publish", "--waiting", "--db", first)[1] == ""
    finally:
        postgres_server.drop(archive)


def test_wait_tries_again_until_the_archive_is_there(
    capsys: pytest.CaptureFixture[str],
    laptops: tuple[str, str],
    postgres_server: PostgresServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, _second = laptops
    archive = postgres_server.url("archive_made_while_waiting")
    pauses: list[float] = []

    def the_server_comes_up(seconds: float) -> None:
        # Instead of the pause between two tries: the archive is made meanwhile.
        pauses.append(seconds)
        postgres_server.create_database(archive)

    monkeypatch.setattr(time, "sleep", the_server_comes_up)
    try:
        code, out, err = run(capsys, "publish", "1", "--archive", archive, "--wait", "--db", first)
        assert code == 0 and "gepubliceerd" in out
        assert pauses == [team_archive.RETRY_SECONDS]
        assert "wacht om gepubliceerd te worden" in err
    finally:
        postgres_server.drop(archive)
