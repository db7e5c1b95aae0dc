"""Fixtures for the plan PDF tests: the concept plan under review, and its PDF."""

from __future__ import annotations

import pytest

from tests.export.concept_plan import concept_plan
from worksession.export.pdf.payload import PlanPayload
from worksession.export.pdf.plan import render_plan


@pytest.fixture(scope="module")
def concept() -> PlanPayload:
    return concept_plan()


@pytest.fixture(scope="module")
def concept_pdf(concept: PlanPayload) -> bytes:
    return render_plan(concept)
