"""One reading of roles, domains and who was in the room, for every check and list."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from worksession.domain.checks import lesson_checks
from worksession.domain.roles import CatalogueRole, RoleCatalogue, effective_domain
from worksession.domain.room import in_room, stakeholders_from_participants
from worksession.programmes.library import load_library
from worksession.workflows.demo import demo_document

LIBRARY = load_library()
ROLES = RoleCatalogue(
    CatalogueRole(role.id, role.name, role.domain) for role in LIBRARY.roles.values()
)
DEMO = demo_document(LIBRARY)


@pytest.mark.parametrize(
    ("typed", "domain"),
    [
        ("huisarts", "primary_care"),
        ("Huisarts", "primary_care"),
        ("inwoner", "residents"),
        ("Inwoners", "residents"),
        ("inwoner, mantelzorger", "residents"),
        ("POH-GGZ", "primary_care"),
        ("buurtsportcoach", "lifestyle_sport"),
        ("jeugdarts", "public_health"),
        ("wijkmanager", "social_domain"),
        ("astronaut", ""),
        ("", ""),
    ],
)
def test_a_typed_role_gets_the_catalogues_domain(typed: str, domain: str) -> None:
    assert ROLES.domain_of(typed) == domain


def test_a_given_domain_wins_over_the_role() -> None:
    assert effective_domain({"role": "huisarts", "domain": "other"}, ROLES) == "other"
    assert effective_domain({"role": "huisarts", "domain": ""}, ROLES) == "primary_care"


def _codes(document: dict[str, Any]) -> set[str]:
    return {check.code for check in lesson_checks(document, ROLES)}


def _people(*people: tuple[str, str, bool]) -> dict[str, Any]:
    """A session with only these participants (name, role, present), no domain typed."""
    document = copy.deepcopy(DEMO)
    document["participants"] = [
        {
            "key": f"p-{number}",
            "name": name,
            "organisation": "",
            "role": role,
            "domain": "",
            "email": "",
            "registration": "",
            "present": present,
        }
        for number, (name, role, present) in enumerate(people)
    ]
    document["stakeholders"], document["relations"] = [], []
    return document


def test_people_with_role_inwoner_count_as_inwoners_without_a_domain() -> None:
    residents = [(f"Inwoner {n}", "inwoner", True) for n in range(8)]
    document = _people(("Dr. Smit", "huisarts", True), *residents)
    assert "no-residents" not in _codes(document)
    # Without the catalogue the role's words still say it: one definition either way.
    assert "no-residents" not in {c.code for c in lesson_checks(document)}


def test_an_absent_huisarts_does_not_silence_the_no_gp_check() -> None:
    document = _people(("Dr. Smit", "huisarts", False), ("Mia", "inwoner", True))
    assert "no-gp" in _codes(document)
    document["participants"][0]["present"] = True
    assert "no-gp" not in _codes(document)


def test_a_huisarts_only_on_the_kaart_and_not_there_does_not_count() -> None:
    document = _people(("Mia", "inwoner", True))
    document["stakeholders"] = [
        _stakeholder("s-ha", "Huisarts", role="Huisarts", present=False, influence=5)
    ]
    assert {"no-gp", "influential-absent"} <= _codes(document)


def _stakeholder(key: str, name: str, **fields: Any) -> dict[str, Any]:
    record = {
        "key": key,
        "name": name,
        "organisation": "",
        "domain": "",
        "role": "",
        "offer": "",
        "influence": 3,
        "interest": 3,
        "present": False,
        "participant": None,
    }
    record.update(fields)
    return record


def test_an_influential_stakeholder_whose_huisarts_is_in_the_room_is_not_absent() -> None:
    document = _people(("Dr. Smit", "huisarts", True), ("Mia", "inwoner", True))
    huisarts = _stakeholder("s-ha", "Huisarts", role="Huisarts", influence=5)
    document["stakeholders"] = [huisarts]
    assert "influential-absent" not in _codes(document)
    # Linked to a participant who is there, under another name:
    linked = _stakeholder("s-p", "Praktijk De Linde", influence=5, participant="p-0")
    document["stakeholders"] = [linked]
    assert "influential-absent" not in _codes(document)
    document["participants"][0]["present"] = False
    assert {"influential-absent", "no-gp"} <= _codes(document)


def test_in_room_matches_the_organisation_of_a_present_participant() -> None:
    people = [{"key": "p-1", "organisation": "GGD Zuid-Limburg", "role": "", "present": True}]
    ggd = _stakeholder("s-ggd", "GGD", organisation="ggd  zuid-limburg")
    assert in_room(ggd, people, ROLES)
    assert not in_room(_stakeholder("s-x", "Woningcorporatie"), people, ROLES)


def test_participants_to_kaart_one_stakeholder_per_organisation_linked_and_twice_adds_nothing() -> (
    None
):
    participants = [
        {"key": "p-1", "name": "A", "organisation": "Praktijk Noord", "role": "huisarts",
         "domain": "", "present": True},
        {"key": "p-2", "name": "B", "organisation": "Praktijk Noord", "role": "POH-GGZ",
         "domain": "", "present": True},
        {"key": "p-3", "name": "C", "organisation": "Praktijk Zuid", "role": "huisarts",
         "domain": "", "present": True},
        {"key": "p-4", "name": "D", "organisation": "", "role": "inwoner",
         "domain": "", "present": True},
        {"key": "p-5", "name": "E", "organisation": "", "role": "inwoner",
         "domain": "", "present": True},
        {"key": "p-6", "name": "F", "organisation": "Gemeente", "role": "wijkmanager",
         "domain": "", "present": False},
    ]  # fmt: skip
    new = stakeholders_from_participants(participants, [], ROLES)
    assert [(s["name"], s["participant"], s["domain"]) for s in new] == [
        ("Praktijk Noord", "p-1", "primary_care"),
        ("Praktijk Zuid", "p-3", "primary_care"),
        ("Inwoners", "p-4", "residents"),
    ]
    assert all(s["present"] for s in new)
    on_kaart = [{**s, "key": f"s-{n}"} for n, s in enumerate(new)]
    assert stakeholders_from_participants(participants, on_kaart, ROLES) == []


def test_the_demo_kaart_gets_only_the_inwoners_present() -> None:
    new = stakeholders_from_participants(DEMO["participants"], DEMO["stakeholders"], ROLES)
    assert [(s["name"], s["participant"]) for s in new] == [("Inwoners", "p-mia-lenssen")]


def test_a_linked_participant_decides_whether_the_stakeholder_was_there() -> None:
    people = [{"key": "p-1", "organisation": "", "role": "huisarts", "present": False}]
    ticked = _stakeholder("s-1", "Praktijk", present=True, participant="p-1", influence=5)
    assert not in_room(ticked, people, ROLES)
    people[0]["present"] = True
    assert in_room({**ticked, "present": False}, people, ROLES)


def test_a_stakeholder_is_there_through_the_role_or_organisation_in_its_name() -> None:
    people = [
        {"key": "p-1", "organisation": "", "role": "huisarts", "present": True},
        {"key": "p-2", "organisation": "Buurtteam Oost", "role": "", "present": True},
        {"key": "p-3", "organisation": "GGD", "role": "jeugdarts", "present": False},
    ]
    assert in_room(_stakeholder("s-1", "Huisarts"), people, ROLES)  # the role, as its name
    assert in_room(_stakeholder("s-2", "buurtteam  oost"), people, ROLES)
    assert not in_room(_stakeholder("s-3", "GGD", role="jeugdarts"), people, ROLES)  # absent
    # Linked to a participant this session does not know: its own tick decides.
    assert in_room(_stakeholder("s-4", "X", participant="p-9", present=True), people, ROLES)
    assert not in_room(_stakeholder("s-5", "X", participant="p-9"), people, ROLES)
