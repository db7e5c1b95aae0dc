"""Freezing the plan into versions and recording each participant's decision on a version.

Draft → in review (a version is frozen) → signed off (every present participant agreed to the
latest version). Any edit after that makes the session a draft again; frozen versions and their
decisions never change.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from worksession.domain.changes import Changes, Part, changes
from worksession.domain.models import PlanVersion, SignOff, utcnow
from worksession.domain.plan import (
    Snapshot,
    canonical_bytes,
    fingerprint,
    plan_snapshot,
    present_participants,
    same_content,
)
from worksession.domain.validation import ValidationError
from worksession.domain.values import Decision, DecisionMethod, SessionStatus
from worksession.i18n import _
from worksession.storage.database import Database
from worksession.storage.document import read_document
from worksession.storage.errors import NotFound
from worksession.storage.operations._rows import fetch_session, touch


def snapshot_of(version: PlanVersion) -> Snapshot:
    loaded: Snapshot = json.loads(version.snapshot)
    return loaded


def list_versions(*, db: Database, session_id: int) -> list[PlanVersion]:
    with db.reading() as s:
        query = (
            select(PlanVersion)
            .where(PlanVersion.session_id == session_id)
            .order_by(col(PlanVersion.number))
        )
        return list(s.exec(query).all())


def get_version(*, db: Database, session_id: int, number: int | None = None) -> PlanVersion:
    """Version ``number`` of the session's plan, or the latest one."""
    versions = list_versions(db=db, session_id=session_id)
    chosen = [v for v in versions if number is None or v.number == number]
    if not chosen:
        raise NotFound(
            _("session {id} has no plan version {number}")
            .format(id=session_id, number=number if number is not None else "")
            .strip()
        )
    return chosen[-1]


def freeze(*, db: Database, session_id: int) -> PlanVersion:
    """Freeze the plan as it is now as the next version (or return the latest when unchanged)."""
    document = read_document(db=db, session_id=session_id)
    versions = list_versions(db=db, session_id=session_id)
    if versions:
        latest = versions[-1]
        if same_content(snapshot_of(latest), plan_snapshot(document, latest.number)):
            return latest
    number = versions[-1].number + 1 if versions else 1
    snapshot = plan_snapshot(document, number)
    with db.transaction() as s:
        version = PlanVersion(
            session_id=session_id,
            number=number,
            snapshot=canonical_bytes(snapshot).decode("utf-8"),
            sha256=fingerprint(snapshot),
        )
        s.add(version)
        fetch_session(s, session_id).status = SessionStatus.IN_REVIEW.value
        return version


def decisions(*, db: Database, version_id: int) -> list[SignOff]:
    """Every decision recorded on a version, oldest first."""
    with db.reading() as s:
        query = select(SignOff).where(SignOff.version_id == version_id).order_by(col(SignOff.id))
        return list(s.exec(query).all())


def latest_decisions(*, db: Database, version_id: int) -> dict[str, SignOff]:
    """Participant key → their most recent decision on this version."""
    return _latest(decisions(db=db, version_id=version_id))


def record_decision(
    *,
    db: Database,
    session_id: int,
    version: int,
    participant: str,
    decision: str,
    comment: str = "",
    method: str = "session",
    decided_at: dt.datetime | None = None,
) -> SignOff:
    """Record *akkoord* or *wijziging gevraagd* of one participant on one version.

    ``participant`` is the key or e-mail address of someone in that version's attendance list.
    When every present participant agreed to the latest version, the session is signed off.
    """
    (row,) = record_decisions(
        db=db,
        session_id=session_id,
        version=version,
        participants=[participant],
        decision=decision,
        comment=comment,
        method=method,
        decided_at=decided_at,
    )
    return row


def record_decisions(
    *,
    db: Database,
    session_id: int,
    version: int,
    participants: Sequence[str],
    decision: str,
    comment: str = "",
    method: str = "session",
    decided_at: dt.datetime | None = None,
) -> list[SignOff]:
    """Record the same decision of several participants on one version, all or none.

    The room's "everyone who was present agreed" is one action: one transaction, and one undo
    (``withdraw_decisions``) takes it back.
    """
    if decision not in Decision.values():
        raise ValidationError(
            "decision", _("{value!r} is not one of: agreed, changes").format(value=decision)
        )
    if method not in DecisionMethod.values():
        raise ValidationError(
            "method", _("{value!r} is not one of: session, email").format(value=method)
        )
    if decision == Decision.CHANGES and not comment.strip():
        raise ValidationError("comment", _("say which change is asked for"))
    frozen = get_version(db=db, session_id=session_id, number=version)
    snapshot = snapshot_of(frozen)
    people = [_person(snapshot, participant, frozen.number) for participant in participants]
    when = decided_at or utcnow()
    with db.transaction() as s:
        assert frozen.id is not None
        rows = [
            SignOff(
                version_id=frozen.id,
                participant_key=person["key"],
                participant_name=person["name"],
                decision=decision,
                comment=comment,
                method=method,
                decided_at=when,
            )
            for person in people
        ]
        s.add_all(rows)
        s.flush()
        _settle_status(s, session_id)
        # A decision changes the session: a window that has not seen it must not decide over it.
        touch(s, session_id, plan=False)
        return rows


def withdraw_decisions(*, db: Database, session_id: int, decision_ids: Sequence[int]) -> Changes:
    """Take back decisions just recorded (an undo): the earlier decision of each person counts
    again, and a plan signed off by them is in review once more."""
    with db.transaction() as s:
        for row in s.exec(select(SignOff).where(col(SignOff.id).in_(decision_ids))).all():
            s.delete(row)
        s.flush()
        _settle_status(s, session_id)
        touch(s, session_id, plan=False)
    return changes(Part.PLAN)


def _person(snapshot: Snapshot, participant: str, number: int) -> dict[str, Any]:
    needle = participant.strip().lower()
    for person in snapshot["participants"]:
        if person["key"].lower() == needle or (
            person.get("email") and person["email"].lower() == needle
        ):
            return dict(person)
    raise ValidationError(
        "participant",
        _("{who!r} is not a participant of version {number}").format(
            who=participant, number=number
        ),
    )


def _settle_status(s: Session, session_id: int) -> None:
    """Signed off when every present participant agreed to the latest version, else in review.

    A draft (the plan changed after its last version) stays a draft: decisions on a frozen
    version do not change what is being worked on.
    """
    work_session = fetch_session(s, session_id)
    if work_session.status == SessionStatus.DRAFT:
        return
    latest = s.exec(
        select(PlanVersion)
        .where(PlanVersion.session_id == session_id)
        .order_by(col(PlanVersion.number).desc())
    ).first()
    if latest is None:
        return
    on_version = s.exec(select(SignOff).where(SignOff.version_id == latest.id)).all()
    agreed = {key for key, last in _latest(on_version).items() if last.decision == Decision.AGREED}
    needed = {p["key"] for p in present_participants(snapshot_of(latest))}
    work_session.status = (
        SessionStatus.SIGNED_OFF.value if needed <= agreed else SessionStatus.IN_REVIEW.value
    )


def _latest(rows: Sequence[SignOff]) -> dict[str, SignOff]:
    """Participant key → the last decision they gave (a later one replaces an earlier one)."""
    result: dict[str, SignOff] = {}
    for row in sorted(rows, key=lambda r: r.id or 0):
        result[row.participant_key] = row
    return result
