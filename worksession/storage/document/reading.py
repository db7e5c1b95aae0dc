"""Reading a session as a ``worksession/1`` document: for export, the plan, and the window.

Each record is read through its declaration (``records.py``); what is left here is which rows
belong where and the lists inside records (partners, werkgroep, figures, ballots, timings).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Row
from sqlmodel import Session, SQLModel

from worksession.domain import document_types as typed
from worksession.domain.interchange import FORMAT, Document
from worksession.domain.models import (
    Agreement,
    AgreementPartner,
    AgreementProgress,
    AgreementReview,
    Casus,
    Evaluation,
    FollowUp,
    Improvement,
    Insight,
    KeyFigure,
    LessonCard,
    Participant,
    Referral,
    Relation,
    SessionOrigin,
    Stakeholder,
    StepNote,
    StepTiming,
    Theme,
    VoteBallot,
    VoteMark,
    VoteRound,
    WerkgroepMember,
    WorkSession,
)
from worksession.domain.values import VoteMode
from worksession.storage.database import Database
from worksession.storage.document import records
from worksession.storage.document.fields import KeysById
from worksession.storage.operations._rows import fetch
from worksession.storage.views import one_row, rows_of_owners, session_rows


def read_document(*, db: Database, session_id: int) -> Document:
    """The whole session as a ``worksession/1`` document (every field present)."""
    with db.reading() as s:
        return _read(s, session_id)[0]


def read_working_copy(*, db: Database, session_id: int) -> tuple[Document, str]:
    """The document and the session's status (draft, in review…), read together."""
    with db.reading() as s:
        return _read(s, session_id)


def _required(s: Session, model: type[SQLModel], column: str, session_id: int) -> Row[Any]:
    row = one_row(s, model, column, session_id)
    if row is None:
        fetch(s, model, session_id)  # keyed by the session's id: raises its NotFound
    assert row is not None
    return row


def _read(s: Session, session_id: int) -> tuple[Document, str]:
    """The document and the session's status, which is not part of the document."""
    work_session = _required(s, WorkSession, "id", session_id)
    casus = _required(s, Casus, "session_id", session_id)
    follow_up = _required(s, FollowUp, "session_id", session_id)
    participants = session_rows(s, Participant, session_id)
    stakeholders = session_rows(s, Stakeholder, session_id)
    themes = session_rows(s, Theme, session_id)
    agreements = session_rows(s, Agreement, session_id)
    keys = KeysById(
        participant={row.id: row.key for row in participants},
        stakeholder={row.id: row.key for row in stakeholders},
        theme={row.id: row.key for row in themes},
        agreement={row.id: row.key for row in agreements},
    )
    # A session without an evaluation reads as an empty one: the model's defaults.
    evaluation = one_row(s, Evaluation, "session_id", session_id) or Evaluation()

    # Every agreement's partners in one query: one per agreement made re-reading a large plan
    # after each save cost more than the save itself.
    partner_rows: dict[int, list[Row[Any]]] = {}
    partners = rows_of_owners(
        s, AgreementPartner, Agreement, session_id, "agreement_id", "position"
    )
    for partner in partners:
        partner_rows.setdefault(partner.agreement_id, []).append(partner)

    # Present only when there are any: a session without referral agreements reads (and its
    # plan is fingerprinted) as before they existed.
    referrals = [records.REFERRAL.read(row, keys) for row in session_rows(s, Referral, session_id)]
    figures = session_rows(s, KeyFigure, session_id)
    document: Document = {
        "format": FORMAT,
        "session": records.SESSION.read(work_session, keys),
        "casus": records.CASUS.read(
            casus,
            keys,
            figures=[records.FIGURE.read(row, keys) for row in figures],
            insights=[row.text for row in session_rows(s, Insight, session_id)],
        ),
        "participants": [records.PARTICIPANT.read(row, keys) for row in participants],
        "stakeholders": [records.STAKEHOLDER.read(row, keys) for row in stakeholders],
        "relations": [
            records.RELATION.read(row, keys) for row in session_rows(s, Relation, session_id)
        ],
        "themes": [records.THEME.read(row, keys) for row in themes],
        "improvements": [
            records.IMPROVEMENT.read(row, keys) for row in session_rows(s, Improvement, session_id)
        ],
        "agreements": [
            records.AGREEMENT.read(row, keys, partners=keys.people(partner_rows.get(row.id, [])))
            for row in agreements
        ],
        "referrals": referrals,
        "follow_up": records.FOLLOW_UP.read(
            follow_up,
            keys,
            werkgroep=keys.people(session_rows(s, WerkgroepMember, session_id)),
        ),
        "notes": {row.step_id: row.text for row in session_rows(s, StepNote, session_id, "id")},
        "evaluation": records.EVALUATION.read(evaluation, keys),
    }
    if not referrals:
        del document["referrals"]
    voting = _read_voting(s, session_id, keys)
    if voting is not None:
        document["voting"] = voting
    schedule = _read_schedule(s, work_session, keys)
    if schedule is not None:
        document["schedule"] = schedule
    _read_follow_up_parts(s, session_id, keys, document)
    return document, str(work_session.status)


