"""The progress log between the sessions: record how an agreement is going, read the log, and
find what needs attention across all sessions (*Afspraken volgen*).

Recording progress adds a row to its own table and changes nothing else: not the agreement,
not the plan's frozen versions, not the session's status. A signed-off plan stays signed off
and ``verify`` still finds it untouched; the session's change stamp moves, so an open window
sees the new entry. Entries are never edited or deleted here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlmodel import Session, col, func, select

from worksession.domain.models import (
    Agreement,
    AgreementProgress,
    Participant,
    PlanVersion,
    SessionOrigin,
    SignOff,
    Stakeholder,
)
from worksession.domain.progress import (
    DUE_WEEKS,
    SILENT_WEEKS,
    FollowUpItem,
    ProgressEntry,
    TrackedAgreement,
    current_status,
    follow_up_items,
)
from worksession.domain.validation import ValidationError, clean
from worksession.i18n import _
from worksession.storage.database import Database
from worksession.storage.operations._rows import fetch_session, touch

KEYS_LISTED = 20  # an unknown key is answered with the valid ones, up to this many


def record_progress(
    *,
    db: Database,
    session_id: int,
    agreement_key: str,
    status: str,
    note: str = "",
    on: dt.date | str | None = None,
    reported_by: str = "",
) -> ProgressEntry:
    """Add one progress entry on the agreement ``agreement_key`` of the session.

    ``on`` is the day it is about (today when not given); it may not lie before the session.
    ``reported_by`` is a name; when it is the key, e-mail address or name of one of the
    session's participants the entry is linked to them and carries their name as written there.
    """
    fields = clean(
        "agreement_progress",
        {
            "status": status,
            "date": dt.date.today() if on is None else on,
            "note": note,
            "reported_by": reported_by,
        },
    )
    with db.transaction() as s:
        work_session = fetch_session(s, session_id)
        if work_session.date is not None and fields["date"] < work_session.date:
            raise ValidationError(
                "agreement_progress.date",
                _("{value} lies before the session ({session})").format(
                    value=fields["date"].isoformat(), session=work_session.date.isoformat()
                ),
            )
        agreement = _agreement(s, session_id, agreement_key)
        reporter = _participant_named(s, session_id, fields["reported_by"])
        row = AgreementProgress(
            session_id=session_id,
            agreement_id=agreement.id,
            agreement_key=agreement.key,
            status=fields["status"],
            date=fields["date"],
            note=fields["note"],
            reported_by=fields["reported_by"] if reporter is None else reporter.name,
            reporter_participant_id=None if reporter is None else reporter.id,
        )
        s.add(row)
        s.flush()
        # Not a change to the plan: the session keeps its status and its versions.
        touch(s, session_id, plan=False)
        return progress_entry(row)


def progress_log(
    *, db: Database, session_id: int, agreement_key: str | None = None
) -> list[ProgressEntry]:
    """The session's progress entries, oldest day first (of entries about one day, the one
    recorded first comes first). With ``agreement_key``: the entries on that agreement of the
    session; an unknown key is refused as ``record_progress`` refuses it."""
    with db.reading() as s:
        fetch_session(s, session_id)
        query = select(AgreementProgress).where(AgreementProgress.session_id == session_id)
        if agreement_key is not None:
            agreement = _agreement(s, session_id, agreement_key)
            query = query.where(AgreementProgress.agreement_id == agreement.id)
        query = query.order_by(col(AgreementProgress.date), col(AgreementProgress.id))
        return [progress_entry(row) for row in s.exec(query).all()]


def current_statuses(*, db: Database, session_id: int) -> dict[str, str]:
    """Agreement key → its status now, for every agreement of the session."""
    log = _by_agreement(progress_log(db=db, session_id=session_id))
    with db.reading() as s:
        rows = s.exec(
            select(Agreement.id, Agreement.key, Agreement.status).where(
                Agreement.session_id == session_id
            )
        ).all()
    return {key: current_status(status, log.get(row_id, ())) for row_id, key, status in rows}


def agreements_to_follow(
    *,
    db: Database,
    today: dt.date | None = None,
    weeks: int = DUE_WEEKS,
    silent_weeks: int = SILENT_WEEKS,
) -> list[FollowUpItem]:
    """Across every session whose plan is out (frozen at least once): the agreements overdue,
    due within ``weeks`` or without news for ``silent_weeks``, by date."""
    today = dt.date.today() if today is None else today
    with db.reading() as s:
        tracked = [
            agreement
            for session_id, signed_on in _plans_out(s).items()
            for agreement in _tracked(s, session_id, signed_on)
        ]
    return follow_up_items(tracked, today=today, weeks=weeks, silent_weeks=silent_weeks)


def _agreement(s: Session, session_id: int, key: str) -> Agreement:
    query = select(Agreement).where(Agreement.session_id == session_id)
    agreements = list(s.exec(query.order_by(col(Agreement.position), col(Agreement.id))).all())
    for agreement in agreements:
        if agreement.key == key.strip():
            return agreement
    keys = [agreement.key for agreement in agreements]
    if not keys:
        message = _("{value!r}: session {id} has no agreements").format(value=key, id=session_id)
    else:
        shown = ", ".join(keys[:KEYS_LISTED]) + (", …" if len(keys) > KEYS_LISTED else "")
        message = _("{value!r} is not an agreement of session {id}; its agreements are: {keys}")
        message = message.format(value=key, id=session_id, keys=shown)
    raise ValidationError("agreement_progress.agreement", message)


def _participant_named(s: Session, session_id: int, name: str) -> Participant | None:
    """The participant ``name`` names by key, e-mail address or name (ignoring case), if one."""
    needle = name.strip().casefold()
    if not needle:
        return None
    people = s.exec(select(Participant).where(Participant.session_id == session_id)).all()
    for field in ("key", "email", "name"):
        matches = [p for p in people if str(getattr(p, field)).strip().casefold() == needle]
        if len(matches) == 1:  # two people of one name: keep the name, link neither
            return matches[0]
    return None


def _plans_out(s: Session) -> dict[int, dt.date]:
    """Session id → the day its plan was last settled: the last decision on its latest version,
    or that version's freeze when nobody decided yet. Sessions never frozen are left out, and
    so are sessions whose follow-up has a plan out."""
    latest = (
        select(PlanVersion.session_id, func.max(PlanVersion.number).label("number"))
        .group_by(col(PlanVersion.session_id))
        .subquery()
    )
    versions = s.exec(
        select(PlanVersion).join(
            latest,
            (col(PlanVersion.session_id) == latest.c.session_id)
            & (col(PlanVersion.number) == latest.c.number),
        )
    ).all()
    settled: dict[int, dt.date] = {}
    for version in versions:
        decided = s.exec(
            select(func.max(SignOff.decided_at)).where(SignOff.version_id == version.id)
        ).one()
        settled[version.session_id] = (decided or version.created_at).date()
    # A session whose follow-up has a plan out is followed there: the follow-up carries its
    # agreements (reviewed, adjusted or stopped), so listing both would name each one twice.
    followed_up = s.exec(
        select(SessionOrigin.origin_session_id).where(
            col(SessionOrigin.session_id).in_(list(settled))
        )
    ).all()
    for origin in followed_up:
        settled.pop(origin or 0, None)
    return settled


def _tracked(s: Session, session_id: int, signed_on: dt.date) -> list[TrackedAgreement]:
    work_session = fetch_session(s, session_id)
    log = _by_agreement(
        progress_entry(row)
        for row in s.exec(
            select(AgreementProgress).where(AgreementProgress.session_id == session_id)
        ).all()
    )
    people = {
        row_id: name
        for row_id, name in s.exec(
            select(Participant.id, Participant.name).where(Participant.session_id == session_id)
        ).all()
    }
    stakeholders = {
        row_id: name
        for row_id, name in s.exec(
            select(Stakeholder.id, Stakeholder.name).where(Stakeholder.session_id == session_id)
        ).all()
    }
    result = []
    for agreement in s.exec(select(Agreement).where(Agreement.session_id == session_id)).all():
        entries = log.get(agreement.id, ())
        lead = people.get(agreement.lead_participant_id) or stakeholders.get(
            agreement.lead_stakeholder_id, ""
        )
        result.append(
            TrackedAgreement(
                session_id=session_id,
                session_title=work_session.title,
                wijk=work_session.wijk,
                agreement_key=agreement.key,
                what=agreement.what,
                lead=lead or "",
                due=agreement.due,
                status=current_status(agreement.status, entries),
                last_news=max([signed_on, *(entry.date for entry in entries)]),
            )
        )
    return result


def _by_agreement(entries: Iterable[ProgressEntry]) -> dict[int | None, list[ProgressEntry]]:
    """Entries per agreement id. By id, not key: an agreement removed from a later draft keeps
    its entries under its key, and a new agreement that happens to get that key again must not
    take them over."""
    grouped: dict[int | None, list[ProgressEntry]] = defaultdict(list)
    for entry in entries:
        grouped[entry.agreement_id].append(entry)
    return grouped


def progress_entry(row: AgreementProgress) -> ProgressEntry:
    """A stored progress row as the domain's entry."""
    assert row.id is not None
    return ProgressEntry(
        id=row.id,
        session_id=row.session_id,
        agreement_id=row.agreement_id,
        agreement_key=row.agreement_key,
        status=row.status,
        date=row.date,
        note=row.note,
        reported_by=row.reported_by,
        recorded_at=row.recorded_at,
    )
