"""What each kind of step puts on the beamer (no Qt: the slide is plain data)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

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
