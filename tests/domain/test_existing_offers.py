"""What already exists per theme and who offers it, and lesson 7's point of attention: a
priority with existing offers that no agreement builds on."""

from __future__ import annotations

from typing import Any

from worksession.domain.checks import lesson_checks, unused_offer_checks
from worksession.domain.existing_offers import (
    CatalogueOffer,
    OfferCatalogue,
    catalogue_themes,
    existing_offers,
)
from worksession.i18n import set_language

CATALOGUE = OfferCatalogue(
    {
        "gli": CatalogueOffer("gli", "GLI volwassenen", "leefstijlinterventie", ("overgewicht",)),
        "val": CatalogueOffer(
            "val", "Ketenaanpak valpreventie", "samenwerkingsvorm", ("valrisico",)
        ),
        "bsc": CatalogueOffer("bsc", "Buurtsportcoach", "samenwerkingsvorm", ("bewegen",)),
    },
    {
        "overgewicht": "Overgewicht en obesitas",
        "valrisico": "Valrisico en valpreventie",
        "bewegen": "Bewegen en sporten",
        "eenzaamheid": "Eenzaamheid",
    },
)


def _document(**agreement: Any) -> dict[str, Any]:
    return {
        "format": "worksession/1",
        "session": {"title": "Kaalheide"},
        "stakeholders": [
            {"key": "s-fysio", "name": "Fysio", "offers": [{"id": "val", "name": "Val"}]},
            {
                "key": "s-sport",
                "name": "Sportbedrijf",
                "offers": [{"id": "bsc", "name": "BSC"}, {"id": "val", "name": "Val"}],
            },
            # An offer this laptop's catalogue lacks: still the stakeholder's, no theme's.
            {"key": "s-x", "name": "X", "offers": [{"id": "elders", "name": "Elders"}]},
        ],
        "themes": [
            {"key": "t-bewegen-valrisico", "title": "Bewegen en valrisico", "priority": True},
            {"key": "t-1", "title": "Eenzaamheid", "priority": True},
        ],
        "agreements": [{"key": "a-1", "what": "X", "theme": "t-bewegen-valrisico", **agreement}],
        "follow_up": {"kartrekker": "s-fysio"},
    }


def test_a_theme_finds_the_catalogue_themes_by_title_or_id() -> None:
    assert catalogue_themes({"title": "Bewegen en valrisico"}, CATALOGUE) == {
        "bewegen",
        "valrisico",
    }
    assert catalogue_themes({"title": "valrisico en valpreventie"}, CATALOGUE) == {"valrisico"}
    assert catalogue_themes({"key": "t-overgewicht", "title": "Gewicht"}, CATALOGUE) == {
        "overgewicht"
    }
    # A word inside another word is not the theme.
    assert catalogue_themes({"title": "Onbewegelijk"}, CATALOGUE) == frozenset()


def test_existing_offers_per_theme_say_who_brings_them() -> None:
    document = _document()
    theme = document["themes"][0]
    found = existing_offers(theme, document["stakeholders"], CATALOGUE)
    assert [(offer.name, offer.by) for offer in found] == [
        ("Ketenaanpak valpreventie", ("Fysio", "Sportbedrijf")),
        ("Buurtsportcoach", ("Sportbedrijf",)),
    ]
    assert existing_offers(document["themes"][1], document["stakeholders"], CATALOGUE) == []


def test_lesson_7_names_a_priority_whose_offers_no_agreement_builds_on() -> None:
    set_language("en")
    (check,) = unused_offer_checks(_document(), CATALOGUE)
    assert (check.code, check.key) == ("priority-ignores-existing-offers", "t-bewegen-valrisico")
    assert "Ketenaanpak valpreventie, Buurtsportcoach" in check.message
    built = _document(builds_on={"offer": "val", "name": "Ketenaanpak valpreventie", "text": ""})
    assert unused_offer_checks(built, CATALOGUE) == []
    # Free text names an existing meeting just as well.
    assert unused_offer_checks(_document(builds_on={"offer": None, "text": "MDO"}), CATALOGUE) == []
    # No catalogue (an older caller): no notice.
    codes = [c.code for c in lesson_checks(_document())]
    assert "priority-ignores-existing-offers" not in codes
    codes = [c.code for c in lesson_checks(_document(), offers=CATALOGUE)]
    assert "priority-ignores-existing-offers" in codes


def test_a_theme_that_is_no_priority_needs_nothing() -> None:
    document = _document()
    document["themes"][0]["priority"] = False
    assert unused_offer_checks(document, CATALOGUE) == []
