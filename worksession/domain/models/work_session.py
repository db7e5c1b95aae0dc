"""The session itself and what the room learns about the wijk.

The casus, the figures of the wijkgezondheidsprofiel and the insights captured live.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    String,
    Text,
    text,
)
from sqlmodel import Field, SQLModel

from worksession.domain.models._columns import fk, long_text, short_text, utcnow


def new_uuid() -> str:
    """A new session identity: a random UUID as 36 characters."""
    return str(uuid_module.uuid4())


class WorkSession(SQLModel, table=True):
    __tablename__ = "work_session"
    __table_args__ = (
        CheckConstraint("variant IN ('toolkit', 'nhg_coach')", name="ck_session_variant"),
        CheckConstraint("status IN ('draft', 'in_review', 'signed_off')", name="ck_session_status"),
        # Teams mean something on a server only; SQLite adds a column in place without a
        # reference (a reference would copy work_session and, with it, every child row).
        ForeignKeyConstraint(
            ["team_id"], ["team.id"], name="fk_work_session_team", ondelete="RESTRICT"
        ).ddl_if(dialect="postgresql"),
    )

    id: int | None = Field(default=None, primary_key=True)
    title: str
    wijk: str = ""
    gemeente: str = ""
    date: dt.date | None = None
    location: str = ""
    coach: str = ""
    variant: str = "toolkit"
    accredited: bool = False
    programme: str = ""
    # A copy of the programme's steps (JSON list), so a later edit of the file leaves this
    # session as it was run.
    programme_steps: str = Field(
        default="[]", sa_column=Column(Text, nullable=False, server_default="[]")
    )
    ambition: str = Field(default="", sa_column=long_text())
    # When the dagdeel starts ("HH:MM"), for the running schedule; None when not set.
    start_time: str | None = None
    # The accreditation body's ID of this session (GAIA / PE-online), for the attendance list.
    accreditation_id: str = Field(default="", sa_column=short_text(""))
    status: str = "draft"
    # The team whose coaches may see and change the session on a server (row-level security);
    # NULL on an SQLite file, where teams mean nothing.
    team_id: int | None = Field(default=None, sa_column=Column(Integer, nullable=True, index=True))
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)
    # The session's identity wherever it travels (an export, the team archive): a copy gets a
    # new one. The empty default only lets the migration add the column in place.
    uuid: str = Field(
        default_factory=new_uuid,
        sa_column=Column(String(36), nullable=False, unique=True, index=True, server_default=""),
    )
    # One more for every transaction that changes the session (storage/revision_count.py): the
    # team archive compares it with the one it saw at the last sync.
    revision: int = Field(
        default=1,
        sa_column=Column(
            Integer,
            CheckConstraint("revision >= 1", name="ck_work_session_revision"),
            nullable=False,
            default=1,
            server_default=text("1"),
        ),
    )
    # Who made the last change and what it was (a short line), for the message a coach sees
    # when another coach's change refused theirs.
    changed_by: str = Field(default="", sa_column=short_text(""))
    last_change: str = Field(default="", sa_column=short_text(""))


class Casus(SQLModel, table=True):
    """The case the session works on; one per session."""

    session_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("work_session.id", ondelete="CASCADE"), primary_key=True
        ),
    )
    title: str = ""
    text: str = Field(default="", sa_column=long_text())
    question: str = Field(default="", sa_column=long_text())


class KeyFigure(SQLModel, table=True):
    """One figure of the wijkgezondheidsprofiel (label, value, source)."""

    __tablename__ = "key_figure"
    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("work_session.id", ondelete="CASCADE"))
    position: int = 0
    label: str
    value: str = ""
    source: str = ""


class Insight(SQLModel, table=True):
    """An insight from the casus, captured live."""

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("work_session.id", ondelete="CASCADE"))
    position: int = 0
    text: str = Field(sa_column=long_text())
