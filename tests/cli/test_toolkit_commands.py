"""The toolkit on the command line: list, check, start a session from it, print an overview."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli.running import run
from worksession.programmes.library import user_sessions_dir
from worksession.support.paths import sessions_dir


def test_programmes_lists_id_title_source_and_minutes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "programmes")
    assert code == 0 and err == ""
    rows = {line.split("\t")[0]: line.split("\t") for line in out.splitlines()}
    assert set(rows) == {"samenwerken-in-de-wijk", "avondsessie", "een-half-jaar-later"}
    dagdeel = rows["samenwerken-in-de-wijk"]
    assert dagdeel[1] == "Samenwerken aan gezondheid in de wijk"
    assert dagdeel[2].startswith("meegeleverd (") and dagdeel[2].endswith(".toml)")
    assert 225 <= int(dagdeel[3]) <= 255


def test_casus_lists_the_shipped_casus(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "casus")
    assert code == 0
    assert "mijnstreek\tOud worden in een oude mijnwijk\tmeegeleverd (" in out
    assert len(out.splitlines()) >= 4


def test_a_trainers_own_programme_shows_where_it_comes_from(
    capsys: pytest.CaptureFixture[str],
) -> None:
    own = user_sessions_dir() / "programmes"
    own.mkdir(parents=True)
    source = sessions_dir() / "programmes" / "avondsessie.toml"
    text = source.read_text(encoding="utf-8").replace(
        'title = "Avondsessie samenwerken in de wijk"', 'title = "Avond in Heerlen-Noord"'
    )
    (own / "avondsessie.toml").write_text(text, encoding="utf-8")
    (own / "kapot.toml").write_text('id = "kapot"\n', encoding="utf-8")
    code, out, err = run(capsys, "programmes")
    assert code == 0
    (row,) = [line for line in out.splitlines() if line.startswith("avondsessie\t")]
    assert "Avond in Heerlen-Noord\teigen map (" in row
    assert "kapot.toml:1: title:" in err


def test_check_passes_good_files_and_names_each_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = sorted(sessions_dir().rglob("*.toml"))
    code, out, err = run(capsys, "check", *map(str, good))
    assert code == 0 and err == "" and len(out.splitlines()) == len(good)

    broken = tmp_path / "programmes" / "kapot.toml"
    broken.parent.mkdir()
    shutil.copy(sessions_dir() / "programmes" / "avondsessie.toml", broken)
    broken.write_text(
        broken.read_text(encoding="utf-8").replace('kind = "casus"', 'kind = "quiz"', 1),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "check", str(good[0]), str(broken))
    assert code == 2
    (message,) = err.splitlines()
    assert message.startswith(f"{broken}:") and '"quiz"' in message
    assert "kind" in message


def test_new_creates_a_session_that_keeps_its_own_copy_of_the_steps(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "new.sqlite3")
    own = user_sessions_dir() / "programmes"
    own.mkdir(parents=True)
    copy = own / "avondsessie.toml"
    shutil.copy(sessions_dir() / "programmes" / "avondsessie.toml", copy)
    code, out, err = run(
        capsys, "new", "--programme", "avondsessie", "--casus", "stadswijk-jonge-gezinnen",
        "--title", "Avond Zuiderveld", "--wijk", "Zuiderveld", "--date", "2026-12-01",
        "--db", db,
    )  # fmt: skip
    assert (code, err) == (0, "") and out.strip() == "1"

    # The trainer edits the programme afterwards: the session keeps what it was created with.
    copy.write_text(copy.read_text(encoding="utf-8").replace("minutes = ", "minutes = 1"))
    exported = tmp_path / "s.json"
    run(capsys, "export", "1", "--json", str(exported), "--db", db)
    document = json.loads(exported.read_text(encoding="utf-8"))
    session = document["session"]
    assert session["programme"] == "avondsessie"
    assert 140 <= sum(step["minutes"] for step in session["programme_steps"]) <= 160
    assert document["casus"]["title"] == "Gezond opgroeien met weinig geld"
    assert len(document["casus"]["figures"]) >= 5


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--programme", "onbekend"], "'onbekend'"),
        (["--programme", "avondsessie", "--casus", "onbekend"], "'onbekend'"),
        (["--programme", "avondsessie", "--date", "1-12-2026"], "session.date"),
    ],
)
def test_new_refuses_unknown_ids_and_bad_dates_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], fragment: str
) -> None:
    db = str(tmp_path / "refused.sqlite3")
    defaults = {"--title": "T", "--wijk": "W", "--date": "2026-12-01"}
    for flag, value in defaults.items():
        if flag not in args:
            args = [*args, flag, value]
    code, out, err = run(capsys, "new", *args, "--db", db)
    assert code == 2 and out == "" and fragment in err and len(err.splitlines()) == 1
    assert run(capsys, "list", "--db", db)[1] == ""


def test_demo_uses_the_shipped_programme_and_casus(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "demo.sqlite3")
    run(capsys, "demo", "--db", db)
    code, out, _ = run(capsys, "show", "1", "--db", db)
    assert code == 0 and "Casus: Oud worden in een oude mijnwijk" in out


def test_overview_gives_each_part_its_time(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "overview", "samenwerken-in-de-wijk", "--start", "13:30")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Samenwerken aan gezondheid in de wijk"
    assert " 1. 13:30–13:45" in out
    assert "Voorbereiding" in out  # listed as outside the session itself
    assert run(capsys, "overview", "samenwerken-in-de-wijk", "--start", "25:00")[0] == 2


def test_overview_writes_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "programma.txt"
    assert run(capsys, "overview", "avondsessie", "--out", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").startswith("Avondsessie")


def test_overview_writes_the_programme_as_a_pdf_for_the_accreditation_request(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import io

    import pypdf

    target = tmp_path / "programma.pdf"
    argv = ["overview", "samenwerken-in-de-wijk", "--start", "13:30", "--out", str(target)]
    code, out, err = run(capsys, *argv, "--coach", "Hanneke Vos")
    assert (code, out, err) == (0, "", "")
    pages = pypdf.PdfReader(io.BytesIO(target.read_bytes())).pages
    text = "\n".join(page.extract_text() for page in pages)
    assert "13:30–13:45" in text and "Leerdoelen" in text and "Coach: Hanneke Vos" in text
