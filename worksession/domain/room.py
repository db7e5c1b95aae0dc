"""Who is in the room: participants present, and the stakeholders they stand for.

A stakeholder on the sociale kaart linked to a participant is in the room when that participant
is; one without a link when it is ticked present, or when a present participant works for it
(same organisation) or has its role. Every check and list that asks "was the huisarts there?" asks
this module, so the sociale kaart and the points of attention cannot disagree.

``stakeholders_from_participants`` turns the people present into stakeholders in one go: one per
organisation (or, without one, per role), linked to its first participant, skipping those
already on the kaart so that running it twice adds nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from worksession.domain.roles import RoleCatalogue, effective_domain

Record = Mapping[str, Any]


def _same(a: object, b: object) -> bool:
    left, right = " ".join(str(a or "").split()).casefold(), " ".join(str(b or "").split())
    return bool(left) and left == right.casefold()


def present_participants(participants: Sequence[Record]) -> list[Record]:
    return [person for person in participants if person.get("present")]


def _plain(value: object) -> str:
    return " ".join(str(value or "").split()).casefold()


class Room:
    """Who is present, gathered once: asking it for every stakeholder of a large sociale kaart
    (the checks do after each change) costs one look-up each, not one pass over everyone.

    A present participant stands for a stakeholder when linked to it, of the same organisation
    (the stakeholder's organisation or name), or with the same catalogue role (the
    stakeholder's role or name).
    """

    def __init__(self, participants: Sequence[Record], roles: RoleCatalogue) -> None:
        self._roles = roles
        self._present_by_key: dict[object, bool] = {}
        for person in participants:
            if person.get("key"):
                self._present_by_key.setdefault(person.get("key"), bool(person.get("present")))
        present = present_participants(participants)
        self._organisations = {
            organisation
            for person in present
            if (organisation := _plain(person.get("organisation")))
        }
        self._present_roles = {
            role
            for person in present
            if (role := roles.role_of(str(person.get("role") or ""))) is not None
        }

    def has(self, stakeholder: Record) -> bool:
        """The one definition of "this stakeholder was there": the participant linked to it
        says so; without one, its own tick or a present participant who stands for it."""
        linked = stakeholder.get("participant")
        if linked and linked in self._present_by_key:
            return self._present_by_key[linked]
        if stakeholder.get("present"):
            return True
        if any(
            _plain(stakeholder.get(field)) in self._organisations
            for field in ("organisation", "name")
        ):
            return True
        return any(
            self._roles.role_of(str(stakeholder.get(field) or "")) in self._present_roles
            for field in ("role", "name")
        )


def in_room(stakeholder: Record, participants: Sequence[Record], roles: RoleCatalogue) -> bool:
    """Whether ``stakeholder`` was there (see ``Room``; for many stakeholders build one Room)."""
    return Room(participants, roles).has(stakeholder)


def stakeholders_from_participants(
    participants: Sequence[Record], stakeholders: Sequence[Record], roles: RoleCatalogue
) -> list[dict[str, Any]]:
    """The stakeholders to add so every organisation (or role) present is on the kaart.

    Each is a dict of stakeholder fields plus ``participant`` (the key of the participant it is
    linked to). Groups already represented by a stakeholder are left out.
    """
    groups: dict[str, list[Record]] = {}
    for person in present_participants(participants):
        label = _name(person, roles)
        if label:
            groups.setdefault(label.casefold(), []).append(person)
    new: list[dict[str, Any]] = []
    for members in groups.values():
        first = members[0]
        if any(
            _represented(person, stakeholder, roles)
            for person in members
            for stakeholder in [*stakeholders, *new]
        ):
            continue
        new.append(
            {
                "name": _name(first, roles),
                "organisation": str(first.get("organisation") or ""),
                "role": str(first.get("role") or ""),
                "domain": effective_domain(first, roles),
                "present": True,
                "participant": first.get("key"),
                # Offer, influence and interest are for the group to fill in on the kaart.
            }
        )
    return new


def _represented(person: Record, stakeholder: Record, roles: RoleCatalogue) -> bool:
    """Stricter than ``stands_for``: two practices with a huisarts each are two stakeholders,
    so a role only counts for people without an organisation."""
    if stakeholder.get("participant") and stakeholder.get("participant") == person.get("key"):
        return True
    if _same(_name(person, roles), stakeholder.get("name")):
        return True
    organisation = person.get("organisation")
    if organisation:
        return _same(organisation, stakeholder.get("organisation"))
    role = roles.role_of(str(person.get("role") or ""))
    return role is not None and any(
        roles.role_of(str(stakeholder.get(field) or "")) == role for field in ("role", "name")
    )


def _name(person: Record, roles: RoleCatalogue) -> str:
    """A stakeholder's name for a person: the organisation, else the catalogue role's name
    ("inwoner, mantelzorger" → "Inwoners"), else the role as typed."""
    organisation = " ".join(str(person.get("organisation") or "").split())
    if organisation:
        return organisation
    role_text = str(person.get("role") or "")
    role = roles.role_of(role_text)
    return role.name if role is not None else " ".join(role_text.split())
