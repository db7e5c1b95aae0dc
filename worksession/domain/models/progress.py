"""The progress log between the sessions: how each agreement is going after sign-off.

Progress is its own append-only table, never a change to the agreement itself: the signed plan
and its frozen versions stay exactly as they were agreed, and the log says what happened since.
An entry is never edited or deleted; only deleting the whole session removes it, and erasing a
person blanks the name they reported under.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from worksession.domain.models._columns import fk, long_text, utcnow


class AgreementProgress(SQLModel, table=True):
    """One report on an agreement: its status on a date, a note, and who reported it.

    The agreement is linked by id and also named by its key: the key survives a re-import of
    the session (ids do not) and the entry keeps saying which agreement it was about when the
    agreement is removed from a later draft (the link is then cleared, the entry stays).
    Who reported it is a name, because half a year later that is often someone who was not in
    the room (a new wijkverpleegkundige, the kartrekker on the phone); when it is a participant
    of the session the entry is linked to them as well, so erasing that person finds it.
    """

    __tablename__ = "agreement_progress"
    __table_args__ = (
        CheckConstraint(
            "status IN ('open', 'in_progress', 'done', 'dropped')",
            name="ck_agreement_progress_status",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("work_session.id", ondelete="CASCADE"))
    agreement_id: int | None = Field(
        default=None, sa_column=fk("agreement.id", ondelete="SET NULL", nullable=True)
    )
    agreement_key: str
    status: str
    # The day the report is about (by default the day it was recorded).
    date: dt.date
    note: str = Field(default="", sa_column=long_text())
    reported_by: str = ""
    reporter_participant_id: int | None = Field(
        default=None, sa_column=fk("participant.id", ondelete="SET NULL", nullable=True)
    )
    recorded_at: dt.datetime = Field(default_factory=utcnow)
