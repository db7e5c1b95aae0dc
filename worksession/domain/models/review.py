"""The follow-up session half a year later: the signed plan it reviews, the review of each
agreement, and the cards of *Wat werkte, wat niet*.

A follow-up session is a session of its own (its own participants, sociale kaart, themes and
agreements, carried over from the first session and then changed in the room). What links it to
the first session is ``SessionOrigin``: the signed version's number, fingerprint and snapshot.
The snapshot is kept whole because the follow-up must be able to say what was signed — the
status at sign-off, the original wording of an agreement that is adjusted, who was on the
sociale kaart — on a laptop that does not hold the first session, and the fingerprint proves it
is the signed text (``fingerprint(snapshot) == origin_fingerprint``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from worksession.domain.models._columns import (
    fk,
    long_text,
    session_primary_key,
    utcnow,
)


class SessionOrigin(SQLModel, table=True):
    """Which signed plan a follow-up session reviews; one per follow-up session."""

    __tablename__ = "session_origin"

    session_id: int | None = Field(default=None, sa_column=session_primary_key())
    # The first session on this laptop; cleared when it is deleted (the rest stays).
    origin_session_id: int | None = Field(
        default=None, sa_column=fk("work_session.id", ondelete="SET NULL", nullable=True)
    )
    title: str = ""
    version: int
    fingerprint: str
    # The signed version's canonical snapshot (JSON), exactly as frozen.
    snapshot: str = Field(sa_column=long_text())
    created_at: dt.datetime = Field(default_factory=utcnow)


class AgreementReview(SQLModel, table=True):
    """The review of one agreement of the first session, in the follow-up session.

    ``agreement_id`` is the follow-up's copy of the agreement (same key as in the signed plan);
    what it said and its status at sign-off come from ``SessionOrigin.snapshot`` by that key.
    Unset fields (``None``) are not reviewed yet.
    """

    __tablename__ = "agreement_review"
    __table_args__ = (
        UniqueConstraint("agreement_id", name="uq_agreement_review_agreement"),
        CheckConstraint(
            "status_now IS NULL OR status_now IN ('open', 'in_progress', 'done', 'dropped')",
            name="ck_agreement_review_status",
        ),
        CheckConstraint(
            "indicator_seen IS NULL OR indicator_seen IN ('yes', 'partly', 'no')",
            name="ck_agreement_review_indicator",
        ),
        CheckConstraint(
            "decision IS NULL OR decision IN ('continue', 'adjust', 'completed', 'stop')",
            name="ck_agreement_review_decision",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("work_session.id", ondelete="CASCADE"))
    agreement_id: int = Field(sa_column=fk("agreement.id", ondelete="CASCADE"))
    status_now: str | None = None
    what_happened: str = Field(default="", sa_column=long_text())
    indicator_seen: str | None = None
    evidence: str = Field(default="", sa_column=long_text())
    decision: str | None = None


class LessonCard(SQLModel, table=True):
    """A green or red card of *Wat werkte, wat niet*, grouped under an obstacle of the catalogue.

    ``obstacle`` is the key of an entry in the obstacles catalogue (``sessions/catalogues``);
    an empty key is "anders" (not grouped).
    """

    __tablename__ = "lesson_card"
    __table_args__ = (
        CheckConstraint("kind IN ('worked', 'hindered')", name="ck_lesson_card_kind"),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("work_session.id", ondelete="CASCADE"))
    position: int = 0
    kind: str = "worked"
    obstacle: str = ""
    text: str = Field(sa_column=long_text())
