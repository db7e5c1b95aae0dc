"""Operations on referral agreements: validated before any write, linked to people of the same
session only, and removed so that undo puts them back with every link."""

from __future__ import annotations

from typing import Any

import pytest

from worksession.domain.models import Participant, Referral, Stakeholder, Theme
from worksession.domain.validation import ValidationError
from worksession.storage.database import Database
from worksession.storage.document import read_document
from worksession.storage.errors import NotFound
from worksession.storage.operations._rows import PersonRef
from worksession.storage.operations.people import add_participant
from worksession.storage.operations.plan import freeze
from worksession.storage.operations.referrals import (
    add_referral,
    list_referrals,
    referral_source,
    referral_target,
    remove_referral,
    update_referral,
)
from worksession.storage.operations.removal import remove_with_snapshot, restore_snapshot
from worksession.storage.operations.sessions import create_session, get_session
from worksession.storage.operations.sociale_kaart import add_stakeholder
from worksession.storage.operations.themes import add_theme


def _key(db: Database, person: PersonRef) -> str:
    """A participant's key: opaque, so read back rather than spelled out."""
    with db.reading() as s:
        row = s.get(Participant, person.id)
        assert row is not None
        return row.key


def _id(row: Any) -> int:
    assert row.id is not None
    return int(row.id)


@pytest.fixture
def session_id(db: Database) -> int:
    return _id(create_session(db=db, title="Gezond ouder worden", wijk="Kaalheide"))


@pytest.fixture
def huisarts(db: Database, session_id: int) -> PersonRef:
    row = add_participant(db=db, session_id=session_id, name="Marieke Hermans", role="huisarts")
    return PersonRef("participant", _id(row))


@pytest.fixture
def welzijn(db: Database, session_id: int) -> PersonRef:
    return PersonRef(
        "stakeholder", _id(add_stakeholder(db=db, session_id=session_id, name="Welzijn"))
    )


def test_a_referral_agreement_is_stored_with_both_ends_and_in_order(
    db: Database, session_id: int, huisarts: PersonRef, welzijn: PersonRef
) -> None:
    first = add_referral(
        db=db,
        session_id=session_id,
        signal="Eenzaamheid bij een oudere patiënt",
        source=huisarts,
        target=welzijn,
        contact=" Wendy Pelzer, 045 123 45 67 ",
        feedback=True,
        feedback_how="Terugkoppeling per mail binnen 2 weken",
    )
    second = add_referral(db=db, session_id=session_id, signal="Geldzorgen")
    assert (referral_source(first), referral_target(first)) == (huisarts, welzijn)
    assert first.contact == "Wendy Pelzer, 045 123 45 67"  # short text is trimmed
    assert (referral_source(second), referral_target(second)) == (None, None)
    assert [r.signal for r in list_referrals(db=db, session_id=session_id)] == [
        "Eenzaamheid bij een oudere patiënt",
        "Geldzorgen",
    ]
    assert read_document(db=db, session_id=session_id)["referrals"][0] == {
        "signal": "Eenzaamheid bij een oudere patiënt",
        "theme": None,
        "from": _key(db, huisarts),
        "to": "s-welzijn",
        "contact": "Wendy Pelzer, 045 123 45 67",
        "feedback": True,
        "feedback_how": "Terugkoppeling per mail binnen 2 weken",
    }


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"signal": "  "}, "referral.signal"),
        ({"signal": "x", "contact": "x" * 201}, "referral.contact"),
        ({"signal": "x", "feedback": "ja"}, "referral.feedback"),
        ({"signal": "x", "feedback_how": "x" * 10_001}, "referral.feedback_how"),
    ],
)
def test_bad_values_are_refused_naming_the_field_and_nothing_is_written(
    db: Database, session_id: int, fields: dict[str, object], path: str
) -> None:
    before = get_session(db=db, session_id=session_id).updated_at
    with pytest.raises(ValidationError) as caught:
        add_referral(db=db, session_id=session_id, **fields)  # type: ignore[arg-type]
    assert caught.value.path == path
    assert list_referrals(db=db, session_id=session_id) == []
    assert get_session(db=db, session_id=session_id).updated_at == before


def test_nobody_refers_to_themselves(
    db: Database, session_id: int, huisarts: PersonRef, welzijn: PersonRef
) -> None:
    with pytest.raises(ValidationError) as caught:
        add_referral(db=db, session_id=session_id, signal="x", source=huisarts, target=huisarts)
    assert caught.value.path == "referral.target"
    referral = add_referral(db=db, session_id=session_id, signal="x", source=huisarts)
    with pytest.raises(ValidationError):
        update_referral(db=db, referral_id=_id(referral), target=huisarts)
    update_referral(db=db, referral_id=_id(referral), target=welzijn)
    with pytest.raises(ValidationError):  # the other end moved onto the same person
        update_referral(db=db, referral_id=_id(referral), source=welzijn)
    (stored,) = list_referrals(db=db, session_id=session_id)
    assert (referral_source(stored), referral_target(stored)) == (huisarts, welzijn)


