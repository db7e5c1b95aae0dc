"""The borging conditions and the preparation's ticks: stored by operation, refused without a
write, carried in the document (and to a follow-up), and left out of what a plan holds."""

from __future__ import annotations

import json

import pytest

from worksession.domain.changes import Part
from worksession.domain.interchange import parse_document
from worksession.domain.plan import plan_snapshot
from worksession.domain.validation import ValidationError
from worksession.export.json_document import document_bytes
from worksession.storage.database import Database
from worksession.storage.document import import_document, read_document
from worksession.storage.operations._rows import PersonRef
from worksession.storage.operations.borging import (
    list_conditions,
    preparation_done,
    set_condition,
    set_preparation_done,
)
from worksession.storage.operations.parts import changed_by
from worksession.storage.operations.people import add_participant, remove_participant
from worksession.storage.operations.session_copy import duplicate_session
from worksession.storage.operations.sessions import create_session, get_session, update_session


def _session(db: Database) -> tuple[int, PersonRef]:
    session_id = int(create_session(db=db, title="Kaalheide").id or 0)
    person = add_participant(db=db, session_id=session_id, name="Fatima El Amrani")
    return session_id, PersonRef("participant", int(person.id or 0))


def test_a_condition_is_made_on_its_first_change_and_read_in_the_checklist_s_order(
    db: Database,
) -> None:
    session_id, fatima = _session(db)
    set_condition(db=db, session_id=session_id, kind="ambassadors", note="Twee inwoners")
    set_condition(db=db, session_id=session_id, kind="direction", state="arranged",
                  arranged_by=fatima)  # fmt: skip
    set_condition(db=db, session_id=session_id, kind="ambassadors", state="to_arrange")
    document = read_document(db=db, session_id=session_id)
    key = document["participants"][0]["key"]
    assert document["conditions"] == [
        {"kind": "direction", "state": "arranged", "arranged_by": key, "note": ""},
        {
            "kind": "ambassadors",
            "state": "to_arrange",
            "arranged_by": None,
            "note": "Twee inwoners",
        },
    ]
    assert [row.kind for row in list_conditions(db=db, session_id=session_id)] == [
        "direction",
        "ambassadors",
    ]
    changed = set_condition(db=db, session_id=session_id, kind="funding", state="arranged")
    assert changed_by(changed) == {Part.CONDITIONS}


def test_a_wrong_value_names_its_field_and_writes_nothing(db: Database) -> None:
    session_id, _fatima = _session(db)
    with pytest.raises(ValidationError, match=r"condition\.state"):
        set_condition(db=db, session_id=session_id, kind="roles", state="misschien")
    with pytest.raises(ValidationError, match=r"condition\.kind"):
        set_condition(db=db, session_id=session_id, kind="weather", state="arranged")
    other, stranger = _session(db)
    with pytest.raises(ValidationError, match=r"condition\.arranged_by"):
        set_condition(db=db, session_id=session_id, kind="roles", arranged_by=stranger)
    assert other != session_id
    assert list_conditions(db=db, session_id=session_id) == []
    assert "conditions" not in read_document(db=db, session_id=session_id)


def test_a_removed_person_leaves_the_condition_without_anyone(db: Database) -> None:
    session_id, fatima = _session(db)
    set_condition(db=db, session_id=session_id, kind="roles", arranged_by=fatima)
    remove_participant(db=db, participant_id=fatima.id)
    (row,) = read_document(db=db, session_id=session_id)["conditions"]
    assert row["arranged_by"] is None


def test_conditions_and_ticks_travel_in_the_document_and_back(db: Database) -> None:
    session_id, fatima = _session(db)
    set_condition(db=db, session_id=session_id, kind="capacity", state="not_applicable",
                  note="Uren in de begroting")  # fmt: skip
    set_condition(db=db, session_id=session_id, kind="contact_persons", arranged_by=fatima)
    set_preparation_done(db=db, session_id=session_id, item="invitations", done=True)
    set_preparation_done(db=db, session_id=session_id, item="accreditation", done=True)
    text = document_bytes(read_document(db=db, session_id=session_id)).decode()
    copy = import_document(db=db, document=parse_document(text))
    again = read_document(db=db, session_id=int(copy.id or 0))
    original = read_document(db=db, session_id=session_id)
    assert again["conditions"] == original["conditions"]
    assert again["preparation"] == ["invitations", "accreditation"]
    exported = document_bytes(read_document(db=db, session_id=int(copy.id or 0)))
    assert json.loads(exported)["conditions"] == json.loads(text)["conditions"]


def test_ticks_are_the_organiser_s_and_not_in_the_plan(db: Database) -> None:
    session_id, _fatima = _session(db)
    update_session(db=db, session_id=session_id, wijk="Kaalheide")
    before = plan_snapshot(read_document(db=db, session_id=session_id), 1)
    assert set_preparation_done(db=db, session_id=session_id, item="room", done=True) == {
        Part.PREPARATION
    }
    assert set_preparation_done(db=db, session_id=session_id, item="room", done=True) == set()
    assert preparation_done(db=db, session_id=session_id) == {"room"}
    after = plan_snapshot(read_document(db=db, session_id=session_id), 1)
    assert after == before
    set_preparation_done(db=db, session_id=session_id, item="room", done=False)
    assert preparation_done(db=db, session_id=session_id) == set()
    with pytest.raises(ValidationError, match=r"preparation\.item"):
        set_preparation_done(db=db, session_id=session_id, item=" ", done=True)


def test_a_plan_without_conditions_keeps_its_snapshot_and_one_with_them_holds_them(
    db: Database,
) -> None:
    session_id, _fatima = _session(db)
    plain = plan_snapshot(read_document(db=db, session_id=session_id), 1)
    assert "conditions" not in plain
    set_condition(db=db, session_id=session_id, kind="funding", state="arranged")
    snapshot = plan_snapshot(read_document(db=db, session_id=session_id), 1)
    assert snapshot["conditions"][0]["kind"] == "funding"
    assert get_session(db=db, session_id=session_id).status == "draft"


def test_a_copy_keeps_the_conditions_but_not_the_ticks(db: Database) -> None:
    session_id, _fatima = _session(db)
    set_condition(db=db, session_id=session_id, kind="funding", state="arranged")
    set_preparation_done(db=db, session_id=session_id, item="room", done=True)
    copy = duplicate_session(db=db, session_id=session_id, title="Kopie")
    document = read_document(db=db, session_id=int(copy.id or 0))
    assert document["conditions"][0]["state"] == "arranged"
    assert "preparation" not in document
