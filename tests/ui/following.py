"""Sessions to follow up, for the tests of *Afspraken volgen*: the demo signed off, and a
follow-up session made from it.

The follow-up is built the simple way (a session on the programme "Een half jaar later" with
its ``SessionOrigin``) until ``create_follow_up`` is on main; swap ``follow_up_of`` for it then.
"""

from __future__ import annotations

import datetime as dt

from worksession.domain.models import SessionOrigin
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.operations.plan import (
    freeze,
    list_versions,
    record_decisions,
    snapshot_of,
)
from worksession.workflows.demo import create_demo_session
from worksession.workflows.starting import new_session

SIGNED = dt.datetime(2026, 3, 20, 16, 0, tzinfo=dt.UTC)  # the demo's plan is signed off then
FOLLOW_UP_PROGRAMME = "een-half-jaar-later"


def signed_demo(db: Database, library: Library) -> int:
    """The demo session, frozen and agreed by everyone present on ``SIGNED``; its id."""
    session = create_demo_session(db=db, library=library)
    assert session.id is not None
    version = freeze(db=db, session_id=session.id)
    present = [p["key"] for p in snapshot_of(version)["participants"] if p["present"]]
    record_decisions(
        db=db, session_id=session.id, version=version.number, participants=present,
        decision="agreed", decided_at=SIGNED,
    )  # fmt: skip
    return session.id


def follow_up_of(db: Database, library: Library, session_id: int) -> int:
    """A follow-up session reviewing the latest version of ``session_id``; its id."""
    version = list_versions(db=db, session_id=session_id)[-1]
    follow_up = new_session(
        db=db, library=library, programme_id=FOLLOW_UP_PROGRAMME, casus_id=None,
        title="Een half jaar later in Kaalheide", wijk="Kaalheide", date="2026-09-10",
    )  # fmt: skip
    assert follow_up.id is not None
    with db.transaction() as s:
        origin = SessionOrigin(
            session_id=follow_up.id, origin_session_id=session_id, title="",
            version=version.number, fingerprint=version.sha256, snapshot=version.snapshot,
        )  # fmt: skip
        s.add(origin)
    return follow_up.id
