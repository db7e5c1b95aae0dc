"""Operations on borging: the conditions that make agreements last, and the preparation's ticks.

A condition is stored on its first change (``set_condition`` makes or changes the row of its
kind), in the checklist's order, so reading gives the conditions in the order the page and the
plan show them. A tick marks one item of the programme's preparation timeline done; it is the
organiser's to-do list, not the plan's content, so ticking leaves the plan's status alone.
"""

from __future__ import annotations

from typing import Unpack

from sqlmodel import col, select

from worksession.domain.changes import NOTHING, Changes, Part
from worksession.domain.conditions import ConditionKind
from worksession.domain.models import Condition, PreparationTick
from worksession.domain.record_changes import ConditionChanges
from worksession.domain.validation import ValidationError, clean
from worksession.i18n import _
from worksession.storage.database import Database
from worksession.storage.operations._rows import (
    PersonRef,
    next_position,
    person_columns,
    require_session,
    touch,
)

_UNSET: object = object()


def set_condition(
    *,
    db: Database,
    session_id: int,
    kind: str,
    arranged_by: PersonRef | object | None = _UNSET,
    **changes: Unpack[ConditionChanges],
) -> Condition:
    """Change the condition ``kind`` (made when it has no row yet); ``arranged_by`` changes
    only when given. A refused value names its field and writes nothing."""
    if kind not in ConditionKind.values():
        raise ValidationError("condition.kind", _("unknown condition {value!r}").format(value=kind))
    fields = clean("condition", changes)
    with db.transaction() as s:
        require_session(s, session_id)
        row = s.exec(
            select(Condition).where(Condition.session_id == session_id, Condition.kind == kind)
        ).first()
        if row is None:
            row = Condition(
                session_id=session_id,
                kind=kind,
                position=list(ConditionKind).index(ConditionKind(kind)),
            )
            s.add(row)
        for name, value in fields.items():
            setattr(row, name, value)
        if arranged_by is not _UNSET:
            if arranged_by is not None and not isinstance(arranged_by, PersonRef):
                raise ValidationError("condition.arranged_by", _("expected a person"))
            (
                row.arranged_by_participant_id,
                row.arranged_by_stakeholder_id,
            ) = person_columns(s, session_id, arranged_by, "condition.arranged_by")
        touch(s, session_id)
        return row


def list_conditions(*, db: Database, session_id: int) -> list[Condition]:
    """The session's recorded conditions in the checklist's order."""
    with db.reading() as s:
        return list(
            s.exec(
                select(Condition)
                .where(Condition.session_id == session_id)
                .order_by(col(Condition.position), col(Condition.id))
            ).all()
        )


def set_preparation_done(*, db: Database, session_id: int, item: str, done: bool) -> Changes:
    """Tick (``done``) or untick the timeline item ``item``; returns what changed (nothing
    when it was so already)."""
    if not item.strip():
        raise ValidationError("preparation.item", _("must not be empty"))
    with db.transaction() as s:
        require_session(s, session_id)
        row = s.exec(
            select(PreparationTick).where(
                PreparationTick.session_id == session_id, PreparationTick.item == item
            )
        ).first()
        if (row is not None) == done:
            return NOTHING
        if done:
            position = next_position(s, PreparationTick, session_id)
            s.add(PreparationTick(session_id=session_id, item=item, position=position))
        else:
            s.delete(row)
        touch(s, session_id, plan=False)
        return frozenset({Part.PREPARATION})


def preparation_done(*, db: Database, session_id: int) -> set[str]:
    """The ids of the timeline's items that are ticked."""
    with db.reading() as s:
        return set(
            s.exec(
                select(PreparationTick.item).where(PreparationTick.session_id == session_id)
            ).all()
        )
