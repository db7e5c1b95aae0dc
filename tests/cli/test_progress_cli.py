"""``worksession progress`` and ``worksession due`` end to end on a temporary database: the signed
plan stays signed, the lines are tab-separated records, and bad input names the option and the
value, exits 2 and writes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.cli.running import run
from tests.storage.raw_rows import raw_rows
from worksession.cli import main
from worksession.storage.opening import open_database
from worksession.storage.operations.plan import get_version, record_decisions, snapshot_of
from worksession.storage.operations.sessions import update_session


@pytest.fixture
def signed(capsys: pytest.CaptureFixture[str], database_url: str) -> str:
    """The demo, frozen and agreed by everyone present: signed off (on each engine)."""
    db = database_url
    assert run(capsys, "demo", "--db", db)[0] == 0
    code, out, _ = run(capsys, "freeze", "1", "--db", db)
    assert code == 0 and out.startswith("version 1 sha256:")
    database = open_database(db)
    version = get_version(db=database, session_id=1)
    present = [p["key"] for p in snapshot_of(version)["participants"] if p["present"]]
    record_decisions(
        db=database, session_id=1, version=1, participants=present, decision="agreed",
        decided_at=dt.datetime.now(dt.UTC),
    )  # fmt: skip
    database.close()
    return db


def _entries(db: str) -> list[tuple[object, ...]]:
    return raw_rows(
        db,
        "SELECT agreement_key, status, CAST(date AS VARCHAR), note, reported_by "
        "FROM agreement_progress ORDER BY id",
    )


def _run_or_exit(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``run``, also when argparse exits on its own (a missing or malformed option)."""
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _status(capsys: pytest.CaptureFixture[str], db: str) -> str:
    return run(capsys, "list", "--db", db)[1].split("\t")[-1].strip()


