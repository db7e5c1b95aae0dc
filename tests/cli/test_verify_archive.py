"""``verify FILE --db DB``: a self-consistent forgery made with the app elsewhere verifies on its
own, and is exposed by the coach's archive."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from tests.cli.running import run
from worksession.export.pdf.plan import render_plan
from worksession.export.pdf.verify import verify_plan
from worksession.storage.opening import open_database
from worksession.storage.operations.people import list_participants, update_participant
from worksession.storage.operations.plan import record_decision
from worksession.storage.operations.privacy import erase_participant
from worksession.workflows.plan_archive import check_against_archive
from worksession.workflows.plan_export import plan_payload, write_plan_pdf


def _session_in_review(capsys: pytest.CaptureFixture[str], db: Path) -> list[str]:
    """The demo frozen as version 1, four present: three agreed, one asked for a change."""
    assert run(capsys, "demo", "--db", str(db))[0] == 0
    database = open_database(str(db))
    people = list_participants(db=database, session_id=1)
    for index, person in enumerate(people):
        assert person.id is not None
        update_participant(db=database, participant_id=person.id, present=index < 4)
    assert run(capsys, "freeze", "1", "--db", str(db))[0] == 0
    keys = [person.key for person in people[:4]]
    moment = dt.datetime(2026, 11, 19, 14, 3, tzinfo=dt.UTC)
    for key in keys[:3]:
        record_decision(
            db=database, session_id=1, version=1, participant=key, decision="agreed",
            decided_at=moment,
        )  # fmt: skip
    record_decision(
        db=database, session_id=1, version=1, participant=keys[3], decision="changes",
        comment="A2 later", decided_at=moment,
    )  # fmt: skip
    database.close()
    return [person.name for person in people[:4]]


@pytest.fixture
def archive(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[Path, list[str]]:
    db = tmp_path / "coach.sqlite3"
    return db, _session_in_review(capsys, db)


def test_a_plan_from_the_archive_matches_it(
    capsys: pytest.CaptureFixture[str], archive: tuple[Path, list[str]], tmp_path: Path
) -> None:
    db, _names = archive
    plan = tmp_path / "plan.pdf"
    assert run(capsys, "pdf", "1", "--out", str(plan), "--db", str(db))[0] == 0
    code, out, _ = run(capsys, "verify", str(plan), "--db", str(db))
    lines = out.splitlines()
    assert code == 0 and lines[0].endswith("(3 van 4 akkoord)")
    assert lines[1] == "archive: recorded as session 1 version 1, with the same decisions"


def test_a_forged_sign_off_is_named_by_the_archive(
    capsys: pytest.CaptureFixture[str], archive: tuple[Path, list[str]], tmp_path: Path
) -> None:
    db, names = archive
    database = open_database(str(db))
    real = plan_payload(db=database, session_id=1)
    forged = replace(
        real,
        signed_off=True,
        decisions=tuple({**d, "decision": "agreed", "comment": ""} for d in real.decisions),  # type: ignore[misc]
    )
    database.close()
    plan = tmp_path / "forged.pdf"
    plan.write_bytes(render_plan(forged))
    code, out, _ = run(capsys, "verify", str(plan))
    assert code == 0 and out.startswith("OK ")  # on its own the forgery holds together
    code, out, _ = run(capsys, "verify", str(plan), "--db", str(db))
    assert code == 1
    assert "archive: DIFFERS from session 1 version 1" in out
    assert f"decision of {names[3]} differs: akkoord in file, wijziging gevraagd recorded" in out
    assert f"comment of {names[3]} differs: '' in file, 'A2 later' recorded" in out


def test_a_plan_made_from_another_database_is_not_recorded(
    capsys: pytest.CaptureFixture[str], archive: tuple[Path, list[str]], tmp_path: Path
) -> None:
    db, _names = archive
    other = tmp_path / "other-laptop.sqlite3"
    _session_in_review(capsys, other)
    database = open_database(str(other))
    from worksession.storage.operations.sessions import update_session

    update_session(db=database, session_id=1, ambition="Een heel ander plan")
    assert run(capsys, "freeze", "1", "--db", str(other))[0] == 0
    plan = tmp_path / "elsewhere.pdf"
    write_plan_pdf(db=database, session_id=1, out=plan)
    database.close()
    assert verify_plan(plan.read_bytes()).ok
    code, out, _ = run(capsys, "verify", str(plan), "--db", str(db))
    assert code == 1
    assert out.splitlines()[1].startswith("archive: NOT RECORDED — no version 2 with fingerprint")


def test_a_decision_recorded_after_the_export_is_named(
    capsys: pytest.CaptureFixture[str], archive: tuple[Path, list[str]], tmp_path: Path
) -> None:
    db, names = archive
    plan = tmp_path / "plan.pdf"
    assert run(capsys, "pdf", "1", "--out", str(plan), "--db", str(db))[0] == 0
    database = open_database(str(db))
    payload = plan_payload(db=database, session_id=1)
    key = next(d["participant_key"] for d in payload.decisions if d["decision"] == "changes")
    record_decision(db=database, session_id=1, version=1, participant=key, decision="agreed")
    check = check_against_archive(db=database, payload=verify_plan(plan.read_bytes()).payload)  # type: ignore[arg-type]
    database.close()
    assert not check.matches
    assert check.differences[0].startswith(
        f"decision of {names[3]} differs: wijziging gevraagd in file, akkoord recorded"
    )


def test_verify_against_a_missing_database_writes_nothing(
    capsys: pytest.CaptureFixture[str], archive: tuple[Path, list[str]], tmp_path: Path
) -> None:
    db, _names = archive
    plan = tmp_path / "plan.pdf"
    run(capsys, "pdf", "1", "--out", str(plan), "--db", str(db))
    missing = tmp_path / "nowhere.sqlite3"
    code, _out, err = run(capsys, "verify", str(plan), "--db", str(missing))
    assert code == 2 and str(missing) in err and not missing.exists()


def test_a_plan_exported_after_an_erasure_still_verifies_and_matches(
    capsys: pytest.CaptureFixture[str], archive: tuple[Path, list[str]], tmp_path: Path
) -> None:
    """The erased person's decision names nobody the frozen version lists: it is left out of the
    plan and of the archive's comparison alike."""
    db, _names = archive
    database = open_database(str(db))
    first = list_participants(db=database, session_id=1)[0]
    assert first.id is not None
    erase_participant(db=database, participant_id=first.id)
    database.close()
    plan = tmp_path / "plan.pdf"
    assert run(capsys, "pdf", "1", "--out", str(plan), "--db", str(db))[0] == 0
    code, out, _ = run(capsys, "verify", str(plan), "--db", str(db))
    lines = out.splitlines()
    assert code == 0 and lines[0].endswith("(2 van 4 akkoord)")
    assert lines[1] == "archive: recorded as session 1 version 1, with the same decisions"
