"""The follow-up session's parts of a ``worksession/1`` document, checked beyond the schema.

The signed plan a follow-up carries (``origin.plan``) must be the plan its fingerprint names:
anyone can compute a fingerprint, so the plan's records are also checked against the document
schema's own definitions (the follow-up's plan and the window read names and agreements from
it). Each review is of an agreement of the document, once; a file's reviews belong to a
follow-up.
"""

from __future__ import annotations

from typing import Any

from worksession.domain.document_types import InterchangeDocument, Origin
from worksession.domain.plan_format import PLAN_FORMAT, fingerprint
from worksession.domain.schema_check import PathPart, first_schema_problem
from worksession.i18n import _

Problem = tuple[list[PathPart], str]

# What of the signed plan is read: the records that name people, themes and agreements.
READ_FROM_THE_PLAN = ("participants", "stakeholders", "themes", "agreements")


def follow_up_problem(data: InterchangeDocument, schema: dict[str, Any]) -> Problem | None:
    """The first problem of the follow-up parts (path, message), or None."""
    origin = data.get("origin")
    problem = None if origin is None else _origin_problem(origin, schema)
    return problem or _reviews_problem(data)


def stray_reviews(data: InterchangeDocument) -> Problem | None:
    """Reviews in a file that follows no signed plan. Checked on import only: a follow-up's own
    plan carries its reviews beside a reference to the signed plan, not the plan itself."""
    if data.get("reviews") and "origin" not in data:
        return ["reviews"], _("reviews belong to a follow-up session: 'origin' is missing")
    return None


def _origin_problem(origin: Origin, schema: dict[str, Any]) -> Problem | None:
    plan: dict[str, Any] = dict(origin["plan"])
    plan_schema = {
        "$defs": schema["$defs"],
        "type": "object",
        "required": ["format", "version", "session"],
        "properties": {
            "format": {"const": PLAN_FORMAT},
            "version": {"type": "integer", "minimum": 1},
            "session": schema["properties"]["session"],
            **{key: schema["properties"][key] for key in READ_FROM_THE_PLAN},
        },
    }
    problem = first_schema_problem(plan_schema, plan)
    if problem is not None:
        return ["origin", "plan", *problem.parts], problem.message
    if plan["version"] != origin["version"]:
        return ["origin", "version"], _("is {value}, the plan's version is {version}").format(
            value=origin["version"], version=plan["version"]
        )
    if fingerprint(plan) != origin["fingerprint"]:
        return ["origin", "fingerprint"], _(
            "is not the fingerprint of origin.plan: the signed plan was changed"
        )
    return None


def _reviews_problem(data: InterchangeDocument) -> Problem | None:
    agreements = {agreement["key"] for agreement in data.get("agreements", [])}
    reviewed: set[str] = set()
    for index, review in enumerate(data.get("reviews", [])):
        key = review["agreement"]
        if key not in agreements:
            return ["reviews", index, "agreement"], _("unknown agreement {key!r}").format(key=key)
        if key in reviewed:
            return ["reviews", index, "agreement"], _("{key!r} is reviewed twice").format(key=key)
        reviewed.add(key)
    return None
