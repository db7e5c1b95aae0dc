"""A follow-up session half a year after the demo, as plain data, and its signed-off progress
report payload.

Built the simple way, as ``tests/domain/test_plan_review.py`` does, so the report tests need no
database: the demo's plan signed as version 2, then the follow-up's document with the link to it,
a review of every signed agreement, the progress log between the sessions, lesson cards, two
adjusted and two new agreements. When ``create_follow_up`` is on main, this is the one place to
build it with the real operation instead.
"""

from __future__ import annotations

import copy
from typing import Any, cast

from worksession.domain.interchange import Document
from worksession.domain.plan import fingerprint, plan_snapshot
from worksession.export.pdf.payload import DecisionRecord, PlanPayload
from worksession.programmes.library import load_library
from worksession.workflows.demo import demo_document

SIGNED_VERSION = 2
FROZEN = "2026-09-24T15:10:00+00:00"
LONG = (
    "De POH-ouderen en de wijkverpleging hebben samen een vaste route afgesproken, maar in de "
    "zomer lag die stil door vakanties en wisselingen in het team; sinds september loopt het "
    "weer en komen er ook aanmeldingen via de apotheek binnen, wat niemand had verwacht."
)

# Per signed agreement: status now, what happened, indicator seen, evidence, decision.
REVIEWS: dict[str, tuple[str | None, str, str | None, str, str | None]] = {
    "a-signaleren-eenzaamheid": (
        "in_progress",
        LONG,
        "partly",
        "Twaalf signalen sinds juni",
        "continue",
    ),
    "a-maatjes": ("done", "Twintig koppels maatjes", "yes", "Wachtlijst is weg", "completed"),
    "a-wegwijzer": ("done", "Wegwijzer ligt bij alle praktijken", "yes", "", "completed"),
    "a-wijkoverleg-ouderen": (
        "in_progress",
        "Casemanager schuift maandelijks aan",
        "partly",
        "Vier casussen besproken",
        "adjust",
    ),
    "a-mantelzorg-na-diagnose": (
        "open",
        "Nog niet gestart: geen uren bij de POH",
        "no",
        "",
        "adjust",
    ),
    "a-informatiemiddag-geheugen": (
        "done",
        "Zestig bezoekers",
        "yes",
        "Evaluatie 8,1",
        "completed",
    ),
    "a-valrisico-route": (
        "dropped",
        "Past niet in de jaarcontrole",
        "no",
        "Geen verwijzingen",
        "stop",
    ),
    "a-beweeggroep": (None, "", None, "", None),
}

ADJUSTED = {
    "a-wijkoverleg-ouderen": "Vanaf oktober schuiven ook de wijkverpleging en de POH-GGZ aan bij "
    "het wijkoverleg ouderen, elke tweede dinsdag van de maand.",
    "a-mantelzorg-na-diagnose": "De casemanager dementie biedt de mantelzorger na de diagnose "
    "een gesprek aan; de POH verwijst.",
}

NEW = [
    {
        "key": "a-wandelgroep",
        "what": "Wekelijkse wandelgroep vanuit Buurthuis De Mijnlamp, samen met de "
        "seniorenvereniging, met koffie na afloop.",
        "theme": "t-bewegen-valrisico",
        "kind": "action",
        "lead": "p-kevin-vankan",
        "partners": ["p-mia-lenssen"],
        "due": "2026-11-01",
        "resources": "Buurthuis gratis",
        "indicator": "Vijftien vaste wandelaars in december",
        "status": "open",
    },
    {
        "key": "a-financiering",
        "what": "Gemeente en zorgverzekeraar onderzoeken samen structurele financiering van de "
        "coördinatie na 2027.",
        "theme": None,
        "kind": "action",
        "lead": "p-jeroen-bemelmans",
        "partners": [],
        "due": "2027-01-31",
        "resources": "",
        "indicator": "Besluit in de begroting 2027",
        "status": "open",
    },
]