def test_people_and_themes_of_another_session_cannot_be_linked(
    db: Database, session_id: int
) -> None:
    other = _id(create_session(db=db, title="Elders"))
    stranger = PersonRef("participant", _id(add_participant(db=db, session_id=other, name="X")))
    theme = _id(add_theme(db=db, session_id=other, title="Elders"))
    with pytest.raises(ValidationError) as caught:
        add_referral(db=db, session_id=session_id, signal="x", target=stranger)
    assert caught.value.path == "referral.target"
    with pytest.raises(ValidationError) as caught:
        add_referral(db=db, session_id=session_id, signal="x", theme_id=theme)
    assert caught.value.path == "referral.theme"
    with pytest.raises(ValidationError) as caught:
        add_referral(db=db, session_id=session_id, signal="x", source=PersonRef("stakeholder", 999))
    assert caught.value.path == "referral.source"
    assert list_referrals(db=db, session_id=session_id) == []


def test_changing_a_referral_changes_only_what_is_given(
    db: Database, session_id: int, huisarts: PersonRef, welzijn: PersonRef
) -> None:
    theme = _id(add_theme(db=db, session_id=session_id, title="Eenzaamheid"))
    referral = add_referral(
        db=db, session_id=session_id, signal="x", source=huisarts, target=welzijn, theme_id=theme
    )
    update_referral(db=db, referral_id=_id(referral), feedback=True, contact="Wendy")
    (stored,) = list_referrals(db=db, session_id=session_id)
    assert (stored.feedback, stored.contact, stored.theme_id) == (True, "Wendy", theme)
    assert (referral_source(stored), referral_target(stored)) == (huisarts, welzijn)
    update_referral(db=db, referral_id=_id(referral), source=None, theme_id=None)
    (stored,) = list_referrals(db=db, session_id=session_id)
    assert (referral_source(stored), referral_target(stored), stored.theme_id) == (
        None,
        welzijn,
        None,
    )
    with pytest.raises(ValidationError) as caught:
        update_referral(db=db, referral_id=_id(referral), colour="rood")
    assert caught.value.path == "referral.colour"
    with pytest.raises(NotFound):
        update_referral(db=db, referral_id=999, feedback=True)


def test_a_change_makes_a_frozen_plan_a_draft_again(db: Database, session_id: int) -> None:
    freeze(db=db, session_id=session_id)
    assert get_session(db=db, session_id=session_id).status != "draft"
    add_referral(db=db, session_id=session_id, signal="Vallen")
    assert get_session(db=db, session_id=session_id).status == "draft"


def test_removing_a_referral_and_undoing_gives_it_back(
    db: Database, session_id: int, huisarts: PersonRef, welzijn: PersonRef
) -> None:
    add_referral(db=db, session_id=session_id, signal="Eerste", source=huisarts)
    second = add_referral(
        db=db, session_id=session_id, signal="Tweede", source=huisarts, target=welzijn
    )
    before = read_document(db=db, session_id=session_id)
    snapshot = remove_with_snapshot(db=db, model=Referral, row_id=_id(second))
    assert [r["signal"] for r in read_document(db=db, session_id=session_id)["referrals"]] == [
        "Eerste"
    ]
    restore_snapshot(db=db, snapshot=snapshot)
    assert read_document(db=db, session_id=session_id) == before
    remove_referral(db=db, referral_id=_id(second))
    assert len(list_referrals(db=db, session_id=session_id)) == 1


def test_removing_a_person_or_theme_clears_the_link_and_undo_restores_it(
    db: Database, session_id: int, huisarts: PersonRef, welzijn: PersonRef
) -> None:
    theme = _id(add_theme(db=db, session_id=session_id, title="Eenzaamheid"))
    add_referral(
        db=db, session_id=session_id, signal="x", source=huisarts, target=welzijn, theme_id=theme
    )
    before = read_document(db=db, session_id=session_id)
    for model, row_id in ((Participant, huisarts.id), (Stakeholder, welzijn.id), (Theme, theme)):
        snapshot = remove_with_snapshot(db=db, model=model, row_id=row_id)
        (referral,) = read_document(db=db, session_id=session_id)["referrals"]
        assert referral["signal"] == "x"  # the agreement stays, without that link
        assert None in (referral["from"], referral["to"], referral["theme"])
        restore_snapshot(db=db, snapshot=snapshot)
        assert read_document(db=db, session_id=session_id) == before
