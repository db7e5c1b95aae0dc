"""The themes the group chose and what it agreed on them: improvement points, samenwerkingsafspraken
(with their partners) and referral routes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from worksession.domain.models._columns import (
    EXACTLY_ONE_PERSON,
    ONE_PERSON_AT_MOST,
    added_json,
    fk,
    long_text,
)


class Theme(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("session_id", "key", name="uq_theme_key"),
        CheckConstraint("votes >= 0", name="ck_theme_votes"),
        CheckConstraint("rank IS NULL OR rank >= 1", name="ck_theme_rank"),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("work_session.id", ondelete="CASCADE"))
    key: str
    position: int = 0
    title: str
    target_group: str = ""
    why: str = Field(default="", sa_column=long_text())
    votes: int = 0
    rank: int | None = None
    priority: bool = False


class Improvement(SQLModel, table=True):
    """Where referral or cooperation stalls for a theme, and what should improve."""

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("work_session.id", ondelete="CASCADE"))
    theme_id: int = Field(sa_column=fk("theme.id", ondelete="CASCADE"))
    position: int = 0
    text: str = Field(sa_column=long_text())


class Agreement(SQLModel, table=True):
    """A samenwerkingsafspraak: what, one lead, partners, when, and how we see it worked."""

    __table_args__ = (
        UniqueConstraint("session_id", "key", name="uq_agreement_key"),
        CheckConstraint(
            ONE_PERSON_AT_MOST.format(p="lead_participant_id", s="lead_stakeholder_id"),
            name="ck_agreement_one_lead",
        ),
        CheckConstraint("kind IN ('agreement', 'decision', 'action')", name="ck_agreement_kind"),
        CheckConstraint(
            "status IN ('open', 'in_progress', 'done', 'dropped')", name="ck_agreement_status"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("work_session.id", ondelete="CASCADE"))
    key: str
    position: int = 0
    theme_id: int | None = Field(
        default=None, sa_column=fk("theme.id", ondelete="SET NULL", nullable=True)
    )
    kind: str = "agreement"
    what: str = Field(sa_column=long_text())
    lead_participant_id: int | None = Field(
        default=None, sa_column=fk("participant.id", ondelete="SET NULL", nullable=True)
    )
    lead_stakeholder_id: int | None = Field(
        default=None, sa_column=fk("stakeholder.id", ondelete="SET NULL", nullable=True)
    )
    due: dt.date | None = None
    resources: str = Field(default="", sa_column=long_text())
    indicator: str = Field(default="", sa_column=long_text())
    status: str = "open"
    # Added by migration 0010: the existing offer or meeting this agreement builds on ("sluit
    # aan bij"), {"offer": catalogue key or None, "name": its name, "text": free text}; NULL
    # when it builds on nothing named.
    builds_on: dict[str, Any] | None = Field(default=None, sa_column=added_json(nullable=True))


class AgreementPartner(SQLModel, table=True):
    __tablename__ = "agreement_partner"
    __table_args__ = (
        CheckConstraint(
            EXACTLY_ONE_PERSON.format(p="participant_id", s="stakeholder_id"),
            name="ck_partner_one_person",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    agreement_id: int = Field(sa_column=fk("agreement.id", ondelete="CASCADE"))
    position: int = 0
    participant_id: int | None = Field(
        default=None, sa_column=fk("participant.id", ondelete="CASCADE", nullable=True)
    )
    stakeholder_id: int | None = Field(
        default=None, sa_column=fk("stakeholder.id", ondelete="CASCADE", nullable=True)
    )


class Referral(SQLModel, table=True):
    """A verwijsafspraak: on which signal who refers to whom, the contact person there, and
    whether (and how) the one referred to reports back. Both ends are a participant or a
    stakeholder, each as two nullable foreign keys of which at most one is set."""

    __table_args__ = (
        CheckConstraint(
            ONE_PERSON_AT_MOST.format(p="source_participant_id", s="source_stakeholder_id"),
            name="ck_referral_one_source",
        ),
        CheckConstraint(
            ONE_PERSON_AT_MOST.format(p="target_participant_id", s="target_stakeholder_id"),
            name="ck_referral_one_target",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("work_session.id", ondelete="CASCADE"))
    position: int = 0
    theme_id: int | None = Field(
        default=None, sa_column=fk("theme.id", ondelete="SET NULL", nullable=True)
    )
    signal: str = Field(sa_column=long_text())
    source_participant_id: int | None = Field(
        default=None, sa_column=fk("participant.id", ondelete="SET NULL", nullable=True)
    )
    source_stakeholder_id: int | None = Field(
        default=None, sa_column=fk("stakeholder.id", ondelete="SET NULL", nullable=True)
    )
    target_participant_id: int | None = Field(
        default=None, sa_column=fk("participant.id", ondelete="SET NULL", nullable=True)
    )
    target_stakeholder_id: int | None = Field(
        default=None, sa_column=fk("stakeholder.id", ondelete="SET NULL", nullable=True)
    )
    contact: str = ""
    feedback: bool = False
    feedback_how: str = Field(default="", sa_column=long_text())
