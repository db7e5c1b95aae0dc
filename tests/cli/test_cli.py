"""The CLI end to end on a temporary database: output, exit codes, nothing written on errors.

``dbfile`` is an SQLite file and a database on the test's PostgreSQL server in turn."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.running import run
from worksession import __version__
from worksession.cli import main
from worksession.i18n import set_language
from worksession.programmes.library import load_library
from worksession.support.paths import resource_path
from worksession.workflows.demo import demo_document


@pytest.fixture
def dbfile(database_url: str) -> str:
    return database_url


def test_demo_then_list_and_show(capsys: pytest.CaptureFixture[str], dbfile: str) -> None:
    code, out, _ = run(capsys, "demo", "--db", dbfile)
    assert code == 0 and out.strip() == "1"
    code, out, _ = run(capsys, "list", "--db", dbfile)
    assert code == 0
    assert out.splitlines() == [
        "1\t2026-03-12\tKaalheide\tSamen gezond oud worden in Kaalheide\tdraft"
    ]
    code, out, _ = run(capsys, "show", "1", "--db", dbfile)
    assert code == 0
    assert "Samen gezond oud worden in Kaalheide" in out
    assert "Kartrekker: Yvonne Kessels" in out
    assert "Deelnemers (11 van 12 aanwezig)" in out


def test_db_may_stand_before_the_command_or_come_from_the_environment(
    capsys: pytest.CaptureFixture[str], dbfile: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "--db", dbfile, "demo")[0] == 0
    monkeypatch.setenv("WORKSESSION_DB", dbfile)
    code, out, _ = run(capsys, "list")
    assert code == 0 and out.startswith("1\t")


def test_export_then_import_round_trips(
    capsys: pytest.CaptureFixture[str], dbfile: str, tmp_path: Path
) -> None:
    run(capsys, "demo", "--db", dbfile)
    out_file = tmp_path / "plan.json"
    assert run(capsys, "export", "1", "--json", str(out_file), "--db", dbfile)[0] == 0
    exported = json.loads(out_file.read_text(encoding="utf-8"))
    uuid = exported.pop("uuid")  # the session's identity travels in the file
    assert exported == demo_document(load_library())
    assert exported["session"]["programme_steps"][0]["kind"] == "preparation"
    code, out, _ = run(capsys, "import", str(out_file), "--db", dbfile)
    assert code == 0 and out.strip() == "2"
    again = tmp_path / "again.json"
    run(capsys, "export", "2", "--json", str(again), "--db", dbfile)
    # Imported into the database that holds it, the file makes a copy: a new identity.
    copy_uuid = json.loads(again.read_text(encoding="utf-8"))["uuid"]
    assert copy_uuid != uuid
    assert again.read_bytes() == out_file.read_bytes().replace(uuid.encode(), copy_uuid.encode())


def _session_count(capsys: pytest.CaptureFixture[str], dbfile: str) -> int:
    return len(run(capsys, "list", "--db", dbfile)[1].splitlines())


@pytest.mark.parametrize(
    ("make_args", "fragment"),
    [
        (lambda tmp: ["import", str(tmp / "missing.json")], "missing.json"),
        (lambda tmp: ["import", str(tmp / "bad.json")], "$.agreements[0].lead"),
        (lambda tmp: ["export", "42", "--json", str(tmp / "x.json")], "42"),
        (lambda tmp: ["show", "42"], "42"),
        (lambda tmp: ["show", "een"], "een"),
        (lambda tmp: ["export", "1"], "--json"),
        (lambda tmp: ["frobnicate"], "frobnicate"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str],
    dbfile: str,
    tmp_path: Path,
    make_args: object,
    fragment: str,
) -> None:
    run(capsys, "demo", "--db", dbfile)
    bad = json.loads(resource_path("demo", "demo-session.json").read_text(encoding="utf-8"))
    bad["agreements"][0]["lead"] = "niemand"
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    before = _session_count(capsys, dbfile)
    assert callable(make_args)
    args = [*make_args(tmp_path), "--db", dbfile]
    try:
        code = main(args)
    except SystemExit as exit_:  # argparse exits on its own
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert fragment in captured.err
    assert _session_count(capsys, dbfile) == before
    assert not (tmp_path / "x.json").exists()


def test_a_refused_database_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    foreign = tmp_path / "foto.jpg"
    foreign.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 200)
    code, out, err = run(capsys, "list", "--db", str(foreign))
    assert code == 2 and out == "" and "foto.jpg" in err
    assert foreign.read_bytes() == b"\xff\xd8\xff\xe0" + b"\0" * 200


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"worksession {__version__}"
    with pytest.raises(SystemExit):
        main(["--help"])
    help_text = capsys.readouterr().out
    for command in ("list", "demo", "import", "export", "show"):
        assert command in help_text


def _scripts_dir() -> Path:
    return Path(sys.executable).parent


@pytest.mark.parametrize("entry", ["worksession", "worksession-cli"])
def test_installed_entry_points_answer_help_and_list(entry: str, tmp_path: Path) -> None:
    script = _scripts_dir() / entry
    assert script.exists(), f"{entry} is not installed beside {sys.executable}"
    env = {**os.environ, "WORKSESSION_DB": str(tmp_path / "entry.sqlite3")}
    helped = subprocess.run([script, "--help"], capture_output=True, text=True, env=env)
    assert helped.returncode == 0 and "demo" in helped.stdout
    subprocess.run([script, "demo"], check=True, capture_output=True, env=env)
    listed = subprocess.run([script, "list"], capture_output=True, text=True, env=env)
    assert listed.stdout.startswith("1\t2026-03-12\tKaalheide")


def test_python_dash_m_runs_the_cli(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "worksession", "list", "--db", str(tmp_path / "m.sqlite3")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and result.stdout == ""


def test_freeze_and_signoff_from_the_command_line(
    capsys: pytest.CaptureFixture[str], dbfile: str
) -> None:
    run(capsys, "demo", "--db", dbfile)
    code, out, _ = run(capsys, "freeze", "1", "--db", dbfile)
    assert code == 0
    assert out.startswith("version 1 sha256:") and len(out.strip().split(":")[1]) == 64
    code, out, err = run(
        capsys, "signoff", "1", "--version", "1", "--participant", "p-marieke-hermans",
        "--decision", "agreed", "--method", "email", "--db", dbfile,
    )  # fmt: skip
    assert (code, out, err) == (0, "", "")
    code, _, err = run(
        capsys, "signoff", "1", "--version", "3", "--participant", "p-marieke-hermans",
        "--decision", "agreed", "--db", dbfile,
    )  # fmt: skip
    assert code == 2 and "3" in err
    code, _, err = run(
        capsys, "signoff", "1", "--version", "1", "--participant", "niemand",
        "--decision", "agreed", "--db", dbfile,
    )  # fmt: skip
    assert code == 2 and "niemand" in err


def test_pdf_then_verify_from_the_command_line(
    capsys: pytest.CaptureFixture[str], dbfile: str, tmp_path: Path
) -> None:
    run(capsys, "demo", "--db", dbfile)
    draft = tmp_path / "concept.pdf"
    assert run(capsys, "pdf", "1", "--out", str(draft), "--db", dbfile)[0] == 0
    code, out, _ = run(capsys, "verify", str(draft))
    assert code == 0 and out.startswith("OK Samen gezond oud worden in Kaalheide concept sha256:")
    frozen = run(capsys, "freeze", "1", "--db", dbfile)[1].strip()
    plan = tmp_path / "plan.pdf"
    assert run(capsys, "pdf", "1", "--out", str(plan), "--version", "1", "--db", dbfile)[0] == 0
    code, out, _ = run(capsys, "verify", str(plan))
    assert code == 0 and f" {frozen} seal sha256:" in out and out.endswith("(0 van 11 akkoord)\n")
    changed = bytearray(plan.read_bytes())
    changed[len(changed) // 2] ^= 0x20
    plan.write_bytes(bytes(changed))
    code, out, _ = run(capsys, "verify", str(plan))
    assert code == 1 and out.strip() in ("TAMPERED", "NOT A WORKSESSION PLAN")
    notes = tmp_path / "notes.txt"
    notes.write_text("geen pdf", encoding="utf-8")
    assert run(capsys, "verify", str(notes))[:2] == (1, "NOT A WORKSESSION PLAN\n")
    assert run(capsys, "pdf", "1", "--out", str(plan), "--version", "7", "--db", dbfile)[0] == 2


def test_verify_cannot_check_a_plan_of_an_earlier_layout_and_says_why(
    capsys: pytest.CaptureFixture[str],
) -> None:
    earlier = Path(__file__).parents[1] / "export" / "fixtures" / "demo-plan-renderer-2.pdf"
    code, out, err = run(capsys, "verify", str(earlier))
    assert (code, out) == (3, "CANNOT CHECK\n")
    assert err.startswith(f"{earlier}: ") and "edition" in err


def test_backup_backups_restore_and_check_db(
    capsys: pytest.CaptureFixture[str], dbfile: str
) -> None:
    run(capsys, "demo", "--db", dbfile)
    code, out, _ = run(capsys, "backup", "--db", dbfile)
    assert code == 0
    backup = out.strip()
    assert Path(backup).exists()
    code, out, _ = run(capsys, "backups", "--db", dbfile)
    assert code == 0 and backup in out and "\tmanual\t" in out
    run(capsys, "demo", "--db", dbfile)
    assert len(run(capsys, "list", "--db", dbfile)[1].splitlines()) == 2
    code, out, _ = run(capsys, "restore", backup, "--db", dbfile)
    assert code == 0 and "before-restore" in out
    assert len(run(capsys, "list", "--db", dbfile)[1].splitlines()) == 1
    assert run(capsys, "check-db", "--db", dbfile)[:2] == (0, "OK\n")
    code, _, err = run(capsys, "restore", dbfile + "-nope", "--db", dbfile)
    assert code == 2 and "nope" in err


@pytest.mark.sqlite_only  # a server database is not copied before an import
def test_an_import_is_preceded_by_a_backup(
    capsys: pytest.CaptureFixture[str], dbfile: str, tmp_path: Path
) -> None:
    run(capsys, "demo", "--db", dbfile)
    exported = tmp_path / "s.json"
    run(capsys, "export", "1", "--json", str(exported), "--db", dbfile)
    assert run(capsys, "import", str(exported), "--db", dbfile)[0] == 0
    assert "\tbefore-import\t" in run(capsys, "backups", "--db", dbfile)[1]


def test_an_import_with_a_nul_character_is_refused_by_file_and_field_on_both_engines(
    capsys: pytest.CaptureFixture[str], dbfile: str, tmp_path: Path
) -> None:
    """SQLite would store it, PostgreSQL cannot: refused alike, so a session moves freely."""
    set_language("en")
    document = demo_document(load_library())
    document["participants"][2]["organisation"] = "GGD\x00Zuid"
    source = tmp_path / "nul.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    code, out, err = run(capsys, "import", str(source), "--db", dbfile)
    assert (code, out) == (2, "")
    assert err == (
        f"worksession: {source}: $.participants[2].organisation: contains a NUL character "
        "(\\u0000), which no text field can hold\n"
    )
    assert run(capsys, "list", "--db", dbfile)[:2] == (0, "")  # nothing was stored
