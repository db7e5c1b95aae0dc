"""Attacks on the invite list import, each with a real workbook or CSV the app's own reader
gets: a sheet that hides or lies about its rows, cells of every type, a header said twice,
Excel's mangled BIG numbers, names that read otherwise than they are, a list imported twice.
Each is read as the coach sees the file, or refused naming the file, row, column and value —
and a refusal leaves the database's bytes as they were."""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import hashlib
import io
import random
import re
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from tests.cli.running import run
from worksession.domain.people_import import parse_people
from worksession.domain.validation import ValidationError
from worksession.storage.document import read_document
from worksession.storage.opening import open_database
from worksession.storage.operations.sessions import create_session
from worksession.workflows.people_file import PeopleFileRefused, read_people_file


def _book(rows: list[list[object]]) -> openpyxl.Workbook:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    return workbook


def _save(workbook: openpyxl.Workbook, path: Path) -> Path:
    workbook.save(path)
    return path


def _rewritten(path: Path, change: Callable[[str, bytes], bytes]) -> Path:
    """``path`` with each part's bytes passed through ``change`` (a hand-made workbook)."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in source.infolist():
            archive.writestr(entry.filename, change(entry.filename, source.read(entry.filename)))
    path.write_bytes(out.getvalue())
    return path


def _names(path: Path) -> list[str]:
    return [str(person["name"]) for person in read_people_file(path).people]


def test_a_hidden_first_sheet_is_never_read_the_visible_one_is(tmp_path: Path) -> None:
    workbook = _book([["Naam"], ["Verborgen Persoon"]])
    hidden = workbook.active
    assert hidden is not None
    hidden.sheet_state = "hidden"
    shown = workbook.create_sheet("Lijst")
    shown.append(["Naam"])
    shown.append(["Zichtbare Persoon"])
    workbook.active = 1
    assert _names(_save(workbook, tmp_path / "verborgen.xlsx")) == ["Zichtbare Persoon"]
    hidden.sheet_state = "veryHidden"
    assert _names(_save(workbook, tmp_path / "heel.xlsx")) == ["Zichtbare Persoon"]
    # Excel will not save a workbook without a visible sheet; a forged one is refused.
    path = _save(workbook, tmp_path / "niets.xlsx")

    def hide(name: str, data: bytes) -> bytes:
        if name != "xl/workbook.xml":
            return data
        hidden = data.replace(b'name="Lijst"', b'name="Lijst" state="hidden"')
        assert hidden != data
        return hidden

    with pytest.raises(PeopleFileRefused, match=r"niets\.xlsx"):
        read_people_file(_rewritten(path, hide))


def test_a_sheet_whose_dimension_says_two_rows_is_read_to_its_last_row(tmp_path: Path) -> None:
    path = _save(_book([["Naam"], *([f"Persoon {n}"] for n in range(1, 6))]), tmp_path / "d.xlsx")

    def lie(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        lied = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:A2"/>', data)
        assert lied != data
        return lied

    _rewritten(path, lie)
    assert _names(path) == [f"Persoon {n}" for n in range(1, 6)]


def test_cells_of_every_type_are_text_or_refused_naming_what_they_are(tmp_path: Path) -> None:
    workbook = _book(
        [
            ["Naam", "Voorletters", "Register", "BIG-nummer"],
            ["Datum", dt.datetime(2026, 1, 1), "", ""],
            [True, "A.", "", ""],
            ["Fout", "#N/A", "", ""],
            ["Tijd", dt.time(9, 30), "", ""],
            ["Getal", "B.", "BIG", 19058231401],
            ["Rijk", "C.", "", ""],
            ['=HYPERLINK("http://x","klik")', "D.", "", ""],
        ]
    )
    sheet = workbook.active
    assert sheet is not None
    sheet["B4"].data_type = "e"  # an error cell, as Excel writes #N/A
    sheet["A7"] = CellRichText(["Ri", TextBlock(InlineFont(b=True), "jk")])
    invite = read_people_file(_save(workbook, tmp_path / "typen.xlsx"))
    assert [(p["name"], p.get("registration")) for p in invite.people] == [
        ("Getal", "19058231401"),  # a whole number of 11 digits is its own text
        ("Rijk", None),  # rich text is its plain text
    ]
    refused = {(r.row, r.column): r.value for r in invite.refused}
    assert refused == {
        (2, "Voorletters"): "2026-01-01",
        (3, "Naam"): "TRUE",
        (4, "Voorletters"): "#N/A",
        (5, "Voorletters"): "09:30:00",
        (8, "Naam"): '=HYPERLINK("http://x","klik")',
    }


# Formulas as a workbook may hide them: a string result, a shared formula and its child
# (which holds no text of its own), a formula in a cell typed as text, yes/no or an inline
# string, and an array formula (which openpyxl gives as an object, not as text).
DISGUISED = {
    3: ('<c r="B3" t="str"><f>"GG"&amp;"D"</f><v>GGD</v></c>', '="GG"&"D"'),
    4: ('<c r="B4"><f t="shared" ref="B4:B5" si="0">1+1</f><v>2</v></c>', "=1+1"),
    5: ('<c r="B5"><f t="shared" si="0"/><v>2</v></c>', "=1+1"),
    6: ('<c r="B6" t="s"><f>A1</f><v>0</v></c>', "=A1"),
    7: ('<c r="B7" t="b"><f>TRUE()</f><v>1</v></c>', "=TRUE()"),
    8: ('<c r="B8"><f t="array" ref="B8">SUM(1)</f><v>1</v></c>', "=SUM(1)"),
    9: ('<c r="B9" t="inlineStr"><f>1</f><is><t>Verstopt</t></is></c>', "=1"),
}


def test_a_formula_in_any_disguise_is_refused_showing_its_text(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Naam", "Organisatie"]]
    rows += [[f"Persoon {n}", f"Org {n}"] for n in range(2, 10)]
    path = _save(_book(rows), tmp_path / "vermomd.xlsx")

    def disguise(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        text = data.decode()
        for row, (cell, _shown) in DISGUISED.items():
            plain = f'<c r="B{row}" t="inlineStr"><is><t>Org {row}</t></is></c>'
            assert plain in text
            text = text.replace(plain, cell)
        return text.encode()

    invite = read_people_file(_rewritten(path, disguise))
    assert [p["name"] for p in invite.people] == ["Persoon 2"]
    assert {r.row: (r.column, r.value) for r in invite.refused} == {
        row: ("Organisatie", shown) for row, (_cell, shown) in DISGUISED.items()
    }


def test_a_merged_cell_belongs_to_its_first_row_only(tmp_path: Path) -> None:
    workbook = _book([["Naam", "Organisatie"], ["Anna", "GGD"], ["Bert", None]])
    sheet = workbook.active
    assert sheet is not None
    sheet.merge_cells("B2:B3")
    invite = read_people_file(_save(workbook, tmp_path / "samen.xlsx"))
    assert [(p["name"], p.get("organisation")) for p in invite.people] == [
        ("Anna", "GGD"),
        ("Bert", None),  # what the merge seems to say is not guessed at
    ]


def _with_shared_strings(path: Path, strings: bytes) -> Path:
    """The workbook at ``path`` with its A2 taken from a shared string table ``strings``."""

    def change(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            changed = re.sub(
                rb'<c r="A2" t="inlineStr"><is><t>[^<]*</t></is>', b'<c r="A2" t="s"><v>0</v>', data
            )
            assert changed != data
            return changed
        if name == "[Content_Types].xml":
            return data.replace(
                b"</Types>",
                b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
            )
        if name == "xl/_rels/workbook.xml.rels":
            return data.replace(
                b"</Relationships>",
                b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                b"</Relationships>",
            )
        return data

    _rewritten(path, change)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", strings)
    return path


def test_a_shared_string_table_of_millions_of_strings_is_refused_unread(tmp_path: Path) -> None:
    # Random enough that it packs less than 100 to 1: the zip bomb check alone lets it by.
    chance = random.Random(19)
    strings = b"".join(
        b"<si><t>" + bytes(chance.choice(b"ab") for _ in range(6)) + b"</t></si>"
        for _ in range(300_000)
    )
    table = (
        b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main">' + strings + b"</sst>"
    )
    path = _save(_book([["Naam"], ["Anna"]]), tmp_path / "strings.xlsx")
    _with_shared_strings(path, table)
    packed = zipfile.ZipFile(path).getinfo("xl/sharedStrings.xml")
    assert packed.file_size < 100 * packed.compress_size
    started = time.monotonic()
    with pytest.raises(PeopleFileRefused, match=r"strings\.xlsx: xl/sharedStrings\.xml"):
        read_people_file(path)
    assert time.monotonic() - started < 2


def test_a_small_shared_string_table_is_read(tmp_path: Path) -> None:
    table = (
        b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><si><t>Uit de tabel</t></si></sst>'
    )
    path = _with_shared_strings(_save(_book([["Naam"], ["Anna"]]), tmp_path / "s.xlsx"), table)
    assert _names(path) == ["Uit de tabel"]


def _many_sheets(path: Path, count: int) -> Path:
    """The workbook at ``path`` listing ``count`` sheets that are all its one sheet part, which
    declares no size: openpyxl would read that part whole once per sheet."""

    def change(name: str, data: bytes) -> bytes:
        text = data.decode()
        if name == "xl/worksheets/sheet1.xml":
            return re.sub(r'<dimension ref="[^"]*"/>', "", text).encode()
        if name == "xl/workbook.xml":
            sheet = re.search(r"<sheet [^>]*/>", text)
            assert sheet is not None
            copies = "".join(
                sheet.group()
                .replace('name="Sheet"', f'name="Blad {n}"')
                .replace('sheetId="1"', f'sheetId="{n}"')
                .replace('r:id="rId1"', f'r:id="rIdX{n}"')
                for n in range(1, count + 1)
            )
            return text.replace(sheet.group(), copies).encode()
        if name == "xl/_rels/workbook.xml.rels":
            relation = re.search(r"<Relationship [^>]*worksheet[^>]*/>", text)
            assert relation is not None
            copies = "".join(
                re.sub(r'Id="rId\d+"', f'Id="rIdX{n}"', relation.group())
                for n in range(1, count + 1)
            )
            return text.replace("</Relationships>", copies + "</Relationships>").encode()
        return data

    return _rewritten(path, change)


def test_a_thousand_sheets_on_one_part_are_refused_before_openpyxl_reads_them(
    tmp_path: Path,
) -> None:
    rows: list[list[object]] = [["Naam"], *([f"Persoon {n}"] for n in range(20_000))]
    path = _many_sheets(_save(_book(rows), tmp_path / "bladen.xlsx"), 1000)
    assert path.stat().st_size < 500_000
    started = time.monotonic()
    with pytest.raises(PeopleFileRefused, match=r"bladen\.xlsx: 1000 "):
        read_people_file(path)
    assert time.monotonic() - started < 2
    # A few sheets of a part that size are as many as can be read quickly: refused too.
    with pytest.raises(PeopleFileRefused, match=r"tien\.xlsx: 10 "):
        read_people_file(_many_sheets(_save(_book(rows), tmp_path / "tien.xlsx"), 10))


def test_a_workbook_of_a_few_small_sheets_is_read_from_its_first(tmp_path: Path) -> None:
    path = _many_sheets(_save(_book([["Naam"], ["Anna"]]), tmp_path / "drie.xlsx"), 3)
    assert _names(path) == ["Anna"]


def test_a_large_part_under_any_name_is_refused_unread(tmp_path: Path) -> None:
    path = _save(_book([["Naam"], ["Anna"]]), tmp_path / "groot.xlsx")
    chance = random.Random(7)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/foto.bin", chance.randbytes(4_300_000))
    with pytest.raises(PeopleFileRefused, match=r"groot\.xlsx: xl/media/foto\.bin"):
        read_people_file(path)


@pytest.mark.parametrize("flag, method", [(0x1, zipfile.ZIP_DEFLATED), (0, 99)])
def test_an_encrypted_or_strangely_packed_part_is_a_refusal_not_a_crash(
    tmp_path: Path, flag: int, method: int
) -> None:
    path = _save(_book([["Naam"], ["Anna"]]), tmp_path / "raar.xlsx")
    data = bytearray(path.read_bytes())
    name = b"xl/workbook.xml"
    for signature, flags_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                data[start + flags_at] |= flag
                if method == 99:
                    data[start + method_at : start + method_at + 2] = (99).to_bytes(2, "little")
            start += 4
    path.write_bytes(bytes(data))
    with pytest.raises(PeopleFileRefused, match=r"raar\.xlsx: "):
        read_people_file(path)


def test_an_external_entity_in_the_sheet_reads_no_file(tmp_path: Path) -> None:
    secret = tmp_path / "geheim.txt"
    secret.write_text("WACHTWOORD-123", encoding="utf-8")
    path = _save(_book([["Naam", "Organisatie"], ["Anna", "GGD"]]), tmp_path / "xxe.xlsx")

    def entity(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        body = data.split(b"?>", 1)[-1].replace(b"<t>GGD</t>", b"<t>&xxe;</t>")
        doctype = f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'.encode()
        return b'<?xml version="1.0"?>' + doctype + body

    _rewritten(path, entity)
    with pytest.raises(PeopleFileRefused, match=r"xxe\.xlsx") as refused:
        read_people_file(path)
    assert "WACHTWOORD" not in str(refused.value)


@pytest.mark.parametrize(
    ("encoded", "names"),
    [
        ("Naam\tOrganisatie\nRenée\tCafé\n".encode("utf-16"), ["Renée"]),  # Excel's Unicode text
        ("Naam\tOrganisatie\nRenée\tCafé\n".encode("utf-16-be"), None),  # no BOM: NUL bytes
        ("Naam;Organisatie\nRenée;Café\n".encode("cp1252"), ["Renée"]),  # Dutch Excel's CSV
        (codecs.BOM_UTF8 + "Naam;Organisatie\nRenée;Café\n".encode(), ["Renée"]),
        (b"Naam\nAn\x00na\n", None),
        (codecs.BOM_UTF16_LE + "Naam\nAn\x00na\n".encode("utf-16-le"), None),
    ],
    ids=["utf-16-bom", "utf-16-no-bom", "windows-1252", "utf-8-bom", "nul", "utf-16-nul"],
)
def test_a_csv_in_each_encoding_is_read_or_refused_naming_the_file(
    tmp_path: Path, encoded: bytes, names: list[str] | None
) -> None:
    path = tmp_path / "lijst.txt"
    path.write_bytes(encoded)
    if names is None:
        with pytest.raises(PeopleFileRefused, match=r"lijst\.txt: "):
            read_people_file(path)
    else:
        assert _names(path) == names


def test_two_columns_for_one_field_refuse_the_file_instead_of_dropping_one(tmp_path: Path) -> None:
    path = tmp_path / "dubbel.csv"
    path.write_text("Naam;Organisatie;Name\nAnna;GGD;Bob\n", encoding="utf-8")
    with pytest.raises(PeopleFileRefused, match=r"dubbel\.csv: .*1 .*'Naam'.*3 .*'Name'"):
        read_people_file(path)


def test_the_header_row_again_inside_the_list_is_no_person(tmp_path: Path) -> None:
    path = tmp_path / "twee.csv"
    path.write_text("Naam;Organisatie\nAnna;GGD\nnaam;organisatie\nBert;Wijkteam\n")
    invite = read_people_file(path)
    assert [p["name"] for p in invite.people] == ["Anna", "Bert"]
    assert [(r.row, r.column, r.value) for r in invite.refused] == [(3, "Naam", "naam")]


@pytest.mark.parametrize(
    "typed",
    [
        "1.9058E+10",
        "19058231401.0",
        "1,9058E+10",
        "019058231401",
        "190 582 314 01",
        "１９０５８２３１４０１",
    ],
)
def test_a_big_number_excel_mangled_is_refused_naming_the_value(tmp_path: Path, typed: str) -> None:
    path = tmp_path / "big.csv"
    path.write_text(f'Naam;Register;BIG-nummer\nAnna;BIG;"{typed}"\n', encoding="utf-8")
    invite = read_people_file(path)
    assert invite.people == []
    (refusal,) = invite.refused
    assert (refusal.row, refusal.column, refusal.value) == (2, "BIG-nummer", typed)


@pytest.mark.parametrize(
    "name",
    [
        "Anna\u202egnp.exe",
        "Bert\u2066x\u2069",
        "Cor\x07",
        "An\nna",
        "Dirk\x1b[2J",
        "Eva\u2028Jansen",
    ],
)
def test_a_name_with_a_control_or_bidi_character_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / "namen.csv"
    quoted = name.replace('"', '""')
    path.write_text(f'Naam;Organisatie\n"{quoted}";GGD\nGewoon;GGD\n', encoding="utf-8")
    invite = read_people_file(path)
    assert [p["name"] for p in invite.people] == ["Gewoon"]
    (refusal,) = invite.refused
    assert (refusal.row, refusal.column, refusal.value) == (2, "Naam", name)
    assert f"U+{ord(next(c for c in name if not c.isprintable())):04X}" in refusal.reason
    if "\n" not in name:  # a pasted line break starts another line
        with pytest.raises(ValidationError, match="line 1"):
            parse_people(f"{name};GGD")


def test_a_name_from_a_workbook_with_a_bidi_override_is_refused(tmp_path: Path) -> None:
    path = _save(_book([["Naam"], ["Anna\u202eXYZ"], ["Bert"]]), tmp_path / "bidi.xlsx")
    invite = read_people_file(path)
    assert [p["name"] for p in invite.people] == ["Bert"]
    assert [(r.row, r.value) for r in invite.refused] == [(2, "Anna\u202eXYZ")]


def test_the_same_person_twice_in_one_file_is_added_once(tmp_path: Path) -> None:
    path = tmp_path / "twee.csv"
    path.write_text(
        "Naam;E-mail;BIG-nummer;Register\n"
        "Anna de Vries;anna@example.org;;\n"
        "anna  de vries;ANNA@example.org;;\n"  # the same person, typed again
        "Anna de Vries;andere@example.org;;\n"  # another Anna de Vries
        "Bert;;01234567890;BIG\n"
        "Bert;;01234567890;BIG\n",
        encoding="utf-8",
    )
    invite = read_people_file(path)
    assert invite.rows == [2, 4, 5]
    assert [(r.row, r.column) for r in invite.refused] == [(3, "Naam"), (6, "Naam")]
    assert "2" in invite.refused[0].reason and "5" in invite.refused[1].reason


@pytest.fixture
def session_db(tmp_path: Path) -> Path:
    path = tmp_path / "db.sqlite3"
    db = open_database(path)
    create_session(db=db, title="Kaalheide")
    db.close()
    return path


def _database_state(path: Path) -> tuple[str, int]:
    """The database's bytes (its WAL checkpointed by the close) and its participants."""
    db = open_database(path)
    try:
        count = len(read_document(db=db, session_id=1)["participants"])
    finally:
        db.close()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest, count


