"""A follow-up session for the tests of the review step: the demo session, frozen and signed off
by everyone present, followed up as *Vervolgbijeenkomst voorbereiden* does it
(``workflows.following.prepare_follow_up``), every carried agreement still unreviewed."""

from __future__ import annotations

from dataclasses import dataclass

from worksession.domain.plan import present_participants
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.document import import_document
from worksession.storage.operations.plan import freeze, record_decisions, snapshot_of
from worksession.workflows.demo import demo_document
from worksession.workflows.following import prepare_follow_up


@dataclass(frozen=True)
class FollowUp:
    first_id: int  # the signed-off demo session
    session_id: int  # the follow-up session
    version: int
    fingerprint: str


def signed_demo(db: Database, library: Library) -> tuple[int, int, str]:
    """The demo session, frozen and agreed by everyone present: (id, version, fingerprint)."""
    first = import_document(db=db, document=demo_document(library))
    assert first.id is not None
    version = freeze(db=db, session_id=first.id)
    record_decisions(
        db=db,
        session_id=first.id,
        version=version.number,
        participants=[person["key"] for person in present_participants(snapshot_of(version))],
        decision="agreed",
    )
    return first.id, version.number, version.sha256


def make_follow_up(db: Database, library: Library) -> FollowUp:
    """A follow-up session of the signed demo, every carried agreement still unreviewed."""
    first_id, number, sha = signed_demo(db, library)
    follow_up_id = prepare_follow_up(db=db, library=library, session_id=first_id)
    return FollowUp(first_id, follow_up_id, number, sha)
