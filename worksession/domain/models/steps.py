"""What the coach keeps per step and for the dagdeel: notes, the evaluation and the timings."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from worksession.domain.models._columns import fk, long_text, session_primary_key


class StepNote(SQLModel, table=True):
    """The coach's notes for one step of the session's programme."""

    __tablename__ = "step_note"
    __table_args__ = (UniqueConstraint("session_id", "step_id", name="uq_step_note"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("work_session.id", ondelete="CASCADE"))
    step_id: str
    text: str = Field(default="", sa_column=long_text())


class Evaluation(SQLModel, table=True):
    """The short evaluation at the end of the session."""

    __table_args__ = (
        CheckConstraint("score IS NULL OR score BETWEEN 1 AND 10", name="ck_evaluation_score"),
    )

    session_id: int | None = Field(default=None, sa_column=session_primary_key())
    went_well: str = Field(default="", sa_column=long_text())
    to_improve: str = Field(default="", sa_column=long_text())
    score: int | None = None


class StepTiming(SQLModel, table=True):
    """How long a programme step actually took (the timer), and the minutes added to it."""

    __tablename__ = "step_timing"
    __table_args__ = (
        UniqueConstraint("session_id", "step_id", name="uq_step_timing"),
        CheckConstraint("actual_seconds >= 0", name="ck_step_timing_seconds"),
        CheckConstraint("extra_minutes >= 0", name="ck_step_timing_extra"),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("work_session.id", ondelete="CASCADE"))
    step_id: str
    actual_seconds: int = 0
    extra_minutes: int = 0
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None
