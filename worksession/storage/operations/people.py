"""Operations on the participant register."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Unpack

from sqlmodel import select

from worksession.domain.models import Participant, Stakeholder
from worksession.domain.record_changes import ParticipantChanges
from worksession.domain.registration_numbers import check_registration
from worksession.domain.validation import clean
from worksession.storage.database import Database
from worksession.storage.operations._rows import (
    fetch,
    list_records,
    next_position,
    opaque_key,
    remove_record,
    require_session,
    touch,
)


def add_participant(
    *,
    db: Database,
    session_id: int,
    name: str,
    organisation: str = "",
    role: str = "",
    domain: str = "",
    email: str = "",
    registration: str = "",
    present: bool = True,
    initials: str = "",
    registration_type: str = "",
    invitation: str = "registered",
    call_for: str = "",
    share_email: bool = False,
) -> Participant:
    fields = _clean_new(
        {
            "name": name,
            "initials": initials,
            "organisation": organisation,
            "role": role,
            "domain": domain,
            "email": email,
            "registration_type": registration_type,
            "registration": registration,
            "invitation": invitation,
            "present": present,
            "call_for": call_for,
            "share_email": share_email,
        }
    )
    with db.transaction() as s:
        require_session(s, session_id)
        participant = Participant(
            session_id=session_id,
            key=opaque_key(s, session_id, "p"),
            position=next_position(s, Participant, session_id),
            **fields,
        )
        s.add(participant)
        touch(s, session_id)
        return participant


def _clean_new(person: Mapping[str, object]) -> dict[str, Any]:
    """A new participant's fields checked, the registration number against its register."""
    fields = clean("participant", person)
    check_registration(fields.get("registration_type", ""), fields.get("registration", ""))
    return fields


def update_participant(
    *, db: Database, participant_id: int, **changes: Unpack[ParticipantChanges]
) -> Participant:
    """Change a participant. Ticking them present or absent ticks the stakeholders they stand
    for on the sociale kaart too, so the kaart, the plan and the checks say the same."""
    fields = clean("participant", changes)
    with db.transaction() as s:
        participant = fetch(s, Participant, participant_id)
        if "registration" in fields or "registration_type" in fields:
            # The number is checked against its register as it will be: a new type for the
            # number there, or a new number for the type there.
            check_registration(
                fields.get("registration_type", participant.registration_type),
                fields.get("registration", participant.registration),
            )
        for name, value in fields.items():
            setattr(participant, name, value)
        if "present" in fields:
            linked = select(Stakeholder).where(Stakeholder.participant_id == participant_id)
            for stakeholder in s.exec(linked):
                stakeholder.present = bool(fields["present"])
        touch(s, participant.session_id)
        return participant


def remove_participant(*, db: Database, participant_id: int) -> Participant:
    """Remove a participant; agreements they led keep no lead, partner links go with them."""
    return remove_record(db, Participant, participant_id)


def list_participants(*, db: Database, session_id: int) -> list[Participant]:
    return list_records(db, Participant, session_id)


def find_participant(*, db: Database, session_id: int, key_or_email: str) -> Participant | None:
    """The participant with this key or (case-insensitive) e-mail address, if any."""
    needle = key_or_email.strip()
    with db.reading() as s:
        for participant in s.exec(select(Participant).where(Participant.session_id == session_id)):
            if participant.key == needle or (
                participant.email and participant.email.lower() == needle.lower()
            ):
                return participant
    return None


def add_participants(
    *, db: Database, session_id: int, people: list[dict[str, object]]
) -> list[Participant]:
    """Add a whole list at once (a paste or a CSV import): all of it, or nothing."""
    cleaned = [_clean_new(person) for person in people]
    with db.transaction() as s:
        require_session(s, session_id)
        added = []
        for fields in cleaned:
            participant = Participant(
                session_id=session_id,
                key=opaque_key(s, session_id, "p"),
                position=next_position(s, Participant, session_id),
                **fields,
            )
            s.add(participant)
            s.flush()
            added.append(participant)
        touch(s, session_id)
        return added
