""" "Sluit aan bij" in the plan: an agreement that builds on an existing offer or meeting says so
under its text, a stakeholder's catalogue offers stand before the free text of its offer; such a
plan is drawn in edition 7 and verifies, and a plan without them is drawn as before."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.export.concept_plan import concept_plan
from tests.export.feedback_plan import feedback_forms
from tests.export.offers_plan import offers_plan
from worksession.domain.plan import fingerprint
from worksession.export.pdf.payload import (
    OFFERS_EDITION,
    PLAN_EDITION,
    PlanPayload,
)
from worksession.export.pdf.plan import render_plan
from worksession.export.pdf.verify import Status, verify_plan

FIXTURES = Path(__file__).parent / "fixtures"
STORED = FIXTURES / f"offers-plan-renderer-{OFFERS_EDITION}.pdf"


@pytest.fixture(scope="module")
def plan() -> PlanPayload:
    return offers_plan()


@pytest.fixture(scope="module")
def plan_pdf(plan: PlanPayload) -> bytes:
    return render_plan(plan)


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_the_agreements_say_what_they_build_on(plan_pdf: bytes) -> None:
    text = _text(plan_pdf)
    assert "Sluit aan bij: Ketenaanpak valpreventie" in text
    assert "Sluit aan bij: het MDO ouderen van de huisartsen" in text
    assert text.count("Sluit aan bij:") == 2


def test_the_sociale_kaart_names_the_catalogue_offers(plan_pdf: bytes) -> None:
    text = _text(plan_pdf)
    assert "Buurtsportcoach, Verwijsschema" in text
    # Once on the sociale kaart, once under the agreement that builds on it.
    assert text.count("Ketenaanpak valpreventie") == 2


def test_the_english_plan_says_builds_on() -> None:
    assert "Builds on: Ketenaanpak valpreventie" in _text(render_plan(offers_plan("en")))


def test_a_plan_with_offers_is_drawn_in_its_own_edition_and_verifies(
    plan: PlanPayload, plan_pdf: bytes
) -> None:
    assert plan.renderer == OFFERS_EDITION
    verdict = verify_plan(plan_pdf)
    assert verdict.status is Status.OK, verdict.reason


def test_a_plan_without_offers_keeps_its_edition_and_its_text() -> None:
    concept = concept_plan()
    assert concept.renderer == PLAN_EDITION
    assert "Sluit aan bij" not in _text(render_plan(concept))


def test_forms_and_offers_together_take_the_highest_edition(plan: PlanPayload) -> None:
    snapshot: Any = {**plan.snapshot, "feedback_forms": feedback_forms()}
    both = replace(plan, snapshot=snapshot, sha256=fingerprint(snapshot), renderer=0)
    assert both.renderer == OFFERS_EDITION
    pdf = render_plan(both)
    assert verify_plan(pdf).ok
    assert "Evaluatie door de deelnemers" in _text(pdf) and "Sluit aan bij" in _text(pdf)


def test_a_hostile_builds_on_is_tampering(plan: PlanPayload) -> None:
    snapshot: Any = {
        **plan.snapshot,
        "agreements": [
            {
                **plan.snapshot["agreements"][0],
                "builds_on": {"offer": "x y", "name": "", "text": ""},
            }
        ],
    }
    forged = replace(plan, snapshot=snapshot, sha256=fingerprint(snapshot), renderer=0)
    verdict = verify_plan(render_plan(plan)[:0] + _forged_pdf(forged))
    assert verdict.status is Status.TAMPERED and "builds_on" in verdict.reason


def _forged_pdf(payload: PlanPayload) -> bytes:
    """A plan's pages with a payload the app could not make attached (as an attacker would)."""
    from pypdf import PdfWriter

    from worksession.export.pdf.payload import ATTACHMENT

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(render_plan(offers_plan()))))
    del writer._root_object["/Names"]
    writer.add_attachment(ATTACHMENT, payload.to_bytes())
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_stored_plan_with_offers_of_this_edition_still_verifies() -> None:
    """Made when edition 7 began. When this fails, the same payload now draws other bytes:
    give plans with offers a new edition in payload.py, keep this file (it must then be CANNOT
    CHECK) and store one of the new edition beside it (``render_plan(offers_plan())``)."""
    verdict = verify_plan(STORED.read_bytes())
    assert verdict.status is Status.OK, verdict.reason
