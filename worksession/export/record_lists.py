"""The session's record lists as tables, declared once for every spreadsheet export.

Each list (agreements, participants, the sociale kaart …) is one ``RecordList``: a name for the
command line, a title for the sheet, the rows in the order the plan shows them, and its columns
as (header label, getter). The CSV and the XLSX writers only walk these declarations, so a new
list, or a new column, is one entry here.

Cells are plain values: text, a whole number, a date or nothing. What the coach reads as words
(a status, a domain, yes or no) is translated here, in the language of the export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from worksession.domain.agreement_numbers import (
    agreement_groups,
    agreement_numbers,
    theme_order,
)
from worksession.domain.attendance import attendance_status
from worksession.domain.document_keys import people_by_key, theme_titles
from worksession.domain.interchange import Document
from worksession.domain.values import (
    AgreementKind,
    AgreementStatus,
    Choice,
    Domain,
    RegistrationType,
    RelationKind,
)
from worksession.i18n import N_, _

Cell = str | int | dt.date | None
Row = Mapping[str, Any]


@dataclass(frozen=True)
class Names:
    """What the keys linking the records stand for in one document."""

    people: dict[str, str]
    themes: dict[str, str]
    numbers: dict[str, str]  # agreement key → its number in the plan (A1, A2 …)
    agreements: dict[str, str]  # agreement key → what

    def person(self, key: str | None) -> str:
        return self.people.get(key, "") if key else ""

    def theme(self, key: str | None) -> str:
        return self.themes.get(key, "") if key else ""


@dataclass(frozen=True)
class Column:
    label: str  # marked English (``N_``), translated when the header is written
    get: Callable[[Row, Names], Cell]


@dataclass(frozen=True)
class RecordList:
    name: str  # as the command line names it (``--list agreements``)
    title: str  # marked English: the sheet's name
    rows: Callable[[Document], Sequence[Row]]
    columns: tuple[Column, ...]


@dataclass(frozen=True)
class Table:
    """One list of one document, ready to write: translated headers and the cells by row."""

    name: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def text(field: str) -> Callable[[Row, Names], Cell]:
    return lambda row, _names: str(row.get(field) or "")


def number(field: str) -> Callable[[Row, Names], Cell]:
    return lambda row, _names: row.get(field)


def yes_no(field: str, default: bool = False) -> Callable[[Row, Names], Cell]:
    return lambda row, _names: _("yes") if row.get(field, default) else _("no")


def choice(field: str, kind: type[Choice], default: str) -> Callable[[Row, Names], Cell]:
    def label(row: Row, _names: Names) -> Cell:
        value = row.get(field) or default
        try:
            return kind(value).label
        except ValueError:  # a value this version does not know: shown as it is
            return str(value)

    return label


def date(field: str) -> Callable[[Row, Names], Cell]:
    """An ISO date as a date (a spreadsheet sorts and filters it as one); other text as it is."""

    def value(row: Row, _names: Names) -> Cell:
        raw = row.get(field)
        if not raw:
            return None
        try:
            return dt.date.fromisoformat(str(raw))
        except ValueError:
            return str(raw)

    return value


def person(field: str) -> Callable[[Row, Names], Cell]:
    return lambda row, names: names.person(row.get(field))


def theme(field: str = "theme") -> Callable[[Row, Names], Cell]:
    return lambda row, names: names.theme(row.get(field))


def _register(row: Row, _names: Names) -> Cell:
    """The register in words (BIG, KNGF …); an empty cell for none, not the word "none"."""
    if not row.get("registration_type"):
        return ""
    return choice("registration_type", RegistrationType, "")(row, _names)


def _status(row: Row, _names: Names) -> Cell:
    """uitgenodigd, aangemeld, afgemeld or aanwezig: the one status the invite list shows."""
    return attendance_status(row).label


def _partners(row: Row, names: Names) -> Cell:
    return ", ".join(names.person(key) for key in row.get("partners", []))


def _normalised(rows: Sequence[Row], **defaults: Any) -> list[dict[str, Any]]:
    """Copies with the fields the plan's order reads, so a sparse document sorts too."""
    return [{**defaults, **row} for row in rows]


def _themes_in_order(document: Document) -> list[Row]:
    return list(theme_order(_normalised(document.get("themes", []), priority=False, rank=None)))


def agreements_in_order(document: Document) -> list[Row]:
    """The agreements as the plan prints them, so their numbers run A1, A2 … down the sheet."""
    themes = _normalised(document.get("themes", []), priority=False, rank=None)
    agreements = _normalised(document.get("agreements", []), theme=None, due=None)
    return [row for _theme, group in agreement_groups(themes, agreements) for row in group]


def names_of(document: Document) -> Names:
    themes = _normalised(document.get("themes", []), priority=False, rank=None)
    agreements = _normalised(document.get("agreements", []), theme=None, due=None)
    return Names(
        people=people_by_key(document),
        themes=theme_titles(document),
        numbers=agreement_numbers(themes, agreements),
        agreements={row["key"]: row["what"] for row in agreements},
    )


