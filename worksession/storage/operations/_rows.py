"""Shared pieces of the operations: fetch-or-fail, positions, keys, person references."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar, cast

from sqlalchemy import delete, func
from sqlmodel import Session, SQLModel, col, select

from worksession.domain.models import (
    Agreement,
    AgreementPartner,
    Participant,
    Stakeholder,
    Theme,
    WerkgroepMember,
    WorkSession,
    utcnow,
)
from worksession.domain.validation import ValidationError, clean
from worksession.i18n import N_, _
from worksession.storage.database import Database
from worksession.storage.errors import NotFound

Row = TypeVar("Row", bound=SQLModel)
KEYED_MODELS: tuple[type[Participant] | type[Stakeholder] | type[Theme] | type[Agreement], ...] = (
    Participant,
    Stakeholder,
    Theme,
    Agreement,
)


RECORD_NAMES = {
    "WorkSession": N_("session"),
    "Casus": N_("casus"),
    "FollowUp": N_("follow-up"),
    "KeyFigure": N_("key figure"),
    "Insight": N_("insight"),
    "Participant": N_("participant"),
    "Stakeholder": N_("stakeholder"),
    "Relation": N_("relation"),
    "Theme": N_("theme"),
    "Improvement": N_("improvement point"),
    "Agreement": N_("agreement"),
}


@dataclass(frozen=True)
class PersonRef:
    """A participant or a stakeholder: who leads an agreement, partners in it, or trekt de kar."""

    kind: Literal["participant", "stakeholder"]
    id: int


def fetch(s: Session, model: type[Row], row_id: int) -> Row:
    row = s.get(model, row_id)
    if row is None:
        raise NotFound(
            _("There is no {record} with id {id}.").format(
                record=_(RECORD_NAMES.get(model.__name__, model.__name__)), id=row_id
            )
        )
    return row


def fetch_session(s: Session, session_id: int) -> WorkSession:
    return fetch(s, WorkSession, session_id)


def session_record(s: Session, model: type[Row], session_id: int) -> Row:
    """A one-per-session record (keyed by its session), added on first use."""
    row = s.get(model, session_id)
    if row is None:
        row = model(session_id=session_id)
        s.add(row)
    return row


def touch(s: Session, session_id: int, *, plan: bool = True) -> None:
    """Record that the session changed now (the start window sorts by it).

    A change to the plan's content makes the session a draft again: a frozen version stays as
    it was, and the next freeze makes a new one. Coach-only changes (notes) pass ``plan=False``.
    """
    work_session = fetch_session(s, session_id)
    work_session.updated_at = utcnow()
    if plan:
        work_session.status = "draft"


def next_position(s: Session, model: type[SQLModel], **where: int) -> int:
    query = select(func.max(model.position))  # type: ignore[attr-defined]
    for name, value in where.items():
        query = query.where(getattr(model, name) == value)
    highest = s.exec(query).one()
    return 0 if highest is None else int(highest) + 1


def slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:40].strip("-")


def new_key(s: Session, session_id: int, prefix: str, text: str) -> str:
    """A readable key unique across every keyed record of the session (they share one space)."""
    taken: set[str] = set()
    for model in KEYED_MODELS:
        taken.update(s.exec(select(model.key).where(model.session_id == session_id)).all())
    base = f"{prefix}-{slug(text) or 'x'}"
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    return key


def check_belongs(row: SQLModel, session_id: int, path: str) -> None:
    if getattr(row, "session_id", None) != session_id:
        raise ValidationError(path, _("belongs to another session"))


def person_columns(
    s: Session, session_id: int, ref: PersonRef | None, path: str
) -> tuple[int | None, int | None]:
    """(participant_id, stakeholder_id) for ``ref``, checked to be in the same session."""
    if ref is None:
        return None, None
    model = Participant if ref.kind == "participant" else Stakeholder
    row = s.get(model, ref.id)
    if row is None:
        raise ValidationError(
            path, _("there is no {kind} with id {id}").format(kind=ref.kind, id=ref.id)
        )
    check_belongs(row, session_id, path)
    return (ref.id, None) if ref.kind == "participant" else (None, ref.id)


def person_ref(participant_id: int | None, stakeholder_id: int | None) -> PersonRef | None:
    if participant_id is not None:
        return PersonRef("participant", participant_id)
    if stakeholder_id is not None:
        return PersonRef("stakeholder", stakeholder_id)
    return None


def ordered(model: type[Row], session_id: int) -> object:
    """SELECT rows of one session in the coach's order."""
    return (
        select(model)
        .where(model.session_id == session_id)  # type: ignore[attr-defined]
        .order_by(model.position, col(model.id))  # type: ignore[attr-defined]
    )


def update_record(
    db: Database, model: type[Row], record: str, row_id: int, changes: Mapping[str, object]
) -> Row:
    """Validate ``changes`` for ``record`` and apply them to one row in one transaction."""
    fields = clean(record, changes)
    with db.transaction() as s:
        row = fetch(s, model, row_id)
        for name, value in fields.items():
            setattr(row, name, value)
        touch(s, row.session_id)  # type: ignore[attr-defined]
        return row


def remove_record(db: Database, model: type[Row], row_id: int) -> Row:
    """Delete one row (its dependants cascade) and return it as it was."""
    with db.transaction() as s:
        row = fetch(s, model, row_id)
        s.delete(row)
        touch(s, row.session_id)  # type: ignore[attr-defined]
        return row


def list_records(db: Database, model: type[Row], session_id: int) -> list[Row]:
    with db.reading() as s:
        return list(s.exec(ordered(model, session_id)).all())  # type: ignore[call-overload]


def replace_people(
    s: Session,
    model: type[AgreementPartner] | type[WerkgroepMember],
    in_session: int,
    refs: Sequence[PersonRef],
    path: str,
    **owner: int,
) -> None:
    """Make the ordered list of people in ``model`` for ``owner`` exactly ``refs``."""
    if len(set(refs)) != len(refs):
        raise ValidationError(path, _("someone is named twice"))
    conditions = [getattr(model, name) == value for name, value in owner.items()]
    s.execute(delete(model).where(*conditions))
    for position, ref in enumerate(refs):
        participant_id, stakeholder_id = person_columns(s, in_session, ref, path)
        s.add(
            model(
                position=position,
                participant_id=participant_id,
                stakeholder_id=stakeholder_id,
                **owner,
            )
        )


def people_of(
    db: Database, model: type[AgreementPartner] | type[WerkgroepMember], **owner: int
) -> list[PersonRef]:
    with db.reading() as s:
        query = select(model).order_by(col(model.position))
        for name, value in owner.items():
            query = query.where(getattr(model, name) == value)
        rows = cast(Sequence[AgreementPartner | WerkgroepMember], s.exec(query).all())
        return [
            ref
            for row in rows
            if (ref := person_ref(row.participant_id, row.stakeholder_id)) is not None
        ]
