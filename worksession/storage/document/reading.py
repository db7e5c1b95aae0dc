"""Reading a session as a ``worksession/1`` document: for export, the plan, and the window.

Each record is read through its declaration (``records.py``); what is left here is which rows
belong where and the lists inside records (partners, werkgroep, figures, ballots, timings).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from typing import Any, cast

from sqlalchemy import Row
from sqlmodel import Session, SQLModel

from worksession.domain import document_types as typed
from worksession.domain.changes import EVERYTHING, Changes, Part
from worksession.domain.interchange import FORMAT, Document
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
    PreparationTick,
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
from worksession.storage.document.fields import KeysById, RecordFields
from worksession.storage.operations._rows import fetch
from worksession.storage.views import one_row, rows_of_owners, session_rows


def read_document(*, db: Database, session_id: int) -> Document:
    """The whole session as a ``worksession/1`` document (every field present)."""
    with db.reading() as s:
        return _read(s, session_id)[0]


def read_document_in(s: Session, session_id: int) -> Document:
    """``read_document`` inside a transaction the caller holds (it writes from what it read)."""
    return _read(s, session_id)[0]


# A table's rows as ``record_rows`` gives them (the coach's order), by model.
RowsRead = dict[type[SQLModel], Sequence[Row[Any]]]


def read_working_copy(
    *,
    db: Database,
    session_id: int,
    changed: Changes = EVERYTHING,
    previous: Document | None = None,
    rows: RowsRead | None = None,
) -> tuple[Document, str]:
    """The document and the session's status (draft, in review…), read together.

    With the ``previous`` document and the parts that ``changed`` since it was read, only those
    parts are read again and the rest is taken from ``previous``: the window reads the session
    after every save, and a large plan read whole costs more than the save itself.
    ``rows``, when given, receives the rows of each table this read read in the coach's order,
    as ``views.record_rows`` would read them: a window's tables show them without a read of
    their own, from the same moment as the document.
    """
    with db.reading() as s:
        if previous is None or changed >= EVERYTHING:
            return _read(s, session_id, rows=rows)
        return _read(s, session_id, _sections(changed), previous, rows=rows)


def _sections(changed: Changes) -> frozenset[str]:
    sections = {part.value for part in changed} & set(SECTIONS)
    if Part.SESSION in changed:
        sections.add("schedule")  # the start time is the session's, it travels in the schedule
    return frozenset(sections)


def _required(s: Session, model: type[SQLModel], column: str, session_id: int) -> Row[Any]:
    row = one_row(s, model, column, session_id)
    if row is None:
        fetch(s, model, session_id)  # keyed by the session's id: raises its NotFound
    assert row is not None
    return row


class _Reading:
    """One read of a session: rows are fetched when a section first needs them."""

    def __init__(self, s: Session, session_id: int, seen: RowsRead | None = None) -> None:
        self.s = s
        self.session_id = session_id
        self.work_session = _required(s, WorkSession, "id", session_id)
        self.seen = seen

    def rows(self, model: type[SQLModel], *order: str) -> Sequence[Row[Any]]:
        found = session_rows(self.s, model, self.session_id, *order)
        if not order and self.seen is not None:  # the coach's order: what a table shows
            self.seen[model] = found
        return found

    @cached_property
    def participants(self) -> Sequence[Row[Any]]:
        return self.rows(Participant)

    @cached_property
    def stakeholders(self) -> Sequence[Row[Any]]:
        return self.rows(Stakeholder)

    @cached_property
    def themes(self) -> Sequence[Row[Any]]:
        return self.rows(Theme)

    @cached_property
    def agreements(self) -> Sequence[Row[Any]]:
        return self.rows(Agreement)

    @cached_property
    def keys(self) -> KeysById:
        return KeysById(lambda target: {row.id: row.key for row in getattr(self, f"{target}s")})


def _read(
    s: Session,
    session_id: int,
    sections: frozenset[str] | None = None,
    previous: Document | None = None,
    *,
    rows: RowsRead | None = None,
) -> tuple[Document, str]:
    """The document and the session's status, which is not part of the document; only
    ``sections`` read again when given, the others taken from ``previous``."""
    reading = _Reading(s, session_id, rows)
    found: dict[str, Any] = {"format": FORMAT}
    kept: Mapping[str, Any] = previous or {}
    for name, read in SECTIONS.items():
        value = read(reading) if sections is None or name in sections else kept.get(name)
        # Optional sections are present only when there is any: a session without them reads
        # (and its plan is fingerprinted) as before they existed.
        if value is not None:
            found[name] = value
    return cast(Document, found), str(reading.work_session.status)


def _casus(r: _Reading) -> typed.Casus:
    return records.CASUS.read(
        _required(r.s, Casus, "session_id", r.session_id),
        r.keys,
        figures=[records.FIGURE.read(row, r.keys) for row in r.rows(KeyFigure)],
        insights=[row.text for row in r.rows(Insight)],
    )


def _agreements(r: _Reading) -> list[typed.Agreement]:
    # Every agreement's partners in one query: one per agreement made re-reading a large plan
    # after each save cost more than the save itself.
    partner_rows: dict[int, list[Row[Any]]] = {}
    partners = rows_of_owners(
        r.s, AgreementPartner, Agreement, r.session_id, "agreement_id", "position"
    )
    for partner in partners:
        partner_rows.setdefault(partner.agreement_id, []).append(partner)
    return [
        records.AGREEMENT.read(row, r.keys, partners=r.keys.people(partner_rows.get(row.id, [])))
        for row in r.agreements
    ]


def _follow_up(r: _Reading) -> typed.FollowUp:
    return records.FOLLOW_UP.read(
        _required(r.s, FollowUp, "session_id", r.session_id),
        r.keys,
        werkgroep=r.keys.people(r.rows(WerkgroepMember)),
    )


def _evaluation(r: _Reading) -> typed.Evaluation:
    # A session without an evaluation reads as an empty one: the model's defaults.
    row = one_row(r.s, Evaluation, "session_id", r.session_id) or Evaluation()
    return records.EVALUATION.read(row, r.keys)


def _records(fields: RecordFields[Any, Any], model: type[SQLModel], *order: str) -> Section:
    """A list section read row by row through its declaration."""
    return lambda r: [fields.read(row, r.keys) for row in r.rows(model, *order)]


def _present(read: Section) -> Section:
    """The section only when it holds any (None leaves it out)."""
    return lambda r: read(r) or None


def _reviews(r: _Reading) -> list[typed.AgreementReview] | None:
    order = {key: place for place, key in enumerate(r.keys.agreement.values())}
    reviews = [records.REVIEW.read(row, r.keys) for row in r.rows(AgreementReview, "id")]
    return sorted(reviews, key=lambda review: order[review["agreement"]]) or None


def _origin(r: _Reading) -> typed.Origin | None:
    origin = one_row(r.s, SessionOrigin, "session_id", r.session_id)
    return records.ORIGIN.read(origin, r.keys) if origin is not None else None


Section = Callable[[_Reading], Any]

# The document's sections in its order, each with how it is read. The progress log, a
# follow-up's parts and the evaluation forms come last: they are newer than the rest.
SECTIONS: dict[str, Section] = {
    "session": lambda r: records.SESSION.read(r.work_session, r.keys),
    "casus": _casus,
    "participants": lambda r: [records.PARTICIPANT.read(row, r.keys) for row in r.participants],
    "stakeholders": lambda r: [records.STAKEHOLDER.read(row, r.keys) for row in r.stakeholders],
    "relations": _records(records.RELATION, Relation),
    "themes": lambda r: [records.THEME.read(row, r.keys) for row in r.themes],
    "improvements": _records(records.IMPROVEMENT, Improvement),
    "agreements": _agreements,
    "referrals": _present(_records(records.REFERRAL, Referral)),
    "follow_up": _follow_up,
    "notes": lambda r: {row.step_id: row.text for row in r.rows(StepNote, "id")},
    "evaluation": _evaluation,
    "voting": lambda r: _read_voting(r.s, r.session_id, r.keys),
    "schedule": lambda r: _read_schedule(r.s, r.work_session, r.keys),
    "progress": _present(_records(records.PROGRESS, AgreementProgress, "date", "id")),
    "origin": _origin,
    "reviews": _reviews,
    "lessons": _present(_records(records.LESSON, LessonCard)),
    # Newest: the participants' evaluation forms, present only when any were typed in.
    "feedback_forms": _present(_records(records.FEEDBACK_FORM, FeedbackForm)),
    # Borging: the conditions touched (in the checklist's order) and the preparation's ticks.
    "conditions": _present(_records(records.CONDITION, Condition)),
    "preparation": _present(lambda r: [row.item for row in r.rows(PreparationTick)]),
    # The session's identity, so it is recognised again after an export and import.
    "uuid": lambda r: r.work_session.uuid or None,
}


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
