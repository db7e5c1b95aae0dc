"""The concept plan of ``concept_plan`` with existing offers: two stakeholders with offers from
the catalogue, one agreement that builds on a catalogue offer and one on an existing meeting
named in free text — the plan the "sluit aan bij" tests draw and verify (edition 7)."""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

from tests.export.concept_plan import concept_plan
from worksession.domain.plan import fingerprint
from worksession.export.pdf.payload import PlanPayload

OFFERS = {
    "s-fysiotherapie": [
        {"id": "ketenaanpak-valpreventie", "name": "Ketenaanpak valpreventie"},
    ],
    "s-buurtsport": [
        {"id": "buurtsportcoach", "name": "Buurtsportcoach"},
        {"id": "verwijsschema", "name": "Verwijsschema (Keuzehulp Bewegen)"},
    ],
}
BUILDS_ON = {
    "a-valrisico-route": {
        "offer": "ketenaanpak-valpreventie",
        "name": "Ketenaanpak valpreventie",
        "text": "",
    },
    "a-wijkoverleg-ouderen": {
        "offer": None,
        "name": "",
        "text": "het MDO ouderen van de huisartsen",
    },
}


def offers_plan(language: str = "nl") -> PlanPayload:
    """The concept plan under review (three of four agreed) with existing offers named."""
    concept = concept_plan()
    snapshot: Any = copy.deepcopy(dict(concept.snapshot))
    for stakeholder in snapshot["stakeholders"]:
        if stakeholder["key"] in OFFERS:
            stakeholder["offers"] = OFFERS[stakeholder["key"]]
    for agreement in snapshot["agreements"]:
        if agreement["key"] in BUILDS_ON:
            agreement["builds_on"] = BUILDS_ON[agreement["key"]]
    return replace(
        concept, snapshot=snapshot, sha256=fingerprint(snapshot), language=language, renderer=0
    )
