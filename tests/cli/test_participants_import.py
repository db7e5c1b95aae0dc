"""The invite list from CSV and XLSX: headers in Dutch or English, a report per refused cell,
BIG numbers as text, hostile workbooks refused naming the file, nothing written on a refusal."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.cli.running import run
from worksession.storage.document import read_document
from worksession.storage.opening import open_database
from worksession.storage.operations.sessions import create_session
from worksession.workflows.people_file import PeopleFileRefused, read_people_file

HEADER = ["Naam", "Voorletters", "Functie", "Status", "Register", "BIG-nummer"]


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


@pytest.fixture
def session_db(tmp_path: Path) -> Path:
    path = tmp_path / "db.sqlite3"
    db = open_database(path)
    create_session(db=db, title="Kaalheide")
    db.close()
    return path


def _people(path: Path) -> list[dict[str, object]]:
    db = open_database(path)
    try:
        return list(read_document(db=db, session_id=1)["participants"])
    finally:
        db.close()


def test_a_dutch_csv_with_semicolons_and_a_bom(tmp_path: Path) -> None:
    text = (
        "\ufeffNaam;Voorletters;Functie;Status;Register;Registratienummer\n"
        "Anna de Wit;A.;huisarts;uitgenodigd;BIG;01234567890\n"
        ";;;;;\n"
        "Jan Houben;J.;inwoner;aanwezig;;\n"
    )
    path = tmp_path / "lijst.csv"
    path.write_text(text, encoding="utf-8")
    invite = read_people_file(path)
    assert invite.refused == []
    anna, jan = invite.people
    assert anna["registration"] == "01234567890" and anna["registration_type"] == "big"
    assert (anna["invitation"], anna["present"]) == ("invited", False)
    assert (jan["invitation"], jan["present"]) == ("registered", True)
    assert invite.rows == [2, 4]  # as the spreadsheet numbers them


def test_english_headers_with_commas(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "Name,Initials,Role,Status,Registration type,Registration number\n"
        "Tom,T.,physio,declined,KNGF,12345\n",
        encoding="utf-8",
    )
    (tom,) = read_people_file(path).people
    assert (tom["invitation"], tom["registration_type"], tom["registration"]) == (
        "declined",
        "kngf",
        "12345",
    )


def test_each_refused_cell_is_reported_by_row_column_value_and_reason(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "lijst.xlsx",
        [
            HEADER,
            ["Anna", "A.", "huisarts", "aangemeld", "BIG", "01234567890"],
            ["Bert", "B.", "fysio", "misschien", "BIG", "123"],
            ["", "C.", "poh", "", "", ""],
            ["Dirk", "D.", '=HYPERLINK("http://x")', "", "KNGF", "zie mail"],
        ],
    )
    invite = read_people_file(path)
    assert [p["name"] for p in invite.people] == ["Anna"]
    assert [(r.row, r.column, r.value) for r in invite.refused] == [
        (3, "Status", "misschien"),
        (3, "BIG-nummer", "123"),
        (4, "Naam", ""),
        (5, "Functie", '=HYPERLINK("http://x")'),
        (5, "BIG-nummer", "zie mail"),
    ]
    assert "BIG" in invite.refused[1].reason and "11" in invite.refused[1].reason
    assert invite.refused_rows == [3, 4, 5]


def test_a_big_number_typed_as_a_number_loses_its_zero_and_is_refused(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "getal.xlsx", [HEADER, ["Anna", "A.", "", "", "BIG", 1234567890]])
    (refusal,) = read_people_file(path).refused
    assert refusal.value == "1234567890"  # no ".0", and not taken for a BIG number
    path = _xlsx(tmp_path / "tekst.xlsx", [HEADER, ["Anna", "A.", "", "", "BIG", "01234567890"]])
    assert read_people_file(path).people[0]["registration"] == "01234567890"


def test_the_command_refuses_the_whole_file_unless_told_to_skip(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, session_db: Path
) -> None:
    path = tmp_path / "lijst.csv"
    path.write_text(
        "Naam;Register;Registratienummer\nAnna;BIG;01234567890\nBert;BIG;123\n", encoding="utf-8"
    )
    code, out, err = run(
        capsys, "participants", "1", "--import", str(path), "--db", str(session_db)
    )
    assert code == 2 and out == ""
    assert f"{path}: rij 3: Registratienummer: " in err
    assert "'123'" in err
    assert _people(session_db) == []

    code, out, err = run(
        capsys,
        "participants",
        "1",
        "--import",
        str(path),
        "--skip-refused",
        "--db",
        str(session_db),
    )
    assert code == 0 and out.strip() == "1" and "rij 3" in err
    (anna,) = _people(session_db)
    assert (anna["name"], anna["registration"]) == ("Anna", "01234567890")


@pytest.mark.parametrize(
    "content",
    [
        b"not a workbook at all",
        b"PK\x03\x04 broken zip",
    ],
)
def test_a_file_that_is_no_workbook_is_refused_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, session_db: Path, content: bytes
) -> None:
    path = tmp_path / "lijst.xlsx"
    path.write_bytes(content)
    code, _out, err = run(
        capsys, "participants", "1", "--import", str(path), "--db", str(session_db)
    )
    assert code == 2 and str(path) in err and err.count("\n") == 1
    assert _people(session_db) == []


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    path = tmp_path / "bom.xlsx"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(PeopleFileRefused, match=r"bom\.xlsx.*zipbom"):
        read_people_file(path)


def test_a_huge_sheet_is_refused_after_its_limit(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Naam"], *([f"Persoon {n}"] for n in range(600))]
    with pytest.raises(PeopleFileRefused, match=r"groot\.xlsx.*500"):
        read_people_file(_xlsx(tmp_path / "groot.xlsx", rows))
    # A lone cell far down makes a sheet of a million rows: it is not walked to the end.
    far = openpyxl.Workbook()
    sheet = far.active
    assert sheet is not None
    sheet["A1"] = "Naam"
    sheet["A1000000"] = "Laatste"
    far.save(tmp_path / "ver.xlsx")
    with pytest.raises(PeopleFileRefused, match=r"ver\.xlsx.*10000"):
        read_people_file(tmp_path / "ver.xlsx")


def test_a_long_cell_is_refused_naming_row_and_column(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "lang.xlsx", [["Naam", "Functie"], ["Anna", "x" * 5000]])
    with pytest.raises(PeopleFileRefused, match=r"lang\.xlsx: .*2.*2"):
        read_people_file(path)
