"""The tables of a work session (sqlmodel). No behaviour beyond defaults: rules live in ``rules``.

Records that the interchange format links by key (participants, stakeholders, themes, agreements)
carry a ``key`` unique within their session; ``position`` keeps the order the coach gave them.
A person referenced by an agreement, a referral or the follow-up is either a participant or a
stakeholder, stored as two nullable foreign keys of which at most one is set.

The tables live in one module per group; importing this package registers every table on
``SQLModel.metadata`` (migrations and new databases need them all), and the rest of the code
imports the tables from here.
"""

from __future__ import annotations

from worksession.domain.models._columns import utcnow
from worksession.domain.models.agreements import (
    Agreement,
    AgreementPartner,
    Improvement,
    Referral,
    Theme,
)
from worksession.domain.models.borging import Condition, PreparationTick
from worksession.domain.models.feedback import FeedbackForm
from worksession.domain.models.follow_up import FollowUp, PlanVersion, SignOff, WerkgroepMember
from worksession.domain.models.people import Participant, Relation, Stakeholder
from worksession.domain.models.progress import AgreementProgress
from worksession.domain.models.review import AgreementReview, LessonCard, SessionOrigin
from worksession.domain.models.steps import Evaluation, StepNote, StepTiming
from worksession.domain.models.sync import SyncState, WaitingPublish
from worksession.domain.models.teams import Team, TeamMember
from worksession.domain.models.votes import VoteBallot, VoteMark, VoteRound
from worksession.domain.models.work_session import Casus, Insight, KeyFigure, WorkSession

__all__ = [
    "Agreement",
    "AgreementPartner",
    "AgreementProgress",
    "AgreementReview",
    "Casus",
    "Condition",
    "Evaluation",
    "FeedbackForm",
    "FollowUp",
    "Improvement",
    "Insight",
    "KeyFigure",
    "LessonCard",
    "Participant",
    "PlanVersion",
    "PreparationTick",
    "Referral",
    "Relation",
    "SessionOrigin",
    "SignOff",
    "Stakeholder",
    "StepNote",
    "StepTiming",
    "SyncState",
    "Team",
    "TeamMember",
    "Theme",
    "VoteBallot",
    "VoteMark",
    "VoteRound",
    "WaitingPublish",
    "WerkgroepMember",
    "WorkSession",
    "utcnow",
]
