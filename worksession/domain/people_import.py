"""Participants from a pasted list or an invite list file: names, organisations, roles, e-mail
addresses, and on the invite list initials, status, register and registration number.

A paste (``parse_people``): spreadsheets copy with commas, semicolons (Dutch Excel) or tabs; a
header row is recognised in Dutch or English, and without one the columns are taken as name,
organisation, role, e-mail. A problem is reported as ``line N: column: what is wrong`` and
nothing is imported.

An invite list file (``read_invite_list``, its rows read by ``support.table_file``): the first
row holds the headers. Every cell is checked and every refused cell reported by row, column (as
the file's header says it), value and why, so the coach sees all of it before anything is
written and imports the accepted rows or nothing.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any, TypeVar

from worksession.domain import who_is_who_columns
from worksession.domain.attendance import status_change
from worksession.domain.field_labels import label_of
from worksession.domain.registration_numbers import check_registration, registration_problem
from worksession.domain.validation import ValidationError, clean
from worksession.domain.values import (
    AttendanceStatus,
    Choice,
    Domain,
    Invitation,
    RegistrationType,
)
from worksession.i18n import _
from worksession.support.table_file import Formula, NotText, list_dialect

HEADERS = {
    "name": ("naam", "name", "deelnemer", "volledige naam"),
    "organisation": ("organisatie", "organisation", "organization", "instelling"),
    "role": ("rol", "role", "functie", "beroep"),
    "email": ("e-mail", "email", "e-mailadres", "mail"),
    "domain": ("domein", "domain"),
    "registration": (
        "registratie",
        "registratienummer",
        "registratienr.",
        "big",
        "registration",
        "registration number",
        "registration no.",
        "big-nummer",
        "big nummer",
        "big number",
        "nummer",
        "number",
    ),
    "initials": ("voorletters", "initialen", "initials"),
    "registration_type": (
        "register",
        "registertype",
        "registratietype",
        "type registratie",
        "soort registratie",
        "registration type",
    ),
    "status": ("status", "uitnodiging", "aanmelding", "invitation", "attendance"),
    **who_is_who_columns.HEADERS,
}
DEFAULT_ORDER = ("name", "organisation", "role", "email")
MAX_ROWS = 500
# Control characters, line and paragraph separators and the bidi embeddings, overrides and
# isolates: none is typed in a name, and U+202E makes "Anna\u202egnp.exe" show as
# "Annaexe.png" in every list, PDF and spreadsheet the name reaches.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def control_problem(text: str) -> str | None:
    """Why ``text`` cannot be a field of a participant (a control character), or None."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    return _("holds the control character {code}; a field is one line of plain text").format(
        code=f"U+{ord(found.group()):04X}"
    )


def _domain_value(text: str) -> str:
    lowered = text.strip().lower()
    for domain in Domain:
        if lowered in (domain.value, domain.label.lower()):
            return domain.value
    return text.strip()


def _columns(first: list[str]) -> tuple[list[str | None], bool]:
    """The field of each column, and whether ``first`` was a header row."""
    found: list[str | None] = []
    for cell in first:
        name = cell.strip().lower()
        found.append(next((field for field, words in HEADERS.items() if name in words), None))
    if "name" in found:
        return found, True
    return [*DEFAULT_ORDER, *([None] * max(0, len(first) - len(DEFAULT_ORDER)))], False


