"""The appendix *Evaluatie door de deelnemers*: a plan with the participants' forms shows how
many there were, the mean to one decimal, how the scores spread and every answer without a
name; it is drawn in its own edition and verifies; a plan without forms is drawn as before."""

from __future__ import annotations

import io
import json
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter

from tests.export.concept_plan import concept_plan
from tests.export.feedback_plan import ANSWERS, feedback_forms, feedback_plan
from tests.export.follow_up_report import report_payload
from worksession.domain.plan import fingerprint
from worksession.export.pdf.payload import (
    ATTACHMENT,
    FEEDBACK_EDITION,
    PLAN_EDITION,
    RENDERER,
    REPORT_EDITION,
    PlanPayload,
)
from worksession.export.pdf.plan import render_plan
from worksession.export.pdf.verify import Status, verify_plan

FIXTURES = Path(__file__).parent / "fixtures"
STORED = FIXTURES / f"feedback-plan-renderer-{FEEDBACK_EDITION}.pdf"


@pytest.fixture(scope="module")
def plan() -> PlanPayload:
    return feedback_plan()


@pytest.fixture(scope="module")
def plan_pdf(plan: PlanPayload) -> bytes:
    return render_plan(plan)


def _text(pdf: bytes, folder: Path) -> str:
    path = folder / "plan.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout


def _flat(text: str) -> str:
    return " ".join(text.split())


def _appendix(text: str) -> str:
    return text[text.index("Evaluatie door de deelnemers") :]


def test_the_appendix_has_count_mean_spread_and_every_answer(
    plan_pdf: bytes, tmp_path: Path
) -> None:
    text = _appendix(_text(plan_pdf, tmp_path))
    flat = _flat(text)
    # 84 from eleven scores: 7.636… is 7,6; one form left the score open.
    assert "7,6 gemiddeld uit 11 van de 12 formulieren (de andere zonder cijfer)" in flat
    assert "Formulieren zonder cijfer: 1" in flat
    spread = next(line for line in text.splitlines() if line.strip().startswith("Formulieren "))
    assert spread.split()[1:] == ["0", "0", "0", "0", "0", "2", "3", "4", "1", "1"]
    assert "Wat neemt u mee uit deze werksessie?" in flat and "Wat kan beter?" in flat
    for _score, takeaway, better in ANSWERS:
        for answer in (takeaway, better):
            assert _flat(answer) in flat
    assert "Koffie & <b>thee</b> beter geregeld" in flat  # printed as written, not as markup


def test_the_answers_name_nobody(plan: PlanPayload, plan_pdf: bytes, tmp_path: Path) -> None:
    appendix = _appendix(_text(plan_pdf, tmp_path))
    for person in plan.snapshot["participants"]:
        assert person["name"] not in appendix
    for form in plan.snapshot["feedback_forms"]:
        assert form["key"] not in appendix


def test_the_appendix_is_in_the_outline_under_bijlage(plan_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(plan_pdf))
    titles = [item.title for item in _outline(reader.outline)]
    assert titles[-3:] == [
        "Bijlage",
        "Tijdschema: gepland en werkelijk",
        "Evaluatie door de deelnemers",
    ]


def _outline(items: list[Any]) -> list[Any]:
    flat: list[Any] = []
    for item in items:
        flat += _outline(item) if isinstance(item, list) else [item]
    return flat


def test_a_plan_without_forms_has_no_such_appendix_and_keeps_its_edition(tmp_path: Path) -> None:
    concept = concept_plan()
    assert concept.renderer == PLAN_EDITION
    assert "Evaluatie door de deelnemers" not in _text(render_plan(concept), tmp_path)


def test_a_plan_with_forms_is_drawn_in_its_own_edition_and_verifies(
    plan: PlanPayload, plan_pdf: bytes
) -> None:
    assert plan.renderer == FEEDBACK_EDITION
    verdict = verify_plan(plan_pdf)
    assert verdict.status is Status.OK, verdict.reason
    assert verdict.message.endswith("(3 van 4 akkoord)")


