"""The concept plan of ``concept_plan`` with borging conditions filled in (regie by a
participant, funding by a stakeholder, one not applicable, a note that looks like markup): the
plan the conditions tests draw and verify."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tests.export.concept_plan import concept_plan
from worksession.domain.plan import fingerprint
from worksession.export.pdf.payload import PlanPayload

CONDITIONS: list[dict[str, Any]] = [
    {"kind": "roles", "state": "to_arrange", "arranged_by": None,
     "note": "Wie doet wat na vandaag: in de werkgroep van maart"},
    {"kind": "direction", "state": "arranged", "arranged_by": "p-marieke-hermans",
     "note": "De wijkmanager voert de regie; de kartrekker houdt de afspraken bij."},
    {"kind": "funding", "state": "arranged", "arranged_by": "s-ggd",
     "note": "Subsidie <b>Gezond in de wijk</b> tot eind 2027"},
    {"kind": "ambassadors", "state": "not_applicable", "arranged_by": None, "note": ""},
]  # fmt: skip


def conditions_plan(language: str = "nl") -> PlanPayload:
    """The concept plan under review (three of four agreed) with the conditions."""
    concept = concept_plan()
    snapshot: Any = {**concept.snapshot, "conditions": CONDITIONS}
    return replace(
        concept, snapshot=snapshot, sha256=fingerprint(snapshot), language=language, renderer=0
    )
