"""Freezing versions and signing off: versions never change, decisions attach to their version."""

from __future__ import annotations

import datetime as dt

import pytest

from worksession.domain.plan import canonical_bytes, fingerprint
from worksession.domain.validation import ValidationError
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.operations.agreements import add_agreement
from worksession.storage.operations.notes import set_step_note
from worksession.storage.operations.plan import (
    freeze,
    latest_decisions,
    list_versions,
    record_decision,
    record_decisions,
    snapshot_of,
    withdraw_decisions,
)
from worksession.storage.operations.sessions import get_session, update_session
from worksession.workflows.demo import create_demo_session


@pytest.fixture
def session_id(db: Database) -> int:
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    return session.id


def _status(db: Database, session_id: int) -> str:
    return get_session(db=db, session_id=session_id).status


def test_a_frozen_version_is_its_canonical_snapshot_and_fingerprint(
    db: Database, session_id: int
) -> None:
    version = freeze(db=db, session_id=session_id)
    snapshot = snapshot_of(version)
    assert version.number == 1 and snapshot["version"] == 1
    assert version.snapshot.encode("utf-8") == canonical_bytes(snapshot)
    assert version.sha256 == fingerprint(snapshot)
    assert "notes" not in snapshot and "programme_steps" not in snapshot["session"]
    assert _status(db, session_id) == "in_review"


def test_freezing_twice_without_edits_keeps_one_version(db: Database, session_id: int) -> None:
    first = freeze(db=db, session_id=session_id)
    set_step_note(db=db, session_id=session_id, step_id="casus", text="coach only")
    assert freeze(db=db, session_id=session_id).id == first.id
    assert _status(db, session_id) == "in_review"


def test_freeze_edit_freeze_gives_version_two_and_keeps_version_one(
    db: Database, session_id: int
) -> None:
    first = freeze(db=db, session_id=session_id)
    update_session(db=db, session_id=session_id, ambition="Een nieuwe stip op de horizon")
    assert _status(db, session_id) == "draft"
    second = freeze(db=db, session_id=session_id)
    assert (second.number, second.sha256 != first.sha256) == (2, True)
    kept = list_versions(db=db, session_id=session_id)[0]
    assert (kept.snapshot, kept.sha256) == (first.snapshot, first.sha256)
    assert snapshot_of(second)["session"]["ambition"] == "Een nieuwe stip op de horizon"


def test_adding_to_a_frozen_plan_makes_the_session_a_draft_again(
    db: Database, session_id: int
) -> None:
    freeze(db=db, session_id=session_id)
    add_agreement(db=db, session_id=session_id, what="Beweegmaatje voor elke nieuwe deelnemer")
    assert _status(db, session_id) == "draft"


def test_the_version_is_signed_off_when_every_present_participant_agreed(
    db: Database, session_id: int
) -> None:
    version = freeze(db=db, session_id=session_id)
    present = [p for p in snapshot_of(version)["participants"] if p["present"]]
    absent = [p for p in snapshot_of(version)["participants"] if not p["present"]]
    record_decision(
        db=db, session_id=session_id, version=1, participant=present[0]["email"],
        decision="changes", comment="Datum van afspraak 2 klopt niet", method="email",
    )  # fmt: skip
    for person in present:
        record_decision(db=db, session_id=session_id, version=1, participant=person["key"],
                        decision="agreed")  # fmt: skip
        if person is not present[-1]:
            assert _status(db, session_id) == "in_review"
    assert _status(db, session_id) == "signed_off"
    assert version.id is not None
    decisions = latest_decisions(db=db, version_id=version.id)
    assert set(decisions) == {p["key"] for p in present}
    assert absent and absent[0]["key"] not in decisions


def test_everyone_present_agrees_at_once_and_withdrawing_takes_it_back(
    db: Database, session_id: int
) -> None:
    version = freeze(db=db, session_id=session_id)
    assert version.id is not None
    present = [p["key"] for p in snapshot_of(version)["participants"] if p["present"]]
    earlier = record_decision(
        db=db, session_id=session_id, version=1, participant=present[0], decision="changes",
        comment="Eerst de datum aanpassen",
    )  # fmt: skip
    rows = record_decisions(
        db=db, session_id=session_id, version=1, participants=present, decision="agreed"
    )
    assert [row.participant_key for row in rows] == present
    assert len({row.decided_at for row in rows}) == 1  # one moment, one action
    assert _status(db, session_id) == "signed_off"
    withdraw_decisions(db=db, session_id=session_id, decision_ids=[int(r.id or 0) for r in rows])
    assert _status(db, session_id) == "in_review"
    assert latest_decisions(db=db, version_id=version.id) == {present[0]: earlier}


def test_several_decisions_with_one_unknown_person_record_none(
    db: Database, session_id: int
) -> None:
    version = freeze(db=db, session_id=session_id)
    assert version.id is not None
    present = [p["key"] for p in snapshot_of(version)["participants"] if p["present"]]
    with pytest.raises(ValidationError, match="p-onbekend"):
        record_decisions(
            db=db, session_id=session_id, version=1, participants=[*present, "p-onbekend"],
            decision="agreed",
        )  # fmt: skip
    assert latest_decisions(db=db, version_id=version.id) == {}
    assert _status(db, session_id) == "in_review"


def test_decisions_attach_to_their_own_version(db: Database, session_id: int) -> None:
    freeze(db=db, session_id=session_id)
    update_session(db=db, session_id=session_id, location="Het buurthuis")
    second = freeze(db=db, session_id=session_id)
    person = snapshot_of(second)["participants"][0]
    when = dt.datetime(2026, 3, 20, 9, 30, tzinfo=dt.UTC)
    row = record_decision(
        db=db, session_id=session_id, version=1, participant=person["key"],
        decision="agreed", decided_at=when,
    )  # fmt: skip
    assert row.version_id == list_versions(db=db, session_id=session_id)[0].id
    assert row.decided_at == when
    assert second.id is not None and latest_decisions(db=db, version_id=second.id) == {}


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"participant": "iemand@example.nl"}, "participant"),
        ({"decision": "misschien"}, "decision"),
        ({"method": "fax"}, "method"),
        ({"decision": "changes", "comment": " "}, "comment"),
    ],
)
def test_a_bad_decision_is_refused_and_nothing_recorded(
    db: Database, session_id: int, changes: dict[str, str], path: str
) -> None:
    version = freeze(db=db, session_id=session_id)
    person = snapshot_of(version)["participants"][0]["key"]
    arguments = {"participant": person, "decision": "agreed", **changes}
    with pytest.raises(ValidationError) as caught:
        record_decision(db=db, session_id=session_id, version=1, **arguments)
    assert caught.value.path == path
    assert version.id is not None and latest_decisions(db=db, version_id=version.id) == {}
