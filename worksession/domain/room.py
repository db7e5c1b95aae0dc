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


def stands_for(person: Record, stakeholder: Record, roles: RoleCatalogue) -> bool:
    """Whether participant ``person`` represents ``stakeholder``: linked, same organisation, or
    the same catalogue role."""
    if stakeholder.get("participant") and stakeholder.get("participant") == person.get("key"):
        return True
    organisation = person.get("organisation")
    if _same(organisation, stakeholder.get("organisation")) or _same(
        organisation, stakeholder.get("name")
    ):
        return True
    role = roles.role_of(str(person.get("role") or ""))
    if role is None:
        return False
    return any(
        roles.role_of(str(stakeholder.get(field) or "")) == role for field in ("role", "name")
    )


def in_room(stakeholder: Record, participants: Sequence[Record], roles: RoleCatalogue) -> bool:
    """The one definition of "this stakeholder was there": the participant linked to it says
    so; without one, its own tick or a present participant who stands for it."""
    linked = stakeholder.get("participant")
    for person in participants:
        if linked and person.get("key") == linked:
            return bool(person.get("present"))
    if stakeholder.get("present"):
        return True
    return any(
        stands_for(person, stakeholder, roles) for person in present_participants(participants)
    )


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
