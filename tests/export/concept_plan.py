"""A plan under review that the verify tests attack: version 1 of the demo, four people in the
room, three agreed and one asked for a change, frozen on 19 November 2026."""

from __future__ import annotations

import copy
from typing import Any

from worksession.domain.plan import fingerprint, plan_snapshot
from worksession.export.pdf.payload import DecisionRecord, PlanPayload
from worksession.programmes.library import load_library
from worksession.workflows.demo import demo_document

FROZEN = "2026-11-19T13:30:00+00:00"


def decision(key: str, name: str, answer: str = "agreed", comment: str = "") -> DecisionRecord:
    return DecisionRecord(
        participant_key=key,
        participant_name=name,
        decision=answer,
        comment=comment,
        method="session",
        decided_at="2026-11-19T14:03:00+00:00",
    )


def snapshot_of_four() -> dict[str, Any]:
    document = copy.deepcopy(demo_document(load_library()))
    for index, person in enumerate(document["participants"]):
        person["present"] = index < 4  # four people in the room: four must agree
    return plan_snapshot(document, 1)


def concept_plan() -> PlanPayload:
    """Version 1 under review: three agreed, one asked for a change."""
    snapshot = snapshot_of_four()
    people = snapshot["participants"][:4]
    decisions = [decision(p["key"], p["name"]) for p in people[:3]]
    decisions.append(decision(people[3]["key"], people[3]["name"], "changes", "A2 later"))
    return PlanPayload(
        snapshot=snapshot,
        sha256=fingerprint(snapshot),
        signed_off=False,
        decisions=tuple(sorted(decisions, key=lambda d: d["participant_key"])),
        dated=FROZEN,
    )
