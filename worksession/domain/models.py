"""The tables of a work session (sqlmodel). No behaviour beyond defaults: rules live in ``rules``.

Records that the interchange format links by key (participants, stakeholders, themes, agreements)
carry a ``key`` unique within their session; ``position`` keeps the order the coach gave them.
A person referenced by an agreement, a referral or the follow-up is either a participant or a
stakeholder, stored as two nullable foreign keys of which at most one is set.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Column, ForeignKey, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    """Aware UTC: every stored time is UTC, whatever the laptop's zone."""
    return dt.datetime.now(dt.UTC)


def _fk(target: str, *, ondelete: str, nullable: bool = False, index: bool = True) -> Column[int]:
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=index)


def _session_primary_key() -> Column[int]:
    """A one-per-session record keyed by its session."""
    return Column(Integer, ForeignKey("work_session.id", ondelete="CASCADE"), primary_key=True)


def _long_text() -> Column[str]:
    return Column(Text, nullable=False, default="")


_ONE_PERSON_AT_MOST = "NOT ({p} IS NOT NULL AND {s} IS NOT NULL)"
_EXACTLY_ONE_PERSON = "({p} IS NULL) <> ({s} IS NULL)"


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
    ambition: str = Field(default="", sa_column=_long_text())
    # When the dagdeel starts ("HH:MM"), for the running schedule; None when not set.
    start_time: str | None = None
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
    text: str = Field(default="", sa_column=_long_text())
    question: str = Field(default="", sa_column=_long_text())


class KeyFigure(SQLModel, table=True):
    """One figure of the wijkgezondheidsprofiel (label, value, source)."""

    __tablename__ = "key_figure"
    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=_fk("work_session.id", ondelete="CASCADE"))
    position: int = 0
    label: str
    value: str = ""
    source: str = ""


class Insight(SQLModel, table=True):
    """An insight from the casus, captured live."""

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=_fk("work_session.id", ondelete="CASCADE"))
    position: int = 0
    text: str = Field(sa_column=_long_text())


