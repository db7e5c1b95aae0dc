"""The borging checklist: every condition in its order with defaults, the point of attention
for regie and roles once there are agreements, and the document's checks of conditions."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from worksession.domain.checks import lesson_checks
from worksession.domain.conditions import (
    ConditionKind,
    ConditionState,
    checklist,
    conditions_problem,
    is_started,
    then_and_now,
    unarranged_required,
)
from worksession.domain.interchange import InterchangeError, check_document
from worksession.i18n import speaking
from worksession.programmes.library import load_library
from worksession.workflows.demo import demo_document

DEMO = demo_document(load_library())


def _codes(document: Any) -> set[str]:
    return {check.code for check in lesson_checks(document)}


def test_the_checklist_has_every_condition_in_order_with_the_recorded_ones_filled_in() -> None:
    rows = checklist([{"kind": "funding", "state": "arranged", "arranged_by": "p1"}])
    assert [row["kind"] for row in rows] == [kind.value for kind in ConditionKind]
    funding = rows[1]
    assert funding == {"kind": "funding", "state": "arranged", "arranged_by": "p1", "note": ""}
    assert rows[0] == {"kind": "capacity", "state": "to_arrange", "arranged_by": None, "note": ""}


def test_a_checklist_is_started_by_any_state_person_or_note() -> None:
    assert not is_started([])
    assert not is_started([{"kind": "funding", "state": "to_arrange", "note": ""}])
    assert is_started([{"kind": "funding", "note": "gemeente betaalt"}])
    assert is_started([{"kind": "roles", "state": "not_applicable"}])


def test_regie_and_roles_are_asked_for_once_the_plan_has_agreements() -> None:
    document = copy.deepcopy(DEMO)
    assert {"condition-direction", "condition-roles"} <= _codes(document)
    document["agreements"] = []
    assert not unarranged_required(document)
    assert not {"condition-direction", "condition-roles"} & _codes(document)


@pytest.mark.parametrize(
    ("state", "asked"), [("arranged", False), ("to_arrange", True), ("not_applicable", True)]
)
def test_only_arranged_clears_the_point_of_attention(state: str, asked: bool) -> None:
    document = copy.deepcopy(DEMO)
    document["conditions"] = [{"kind": "direction", "state": state}]
    assert ("condition-direction" in _codes(document)) is asked
    assert "condition-roles" in _codes(document)  # the other one is still to arrange
    document["conditions"].append({"kind": "roles", "state": "arranged"})
    assert ("condition-roles" in _codes(document)) is False


def test_the_point_of_attention_leads_to_vervolg_en_borging_in_dutch() -> None:
    with speaking("nl"):
        checks = [c for c in lesson_checks(DEMO) if c.code == "condition-direction"]
    (check,) = checks
    assert check.step_kind == "follow_up"
    assert check.key == "direction"
    assert "regie" in check.message and "Nobody" not in check.message


def test_a_condition_twice_or_by_an_unknown_person_is_refused_with_its_path() -> None:
    known = {"p1": "participants", "s1": "stakeholders", "t1": "themes"}
    twice = {"conditions": [{"kind": "roles"}, {"kind": "roles"}]}
    with speaking("nl"):
        assert conditions_problem(twice, known) == (
            ["conditions", 1, "kind"],
            "de voorwaarde 'roles' staat er twee keer in",
        )
    assert (
        conditions_problem({"conditions": [{"kind": "roles", "arranged_by": "s1"}]}, known) is None
    )
    theme = {"conditions": [{"kind": "roles", "arranged_by": "t1"}]}
    problem = conditions_problem(theme, known)
    assert problem is not None and problem[0] == ["conditions", 0, "arranged_by"]
    assert "'t1'" in problem[1]


def test_an_imported_document_with_a_wrong_condition_names_the_field() -> None:
    document: Any = copy.deepcopy(DEMO)
    document["conditions"] = [{"kind": "direction", "state": "arranged", "arranged_by": "nobody"}]
    with pytest.raises(InterchangeError) as refused:
        check_document(document)
    assert "conditions[0].arranged_by" in refused.value.path
    document["conditions"] = [{"kind": "weather"}]
    with pytest.raises(InterchangeError) as refused:
        check_document(document)
    assert "conditions[0].kind" in refused.value.path


def test_the_review_sets_each_condition_then_beside_now() -> None:
    assert then_and_now([], []) == []
    rows = then_and_now(
        [{"kind": "direction", "state": "arranged"}],
        [{"kind": "direction", "state": "to_arrange"}, {"kind": "funding", "state": "arranged"}],
    )
    assert len(rows) == len(ConditionKind)
    by_kind = {kind: (then, now) for kind, then, now in rows}
    assert by_kind[ConditionKind.DIRECTION] == (ConditionState.ARRANGED, ConditionState.TO_ARRANGE)
    assert by_kind[ConditionKind.FUNDING] == (ConditionState.TO_ARRANGE, ConditionState.ARRANGED)
