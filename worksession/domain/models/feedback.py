"""The participants' short evaluation: one paper form each, typed in by the coach afterwards.

A form is anonymous: it has no link to a participant (the paper has no name) and its key says
nothing about who filled it in. Every field may be left empty, as a participant may leave a
question open; the score is a whole number 1–10 or none.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from worksession.domain.models._columns import fk, long_text


class FeedbackForm(SQLModel, table=True):
    """One participant's evaluation form: a score and the answers to the two open questions."""

    __tablename__ = "feedback_form"
    __table_args__ = (
        UniqueConstraint("session_id", "key", name="uq_feedback_form_key"),
        CheckConstraint("score IS NULL OR score BETWEEN 1 AND 10", name="ck_feedback_form_score"),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("work_session.id", ondelete="CASCADE"))
    key: str
    position: int = 0
    score: int | None = None
    # "Wat neemt u mee uit deze werksessie?"
    takeaway: str = Field(default="", sa_column=long_text())
    # "Wat kan beter?"
    to_improve: str = Field(default="", sa_column=long_text())
