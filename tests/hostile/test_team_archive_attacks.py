"""Attacks on the team archive: a forger with a coach's role, two coaches at once, a server that
goes away mid-publish, and hostile rows in the archive — against the real throwaway PostgreSQL
server. Each attack must leave both sides as they were (or whole) and say what happened."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.postgres_server import PostgresServer
from tests.team_roles import ZUID, Teams, connect, two_teams
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.errors import StorageError
from worksession.storage.opening import open_database
from worksession.storage.operations.people import list_participants
from worksession.storage.operations.plan import freeze, list_versions, record_decision
from worksession.storage.operations.sessions import get_session, list_sessions, update_session
from worksession.workflows.demo import create_demo_session
from worksession.workflows.team_archive import (
    ArchiveUnreachable,
    SyncConflict,
    fetch,
    publish,
    waiting,
)


@pytest.fixture
def teams(postgres_server: PostgresServer) -> Iterator[Teams]:
    url = postgres_server.new_database()
    yield two_teams(postgres_server, url)
    postgres_server.drop(url)


@pytest.fixture
def archive(postgres_server: PostgresServer) -> Iterator[str]:
    url = postgres_server.new_database()
    open_database(url).close()
    yield url
    postgres_server.drop(url)


def _laptop(tmp_path: Path, name: str) -> Database:
    return open_database(tmp_path / f"{name}.sqlite3")


def _demo(db: Database) -> int:
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    return session.id


def _sign(db: Database, session_id: int) -> str:
    version = freeze(db=db, session_id=session_id)
    person = next(p for p in list_participants(db=db, session_id=session_id) if p.present)
    record_decision(
        db=db,
        session_id=session_id,
        version=version.number,
        participant=person.key,
        decision="agreed",
    )
    return version.sha256


def _rows(url: str, sql: str) -> list[tuple[object, ...]]:
    with connect(url) as connection:
        return list(connection.execute(sql).fetchall())  # type: ignore[arg-type]


def _archive_state(url: str) -> list[tuple[object, ...]]:
    return _rows(
        url,
        "SELECT s.uuid, s.revision, s.title, s.coach, s.location, "
        "(SELECT count(*) FROM plan_version v WHERE v.session_id = s.id) "
        "FROM work_session s ORDER BY s.id",
    )


# --- a forger with a coach's role -----------------------------------------------------------


def test_a_coach_cannot_take_over_another_teams_session_by_its_uuid(
    tmp_path: Path, teams: Teams
) -> None:
    zuid_laptop, noord_laptop = _laptop(tmp_path, "zuid"), _laptop(tmp_path, "noord")
    zuid_id = _demo(zuid_laptop)
    _sign(zuid_laptop, zuid_id)
    publish(db=zuid_laptop, session_id=zuid_id, archive=teams.coach("coach_zuid"))
    victim = get_session(db=zuid_laptop, session_id=zuid_id).uuid
    before = _archive_state(teams.url)

    # Noord's forger gives a session of its own laptop the identity of Zuid's session.
    noord_id = _demo(noord_laptop)
    update_session(db=noord_laptop, session_id=noord_id, coach="Forger")
    with noord_laptop.engine.begin() as connection:
        connection.execute(text("UPDATE work_session SET uuid = :u"), {"u": victim})
    with pytest.raises(StorageError) as refused:
        publish(db=noord_laptop, session_id=noord_id, archive=teams.coach("coach_noord"))
    assert "Traceback" not in str(refused.value)
    assert "\n" not in str(refused.value)
    assert _archive_state(teams.url) == before  # Zuid's session untouched, nothing added
    # Fetching Zuid's session by its identity finds nothing for Noord.
    with pytest.raises(StorageError, match=victim):
        fetch(db=noord_laptop, archive=teams.coach("coach_noord"), session_uuid=victim)
    assert get_session(db=noord_laptop, session_id=noord_id).coach == "Forger"
    zuid_laptop.close()
    noord_laptop.close()


def test_a_forged_fingerprint_in_the_archive_is_refused_on_fetch_and_writes_nothing(
    tmp_path: Path, archive: str
) -> None:
    first, second = _laptop(tmp_path, "first"), _laptop(tmp_path, "second")
    session_id = _demo(first)
    _sign(first, session_id)
    publish(db=first, session_id=session_id, archive=archive)
    fetch(db=second, archive=archive)
    (other,) = list_sessions(db=second)
    assert other.id is not None
    signed = [
        (v.number, v.sha256, v.snapshot) for v in list_versions(db=second, session_id=other.id)
    ]
    # The forger rewrites the signed version's snapshot and its fingerprint both, and moves the
    # revision on so it looks like a new version of the session.
    forged = '{"forged": true}'
    import hashlib

    digest = hashlib.sha256(forged.encode()).hexdigest()
    with connect(archive) as connection:
        connection.execute("UPDATE plan_version SET snapshot = %s, sha256 = %s", (forged, digest))
        connection.execute("UPDATE work_session SET revision = revision + 1")
    # Its decisions now name no one of the forged snapshot: refused, naming the session.
    with pytest.raises(StorageError, match=str(other.uuid)):
        fetch(db=second, archive=archive)
    # The signed one stays as it was.
    kept = [(v.number, v.sha256, v.snapshot) for v in list_versions(db=second, session_id=other.id)]
    assert signed[0] in kept
    first.close()
    second.close()


def test_a_lost_update_through_a_forged_revision_is_noticed(tmp_path: Path, archive: str) -> None:
    first, second = _laptop(tmp_path, "first"), _laptop(tmp_path, "second")
    session_id = _demo(first)
    publish(db=first, session_id=session_id, archive=archive)
    # Another coach changes the archive's session by hand and puts the revision back.
    with connect(archive) as connection:
        connection.execute("UPDATE work_session SET location = 'Raw SQL', revision = 1")
    update_session(db=first, session_id=session_id, coach="Ans")
    with pytest.raises(SyncConflict):
        publish(db=first, session_id=session_id, archive=archive)
    assert _archive_state(archive)[0][4] == "Raw SQL"
    first.close()
    second.close()


def test_a_change_in_the_archive_without_a_new_revision_is_fetched(
    tmp_path: Path, archive: str
) -> None:
    first = _laptop(tmp_path, "first")
    session_id = _demo(first)
    publish(db=first, session_id=session_id, archive=archive)
    with connect(archive) as connection:
        connection.execute("UPDATE work_session SET location = 'Raw SQL', revision = 1")
    (outcome,) = fetch(db=first, archive=archive)
    assert outcome.action == "fetched"
    assert get_session(db=first, session_id=session_id).location == "Raw SQL"
    # and from then on both sides agree: nothing more to fetch or publish
    assert [o.action for o in fetch(db=first, archive=archive)] == ["unchanged"]
    assert publish(db=first, session_id=session_id, archive=archive).action == "unchanged"
    first.close()


@pytest.mark.parametrize(
    ("column", "value", "field"),
    [
        ("title", "a\x00b", None),
        ("title", "x" * 1_000_000, "title"),
        ("location", "\u202eevil\u202c", None),
        ("coach", "", None),
    ],
)
def test_hostile_text_in_the_archive_never_crashes_a_fetch(
    tmp_path: Path, archive: str, column: str, value: str, field: str | None
) -> None:
    first, second = _laptop(tmp_path, "first"), _laptop(tmp_path, "second")
    session_id = _demo(first)
    publish(db=first, session_id=session_id, archive=archive)
    try:
        with connect(archive) as connection:
            connection.execute(f"UPDATE work_session SET {column} = %s", (value,))  # type: ignore[arg-type]
    except Exception as error:  # PostgreSQL itself refuses NUL in text: nothing to fetch
        assert "0x00" in str(error)
        return
    try:
        outcomes = fetch(db=second, archive=archive)
    except StorageError as error:
        assert field is not None and field in str(error)
        assert get_session(db=first, session_id=session_id).uuid in str(error)
        assert len(str(error)) < 2000
        assert list_sessions(db=second) == []
        return
    assert [o.action for o in outcomes] == ["fetched"]
    (got,) = list_sessions(db=second)
    assert getattr(got, column) == value
    first.close()
    second.close()


def test_a_raw_sql_edit_that_fails_validation_names_the_session_and_writes_nothing(
    tmp_path: Path, archive: str
) -> None:
    first, second = _laptop(tmp_path, "first"), _laptop(tmp_path, "second")
    keep = _demo(first)
    bad = _demo(first)
    publish(db=first, session_id=keep, archive=archive)
    publish(db=first, session_id=bad, archive=archive)
    bad_uuid = get_session(db=first, session_id=bad).uuid
    with connect(archive) as connection:
        connection.execute(
            "UPDATE sign_off SET decision = 'maybe' WHERE version_id IN "
            "(SELECT v.id FROM plan_version v JOIN work_session s ON s.id = v.session_id "
            "WHERE s.uuid = %s)",
            (bad_uuid,),
        )
        connection.execute(
            "UPDATE agreement SET theme_id = NULL WHERE session_id = "
            "(SELECT id FROM work_session WHERE uuid = %s)",
            (bad_uuid,),
        )
        connection.execute(
            "UPDATE participant SET name = '' WHERE session_id = "
            "(SELECT id FROM work_session WHERE uuid = %s)",
            (bad_uuid,),
        )
    with pytest.raises(StorageError, match=bad_uuid):
        fetch(db=second, archive=archive)
    assert list_sessions(db=second) == []
    first.close()
    second.close()


# --- two coaches at once --------------------------------------------------------------------


def test_two_laptops_publishing_the_same_session_at_once_lose_nothing(
    tmp_path: Path, archive: str
) -> None:
    first, second = _laptop(tmp_path, "first"), _laptop(tmp_path, "second")
    session_id = _demo(first)
    publish(db=first, session_id=session_id, archive=archive)
    fetch(db=second, archive=archive)
    (other,) = list_sessions(db=second)
    assert other.id is not None
    update_session(db=first, session_id=session_id, coach="Ans")
    update_session(db=second, session_id=other.id, coach="Rik")
    results: dict[str, object] = {}
    start = threading.Barrier(2)

    def run(name: str, db: Database, sid: int) -> None:
        start.wait()
        try:
            results[name] = publish(db=db, session_id=sid, archive=archive).action
        except SyncConflict:
            results[name] = "conflict"
        except Exception as error:
            results[name] = repr(error)

    threads = [
        threading.Thread(target=run, args=("first", first, session_id)),
        threading.Thread(target=run, args=("second", second, other.id)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(map(str, results.values())) == ["conflict", "published"]
    (row,) = _archive_state(archive)
    assert row[1] == 2 and row[3] in {"Ans", "Rik"}
    first.close()
    second.close()


def test_two_laptops_publishing_a_new_session_at_once_make_one_row(
    tmp_path: Path, archive: str
) -> None:
    first = _laptop(tmp_path, "first")
    session_id = _demo(first)
    second_path = tmp_path / "second.sqlite3"
    import shutil

    first.close()
    shutil.copy(tmp_path / "first.sqlite3", second_path)
    first = _laptop(tmp_path, "first")
    second = open_database(second_path)
    update_session(db=second, session_id=session_id, coach="Rik")
    results: dict[str, object] = {}
    start = threading.Barrier(2)

    def run(name: str, db: Database) -> None:
        start.wait()
        try:
            results[name] = publish(db=db, session_id=session_id, archive=archive).action
        except SyncConflict:
            results[name] = "conflict"
        except Exception as error:
            results[name] = repr(error)

    threads = [threading.Thread(target=run, args=(n, d)) for n, d in (("a", first), ("b", second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(map(str, results.values())) == ["conflict", "published"], results
    assert len(_archive_state(archive)) == 1
    first.close()
    second.close()


# --- the server going away ------------------------------------------------------------------


def test_the_server_gone_mid_publish_leaves_nothing_half_written_and_the_session_waits(
    tmp_path: Path, archive: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from worksession.storage import sync_bundle
    from worksession.workflows import team_archive

    first = _laptop(tmp_path, "first")
    session_id = _demo(first)
    _sign(first, session_id)
    real = sync_bundle.store_bundle

    def cut(s, bundle, **kwargs):  # type: ignore[no-untyped-def]
        stored = real(s, bundle, **kwargs)
        s.flush()
        pid = s.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
        with connect(archive) as other:
            other.execute("SELECT pg_terminate_backend(%s)", (pid,))
        return stored

    monkeypatch.setattr(team_archive, "store_bundle", cut)
    with pytest.raises(ArchiveUnreachable):
        publish(db=first, session_id=session_id, archive=archive)
    assert _archive_state(archive) == []
    assert _rows(archive, "SELECT count(*) FROM plan_version") == [(0,)]
    assert [w.session_id for w in waiting(db=first)] == [session_id]
    monkeypatch.setattr(team_archive, "store_bundle", real)
    from worksession.workflows.team_archive import publish_waiting

    assert [o.action for o in publish_waiting(db=first)] == ["published"]
    assert waiting(db=first) == []
    assert [o.action for o in publish_waiting(db=first)] == []
    (row,) = _archive_state(archive)
    assert row[1] == 1 and row[5] == 1
    first.close()


# --- idempotence ----------------------------------------------------------------------------


def test_a_round_trip_through_two_laptops_changes_nothing_and_keeps_signed_versions(
    tmp_path: Path, archive: str
) -> None:
    first, second = _laptop(tmp_path, "first"), _laptop(tmp_path, "second")
    session_id = _demo(first)
    signed = _sign(first, session_id)
    for _ in range(2):
        publish(db=first, session_id=session_id, archive=archive)
    for _ in range(2):
        fetch(db=second, archive=archive)
    (other,) = list_sessions(db=second)
    assert other.id is not None
    assert publish(db=second, session_id=other.id, archive=archive).action == "unchanged"
    assert [o.action for o in fetch(db=first, archive=archive)] == ["unchanged"]
    assert (
        get_session(db=first, session_id=session_id).revision
        == get_session(db=first, session_id=session_id).revision
    )
    assert [r[1] for r in _archive_state(archive)] == [1]
    for db, sid in ((first, session_id), (second, other.id)):
        assert [v.sha256 for v in list_versions(db=db, session_id=sid)] == [signed]
    first.close()
    second.close()


def test_fetch_never_reaches_into_another_team_through_a_guessed_uuid_list(
    tmp_path: Path, teams: Teams
) -> None:
    zuid_laptop, noord_laptop = _laptop(tmp_path, "zuid"), _laptop(tmp_path, "noord")
    zuid_id = _demo(zuid_laptop)
    publish(db=zuid_laptop, session_id=zuid_id, archive=teams.coach("coach_zuid"))
    assert fetch(db=noord_laptop, archive=teams.coach("coach_noord")) == []
    assert list_sessions(db=noord_laptop) == []
    assert _rows(
        teams.url, "SELECT t.name FROM work_session s JOIN team t ON t.id = s.team_id"
    ) == [(ZUID,)]
    zuid_laptop.close()
    noord_laptop.close()


# --- an archive in a file: no types enforced, anything in a column --------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE work_session SET title = 'a' || char(0) || 'b'",
        "UPDATE work_session SET revision = 'abc'",
        "UPDATE work_session SET revision = NULL",
        "UPDATE work_session SET revision = -5",
        "UPDATE work_session SET uuid = 'not-a-uuid'",
        "UPDATE work_session SET status = 'bogus'",
        "UPDATE work_session SET created_at = 'yesterday'",
        "UPDATE work_session SET updated_at = 'soon'",
        "UPDATE plan_version SET number = -1",
        "UPDATE plan_version SET created_at = 'never'",
        "UPDATE sign_off SET decided_at = 'never'",
        "UPDATE sign_off SET participant_key = ''",
        "UPDATE participant SET present = 7",
    ],
)
def test_a_damaged_file_archive_is_refused_naming_the_session_and_writes_nothing(
    tmp_path: Path, statement: str
) -> None:
    import sqlite3

    archive = str(tmp_path / "archive.sqlite3")
    first, second = _laptop(tmp_path, "first"), _laptop(tmp_path, "second")
    session_id = _demo(first)
    _sign(first, session_id)
    publish(db=first, session_id=session_id, archive=archive)
    uuid = get_session(db=first, session_id=session_id).uuid
    try:
        with sqlite3.connect(archive) as connection:
            connection.execute(statement)
    except sqlite3.IntegrityError:  # the file's own checks turn the forgery away
        return
    try:
        outcomes = fetch(db=second, archive=archive)
    except StorageError as error:
        message = str(error)
        assert "\n" not in message and len(message) < 2000
        assert uuid in message or "not-a-uuid" in message, message
        assert list_sessions(db=second) == []
        return
    # Taken: then it must be a whole session that reads back.
    assert [o.action for o in outcomes] == ["fetched"]
    (got,) = list_sessions(db=second)
    assert got.id is not None
    assert list_versions(db=second, session_id=got.id)
    first.close()
    second.close()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE work_session SET title = 'a' || char(0) || 'b'",
        "UPDATE work_session SET updated_at = 'soon'",
        "UPDATE work_session SET revision = 'abc'",
        "UPDATE plan_version SET created_at = 'never'",
        "UPDATE participant SET present = 7",
    ],
)
def test_publishing_onto_a_damaged_file_archive_never_crashes(
    tmp_path: Path, statement: str
) -> None:
    import sqlite3

    archive = str(tmp_path / "archive.sqlite3")
    first = _laptop(tmp_path, "first")
    session_id = _demo(first)
    _sign(first, session_id)
    publish(db=first, session_id=session_id, archive=archive)
    with sqlite3.connect(archive) as connection:
        connection.execute(statement)
    update_session(db=first, session_id=session_id, coach="Ans")
    for choice in ("refuse", "overwrite", "keep_both"):
        try:
            publish(db=first, session_id=session_id, archive=archive, on_conflict=choice)
        except StorageError as error:
            assert "\n" not in str(error)
    first.close()


# --- the command line -----------------------------------------------------------------------


def test_the_command_line_refuses_a_take_over_in_one_line_and_escapes_hostile_titles(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, teams: Teams
) -> None:
    from tests.cli.running import run

    zuid, noord = str(tmp_path / "zuid.sqlite3"), str(tmp_path / "noord.sqlite3")
    for laptop in (zuid, noord):
        assert run(capsys, "demo", "--db", laptop)[0] == 0
    assert run(capsys, "publish", "1", "--archive", teams.coach("coach_zuid"), "--db", zuid)[0] == 0
    victim = _rows(teams.url, "SELECT uuid FROM work_session")[0][0]
    import sqlite3

    with sqlite3.connect(noord) as connection:
        connection.execute("UPDATE work_session SET uuid = ?", (victim,))
    code, out, err = run(
        capsys, "publish", "1", "--archive", teams.coach("coach_noord"), "--db", noord
    )
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and str(victim) in err and "Traceback" not in err

    # A title with a bidi override and a newline, put into the archive by hand, stays one
    # escaped line in what fetch prints.
    with connect(teams.url) as connection:
        connection.execute("UPDATE work_session SET title = %s", ("x\u202eevil\nline",))
    fresh = str(tmp_path / "fresh.sqlite3")
    code, out, err = run(capsys, "fetch", "--archive", teams.coach("coach_zuid"), "--db", fresh)
    assert code in (0, 2), err
    assert "\u202e" not in out + err and (out + err).count("\n") == 1
    code, out, err = run(
        capsys,
        "fetch",
        "--archive",
        teams.coach("coach_zuid"),
        "--session",
        "\u202e\n",
        "--db",
        fresh,
    )
    assert code == 2 and "\u202e" not in err and err.count("\n") == 1


# --- a window open on the session while a fetch writes over it ------------------------------


def test_a_window_open_on_a_session_that_a_fetch_overwrote_is_refused_its_stale_change(
    tmp_path: Path, archive: str
) -> None:
    from worksession.storage.seen import SessionView, StaleView, made_from, stamp_of

    first, second = _laptop(tmp_path, "first"), _laptop(tmp_path, "second")
    session_id = _demo(first)
    publish(db=first, session_id=session_id, archive=archive)
    fetch(db=second, archive=archive)
    (other,) = list_sessions(db=second)
    assert other.id is not None
    update_session(db=second, session_id=other.id, location="Buurthuis De Kroon")
    publish(db=second, session_id=other.id, archive=archive)
    # The first laptop's window shows the session, then (in the same program) a fetch brings
    # the other coach's change over it.
    with first.reading() as s:
        view = SessionView(session_id, stamp_of(s, session_id))
    (came,) = fetch(db=first, archive=archive)
    assert came.action == "fetched"
    with pytest.raises(StaleView), made_from(view):
        update_session(db=first, session_id=session_id, location="Getypt in het venster")
    assert get_session(db=first, session_id=session_id).location == "Buurthuis De Kroon"
    first.close()
    second.close()


def test_an_archive_that_is_the_laptops_own_database_is_refused(
    tmp_path: Path, postgres_server: PostgresServer
) -> None:
    from sqlalchemy.engine import make_url

    laptop = _laptop(tmp_path, "first")
    session_id = _demo(laptop)
    freeze(db=laptop, session_id=session_id)
    path = tmp_path / "first.sqlite3"
    for itself in (str(path), f"sqlite:///{path}", str(tmp_path / "." / "first.sqlite3")):
        with pytest.raises(StorageError, match="--archive"):
            publish(db=laptop, session_id=session_id, archive=itself, on_conflict="overwrite")
        with pytest.raises(StorageError, match="--archive"):
            fetch(db=laptop, archive=itself)
    assert get_session(db=laptop, session_id=session_id).revision == 2  # demo, freeze
    laptop.close()
    # On a server: the same database written another way is itself too.
    url = postgres_server.new_database()
    try:
        server = open_database(url)
        server_id = _demo(server)
        written = url.replace(make_url(url).drivername, "postgresql", 1)
        assert written != url
        with pytest.raises(StorageError, match="--archive"):
            publish(db=server, session_id=server_id, archive=written)
        server.close()
    finally:
        postgres_server.drop(url)


def test_one_laptop_publishing_a_session_twice_at_once_is_no_conflict_with_itself(
    tmp_path: Path, archive: str
) -> None:
    # The app's retry of what waits and the coach's own publish may run at the same moment.
    laptop = _laptop(tmp_path, "first")
    session_id = _demo(laptop)
    publish(db=laptop, session_id=session_id, archive=archive)
    update_session(db=laptop, session_id=session_id, coach="Ans")
    results: list[str] = []
    start = threading.Barrier(2)

    def run() -> None:
        start.wait()
        try:
            results.append(publish(db=laptop, session_id=session_id, archive=archive).action)
        except SyncConflict:
            results.append("conflict")

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["published", "unchanged"], results
    (row,) = _archive_state(archive)
    assert row[1:4] == (2, row[2], "Ans")
    laptop.close()


def test_a_sign_off_forged_in_the_archive_for_someone_not_in_the_version_is_refused(
    tmp_path: Path, archive: str
) -> None:
    first, second = _laptop(tmp_path, "first"), _laptop(tmp_path, "second")
    session_id = _demo(first)
    _sign(first, session_id)
    publish(db=first, session_id=session_id, archive=archive)
    uuid = get_session(db=first, session_id=session_id).uuid
    with connect(archive) as connection:
        connection.execute(
            "INSERT INTO sign_off (version_id, participant_key, participant_name, decision, "
            "comment, method, decided_at) SELECT id, 'nobody', 'Niemand', 'agreed', '', "
            "'email', now() FROM plan_version"
        )
    with pytest.raises(StorageError, match=rf"{uuid}.*(planversie|plan version) 1"):
        fetch(db=second, archive=archive)
    assert list_sessions(db=second) == []
    first.close()
    second.close()
