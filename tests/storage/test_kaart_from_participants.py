"""Participants → sociale kaart: each organisation present once, linked; twice adds nothing."""

from __future__ import annotations

from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.document import read_document
from worksession.storage.operations.people import add_participants
from worksession.storage.operations.sessions import create_session
from worksession.storage.operations.sociale_kaart import add_stakeholders_from_participants


def test_each_organisation_present_becomes_one_linked_stakeholder_and_twice_adds_nothing(
    db: Database,
) -> None:
    roles = load_library().role_catalogue()
    session = create_session(db=db, title="Kaalheide")
    assert session.id is not None
    add_participants(
        db=db,
        session_id=session.id,
        people=[
            {"name": "Dr. Smit", "organisation": "Praktijk Noord", "role": "huisarts"},
            {"name": "Els", "organisation": "Praktijk Noord", "role": "POH-GGZ"},
            {"name": "Mia", "role": "inwoner"},
            {"name": "Jan", "role": "inwoner"},
            {"name": "Piet", "organisation": "Gemeente", "present": False},
        ],
    )
    added = add_stakeholders_from_participants(db=db, session_id=session.id, roles=roles)
    document = read_document(db=db, session_id=session.id)
    kaart = {s["name"]: s for s in document["stakeholders"]}
    assert [s.name for s in added] == ["Praktijk Noord", "Inwoners"]
    assert set(kaart) == {"Praktijk Noord", "Inwoners"}
    by_key = {p["key"]: p["name"] for p in document["participants"]}
    assert by_key[kaart["Praktijk Noord"]["participant"]] == "Dr. Smit"
    assert kaart["Inwoners"]["domain"] == "residents" and kaart["Inwoners"]["present"]
    assert add_stakeholders_from_participants(db=db, session_id=session.id, roles=roles) == []
    assert len(read_document(db=db, session_id=session.id)["stakeholders"]) == 2


def test_ticking_a_participant_absent_ticks_the_stakeholders_they_stand_for(db: Database) -> None:
    from worksession.storage.operations.people import update_participant
    from worksession.storage.operations.sociale_kaart import add_stakeholder

    session = create_session(db=db, title="Kaalheide")
    assert session.id is not None
    (smit,) = add_participants(
        db=db, session_id=session.id, people=[{"name": "Dr. Smit", "role": "huisarts"}]
    )
    assert smit.id is not None
    add_stakeholder(
        db=db, session_id=session.id, name="Praktijk", present=True, participant_id=smit.id
    )
    add_stakeholder(db=db, session_id=session.id, name="GGD", present=True)
    update_participant(db=db, participant_id=smit.id, present=False)
    kaart = {
        s["name"]: s["present"] for s in read_document(db=db, session_id=session.id)["stakeholders"]
    }
    assert kaart == {"Praktijk": False, "GGD": True}
    update_participant(db=db, participant_id=smit.id, present=True)
    kaart = {
        s["name"]: s["present"] for s in read_document(db=db, session_id=session.id)["stakeholders"]
    }
    assert kaart == {"Praktijk": True, "GGD": True}
