"""``worksession whoiswho ID --out F`` and ``worksession factsheet ID --stakeholder KEY --out F``:
exit 0 with the PDF written; a file the app owns, an unknown session or stakeholder, or a missing
argument exit 2 with one line and write nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.cli.running import run


@pytest.fixture
def dbfile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "ws.sqlite3"
    assert run(capsys, "demo", "--db", str(path))[0] == 0
    return path


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_whoiswho_writes_the_sheet(
    capsys: pytest.CaptureFixture[str], dbfile: Path, tmp_path: Path
) -> None:
    out = tmp_path / "wie is wie.pdf"
    assert run(capsys, "whoiswho", "1", "--out", str(out), "--db", str(dbfile)) == (0, "", "")
    text = _text(out)
    assert "Wie is wie" in text and "Marieke Hermans" in text and "GGD Zuid-Limburg" in text
    assert "@" not in text  # nobody in the database ticked that their e-mail may be shared


def test_factsheet_writes_the_page_of_the_stakeholder(
    capsys: pytest.CaptureFixture[str], dbfile: Path, tmp_path: Path
) -> None:
    out = tmp_path / "ggd.pdf"
    code = run(
        capsys, "factsheet", "1", "--stakeholder", "s-ggd", "--out", str(out), "--db", str(dbfile)
    )
    assert code == (0, "", "")
    text = _text(out)
    assert "Factsheet voor de huisarts" in text and "GGD Zuid-Limburg" in text
    assert "Levert wijkcijfers" in text and "Lotte Dassen" in text
    assert len(PdfReader(out).pages) == 1


def test_an_unknown_stakeholder_exits_2_naming_it(
    capsys: pytest.CaptureFixture[str], dbfile: Path, tmp_path: Path
) -> None:
    out = tmp_path / "x.pdf"
    code, stdout, err = run(
        capsys, "factsheet", "1", "--stakeholder", "s-nope", "--out", str(out), "--db", str(dbfile)
    )
    assert code == 2 and stdout == "" and not out.exists()
    assert len(err.strip().splitlines()) == 1
    assert "--stakeholder" in err and "s-nope" in err and "s-ggd" in err


@pytest.mark.parametrize(
    "command",
    [["whoiswho", "9"], ["factsheet", "9", "--stakeholder", "s-ggd"]],
)
def test_an_unknown_session_exits_2(
    capsys: pytest.CaptureFixture[str], dbfile: Path, tmp_path: Path, command: list[str]
) -> None:
    out = tmp_path / "x.pdf"
    code, stdout, err = run(capsys, *command, "--out", str(out), "--db", str(dbfile))
    assert code == 2 and stdout == "" and not out.exists()
    assert len(err.strip().splitlines()) == 1 and "9" in err


@pytest.mark.parametrize(
    "command",
    [["whoiswho", "1"], ["factsheet", "1", "--stakeholder", "s-ggd"]],
)
def test_a_file_the_app_owns_is_refused(
    capsys: pytest.CaptureFixture[str], dbfile: Path, command: list[str]
) -> None:
    before = dbfile.read_bytes()
    code, stdout, err = run(capsys, *command, "--out", str(dbfile), "--db", str(dbfile))
    assert code == 2 and stdout == "" and "database" in err
    assert dbfile.read_bytes() == before


def test_the_stakeholder_is_required(
    capsys: pytest.CaptureFixture[str], dbfile: Path, tmp_path: Path
) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(SystemExit) as exited:
        run(capsys, "factsheet", "1", "--out", str(out), "--db", str(dbfile))
    assert exited.value.code == 2 and not out.exists()
    assert "--stakeholder" in capsys.readouterr().err