def _with_payload(pdf: bytes, change: Any) -> bytes:
    data = json.loads(PdfReader(io.BytesIO(pdf)).attachments[ATTACHMENT][0])
    change(data)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    del writer._root_object["/Names"]
    writer.add_attachment(ATTACHMENT, json.dumps(data).encode("utf-8"))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("edition", [PLAN_EDITION, REPORT_EDITION, RENDERER + 1])
def test_a_plan_with_forms_claiming_another_edition_cannot_be_checked(
    plan_pdf: bytes, edition: int
) -> None:
    """An edition that cannot draw the forms (4 leaves the appendix out) never says OK."""
    verdict = verify_plan(_with_payload(plan_pdf, lambda data: data.update(renderer=edition)))
    assert verdict.status is Status.CANNOT_CHECK and not verdict.ok


def test_forms_taken_out_of_the_data_with_their_pages_left_is_never_ok(
    plan: PlanPayload, plan_pdf: bytes
) -> None:
    snapshot = {k: v for k, v in plan.snapshot.items() if k != "feedback_forms"}
    forged = PlanPayload(
        snapshot=snapshot,  # type: ignore[arg-type]
        sha256=fingerprint(snapshot),  # type: ignore[arg-type]
        signed_off=plan.signed_off,
        decisions=plan.decisions,
        dated=plan.dated,
        renderer=FEEDBACK_EDITION,
    )
    raw = forged.to_bytes()
    verdict = verify_plan(
        _with_payload(plan_pdf, lambda data: data.clear() or data.update(json.loads(raw)))
    )
    assert not verdict.ok


@pytest.mark.parametrize(
    ("form", "where"),
    [
        ({"key": "f-1", "score": 11}, "feedback_forms[0].score"),
        ({"key": "f-1", "score": 7, "name": "An"}, "feedback_forms[0].name"),
        ({"score": 7}, "feedback_forms[0].key"),
    ],
)
def test_a_refingerprinted_hostile_form_is_tampering(
    plan: PlanPayload, plan_pdf: bytes, form: dict[str, Any], where: str
) -> None:
    snapshot: Any = {**plan.snapshot, "feedback_forms": [form]}
    forged = replace(plan, snapshot=snapshot, sha256=fingerprint(snapshot), renderer=0)
    verdict = verify_plan(
        _with_payload(plan_pdf, lambda data: data.update(json.loads(forged.to_bytes())))
    )
    assert verdict.status is Status.TAMPERED and where in verdict.reason


def test_a_progress_report_with_forms_has_the_appendix_too(tmp_path: Path) -> None:
    report = report_payload("nl")
    snapshot: Any = {**report.snapshot, "feedback_forms": feedback_forms()}
    with_forms = replace(report, snapshot=snapshot, sha256=fingerprint(snapshot), renderer=0)
    assert report.renderer == REPORT_EDITION and with_forms.renderer == FEEDBACK_EDITION
    pdf = render_plan(with_forms)
    assert verify_plan(pdf).ok
    assert "7,6 gemiddeld uit 11 van de 12 formulieren" in _flat(_text(pdf, tmp_path))


def test_the_english_plan_has_a_decimal_point(tmp_path: Path) -> None:
    text = _flat(_text(render_plan(feedback_plan("en")), tmp_path))
    assert "Evaluation by the participants" in text
    assert "7.6 on average from 11 of 12 forms (the others without a score)" in text


def test_a_stored_plan_with_forms_of_this_edition_still_verifies() -> None:
    """Made when edition 6 began. When this fails, the same payload now draws other bytes:
    give plans with forms a new edition in payload.py, keep this file (it must then be CANNOT
    CHECK) and store one of the new edition beside it (``render_plan(feedback_plan())``)."""
    verdict = verify_plan(STORED.read_bytes())
    assert verdict.status is Status.OK, verdict.reason
    assert verdict.message.endswith("(3 van 4 akkoord)")