def _read_follow_up_parts(s: Session, session_id: int, keys: KeysById, document: Document) -> None:
    """The progress log, and for a follow-up session the plan it reviews, the reviews and the
    lesson cards; each present only when there is any, so a session without them reads (and
    its plan is fingerprinted) as before they existed."""
    progress = session_rows(s, AgreementProgress, session_id, "date", "id")
    if progress:
        document["progress"] = [records.PROGRESS.read(row, keys) for row in progress]
    origin = one_row(s, SessionOrigin, "session_id", session_id)
    if origin is not None:
        document["origin"] = records.ORIGIN.read(origin, keys)
    order = {key: place for place, key in enumerate(keys.agreement.values())}
    reviews = sorted(
        (
            records.REVIEW.read(row, keys)
            for row in session_rows(s, AgreementReview, session_id, "id")
        ),
        key=lambda review: order[review["agreement"]],
    )
    if reviews:
        document["reviews"] = reviews
    lessons = session_rows(s, LessonCard, session_id)
    if lessons:
        document["lessons"] = [records.LESSON.read(row, keys) for row in lessons]


def _read_voting(s: Session, session_id: int, keys: KeysById) -> typed.Voting | None:
    """The vote round, present when the session has one (chosen settings or ballots)."""
    stored = one_row(s, VoteRound, "session_id", session_id)
    ballots = session_rows(s, VoteBallot, session_id)
    if stored is None and not ballots:
        return None
    row: Any = stored or VoteRound(session_id=session_id)
    theme_keys = keys.theme
    counting = row.mode in (VoteMode.DOTS, VoteMode.POINTS)
    marks: dict[int, list[Row[Any]]] = {}
    for mark in rows_of_owners(s, VoteMark, VoteBallot, session_id, "value", "id"):
        marks.setdefault(mark.ballot_id, []).append(mark)

    def ballot(record: Row[Any]) -> typed.Ballot:
        mine = marks.get(record.id or 0, [])
        who = keys.participant.get(record.participant_id) if record.participant_id else None
        if counting:
            return {"participant": who, "counts": {theme_keys[m.theme_id]: m.value for m in mine}}
        return {"participant": who, "ranking": [theme_keys[m.theme_id] for m in mine]}

    return records.VOTE_ROUND.read(
        row,
        keys,
        # Keys of removed themes stay stored (undo brings the theme back) but are not exported.
        tie_break=[key for key in json.loads(row.tie_break) if key in theme_keys.values()],
        ballots=[ballot(record) for record in ballots],
    )


def _read_schedule(s: Session, work_session: Row[Any], keys: KeysById) -> typed.Schedule | None:
    """The start time and the step timings, present when there is either."""
    timings = session_rows(s, StepTiming, work_session.id, "id")
    if work_session.start_time is None and not timings:
        return None
    return {
        "start_time": work_session.start_time,
        "steps": [records.STEP_TIMING.read(row, keys) for row in timings],
    }
