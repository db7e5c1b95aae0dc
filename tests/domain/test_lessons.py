"""The cards of *Wat werkte, wat niet* grouped by obstacle, and what the beamer shows of them."""

from __future__ import annotations

from typing import Any

from worksession.domain.lessons import (
    Card,
    card_line,
    group_lessons,
    obstacle_choices,
    stored_obstacle,
)
from worksession.domain.slides import MAX_ITEMS, slide_for
from worksession.i18n import set_language

OBSTACLES = {
    "taal-tempo-cultuur": "Taal, tempo en cultuur",
    "financiering": "Financiering",
    "anders": "Anders",
}


def test_cards_group_in_the_catalogues_order_worked_first_and_anders_last() -> None:
    cards = [
        Card("hindered", "", "Griep"),
        Card("hindered", "financiering", "Geen budget"),
        Card("worked", "eigen-drempel", "Van een ander laptop"),
        Card("worked", "financiering", "Wijkbudget"),
        Card("worked", "anders", "Koffie"),
        Card("worked", "taal-tempo-cultuur", "Wijkschouw"),
    ]
    groups = group_lessons(cards, OBSTACLES)
    assert [(g.obstacle, g.name) for g in groups] == [
        ("taal-tempo-cultuur", "Taal, tempo en cultuur"),
        ("financiering", "Financiering"),
        ("eigen-drempel", "eigen-drempel"),  # unknown here: kept, under its key
        ("", "Anders"),
    ]
    assert [c.text for c in groups[1].cards] == ["Wijkbudget", "Geen budget"]
    assert [c.text for c in groups[3].cards] == ["Koffie", "Griep"]
    assert group_lessons([], OBSTACLES) == []


def test_anders_is_stored_empty_and_offered_last_even_without_a_catalogue_entry() -> None:
    set_language("en")
    assert stored_obstacle("anders") == "" and stored_obstacle("rol-ggd") == "rol-ggd"
    assert obstacle_choices(OBSTACLES)[-1] == ("", "Anders")
    assert obstacle_choices({"rol-ggd": "Rol van de GGD"}) == [
        ("rol-ggd", "Rol van de GGD"),
        ("", "Other"),
    ]


def test_a_cards_sign_tells_green_from_red_without_colour() -> None:
    assert card_line(Card("worked", "", "Korte\nlijnen")) == "+ Korte lijnen"
    assert card_line(Card("hindered", "", "Geen tijd")) == "− Geen tijd"


def _step() -> dict[str, Any]:
    beamer = "Wat hielp ons samenwerken? (groen)\nWat hield ons tegen? (rood)"
    return {"kind": "lessons", "title": "Wat werkte, wat niet?", "minutes": 15, "beamer": beamer}


def test_the_beamer_shows_one_line_per_obstacle_with_each_cards_sign() -> None:
    set_language("nl")
    document = {
        "lessons": [
            {"kind": "hindered", "obstacle": "financiering", "text": "Geen structureel budget"},
            {"kind": "worked", "obstacle": "financiering", "text": "Wijkbudget " + "lang " * 20},
            {"kind": "worked", "obstacle": "", "text": "Koffie"},
        ]
    }
    slide = slide_for(_step(), document, OBSTACLES)  # type: ignore[arg-type]
    assert slide.heading == "Wat werkte, wat niet"
    assert slide.question == ("Wat hielp ons samenwerken? (groen)", "Wat hield ons tegen? (rood)")
    first, second = slide.items
    assert first.startswith("Financiering: + Wijkbudget lang")
    assert first.endswith("… · − Geen structureel budget")
    assert second == "Anders: + Koffie"


def test_without_the_catalogue_groups_are_named_by_id_and_at_most_eight_are_listed() -> None:
    document = {
        "lessons": [{"kind": "worked", "obstacle": f"o{n}", "text": "x"} for n in range(10)]
    }
    slide = slide_for(_step(), document)  # type: ignore[arg-type]
    assert len(slide.items) == MAX_ITEMS and slide.more == 2
    assert slide.items[0] == "o0: + x"
    assert slide_for(_step(), {}).items == ()  # type: ignore[arg-type]
