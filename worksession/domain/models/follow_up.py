"""After the session: the follow-up (kartrekker, werkgroep), the plan's versions, the sign-off."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from worksession.domain.models._columns import (
    EXACTLY_ONE_PERSON,
    ONE_PERSON_AT_MOST,
    fk,
    long_text,
    utcnow,
)


class FollowUp(SQLModel, table=True):
    """Vervolg & borging: who keeps it going, and when we look again."""

    __tablename__ = "follow_up"
    __table_args__ = (
        CheckConstraint(
            ONE_PERSON_AT_MOST.format(p="kartrekker_participant_id", s="kartrekker_stakeholder_id"),
            name="ck_follow_up_one_kartrekker",
        ),
    )

    session_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("work_session.id", ondelete="CASCADE"), primary_key=True
        ),
    )
    kartrekker_participant_id: int | None = Field(
        default=None, sa_column=fk("participant.id", ondelete="SET NULL", nullable=True)
    )
    kartrekker_stakeholder_id: int | None = Field(
        default=None, sa_column=fk("stakeholder.id", ondelete="SET NULL", nullable=True)
    )
    next_meeting: dt.date | None = None
    evaluation: dt.date | None = None
    funding: str = Field(default="", sa_column=long_text())


class WerkgroepMember(SQLModel, table=True):
    __tablename__ = "werkgroep_member"
    __table_args__ = (
        CheckConstraint(
            EXACTLY_ONE_PERSON.format(p="participant_id", s="stakeholder_id"),
            name="ck_werkgroep_one_person",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("work_session.id", ondelete="CASCADE"))
    position: int = 0
    participant_id: int | None = Field(
        default=None, sa_column=fk("participant.id", ondelete="CASCADE", nullable=True)
    )
    stakeholder_id: int | None = Field(
        default=None, sa_column=fk("stakeholder.id", ondelete="CASCADE", nullable=True)
    )


class PlanVersion(SQLModel, table=True):
    """A frozen version of the plan: canonical snapshot and its SHA-256. Never changed."""

    __tablename__ = "plan_version"
    __table_args__ = (UniqueConstraint("session_id", "number", name="uq_plan_version_number"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("work_session.id", ondelete="CASCADE"))
    number: int
    created_at: dt.datetime = Field(default_factory=utcnow)
    snapshot: str = Field(sa_column=long_text())
    sha256: str


class SignOff(SQLModel, table=True):
    """A participant's decision on a plan version. Names are copied: versions outlive edits."""

    __tablename__ = "sign_off"
    __table_args__ = (
        CheckConstraint("decision IN ('agreed', 'changes')", name="ck_sign_off_decision"),
        CheckConstraint("method IN ('session', 'email')", name="ck_sign_off_method"),
    )

    id: int | None = Field(default=None, primary_key=True)
    version_id: int = Field(sa_column=fk("plan_version.id", ondelete="CASCADE"))
    participant_key: str
    participant_name: str
    decision: str
    comment: str = Field(default="", sa_column=long_text())
    method: str = "session"
    decided_at: dt.datetime = Field(default_factory=utcnow)