class Participant(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("session_id", "key", name="uq_participant_key"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=_fk("work_session.id", ondelete="CASCADE"))
    key: str
    position: int = 0
    name: str
    organisation: str = ""
    role: str = ""
    domain: str = ""
    email: str = ""
    registration: str = ""
    present: bool = True


class Stakeholder(SQLModel, table=True):
    """Someone active in the wijk, placed on the power/interest grid of the sociale kaart."""

    __table_args__ = (
        UniqueConstraint("session_id", "key", name="uq_stakeholder_key"),
        CheckConstraint("influence BETWEEN 1 AND 5", name="ck_stakeholder_influence"),
        CheckConstraint("interest BETWEEN 1 AND 5", name="ck_stakeholder_interest"),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=_fk("work_session.id", ondelete="CASCADE"))
    key: str
    position: int = 0
    name: str
    organisation: str = ""
    domain: str = ""
    role: str = ""
    offer: str = Field(default="", sa_column=_long_text())
    influence: int = 3
    interest: int = 3
    present: bool = False
    participant_id: int | None = Field(
        default=None, sa_column=_fk("participant.id", ondelete="SET NULL", nullable=True)
    )


class Relation(SQLModel, table=True):
    """A directed link between two stakeholders: who refers to, works with, feeds back to whom."""

    __table_args__ = (
        UniqueConstraint("source_id", "target_id", "kind", name="uq_relation"),
        CheckConstraint(
            "kind IN ('refers_to', 'works_with', 'feeds_back_to')", name="ck_relation_kind"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=_fk("work_session.id", ondelete="CASCADE"))
    position: int = 0
    source_id: int = Field(sa_column=_fk("stakeholder.id", ondelete="CASCADE"))
    target_id: int = Field(sa_column=_fk("stakeholder.id", ondelete="CASCADE"))
    kind: str = "refers_to"


class Theme(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("session_id", "key", name="uq_theme_key"),
        CheckConstraint("votes >= 0", name="ck_theme_votes"),
        CheckConstraint("rank IS NULL OR rank >= 1", name="ck_theme_rank"),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=_fk("work_session.id", ondelete="CASCADE"))
    key: str
    position: int = 0
    title: str
    target_group: str = ""
    why: str = Field(default="", sa_column=_long_text())
    votes: int = 0
    rank: int | None = None
    priority: bool = False


class Improvement(SQLModel, table=True):
    """Where referral or cooperation stalls for a theme, and what should improve."""

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=_fk("work_session.id", ondelete="CASCADE"))
    theme_id: int = Field(sa_column=_fk("theme.id", ondelete="CASCADE"))
    position: int = 0
    text: str = Field(sa_column=_long_text())


class Agreement(SQLModel, table=True):
    """A samenwerkingsafspraak: what, one lead, partners, when, and how we see it worked."""

    __table_args__ = (
        UniqueConstraint("session_id", "key", name="uq_agreement_key"),
        CheckConstraint(
            _ONE_PERSON_AT_MOST.format(p="lead_participant_id", s="lead_stakeholder_id"),
            name="ck_agreement_one_lead",
        ),
        CheckConstraint("kind IN ('agreement', 'decision', 'action')", name="ck_agreement_kind"),
        CheckConstraint(
            "status IN ('open', 'in_progress', 'done', 'dropped')", name="ck_agreement_status"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=_fk("work_session.id", ondelete="CASCADE"))
    key: str
    position: int = 0
    theme_id: int | None = Field(
        default=None, sa_column=_fk("theme.id", ondelete="SET NULL", nullable=True)
    )
    kind: str = "agreement"
    what: str = Field(sa_column=_long_text())
    lead_participant_id: int | None = Field(
        default=None, sa_column=_fk("participant.id", ondelete="SET NULL", nullable=True)
    )
    lead_stakeholder_id: int | None = Field(
        default=None, sa_column=_fk("stakeholder.id", ondelete="SET NULL", nullable=True)
    )
    due: dt.date | None = None
    resources: str = Field(default="", sa_column=_long_text())
    indicator: str = Field(default="", sa_column=_long_text())
    status: str = "open"


class AgreementPartner(SQLModel, table=True):
    __tablename__ = "agreement_partner"
    __table_args__ = (
        CheckConstraint(
            _EXACTLY_ONE_PERSON.format(p="participant_id", s="stakeholder_id"),
            name="ck_partner_one_person",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    agreement_id: int = Field(sa_column=_fk("agreement.id", ondelete="CASCADE"))
    position: int = 0
    participant_id: int | None = Field(
        default=None, sa_column=_fk("participant.id", ondelete="CASCADE", nullable=True)
    )
    stakeholder_id: int | None = Field(
        default=None, sa_column=_fk("stakeholder.id", ondelete="CASCADE", nullable=True)
    )


class Referral(SQLModel, table=True):
    """A verwijsafspraak: on which signal who refers to whom, the contact person there, and
    whether (and how) the one referred to reports back. Both ends are a participant or a
    stakeholder, each as two nullable foreign keys of which at most one is set."""

    __table_args__ = (
        CheckConstraint(
            _ONE_PERSON_AT_MOST.format(p="source_participant_id", s="source_stakeholder_id"),
            name="ck_referral_one_source",
        ),
        CheckConstraint(
            _ONE_PERSON_AT_MOST.format(p="target_participant_id", s="target_stakeholder_id"),
            name="ck_referral_one_target",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=_fk("work_session.id", ondelete="CASCADE"))
    position: int = 0
    theme_id: int | None = Field(
        default=None, sa_column=_fk("theme.id", ondelete="SET NULL", nullable=True)
    )
    signal: str = Field(sa_column=_long_text())
    source_participant_id: int | None = Field(
        default=None, sa_column=_fk("participant.id", ondelete="SET NULL", nullable=True)
    )
    source_stakeholder_id: int | None = Field(
        default=None, sa_column=_fk("stakeholder.id", ondelete="SET NULL", nullable=True)
    )
    target_participant_id: int | None = Field(
        default=None, sa_column=_fk("participant.id", ondelete="SET NULL", nullable=True)
    )
    target_stakeholder_id: int | None = Field(
        default=None, sa_column=_fk("stakeholder.id", ondelete="SET NULL", nullable=True)
    )
    contact: str = ""
    feedback: bool = False
    feedback_how: str = Field(default="", sa_column=_long_text())


class FollowUp(SQLModel, table=True):
    """Vervolg & borging: who keeps it going, and when we look again."""

    __tablename__ = "follow_up"
    __table_args__ = (
        CheckConstraint(
            _ONE_PERSON_AT_MOST.format(
                p="kartrekker_participant_id", s="kartrekker_stakeholder_id"
            ),
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
        default=None, sa_column=_fk("participant.id", ondelete="SET NULL", nullable=True)
    )
    kartrekker_stakeholder_id: int | None = Field(
        default=None, sa_column=_fk("stakeholder.id", ondelete="SET NULL", nullable=True)
    )
    next_meeting: dt.date | None = None
    evaluation: dt.date | None = None
    funding: str = Field(default="", sa_column=_long_text())


class WerkgroepMember(SQLModel, table=True):
    __tablename__ = "werkgroep_member"
    __table_args__ = (
        CheckConstraint(
            _EXACTLY_ONE_PERSON.format(p="participant_id", s="stakeholder_id"),
            name="ck_werkgroep_one_person",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=_fk("work_session.id", ondelete="CASCADE"))
    position: int = 0
    participant_id: int | None = Field(
        default=None, sa_column=_fk("participant.id", ondelete="CASCADE", nullable=True)
    )
    stakeholder_id: int | None = Field(
        default=None, sa_column=_fk("stakeholder.id", ondelete="CASCADE", nullable=True)
    )


class PlanVersion(SQLModel, table=True):
    """A frozen version of the plan: canonical snapshot and its SHA-256. Never changed."""

    __tablename__ = "plan_version"
    __table_args__ = (UniqueConstraint("session_id", "number", name="uq_plan_version_number"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=_fk("work_session.id", ondelete="CASCADE"))
    number: int
    created_at: dt.datetime = Field(default_factory=utcnow)
    snapshot: str = Field(sa_column=_long_text())
    sha256: str


class SignOff(SQLModel, table=True):
    """A participant's decision on a plan version. Names are copied: versions outlive edits."""

    __tablename__ = "sign_off"
    __table_args__ = (
        CheckConstraint("decision IN ('agreed', 'changes')", name="ck_sign_off_decision"),
        CheckConstraint("method IN ('session', 'email')", name="ck_sign_off_method"),
    )

    id: int | None = Field(default=None, primary_key=True)
    version_id: int = Field(sa_column=_fk("plan_version.id", ondelete="CASCADE"))
    participant_key: str
    participant_name: str
    decision: str
    comment: str = Field(default="", sa_column=_long_text())
    method: str = "session"
    decided_at: dt.datetime = Field(default_factory=utcnow)


class StepNote(SQLModel, table=True):
    """The coach's notes for one step of the session's programme."""

    __tablename__ = "step_note"
    __table_args__ = (UniqueConstraint("session_id", "step_id", name="uq_step_note"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=_fk("work_session.id", ondelete="CASCADE"))
    step_id: str
    text: str = Field(default="", sa_column=_long_text())


class Evaluation(SQLModel, table=True):
    """The short evaluation at the end of the session."""

    __table_args__ = (
        CheckConstraint("score IS NULL OR score BETWEEN 1 AND 10", name="ck_evaluation_score"),
    )

    session_id: int | None = Field(default=None, sa_column=_session_primary_key())
    went_well: str = Field(default="", sa_column=_long_text())
    to_improve: str = Field(default="", sa_column=_long_text())
    score: int | None = None


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

    session_id: int | None = Field(default=None, sa_column=_session_primary_key())
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
    session_id: int = Field(sa_column=_fk("work_session.id", ondelete="CASCADE"))
    position: int = 0
    participant_id: int | None = Field(
        default=None, sa_column=_fk("participant.id", ondelete="SET NULL", nullable=True)
    )


class VoteMark(SQLModel, table=True):
    """What a ballot gives one theme: dots or points, or its place in a ranking (1 = first)."""

    __tablename__ = "vote_mark"
    __table_args__ = (
        UniqueConstraint("ballot_id", "theme_id", name="uq_vote_mark"),
        CheckConstraint("value >= 0", name="ck_vote_mark_value"),
    )

    id: int | None = Field(default=None, primary_key=True)
    ballot_id: int = Field(sa_column=_fk("vote_ballot.id", ondelete="CASCADE"))
    theme_id: int = Field(sa_column=_fk("theme.id", ondelete="CASCADE"))
    value: int


class StepTiming(SQLModel, table=True):
    """How long a programme step actually took (the timer), and the minutes added to it."""

    __tablename__ = "step_timing"
    __table_args__ = (
        UniqueConstraint("session_id", "step_id", name="uq_step_timing"),
        CheckConstraint("actual_seconds >= 0", name="ck_step_timing_seconds"),
        CheckConstraint("extra_minutes >= 0", name="ck_step_timing_extra"),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=_fk("work_session.id", ondelete="CASCADE"))
    step_id: str
    actual_seconds: int = 0
    extra_minutes: int = 0
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None
