"""The typed document and plan snapshot have exactly the keys the JSON Schema declares.

A field added to ``resources/schemas/worksession-1.schema.json`` but not to
``domain/document_types.py`` (or the other way round) would leave mypy checking a shape the
files do not have; this test walks every object level both declare.
"""

from __future__ import annotations

import json
import typing
from typing import Any

import pytest

from worksession.domain import document_types as types
from worksession.domain.plan import COACH_ONLY, COACH_ONLY_SESSION, plan_snapshot
from worksession.support.paths import resource_path

SCHEMA = json.loads(
    resource_path("schemas", "worksession-1.schema.json").read_text(encoding="utf-8")
)


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node or "oneOf" in node:
        if "oneOf" in node:  # an object or null: the object's keys
            node = next(branch for branch in node["oneOf"] if branch.get("type") != "null")
            continue
        node = SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _at(path: str) -> dict[str, Any]:
    """The schema object at a dotted path, ``[]`` stepping into a list's items."""
    node: dict[str, Any] = SCHEMA
    for part in path.split("."):
        if not part:
            continue
        node = _resolve(node["properties"][part.removesuffix("[]")])
        if part.endswith("[]"):
            node = _resolve(node["items"])
    return node


LEVELS: list[tuple[str, Any]] = [
    ("", types.InterchangeDocument),
    ("session", types.DocumentSession),
    ("session.programme_steps[]", types.ProgrammeStep),
    ("casus", types.Casus),
    ("casus.figures[]", types.CasusFigure),
    ("participants[]", types.Participant),
    ("stakeholders[]", types.Stakeholder),
    ("stakeholders[].offers[]", types.OfferRef),
    ("relations[]", types.Relation),
    ("themes[]", types.Theme),
    ("improvements[]", types.Improvement),
    ("agreements[]", types.Agreement),
    ("agreements[].builds_on", types.BuildsOn),
    ("referrals[]", types.Referral),
    ("follow_up", types.FollowUp),
    ("evaluation", types.Evaluation),
    ("voting", types.Voting),
    ("voting.ballots[]", types.Ballot),
    ("schedule", types.Schedule),
    ("schedule.steps[]", types.StepTiming),
    ("origin", types.Origin),
    ("progress[]", types.ProgressEntry),
    ("reviews[]", types.AgreementReview),
    ("lessons[]", types.LessonCard),
    ("feedback_forms[]", types.FeedbackForm),
    ("conditions[]", types.Condition),
]


@pytest.mark.parametrize(("path", "typed"), LEVELS, ids=[path or "$" for path, _ in LEVELS])
def test_keys_equal_the_schema_properties(path: str, typed: Any) -> None:
    schema = _at(path)
    assert set(typed.__annotations__) == set(schema["properties"])
    assert set(typed.__required_keys__) == set(schema.get("required", []))


def test_every_level_of_the_document_is_compared() -> None:
    """Each nested TypedDict the document names is one of the levels above."""
    compared = {typed for _, typed in LEVELS}
    seen: set[Any] = set()

    def walk(typed: Any) -> None:
        # A follow-up carries the signed plan whole (``origin.plan``): the schema leaves its
        # inside to the plan's own check, so its levels are not document levels.
        if typed in seen or typed is types.PlanSnapshot:
            return
        seen.add(typed)
        for hint in typing.get_type_hints(typed).values():
            for inner in _typeddicts_in(hint):
                walk(inner)

    walk(types.InterchangeDocument)
    assert seen == compared


def _typeddicts_in(hint: Any) -> list[Any]:
    if typing.is_typeddict(hint):
        return [hint]
    return [found for arg in typing.get_args(hint) for found in _typeddicts_in(arg)]


def test_the_snapshot_is_the_document_without_the_coach_s_parts() -> None:
    document_keys = set(types.InterchangeDocument.__annotations__) - set(COACH_ONLY)
    assert set(types.PlanSnapshot.__annotations__) == document_keys | {"version"}
    assert set(types.SessionHeader.__annotations__) == set(
        types.DocumentSession.__annotations__
    ) - set(COACH_ONLY_SESSION)


def test_the_snapshot_summaries_have_the_keys_the_plan_writes() -> None:
    """The vote round and the timings a real snapshot carries have the typed keys."""
    document: dict[str, Any] = {
        "format": "worksession/1",
        "session": {
            "title": "Kaalheide",
            "programme_steps": [
                {"id": "welkom", "title": "Welkom", "kind": "welcome", "minutes": 10}
            ],
        },
        "participants": [{"key": "p-1", "name": "An", "present": True}],
        "themes": [{"key": "t-1", "title": "Eenzaamheid", "votes": 3}],
        "voting": {
            "mode": "dots",
            "entry": "ballots",
            "anonymous": False,
            "ballots": [{"participant": "p-1", "counts": {"t-1": 3}}],
        },
        "schedule": {"start_time": "13:00", "steps": [{"step": "welkom", "actual_seconds": 600}]},
    }
    snapshot: dict[str, Any] = dict(plan_snapshot(typing.cast(Any, document), 1))
    assert set(snapshot["voting"]) == set(types.PlanVoting.__annotations__)
    assert set(snapshot["schedule"]) == set(types.PlanSchedule.__annotations__)
    assert set(snapshot["schedule"]["steps"][0]) == set(types.PlanStep.__annotations__)
    assert set(snapshot) <= set(types.PlanSnapshot.__annotations__)