def test_a_list_of_500_imported_twice_adds_each_person_once_and_the_second_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, session_db: Path
) -> None:
    path = tmp_path / "vijfhonderd.csv"
    lines = ["Naam;E-mail;Status"]
    lines += [f"Persoon {n};p{n}@example.org;aangemeld" for n in range(500)]
    path.write_text("\n".join(lines), encoding="utf-8")
    argv = ("participants", "1", "--import", str(path), "--db", str(session_db))
    code, out, _err = run(capsys, *argv)
    assert (code, out.strip()) == (0, "500")
    before = _database_state(session_db)
    assert before[1] == 500

    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert f"{path}: rij 2: Naam: " in err and "Persoon 0" in err
    assert _database_state(session_db) == before

    code, out, _err = run(capsys, *argv, "--skip-refused")
    assert (code, out.strip()) == (0, "0")
    assert _database_state(session_db)[1] == 500


@pytest.mark.parametrize(
    "content",
    [
        b"Naam;Naam\nAnna;Bert\n",
        b"Naam\nAn\x00na\n",
        "Naam\nAnna\u202eXYZ\n".encode(),
    ],
    ids=["header-twice", "nul", "bidi"],
)
def test_a_refused_list_leaves_the_database_bytes_as_they_were(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, session_db: Path, content: bytes
) -> None:
    before = _database_state(session_db)
    path = tmp_path / "lijst.csv"
    path.write_bytes(content)
    code, out, err = run(
        capsys, "participants", "1", "--import", str(path), "--db", str(session_db)
    )
    assert code == 2 and out == "" and str(path) in err and "Traceback" not in err
    assert _database_state(session_db) == before


@pytest.mark.parametrize("first", [';"' * 2_000_000, '; "a"' * 800_000, "'a';'b';" * 500_000])
def test_a_first_row_of_megabytes_is_no_hour_of_guessing_its_separator(
    tmp_path: Path, first: str
) -> None:
    path = tmp_path / "lang.csv"
    path.write_text(first + "\nAnna\n", encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(PeopleFileRefused, match=r"lang\.csv: "):
        read_people_file(path)
    with contextlib.suppress(ValidationError):  # a paste of it: read or refused, at once
        parse_people(first[:400_000] + "\nAnna")
    assert time.monotonic() - started < 5
