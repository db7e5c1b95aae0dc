"""Referral agreements in the plan: their own table after the sociale kaart's arrows, every
record's words in the text, and a plan without them as it was."""

from __future__ import annotations

import copy
import io
import re
from typing import Any

import pytest
from pypdf import PdfReader

from worksession.domain.plan import fingerprint, plan_snapshot
from worksession.export.pdf.payload import PlanPayload
from worksession.export.pdf.plan import render_plan
from worksession.export.pdf.verify import verify_plan
from worksession.export.summary import summary_text
from worksession.programmes.library import load_library
from worksession.workflows.demo import demo_document


def _render(document: dict[str, Any]) -> bytes:
    snapshot = plan_snapshot(document, 1)
    return render_plan(
        PlanPayload(snapshot=snapshot, sha256=fingerprint(snapshot), signed_off=False)
    )


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def _outline(data: bytes) -> list[str]:
    titles: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(str(item.title))

    walk(PdfReader(io.BytesIO(data)).outline)
    return titles


@pytest.fixture(scope="module")
def demo() -> dict[str, Any]:
    return demo_document(load_library())


@pytest.fixture(scope="module")
def demo_pdf(demo: dict[str, Any]) -> bytes:
    return _render(demo)


def test_every_referral_agreement_is_in_the_plan(demo: dict[str, Any], demo_pdf: bytes) -> None:
    text = _text(demo_pdf)
    names = {p["key"]: p["name"] for p in demo["participants"] + demo["stakeholders"]}
    assert demo["referrals"]
    for referral in demo["referrals"]:
        # Words only: a long signal wraps inside its cell, and a name may wrap around the arrow.
        for word in referral["signal"].split()[:6] + names[referral["to"]].split():
            assert word in text
        assert referral["contact"].split(",")[0] in text
    assert "ja: Terugkoppeling per mail aan de POH" in text
    assert "nee" in text  # the one without feedback agreed


def test_the_records_follow_the_arrows_of_the_sociale_kaart(demo_pdf: bytes) -> None:
    text = _text(demo_pdf)
    arrows = text.index("Verwijzingen op de sociale kaart")
    records = text.index("Verwijsafspraken")
    # The heading of the section, not its line in the contents list on the cover.
    assert arrows < records < text.rindex("Vervolg en borging")
    for header in ("Signaal", "Van → naar", "Contactpersoon", "Terugkoppeling"):
        assert header in text[records:]
    outline = _outline(demo_pdf)
    assert outline.index("Verwijzingen op de sociale kaart") < outline.index("Verwijsafspraken")


def test_a_plan_with_referral_agreements_verifies(demo_pdf: bytes) -> None:
    assert verify_plan(demo_pdf).ok


def test_a_plan_without_referral_agreements_has_no_such_table(demo: dict[str, Any]) -> None:
    old = {key: value for key, value in copy.deepcopy(demo).items() if key != "referrals"}
    text = _text(_render(old))
    assert "Verwijzingen op de sociale kaart" in text
    assert "Verwijsafspraken" not in text and "Contactpersoon" not in text


def test_a_referral_without_people_yet_prints_a_dash(demo: dict[str, Any]) -> None:
    document = copy.deepcopy(demo)
    document["referrals"] = [
        {
            "signal": "Schulden bij een jong gezin",
            "theme": None,
            "from": None,
            "to": None,
            "contact": "",
            "feedback": False,
            "feedback_how": "",
        }
    ]
    text = _text(_render(document))
    records = text[text.index("Verwijsafspraken") :]
    assert "Schulden bij een jong gezin – → – – nee" in records


def test_the_summary_lists_the_referral_agreements(demo: dict[str, Any]) -> None:
    text = summary_text(demo)
    assert "Verwijsafspraken (4)" in text
    assert "Huisartsenpraktijk Kaalheide → Wendy Pelzer" in text
    assert "Terugkoppeling afgesproken: nee" in text
