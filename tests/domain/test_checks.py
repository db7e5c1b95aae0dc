"""Each lesson of the toolkit has a check that appears when it is not met and clears when it is."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from worksession.domain.checks import lesson_checks
from worksession.programmes.library import load_library
from worksession.workflows.demo import demo_document

DEMO = demo_document(load_library())


def _codes(document: dict[str, Any]) -> set[str]:
    return {check.code for check in lesson_checks(document)}


def test_the_demo_meets_every_lesson_but_one_absent_stakeholder() -> None:
    # The demo records no borging conditions: regie and roles are still to arrange.
    assert _codes(DEMO) <= {"influential-absent", "condition-direction", "condition-roles"}


def _without_gp(d: dict[str, Any]) -> None:
    for record in d["participants"] + d["stakeholders"]:
        record["role"] = "welzijnswerker"


def _without_residents(d: dict[str, Any]) -> None:
    for record in d["participants"] + d["stakeholders"]:
        if record["domain"] == "residents":
            # Role and domain both: either one makes a resident (one definition).
            record.update(domain="other", role="vrijwilliger")


def _fourth_priority(d: dict[str, Any]) -> None:
    d["themes"][3]["priority"] = True


def _absent_power(d: dict[str, Any]) -> None:
    # Nobody present stands for the seniorenvereniging (the huisartsenpraktijk would do: its
    # huisarts is in the room).
    next(s for s in d["stakeholders"] if s["key"] == "s-seniorenvereniging").update(influence=5)


CASES: list[tuple[str, Callable[[dict[str, Any]], object]]] = [
    ("no-gp", _without_gp),
    ("no-residents", _without_residents),
    ("no-kartrekker", lambda d: d["follow_up"].update(kartrekker=None)),
    ("agreement-without-lead", lambda d: d["agreements"][0].update(lead=None)),
    ("agreement-without-due", lambda d: d["agreements"][0].update(due=None)),
    ("too-many-priorities", _fourth_priority),
    ("influential-absent", _absent_power),
    (
        "priority-without-agreement",
        lambda d: d.update(
            agreements=[a for a in d["agreements"] if a["theme"] != "t-eenzaamheid"]
        ),
    ),
]


@pytest.mark.parametrize(("code", "break_lesson"), CASES, ids=[c[0] for c in CASES])
def test_a_check_appears_when_its_lesson_is_broken_and_clears_when_mended(
    code: str, break_lesson: Callable[[dict[str, Any]], object]
) -> None:
    broken = copy.deepcopy(DEMO)
    break_lesson(broken)
    assert code in _codes(broken)
    before = [c for c in lesson_checks(DEMO) if c.code == code]
    assert len(before) < len([c for c in lesson_checks(broken) if c.code == code])


def test_checks_name_the_record_and_follow_the_programme_order() -> None:
    broken = copy.deepcopy(DEMO)
    broken["agreements"][2]["lead"] = None
    broken["follow_up"]["kartrekker"] = None
    checks = lesson_checks(broken)
    lead = next(c for c in checks if c.code == "agreement-without-lead")
    assert lead.key == broken["agreements"][2]["key"]
    kinds = [c.step_kind for c in checks]
    assert kinds.index(lead.step_kind) < kinds.index(checks[-1].step_kind)
    assert checks[-1].code == "no-kartrekker"
