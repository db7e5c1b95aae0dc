"""The session itself and what the room learns about the wijk.

The casus, the figures of the wijkgezondheidsprofiel and the insights captured live.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Column, ForeignKey, Integer, Text
from sqlmodel import Field, SQLModel

from worksession.domain.models._columns import fk, long_text, short_text, utcnow


class WorkSession(SQLModel, table=True):
    __tablename__ = "work_session"
    __table_args__ = (
        CheckConstraint("variant IN ('toolkit', 'nhg_coach')", name="ck_session_variant"),
        CheckConstraint("status IN ('draft', 'in_review', 'signed_off')", name="ck_session_status"),
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
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


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
