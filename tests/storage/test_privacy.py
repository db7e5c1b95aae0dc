"""Erasing a person: gone from the session, blanked in decisions, the signed plan unchanged."""

from __future__ import annotations

import re

from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.document import read_document
from worksession.storage.operations.people import list_participants
from worksession.storage.operations.plan import (
    decisions,
    freeze,
    list_versions,
    record_decision,
)
from worksession.storage.operations.privacy import erase_participant
from worksession.workflows.demo import create_demo_session


def test_erasing_a_person_keeps_only_that_someone_agreed(db: Database) -> None:
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    version = freeze(db=db, session_id=session.id)
    person = next(
        p for p in list_participants(db=db, session_id=session.id) if p.key == "p-jan-houben"
    )
    record_decision(
        db=db,
        session_id=session.id,
        version=1,
        participant=person.key,
        decision="changes",
        comment="Mijn vrouw wil niet genoemd worden",
    )
    assert person.id is not None
    erasure = erase_participant(db=db, participant_id=person.id)
    assert (erasure.name, erasure.decisions_blanked, erasure.in_frozen_versions) == (
        "Jan Houben",
        1,
        1,
    )
    document = read_document(db=db, session_id=session.id)
    assert "Jan Houben" not in str(document) and "jan.houben" not in str(document).lower()
    assert version.id is not None
    (decision,) = decisions(db=db, version_id=version.id)
    assert (decision.participant_name, decision.comment) == ("", "")
    # The key was made from the name: the decision keeps one that says nothing.
    assert decision.decision == "changes"
    assert re.fullmatch(r"p-[0-9a-f]{8}", decision.participant_key)
    assert decision.participant_key not in {
        p.key for p in list_participants(db=db, session_id=session.id)
    }
    assert list_versions(db=db, session_id=session.id)[0].sha256 == version.sha256
