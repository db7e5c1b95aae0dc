"""Referral agreements in the interchange format: optional, linked by key, checked, and given back
as they came; files from before they existed import unchanged."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from worksession.domain.interchange import InterchangeError, parse_document
from worksession.domain.plan import fingerprint, plan_snapshot
from worksession.i18n import set_language
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.document import import_document, read_document
from worksession.storage.operations.session_copy import duplicate_session
from worksession.support.paths import resource_path
from worksession.workflows.demo import demo_document

DEMO: dict[str, Any] = json.loads(
    resource_path("demo", "demo-session.json").read_text(encoding="utf-8")
)


def _without_referrals() -> dict[str, Any]:
    """The full demo (every field present, as an export writes it) as it was before."""
    document = demo_document(load_library())
    return {key: value for key, value in document.items() if key != "referrals"}


def _mutated(change: Callable[[dict[str, Any]], object]) -> str:
    document = copy.deepcopy(DEMO)
    change(document)
    return json.dumps(document)


def _first(document: dict[str, Any]) -> dict[str, Any]:
    referral: dict[str, Any] = document["referrals"][0]
    return referral


def test_the_demo_has_referral_agreements_that_survive_a_round_trip(db: Database) -> None:
    assert len(DEMO["referrals"]) >= 3
    session = import_document(db=db, document=parse_document(json.dumps(DEMO)))
    assert session.id is not None
    assert read_document(db=db, session_id=session.id)["referrals"] == DEMO["referrals"]


def test_a_file_from_before_referral_agreements_imports_unchanged(db: Database) -> None:
    old = _without_referrals()
    session = import_document(db=db, document=parse_document(json.dumps(old)))
    assert session.id is not None
    document = read_document(db=db, session_id=session.id)
    assert "referrals" not in document
    assert document.pop("uuid")  # the new session's identity: the old file had none
    assert document == old
    # And its plan is fingerprinted exactly as before the field existed.
    assert fingerprint(plan_snapshot(document, 1)) == fingerprint(plan_snapshot(old, 1))


def test_an_empty_list_means_none_and_is_not_written_back(db: Database) -> None:
    document = {**_without_referrals(), "referrals": []}
    session = import_document(db=db, document=parse_document(json.dumps(document)))
    assert session.id is not None
    assert "referrals" not in read_document(db=db, session_id=session.id)


def test_left_out_fields_take_their_defaults(db: Database) -> None:
    document = {**_without_referrals(), "referrals": [{"signal": "Schulden bij een jong gezin"}]}
    session = import_document(db=db, document=parse_document(json.dumps(document)))
    assert session.id is not None
    assert read_document(db=db, session_id=session.id)["referrals"] == [
        {
            "signal": "Schulden bij een jong gezin",
            "theme": None,
            "from": None,
            "to": None,
            "contact": "",
            "feedback": False,
            "feedback_how": "",
        }
    ]


def test_a_duplicated_session_keeps_its_referral_agreements(db: Database) -> None:
    session = import_document(db=db, document=parse_document(json.dumps(DEMO)))
    assert session.id is not None
    copy_ = duplicate_session(db=db, session_id=session.id, title="Kopie")
    assert copy_.id is not None and copy_.id != session.id
    assert read_document(db=db, session_id=copy_.id)["referrals"] == DEMO["referrals"]


CASES: list[tuple[str, Callable[[dict[str, Any]], object], str]] = [
    (
        "unknown to",
        lambda d: _first(d).update(to="p-x"),
        "$.referrals[0].to: unknown key 'p-x'",
    ),
    (
        "from names a theme",
        lambda d: d["referrals"][1].update({"from": "t-eenzaamheid"}),
        "$.referrals[1].from: unknown key 't-eenzaamheid'",
    ),
    (
        "theme names a person",
        lambda d: _first(d).update(theme="p-marieke-hermans"),
        "$.referrals[0].theme: unknown key 'p-marieke-hermans'",
    ),
    (
        "refers to itself",
        lambda d: _first(d).update({"from": "p-wendy-pelzer", "to": "p-wendy-pelzer"}),
        "$.referrals[0].to: a referral cannot go to the one who refers",
    ),
    (
        "empty signal",
        lambda d: _first(d).update(signal=""),
        "$.referrals[0].signal",
    ),
    (
        "no signal",
        lambda d: _first(d).pop("signal"),
        "$.referrals[0]",
    ),
    (
        "feedback is not yes or no",
        lambda d: _first(d).update(feedback="ja"),
        "$.referrals[0].feedback",
    ),
    (
        "contact too long",
        lambda d: _first(d).update(contact="x" * 201),
        "$.referrals[0].contact",
    ),
    (
        "unknown field",
        lambda d: _first(d).update(phone="045"),
        "$.referrals[0]",
    ),
    (
        "not a list",
        lambda d: d.update(referrals={"signal": "x"}),
        "$.referrals",
    ),
]


@pytest.mark.parametrize(("change", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_bad_referral_names_its_path(
    change: Callable[[dict[str, Any]], object], expected: str
) -> None:
    set_language("en")
    with pytest.raises(InterchangeError) as caught:
        parse_document(_mutated(change))
    assert str(caught.value).startswith(expected)
    if ": " in expected:  # the links the schema cannot check: our own words
        assert str(caught.value) == expected


def test_the_message_for_a_self_referral_is_dutch_by_default() -> None:
    change = _mutated(lambda d: _first(d).update({"from": "s-welzijn", "to": "s-welzijn"}))
    with pytest.raises(InterchangeError) as caught:
        parse_document(change)
    assert caught.value.path == "$.referrals[0].to"
    assert "verwijzing" in caught.value.message
