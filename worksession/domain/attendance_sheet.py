"""Who is on the attendance list of a session, as plain values: the presentielijst printed before
the session and the attendance files sent to the accreditation body after it.

An accreditation body (GAIA for GPs, PE-online for the quality registers) asks for the
organiser, the title, the date, the start and end time, the accreditation ID and the location,
and per person the name, initials, function, registration type and number and organisation.
``attendance_sheet`` reads all of that from a ``worksession/1`` document once, so the PDF and
the spreadsheets never look into the document themselves.

The participant keys ``initials``, ``registration_type`` and ``invitation`` and the session key
``accreditation_id`` are newer than some documents: each is read with its default, so a document
without them gives an empty initials column, no registration type and everyone registered.

What a register or a status is called comes from the register's own choices
(``values.RegistrationType``, ``values.AttendanceStatus``), as on *Voorbereiding*, and a
participant's status from ``attendance.attendance_status``, the one rule for it.

The session has no organiser field: the kartrekker (with their organisation) is the local
organiser the method names, so the sheet names them, or the coach when no kartrekker is chosen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from worksession.domain.attendance import attendance_status
from worksession.domain.document_types import InterchangeDocument
from worksession.domain.registration_numbers import registration_problem
from worksession.domain.schedule import parse_start_time
from worksession.domain.values import AttendanceStatus, RegistrationType

# The order of the registration types in the paste file: BIG first (see ``pasted_numbers``).
TYPE_ORDER = (
    RegistrationType.BIG,
    RegistrationType.KNGF,
    RegistrationType.VVN,
    RegistrationType.KABIZ,
    RegistrationType.OTHER,
    RegistrationType.NONE,
)


@dataclass(frozen=True)
class AttendanceRow:
    """One person on the list; ``registration_type`` is a ``RegistrationType`` value ("big",
    …, or "" for none)."""

    name: str
    initials: str = ""
    function: str = ""
    registration_type: str = ""
    registration: str = ""
    organisation: str = ""
    status: AttendanceStatus = AttendanceStatus.REGISTERED

    @property
    def present(self) -> bool:
        return self.status == AttendanceStatus.PRESENT

    @property
    def registration_type_label(self) -> str:
        """The register's name (``RegistrationType``'s label); "" when there is none."""
        if not self.registration_type:
            return ""  # an empty cell on the list, not the word "none"
        return RegistrationType(self.registration_type).label

    @property
    def status_label(self) -> str:
        return AttendanceStatus(self.status).label


@dataclass(frozen=True)
class AttendanceSheet:
    """The session's details the accreditation body asks for, and its people (sorted by name)."""

    title: str
    organiser: str = ""
    date: dt.date | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    accreditation_id: str = ""
    location: str = ""
    coach: str = ""
    rows: tuple[AttendanceRow, ...] = ()

    @property
    def expected(self) -> tuple[AttendanceRow, ...]:
        """Everyone who may come: invited, registered or already present (not who declined)."""
        return tuple(row for row in self.rows if row.status != AttendanceStatus.DECLINED)

    @property
    def attended(self) -> tuple[AttendanceRow, ...]:
        """Everyone who was there: what the accreditation body is sent."""
        return tuple(row for row in self.rows if row.present)

    @property
    def times(self) -> str:
        """ "13:30–17:25", the start alone, or "" without a start time."""
        if self.start is None:
            return ""
        start = self.start.strftime("%H:%M")
        return f"{start}–{self.end:%H:%M}" if self.end is not None else start


def attendance_row(participant: Mapping[str, Any]) -> AttendanceRow:
    registration_type = str(participant.get("registration_type", "") or "")
    return AttendanceRow(
        name=str(participant.get("name", "")),
        initials=str(participant.get("initials", "") or ""),
        function=str(participant.get("role", "") or ""),
        registration_type=(
            registration_type if registration_type in RegistrationType.values() else ""
        ),
        registration=str(participant.get("registration", "") or "").strip(),
        organisation=str(participant.get("organisation", "") or ""),
        status=attendance_status(participant),
    )


def attendance_sheet(document: InterchangeDocument) -> AttendanceSheet:
    """The attendance list of ``document``: its header from the session and the programme's
    schedule (the planned start and end), a row per participant sorted by name."""
    session = cast(Mapping[str, Any], document["session"])
    day = session.get("date")
    start = _start_time(document)
    rows = sorted(
        (
            attendance_row(cast(Mapping[str, Any], person))
            for person in document.get("participants", [])
        ),
        key=lambda row: (row.name.casefold(), row.name),
    )
    return AttendanceSheet(
        title=str(session.get("title", "")),
        organiser=organiser(document),
        date=dt.date.fromisoformat(day) if day else None,
        start=start,
        end=_after(start, _planned_minutes(session.get("programme_steps", []))),
        accreditation_id=str(session.get("accreditation_id", "") or ""),
        location=str(session.get("location", "") or ""),
        coach=str(session.get("coach", "") or ""),
        rows=tuple(rows),
    )


def organiser(document: InterchangeDocument) -> str:
    """The kartrekker and their organisation; the coach when no kartrekker is chosen."""
    key = document.get("follow_up", {}).get("kartrekker")
    for person in document.get("participants", []):
        if key is not None and person["key"] == key:
            organisation = person.get("organisation", "")
            return f"{person['name']}, {organisation}" if organisation else person["name"]
    return str(document["session"].get("coach", "") or "")


def pasted_numbers(rows: Sequence[AttendanceRow]) -> list[str]:
    """The registration numbers of those present, one each, for PE-online's paste import:
    BIG numbers first (GAIA and most accreditations count them), then the quality registers in
    a fixed order (KNGF, V&VN, KABIZ, other, no type), each group in the list's order; a number
    given twice is listed once, spaces inside a number are left out. A number of the wrong form
    (from a file made before numbers were checked) is left out: a paste import takes each line
    as a number."""
    ranked = sorted(
        (row for row in rows if row.present and row.registration),
        key=lambda row: TYPE_ORDER.index(row.registration_type),
    )
    numbers: list[str] = []
    for row in ranked:
        number = "".join(row.registration.split())
        if registration_problem(row.registration_type, number) is None and number not in numbers:
            numbers.append(number)
    return numbers


def _start_time(document: InterchangeDocument) -> dt.time | None:
    start = document.get("schedule", {}).get("start_time")
    return parse_start_time(start) if start else None


def _planned_minutes(steps: Sequence[Mapping[str, Any]]) -> int:
    return sum(int(step.get("minutes", 0)) for step in steps)


def _after(start: dt.time | None, minutes: int) -> dt.time | None:
    if start is None or not minutes:
        return None
    moment = dt.datetime.combine(dt.date(2000, 1, 1), start) + dt.timedelta(minutes=minutes)
    return moment.time()
