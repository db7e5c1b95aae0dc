"""Removal with a snapshot and exact restore: the basis of undo for every removal."""

from __future__ import annotations

import json

from worksession.domain.models import Participant, Stakeholder, Theme
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.document import read_document
from worksession.storage.operations.people import list_participants
from worksession.storage.operations.removal import remove_with_snapshot, restore_snapshot
from worksession.storage.operations.sociale_kaart import list_stakeholders
from worksession.storage.operations.themes import list_themes
from worksession.workflows.demo import create_demo_session


def _demo(db: Database) -> int:
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    return session.id


def _canonical(db: Database, session_id: int) -> str:
    return json.dumps(read_document(db=db, session_id=session_id), sort_keys=True)


def test_removing_a_stakeholder_then_restoring_gives_back_every_link(db: Database) -> None:
    session_id = _demo(db)
    before = _canonical(db, session_id)
    document = read_document(db=db, session_id=session_id)
    # The stakeholder that leads an agreement and has relations: the hardest case.
    leads = {a["lead"] for a in document["agreements"]}
    target = next(s for s in list_stakeholders(db=db, session_id=session_id) if s.key in leads)
    assert target.id is not None
    snapshot = remove_with_snapshot(db=db, model=Stakeholder, row_id=target.id)
    after_removal = read_document(db=db, session_id=session_id)
    assert target.key not in {a["lead"] for a in after_removal["agreements"]}
    assert all(target.key not in (r["from"], r["to"]) for r in after_removal["relations"])
    restore_snapshot(db=db, snapshot=snapshot)
    assert _canonical(db, session_id) == before


def test_removing_a_participant_restores_lead_partners_werkgroep_and_kartrekker(
    db: Database,
) -> None:
    session_id = _demo(db)
    before = _canonical(db, session_id)
    kartrekker = read_document(db=db, session_id=session_id)["follow_up"]["kartrekker"]
    person = next(p for p in list_participants(db=db, session_id=session_id) if p.key == kartrekker)
    assert person.id is not None
    snapshot = remove_with_snapshot(db=db, model=Participant, row_id=person.id)
    assert read_document(db=db, session_id=session_id)["follow_up"]["kartrekker"] is None
    restore_snapshot(db=db, snapshot=snapshot)
    assert _canonical(db, session_id) == before


def test_removing_a_theme_restores_its_improvements_and_agreement_links(db: Database) -> None:
    session_id = _demo(db)
    before = _canonical(db, session_id)
    theme = next(t for t in list_themes(db=db, session_id=session_id) if t.priority)
    assert theme.id is not None
    snapshot = remove_with_snapshot(db=db, model=Theme, row_id=theme.id)
    assert len(snapshot.rows) > 1 and snapshot.cleared
    restore_snapshot(db=db, snapshot=snapshot)
    assert _canonical(db, session_id) == before
