"""Writing a checked ``worksession/1`` document into the database as a new draft session.

Each record is written through its declaration (``records.py``); what is left here is the order
(a record is written after those it links to, so their ids are known) and the lists inside
records (partners, werkgroep, figures, insights, ballots, timings).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from sqlmodel import Session, SQLModel, select

from worksession.domain import document_types as typed
from worksession.domain.interchange import Document
from worksession.domain.models import (
    AgreementPartner,
    Insight,
    PreparationTick,
    StepNote,
    VoteBallot,
    VoteMark,
    WerkgroepMember,
    WorkSession,
)
from worksession.domain.models.work_session import new_uuid
from worksession.domain.nul_text import nul_path, nul_refusal
from worksession.domain.validation import ValidationError
from worksession.storage.database import Database
from worksession.storage.document import records
from worksession.storage.document.fields import IdsByKey, RecordFields
from worksession.storage.operations.vote_count import refresh_votes

M = TypeVar("M", bound=SQLModel)


def import_document(*, db: Database, document: Document) -> WorkSession:
    """Create a new draft session from a checked document (``interchange.parse_document``).

    Everything is written in one transaction: a failure leaves no half-imported session.
    """
    with db.transaction() as s:
        return _write(s, document)


def import_document_in(
    s: Session,
    document: Document,
    *,
    session_id: int | None = None,
    team_id: int | None = None,
) -> WorkSession:
    """``import_document`` inside a transaction the caller holds: it commits or rolls back
    with the caller's other writes. ``session_id``: the id to store it under (a session just
    deleted in the same transaction and written anew, as the team archive's fetch does);
    ``team_id``: the team it belongs to on a server (None: the writer's, as for a new one)."""
    return _write(s, document, session_id, team_id)


def identity_for(s: Session, wanted: str | None) -> str:
    """The document's identity when this database holds no session with it, else a new one:
    a second import of one file is a copy, and a copy is another session."""
    if wanted:
        taken = s.exec(select(WorkSession.id).where(WorkSession.uuid == wanted)).first()
        if taken is None:
            return wanted
    return new_uuid()


def _id(row: SQLModel) -> int:
    value = getattr(row, "id", None)
    assert isinstance(value, int), "flushed before use"
    return value


def _write_list(
    s: Session,
    fields: RecordFields[Any, M],
    items: Iterable[Mapping[str, Any]],
    ids: IdsByKey,
    session_id: int,
) -> list[M]:
    """The records of one list in their order, flushed so that their ids are known."""
    rows = [
        fields.write(item, ids, session_id=session_id, position=position)
        for position, item in enumerate(items)
    ]
    s.add_all(rows)
    s.flush()
    return rows


def _keyed(
    s: Session,
    fields: RecordFields[Any, M],
    items: Sequence[Mapping[str, Any]],
    ids: IdsByKey,
    session_id: int,
) -> dict[str, int]:
    """Like ``_write_list`` for records that others link to: their ids by key."""
    rows = _write_list(s, fields, items, ids, session_id)
    return {item["key"]: _id(row) for item, row in zip(items, rows, strict=True)}


def _write(
    s: Session, doc: Document, session_id: int | None = None, team_id: int | None = None
) -> WorkSession:
    nul = nul_path(doc)
    if nul is not None:  # PostgreSQL stores no NUL: refused on every engine alike
        raise ValidationError(nul, nul_refusal())
    ids = IdsByKey()
    schedule = doc.get("schedule", {})
    work_session = records.SESSION.write(doc["session"], ids, start_time=schedule.get("start_time"))
    work_session.id = session_id
    work_session.team_id = team_id
    work_session.uuid = identity_for(s, doc.get("uuid"))
    s.add(work_session)
    s.flush()
    session_id = _id(work_session)

    casus = doc.get("casus", {})
    s.add(records.CASUS.write(casus, ids, session_id=session_id))
    _write_list(s, records.FIGURE, casus.get("figures", []), ids, session_id)
    for position, text in enumerate(casus.get("insights", [])):
        s.add(Insight(session_id=session_id, position=position, text=text))

    # Each list after those it links to: stakeholders name participants, relations and
    # improvements name stakeholders and themes, agreements and referrals name all three.
    participants = doc.get("participants", [])
    ids.participant = _keyed(s, records.PARTICIPANT, participants, ids, session_id)
    stakeholders = doc.get("stakeholders", [])
    ids.stakeholder = _keyed(s, records.STAKEHOLDER, stakeholders, ids, session_id)
    _write_list(s, records.RELATION, doc.get("relations", []), ids, session_id)
    ids.theme = _keyed(s, records.THEME, doc.get("themes", []), ids, session_id)
    _write_list(s, records.IMPROVEMENT, doc.get("improvements", []), ids, session_id)

    agreements = doc.get("agreements", [])
    rows = _write_list(s, records.AGREEMENT, agreements, ids, session_id)
    ids.agreement = {item["key"]: _id(row) for item, row in zip(agreements, rows, strict=True)}
    for agreement, row in zip(agreements, rows, strict=True):
        for position, key in enumerate(agreement.get("partners", [])):
            participant_id, stakeholder_id = ids.person(key)
            s.add(
                AgreementPartner(
                    agreement_id=_id(row),
                    position=position,
                    participant_id=participant_id,
                    stakeholder_id=stakeholder_id,
                )
            )
    _write_list(s, records.REFERRAL, doc.get("referrals", []), ids, session_id)

    follow_up = doc.get("follow_up", {})
    s.add(records.FOLLOW_UP.write(follow_up, ids, session_id=session_id))
    for position, key in enumerate(follow_up.get("werkgroep", [])):
        participant_id, stakeholder_id = ids.person(key)
        s.add(
            WerkgroepMember(
                session_id=session_id,
                position=position,
                participant_id=participant_id,
                stakeholder_id=stakeholder_id,
            )
        )
    for step_id, text in doc.get("notes", {}).items():
        s.add(StepNote(session_id=session_id, step_id=step_id, text=text))
    evaluation = doc.get("evaluation")
    if evaluation:
        s.add(records.EVALUATION.write(evaluation, ids, session_id=session_id))
    _write_voting(s, session_id, doc.get("voting"), ids)
    for timing in schedule.get("steps", []):
        s.add(records.STEP_TIMING.write(timing, ids, session_id=session_id))
    _write_follow_up_parts(s, session_id, doc, ids)
    _write_list(s, records.FEEDBACK_FORM, doc.get("feedback_forms", []), ids, session_id)
    _write_list(s, records.CONDITION, doc.get("conditions", []), ids, session_id)
    for position, item in enumerate(doc.get("preparation", [])):
        s.add(PreparationTick(session_id=session_id, position=position, item=item))
    return work_session


def _write_follow_up_parts(s: Session, session_id: int, doc: Document, ids: IdsByKey) -> None:
    """The progress log, and for a follow-up the plan it reviews, the reviews and the cards.

    A progress entry links to the agreement with its key, if the document still has it, and to
    the participant whose name it carries when exactly one has that name (as recording does).
    """
    origin = doc.get("origin")
    if origin is not None:
        s.add(records.ORIGIN.write(origin, ids, session_id=session_id))
    names: dict[str, list[int]] = {}
    for person in doc.get("participants", []):
        names.setdefault(person["name"], []).append(ids.participant[person["key"]])
    for entry in doc.get("progress", []):
        same_name = names.get(entry.get("reported_by", ""), [])
        s.add(
            records.PROGRESS.write(
                entry,
                ids,
                session_id=session_id,
                agreement_id=ids.agreement.get(entry["agreement"]),
                reporter_participant_id=same_name[0] if len(same_name) == 1 else None,
            )
        )
    for review in doc.get("reviews", []):
        s.add(records.REVIEW.write(review, ids, session_id=session_id))
    _write_list(s, records.LESSON, doc.get("lessons", []), ids, session_id)


def _write_voting(s: Session, session_id: int, voting: typed.Voting | None, ids: IdsByKey) -> None:
    """The vote round as in the document; with ballots as the entry the scores follow them."""
    if voting is None:
        return
    tie_break = json.dumps(voting.get("tie_break", []), ensure_ascii=False)
    row = records.VOTE_ROUND.write(voting, ids, session_id=session_id, tie_break=tie_break)
    s.add(row)
    for position, record in enumerate(voting.get("ballots", [])):
        key = record.get("participant")
        ballot = VoteBallot(
            session_id=session_id,
            position=position,
            participant_id=ids.participant[key] if key else None,
        )
        s.add(ballot)
        s.flush()
        for theme_key, count in record.get("counts", {}).items():
            s.add(VoteMark(ballot_id=_id(ballot), theme_id=ids.theme[theme_key], value=count))
        for place, theme_key in enumerate(record.get("ranking", []), 1):
            s.add(VoteMark(ballot_id=_id(ballot), theme_id=ids.theme[theme_key], value=place))
    s.flush()
    if row.entry == "ballots":
        refresh_votes(s, session_id)
