"""The conditions that make agreements last (*borging*): a short, fixed checklist.

The InEen/ROS inventory (2024) names time, funding and clear roles as what decides whether
initiatives last, plus ambassadors and building on what exists; the project's evaluation adds
clear agreements on who directs the wijk (regie). Each condition has a state, who arranges it
and a note. A condition the coach has not touched has no record: it reads as *still to
arrange*, the state a new record starts in too.

A point of attention asks for regie and roles once the plan has agreements: without someone
who directs and clear roles the agreements do not outlive the session (METHOD.md, "Half a year
later"). Only *arranged* clears it: "not applicable" is no answer to who directs the wijk.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from worksession.domain.schema_check import PathPart
from worksession.domain.values import _OWN_LABELS, Choice
from worksession.i18n import N_, _


class ConditionKind(Choice):
    """One condition of the checklist, in the order the page and the plan show them."""

    CAPACITY = "capacity"
    FUNDING = "funding"
    ROLES = "roles"
    DIRECTION = "direction"
    CONTACT_PERSONS = "contact_persons"
    AMBASSADORS = "ambassadors"
    EXISTING_MEETINGS = "existing_meetings"


class ConditionState(Choice):
    """How far a condition is: still to arrange (the default), arranged, or not applicable."""

    TO_ARRANGE = "to_arrange"
    ARRANGED = "arranged"
    NOT_APPLICABLE = "not_applicable"


_OWN_LABELS[ConditionKind] = {
    ConditionKind.CAPACITY: N_("Time (capacity)"),
    ConditionKind.FUNDING: N_("Funding"),
    ConditionKind.ROLES: N_("Roles and responsibilities"),
    ConditionKind.DIRECTION: N_("Who directs the wijk (regie)"),
    ConditionKind.CONTACT_PERSONS: N_("Fixed contact persons"),
    ConditionKind.AMBASSADORS: N_("Ambassadors"),
    ConditionKind.EXISTING_MEETINGS: N_("Joining existing meetings"),
}
_OWN_LABELS[ConditionState] = {
    ConditionState.TO_ARRANGE: N_("still to arrange"),
    ConditionState.ARRANGED: N_("arranged"),
    ConditionState.NOT_APPLICABLE: N_("not applicable"),
}

# The conditions without which the point of attention appears.
REQUIRED = (ConditionKind.DIRECTION, ConditionKind.ROLES)
Problem = tuple[list[PathPart], str]


def empty_condition(kind: str) -> dict[str, Any]:
    """A condition nobody has touched: still to arrange, by nobody, without a note."""
    return {"kind": kind, "state": ConditionState.TO_ARRANGE.value, "arranged_by": None, "note": ""}


def checklist(conditions: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Every condition in the checklist's order: the recorded ones as recorded, the others
    empty (``empty_condition``)."""
    recorded = {str(row["kind"]): row for row in conditions}
    return [
        {**empty_condition(kind.value), **recorded.get(kind.value, {})} for kind in ConditionKind
    ]


def is_started(conditions: Sequence[Mapping[str, Any]]) -> bool:
    """Whether anything of the checklist was filled in (a state, a person or a note)."""
    blank = empty_condition("")
    return any(
        row.get(field, blank[field]) != blank[field]
        for row in conditions
        for field in ("state", "arranged_by", "note")
    )


def unarranged_required(document: Mapping[str, Any]) -> list[ConditionKind]:
    """The conditions of ``REQUIRED`` that are not arranged, once the plan has agreements."""
    if not document.get("agreements"):
        return []
    states = {row["kind"]: row.get("state") for row in document.get("conditions", [])}
    return [kind for kind in REQUIRED if states.get(kind.value) != ConditionState.ARRANGED]


def conditions_problem(data: Mapping[str, Any], known: Mapping[str, str]) -> Problem | None:
    """The first problem of the document's conditions beyond the schema: a condition twice, or
    arranged by someone who is neither a participant nor a stakeholder (``known``: each key
    with the list it is in)."""
    seen: set[str] = set()
    for index, row in enumerate(data.get("conditions", [])):
        if row["kind"] in seen:
            return ["conditions", index, "kind"], _("the condition {kind!r} is there twice").format(
                kind=row["kind"]
            )
        seen.add(row["kind"])
        person = row.get("arranged_by")
        if person is not None and known.get(person) not in ("participants", "stakeholders"):
            return ["conditions", index, "arranged_by"], _("unknown key {key!r}").format(key=person)
    return None


def then_and_now(
    signed: Sequence[Mapping[str, Any]], current: Sequence[Mapping[str, Any]]
) -> list[tuple[ConditionKind, ConditionState, ConditionState]]:
    """Each condition's state in the signed plan beside its state now, for the half-year
    review; empty when neither has any conditions (nothing was ever filled in)."""
    if not signed and not current:
        return []
    then = {row["kind"]: row["state"] for row in checklist(signed)}
    now = {row["kind"]: row["state"] for row in checklist(current)}
    return [
        (kind, ConditionState(then[kind.value]), ConditionState(now[kind.value]))
        for kind in ConditionKind
    ]
