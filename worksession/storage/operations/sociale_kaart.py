"""Operations on the sociale kaart: stakeholders on the power/interest grid and their relations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Unpack

from sqlmodel import select

from worksession.domain.models import Participant, Relation, Stakeholder
from worksession.domain.offer_types import OfferRef
from worksession.domain.record_changes import StakeholderChanges
from worksession.domain.roles import RoleCatalogue
from worksession.domain.room import stakeholders_from_participants
from worksession.domain.validation import ValidationError, clean
from worksession.i18n import _
from worksession.storage.database import Database
from worksession.storage.operations._rows import (
    check_belongs,
    fetch,
    list_records,
    new_key,
    next_position,
    ordered,
    remove_record,
    require_session,
    touch,
    update_record,
)


def add_stakeholder(
    *,
    db: Database,
    session_id: int,
    name: str,
    organisation: str = "",
    domain: str = "",
    role: str = "",
    offer: str = "",
    influence: int = 3,
    interest: int = 3,
    present: bool = False,
    participant_id: int | None = None,
    offers: Sequence[OfferRef] = (),
) -> Stakeholder:
    fields = clean(
        "stakeholder",
        {
            "name": name,
            "organisation": organisation,
            "domain": domain,
            "role": role,
            "offers": list(offers),
            "offer": offer,
            "influence": influence,
            "interest": interest,
            "present": present,
        },
    )
    with db.transaction() as s:
        require_session(s, session_id)
        if participant_id is not None:
            check_belongs(
                fetch(s, Participant, participant_id), session_id, "stakeholder.participant"
            )
        stakeholder = Stakeholder(
            session_id=session_id,
            key=new_key(s, session_id, "s", str(fields["name"])),
            position=next_position(s, Stakeholder, session_id),
            participant_id=participant_id,
            **fields,
        )
        s.add(stakeholder)
        touch(s, session_id)
        return stakeholder


def update_stakeholder(
    *, db: Database, stakeholder_id: int, **changes: Unpack[StakeholderChanges]
) -> Stakeholder:
    """Change a stakeholder; moving it on the grid is a change of ``influence``/``interest``."""
    return update_record(db, Stakeholder, "stakeholder", stakeholder_id, changes)


def link_stakeholder_participant(
    *, db: Database, stakeholder_id: int, participant_id: int | None
) -> Stakeholder:
    """Say which participant (if any) represents this stakeholder in the room."""
    with db.transaction() as s:
        stakeholder = fetch(s, Stakeholder, stakeholder_id)
        if participant_id is not None:
            check_belongs(
                fetch(s, Participant, participant_id),
                stakeholder.session_id,
                "stakeholder.participant",
            )
        stakeholder.participant_id = participant_id
        touch(s, stakeholder.session_id)
        return stakeholder


def remove_stakeholder(*, db: Database, stakeholder_id: int) -> Stakeholder:
    """Remove a stakeholder; its relations go with it."""
    return remove_record(db, Stakeholder, stakeholder_id)


def list_stakeholders(*, db: Database, session_id: int) -> list[Stakeholder]:
    return list_records(db, Stakeholder, session_id)


def add_relation(*, db: Database, source_id: int, target_id: int, kind: str) -> Relation:
    """An arrow on the sociale kaart: source refers to, works with or feeds back to target."""
    fields = clean("relation", {"kind": kind})
    with db.transaction() as s:
        source = fetch(s, Stakeholder, source_id)
        check_belongs(fetch(s, Stakeholder, target_id), source.session_id, "relation.to")
        if source_id == target_id:
            raise ValidationError("relation.to", _("a stakeholder cannot relate to itself"))
        duplicate = s.exec(
            select(Relation).where(
                Relation.source_id == source_id,
                Relation.target_id == target_id,
                Relation.kind == fields["kind"],
            )
        ).first()
        if duplicate is not None:
            raise ValidationError("relation", _("this relation exists already"))
        relation = Relation(
            session_id=source.session_id,
            source_id=source_id,
            target_id=target_id,
            position=next_position(s, Relation, source.session_id),
            **fields,
        )
        s.add(relation)
        touch(s, source.session_id)
        return relation


def remove_relation(*, db: Database, relation_id: int) -> Relation:
    return remove_record(db, Relation, relation_id)


def list_relations(*, db: Database, session_id: int) -> list[Relation]:
    return list_records(db, Relation, session_id)


def add_stakeholders_from_participants(
    *, db: Database, session_id: int, roles: RoleCatalogue
) -> list[Stakeholder]:
    """Put every organisation (or role) present on the kaart, linked to its participant.

    Read and written in one transaction, so the kaart it compares with is the stored one; those
    already there are skipped, so a second run adds nothing. Returns the stakeholders added.
    """
    with db.transaction() as s:
        require_session(s, session_id)
        people = list(s.exec(ordered(Participant, session_id)).all())  # type: ignore[call-overload]
        on_kaart = list(s.exec(ordered(Stakeholder, session_id)).all())  # type: ignore[call-overload]
        keys = {person.id: person.key for person in people}
        ids = {person.key: person.id for person in people}
        new = stakeholders_from_participants(
            [person.model_dump() for person in people],
            [{**row.model_dump(), "participant": keys.get(row.participant_id)} for row in on_kaart],
            roles,
        )
        added = []
        for record in new:
            fields = clean("stakeholder", {k: v for k, v in record.items() if k != "participant"})
            stakeholder = Stakeholder(
                session_id=session_id,
                key=new_key(s, session_id, "s", str(fields["name"])),
                position=next_position(s, Stakeholder, session_id),
                participant_id=ids[record["participant"]],
                **fields,
            )
            s.add(stakeholder)
            s.flush()  # the next key and position see this one
            added.append(stakeholder)
        if added:
            touch(s, session_id)
        return added