def parse_people(text: str) -> list[dict[str, Any]]:
    """Participant fields per non-empty line; raises ``ValidationError`` naming line and column."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # Windows and old Mac endings
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return []
    try:
        rows = list(csv.reader(io.StringIO("\n".join(lines)), list_dialect(lines[0])))
    except csv.Error as error:
        raise ValidationError(
            "participants", _("not a readable list: {reason}").format(reason=error)
        ) from error
    if not rows:
        return []
    columns, has_header = _columns(rows[0])
    body = rows[1:] if has_header else rows
    if len(body) > MAX_ROWS:
        raise ValidationError(
            "participants", _("more than {count} lines; split the list").format(count=MAX_ROWS)
        )
    people = []
    first_line = 2 if has_header else 1
    for number, row in enumerate(body, start=first_line):
        fields: dict[str, Any] = {}
        for field, cell in zip(columns, row, strict=False):
            if field is not None and cell.strip():
                fields[field] = _domain_value(cell) if field == "domain" else cell.strip()
        if not fields:
            continue
        for field, cell in fields.items():
            problem = control_problem(cell)
            if problem is not None:
                column = label_of(f"participant.{field}") or field
                raise ValidationError(f"line {number}", f"{column}: {problem}")
        try:
            person = clean("participant", {"name": "", **fields})
            # No register column in a paste: the number is held to the plain form.
            check_registration(
                str(person.get("registration_type", "")), person.get("registration", "")
            )
            people.append(person)
        except ValidationError as error:
            # The column as the window names it ("Naam"), not the field's path.
            column = label_of(error.path) or error.path.split(".")[-1]
            raise ValidationError(f"line {number}", f"{column}: {error.message}") from error
    return people


# What a status or register cell may say, in Dutch or English, as the app shows them or as
# people write them.
STATUS_WORDS = {
    AttendanceStatus.INVITED: ("uitgenodigd", "invited", "uitnodiging verstuurd"),
    AttendanceStatus.REGISTERED: ("aangemeld", "registered", "ingeschreven", "komt"),
    AttendanceStatus.DECLINED: ("afgemeld", "declined", "afgezegd", "komt niet"),
    AttendanceStatus.PRESENT: ("aanwezig", "present", "attended", "was er"),
}
REGISTER_WORDS = {
    RegistrationType.BIG: ("big", "big-register"),
    RegistrationType.KNGF: ("kngf",),
    RegistrationType.VVN: ("v&vn", "vvn", "v&v n"),
    RegistrationType.KABIZ: ("kabiz",),
    RegistrationType.OTHER: ("anders", "ander register", "overig", "other", "other register"),
    RegistrationType.NONE: ("geen", "none", "-"),
}
# Nobody is in the room while the list is made: a row without a status is on it, signed up.
DEFAULT_STATUS = AttendanceStatus.REGISTERED
SHOWN_VALUE = 60  # characters of a refused value the report shows


@dataclass(frozen=True)
class Refusal:
    """One refused cell: the row as the spreadsheet numbers it, the column as its header says."""

    row: int
    column: str
    value: str
    reason: str


@dataclass(frozen=True)
class InviteList:
    """What a file would add: the accepted people (with their rows) and every refused cell."""

    people: list[dict[str, Any]]
    rows: list[int]
    refused: list[Refusal]
    ignored: list[str] = dataclass_field(default_factory=list)  # headers of columns not read
    name_column: str = ""  # the name column's header as the file says it

    @property
    def refused_rows(self) -> list[int]:
        return sorted({refusal.row for refusal in self.refused})


def read_invite_list(rows: Sequence[tuple[int, Sequence[str]]]) -> InviteList:
    """The invite list in ``rows`` (numbered; the first is the header row, Dutch or English).

    Every row is checked and every problem reported; a row with any problem is refused whole
    and the others are accepted. A person met in an earlier row is refused too (see
    ``without_listed`` for the session's participants). Raises ``ValidationError`` when the
    first row names no name column, or two columns hold one field: then no row can be read
    rightly at all."""
    if not rows:
        return InviteList([], [], [])
    (_first, header), body = rows[0], rows[1:]
    fields: list[str | None] = []
    for cell in header:
        name = cell.strip().lower()
        fields.append(next((f for f, words in HEADERS.items() if name in words), None))
    if "name" not in fields:
        raise ValidationError(
            "participants",
            _("the first row names no column {name!r}; it must hold the headers").format(
                name=_("Name")
            ),
        )
    for index, found in enumerate(fields):
        if found is not None and found in fields[:index]:
            raise ValidationError(
                "participants",
                _(
                    "columns {first} ({one!r}) and {second} ({other!r}) both hold {field}; keep one"
                ).format(
                    first=fields.index(found) + 1,
                    one=header[fields.index(found)],
                    second=index + 1,
                    other=header[index],
                    field=label_of(f"participant.{found}") or found,
                ),
            )
    ignored = [cell for cell, found in zip(header, fields, strict=False) if not found and cell]
    people: list[dict[str, Any]] = []
    numbers: list[int] = []
    refused: list[Refusal] = []
    if len(body) > MAX_ROWS:
        raise ValidationError(
            "participants", _("more than {count} lines; split the list").format(count=MAX_ROWS)
        )
    seen = _Seen(())
    name_column = header[fields.index("name")]
    for number, cells in body:
        person, problems = _row(number, [str(h) for h in header], fields, cells)
        if problems:
            refused.extend(problems)
        elif person:
            earlier = seen.find(person)
            if earlier is not None:
                reason = _("the same person as row {row}").format(row=earlier)
                refused.append(Refusal(number, name_column, str(person["name"]), reason))
                continue
            seen.add(person, number)
            people.append(person)
            numbers.append(number)
    return InviteList(people, numbers, refused, ignored, name_column)


def without_listed(invite: InviteList, listed: Sequence[Mapping[str, Any]]) -> InviteList:
    """``invite`` with the people ``listed`` holds already (the session's participants) moved
    to the refused, so a list imported twice adds no one twice."""
    seen = _Seen(listed)
    people: list[dict[str, Any]] = []
    rows: list[int] = []
    refused = list(invite.refused)
    for person, row in zip(invite.people, invite.rows, strict=True):
        if seen.find(person) is None:
            people.append(person)
            rows.append(row)
        else:
            reason = _("already on the invite list of this session")
            refused.append(Refusal(row, invite.name_column, str(person["name"]), reason))
    refused.sort(key=lambda refusal: refusal.row)
    return InviteList(people, rows, refused, invite.ignored, invite.name_column)


class _Seen:
    """The people met so far, by name: the same name with no registration number or e-mail
    address that tells them apart is the same person."""

    def __init__(self, listed: Sequence[Mapping[str, Any]]) -> None:
        self._by_name: dict[str, list[tuple[str, str, int]]] = {}
        for person in listed:
            self.add(person, 0)

    @staticmethod
    def _name(person: Mapping[str, Any]) -> str:
        return " ".join(str(person.get("name") or "").split()).casefold()

    @staticmethod
    def _marks(person: Mapping[str, Any]) -> tuple[str, str]:
        return str(person.get("registration") or ""), str(person.get("email") or "").casefold()

    def add(self, person: Mapping[str, Any], row: int) -> None:
        self._by_name.setdefault(self._name(person), []).append((*self._marks(person), row))

    def find(self, person: Mapping[str, Any]) -> int | None:
        """The row the person was met in (0: on the list already), or None."""
        number, email = self._marks(person)
        for other_number, other_email, row in self._by_name.get(self._name(person), []):
            if _agree(number, other_number) and _agree(email, other_email):
                return row
        return None


def _agree(one: str, other: str) -> bool:
    return not one or not other or one == other


def _row(
    number: int, header: list[str], fields: list[str | None], cells: Sequence[str]
) -> tuple[dict[str, Any], list[Refusal]]:
    person: dict[str, Any] = {}
    problems: list[Refusal] = []
    where: dict[str, tuple[str, str]] = {}  # field -> (header, cell)

    def refuse(column: str, value: str, reason: str) -> None:
        shown = value if len(value) <= SHOWN_VALUE else value[: SHOWN_VALUE - 1] + "…"
        problems.append(Refusal(number, column, shown, reason))

    status = DEFAULT_STATUS
    for column, found, cell in zip(header, fields, cells, strict=False):
        if found is None or not cell.strip():
            continue
        where[found] = (column, cell)
        control = control_problem(cell)
        if isinstance(cell, Formula):
            refuse(column, cell, _("a formula; the list takes typed values only"))
        elif isinstance(cell, NotText):
            refuse(column, cell, _not_text(cell))
        elif control is not None:
            refuse(column, cell, control)
        elif found == "name" and cell.strip().casefold() in HEADERS["name"]:
            refuse(column, cell, _("a column header, not a name (the header row again?)"))
        elif found == "status":
            chosen = _word(STATUS_WORDS, cell)
            if chosen is None:
                refuse(column, cell, _one_of(STATUS_WORDS))
            else:
                status = AttendanceStatus(chosen)
        elif found == "share_email" and (tick := who_is_who_columns.tick(cell)) is not None:
            person[found] = tick
        elif found == "share_email":
            refuse(column, cell, _("not yes or no (ja / nee)"))
        elif found == "registration_type":
            register = _word(REGISTER_WORDS, cell)
            if register is None:
                refuse(column, cell, _one_of(REGISTER_WORDS))
            else:
                person[found] = register
        else:
            value = _domain_value(cell) if found == "domain" else cell.strip()
            try:
                person.update(clean("participant", {found: value}))
            except ValidationError as error:
                refuse(column, cell, error.message)
    if not where:
        return {}, []  # a row of ignored columns only
    if "name" not in person and not any(p.column == where.get("name", ("",))[0] for p in problems):
        column = where.get("name", (header[fields.index("name")], ""))[0]
        refuse(column, "", _("must not be empty"))
    problem = registration_problem(
        str(person.get("registration_type", "")), str(person.get("registration", ""))
    )
    if problem is not None and "registration" in where:
        refuse(where["registration"][0], where["registration"][1], problem)
    before: dict[str, Any] = {"present": False, "invitation": Invitation.REGISTERED.value}
    person.update({**before, **status_change(before, status)})
    return person, problems


def _not_text(cell: NotText) -> str:
    if cell.kind == "date":
        return _("a date, not text; format the column as text in the spreadsheet")
    if cell.kind == "boolean":
        return _("a yes/no value, not text")
    return _("an error value of the spreadsheet, not text")


C = TypeVar("C", bound=Choice)


def _word(words: Mapping[C, tuple[str, ...]], cell: str) -> str | None:
    typed = cell.strip().casefold()
    for choice, known in words.items():
        if typed in known or typed in (choice.value, choice.label.casefold()):
            return choice.value
    return None


def _one_of(words: Mapping[C, tuple[str, ...]]) -> str:
    return _("not one of: {choices}").format(
        choices=", ".join(choice.label for choice in words if choice.value)
    )