RECORD_LISTS: tuple[RecordList, ...] = (
    RecordList(
        "agreements",
        N_("Agreements"),
        agreements_in_order,
        (
            Column(N_("Theme"), theme()),
            Column(N_("No."), lambda row, names: names.numbers.get(row["key"], "")),
            Column(N_("Kind"), choice("kind", AgreementKind, "agreement")),
            Column(N_("What"), text("what")),
            Column(N_("Lead"), person("lead")),
            Column(N_("Partners"), _partners),
            Column(N_("When"), date("due")),
            Column(N_("Resources"), text("resources")),
            Column(N_("How we see it worked"), text("indicator")),
            Column(N_("Status"), choice("status", AgreementStatus, "open")),
        ),
    ),
    RecordList(
        "themes",
        N_("Priorities"),
        _themes_in_order,
        (
            Column(N_("Theme"), text("title")),
            Column(N_("Priority"), yes_no("priority")),
            Column(N_("Rank"), number("rank")),
            Column(N_("Votes"), number("votes")),
            Column(N_("Target group"), text("target_group")),
            Column(N_("Why"), text("why")),
        ),
    ),
    RecordList(
        "improvements",
        N_("Improvement points"),
        lambda document: document.get("improvements", []),
        (
            Column(N_("Theme"), theme()),
            Column(N_("Improvement point"), text("text")),
        ),
    ),
    RecordList(
        "referrals",
        N_("Referral agreements"),
        lambda document: document.get("referrals", []),
        (
            Column(N_("Signal"), text("signal")),
            Column(N_("Theme"), theme()),
            Column(N_("From"), person("from")),
            Column(N_("To"), person("to")),
            Column(N_("Contact person"), text("contact")),
            Column(N_("Feedback agreed"), yes_no("feedback")),
            Column(N_("How"), text("feedback_how")),
        ),
    ),
    RecordList(
        "participants",
        N_("Participants"),
        lambda document: document.get("participants", []),
        (
            Column(N_("Name"), text("name")),
            Column(N_("Initials"), text("initials")),
            Column(N_("Organisation"), text("organisation")),
            Column(N_("Role"), text("role")),
            Column(N_("Domain"), choice("domain", Domain, "")),
            Column(N_("E-mail"), text("email")),
            Column(N_("Registration type"), _register),
            # Text, never a number: a BIG number's leading zero is part of it.
            Column(N_("Registration number"), text("registration")),
            Column(N_("Status"), _status),
        ),
    ),
    RecordList(
        "stakeholders",
        N_("Sociale kaart"),
        lambda document: document.get("stakeholders", []),
        (
            Column(N_("Name"), text("name")),
            Column(N_("Organisation"), text("organisation")),
            Column(N_("Domain"), choice("domain", Domain, "")),
            Column(N_("Role"), text("role")),
            Column(N_("Offer"), text("offer")),
            Column(N_("Influence"), number("influence")),
            Column(N_("Interest"), number("interest")),
            Column(N_("Present"), yes_no("present")),
        ),
    ),
    RecordList(
        "relations",
        N_("Relations"),
        lambda document: document.get("relations", []),
        (
            Column(N_("From"), person("from")),
            Column(N_("Kind of relation"), choice("kind", RelationKind, "works_with")),
            Column(N_("To"), person("to")),
        ),
    ),
    RecordList(
        "feedback",
        N_("Evaluation forms"),
        lambda document: document.get("feedback_forms", []),
        (
            Column(N_("Score (1–10)"), number("score")),
            Column(N_("What do you take away?"), text("takeaway")),
            Column(N_("What could be better?"), text("to_improve")),
        ),
    ),
    RecordList(
        "progress",
        N_("Progress"),
        lambda document: document.get("progress", []),
        (
            Column(N_("No."), lambda row, names: names.numbers.get(row["agreement"], "")),
            Column(N_("Agreement"), lambda row, names: names.agreements.get(row["agreement"], "")),
            Column(N_("Date"), date("date")),
            Column(N_("Status"), choice("status", AgreementStatus, "open")),
            Column(N_("What happened"), text("note")),
            Column(N_("Reported by"), text("reported_by")),
        ),
    ),
)

LIST_NAMES: tuple[str, ...] = tuple(entry.name for entry in RECORD_LISTS)
DEFAULT_LIST = "agreements"


def record_list(name: str) -> RecordList:
    """The list called ``name``; ``KeyError`` for a name no list has."""
    for entry in RECORD_LISTS:
        if entry.name == name:
            return entry
    raise KeyError(name)


def table(document: Document, entry: RecordList, names: Names | None = None) -> Table:
    names = names if names is not None else names_of(document)
    return Table(
        name=entry.name,
        title=_(entry.title),
        headers=tuple(_(column.label) for column in entry.columns),
        rows=tuple(
            tuple(column.get(row, names) for column in entry.columns)
            for row in entry.rows(document)
        ),
    )


def tables(document: Document) -> list[Table]:
    """Every list of ``document``, in the order of ``RECORD_LISTS`` (empty ones too)."""
    names = names_of(document)
    return [table(document, entry, names) for entry in RECORD_LISTS]
