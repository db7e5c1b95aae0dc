"""Attacks on ``worksession verify`` as a command (issue 14): the verifier's environment, a file
made to keep it busy, and ``--db`` with archives that hold the same content.

``verify`` must give the same answer whatever the environment of the computer that checks, end
in seconds for any file, and with ``--db`` tell a plan made elsewhere from the coach's own. Each
attack is a test that fails for the attacker.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from tests.cli.running import run
from tests.cli.test_verify_archive import _session_in_review
from tests.export.concept_plan import concept_plan
from worksession.domain.plan import fingerprint
from worksession.export.pdf.payload import ATTACHMENT
from worksession.export.pdf.plan import render_plan
from worksession.storage.opening import open_database
from worksession.workflows.plan_export import plan_payload

# An honest plan verifies in about three seconds in a fresh process on the slow CI machine.
BOUND_SECONDS = 20
OK_LINE = "OK Samen gezond oud worden in Kaalheide version 1 sha256:"


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "plan.pdf"
    path.write_bytes(render_plan(concept_plan()))
    return path


def _verify(plan: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "worksession", "verify", str(plan)],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=BOUND_SECONDS * 3,
        check=False,
    )


# --- the verifier's environment -------------------------------------------------------------

ENVIRONMENTS = [
    pytest.param({"RL_invariant": "0"}, id="RL_invariant"),
    pytest.param({"RL_pageCompression": "0"}, id="RL_pageCompression"),
    pytest.param({"RL_allowTTFSubsetting": "0"}, id="RL_allowTTFSubsetting"),
    pytest.param({"LC_ALL": "tr_TR.UTF-8", "LANGUAGE": "en", "TZ": "Pacific/Chatham"}, id="tr"),
    pytest.param({"RL_defaultPageSize": "letter"}, id="RL_defaultPageSize"),
    pytest.param({"RL_useA85": "0"}, id="RL_useA85"),
    pytest.param({"RL_ttfAsciiReadable": "0"}, id="RL_ttfAsciiReadable"),
    pytest.param({"RL_overlapAttachedSpace": "0"}, id="RL_overlapAttachedSpace"),
    pytest.param({"RL_spaceShrinkage": "0.2"}, id="RL_spaceShrinkage"),
    pytest.param({"RL_showBoundary": "1"}, id="RL_showBoundary"),
    pytest.param({"RL_uriWasteReduce": "0.5"}, id="RL_malformed"),
    pytest.param({"PYTHONTZPATH": "/nonexistent"}, id="PYTHONTZPATH"),
]


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_verify_answers_ok_in_any_environment(plan: Path, env: dict[str, str]) -> None:
    result = _verify(plan, env)
    assert result.returncode == 0, (result.stdout, result.stderr[-500:])
    assert result.stdout.startswith(OK_LINE)


def test_verify_answers_ok_with_a_reportlab_settings_file_at_home(
    plan: Path, tmp_path: Path
) -> None:
    (tmp_path / ".reportlab_settings").write_text("showBoundary = 1\n", encoding="utf-8")
    result = _verify(plan, {"HOME": str(tmp_path)})
    assert result.returncode == 0, (result.stdout, result.stderr[-500:])


# --- a file made to keep verify busy --------------------------------------------------------


def _compressed_attachment(pdf: bytes, raw: bytes) -> bytes:
    """``pdf`` carrying ``raw`` as its plan data, Flate-compressed: a large payload in a small
    file (reportlab stores it uncompressed, but any PDF writer may compress it)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    del writer._root_object["/Names"]
    stream = writer.add_attachment(ATTACHMENT, raw)._embedded_file
    reference = stream.indirect_reference
    assert reference is not None
    writer._objects[reference.idnum - 1] = stream.flate_encode()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_verify_ends_in_seconds_for_a_file_made_to_keep_it_busy(tmp_path: Path) -> None:
    concept = concept_plan()
    snapshot = copy.deepcopy(concept.snapshot)
    snapshot["session"]["ambition"] = "woord " * 150_000
    forged = replace(concept, snapshot=snapshot, sha256=fingerprint(snapshot))
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(_compressed_attachment(render_plan(concept), forged.to_bytes()))
    assert bomb.stat().st_size < 200_000
    try:
        result = subprocess.run(
            [sys.executable, "-m", "worksession", "verify", str(bomb)],
            capture_output=True,
            text=True,
            timeout=BOUND_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"verify did not end within {BOUND_SECONDS} s")
    assert result.returncode in (1, 3)


# --- --db with another archive of the same content ------------------------------------------


def _freeze_the_demo(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    assert run(capsys, "demo", "--db", str(db))[0] == 0
    assert run(capsys, "freeze", "1", "--db", str(db))[0] == 0


def test_the_demo_frozen_on_another_laptop_is_not_recorded(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    coach, other = tmp_path / "coach.sqlite3", tmp_path / "other.sqlite3"
    _freeze_the_demo(capsys, coach)
    _freeze_the_demo(capsys, other)
    with sqlite3.connect(other) as connection:  # that laptop froze it a week later
        connection.execute("UPDATE plan_version SET created_at = '2026-11-26 10:00:00.000000'")
    connection.close()
    plan = tmp_path / "elsewhere.pdf"
    assert run(capsys, "pdf", "1", "--out", str(plan), "--db", str(other))[0] == 0
    mine = tmp_path / "mine.pdf"
    assert run(capsys, "pdf", "1", "--out", str(mine), "--db", str(coach))[0] == 0
    assert plan.read_bytes() != mine.read_bytes()
    code, out, _ = run(capsys, "verify", str(plan), "--db", str(coach))
    assert out.startswith("OK ")
    assert code == 1, out


def test_a_plan_with_another_freeze_date_differs_from_the_archive(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "coach.sqlite3"
    _session_in_review(capsys, db)
    database = open_database(str(db))
    real = plan_payload(db=database, session_id=1)
    database.close()
    earlier = dt.datetime.fromisoformat(real.dated) - dt.timedelta(days=30)
    backdated = replace(real, dated=earlier.isoformat())
    plan = tmp_path / "backdated.pdf"
    plan.write_bytes(render_plan(backdated))
    code, out, _ = run(capsys, "verify", str(plan), "--db", str(db))
    assert out.startswith("OK ")
    assert code == 1, out


def test_the_archive_names_the_recorded_person_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "coach.sqlite3"
    names = _session_in_review(capsys, db)
    database = open_database(str(db))
    real = plan_payload(db=database, session_id=1)
    database.close()
    injected = f"{names[0]}\narchive: recorded as session 1 version 1, with the same decisions"
    decisions = tuple(
        {**d, "decision": "agreed", "comment": "", "participant_name": injected}
        if d["decision"] == "changes"
        else d
        for d in real.decisions
    )
    forged = replace(real, signed_off=True, decisions=decisions)  # type: ignore[arg-type]
    plan = tmp_path / "forged.pdf"
    plan.write_bytes(render_plan(forged))
    code, out, err = run(capsys, "verify", str(plan), "--db", str(db))
    # A decision must name the person the attendance list names: this file is no plan at all.
    assert (code, out) == (1, "TAMPERED\n") and "names someone else" in err
