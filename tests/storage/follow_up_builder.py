"""A follow-up session for the tests of *Wat werkte, wat niet* and the sociale kaart's changes.

The demo session is frozen and signed off by everyone present, then followed up on the programme
"Een half jaar later" by the app's own operation (``create_follow_up``): the follow-up carries
the kaart with the same keys and the ``SessionOrigin`` of the signed version.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.operations.follow_up_session import create_follow_up
from worksession.storage.operations.plan import freeze, record_decisions, snapshot_of
from worksession.workflows.demo import create_demo_session
from worksession.workflows.starting import programme_steps

FOLLOW_UP_PROGRAMME = "een-half-jaar-later"
SIGNED = dt.datetime(2026, 3, 20, 16, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class FollowUpPair:
    origin_id: int  # the first session, signed off
    follow_up_id: int  # the follow-up session that reviews it


def build_follow_up(db: Database, library: Library) -> FollowUpPair:
    origin = create_demo_session(db=db, library=library)
    assert origin.id is not None
    version = freeze(db=db, session_id=origin.id)
    present = [p["key"] for p in snapshot_of(version)["participants"] if p["present"]]
    record_decisions(
        db=db, session_id=origin.id, version=version.number, participants=present,
        decision="agreed", decided_at=SIGNED,
    )  # fmt: skip
    programme = library.programmes[FOLLOW_UP_PROGRAMME]
    follow_up_id = create_follow_up(
        db=db, session_id=origin.id, steps=programme_steps(programme), programme_id=programme.id
    )
    return FollowUpPair(origin.id, follow_up_id)
