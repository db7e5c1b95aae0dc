"""Shared pieces of the operations: fetch-or-fail, positions, keys, person references."""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal, TypeVar, cast

from sqlalchemy import Executable, bindparam, delete, func, or_, union_all, update
from sqlalchemy.orm.util import identity_key
from sqlmodel import Session, SQLModel, col, select

from worksession.domain.models import (
    Agreement,
    AgreementPartner,
    FeedbackForm,
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
from worksession.storage.seen import TOUCHED
from worksession.storage.views import one_row, table_of

Row = TypeVar("Row", bound=SQLModel)
# The records with a key, in one key space per session (as in the document); a feedback form's
# key is one too, though nothing refers to a form.
KEYED_MODELS: tuple[type[SQLModel], ...] = (
    Participant,
    Stakeholder,
    Theme,
    Agreement,
    FeedbackForm,
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
    "Referral": N_("referral agreement"),
    "LessonCard": N_("card"),
    "FeedbackForm": N_("evaluation form"),
}


@dataclass(frozen=True)
class PersonRef:
    """A participant or a stakeholder: who leads an agreement, partners in it, refers or is
    referred to, or trekt de kar."""

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


def require_session(s: Session, session_id: int) -> None:
    """Fail with NotFound unless the session exists (a plain query: no object is built)."""
    if one_row(s, WorkSession, "id", session_id) is None:
        fetch_session(s, session_id)  # raises the same NotFound as every other lookup


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
    values: dict[str, object] = {"updated_at": utcnow()}
    # The transaction remembers the new stamp as this program's own (see storage/seen.py).
    s.info.setdefault(TOUCHED, set()).add(session_id)
    if plan:
        values["status"] = "draft"
    loaded = s.identity_map.get(identity_key(WorkSession, session_id))
    if loaded is not None:
        for name, value in values.items():
            setattr(loaded, name, value)
        return
    # Not loaded in this unit of work: one plain UPDATE instead of loading the row to change it.
    table = table_of(WorkSession)
    s.execute(update(table).where(table.c.id == session_id).values(**values))


def next_position(s: Session, model: type[SQLModel], session_id: int) -> int:
    """One past the highest position among the session's rows of ``model``."""
    highest = s.execute(_highest_position(model), {"session_id": session_id}).scalar()
    return 0 if highest is None else int(highest) + 1


def append_row(s: Session, model: type[Row], session_id: int, **fields: object) -> Row:
    """A new row of ``model`` after the session's others; the session must exist and is
    touched (the plan changed)."""
    require_session(s, session_id)
    row = model(session_id=session_id, position=next_position(s, model, session_id), **fields)
    s.add(row)
    touch(s, session_id)
    return row


@cache  # built once per model, as the views' queries are
def _highest_position(model: type[SQLModel]) -> Executable:
    table = table_of(model)
    return select(func.max(table.c.position)).where(table.c.session_id == bindparam("session_id"))


def slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:40].strip("-")


def _key_clashes() -> Executable:
    """Keys of a session equal to ``base`` or numbered from it, across every keyed record."""
    tables = [table_of(model) for model in KEYED_MODELS]
    return union_all(
        *(
            select(table.c.key).where(
                table.c.session_id == bindparam("session_id"),
                or_(table.c.key == bindparam("base"), table.c.key.like(bindparam("numbered"))),
            )
            for table in tables
        )
    )


# Built once: composing the union on every save cost more than running it.
_KEY_CLASHES = _key_clashes()


def new_key(s: Session, session_id: int, prefix: str, text: str) -> str:
    """A readable key unique across every keyed record of the session (they share one space)."""
    base = f"{prefix}-{slug(text) or 'x'}"
    # A slug holds only a-z, 0-9 and "-", so nothing in it is a LIKE wildcard.
    parameters = {"session_id": session_id, "base": base, "numbered": f"{base}-%"}
    taken = set(s.scalars(_KEY_CLASHES, parameters).all())
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    return key


def opaque_key(s: Session, session_id: int, prefix: str) -> str:
    """A key that says nothing about the record: for people, whose key must not carry their name
    (it outlives an erasure in signed decisions, backups and exported files)."""
    taken = set(s.scalars(_OPAQUE_CLASHES, {"session_id": session_id}).all())
    while True:
        key = f"{prefix}-{secrets.token_hex(4)}"
        if key not in taken:
            return key


_OPAQUE_CLASHES = union_all(
    *(
        select(table.c.key).where(table.c.session_id == bindparam("session_id"))
        for table in (table_of(model) for model in KEYED_MODELS)
    )
)


def check_belongs(row: object, session_id: int, path: str) -> None:
    if getattr(row, "session_id", None) != session_id:
        raise ValidationError(path, _("belongs to another session"))


def person_columns(
    s: Session, session_id: int, ref: PersonRef | None, path: str
) -> tuple[int | None, int | None]:
    """(participant_id, stakeholder_id) for ``ref``, checked to be in the same session."""
    if ref is None:
        return None, None
    row = one_row(s, Participant if ref.kind == "participant" else Stakeholder, "id", ref.id)
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
    # No loaded partner rows need syncing; without this the ORM expires the session's objects.
    s.execute(delete(model).where(*conditions).execution_options(synchronize_session=False))
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
