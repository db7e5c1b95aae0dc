"""The invite list's fields in every layer: stored, exported and imported equal, checked at
entry (a BIG number is 11 digits as text), carried to the follow-up, left out of the plan."""

from __future__ import annotations

import json

import pytest

from tests.following import make_follow_up
from worksession.domain.field_labels import user_message
from worksession.domain.interchange import InterchangeError, parse_document
from worksession.domain.plan import plan_snapshot
from worksession.domain.validation import ValidationError
from worksession.domain.values import Domain, RegistrationType
from worksession.storage.database import Database
from worksession.storage.document import import_document, read_document
from worksession.storage.operations.people import (
    add_participant,
    add_participants,
    list_participants,
    update_participant,
)
from worksession.storage.operations.session_copy import duplicate_session
from worksession.storage.operations.sessions import create_session, update_session


def _session(db: Database) -> int:
    session = create_session(db=db, title="Kaalheide")
    assert session.id is not None
    return session.id


def test_the_new_fields_survive_export_and_import(db: Database) -> None:
    session_id = _session(db)
    update_session(db=db, session_id=session_id, accreditation_id="GAIA-482913")
    add_participant(
        db=db,
        session_id=session_id,
        name="Anna de Wit",
        initials="A.M.",
        registration_type="big",
        registration="01234567890",
        invitation="invited",
        present=False,
    )
    document = read_document(db=db, session_id=session_id)
    (person,) = document["participants"]
    assert (person["initials"], person["registration_type"], person["registration"]) == (
        "A.M.",
        "big",
        "01234567890",  # text: the leading zero stays
    )
    assert person["invitation"] == "invited"
    assert document["session"]["accreditation_id"] == "GAIA-482913"

    copy = import_document(db=db, document=parse_document(json.dumps(document)))
    assert copy.id is not None
    again = read_document(db=db, session_id=copy.id)
    # The second import of one file is a copy: another session, with an identity of its own.
    assert again.pop("uuid") not in ("", document.pop("uuid"))
    assert again == document


def test_a_big_number_of_the_wrong_form_is_refused_naming_the_field(db: Database) -> None:
    session_id = _session(db)
    person = add_participant(db=db, session_id=session_id, name="Bas", registration="A-12")
    assert person.id is not None
    with pytest.raises(ValidationError) as refused:
        update_participant(db=db, participant_id=person.id, registration_type="big")
    assert refused.value.path == "participant.registration"
    assert "'A-12'" in user_message(refused.value)
    assert user_message(refused.value).startswith("Registratienr.")
    for number in ("1234567890", "123456789012", "1234567890a", "１２３４５６７８９０１"):
        with pytest.raises(ValidationError):
            add_participant(
                db=db, session_id=session_id, name="C", registration_type="big", registration=number
            )
    # Nothing was written by the refusals.
    assert [p.name for p in list_participants(db=db, session_id=session_id)] == ["Bas"]
    assert list_participants(db=db, session_id=session_id)[0].registration_type == ""

    update_participant(db=db, participant_id=person.id, registration="00000000001")
    update_participant(db=db, participant_id=person.id, registration_type="big")
    assert list_participants(db=db, session_id=session_id)[0].registration == "00000000001"


def test_other_registers_take_a_short_plain_number_only(db: Database) -> None:
    session_id = _session(db)
    for number in ("123456", "KNGF-12.34", "ab12"):
        add_participant(
            db=db, session_id=session_id, name=number, registration_type="kngf", registration=number
        )
    for number in ("zie mail", "123 456", "=1+1", "1" * 21, "12--3"):
        with pytest.raises(ValidationError):
            add_participant(
                db=db, session_id=session_id, name="X", registration_type="vvn", registration=number
            )
    with pytest.raises(ValidationError):  # a whole list is refused for one wrong number
        add_participants(
            db=db,
            session_id=session_id,
            people=[
                {"name": "Goed", "registration_type": "big", "registration": "12345678901"},
                {"name": "Fout", "registration_type": "big", "registration": "123"},
            ],
        )
    assert len(list_participants(db=db, session_id=session_id)) == 3


def test_a_file_with_a_big_number_of_the_wrong_form_is_refused_at_its_path() -> None:
    document = {
        "format": "worksession/1",
        "session": {"title": "Kaalheide"},
        "participants": [
            {"key": "p1", "name": "An", "registration_type": "big", "registration": "123"}
        ],
    }
    with pytest.raises(InterchangeError) as refused:
        parse_document(json.dumps(document))
    assert str(refused.value).startswith("$.participants[0].registration: '123'")
    document["participants"][0]["invitation"] = "maybe"
    document["participants"][0]["registration"] = "12345678901"
    with pytest.raises(InterchangeError, match=r"invitation"):
        parse_document(json.dumps(document))


def test_the_plan_leaves_the_invite_list_out(db: Database) -> None:
    session_id = _session(db)
    add_participant(db=db, session_id=session_id, name="An", initials="A.", invitation="invited")
    before = read_document(db=db, session_id=session_id)
    update_session(db=db, session_id=session_id, accreditation_id="X1")
    person = list_participants(db=db, session_id=session_id)[0]
    assert person.id is not None
    update_participant(db=db, participant_id=person.id, invitation="declined", initials="B.")
    after = read_document(db=db, session_id=session_id)
    assert plan_snapshot(before, 1) == plan_snapshot(after, 1)  # the fingerprint stays too
    snapshot = plan_snapshot(after, 1)
    assert "initials" not in snapshot["participants"][0]
    assert "accreditation_id" not in snapshot["session"]


def test_the_follow_up_invites_everyone_again(db: Database) -> None:
    origin_id, follow_up_id = make_follow_up(db)
    first = read_document(db=db, session_id=origin_id)["participants"]
    then = read_document(db=db, session_id=follow_up_id)["participants"]
    assert {p["invitation"] for p in then} == {"invited"}
    assert [(p["initials"], p["registration_type"], p["registration"]) for p in then] == [
        (p["initials"], p["registration_type"], p["registration"]) for p in first
    ]


def test_a_duplicate_keeps_the_people_but_not_the_accreditation_id(db: Database) -> None:
    session_id = _session(db)
    update_session(db=db, session_id=session_id, accreditation_id="PE-77")
    add_participant(db=db, session_id=session_id, name="An", invitation="declined", present=False)
    copy = duplicate_session(db=db, session_id=session_id, title="Kopie")
    assert copy.id is not None
    document = read_document(db=db, session_id=copy.id)
    assert document["session"]["accreditation_id"] == ""
    assert document["participants"][0]["invitation"] == "declined"


def test_choices_that_share_a_value_keep_their_own_labels() -> None:
    """ "other" is a domain and a register: each keeps its label."""
    assert Domain.OTHER.source_label == "Other"
    assert Domain.UNKNOWN.source_label == "Unknown"
    assert RegistrationType.OTHER.source_label == "other register"
