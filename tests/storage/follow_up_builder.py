"""A follow-up session for tests, made the simple way until the real operation is on main.

The demo session is frozen and signed off by everyone present; a copy of it on the programme
"Een half jaar later" is the follow-up, with the ``SessionOrigin`` that links it to the signed
version and one ``AgreementReview`` per carried agreement. Swap ``build_follow_up`` for
``storage/operations/follow_up_session.create_follow_up`` once that exists: the tests only use
the two session ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import select

from worksession.domain.models import Agreement, AgreementReview, SessionOrigin
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.document import import_document, read_document
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
    snapshot = snapshot_of(version)
    present = [p["key"] for p in snapshot["participants"] if p["present"]]
    record_decisions(
        db=db, session_id=origin.id, version=version.number, participants=present,
        decision="agreed", decided_at=SIGNED,
    )  # fmt: skip
    document = read_document(db=db, session_id=origin.id)
    programme = library.programmes[FOLLOW_UP_PROGRAMME]
    document["session"]["title"] = f"{document['session']['title']} — een half jaar later"
    document["session"]["programme"] = programme.id
    document["session"]["programme_steps"] = programme_steps(programme)
    for part in ("schedule", "voting", "notes"):
        document.pop(part, None)  # type: ignore[misc]
    follow_up = import_document(db=db, document=document)
    assert follow_up.id is not None
    with db.transaction() as s:
        s.add(
            SessionOrigin(
                session_id=follow_up.id,
                origin_session_id=origin.id,
                title=snapshot["session"]["title"],
                version=version.number,
                fingerprint=version.sha256,
                snapshot=version.snapshot,
            )
        )
        agreements = s.exec(select(Agreement).where(Agreement.session_id == follow_up.id)).all()
        for agreement in agreements:
            s.add(AgreementReview(session_id=follow_up.id, agreement_id=int(agreement.id or 0)))
    return FollowUpPair(origin.id, follow_up.id)
