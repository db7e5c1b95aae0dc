"""The vote round: its method, one ballot per participant and the ballot's marks per theme."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from worksession.domain.models._columns import fk, session_primary_key


class VoteRound(SQLModel, table=True):
    """How the group votes on the themes; one per session (none: dots, totals per theme).

    With ``entry`` = totals the themes' ``votes`` are what the coach typed; with ballots they are
    recomputed from the ballots. ``tie_break`` is a JSON list of theme keys: the order the group
    chose among themes with equal scores.
    """

    __tablename__ = "vote_round"
    __table_args__ = (
        CheckConstraint("mode IN ('dots', 'points', 'ranking', 'hands')", name="ck_vote_mode"),
        CheckConstraint("entry IN ('totals', 'ballots')", name="ck_vote_entry"),
        CheckConstraint("per_person IS NULL OR per_person >= 1", name="ck_vote_per_person"),
        CheckConstraint("cap IS NULL OR cap >= 1", name="ck_vote_cap"),
        CheckConstraint("voters IS NULL OR voters >= 0", name="ck_vote_voters"),
    )

    session_id: int | None = Field(default=None, sa_column=session_primary_key())
    mode: str = "dots"
    entry: str = "totals"
    per_person: int | None = None
    cap: int | None = None
    anonymous: bool = True
    voters: int | None = None  # the number who voted, typed with totals
    tie_break: str = Field(default="[]", sa_column=Column(Text, nullable=False, default="[]"))


class VoteBallot(SQLModel, table=True):
    """One participant's ballot. Without a participant it is an unnamed ballot (a paper slip,
    or a person erased from the session: the count stays, the name goes)."""

    __tablename__ = "vote_ballot"
    __table_args__ = (
        UniqueConstraint("session_id", "participant_id", name="uq_vote_ballot_participant"),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("work_session.id", ondelete="CASCADE"))
    position: int = 0
    participant_id: int | None = Field(
        default=None, sa_column=fk("participant.id", ondelete="SET NULL", nullable=True)
    )


class VoteMark(SQLModel, table=True):
    """What a ballot gives one theme: dots or points, or its place in a ranking (1 = first)."""

    __tablename__ = "vote_mark"
    __table_args__ = (
        UniqueConstraint("ballot_id", "theme_id", name="uq_vote_mark"),
        CheckConstraint("value >= 0", name="ck_vote_mark_value"),
    )

    id: int | None = Field(default=None, primary_key=True)
    ballot_id: int = Field(sa_column=fk("vote_ballot.id", ondelete="CASCADE"))
    theme_id: int = Field(sa_column=fk("theme.id", ondelete="CASCADE"))
    value: int
