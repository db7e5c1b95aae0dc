"""The fields of existing offers in every layer: a stakeholder's catalogue offers, what an
agreement builds on, a participant's "bel mij voor" line and e-mail consent — stored, exported
and imported equal, checked at entry, carried to the follow-up and a duplicate, and in the plan
only when set."""

from __future__ import annotations

import json

import pytest

from tests.following import make_follow_up
from worksession.domain.field_labels import user_message
from worksession.domain.interchange import InterchangeError, parse_document
from worksession.domain.plan import plan_snapshot
from worksession.domain.validation import ValidationError
from worksession.storage.database import Database
from worksession.storage.document import import_document, read_document
from worksession.storage.operations.agreements import add_agreement, update_agreement
from worksession.storage.operations.people import add_participant, update_participant
from worksession.storage.operations.session_copy import duplicate_session
from worksession.storage.operations.sessions import create_session
from worksession.storage.operations.sociale_kaart import add_stakeholder, update_stakeholder

GLI = {"id": "gli-volwassenen", "name": "GLI volwassenen"}
WOR = {"id": "welzijn-op-recept", "name": "Welzijn op Recept"}


def _session(db: Database) -> int:
    session = create_session(db=db, title="Kaalheide")
    assert session.id is not None
    return session.id


def test_the_new_fields_survive_export_and_import(db: Database) -> None:
    session_id = _session(db)
    add_participant(
        db=db, session_id=session_id, name="An", call_for="valpreventie", share_email=True
    )
    add_stakeholder(
        db=db, session_id=session_id, name="Welzijn", offers=[WOR, GLI], offer="Maatjes"
    )
    add_agreement(
        db=db,
        session_id=session_id,
        what="Verwijzen naar de beweeggroep",
        builds_on={"offer": "gli-volwassenen", "name": "GLI volwassenen", "text": ""},
    )
    document = read_document(db=db, session_id=session_id)
    assert document["participants"][0]["call_for"] == "valpreventie"
    assert document["participants"][0]["share_email"] is True
    assert document["stakeholders"][0]["offers"] == [WOR, GLI]  # in the order picked
    assert document["agreements"][0]["builds_on"] == {
        "offer": "gli-volwassenen",
        "name": "GLI volwassenen",
        "text": "",
    }
    copy = import_document(db=db, document=parse_document(json.dumps(document)))
    assert copy.id is not None
    again = read_document(db=db, session_id=copy.id)
    # The second import of one file is a copy: another session, with an identity of its own.
    assert again.pop("uuid") not in ("", document.pop("uuid"))
    assert again == document


def test_offers_are_checked_at_entry_and_nothing_is_written(db: Database) -> None:
    session_id = _session(db)
    stakeholder = add_stakeholder(db=db, session_id=session_id, name="GGD")
    assert stakeholder.id is not None
    with pytest.raises(ValidationError) as refused:
        update_stakeholder(
            db=db, stakeholder_id=stakeholder.id, offers=[{"id": "kapot id", "name": ""}]
        )
    assert refused.value.path == "stakeholder.offers"
    assert "'kapot id'" in user_message(refused.value)
    assert read_document(db=db, session_id=session_id)["stakeholders"][0]["offers"] == []
    # An offer picked twice is there once.
    update_stakeholder(db=db, stakeholder_id=stakeholder.id, offers=[GLI, GLI])
    assert read_document(db=db, session_id=session_id)["stakeholders"][0]["offers"] == [GLI]


def test_builds_on_without_offer_or_text_is_nothing(db: Database) -> None:
    session_id = _session(db)
    agreement = add_agreement(
        db=db, session_id=session_id, what="X", builds_on={"offer": None, "name": "", "text": " "}
    )
    assert agreement.id is not None
    assert read_document(db=db, session_id=session_id)["agreements"][0]["builds_on"] is None
    with pytest.raises(ValidationError) as refused:
        update_agreement(db=db, agreement_id=agreement.id, builds_on={"offer": "a b", "text": ""})
    assert refused.value.path == "agreement.builds_on"
    update_agreement(db=db, agreement_id=agreement.id, builds_on={"offer": None, "text": "MDO"})
    builds_on = read_document(db=db, session_id=session_id)["agreements"][0]["builds_on"]
    assert builds_on == {"offer": None, "name": "", "text": "MDO"}


def test_a_file_with_a_bad_offer_key_is_refused_at_its_path() -> None:
    document = {
        "format": "worksession/1",
        "session": {"title": "Kaalheide"},
        "stakeholders": [{"key": "s1", "name": "GGD", "offers": [{"id": "", "name": "x"}]}],
    }
    with pytest.raises(InterchangeError) as refused:
        parse_document(json.dumps(document))
    assert str(refused.value).startswith("$.stakeholders[0].offers[0].id")


def test_the_plan_holds_offers_and_builds_on_only_when_set(db: Database) -> None:
    session_id = _session(db)
    person = add_participant(db=db, session_id=session_id, name="An")
    stakeholder = add_stakeholder(db=db, session_id=session_id, name="GGD")
    agreement = add_agreement(db=db, session_id=session_id, what="X")
    assert person.id and stakeholder.id and agreement.id
    before = plan_snapshot(read_document(db=db, session_id=session_id), 1)
    assert "offers" not in before["stakeholders"][0]
    assert "builds_on" not in before["agreements"][0]
    # The wie-is-wie line and consent are not what participants sign.
    update_participant(db=db, participant_id=person.id, call_for="dementie", share_email=True)
    assert plan_snapshot(read_document(db=db, session_id=session_id), 1) == before

    update_stakeholder(db=db, stakeholder_id=stakeholder.id, offers=[GLI])
    update_agreement(db=db, agreement_id=agreement.id, builds_on={"offer": None, "text": "MDO"})
    after = plan_snapshot(read_document(db=db, session_id=session_id), 1)
    assert after["stakeholders"][0]["offers"] == [GLI]
    assert after["agreements"][0]["builds_on"] == {"offer": None, "name": "", "text": "MDO"}


def test_the_follow_up_and_a_duplicate_keep_them(db: Database) -> None:
    origin_id, follow_up_id = make_follow_up(db)
    first = read_document(db=db, session_id=origin_id)
    then = read_document(db=db, session_id=follow_up_id)
    assert [s["offers"] for s in then["stakeholders"]] == [
        s["offers"] for s in first["stakeholders"]
    ]
    assert [p["call_for"] for p in then["participants"]] == [
        p["call_for"] for p in first["participants"]
    ]
    session_id = _session(db)
    add_stakeholder(db=db, session_id=session_id, name="GGD", offers=[GLI])
    add_agreement(db=db, session_id=session_id, what="X", builds_on={"offer": None, "text": "MDO"})
    copy = duplicate_session(db=db, session_id=session_id, title="Kopie")
    assert copy.id is not None
    document = read_document(db=db, session_id=copy.id)
    assert document["stakeholders"][0]["offers"] == [GLI]
    assert document["agreements"][0]["builds_on"] == {"offer": None, "name": "", "text": "MDO"}
