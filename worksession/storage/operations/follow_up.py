"""Operations on vervolg & borging: kartrekker, werkgroep, next meeting, evaluation, funding."""

from __future__ import annotations

from collections.abc import Sequence

from worksession.domain.models import FollowUp, WerkgroepMember
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
    **changes: object,
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


def get_follow_up(*, db: Database, session_id: int) -> FollowUp:
    with db.reading() as s:
        return fetch(s, FollowUp, session_id)


def werkgroep(*, db: Database, session_id: int) -> list[PersonRef]:
    return people_of(db, WerkgroepMember, session_id=session_id)
