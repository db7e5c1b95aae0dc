"""``worksession export ID --json|--csv|--xlsx|--ics``: exactly one kind, the list with --csv,
exit 2 with one line for anything else and nothing written."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from tests.cli.running import run


@pytest.fixture
def dbfile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "ws.sqlite3"
    assert run(capsys, "demo", "--db", str(path))[0] == 0
    return path


def _export(capsys: pytest.CaptureFixture[str], dbfile: Path, *argv: str) -> tuple[int, str]:
    """Exit code and stderr; an option argparse refuses exits as every bad input does."""
    try:
        code, out, err = run(capsys, "export", *argv, "--db", str(dbfile))
    except SystemExit as refused:
        captured = capsys.readouterr()
        code, out, err = int(str(refused.code)), captured.out, captured.err
    assert out == ""
    return code, err


def test_each_kind_writes_a_file_its_program_reads(
    capsys: pytest.CaptureFixture[str], dbfile: Path, tmp_path: Path
) -> None:
    agreements, people = tmp_path / "afspraken.csv", tmp_path / "deelnemers.csv"
    book, dates, whole = tmp_path / "plan.xlsx", tmp_path / "plan.ics", tmp_path / "plan.json"
    assert _export(capsys, dbfile, "1", "--csv", str(agreements)) == (0, "")
    assert _export(capsys, dbfile, "1", "--csv", str(people), "--list", "participants")[0] == 0
    assert _export(capsys, dbfile, "1", "--xlsx", str(book))[0] == 0
    assert _export(capsys, dbfile, "1", "--ics", str(dates))[0] == 0
    assert _export(capsys, dbfile, "1", "--json", str(whole))[0] == 0
    rows = list(csv.reader(io.StringIO(agreements.read_text("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Thema", "Nr."] and rows[1][1] == "A1"
    assert people.read_text("utf-8-sig").startswith("Naam;Voorletters;Organisatie;")
    assert "Samenwerkingsafspraken" in load_workbook(book).sheetnames
    assert len(Calendar.from_ical(dates.read_bytes()).events) > 3
    assert whole.read_text("utf-8").startswith('{\n  "format": "worksession/1"')


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["--xlsx", "{out}", "--list", "themes"], "--list"),
        (["--csv", "{out}", "--list", "sprookjes"], "sprookjes"),
        (["--csv", "{out}", "--ics", "{out}"], "--ics"),
        ([], "--json"),
    ],
    ids=["list-without-csv", "unknown-list", "two-kinds", "no-kind"],
)
def test_bad_options_exit_2_with_one_line_and_write_nothing(
    capsys: pytest.CaptureFixture[str],
    dbfile: Path,
    tmp_path: Path,
    argv: list[str],
    named: str,
) -> None:
    out = tmp_path / "uit.bestand"
    code, err = _export(capsys, dbfile, "1", *(arg.format(out=out) for arg in argv))
    assert code == 2 and len(err.strip().splitlines()) == 1 and named in err
    assert not out.exists()


def test_an_unknown_session_is_named_and_nothing_written(
    capsys: pytest.CaptureFixture[str], dbfile: Path, tmp_path: Path
) -> None:
    out = tmp_path / "plan.ics"
    code, err = _export(capsys, dbfile, "42", "--ics", str(out))
    assert code == 2 and "42" in err and not out.exists()


def test_the_database_as_csv_target_is_refused(
    capsys: pytest.CaptureFixture[str], dbfile: Path
) -> None:
    before = dbfile.read_bytes()
    code, err = _export(capsys, dbfile, "1", "--csv", str(dbfile), "--list", "themes")
    assert code == 2 and str(dbfile) in err
    assert dbfile.read_bytes() == before
