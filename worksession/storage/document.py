"""A session as an interchange document (``worksession/1``) and back: read and import.

Database ids never leave this module: records are linked by their keys in the document.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row
from sqlmodel import Session, SQLModel

from worksession.domain import document_types as typed
from worksession.domain.interchange import FORMAT, Document
from worksession.domain.models import (
    Agreement,
    AgreementPartner,
    Casus,
    Evaluation,
    FollowUp,
    Improvement,
    Insight,
    KeyFigure,
    Participant,
    Referral,
    Relation,
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
from worksession.storage.operations._rows import fetch
from worksession.storage.operations.vote_count import refresh_votes
from worksession.storage.views import one_row, rows_of_owners, session_rows

PersonKeys = tuple[dict[int, str], dict[int, str]]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _id(row: Stakeholder | Theme) -> int:
    assert row.id is not None, "flushed before use"
    return row.id


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _moment(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat() if value is not None else None


def _utc(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text).astimezone(dt.UTC) if text else None


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
    participant_keys = {row.id: row.key for row in participants}
    stakeholder_keys = {row.id: row.key for row in stakeholders}
    theme_keys = {row.id: row.key for row in themes}
    evaluation = one_row(s, Evaluation, "session_id", session_id)

    def person(participant_id: int | None, stakeholder_id: int | None) -> str | None:
        if participant_id is not None:
            return participant_keys[participant_id]
        if stakeholder_id is not None:
            return stakeholder_keys[stakeholder_id]
        return None

    def people(rows: Sequence[Row[Any]]) -> list[str]:
        return [
            key
            for row in rows
            if (key := person(row.participant_id, row.stakeholder_id)) is not None
        ]

    # Every agreement's partners in one query: one per agreement made re-reading a large plan
    # after each save cost more than the save itself.
    partner_rows: dict[int, list[Row[Any]]] = {}
    partners = rows_of_owners(
        s, AgreementPartner, Agreement, session_id, "agreement_id", "position"
    )
    for partner in partners:
        partner_rows.setdefault(partner.agreement_id, []).append(partner)

    def partners_of(agreement_id: int | None) -> list[str]:
        return people(partner_rows.get(agreement_id or 0, []))

    # Present only when there are any: a session without referral agreements reads (and its
    # plan is fingerprinted) as before they existed.
    referrals: list[typed.Referral] = [
        {
            "signal": row.signal,
            "theme": theme_keys.get(row.theme_id) if row.theme_id is not None else None,
            "from": person(row.source_participant_id, row.source_stakeholder_id),
            "to": person(row.target_participant_id, row.target_stakeholder_id),
            "contact": row.contact,
            "feedback": row.feedback,
            "feedback_how": row.feedback_how,
        }
        for row in session_rows(s, Referral, session_id)
    ]

    document: Document = {
        "format": FORMAT,
        "session": {
            "title": work_session.title,
            "wijk": work_session.wijk,
            "gemeente": work_session.gemeente,
            "date": _iso(work_session.date),
            "location": work_session.location,
            "coach": work_session.coach,
            "variant": work_session.variant,
            "accredited": work_session.accredited,
            "programme": work_session.programme,
            "programme_steps": json.loads(work_session.programme_steps),
            "ambition": work_session.ambition,
        },
        "casus": {
            "title": casus.title,
            "text": casus.text,
            "question": casus.question,
            "figures": [
                {"label": row.label, "value": row.value, "source": row.source}
                for row in session_rows(s, KeyFigure, session_id)
            ],
            "insights": [row.text for row in session_rows(s, Insight, session_id)],
        },
        "participants": [
            {
                "key": row.key,
                "name": row.name,
                "organisation": row.organisation,
                "role": row.role,
                "domain": row.domain,
                "email": row.email,
                "registration": row.registration,
                "present": row.present,
            }
            for row in participants
        ],
        "stakeholders": [
            {
                "key": row.key,
                "name": row.name,
                "organisation": row.organisation,
                "domain": row.domain,
                "role": row.role,
                "offer": row.offer,
                "influence": row.influence,
                "interest": row.interest,
                "present": row.present,
                "participant": person(row.participant_id, None),
            }
            for row in stakeholders
        ],
        "relations": [
            {
                "from": stakeholder_keys[row.source_id],
                "to": stakeholder_keys[row.target_id],
                "kind": row.kind,
            }
            for row in session_rows(s, Relation, session_id)
        ],
        "themes": [
            {
                "key": row.key,
                "title": row.title,
                "target_group": row.target_group,
                "why": row.why,
                "votes": row.votes,
                "rank": row.rank,
                "priority": row.priority,
            }
            for row in themes
        ],
        "improvements": [
            {"theme": theme_keys[row.theme_id], "text": row.text}
            for row in session_rows(s, Improvement, session_id)
        ],
        "agreements": [
            {
                "key": row.key,
                "theme": theme_keys.get(row.theme_id) if row.theme_id is not None else None,
                "kind": row.kind,
                "what": row.what,
                "lead": person(row.lead_participant_id, row.lead_stakeholder_id),
                "partners": partners_of(row.id),
                "due": _iso(row.due),
                "resources": row.resources,
                "indicator": row.indicator,
                "status": row.status,
            }
            for row in agreements
        ],
        "referrals": referrals,
        "follow_up": {
            "kartrekker": person(
                follow_up.kartrekker_participant_id, follow_up.kartrekker_stakeholder_id
            ),
            "werkgroep": people(session_rows(s, WerkgroepMember, session_id)),
            "next_meeting": _iso(follow_up.next_meeting),
            "evaluation": _iso(follow_up.evaluation),
            "funding": follow_up.funding,
        },
        "notes": {row.step_id: row.text for row in session_rows(s, StepNote, session_id, "id")},
        "evaluation": {
            "went_well": evaluation.went_well if evaluation else "",
            "to_improve": evaluation.to_improve if evaluation else "",
            "score": evaluation.score if evaluation else None,
        },
    }
    if not referrals:
        del document["referrals"]
    voting = _read_voting(s, session_id, themes, participant_keys)
    if voting is not None:
        document["voting"] = voting
    schedule = _read_schedule(s, work_session)
    if schedule is not None:
        document["schedule"] = schedule
    return document, str(work_session.status)


def _read_voting(
    s: Session, session_id: int, themes: Sequence[Row[Any]], participant_keys: dict[int, str]
) -> typed.Voting | None:
    """The vote round, present when the session has one (chosen settings or ballots)."""
    stored = one_row(s, VoteRound, "session_id", session_id)
    ballots = session_rows(s, VoteBallot, session_id)
    if stored is None and not ballots:
        return None
    row: Any = stored or VoteRound(session_id=session_id)
    theme_keys = {theme.id: theme.key for theme in themes}
    counting = row.mode in (VoteMode.DOTS, VoteMode.POINTS)
    marks: dict[int, list[Row[Any]]] = {}
    for mark in rows_of_owners(s, VoteMark, VoteBallot, session_id, "value", "id"):
        marks.setdefault(mark.ballot_id, []).append(mark)

    def ballot(record: Row[Any]) -> typed.Ballot:
        mine = marks.get(record.id or 0, [])
        who = participant_keys.get(record.participant_id) if record.participant_id else None
        if counting:
            return {"participant": who, "counts": {theme_keys[m.theme_id]: m.value for m in mine}}
        return {"participant": who, "ranking": [theme_keys[m.theme_id] for m in mine]}

    return {
        "mode": row.mode,
        "entry": row.entry,
        "per_person": row.per_person,
        "cap": row.cap,
        "anonymous": row.anonymous,
        "voters": row.voters,
        # Keys of removed themes stay stored (undo brings the theme back) but are not exported.
        "tie_break": [key for key in json.loads(row.tie_break) if key in theme_keys.values()],
        "ballots": [ballot(record) for record in ballots],
    }


def _read_schedule(s: Session, work_session: Row[Any]) -> typed.Schedule | None:
    """The start time and the step timings, present when there is either."""
    timings = session_rows(s, StepTiming, work_session.id, "id")
    if work_session.start_time is None and not timings:
        return None
    return {
        "start_time": work_session.start_time,
        "steps": [
            {
                "step": row.step_id,
                "actual_seconds": row.actual_seconds,
                "extra_minutes": row.extra_minutes,
                "started_at": _moment(row.started_at),
                "finished_at": _moment(row.finished_at),
            }
            for row in timings
        ],
    }


def import_document(*, db: Database, document: Document) -> WorkSession:
    """Create a new draft session from a checked document (``interchange.parse_document``).

    Everything is written in one transaction: a failure leaves no half-imported session.
    """
    with db.transaction() as s:
        return _write(s, document)


def _write(s: Session, doc: Document) -> WorkSession:
    header = doc["session"]
    work_session = WorkSession(
        title=header["title"],
        wijk=header.get("wijk", ""),
        gemeente=header.get("gemeente", ""),
        date=_date(header.get("date")),
        location=header.get("location", ""),
        coach=header.get("coach", ""),
        variant=header.get("variant", "toolkit"),
        accredited=header.get("accredited", False),
        programme=header.get("programme", ""),
        programme_steps=json.dumps(header.get("programme_steps", []), ensure_ascii=False),
        ambition=header.get("ambition", ""),
        start_time=doc.get("schedule", {}).get("start_time"),
    )
    s.add(work_session)
    s.flush()
    session_id = work_session.id
    assert session_id is not None

    casus = doc.get("casus", {})
    s.add(
        Casus(
            session_id=session_id,
            title=casus.get("title", ""),
            text=casus.get("text", ""),
            question=casus.get("question", ""),
        )
    )
    for position, figure in enumerate(casus.get("figures", [])):
        s.add(
            KeyFigure(
                session_id=session_id,
                position=position,
                label=figure["label"],
                value=figure.get("value", ""),
                source=figure.get("source", ""),
            )
        )
    for position, text in enumerate(casus.get("insights", [])):
        s.add(Insight(session_id=session_id, position=position, text=text))

    participants: dict[str, Participant] = {}
    for position, participant in enumerate(doc.get("participants", [])):
        participants[participant["key"]] = Participant(
            session_id=session_id,
            key=participant["key"],
            position=position,
            name=participant["name"],
            organisation=participant.get("organisation", ""),
            role=participant.get("role", ""),
            domain=participant.get("domain", ""),
            email=participant.get("email", ""),
            registration=participant.get("registration", ""),
            present=participant.get("present", True),
        )
    s.add_all(participants.values())
    s.flush()

    stakeholders: dict[str, Stakeholder] = {}
    for position, stakeholder in enumerate(doc.get("stakeholders", [])):
        linked = stakeholder.get("participant")
        stakeholders[stakeholder["key"]] = Stakeholder(
            session_id=session_id,
            key=stakeholder["key"],
            position=position,
            name=stakeholder["name"],
            organisation=stakeholder.get("organisation", ""),
            domain=stakeholder.get("domain", ""),
            role=stakeholder.get("role", ""),
            offer=stakeholder.get("offer", ""),
            influence=stakeholder.get("influence", 3),
            interest=stakeholder.get("interest", 3),
            present=stakeholder.get("present", False),
            participant_id=participants[linked].id if linked else None,
        )
    s.add_all(stakeholders.values())
    s.flush()

    for position, relation in enumerate(doc.get("relations", [])):
        s.add(
            Relation(
                session_id=session_id,
                position=position,
                source_id=_id(stakeholders[relation["from"]]),
                target_id=_id(stakeholders[relation["to"]]),
                kind=relation["kind"],
            )
        )

    themes: dict[str, Theme] = {}
    for position, theme in enumerate(doc.get("themes", [])):
        themes[theme["key"]] = Theme(
            session_id=session_id,
            key=theme["key"],
            position=position,
            title=theme["title"],
            target_group=theme.get("target_group", ""),
            why=theme.get("why", ""),
            votes=theme.get("votes", 0),
            rank=theme.get("rank"),
            priority=theme.get("priority", False),
        )
    s.add_all(themes.values())
    s.flush()

    for position, improvement in enumerate(doc.get("improvements", [])):
        s.add(
            Improvement(
                session_id=session_id,
                theme_id=_id(themes[improvement["theme"]]),
                position=position,
                text=improvement["text"],
            )
        )

    def person_ids(key: str | None) -> tuple[int | None, int | None]:
        if key is None:
            return None, None
        if key in participants:
            return participants[key].id, None
        return None, stakeholders[key].id

    for position, agreement_record in enumerate(doc.get("agreements", [])):
        lead_participant, lead_stakeholder = person_ids(agreement_record.get("lead"))
        theme_key = agreement_record.get("theme")
        agreement = Agreement(
            session_id=session_id,
            key=agreement_record["key"],
            position=position,
            theme_id=themes[theme_key].id if theme_key else None,
            kind=agreement_record.get("kind", "agreement"),
            what=agreement_record["what"],
            lead_participant_id=lead_participant,
            lead_stakeholder_id=lead_stakeholder,
            due=_date(agreement_record.get("due")),
            resources=agreement_record.get("resources", ""),
            indicator=agreement_record.get("indicator", ""),
            status=agreement_record.get("status", "open"),
        )
        s.add(agreement)
        s.flush()
        assert agreement.id is not None
        for index, key in enumerate(agreement_record.get("partners", [])):
            participant_id, stakeholder_id = person_ids(key)
            s.add(
                AgreementPartner(
                    agreement_id=agreement.id,
                    position=index,
                    participant_id=participant_id,
                    stakeholder_id=stakeholder_id,
                )
            )

    for position, referral in enumerate(doc.get("referrals", [])):
        source_participant, source_stakeholder = person_ids(referral.get("from"))
        target_participant, target_stakeholder = person_ids(referral.get("to"))
        theme_key = referral.get("theme")
        s.add(
            Referral(
                session_id=session_id,
                position=position,
                theme_id=themes[theme_key].id if theme_key else None,
                signal=referral["signal"],
                source_participant_id=source_participant,
                source_stakeholder_id=source_stakeholder,
                target_participant_id=target_participant,
                target_stakeholder_id=target_stakeholder,
                contact=referral.get("contact", ""),
                feedback=referral.get("feedback", False),
                feedback_how=referral.get("feedback_how", ""),
            )
        )

    follow_up = doc.get("follow_up", {})
    kartrekker_participant, kartrekker_stakeholder = person_ids(follow_up.get("kartrekker"))
    s.add(
        FollowUp(
            session_id=session_id,
            kartrekker_participant_id=kartrekker_participant,
            kartrekker_stakeholder_id=kartrekker_stakeholder,
            next_meeting=_date(follow_up.get("next_meeting")),
            evaluation=_date(follow_up.get("evaluation")),
            funding=follow_up.get("funding", ""),
        )
    )
    for position, key in enumerate(follow_up.get("werkgroep", [])):
        participant_id, stakeholder_id = person_ids(key)
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
        s.add(
            Evaluation(
                session_id=session_id,
                went_well=evaluation.get("went_well", ""),
                to_improve=evaluation.get("to_improve", ""),
                score=evaluation.get("score"),
            )
        )
    _write_voting(s, session_id, doc.get("voting"), participants, themes)
    for timing in doc.get("schedule", {}).get("steps", []):
        s.add(
            StepTiming(
                session_id=session_id,
                step_id=timing["step"],
                actual_seconds=timing["actual_seconds"],
                extra_minutes=timing.get("extra_minutes", 0),
                started_at=_utc(timing.get("started_at")),
                finished_at=_utc(timing.get("finished_at")),
            )
        )
    return work_session


def _write_voting(
    s: Session,
    session_id: int,
    voting: typed.Voting | None,
    participants: dict[str, Participant],
    themes: dict[str, Theme],
) -> None:
    """The vote round as in the document; with ballots as the entry the scores follow them."""
    if voting is None:
        return
    row = VoteRound(
        session_id=session_id,
        mode=voting.get("mode", "dots"),
        entry=voting.get("entry", "totals"),
        per_person=voting.get("per_person"),
        cap=voting.get("cap"),
        anonymous=voting.get("anonymous", True),
        voters=voting.get("voters"),
        tie_break=json.dumps(voting.get("tie_break", []), ensure_ascii=False),
    )
    s.add(row)
    for position, record in enumerate(voting.get("ballots", [])):
        key = record.get("participant")
        ballot = VoteBallot(
            session_id=session_id,
            position=position,
            participant_id=participants[key].id if key else None,
        )
        s.add(ballot)
        s.flush()
        assert ballot.id is not None
        for theme_key, count in record.get("counts", {}).items():
            s.add(VoteMark(ballot_id=ballot.id, theme_id=_id(themes[theme_key]), value=count))
        for place, theme_key in enumerate(record.get("ranking", []), 1):
            s.add(VoteMark(ballot_id=ballot.id, theme_id=_id(themes[theme_key]), value=place))
    s.flush()
    if row.entry == "ballots":
        refresh_votes(s, session_id)


def duplicate_session(*, db: Database, session_id: int, title: str) -> WorkSession:
    """A new draft with everything of ``session_id`` (people, kaart, themes, votes, agreements,
    referrals, notes), except the step timings: they are what happened on that day; the start
    time stays."""
    document = read_document(db=db, session_id=session_id)
    document["session"]["title"] = title
    if "schedule" in document:
        document["schedule"]["steps"] = []
    return import_document(db=db, document=document)