def test_progress_on_three_agreements_keeps_the_plan_signed_off(
    capsys: pytest.CaptureFixture[str], signed: str, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.pdf"
    assert run(capsys, "pdf", "1", "--out", str(plan), "--db", signed)[0] == 0
    assert _status(capsys, signed) == "signed_off"

    code, out, err = run(
        capsys, "progress", "1", "--agreement", "a-wegwijzer", "--status", "done",
        "--note", "Ligt bij alle praktijken", "--date", "2026-05-02", "--by", "p-wendy-pelzer",
        "--db", signed,
    )  # fmt: skip
    assert (code, out, err) == (0, "a-wegwijzer\tdone\t2026-05-02\n", "")
    assert run(capsys, "progress", "1", "--agreement", "a-maatjes", "--status", "in_progress",
               "--by", "Nieuwe coördinator", "--db", signed)[0] == 0  # fmt: skip
    assert run(capsys, "progress", "1", "--agreement", "a-beweeggroep", "--status", "dropped",
               "--db", signed)[0] == 0  # fmt: skip

    today = dt.date.today().isoformat()
    assert _entries(signed) == [
        ("a-wegwijzer", "done", "2026-05-02", "Ligt bij alle praktijken", "Wendy Pelzer"),
        ("a-maatjes", "in_progress", today, "", "Nieuwe coördinator"),
        ("a-beweeggroep", "dropped", today, "", ""),
    ]
    assert _status(capsys, signed) == "signed_off"
    code, out, _ = run(capsys, "verify", str(plan), "--db", signed)
    assert code == 0 and out.startswith("OK ")
    again = tmp_path / "again.pdf"
    assert run(capsys, "pdf", "1", "--out", str(again), "--db", signed)[0] == 0
    assert again.read_bytes() == plan.read_bytes()


def test_due_lists_what_is_overdue_and_leaves_out_what_is_finished(
    capsys: pytest.CaptureFixture[str], signed: str
) -> None:
    run(capsys, "progress", "1", "--agreement", "a-wegwijzer", "--status", "done", "--db", signed)
    # The demo's dates are in 2026: within ten years of any day this runs, each is due or past.
    code, out, err = run(capsys, "due", "--weeks", "520", "--db", signed)
    assert code == 0 and err == ""
    lines = out.splitlines()
    records = [line.split("\t") for line in lines]
    assert all(len(fields) == 8 for fields in records)
    keys = [fields[4] for fields in records]
    assert "a-wegwijzer" not in keys  # done
    first = records[0]
    assert first[2:5] == ["1", "Kaalheide", first[4]]
    dates = [fields[1] for fields in records]
    assert dates == sorted(dates)
    for fields in records:
        assert set(fields[0].split(",")) <= {"overdue", "due", "silent"}
        assert fields[5] in {"open", "in_progress"}


def test_due_keeps_one_record_per_line_whatever_the_text(
    capsys: pytest.CaptureFixture[str], signed: str
) -> None:
    database = open_database(signed)
    update_session(db=database, session_id=1, wijk="Kaal\theide\n\x1b[2J")
    database.close()
    code, out, _ = run(capsys, "due", "--weeks", "520", "--db", signed)
    assert code == 0
    records = [line.split("\t") for line in out.splitlines()]
    assert records and all(len(fields) == 8 for fields in records)
    assert records[0][3] == "Kaal\\theide\\n\\x1b[2J"
    assert "\x1b" not in out


def test_a_session_never_frozen_has_nothing_due(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "draft.sqlite3")
    run(capsys, "demo", "--db", db)
    assert run(capsys, "due", "--db", db) == (0, "", "")


@pytest.mark.parametrize(
    ("arguments", "fragments"),
    [
        (["9", "--agreement", "a-maatjes", "--status", "done"], ["9"]),
        (["1", "--agreement", "a-bestaat-niet", "--status", "done"],
         ["--agreement", "'a-bestaat-niet'", "a-maatjes, a-wegwijzer"]),
        (["1", "--agreement", "' OR 1=1 --", "--status", "done"], ["--agreement", "OR 1=1"]),
        (["1", "--agreement", "a-maatjes", "--status", "klaar"], ["--status", "'klaar'"]),
        (["1", "--agreement", "a-maatjes", "--status", "gereed"], ["--status", "'gereed'"]),
        (["1", "--agreement", "a-maatjes", "--status", "done", "--date", "2026-02-30"],
         ["--date", "2026-02-30"]),
        (["1", "--agreement", "a-maatjes", "--status", "done", "--date", "gisteren"],
         ["--date", "gisteren"]),
        (["1", "--agreement", "a-maatjes", "--status", "done", "--date", "2020-01-01"],
         ["--date", "2020-01-01", "2026-03-12"]),
        (["1", "--agreement", "a-maatjes", "--status", "done", "--note", "x" * 10_001],
         ["--note", "10001"]),
        (["1", "--agreement", "a-maatjes", "--status", "done", "--by", "b" * 201],
         ["--by", "201"]),
        (["1", "--agreement", "a-maatjes"], ["--status"]),
        (["één", "--agreement", "a-maatjes", "--status", "done"], ["één"]),
    ],
)  # fmt: skip
def test_bad_progress_is_one_line_naming_option_and_value_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], signed: str, arguments: list[str], fragments: list[str]
) -> None:
    stamp = raw_rows(signed, "SELECT updated_at FROM work_session")
    code, out, err = _run_or_exit(capsys, "progress", *arguments, "--db", signed)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("worksession")
    for fragment in fragments:
        assert fragment in err
    assert _entries(signed) == []
    assert raw_rows(signed, "SELECT updated_at FROM work_session") == stamp
    assert _status(capsys, signed) == "signed_off"


@pytest.mark.parametrize(("weeks", "fragment"), [("-1", "-1"), ("521", "521"), ("vier", "vier")])
def test_bad_weeks_is_refused(
    capsys: pytest.CaptureFixture[str], signed: str, weeks: str, fragment: str
) -> None:
    code, out, err = _run_or_exit(capsys, "due", "--weeks", weeks, "--db", signed)
    assert code == 2 and out == ""
    assert "--weeks" in err and fragment in err and err.count("\n") == 1
