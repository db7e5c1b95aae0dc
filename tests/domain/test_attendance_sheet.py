"""The attendance sheet: what the presentielijst and the attendance files print, read once from
a ``worksession/1`` document, with or without the newer participant and session keys."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from worksession.domain.attendance_sheet import (
    AttendanceRow,
    AttendanceSheet,
    attendance_sheet,
    pasted_numbers,
)
from worksession.domain.interchange import Document
from worksession.domain.values import AttendanceStatus, RegistrationType
from worksession.i18n import speaking


def _document(participants: list[dict[str, Any]], **session: Any) -> Document:
    header = {
        "title": "Samen gezond in Kaalheide",
        "date": "2026-03-12",
        "location": "Buurthuis De Mijnlamp",
        "coach": "Hanneke Vos",
        "programme_steps": [
            {"id": "welkom", "title": "Welkom", "kind": "welcome", "minutes": 15},
            {"id": "casus", "title": "Casus", "kind": "casus", "minutes": 30},
            {"id": "na", "title": "Na de sessie", "kind": "after", "minutes": 0},
        ],
        **session,
    }
    return cast(
        Document,
        {
            "format": "worksession/1",
            "session": header,
            "participants": participants,
            "schedule": {"start_time": "13:30", "steps": []},
        },
    )


def _person(key: str, name: str, **fields: Any) -> dict[str, Any]:
    return {"key": key, "name": name, **fields}


def test_a_document_without_the_new_keys_gives_defaults() -> None:
    """Before the register's fields exist: no initials, no type, everyone registered."""
    document = _document(
        [
            _person("p-b", "Bert", role="huisarts", registration="01234567890", present=True),
            _person("p-a", "anna", organisation="GGD", present=False),
        ]
    )
    sheet = attendance_sheet(document)
    assert sheet.title == "Samen gezond in Kaalheide"
    assert sheet.date == dt.date(2026, 3, 12)
    assert (sheet.start, sheet.end) == (dt.time(13, 30), dt.time(14, 15))
    assert sheet.times == "13:30–14:15"
    assert sheet.accreditation_id == "" and sheet.organiser == "Hanneke Vos"
    assert [row.name for row in sheet.rows] == ["anna", "Bert"]  # by name, case aside
    anna, bert = sheet.rows
    assert anna == AttendanceRow(name="anna", organisation="GGD", status="registered")
    assert bert.registration == "01234567890" and bert.function == "huisarts"
    assert bert.status == "present" and bert.registration_type == ""


def test_the_new_keys_are_read_when_the_document_has_them() -> None:
    document = _document(
        [
            _person(
                "p-1",
                "Marieke Hermans",
                initials="M.J.",
                registration_type="big",
                registration=" 09058231401 ",
                invitation="registered",
                present=True,
                organisation="Huisartsenpraktijk",
            ),
            _person("p-2", "Sanne", invitation="declined"),
            _person("p-3", "Tom", invitation="invited", registration_type="nonsense"),
        ],
        accreditation_id="NHG-481516",
    )
    document["follow_up"] = {"kartrekker": "p-1"}
    sheet = attendance_sheet(document)
    assert sheet.accreditation_id == "NHG-481516"
    assert sheet.organiser == "Marieke Hermans, Huisartsenpraktijk"
    marieke, sanne, tom = sheet.rows
    assert marieke.initials == "M.J." and marieke.registration == "09058231401"
    assert marieke.registration_type_label == "BIG"
    assert (sanne.status, tom.status) == ("declined", "invited")
    assert tom.registration_type == ""  # an unknown type is not printed as one
    assert [row.name for row in sheet.expected] == ["Marieke Hermans", "Tom"]
    assert [row.name for row in sheet.attended] == ["Marieke Hermans"]
    with speaking("nl"):
        assert [row.status_label for row in sheet.rows] == ["aanwezig", "afgemeld", "uitgenodigd"]
    with speaking("en"):
        assert sanne.status_label == "declined"


def test_no_start_time_means_no_times() -> None:
    document = _document([])
    del document["schedule"]
    sheet = attendance_sheet(document)
    assert (sheet.start, sheet.end, sheet.times) == (None, None, "")
    assert attendance_sheet(_document([], date=None)).date is None


def test_the_pasted_numbers_are_big_first_once_each_of_those_present() -> None:
    rows = (
        AttendanceRow("A", registration_type="vvn", registration="V123", status="present"),
        AttendanceRow("B", registration_type="big", registration="09012345678", status="present"),
        AttendanceRow("C", registration="777", status="present"),
        AttendanceRow("D", registration_type="big", registration="1111", status="registered"),
        AttendanceRow("E", registration_type="big", registration="090 1234 5678", status="present"),
        AttendanceRow("F", registration_type="kngf", registration="K9", status="present"),
        AttendanceRow("G", registration_type="big", status="present"),
    )
    assert pasted_numbers(rows) == ["09012345678", "K9", "V123", "777"]
    assert pasted_numbers(AttendanceSheet(title="x", rows=rows).attended) == pasted_numbers(rows)


def test_a_number_of_the_wrong_form_never_becomes_a_pasted_line() -> None:
    # A file made before numbers were checked may carry anything; each line is taken as a number.
    rows = (
        AttendanceRow("A", registration="123\n=cmd", status="present"),
        AttendanceRow("B", registration_type="big", registration="1905823140", status="present"),
        AttendanceRow("C", registration_type="kngf", registration="K-9", status="present"),
    )
    assert pasted_numbers(rows) == ["K-9"]


def test_registers_and_statuses_are_named_as_the_register_names_them() -> None:
    """One table of words: what Voorbereiding shows for a register or a status is what the
    presentielijst and the attendance files print."""
    rows = attendance_sheet(
        _document(
            [
                _person(f"p-{kind}", f"{index} {kind}", registration_type=kind, present=True)
                for index, kind in enumerate(RegistrationType.values())
            ]
        )
    ).rows
    with speaking("nl"):
        assert [row.registration_type_label for row in rows] == [
            "", "BIG", "KNGF", "V&VN", "KABIZ", "ander register",
        ]  # fmt: skip
        assert [row.registration_type_label for row in rows[1:]] == [
            kind.label for kind in list(RegistrationType)[1:]
        ]
        assert [AttendanceRow("A", status=status).status_label for status in AttendanceStatus] == [
            status.label for status in AttendanceStatus
        ]
