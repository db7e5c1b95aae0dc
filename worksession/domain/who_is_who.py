"""*Wie is wie*: who took part, and what each of them can be called for, as plain values.

Lesson 1 of the method: working together starts with knowing each other. After the
kennismaking the participants take home one sheet with everyone's name, organisation, role and
the line "waarvoor kun je mij bellen". An e-mail address is printed only for a person who agreed
to share it (the tick ``share_email``, off unless given): the sheet goes to everyone in the room.

Everyone who may take part is listed (invited, registered, present), not who declined. People
are grouped by organisation — one call to a practice or a team reaches any of them — with the
groups and the people in each in alphabetical order; people without an organisation (inwoners,
mostly) are grouped by their domain, after the organisations.

The participant keys ``call_for`` and ``share_email`` are newer than some documents: both are
read with their defaults ("" and false).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from worksession.domain.attendance import attendance_status
from worksession.domain.document_types import InterchangeDocument
from worksession.domain.values import AttendanceStatus, Domain
from worksession.i18n import _


@dataclass(frozen=True)
class Person:
    """One participant as the sheet shows them; ``email`` is "" unless they agreed to share it."""

    name: str
    organisation: str = ""
    role: str = ""
    call_for: str = ""
    email: str = ""


@dataclass(frozen=True)
class Group:
    """An organisation (or, for people without one, a domain) and its people."""

    title: str
    people: tuple[Person, ...]
    organisation: bool = True  # False: a group of people without an organisation


@dataclass(frozen=True)
class WhoIsWho:
    title: str
    wijk: str = ""
    gemeente: str = ""
    date: dt.date | None = None
    coach: str = ""
    groups: tuple[Group, ...] = ()

    @property
    def people(self) -> tuple[Person, ...]:
        return tuple(person for group in self.groups for person in group.people)


def sort_key(text: str) -> tuple[str, str]:
    """Alphabetical as a reader expects: case and accents do not count ("Émile" beside "Emma")."""
    plain = "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )
    return plain.casefold(), text


def shared_email(participant: Mapping[str, Any]) -> str:
    """The participant's e-mail when they ticked that it may be shared, else ""."""
    if participant.get("share_email") is not True:
        return ""
    return str(participant.get("email", "") or "").strip()


def person(participant: Mapping[str, Any]) -> Person:
    return Person(
        name=str(participant.get("name", "")),
        organisation=_one_line(participant.get("organisation")),
        role=_one_line(participant.get("role")),
        call_for=str(participant.get("call_for", "") or "").strip(),
        email=shared_email(participant),
    )


def who_is_who(document: InterchangeDocument) -> WhoIsWho:
    """The sheet for ``document``: everyone not declined, grouped and sorted."""
    session = cast(Mapping[str, Any], document["session"])
    day = session.get("date")
    participants = [
        cast(Mapping[str, Any], participant) for participant in document.get("participants", [])
    ]
    listed = [p for p in participants if attendance_status(p) != AttendanceStatus.DECLINED]
    return WhoIsWho(
        title=str(session.get("title", "")),
        wijk=str(session.get("wijk", "") or ""),
        gemeente=str(session.get("gemeente", "") or ""),
        date=dt.date.fromisoformat(day) if day else None,
        coach=str(session.get("coach", "") or ""),
        groups=grouped(listed),
    )


def grouped(participants: Iterable[Mapping[str, Any]]) -> tuple[Group, ...]:
    """By organisation (as typed; "GGD" and "ggd" are one), then the rest by domain."""
    by_organisation: dict[str, list[Mapping[str, Any]]] = {}
    by_domain: dict[str, list[Mapping[str, Any]]] = {}
    for participant in participants:
        organisation = _one_line(participant.get("organisation"))
        if organisation:
            by_organisation.setdefault(organisation.casefold(), []).append(participant)
        else:
            by_domain.setdefault(str(participant.get("domain", "") or ""), []).append(participant)
    groups = [
        Group(_one_line(members[0].get("organisation")), _sorted_people(members))
        for members in by_organisation.values()
    ]
    groups.sort(key=lambda group: sort_key(group.title))
    domains = list(Domain.values())
    for domain in sorted(by_domain, key=lambda d: domains.index(d) if d in domains else len(d)):
        groups.append(
            Group(_domain_title(domain), _sorted_people(by_domain[domain]), organisation=False)
        )
    return tuple(groups)


def _sorted_people(members: Iterable[Mapping[str, Any]]) -> tuple[Person, ...]:
    return tuple(sorted((person(member) for member in members), key=lambda p: sort_key(p.name)))


def _domain_title(domain: str) -> str:
    if domain == Domain.RESIDENTS:
        return Domain.RESIDENTS.label
    if domain in Domain.values() and domain:
        return _("{domain}, without an organisation").format(domain=Domain(domain).label)
    return _("Without an organisation")


def _one_line(value: object) -> str:
    return " ".join(str(value or "").split())
