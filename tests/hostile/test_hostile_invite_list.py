"""Hostile invite list files: whatever the bytes, reading gives a list or a refusal naming the
file, never a crash; entity expansion inside a workbook is refused, not expanded."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from worksession.workflows.people_file import PeopleFileRefused, read_people_file

_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    + "]>"
)


def _workbook_with_entities() -> bytes:
    """A real workbook whose sheet expands a few bytes into gigabytes (a billion laughs)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Naam"])
    sheet.append(["Anna"])
    plain = io.BytesIO()
    workbook.save(plain)
    source = zipfile.ZipFile(io.BytesIO(plain.getvalue()))
    result = io.BytesIO()
    with zipfile.ZipFile(result, "w") as archive:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == "xl/worksheets/sheet1.xml":
                text = data.decode().split("?>", 1)[-1].replace(">Anna<", ">&lol9;<")
                assert "&lol9;" in text
                data = (_LAUGHS + text).encode()
            archive.writestr(entry, data)
    return result.getvalue()


def test_entities_that_expand_are_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "lach.xlsx"
    path.write_bytes(_workbook_with_entities())
    with pytest.raises(PeopleFileRefused, match=r"lach\.xlsx"):
        read_people_file(path)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400), st.sampled_from(["lijst.csv", "lijst.xlsx", "lijst.txt"]))
def test_any_bytes_are_a_list_or_a_refusal_naming_the_file(
    tmp_path: Path, raw: bytes, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(raw)
    try:
        invite = read_people_file(path)
    except PeopleFileRefused as error:
        assert str(error).startswith(str(path))
    else:
        assert all(person["name"].strip() for person in invite.people)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.text(max_size=30), max_size=6), max_size=8))
def test_any_csv_cells_under_a_header_are_taken_or_refused_per_cell(
    tmp_path: Path, rows: list[list[str]]
) -> None:
    path = tmp_path / "lijst.csv"
    lines = ["Naam;Voorletters;Status;Register;Registratienummer"]
    lines += [";".join(cell.replace(";", "").replace('"', "") for cell in row) for row in rows]
    path.write_text("\n".join(lines), encoding="utf-8")
    try:
        invite = read_people_file(path)
    except PeopleFileRefused as error:
        assert str(error).startswith(str(path))
        return
    for person in invite.people:
        assert person["name"].strip()
        assert person["invitation"] in ("invited", "registered", "declined")
    assert set(invite.rows).isdisjoint(invite.refused_rows)
