"""Every operation that changes a session adds exactly one to its revision; a copy is a new
session with an identity of its own."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from worksession.domain.interchange import parse_document
from worksession.domain.models import Participant, Theme
from worksession.programmes.library import load_library
from worksession.storage import session_marks
from worksession.storage.database import Database
from worksession.storage.document import import_document, read_document
from worksession.storage.operations.agreements import list_agreements
from worksession.storage.operations.people import (
    add_participant,
    add_participants,
    list_participants,
    update_participant,
)
from worksession.storage.operations.plan import freeze, record_decision
from worksession.storage.operations.privacy import erase_participant
from worksession.storage.operations.progress import record_progress
from worksession.storage.operations.removal import remove_with_snapshot, restore_snapshot
from worksession.storage.operations.session_copy import duplicate_session
from worksession.storage.operations.sessions import get_session, update_session
from worksession.storage.operations.themes import list_themes, record_votes
from worksession.storage.operations.voting import add_ballot, set_vote_settings
from worksession.workflows.demo import create_demo_session


def _demo(db: Database) -> int:
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    return session.id


def _revision(db: Database, session_id: int) -> int:
    return get_session(db=db, session_id=session_id).revision


def _first_participant(db: Database, session_id: int) -> Participant:
    return list_participants(db=db, session_id=session_id)[0]


def _undo_removal(db: Database, session_id: int) -> None:
    theme = list_themes(db=db, session_id=session_id)[-1]
    snapshot = remove_with_snapshot(db=db, model=Theme, row_id=theme.id or 0)
    restore_snapshot(db=db, snapshot=snapshot)  # two operations: two more


def _decide(db: Database, session_id: int) -> None:
    version = freeze(db=db, session_id=session_id)
    before = _revision(db, session_id)
    person = next(p for p in list_participants(db=db, session_id=session_id) if p.present)
    record_decision(
        db=db,
        session_id=session_id,
        version=version.number,
        participant=person.key,
        decision="agreed",
    )
    assert _revision(db, session_id) == before + 1


# Each operation as the user runs it, and how many transactions it is.
OPERATIONS: dict[str, tuple[Callable[[Database, int], object], int]] = {
    "add a record": (lambda db, sid: add_participant(db=db, session_id=sid, name="Ans"), 1),
    "update a record": (
        lambda db, sid: update_participant(
            db=db, participant_id=_first_participant(db, sid).id or 0, role="wijkagent"
        ),
        1,
    ),
    "update the session": (lambda db, sid: update_session(db=db, session_id=sid, wijk="Oost"), 1),
    "remove and undo": (_undo_removal, 2),
    "votes": (
        lambda db, sid: record_votes(
            db=db, session_id=sid, votes={list_themes(db=db, session_id=sid)[0].id or 0: 3}
        ),
        1,
    ),
    "vote settings, then a ballot": (
        lambda db, sid: (
            set_vote_settings(db=db, session_id=sid, entry="ballots"),
            add_ballot(db=db, session_id=sid),
        ),
        2,
    ),
    "freeze": (lambda db, sid: freeze(db=db, session_id=sid), 1),
    "freeze, then a decision": (_decide, 2),
    "progress": (
        lambda db, sid: record_progress(
            db=db,
            session_id=sid,
            agreement_key=list_agreements(db=db, session_id=sid)[0].key,
            status="in_progress",
        ),
        1,
    ),
    "erasure": (
        lambda db, sid: erase_participant(
            db=db, participant_id=_first_participant(db, sid).id or 0
        ),
        1,
    ),
    "import of people": (
        lambda db, sid: add_participants(
            db=db, session_id=sid, people=[{"name": "Bea"}, {"name": "Cor"}]
        ),
        1,
    ),
}


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_each_operation_adds_one_per_transaction(db: Database, name: str) -> None:
    session_id = _demo(db)
    before = _revision(db, session_id)
    operation, transactions = OPERATIONS[name]
    operation(db, session_id)
    assert _revision(db, session_id) == before + transactions


def test_a_new_session_starts_at_one_and_reading_changes_nothing(db: Database) -> None:
    session_id = _demo(db)
    assert _revision(db, session_id) == 1
    read_document(db=db, session_id=session_id)
    list_participants(db=db, session_id=session_id)
    with db.transaction():
        pass  # a transaction that writes nothing
    assert _revision(db, session_id) == 1


@pytest.mark.parametrize("returning", [True, False], ids=["returning", "older-sqlite"])
def test_an_operation_returns_the_new_revision_and_its_note(
    db: Database, returning: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Also where SQLite is older than 3.35 and has no RETURNING: the same marks, read back."""
    monkeypatch.setattr(session_marks, "RETURNS", returning)
    session_id = _demo(db)
    changed = update_session(db=db, session_id=session_id, coach="Rik")
    stored = get_session(db=db, session_id=session_id)
    assert changed.revision == 2 == stored.revision
    assert (changed.changed_by, changed.last_change) == (stored.changed_by, stored.last_change)
    assert stored.last_change == "the session details"


def test_a_copy_is_another_session_with_a_new_identity(db: Database) -> None:
    session_id = _demo(db)
    original = get_session(db=db, session_id=session_id)
    copy = duplicate_session(db=db, session_id=session_id, title="Kopie")
    assert len(copy.uuid) == 36 and copy.uuid != original.uuid
    assert copy.revision == 1
    document = read_document(db=db, session_id=session_id)
    assert document["uuid"] == original.uuid
    again = import_document(db=db, document=parse_document(json.dumps(document)))
    assert again.uuid not in (original.uuid, copy.uuid)  # the file's identity is taken here


def test_an_identity_travels_to_another_database(db: Database, tmp_path: object) -> None:
    from pathlib import Path

    from worksession.storage.opening import open_database

    session_id = _demo(db)
    document = read_document(db=db, session_id=session_id)
    assert isinstance(tmp_path, Path)
    other = open_database(tmp_path / "other.sqlite3")
    try:
        arrived = import_document(db=other, document=parse_document(json.dumps(document)))
    finally:
        other.close()
    assert arrived.uuid == document["uuid"]


def test_a_document_with_a_malformed_identity_is_refused() -> None:
    from worksession.domain.interchange import InterchangeError

    text = json.dumps({"format": "worksession/1", "session": {"title": "T"}, "uuid": "1; DROP"})
    with pytest.raises(InterchangeError, match=r"\$\.uuid"):
        parse_document(text)
