"""What an update operation may change, per record: one ``total=False`` TypedDict each.

``update_participant(db=…, participant_id=…, name="An")`` takes its changes as
``**changes: Unpack[ParticipantChanges]``, so mypy refuses an unknown field or a value of the
wrong type where the call is written. The field rules in ``domain/validation.py`` still check
every value at run time (limits, allowed choices, empty titles), because changes also come from
what the coach types and from files; a test keeps the keys here equal to those rules.

Dates and times are taken as the rules take them: a date, an ISO text, or None. Where an update
takes a record's fields as the document types them, the two share one declaration
(``document_types``: ``ParticipantDetails``, ``VoteSettings``…) rather than two copies.
"""

# No ``from __future__ import annotations``: the test reads the keys at run time.
import datetime as dt
from typing import TypedDict

from worksession.domain.document_types import (
    CasusText,
    ConditionDetails,
    Evaluation,
    FeedbackFormAnswers,
    ParticipantDetails,
    StakeholderDetails,
    ThemeDetails,
    VoteSettings,
)
from worksession.domain.offer_types import BuildsOn

DateInput = dt.date | str | None


class SessionChanges(TypedDict, total=False):
    title: str
    wijk: str
    gemeente: str
    date: DateInput
    location: str
    coach: str
    variant: str
    accredited: bool
    accreditation_id: str
    programme: str
    ambition: str
    start_time: dt.time | str | None


class CasusChanges(CasusText, total=False):
    """The casus's texts (``document_types.CasusText``)."""


class FigureChanges(TypedDict, total=False):
    label: str
    value: str
    source: str


class InsightChanges(TypedDict, total=False):
    text: str


class ParticipantChanges(ParticipantDetails, total=False):
    name: str


class StakeholderChanges(StakeholderDetails, total=False):
    """The stakeholder's own fields; the participant it is linked to is set on its own."""

    name: str


class ThemeChanges(ThemeDetails, total=False):
    title: str


class ImprovementChanges(TypedDict, total=False):
    text: str


class AgreementChanges(TypedDict, total=False):
    """The agreement's own fields; its theme, lead and partners are arguments of their own."""

    kind: str
    what: str
    due: DateInput
    resources: str
    indicator: str
    status: str
    builds_on: BuildsOn | None


class ReviewChanges(TypedDict, total=False):
    """The review of a carried agreement in a follow-up session; None clears a choice."""

    status_now: str | None
    what_happened: str
    indicator_seen: str | None
    evidence: str
    decision: str | None


class ReferralChanges(TypedDict, total=False):
    """The referral's own fields; its theme, source and target are arguments of their own."""

    signal: str
    contact: str
    feedback: bool
    feedback_how: str


class FollowUpChanges(TypedDict, total=False):
    """The follow-up's own fields; the kartrekker and werkgroep are arguments of their own."""

    next_meeting: DateInput
    evaluation: DateInput
    funding: str


class EvaluationChanges(Evaluation, total=False):
    """The evaluation's fields (``document_types.Evaluation``)."""


class LessonCardChanges(TypedDict, total=False):
    kind: str
    obstacle: str
    text: str


class FeedbackFormChanges(FeedbackFormAnswers, total=False):
    """A participant's evaluation form (``document_types.FeedbackFormAnswers``)."""


class ConditionChanges(ConditionDetails, total=False):
    """A condition of borging (``document_types.ConditionDetails``); its kind never changes."""


class VoteRoundChanges(VoteSettings, total=False):
    """The vote round's settings (``document_types.VoteSettings``)."""


# Record name in the field rules → what its update operation takes.
CHANGES: dict[str, type] = {
    "session": SessionChanges,
    "casus": CasusChanges,
    "figure": FigureChanges,
    "insight": InsightChanges,
    "participant": ParticipantChanges,
    "stakeholder": StakeholderChanges,
    "theme": ThemeChanges,
    "improvement": ImprovementChanges,
    "agreement": AgreementChanges,
    "agreement_review": ReviewChanges,
    "referral": ReferralChanges,
    "follow_up": FollowUpChanges,
    "evaluation": EvaluationChanges,
    "vote_round": VoteRoundChanges,
    "lesson_card": LessonCardChanges,
    "feedback_form": FeedbackFormChanges,
    "condition": ConditionChanges,
}
