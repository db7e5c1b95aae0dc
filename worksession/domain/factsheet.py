"""The *factsheet voor de huisarts*: one organisation of the sociale kaart on one page.

Lesson 8 of the method: the GGD and the gemeente should think through what they can offer the
others and bring it forward, e.g. as a one-page factsheet that shows the huisarts at a glance
what they can do for the practice. The sheet is made for any stakeholder on the kaart from what
the session recorded: its offers picked from the catalogue (each with the catalogue's name,
description and themes), its own offer in free text, and whom to contact — the participant
linked to it, with the role, what they can be called for, and the e-mail only when they agreed
to share it.

A stakeholder's ``offers`` are catalogue ids, each possibly with the offer's name beside it (a
session must still read on a laptop without that catalogue entry): an entry is read as an id
("gli-cool"), or as an object with ``id`` (or ``key``) and ``name``. The keys ``offers``,
``call_for`` and ``share_email`` are newer than some documents and are read with defaults.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from worksession.domain.document_types import InterchangeDocument
from worksession.domain.values import Domain
from worksession.domain.who_is_who import shared_email
from worksession.i18n import _


@dataclass(frozen=True)
class OfferDescription:
    """What the catalogue says of an offer: read by the caller from the toolkit's catalogue."""

    name: str
    kind: str = ""
    description: str = ""
    themes: tuple[str, ...] = ()  # theme titles, as the reader sees them


@dataclass(frozen=True)
class OfferLine:
    """One offer on the sheet; ``known`` is False for an id the catalogue at hand lacks."""

    id: str
    name: str
    kind: str = ""
    description: str = ""
    themes: tuple[str, ...] = ()
    known: bool = True


@dataclass(frozen=True)
class Contact:
    name: str
    role: str = ""
    call_for: str = ""
    email: str = ""


@dataclass(frozen=True)
class Factsheet:
    name: str  # the stakeholder as named on the kaart
    organisation: str = ""
    domain: str = ""  # a Domain value, or ""
    role: str = ""
    offers: tuple[OfferLine, ...] = ()
    own_offer: str = ""  # the free text
    contacts: tuple[Contact, ...] = ()
    session_title: str = ""
    wijk: str = ""
    gemeente: str = ""
    date: dt.date | None = None

    @property
    def domain_label(self) -> str:
        return Domain(self.domain).label if self.domain in Domain.values() and self.domain else ""

    @property
    def has_offer(self) -> bool:
        return bool(self.offers or self.own_offer)


class UnknownStakeholder(ValueError):
    """A stakeholder key the session does not have; the message names it and the keys it has."""


def offer_entries(stakeholder: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(catalogue id, name as stored beside it or "") for each offer picked for ``stakeholder``."""
    entries: list[tuple[str, str]] = []
    for entry in stakeholder.get("offers", None) or []:
        if isinstance(entry, str):
            entries.append((entry, ""))
        elif isinstance(entry, Mapping):
            key = entry.get("id", entry.get("key", ""))
            entries.append((str(key or ""), str(entry.get("name", "") or "")))
    return [(key, name) for key, name in entries if key or name]


def offer_lines(
    stakeholder: Mapping[str, Any], catalogue: Mapping[str, OfferDescription]
) -> tuple[OfferLine, ...]:
    lines = []
    for key, stored_name in offer_entries(stakeholder):
        known = catalogue.get(key)
        if known is None:
            lines.append(OfferLine(key, stored_name or key, known=False))
        else:
            lines.append(
                OfferLine(
                    key,
                    known.name or stored_name or key,
                    known.kind,
                    known.description,
                    known.themes,
                )
            )
    return tuple(lines)


def factsheet(
    document: InterchangeDocument,
    stakeholder_key: str,
    catalogue: Mapping[str, OfferDescription] | None = None,
) -> Factsheet:
    """The factsheet of the stakeholder ``stakeholder_key``; ``UnknownStakeholder`` when the
    session has none by that key."""
    stakeholders = [cast(Mapping[str, Any], s) for s in document.get("stakeholders", [])]
    found = next((s for s in stakeholders if s.get("key") == stakeholder_key), None)
    if found is None:
        keys = ", ".join(str(s.get("key")) for s in stakeholders) or _("none")
        raise UnknownStakeholder(
            _(
                "there is no stakeholder {key!r} on the sociale kaart of this session "
                "(keys: {keys})"
            ).format(key=stakeholder_key, keys=keys)
        )
    session = cast(Mapping[str, Any], document["session"])
    day = session.get("date")
    participants = [cast(Mapping[str, Any], p) for p in document.get("participants", [])]
    return Factsheet(
        name=str(found.get("name", "")),
        organisation=str(found.get("organisation", "") or ""),
        domain=str(found.get("domain", "") or ""),
        role=str(found.get("role", "") or ""),
        offers=offer_lines(found, catalogue or {}),
        own_offer=str(found.get("offer", "") or "").strip(),
        contacts=_contacts(found, participants),
        session_title=str(session.get("title", "")),
        wijk=str(session.get("wijk", "") or ""),
        gemeente=str(session.get("gemeente", "") or ""),
        date=dt.date.fromisoformat(day) if day else None,
    )


def _contacts(
    stakeholder: Mapping[str, Any], participants: Sequence[Mapping[str, Any]]
) -> tuple[Contact, ...]:
    """The participant linked to the stakeholder: the one the huisarts can call."""
    linked = stakeholder.get("participant")
    return tuple(
        Contact(
            name=str(person.get("name", "")),
            role=str(person.get("role", "") or ""),
            call_for=str(person.get("call_for", "") or "").strip(),
            email=shared_email(person),
        )
        for person in participants
        if linked and person.get("key") == linked
    )
