"""Which part of the session a write changed, read from what the operation returned.

Operations return what they wrote: the stored row (or rows), the snapshot of a removal, or,
when no row says it, the ``Changes`` themselves. ``changed_by`` turns any of those into the
parts of the document they touched, so the window refreshes only the views that show them.
Anything it does not recognise counts as ``EVERYTHING``: a view refreshed once too often is
slow, one not refreshed is wrong.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import SQLModel

from worksession.domain.changes import EVERYTHING, NOTHING, Changes, Part, changes
from worksession.domain.models import (
    Agreement,
    AgreementPartner,
    AgreementProgress,
    AgreementReview,
    Casus,
    Condition,
    Evaluation,
    FeedbackForm,
    FollowUp,
    Improvement,
    Insight,
    KeyFigure,
    LessonCard,
    Participant,
    PlanVersion,
    PreparationTick,
    Referral,
    Relation,
    SessionOrigin,
    SignOff,
    Stakeholder,
    StepNote,
    StepTiming,
    SyncState,
    Team,
    TeamMember,
    Theme,
    VoteBallot,
    VoteMark,
    VoteRound,
    WaitingPublish,
    WerkgroepMember,
    WorkSession,
)
from worksession.storage.operations.removal import VOTE_TABLES, RemovalSnapshot

# Every table, with the parts of the document it is read into (a test keeps it complete).
PARTS_OF: dict[type[SQLModel], Part | tuple[Part, ...]] = {
    WorkSession: (Part.SESSION, Part.SCHEDULE),  # the schedule's start time is the session's
    Casus: Part.CASUS,
    KeyFigure: Part.CASUS,
    Insight: Part.CASUS,
    Participant: Part.PARTICIPANTS,
    Stakeholder: Part.STAKEHOLDERS,
    Relation: Part.RELATIONS,
    Theme: Part.THEMES,
    Improvement: Part.IMPROVEMENTS,
    Agreement: Part.AGREEMENTS,
    AgreementPartner: Part.AGREEMENTS,
    Referral: Part.REFERRALS,
    FollowUp: Part.FOLLOW_UP,
    WerkgroepMember: Part.FOLLOW_UP,
    StepNote: Part.NOTES,
    Evaluation: Part.EVALUATION,
    StepTiming: Part.SCHEDULE,
    VoteRound: Part.VOTING,
    VoteBallot: Part.VOTING,
    VoteMark: Part.VOTING,
    PlanVersion: Part.PLAN,
    SessionOrigin: Part.ORIGIN,
    AgreementProgress: Part.PROGRESS,
    AgreementReview: Part.REVIEWS,
    LessonCard: Part.LESSONS,
    FeedbackForm: Part.FEEDBACK_FORMS,
    Condition: Part.CONDITIONS,
    PreparationTick: Part.PREPARATION,
    SignOff: Part.PLAN,
    # The laptop's record of its syncs with a team archive: no part of the session.
    SyncState: (),
    WaitingPublish: (),
    # Who may see sessions on a server: the administrator's, in no session's document.
    Team: (),
    TeamMember: (),
}
_BY_MODEL: dict[type[SQLModel], Changes] = {
    model: changes(*(parts if isinstance(parts, tuple) else (parts,)))
    for model, parts in PARTS_OF.items()
}
_BY_TABLE: dict[str, Changes] = {
    str(model.__tablename__): parts for model, parts in _BY_MODEL.items()
}


def of_tables(names: Iterable[str]) -> Changes:
    """The parts stored in the tables ``names``; an unknown table counts as everything."""
    found: set[Part] = set()
    for name in names:
        if name not in _BY_TABLE:
            return EVERYTHING
        found |= _BY_TABLE[name]
        if name in VOTE_TABLES:  # the vote round's scores are counted again after it
            found.add(Part.VOTING)
    return changes(*found)


def changed_by(result: object) -> Changes:
    """The parts an operation changed, from what it returned."""
    if isinstance(result, frozenset) and all(isinstance(part, Part) for part in result):
        return changes(*result)
    if isinstance(result, RemovalSnapshot):
        return of_tables(
            [name for name, _values in result.rows] + [entry[0] for entry in result.cleared]
        )
    if isinstance(result, SQLModel):
        return _BY_MODEL.get(type(result), EVERYTHING)
    if isinstance(result, list | tuple):
        found: Changes = NOTHING
        for item in result:
            found |= changed_by(item)
        return found or EVERYTHING  # an empty list says nothing about what was written
    return EVERYTHING
