"""A follow-up session for the tests of the review step, built the simple way.

The demo session is frozen and signed off by everyone present; a second session on the
programme *Een half jaar later* carries its header, people, sociale kaart, themes and agreements
(the demo document imported again), with the ``SessionOrigin`` that links it to the signed
version and one ``AgreementReview`` per carried agreement. One module, so that it can give way
to ``create_follow_up`` once that operation is there.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from sqlmodel import col, select

from worksession.domain.models import Agreement, AgreementReview, SessionOrigin
from worksession.domain.plan import present_participants
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.document import import_document
from worksession.storage.operations.plan import freeze, record_decisions, snapshot_of
from worksession.workflows.demo import demo_document
from worksession.workflows.starting import find_programme, programme_steps

FOLLOW_UP_PROGRAMME = "een-half-jaar-later"


@dataclass(frozen=True)
class FollowUp:
    first_id: int  # the signed-off demo session
    session_id: int  # the follow-up session
    version: int
    fingerprint: str


def signed_demo(db: Database, library: Library) -> tuple[int, int, str, str]:
    """The demo session, frozen and agreed by everyone present: (id, version, sha, snapshot)."""
    first = import_document(db=db, document=demo_document(library))
    assert first.id is not None
    version = freeze(db=db, session_id=first.id)
    snapshot = snapshot_of(version)
    record_decisions(
        db=db,
        session_id=first.id,
        version=version.number,
        participants=[person["key"] for person in present_participants(snapshot)],
        decision="agreed",
    )
    return first.id, version.number, version.sha256, version.snapshot


def make_follow_up(db: Database, library: Library) -> FollowUp:
    """A follow-up session of the signed demo, every carried agreement still unreviewed."""
    first_id, number, sha, snapshot_text = signed_demo(db, library)
    document = copy.deepcopy(demo_document(library))
    programme = find_programme(library, FOLLOW_UP_PROGRAMME)
    session = document["session"]
    session["title"] = f"{session['title']} — een half jaar later"
    session["programme"] = FOLLOW_UP_PROGRAMME
    session["programme_steps"] = programme_steps(programme)
    document.pop("notes", None)  # the first session's step notes belong to its own steps
    follow_up = import_document(db=db, document=document)
    assert follow_up.id is not None
    with db.transaction() as s:
        s.add(
            SessionOrigin(
                session_id=follow_up.id,
                origin_session_id=first_id,
                title=str(session["title"]),
                version=number,
                fingerprint=sha,
                snapshot=snapshot_text,
            )
        )
        agreements = s.exec(
            select(Agreement)
            .where(Agreement.session_id == follow_up.id)
            .order_by(col(Agreement.position), col(Agreement.id))
        ).all()
        for agreement in agreements:
            assert agreement.id is not None
            s.add(AgreementReview(session_id=follow_up.id, agreement_id=agreement.id))
    return FollowUp(first_id, follow_up.id, number, sha)
