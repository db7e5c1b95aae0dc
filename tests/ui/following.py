"""Sessions to follow up, for the tests of *Afspraken volgen*: the demo signed off, and the
follow-up session made from it as the app makes it."""

from __future__ import annotations

import datetime as dt

from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.operations.plan import freeze, record_decisions, snapshot_of
from worksession.workflows.demo import create_demo_session
from worksession.workflows.following import prepare_follow_up

SIGNED = dt.datetime(2026, 3, 20, 16, 0, tzinfo=dt.UTC)  # the demo's plan is signed off then


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
    """The follow-up session of the signed-off ``session_id`` (Vervolgbijeenkomst
    voorbereiden); its id."""
    return prepare_follow_up(db=db, library=library, session_id=session_id)
