"""The plain values behind the *wie is wie* and the factsheet: who is listed and how they are
grouped, that an e-mail is shared only with the tick, how offers are read, and lesson 8 (the GGD
or the gemeente in the room without an offer)."""

from __future__ import annotations

from typing import Any, cast

import pytest

from tests.export.demo_document import demo_document
from tests.export.people_documents import CATALOGUE, people_document
from worksession.domain.checks import lesson_checks
from worksession.domain.factsheet import UnknownStakeholder, factsheet, offer_entries
from worksession.domain.interchange import Document
from worksession.domain.public_partners import PublicPartner, public_partner
from worksession.domain.roles import RoleCatalogue
from worksession.domain.who_is_who import who_is_who
from worksession.i18n import speaking


def test_everyone_but_who_declined_grouped_by_organisation_inwoners_last() -> None:
    with speaking("nl"):
        sheet = who_is_who(cast(Document, people_document()))
    titles = [group.title for group in sheet.groups]
    assert titles[0] == "Fysiotherapie Kaalheide" and titles[-1] == "Inwoners"
    assert titles[:-1] == sorted(titles[:-1], key=str.casefold)
    names = [person.name for person in sheet.people]
    assert "Sanne Vliegen" not in names  # she declined
    practice = next(g for g in sheet.groups if g.title == "Huisartsenpraktijk Kaalheide")
    assert [p.name for p in practice.people] == ["Ingrid Coenen", "Marieke Hermans"]


def test_an_email_is_on_the_sheet_only_with_the_tick() -> None:
    document = people_document()
    sheet = who_is_who(cast(Document, document))
    emails = {person.name: person.email for person in sheet.people}
    assert emails["Lotte Dassen"] == "lotte.dassen@ggdzl.invalid"  # ticked
    assert emails["Marieke Hermans"] == ""  # an address, not ticked
    for participant in document["participants"]:
        participant["share_email"] = "yes"  # anything but true is no
    assert {p.email for p in who_is_who(cast(Document, document)).people} == {""}


def test_a_document_without_the_new_keys_reads_with_defaults() -> None:
    sheet = who_is_who(demo_document())  # no call_for, no share_email
    assert sheet.people and {(p.call_for, p.email) for p in sheet.people} == {("", "")}
    assert factsheet(demo_document(), "s-ggd").offers == ()


def test_same_organisation_typed_twice_is_one_group_and_accents_sort_as_letters() -> None:
    document = people_document()
    people = document["participants"]
    people[0]["organisation"] = "huisartsenpraktijk  kaalheide"
    people[3]["name"] = "Émile Arts"
    sheet = who_is_who(cast(Document, document))
    practices = [g for g in sheet.groups if g.title.casefold() == "huisartsenpraktijk kaalheide"]
    assert len(practices) == 1 and len(practices[0].people) == 2
    thuiszorg = next(g for g in sheet.groups if g.title.startswith("Thuiszorg"))
    assert thuiszorg.people[0].name == "Émile Arts"


def test_the_factsheet_reads_offers_as_ids_or_with_names() -> None:
    assert offer_entries({"offers": ["gli", {"id": "lesa", "name": "LESA"}, {"key": "x"}]}) == [
        ("gli", ""),
        ("lesa", "LESA"),
        ("x", ""),
    ]
    assert offer_entries({"offers": None}) == [] and offer_entries({}) == []


def test_the_factsheet_of_the_ggd_has_its_offer_described_and_its_contact() -> None:
    sheet = factsheet(cast(Document, people_document()), "s-ggd", CATALOGUE)
    (offer,) = sheet.offers
    assert offer.known and offer.description.startswith("Cijfers over de gezondheid")
    assert offer.themes == ("Eenzaamheid", "Bewegen en sporten")
    assert sheet.own_offer.startswith("Levert wijkcijfers")
    (contact,) = sheet.contacts
    assert contact.name == "Lotte Dassen" and contact.email == "lotte.dassen@ggdzl.invalid"
    assert contact.call_for == "cijfers over de wijk en wat bewezen werkt"


def test_an_offer_the_catalogue_lacks_keeps_its_stored_name() -> None:
    sheet = factsheet(cast(Document, people_document()), "s-ggd", {})
    assert [(o.name, o.known) for o in sheet.offers] == [
        ("Wijkgezondheidsprofiel / ROS-wijkscan", False)
    ]


