"""The borging conditions in the plan: every condition with its state, who arranges it and the
note under Vervolg en borging, drawn in its own edition (8) that verifies; a plan without
conditions is drawn as before, and a forged condition is tampering."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter

from tests.export.concept_plan import concept_plan
from tests.export.conditions_plan import CONDITIONS, conditions_plan
from tests.export.feedback_plan import feedback_forms
from tests.export.follow_up_report import report_payload
from worksession.domain.plan import fingerprint
from worksession.export.pdf.payload import (
    ATTACHMENT,
    CONDITIONS_EDITION,
    FEEDBACK_EDITION,
    PLAN_EDITION,
    RENDERER,
    PlanPayload,
)
from worksession.export.pdf.plan import render_plan
from worksession.export.pdf.verify import Status, verify_plan

FIXTURES = Path(__file__).parent / "fixtures"
STORED = FIXTURES / f"conditions-plan-renderer-{CONDITIONS_EDITION}.pdf"


@pytest.fixture(scope="module")
def plan() -> PlanPayload:
    return conditions_plan()


@pytest.fixture(scope="module")
def plan_pdf(plan: PlanPayload) -> bytes:
    return render_plan(plan)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _section(pdf: bytes) -> str:
    flat = _flat(_text(pdf))
    start = flat.index("Borging: wat de afspraken laat duren")
    return flat[start:]


def test_every_condition_is_listed_with_its_state_person_and_note(plan_pdf: bytes) -> None:
    section = _section(plan_pdf)
    order = [
        "Tijd (capaciteit)",
        "Financiering",
        "Rollen en verantwoordelijkheden",
        "Regie in de wijk (wie regisseert)",
        "Vaste contactpersonen",
        "Ambassadeurs",
        "Aansluiten bij bestaand overleg",
    ]
    places = [section.index(label) for label in order]
    assert places == sorted(places)  # the checklist's order, not the order recorded
    assert "Marieke Hermans" in section and "GGD Zuid-Limburg" in section
    assert "geregeld" in section and "nog regelen" in section and "n.v.t." in section
    assert "Subsidie <b>Gezond in de wijk</b> tot eind 2027" in section  # as typed, not markup
    assert "De wijkmanager voert de regie" in section


def test_the_conditions_are_in_the_outline_under_vervolg(plan_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(plan_pdf))
    titles = [item.title for item in _outline(reader.outline)]
    assert "Borging: wat de afspraken laat duren" in titles
    assert titles.index("Borging: wat de afspraken laat duren") > titles.index("Vervolg en borging")


def _outline(items: list[Any]) -> list[Any]:
    flat: list[Any] = []
    for item in items:
        flat += _outline(item) if isinstance(item, list) else [item]
    return flat


def test_a_plan_without_conditions_keeps_its_edition_and_has_no_such_table() -> None:
    concept = concept_plan()
    assert concept.renderer == PLAN_EDITION
    assert "Borging: wat de afspraken laat duren" not in _text(render_plan(concept))


def test_a_plan_with_conditions_is_drawn_in_edition_8_and_verifies(
    plan: PlanPayload, plan_pdf: bytes
) -> None:
    assert plan.renderer == CONDITIONS_EDITION == RENDERER
    verdict = verify_plan(plan_pdf)
    assert verdict.status is Status.OK, verdict.reason


def test_conditions_and_forms_together_are_drawn_in_the_highest_edition() -> None:
    concept = concept_plan()
    snapshot: Any = {**concept.snapshot, "conditions": CONDITIONS,
                     "feedback_forms": feedback_forms()}  # fmt: skip
    both = replace(concept, snapshot=snapshot, sha256=fingerprint(snapshot), renderer=0)
    assert both.renderer == CONDITIONS_EDITION > FEEDBACK_EDITION
    pdf = render_plan(both)
    assert verify_plan(pdf).ok
    text = _flat(_text(pdf))
    assert "Borging: wat de afspraken laat duren" in text
    assert "Evaluatie door de deelnemers" in text


def test_a_progress_report_with_conditions_draws_them_too() -> None:
    report = report_payload("nl")
    snapshot: Any = {
        **report.snapshot,
        "conditions": [
            {"kind": "direction", "state": "arranged", "arranged_by": None, "note": "Gemeente"}
        ],
    }
    with_conditions = replace(report, snapshot=snapshot, sha256=fingerprint(snapshot), renderer=0)
    assert with_conditions.renderer == CONDITIONS_EDITION
    pdf = render_plan(with_conditions)
    assert verify_plan(pdf).ok
    assert "Regie in de wijk (wie regisseert)" in _flat(_text(pdf))


def test_the_english_plan_says_it_in_english() -> None:
    text = _flat(_text(render_plan(conditions_plan("en"))))
    assert "What makes the agreements last" in text
    assert "Who directs the wijk (regie)" in text and "still to arrange" in text


def _with_payload(pdf: bytes, change: Any) -> bytes:
    data = json.loads(PdfReader(io.BytesIO(pdf)).attachments[ATTACHMENT][0])
    change(data)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    del writer._root_object["/Names"]
    writer.add_attachment(ATTACHMENT, json.dumps(data).encode("utf-8"))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("edition", [PLAN_EDITION, FEEDBACK_EDITION, RENDERER + 1])
def test_a_plan_with_conditions_claiming_another_edition_cannot_be_checked(
    plan_pdf: bytes, edition: int
) -> None:
    verdict = verify_plan(_with_payload(plan_pdf, lambda data: data.update(renderer=edition)))
    assert verdict.status is Status.CANNOT_CHECK and not verdict.ok


@pytest.mark.parametrize(
    ("condition", "where"),
    [
        ({"kind": "weather"}, "conditions[0].kind"),
        ({"kind": "roles", "arranged_by": "p-nobody"}, "conditions[0].arranged_by"),
        ({"kind": "roles", "state": "maybe"}, "conditions[0].state"),
    ],
)
def test_a_refingerprinted_hostile_condition_is_tampering(
    plan: PlanPayload, plan_pdf: bytes, condition: dict[str, Any], where: str
) -> None:
    snapshot: Any = {**plan.snapshot, "conditions": [condition]}
    forged = replace(plan, snapshot=snapshot, sha256=fingerprint(snapshot), renderer=0)
    verdict = verify_plan(
        _with_payload(plan_pdf, lambda data: data.update(json.loads(forged.to_bytes())))
    )
    assert verdict.status is Status.TAMPERED and where in verdict.reason


def test_a_stored_plan_with_conditions_of_this_edition_still_verifies() -> None:
    """Made when edition 8 began. When this fails, the same payload now draws other bytes:
    give plans with conditions a new edition in payload.py, keep this file (it must then be
    CANNOT CHECK) and store one of the new edition beside it
    (``render_plan(conditions_plan())``)."""
    verdict = verify_plan(STORED.read_bytes())
    assert verdict.status is Status.OK, verdict.reason
