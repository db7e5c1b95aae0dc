"""A follow-up session for tests, made the way the app makes it: the demo session frozen and
signed off by everyone present, progress recorded on three of its agreements, then
*Vervolgbijeenkomst voorbereiden* on the follow-up programme.

Tests of the follow-up's parts (review, lessons, following the agreements, the report) start
from ``make_follow_up`` so they all see the same, real link to the signed plan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from worksession.domain.models import PlanVersion
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.operations.plan import (
    freeze,
    list_versions,
    record_decisions,
    snapshot_of,
)
from worksession.storage.operations.progress import record_progress
from worksession.workflows.demo import create_demo_session
from worksession.workflows.following import prepare_follow_up

SIGNED = dt.datetime(2026, 3, 20, 16, 0, tzinfo=dt.UTC)  # the demo's plan is signed off then
# Agreement key → (status, note, day): what the kartrekker heard in the months after.
PROGRESS = {
    "a-wegwijzer": ("done", "De wegwijzer ligt bij alle huisartsen.", dt.date(2026, 5, 4)),
    "a-maatjes": ("in_progress", "Zes maatjes gekoppeld.", dt.date(2026, 6, 1)),
    "a-beweeggroep": ("dropped", "Geen ruimte in de sporthal.", dt.date(2026, 6, 15)),
}


def sign_off(db: Database, session_id: int) -> PlanVersion:
    """Freeze the plan and record everyone present as agreeing: the session is signed off."""
    version = freeze(db=db, session_id=session_id)
    present = [p["key"] for p in snapshot_of(version)["participants"] if p.get("present")]
    record_decisions(
        db=db,
        session_id=session_id,
        version=version.number,
        participants=present,
        decision="agreed",
        decided_at=SIGNED,
    )
    return version


def signed_demo(db: Database) -> int:
    """The demo session, signed off, with progress on the three agreements of ``PROGRESS``."""
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    sign_off(db, session.id)
    for key, (status, note, day) in PROGRESS.items():
        record_progress(
            db=db,
            session_id=session.id,
            agreement_key=key,
            status=status,
            note=note,
            on=day,
            reported_by="p-yvonne-kessels",
        )
    return session.id


def signed_without_progress(db: Database) -> int:
    """The demo session signed off and nothing reported since: only the agreements' dates and
    the sign-off decide what needs following up."""
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    sign_off(db, session.id)
    return session.id


def make_follow_up(db: Database) -> tuple[int, int]:
    """(the signed-off demo session's id, its follow-up session's id)."""
    origin_id = signed_demo(db)
    return origin_id, prepare_follow_up(db=db, library=load_library(), session_id=origin_id)


@dataclass(frozen=True)
class FollowUp:
    first_id: int  # the signed-off demo session
    session_id: int  # the follow-up session
    version: int  # the signed version it reviews
    fingerprint: str


def unreported_follow_up(db: Database) -> FollowUp:
    """A follow-up of the signed demo with nothing reported in between: every carried agreement
    unreviewed, its status now the status at sign-off."""
    first = signed_without_progress(db)
    version = list_versions(db=db, session_id=first)[-1]
    follow_up = prepare_follow_up(db=db, library=load_library(), session_id=first)
    return FollowUp(first, follow_up, version.number, version.sha256)
