"""``worksession attendance ID --out F``: the kind by the file's suffix; a name of no kind, a
file the app owns or an unknown session exit 2 with one line and write nothing."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.cli.running import run


@pytest.fixture
def dbfile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "ws.sqlite3"
    assert run(capsys, "demo", "--db", str(path))[0] == 0
    return path


def _attendance(
    capsys: pytest.CaptureFixture[str], db: Path, out: Path, session: str = "1"
) -> tuple[int, str, str]:
    return run(capsys, "attendance", session, "--out", str(out), "--db", str(db))


def test_each_kind_by_its_suffix(
    capsys: pytest.CaptureFixture[str], dbfile: Path, tmp_path: Path
) -> None:
    for name in ("lijst.pdf", "aanwezig.xlsx", "aanwezig.csv", "big.txt", "LIJST.PDF"):
        assert _attendance(capsys, dbfile, tmp_path / name) == (0, "", "")
    pdf = "".join(p.extract_text() for p in PdfReader(tmp_path / "lijst.pdf").pages)
    assert "Presentielijst" in pdf and "Marieke Hermans" in pdf
    assert (tmp_path / "LIJST.PDF").read_bytes().startswith(b"%PDF")
    table = load_workbook(tmp_path / "aanwezig.xlsx").active
    assert table is not None and table["A1"].value == "Naam"
    assert table.max_row == 1 + 11  # the demo's eleven present
    text = (tmp_path / "aanwezig.csv").read_bytes().decode("utf-8-sig")
    assert len(list(csv.reader(io.StringIO(text), delimiter=";"))) == 12
    assert (tmp_path / "big.txt").read_text().split() == [
        "19058231401",
        "29061742001",
        "79043128630",
    ]


@pytest.mark.parametrize("name", ["aanwezig.docx", "aanwezig", "lijst.pdf.bak"])
def test_a_name_of_no_kind_is_refused(
    capsys: pytest.CaptureFixture[str], dbfile: Path, tmp_path: Path, name: str
) -> None:
    target = tmp_path / name
    code, out, err = _attendance(capsys, dbfile, target)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and str(target) in err and ".xlsx" in err
    assert not target.exists()


@pytest.mark.parametrize(
    "target_of",
    [
        lambda db: db,
        lambda db: db.with_name(db.name + "-wal"),
        lambda db: db.parent / "backups" / "aanwezig.csv",
    ],
    ids=["database", "wal", "backup"],
)
def test_a_file_the_app_owns_is_refused(
    capsys: pytest.CaptureFixture[str], dbfile: Path, target_of: Callable[[Path], Path]
) -> None:
    run(capsys, "backup", "--db", str(dbfile))
    target = target_of(dbfile)
    before = dbfile.read_bytes()
    code, _out, err = _attendance(capsys, dbfile, target)
    assert code == 2 and str(target) in err and len(err.strip().splitlines()) == 1
    assert dbfile.read_bytes() == before
    assert not (dbfile.parent / "backups" / "aanwezig.csv").exists()


def test_an_unknown_session_is_refused(
    capsys: pytest.CaptureFixture[str], dbfile: Path, tmp_path: Path
) -> None:
    target = tmp_path / "aanwezig.xlsx"
    code, _out, err = _attendance(capsys, dbfile, target, "99")
    assert code == 2 and "99" in err and not target.exists()
