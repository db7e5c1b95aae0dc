"""The plan states how the group voted (names only when the vote is named) and, in its appendix,
the schedule as it ran; the summary says the same. Renders stay byte-identical and verifiable."""

from __future__ import annotations

import copy
import io
import re
from typing import Any

from pypdf import PdfReader

from worksession.domain.plan import fingerprint, plan_snapshot
from worksession.export.pdf.payload import PlanPayload
from worksession.export.pdf.plan import render_plan
from worksession.export.pdf.verify import verify_plan
from worksession.export.summary import summary_text

DOCUMENT: dict[str, Any] = {
    "format": "worksession/1",
    "session": {
        "title": "Werksessie Kaalheide",
        "wijk": "Kaalheide",
        "gemeente": "Kerkrade",
        "date": "2026-03-12",
        "location": "Buurthuis",
        "coach": "Hanneke Vos",
        "variant": "nhg_coach",
        "accredited": True,
        "programme": "samenwerken-in-de-wijk",
        "programme_steps": [
            {"id": "voorbereiding", "title": "Voorbereiding", "kind": "preparation", "minutes": 0},
            {"id": "welkom", "title": "Welkom & doel", "kind": "welcome", "minutes": 15},
            {"id": "prioriteren", "title": "Prioriteren", "kind": "prioritising", "minutes": 20},
        ],
        "ambition": "Gezond oud worden in de wijk.",
    },
    "casus": {"title": "", "text": "", "question": "", "figures": [], "insights": []},
    "participants": [
        {
            "key": key,
            "name": name,
            "organisation": "",
            "role": "",
            "domain": "",
            "email": "",
            "registration": "",
            "present": present,
        }
        for key, name, present in (
            ("p-anna", "Anna Stemmer", True),
            ("p-bram", "Bram Kiezer", True),
            ("p-chantal", "Chantal Afwezig", False),
        )
    ],
    "stakeholders": [],
    "relations": [],
    "themes": [
        {
            "key": key,
            "title": title,
            "target_group": "",
            "why": "",
            "votes": votes,
            "rank": rank,
            "priority": priority,
        }
        for key, title, votes, rank, priority in (
            ("t-bewegen", "Bewegen", 4, 1, True),
            ("t-eenzaam", "Eenzaamheid", 4, 1, True),
            ("t-schuld", "Schulden", 2, 3, False),
        )
    ],
    "improvements": [],
    "agreements": [],
    "follow_up": {
        "kartrekker": None,
        "werkgroep": [],
        "next_meeting": None,
        "evaluation": None,
        "funding": "",
    },
    "notes": {},
    "evaluation": {"went_well": "", "to_improve": "", "score": None},
    "voting": {
        "mode": "dots",
        "entry": "ballots",
        "per_person": 5,
        "cap": None,
        "anonymous": False,
        "voters": None,
        "tie_break": ["t-eenzaam"],
        "ballots": [
            {"participant": "p-anna", "counts": {"t-eenzaam": 3, "t-schuld": 2}},
            {"participant": "p-bram", "counts": {"t-bewegen": 4, "t-eenzaam": 1}},
        ],
    },
    "schedule": {
        "start_time": "13:30",
        "steps": [
            {
                "step": "welkom",
                "actual_seconds": 18 * 60,
                "extra_minutes": 3,
                "started_at": None,
                "finished_at": None,
            },
            {
                "step": "prioriteren",
                "actual_seconds": 19 * 60 + 40,
                "extra_minutes": 0,
                "started_at": None,
                "finished_at": None,
            },
        ],
    },
}


def _anonymous() -> dict[str, Any]:
    document = copy.deepcopy(DOCUMENT)
    document["voting"]["anonymous"] = True
    return document


