"""What each kind of step puts on the beamer (no Qt: the slide is plain data)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from worksession.domain.conditions import empty_condition
from worksession.domain.existing_offers import CatalogueOffer, OfferCatalogue
from worksession.domain.slides import Visual, slide_for

DEMO = Path(__file__).parents[2] / "resources" / "demo" / "demo-session.json"


@pytest.fixture
def document() -> dict[str, Any]:
    return dict(json.loads(DEMO.read_text(encoding="utf-8")))


def _step(kind: str, minutes: int = 20, beamer: str = "Een vraag?") -> dict[str, Any]:
    return {"kind": kind, "title": kind.title(), "minutes": minutes, "beamer": beamer}


def test_welcome_shows_the_ambition_the_group_writes(document: dict[str, Any]) -> None:
    slide = slide_for(_step("welcome"), document)
    assert slide.question == ("Een vraag?",)
    assert slide.text == (document["session"]["ambition"],)
    assert slide.heading == "Onze ambitie"
    document["session"]["ambition"] = ""
    assert slide_for(_step("welcome"), document).text == ()


def test_casus_shows_the_text_the_room_reads_and_its_assignment(
    document: dict[str, Any],
) -> None:
    slide = slide_for(_step("casus"), document)
    casus = document["casus"]
    assert slide.heading == casus["title"]
    paragraphs = casus["text"].split("\n\n")
    assert slide.text[: len(paragraphs)] == tuple(part.strip() for part in paragraphs)
    assert slide.text[-1] == f"Opdracht: {casus['question']}"
    assert slide.items == ()  # the key figures belong to the wijkgezondheidsprofiel


def test_profile_lists_the_key_figures(document: dict[str, Any]) -> None:
    slide = slide_for(_step("profile"), document)
    assert slide.heading == "Kerncijfers"
    assert slide.items[0] == "Inwoners van 65 jaar en ouder: 2.140 (31% van 6.900 inwoners)"


def test_referral_shows_the_improvement_points_not_the_agreements(
    document: dict[str, Any],
) -> None:
    slide = slide_for(_step("referral"), document)
    assert slide.heading == "Verbeterpunten"
    assert len(slide.items) == len(document["improvements"])
    assert slide.items[0].startswith("Eenzaamheid: Huisarts en POH weten niet")
    assert not any("trekker" in item for item in slide.items)


def test_each_agreement_names_its_trekker_not_the_kartrekker(document: dict[str, Any]) -> None:
    slide = slide_for(_step("agreements"), document)
    assert slide.items[0].endswith("— trekker: Marieke Hermans")
    assert not any("kartrekker" in item for item in slide.items)


def test_the_break_counts_down_large_and_a_step_without_minutes_has_no_clock(
    document: dict[str, Any],
) -> None:
    assert slide_for(_step("break"), document).visual == Visual.COUNTDOWN
    untimed = slide_for(_step("break", minutes=0), document)
    assert untimed.visual == Visual.NONE and not untimed.timed
    assert not slide_for(_step("preparation", minutes=0), document).timed
    assert slide_for(_step("welcome", minutes=15), document).timed


CATALOGUE = OfferCatalogue(
    {
        key: CatalogueOffer(key, name, "leefstijlinterventie", themes)
        for key, name, themes in (
            ("gli", "GLI volwassenen (COOL, Beweegkuur)", ("bewegen", "overgewicht", "voeding")),
            ("buurtsportcoach", "Buurtsportcoach", ("bewegen",)),
            ("sportvereniging", "Sportvereniging", ("bewegen", "gezond-opgroeien")),
            ("beweegmakelaar", "Beweegmakelaar", ("bewegen",)),
            ("valpreventie", "Ketenaanpak valpreventie", ("valrisico",)),
        )
    },
    {"bewegen": "Bewegen en sporten", "valrisico": "Valrisico", "eenzaamheid": "Eenzaamheid"},
)


def _offering(document: dict[str, Any], key: str, *offers: str) -> None:
    stakeholder = next(s for s in document["stakeholders"] if s["key"] == key)
    stakeholder["offers"] = [{"id": offer, "name": CATALOGUE.name_of(offer)} for offer in offers]


def test_prioritising_lists_per_theme_what_the_wijk_has_beside_the_vote(
    document: dict[str, Any],
) -> None:
    step = _step("prioritising")
    assert slide_for(step, document, offers=CATALOGUE).items == ()  # the demo has no offers
    for key in ("s-fysiotherapie", "s-wijkverpleging", "s-buurtsport"):
        _offering(document, key, "gli", "buurtsportcoach", "sportvereniging", "valpreventie")
    _offering(document, "s-welzijn", "beweegmakelaar")
    slide = slide_for(step, document, offers=CATALOGUE)
    assert slide.visual == Visual.VOTES and slide.heading == "Wat er al is in de wijk"
    # Only Bewegen en valrisico finds offers; Eenzaamheid (in the catalogue, no offer) is left
    # out. The offers made for the theme come first, three of five, each with its first bringer
    # in the sociale kaart's order.
    assert slide.items == (
        "Bewegen en valrisico: Buurtsportcoach – Wijkverpleging Kaalheide e.a. · "
        "Beweegmakelaar – Welzijn Kerkrade · "
        "Ketenaanpak valpreventie – Wijkverpleging Kaalheide e.a. · + nog 2",
    )
    assert slide_for(step, document).items == ()  # no catalogue: nothing to find offers by


def test_follow_up_shows_the_borging_checklist_once_the_coach_starts_it(
    document: dict[str, Any],
) -> None:
    step = _step("follow_up")
    assert slide_for(step, document).items == ()  # the demo's checklist is untouched
    document["conditions"] = [empty_condition("funding")]  # a row, nothing filled in
    assert slide_for(step, document).items == ()
    document["conditions"] = [
        {**empty_condition("funding"), "state": "arranged", "arranged_by": "p-marieke-hermans"},
        {**empty_condition("ambassadors"), "state": "not_applicable"},
        {**empty_condition("roles"), "arranged_by": "s-ggd", "note": "een notitie"},
    ]
    slide = slide_for(step, document)
    assert slide.heading == "Borging: wat de afspraken laat duren" and slide.signed
    assert slide.items == (
        "☐  Tijd (capaciteit): nog regelen",
        "✔  Financiering: geregeld — Marieke Hermans",
        "☐  Rollen en verantwoordelijkheden: nog regelen — GGD Zuid-Limburg",
        "☐  Regie in de wijk (wie regisseert): nog regelen",
        "☐  Vaste contactpersonen: nog regelen",
        "⊘  Ambassadeurs: n.v.t.",
        "☐  Aansluiten bij bestaand overleg: nog regelen",
    )  # the note is the plan's: the room hears it from the coach
