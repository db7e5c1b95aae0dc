"""Borging: the conditions that make the agreements last, and the ticks of the preparation.

A condition row exists once the coach has touched it (see ``domain.conditions``): at most one
per kind and session, arranged by at most one person of the session. A preparation tick is one
item of the programme's timeline marked done; the item is named by its id in the programme
file, so a tick outlives a change to the item's title or date.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from worksession.domain.models._columns import ONE_PERSON_AT_MOST, fk, long_text


class Condition(SQLModel, table=True):
    """One condition of the checklist: its state, who arranges it and a note."""

    __tablename__ = "condition"
    __table_args__ = (
        UniqueConstraint("session_id", "kind", name="uq_condition_kind"),
        CheckConstraint(
            ONE_PERSON_AT_MOST.format(
                p="arranged_by_participant_id", s="arranged_by_stakeholder_id"
            ),
            name="ck_condition_one_person",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("work_session.id", ondelete="CASCADE"))
    position: int = 0
    kind: str
    state: str = "to_arrange"
    arranged_by_participant_id: int | None = Field(
        default=None, sa_column=fk("participant.id", ondelete="SET NULL", nullable=True)
    )
    arranged_by_stakeholder_id: int | None = Field(
        default=None, sa_column=fk("stakeholder.id", ondelete="SET NULL", nullable=True)
    )
    note: str = Field(default="", sa_column=long_text())


class PreparationTick(SQLModel, table=True):
    """An item of the preparation timeline that is done."""

    __tablename__ = "preparation_tick"
    __table_args__ = (UniqueConstraint("session_id", "item", name="uq_preparation_tick_item"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("work_session.id", ondelete="CASCADE"))
    position: int = 0
    item: str
