"""Operations on vervolg & borging: kartrekker, werkgroep, next meeting, evaluation, funding."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Unpack

from sqlmodel import col, func, select

from worksession.domain.models import FollowUp, WerkgroepMember
from worksession.domain.record_changes import FollowUpChanges
from worksession.domain.validation import clean
from worksession.storage.database import Database
from worksession.storage.operations._rows import (
    PersonRef,
    fetch,
    people_of,
    person_columns,
    replace_people,
    touch,
)

_UNSET: object = object()


def update_follow_up(
    *,
    db: Database,
    session_id: int,
    kartrekker: PersonRef | object | None = _UNSET,
    werkgroep: Sequence[PersonRef] | object = _UNSET,
    **changes: Unpack[FollowUpChanges],
) -> FollowUp:
    """Change the follow-up; ``kartrekker`` and ``werkgroep`` change only when given."""
    fields = clean("follow_up", changes)
    with db.transaction() as s:
        follow_up = fetch(s, FollowUp, session_id)
        for name, value in fields.items():
            setattr(follow_up, name, value)
        if kartrekker is not _UNSET:
            assert kartrekker is None or isinstance(kartrekker, PersonRef)
            (
                follow_up.kartrekker_participant_id,
                follow_up.kartrekker_stakeholder_id,
            ) = person_columns(s, session_id, kartrekker, "follow_up.kartrekker")
        if werkgroep is not _UNSET:
            assert isinstance(werkgroep, Sequence)
            replace_people(
                s,
                WerkgroepMember,
                session_id,
                werkgroep,
                "follow_up.werkgroep",
                session_id=session_id,
            )
        touch(s, session_id)
        return follow_up


def change_werkgroep(
    *,
    db: Database,
    session_id: int,
    add: Sequence[PersonRef] = (),
    remove: Sequence[PersonRef] = (),
) -> list[PersonRef]:
    """Add and remove single werkgroep members; everyone else stays as stored.

    Not a whole new list: a window that had not yet seen a member another window (or program)
    added would otherwise drop that member without a word. Adding a member who is already in
    it, or removing one who is not, changes nothing. Returns the werkgroep as it is now.
    """
    with db.transaction() as s:
        fetch(s, FollowUp, session_id)
        for ref in remove:
            participant_id, stakeholder_id = person_columns(
                s, session_id, ref, "follow_up.werkgroep"
            )
            for row in s.exec(_member(session_id, participant_id, stakeholder_id)).all():
                s.delete(row)
        last = s.exec(
            select(func.max(WerkgroepMember.position)).where(
                WerkgroepMember.session_id == session_id
            )
        ).one()
        position = -1 if last is None else int(last)
        for ref in add:
            participant_id, stakeholder_id = person_columns(
                s, session_id, ref, "follow_up.werkgroep"
            )
            if s.exec(_member(session_id, participant_id, stakeholder_id)).first() is None:
                position += 1
                s.add(
                    WerkgroepMember(
                        session_id=session_id,
                        position=position,
                        participant_id=participant_id,
                        stakeholder_id=stakeholder_id,
                    )
                )
        touch(s, session_id)
    return werkgroep(db=db, session_id=session_id)


def _member(session_id: int, participant_id: int | None, stakeholder_id: int | None) -> Any:
    return select(WerkgroepMember).where(
        WerkgroepMember.session_id == session_id,
        col(WerkgroepMember.participant_id).is_(participant_id)
        if participant_id is None
        else WerkgroepMember.participant_id == participant_id,
        col(WerkgroepMember.stakeholder_id).is_(stakeholder_id)
        if stakeholder_id is None
        else WerkgroepMember.stakeholder_id == stakeholder_id,
    )


def get_follow_up(*, db: Database, session_id: int) -> FollowUp:
    with db.reading() as s:
        return fetch(s, FollowUp, session_id)


def werkgroep(*, db: Database, session_id: int) -> list[PersonRef]:
    return people_of(db, WerkgroepMember, session_id=session_id)
