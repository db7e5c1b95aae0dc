"""The review step of a follow-up session: record how each carried agreement went, and read
the agreements to review with their status then and now.

Each change runs in one transaction after every value was checked against the field rules
(``domain/validation.py``), so a refused value writes nothing. Adjusting an agreement's wording
is not done here: that is the follow-up's own copy, changed with ``update_agreement``; the
signed wording stays in the origin's snapshot.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Unpack

from sqlmodel import Session, col, select

from worksession.domain.models import (
    Agreement,
    AgreementProgress,
    AgreementReview,
    Participant,
    SessionOrigin,
    Stakeholder,
)
from worksession.domain.progress import ProgressEntry
from worksession.domain.record_changes import ReviewChanges
from worksession.domain.review import (
    ReviewItem,
    Wording,
    default_status_now,
    load_snapshot,
    signed_numbers,
    signed_wording,
    status_then,
    walk_order,
)
from worksession.domain.validation import clean
from worksession.storage.database import Database
from worksession.storage.operations._rows import fetch, require_session, touch
from worksession.storage.operations.progress import progress_entry


@dataclass(frozen=True)
class Origin:
    """The signed plan a follow-up session reviews."""

    title: str
    version: int
    fingerprint: str
    origin_session_id: int | None


@dataclass(frozen=True)
class ReviewOverview:
    """What the review step shows: the signed plan it reviews (None: this is no follow-up
    session) and the carried agreements in the session's order."""

    origin: Origin | None
    items: tuple[ReviewItem, ...]


def update_review(
    *, db: Database, review_id: int, **changes: Unpack[ReviewChanges]
) -> AgreementReview:
    """Change the review of one carried agreement (``None`` clears a choice)."""
    fields = clean("agreement_review", changes)
    with db.transaction() as s:
        review = fetch(s, AgreementReview, review_id)
        for name, value in fields.items():
            setattr(review, name, value)
        touch(s, review.session_id)
        return review


def review_overview(*, db: Database, session_id: int) -> ReviewOverview:
    """The agreements the session reviews, with what they said when signed and now."""
    with db.reading() as s:
        require_session(s, session_id)
        origin_row = s.get(SessionOrigin, session_id)
        if origin_row is None:
            return ReviewOverview(None, ())
        snapshot = load_snapshot(origin_row.snapshot)
        rows = s.exec(
            select(AgreementReview, Agreement)
            .join(Agreement, col(Agreement.id) == col(AgreementReview.agreement_id))
            .where(AgreementReview.session_id == session_id)
            .order_by(col(Agreement.position), col(Agreement.id))
        ).all()
        names = _names(s, session_id)
        log = _progress(s, session_id, origin_row.origin_session_id)
        numbers = signed_numbers(snapshot)
        items = []
        for review, agreement in rows:
            assert review.id is not None and agreement.id is not None
            then = status_then(snapshot, agreement.key)
            entries = [*log.get(("id", agreement.id), ()), *log.get(("key", agreement.key), ())]
            lead = names.get(("participant", agreement.lead_participant_id)) or names.get(
                ("stakeholder", agreement.lead_stakeholder_id), ""
            )
            items.append(
                ReviewItem(
                    review_id=review.id,
                    agreement_id=agreement.id,
                    key=agreement.key,
                    number=numbers.get(agreement.key, ""),
                    signed=signed_wording(snapshot, agreement.key),
                    current=Wording(
                        what=agreement.what,
                        lead=lead,
                        due="" if agreement.due is None else agreement.due.isoformat(),
                        indicator=agreement.indicator,
                    ),
                    status_then=then,
                    status_now=review.status_now or default_status_now(then, entries),
                    status_recorded=review.status_now is not None,
                    what_happened=review.what_happened,
                    indicator_seen=review.indicator_seen,
                    evidence=review.evidence,
                    decision=review.decision,
                )
            )
        origin = Origin(
            title=origin_row.title or str(snapshot.get("session", {}).get("title", "")),
            version=origin_row.version,
            fingerprint=origin_row.fingerprint,
            origin_session_id=origin_row.origin_session_id,
        )
        return ReviewOverview(origin, tuple(walk_order(items)))


def _names(s: Session, session_id: int) -> dict[tuple[str, int | None], str]:
    names: dict[tuple[str, int | None], str] = {}
    for row_id, name in s.exec(
        select(Participant.id, Participant.name).where(Participant.session_id == session_id)
    ).all():
        names[("participant", row_id)] = name
    for row_id, name in s.exec(
        select(Stakeholder.id, Stakeholder.name).where(Stakeholder.session_id == session_id)
    ).all():
        names[("stakeholder", row_id)] = name
    return names


def _progress(
    s: Session, session_id: int, origin_session_id: int | None
) -> dict[tuple[str, object], list[ProgressEntry]]:
    """Progress entries by ("id", agreement id) for the follow-up's own log, and by ("key",
    agreement key) for the first session's log when it is on this laptop: reports made
    between the sessions stay there, under the key the follow-up's copy shares."""
    grouped: dict[tuple[str, object], list[ProgressEntry]] = defaultdict(list)
    own = s.exec(select(AgreementProgress).where(AgreementProgress.session_id == session_id))
    for row in own.all():
        grouped[("id", row.agreement_id)].append(progress_entry(row))
    if origin_session_id is not None:
        first = s.exec(
            select(AgreementProgress).where(AgreementProgress.session_id == origin_session_id)
        )
        for row in first.all():
            grouped[("key", row.agreement_key)].append(progress_entry(row))
    return grouped