def test_the_contact_without_the_tick_has_no_email() -> None:
    sheet = factsheet(cast(Document, people_document()), "s-huisartsenpraktijk", CATALOGUE)
    assert [(c.name, c.email) for c in sheet.contacts] == [("Marieke Hermans", "")]
    assert factsheet(cast(Document, people_document()), "s-apotheek").contacts == ()


def test_an_unknown_stakeholder_is_named() -> None:
    with pytest.raises(UnknownStakeholder, match=r"'s-nope'.*s-ggd"):
        factsheet(demo_document(), "s-nope")


# --- lesson 8 -------------------------------------------------------------------------------


def _codes(document: dict[str, Any]) -> set[str]:
    return {check.code for check in lesson_checks(cast(Document, document))}


def _stakeholder(document: dict[str, Any], key: str) -> dict[str, Any]:
    return cast(dict[str, Any], next(s for s in document["stakeholders"] if s["key"] == key))


def test_the_demo_ggd_and_gemeente_have_an_offer() -> None:
    assert not _codes(demo_document()) & {"ggd-without-offer", "gemeente-without-offer"}


@pytest.mark.parametrize(("key", "code"), [("s-ggd", "ggd"), ("s-gemeente", "gemeente")])
def test_present_without_an_offer_is_a_point_of_attention(key: str, code: str) -> None:
    document = demo_document()
    stakeholder = _stakeholder(document, key)
    stakeholder["offer"] = "  "
    with speaking("nl"):
        checks = [c for c in lesson_checks(document) if c.code == f"{code}-without-offer"]
    assert [check.key for check in checks] == [key]
    assert checks[0].message.startswith(f"Wat kan de {code.upper() if code == 'ggd' else code}")
    assert stakeholder["name"] in checks[0].message
    stakeholder["offers"] = ["wijkgezondheidsprofiel"]  # a catalogue offer is an offer
    assert f"{code}-without-offer" not in _codes(document)


def test_absent_without_an_offer_is_no_lesson_8_notice() -> None:
    document = demo_document()
    ggd = _stakeholder(document, "s-ggd")
    ggd["offer"] = ""
    for person in document["participants"]:
        if person["key"] == ggd["participant"]:
            person["present"] = False
    assert "ggd-without-offer" not in _codes(document)


def test_who_is_the_ggd_or_the_gemeente() -> None:
    roles = RoleCatalogue()
    assert public_partner({"name": "GGD Hollands Noorden"}, roles) is PublicPartner.GGD
    assert public_partner({"name": "Gemeente Kerkrade"}, roles) is PublicPartner.GEMEENTE
    jgz = {"name": "Jeugdgezondheidszorg", "organisation": "GGD ZL", "domain": "public_health"}
    assert public_partner(jgz, roles) is PublicPartner.GGD
    sport = {
        "name": "Buurtsportcoach Kaalheide",
        "organisation": "Gemeente Kerkrade, team Sport",
        "domain": "lifestyle_sport",
    }
    assert public_partner(sport, roles) is None  # of the gemeente, but not the gemeente
    assert public_partner({"name": "Centrum voor Jeugd en Gezin"}, roles) is None
    assert public_partner({"name": "Ggdbuurt"}, roles) is None  # a word, not a part of one


def test_a_ggd_present_with_no_stakeholder_on_the_kaart_has_no_offer_either() -> None:
    document = demo_document()
    document["stakeholders"] = [s for s in document["stakeholders"] if s["key"] != "s-ggd"]
    document["relations"] = []
    with speaking("nl"):
        checks = [c for c in lesson_checks(document) if c.code == "ggd-without-offer"]
    assert [(check.key, check.message) for check in checks] == [
        (
            None,
            "Wat kan de GGD betekenen? GGD Zuid-Limburg is erbij, maar heeft nog geen aanbod "
            "op de sociale kaart.",
        )
    ]
    for person in document["participants"]:
        if person["organisation"] == "GGD Zuid-Limburg":
            person["present"] = False
    assert "ggd-without-offer" not in _codes(cast(dict[str, Any], document))