PROGRESS: list[dict[str, str]] = [
    {
        "agreement": "a-signaleren-eenzaamheid",
        "status": "in_progress",
        "date": "2026-04-20",
        "note": "Vragenlijst klaar",
        "reported_by": "Marieke Hermans",
    },
    {
        "agreement": "a-signaleren-eenzaamheid",
        "status": "in_progress",
        "date": "2026-05-28",
        "note": "Eerste vijf signalen",
        "reported_by": "Marieke Hermans",
    },
    {
        "agreement": "a-signaleren-eenzaamheid",
        "status": "in_progress",
        "date": "2026-07-10",
        "note": "Stil door vakanties",
        "reported_by": "Ingrid Coenen",
    },
    {
        "agreement": "a-signaleren-eenzaamheid",
        "status": "in_progress",
        "date": "2026-09-01",
        "note": "Loopt weer, ook via de apotheek",
        "reported_by": "Marieke Hermans",
    },
    {
        "agreement": "a-maatjes",
        "status": "done",
        "date": "2026-08-15",
        "note": "Twintig koppels",
        "reported_by": "Mia Lenssen",
    },
    {
        "agreement": "a-wegwijzer",
        "status": "done",
        "date": "2026-05-02",
        "note": "Gedrukt en verspreid",
        "reported_by": "Wendy Pelzer",
    },
    {
        "agreement": "a-beweeggroep",
        "status": "in_progress",
        "date": "2026-09-10",
        "note": "Zaal gevonden, start in oktober",
        "reported_by": "Kevin Vankan",
    },
]

LESSONS: list[dict[str, str]] = [
    {"kind": "worked", "obstacle": "taal-tempo-cultuur", "text": "Samen de casus bespreken"},
    {"kind": "hindered", "obstacle": "taal-tempo-cultuur", "text": "Zorg plant in weken, het "
     "sociaal domein in maanden"},
    {"kind": "hindered", "obstacle": "financiering", "text": "Geen uren voor de POH"},
    {"kind": "worked", "obstacle": "vaste-contactpersonen", "text": "Eén telefoonnummer per "
     "organisatie"},
    {"kind": "hindered", "obstacle": "rol-ggd", "text": "GGD-rol onduidelijk"},
    {"kind": "worked", "obstacle": "", "text": "Koffie na het wijkoverleg"},
]  # fmt: skip


def signed_plan() -> dict[str, Any]:
    """The demo's plan as it was signed: version 2, everyone in the room."""
    return cast(dict[str, Any], plan_snapshot(demo_document(load_library()), SIGNED_VERSION))


def follow_up_document() -> Document:
    signed = signed_plan()
    document = cast(dict[str, Any], copy.deepcopy(demo_document(load_library())))
    for key in ("voting", "schedule", "notes"):
        document.pop(key, None)
    document["session"].update(
        title="Kaalheide, een half jaar later",
        date="2026-09-24",
        programme="een-half-jaar-later",
    )
    document["session"].pop("programme_steps", None)
    # Sanne was not there; Jan left the wijk since and did not come.
    for person in document["participants"]:
        person["present"] = person["key"] not in ("p-sanne-vliegen", "p-jan-houben")
    for agreement in document["agreements"]:
        agreement["what"] = ADJUSTED.get(agreement["key"], agreement["what"])
    document["agreements"] += copy.deepcopy(NEW)
    document["origin"] = {
        "title": signed["session"]["title"],
        "version": SIGNED_VERSION,
        "fingerprint": fingerprint(cast(Any, signed)),
        "plan": signed,
    }
    document["reviews"] = [
        {
            "agreement": key,
            "status_now": now,
            "what_happened": happened,
            "indicator_seen": seen,
            "evidence": evidence,
            "decision": decision,
        }
        for key, (now, happened, seen, evidence, decision) in REVIEWS.items()
    ]
    document["progress"] = copy.deepcopy(PROGRESS)
    document["lessons"] = copy.deepcopy(LESSONS)
    return cast(Document, document)


def report_payload(language: str = "nl", *, signed_off: bool = True) -> PlanPayload:
    """Version 1 of the follow-up, frozen; with everyone present agreeing when ``signed_off``."""
    snapshot = plan_snapshot(follow_up_document(), 1)
    present = [p for p in snapshot["participants"] if p.get("present")]
    decisions = (
        [
            DecisionRecord(
                participant_key=p["key"],
                participant_name=p["name"],
                decision="agreed",
                comment="",
                method="session",
                decided_at="2026-09-24T15:40:00+00:00",
            )
            for p in present
        ]
        if signed_off
        else []
    )
    return PlanPayload(
        snapshot=snapshot,
        sha256=fingerprint(snapshot),
        signed_off=signed_off,
        decisions=tuple(sorted(decisions, key=lambda d: d["participant_key"])),
        dated=FROZEN,
        language=language,
    )
