"""Who is in the room and on the sociale kaart: participants, stakeholders and their relations."""

from __future__ import annotations

from typing import Any

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from worksession.domain.models._columns import added_flag, added_json, fk, long_text, short_text

REGISTRATION_TYPE_CHECK = "registration_type IN ('', 'big', 'kngf', 'vvn', 'kabiz', 'other')"
INVITATION_CHECK = "invitation IN ('invited', 'registered', 'declined')"


class Participant(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("session_id", "key", name="uq_participant_key"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("work_session.id", ondelete="CASCADE"))
    key: str
    position: int = 0
    name: str
    organisation: str = ""
    role: str = ""
    domain: str = ""
    email: str = ""
    # The registration NUMBER; ``registration_type`` says which register it is in.
    registration: str = ""
    present: bool = True
    # Added by migration 0008 to rows that were there: the server defaults fill them.
    # Their checks are part of the column, as SQLite's ADD COLUMN can add them to a table that
    # has rows without copying it (migration 0008).
    initials: str = Field(default="", sa_column=short_text(""))
    registration_type: str = Field(
        default="",
        sa_column=short_text(
            "", check=REGISTRATION_TYPE_CHECK, name="ck_participant_registration_type"
        ),
    )
    # Before the day: invited, registered or declined; ``present`` is the fact of attending.
    invitation: str = Field(
        default="registered",
        sa_column=short_text(
            "registered", check=INVITATION_CHECK, name="ck_participant_invitation"
        ),
    )
    # Added by migration 0010: "waarvoor kun je mij bellen", and whether the e-mail address may
    # be on the wie-is-wie list (off unless the person agreed).
    call_for: str = Field(default="", sa_column=short_text(""))
    share_email: bool = Field(default=False, sa_column=added_flag(False))


class Stakeholder(SQLModel, table=True):
    """Someone active in the wijk, placed on the power/interest grid of the sociale kaart."""

    __table_args__ = (
        UniqueConstraint("session_id", "key", name="uq_stakeholder_key"),
        CheckConstraint("influence BETWEEN 1 AND 5", name="ck_stakeholder_influence"),
        CheckConstraint("interest BETWEEN 1 AND 5", name="ck_stakeholder_interest"),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("work_session.id", ondelete="CASCADE"))
    key: str
    position: int = 0
    name: str
    organisation: str = ""
    domain: str = ""
    role: str = ""
    offer: str = Field(default="", sa_column=long_text())
    influence: int = 3
    interest: int = 3
    present: bool = False
    participant_id: int | None = Field(
        default=None, sa_column=fk("participant.id", ondelete="SET NULL", nullable=True)
    )
    # Added by migration 0010: the catalogue's offers this stakeholder brings, each as
    # {"id": catalogue key, "name": its name}; ``offer`` stays the free text beside them.
    offers: list[dict[str, Any]] = Field(default_factory=list, sa_column=added_json(nullable=False))


class Relation(SQLModel, table=True):
    """A directed link between two stakeholders: who refers to, works with, feeds back to whom."""

    __table_args__ = (
        UniqueConstraint("source_id", "target_id", "kind", name="uq_relation"),
        CheckConstraint(
            "kind IN ('refers_to', 'works_with', 'feeds_back_to')", name="ck_relation_kind"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("work_session.id", ondelete="CASCADE"))
    position: int = 0
    source_id: int = Field(sa_column=fk("stakeholder.id", ondelete="CASCADE"))
    target_id: int = Field(sa_column=fk("stakeholder.id", ondelete="CASCADE"))
    kind: str = "refers_to"