def _pdf(document: dict[str, Any]) -> bytes:
    snapshot = plan_snapshot(document, 1)
    return render_plan(PlanPayload(snapshot, fingerprint(snapshot), signed_off=False))


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_the_snapshot_keeps_the_method_and_the_named_ballots() -> None:
    voting = plan_snapshot(DOCUMENT, 1)["voting"]
    assert voting == {
        "mode": "dots",
        "entry": "ballots",
        "per_person": 5,
        "cap": None,
        "anonymous": False,
        "voters": 2,
        "eligible": 2,
        "order": ["t-eenzaam", "t-bewegen", "t-schuld"],
        "ties": [["t-eenzaam", "t-bewegen"]],
        "unresolved": [],
        "ballots": DOCUMENT["voting"]["ballots"],
    }


def test_an_anonymous_vote_keeps_no_ballots_and_no_names_in_the_snapshot() -> None:
    voting = plan_snapshot(_anonymous(), 1)["voting"]
    assert "ballots" not in voting
    assert "p-anna" not in str(voting)


def test_the_snapshot_keeps_planned_and_actual_time_but_not_the_programme() -> None:
    snapshot = plan_snapshot(DOCUMENT, 1)
    assert "programme_steps" not in snapshot["session"]
    assert snapshot["schedule"] == {
        "start_time": "13:30",
        "steps": [
            {
                "step": "welkom",
                "title": "Welkom & doel",
                "planned_minutes": 15,
                "extra_minutes": 3,
                "actual_seconds": 1080,
            },
            {
                "step": "prioriteren",
                "title": "Prioriteren",
                "planned_minutes": 20,
                "extra_minutes": 0,
                "actual_seconds": 1180,
            },
        ],
    }


def test_a_session_without_votes_or_timings_freezes_as_before() -> None:
    document = {k: v for k, v in DOCUMENT.items() if k not in ("voting", "schedule")}
    snapshot = plan_snapshot(document, 1)
    assert "voting" not in snapshot and "schedule" not in snapshot


def test_the_pdf_states_the_method_the_tie_and_the_named_ballots() -> None:
    text = _text(_pdf(DOCUMENT))
    assert "Stippen plakken, 5 stippen per persoon; 2 van de 2 deelnemers stemden." in text
    assert "Gelijke score: Eenzaamheid, Bewegen. De groep koos deze volgorde." in text
    assert "Stembriefjes" in text
    assert "Anna Stemmer Eenzaamheid 3, Schulden 2" in text


def test_an_anonymous_pdf_has_the_method_but_no_ballots() -> None:
    text = _text(_pdf(_anonymous()))
    assert "Stippen plakken, 5 stippen per persoon" in text
    assert "Stembriefjes" not in text


def test_the_appendix_lists_planned_and_actual_minutes() -> None:
    text = _text(_pdf(DOCUMENT))
    assert "Tijdschema: gepland en werkelijk" in text
    assert "Welkom & doel 15 18 +3" in text
    assert "Prioriteren 20 20 0" in text
    assert "Totaal 35 38 +3" in text
    assert "Begin 13:30; geplande eindtijd 14:05; werkelijke eindtijd 14:08." in text


def test_a_plan_with_votes_and_timings_renders_identically_and_verifies() -> None:
    first, second = _pdf(DOCUMENT), _pdf(copy.deepcopy(DOCUMENT))
    assert first == second
    assert verify_plan(first).ok


def test_the_summary_states_the_method_the_ballots_and_the_schedule() -> None:
    text = summary_text(DOCUMENT)
    assert "Stippen plakken, 5 stippen per persoon; 2 van de 2 deelnemers stemden." in text
    assert "  Bram Kiezer: Bewegen 4, Eenzaamheid 1" in text
    assert "Welkom & doel: gepland 15 min, werkelijk 18 min (+3)" in text
    lines = text.splitlines()
    themes = [line for line in lines if "Bewegen —" in line or "Eenzaamheid —" in line]
    assert "Eenzaamheid" in themes[0]  # the group's tie break puts it first


def test_an_anonymous_summary_names_nobody_with_a_vote() -> None:
    text = summary_text(_anonymous())
    assert "Anna Stemmer:" not in text and "Bram Kiezer:" not in text
