"""Participants from a pasted list or a CSV file: names, organisations, roles, e-mail addresses.

Spreadsheets export with commas, semicolons (Dutch Excel) or tabs; a header row is recognised in
Dutch or English, and without one the columns are taken as name, organisation, role, e-mail.
A problem is reported as ``line N: column: what is wrong`` and nothing is imported.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from worksession.domain.field_labels import label_of
from worksession.domain.validation import ValidationError, clean
from worksession.domain.values import Domain
from worksession.i18n import _

HEADERS = {
    "name": ("naam", "name", "deelnemer", "volledige naam"),
    "organisation": ("organisatie", "organisation", "organization", "instelling"),
    "role": ("rol", "role", "functie", "beroep"),
    "email": ("e-mail", "email", "e-mailadres", "mail"),
    "domain": ("domein", "domain"),
    "registration": ("registratie", "registratienummer", "big", "registration", "big-nummer"),
}
DEFAULT_ORDER = ("name", "organisation", "role", "email")
MAX_ROWS = 500


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
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(lines[0], ",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO("\n".join(lines)), dialect))
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
        try:
            people.append(clean("participant", {"name": "", **fields}))
        except ValidationError as error:
            # The column as the window names it ("Naam"), not the field's path.
            column = label_of(error.path) or error.path.split(".")[-1]
            raise ValidationError(f"line {number}", f"{column}: {error.message}") from error
    return people
