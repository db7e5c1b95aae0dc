"""The progress report: a follow-up session's plan PDF names the signed plan it reviews, shows
every signed agreement then → now with its notes, verdict and decision, the new agreements and
the lesson cards, draws a chart that reads in grey, and verifies like any plan."""

from __future__ import annotations

import io
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from tests.export.follow_up_report import (
    ADJUSTED,
    LESSONS,
    NEW,
    REVIEWS,
    SIGNED_VERSION,
    follow_up_document,
    report_payload,
    signed_plan,
)
from worksession.domain.plan import fingerprint, plan_snapshot
from worksession.domain.values import AgreementStatus
from worksession.export.pdf.payload import ATTACHMENT, PLAN_EDITION, REPORT_EDITION, PlanPayload
from worksession.export.pdf.plan import render_plan
from worksession.export.pdf.progress_report import ProgressLog
from worksession.export.pdf.verify import Status, verify_plan
from worksession.i18n import speaking

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def report() -> PlanPayload:
    return report_payload("nl")


@pytest.fixture(scope="module")
def report_pdf(report: PlanPayload) -> bytes:
    return render_plan(report)


def _pdftotext(data: bytes, folder: Path, *pages: int) -> str:
    path = folder / "report.pdf"
    path.write_bytes(data)
    window = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    done = subprocess.run(
        ["pdftotext", *window, "-enc", "UTF-8", str(path), "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout


def _flat(text: str) -> str:
    # Words hyphenated at a line end come back joined only without the break.
    return re.sub(r"\s+", " ", text.replace("-\n", "").replace("\u00ad", ""))


def test_the_report_names_the_signed_plan_with_its_version_and_fingerprint(
    report_pdf: bytes, tmp_path: Path
) -> None:
    text = _flat(_pdftotext(report_pdf, tmp_path))
    signed = signed_plan()
    assert "Voortgangsrapportage" in text
    assert f"Vervolg op ‘{signed['session']['title']}’, versie {SIGNED_VERSION}" in text
    assert fingerprint(signed) in text.replace(" ", "")
    title = PdfReader(io.BytesIO(report_pdf)).metadata.title  # type: ignore[union-attr]
    assert title == "Voortgangsrapportage: Kaalheide, een half jaar later"


def test_every_signed_agreement_is_in_it_with_its_status_then_and_now(
    report_pdf: bytes, tmp_path: Path
) -> None:
    text = _flat(_pdftotext(report_pdf, tmp_path))
    for agreement in signed_plan()["agreements"]:
        assert _flat(agreement["what"])[:50] in text, agreement["key"]
    # then → now, in Dutch, as the table cell prints it
    with speaking("nl"):
        done, bezig = AgreementStatus.DONE.label, AgreementStatus.IN_PROGRESS.label
    assert f"open → {done}" in text and f"bezig → {done}" in text and f"open → {bezig}" in text
    assert "open → vervallen" in text
    for key, (_now, happened, _seen, evidence, _decision) in REVIEWS.items():
        for words in (happened, evidence):
            assert _flat(words)[:40] in text, key
    for decision in ("doorgaan", "bijstellen", "afgerond", "stoppen"):
        assert decision in text


def test_the_new_and_adjusted_agreements_and_the_cards_are_in_it(
    report_pdf: bytes, tmp_path: Path
) -> None:
    text = _flat(_pdftotext(report_pdf, tmp_path))
    for agreement in NEW:
        assert _flat(str(agreement["what"]))[:50] in text
    for wording in ADJUSTED.values():
        assert _flat(wording)[:50] in text
    for card in LESSONS:
        assert _flat(card["text"])[:30] in text
    assert "financiering" in text and "Overig" in text  # grouped by obstacle, anders last


def test_only_the_latest_three_notes_of_an_agreement_are_shown(
    report: PlanPayload, report_pdf: bytes, tmp_path: Path
) -> None:
    latest = ProgressLog(report.snapshot["progress"]).latest("a-signaleren-eenzaamheid")
    assert [entry["note"] for entry in latest] == [
        "Loopt weer, ook via de apotheek",
        "Stil door vakanties",
        "Eerste vijf signalen",
    ]
    text = _flat(_pdftotext(report_pdf, tmp_path))
    assert "Stil door vakanties" in text and "Vragenlijst klaar" not in text


def test_the_chart_reads_in_grey_with_its_labels_and_counts(
    report_pdf: bytes, tmp_path: Path
) -> None:
    page = _pdftotext(report_pdf, tmp_path, 2)
    assert "Status toen en nu" in page and "Bij vaststelling (versie 2)" in page
    for name in ("open", "bezig", "gereed", "vervallen", "Gearceerde staven"):
        assert name in page
    assert re.search(r"\b7\b", page)  # seven agreements were open at sign-off
    subprocess.run(
        ["pdftoppm", "-f", "2", "-l", "3", "-r", "60", "-gray", "-png",
         str(tmp_path / "report.pdf"), str(tmp_path / "grey")],
        check=True,
    )  # fmt: skip
    chart_page, table_page = sorted(tmp_path.glob("grey*.png"))
    # In grey, the bars are still there: columns of dark pixels taller than any letter (the two
    # solid bars of three agreements, each about 22 pixels wide, and the hatched bar's edges);
    # a page of text and tables has none.
    assert _bar_columns(chart_page) >= 40
    assert _bar_columns(table_page) == 0


def _bar_columns(path: Path, dark: int = 140, run: int = 30) -> int:
    """How many columns of the image hold at least ``run`` dark pixels one above the other."""
    with Image.open(path) as image:
        grey = image.convert("L")
        width, height = grey.size
        pixels = grey.tobytes()
    count = 0
    for x in range(width):
        longest = current = 0
        for y in range(height):
            current = current + 1 if pixels[y * width + x] < dark else 0
            longest = max(longest, current)
        count += longest >= run
    return count


def test_the_report_speaks_english_when_the_plan_was_made_in_english(tmp_path: Path) -> None:
    text = _flat(_pdftotext(render_plan(report_payload("en")), tmp_path))
    assert "Progress report" in text and "Status then → now" in text
    assert "open → done" in text and "What worked and what did not" in text


def test_an_untouched_report_verifies_and_a_changed_review_is_tampered(
    report: PlanPayload, report_pdf: bytes
) -> None:
    verdict = verify_plan(report_pdf)
    assert verdict.status is Status.OK, verdict.reason
    assert verdict.signed_off and verdict.message.endswith("(10 van 10 akkoord, vastgesteld)")

    data = json.loads(report.to_bytes())
    data["snapshot"]["reviews"][0]["decision"] = "stop"  # "doorgaan" made "stoppen"
    tampered = _with_attachment(report_pdf, json.dumps(data).encode("utf-8"))
    verdict = verify_plan(tampered)
    assert verdict.status is Status.TAMPERED and "fingerprint" in verdict.reason


def test_a_report_whose_plan_and_fingerprint_were_both_rewritten_is_tampered(
    report: PlanPayload, report_pdf: bytes
) -> None:
    """A forger who recomputes the fingerprint and seal still has the old pages."""
    snapshot: Any = json.loads(json.dumps(report.snapshot))
    snapshot["reviews"][0]["status_now"] = "done"
    forged = PlanPayload(
        snapshot=snapshot,
        sha256=fingerprint(snapshot),
        signed_off=report.signed_off,
        decisions=report.decisions,
        dated=report.dated,
        language=report.language,
    )
    verdict = verify_plan(_with_attachment(report_pdf, forged.to_bytes()))
    assert verdict.status is Status.TAMPERED


def test_the_same_report_gives_the_same_bytes(report: PlanPayload, report_pdf: bytes) -> None:
    assert render_plan(report) == report_pdf


def _with_attachment(pdf: bytes, raw: bytes) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    del writer._root_object["/Names"]
    writer.add_attachment(ATTACHMENT, raw)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_report_with_unreviewed_agreements_no_cards_and_nothing_new_draws_and_verifies(
    tmp_path: Path,
) -> None:
    """Reviews left empty, one of a key the signed plan lacks, no progress, no cards: the chart
    gets a column for what nobody knows, and every section says what it lacks."""
    document: Any = follow_up_document()
    document["progress"], document["lessons"] = [], []
    document["agreements"] = [a for a in document["agreements"] if a["key"] != "a-financiering"]
    for review in document["reviews"]:
        review.update(status_now=None, indicator_seen=None, decision=None, what_happened="")
    document["reviews"].append({"agreement": "a-wandelgroep"})  # new: not in the signed plan
    snapshot = plan_snapshot(document, 1)
    payload = PlanPayload(snapshot=snapshot, sha256=fingerprint(snapshot), signed_off=False)
    data = render_plan(payload)
    assert verify_plan(data).status is Status.OK
    text = _flat(_pdftotext(data, tmp_path))
    assert "onbekend" in text and "niet in het vastgestelde plan" in text
    assert "Er zijn geen kaartjes geschreven." in text
    assert "Er zijn geen nieuwe afspraken gemaakt." in text
    assert "Er is geen afspraak bijgesteld." not in text  # two wordings differ from the signed


def test_an_ordinary_plan_is_no_progress_report(concept_pdf: bytes, tmp_path: Path) -> None:
    text = _flat(_pdftotext(concept_pdf, tmp_path))
    assert "Samenwerkingsplan" in text and "Voortgangsrapportage" not in text


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda s: s["origin"].update(plan={}), "snapshot.origin"),
        (lambda s: s["origin"].update(fingerprint="F" * 64), "snapshot.origin.fingerprint"),
        (lambda s: s["origin"].update(version=0), "snapshot.origin.version"),
        (lambda s: s["reviews"][1].update(signed={"what": "x"}), "snapshot.reviews[1].signed"),
        (lambda s: s["reviews"][2].update(indicator_seen="maybe"), "indicator_seen"),
    ],
)
def test_a_link_or_review_the_app_could_not_make_is_tampered(
    report: PlanPayload, report_pdf: bytes, change: Any, where: str
) -> None:
    snapshot: Any = json.loads(json.dumps(report.snapshot))
    change(snapshot)
    forged = PlanPayload(
        snapshot=snapshot,
        sha256=fingerprint(snapshot),
        signed_off=report.signed_off,
        decisions=report.decisions,
        dated=report.dated,
        language=report.language,
    )
    verdict = verify_plan(_with_attachment(report_pdf, forged.to_bytes()))
    assert verdict.status is Status.TAMPERED and where in verdict.reason


def test_a_stored_report_of_this_edition_still_verifies() -> None:
    """Made when reports began (edition 5). When this fails, the same payload now draws other
    bytes: give reports a new edition in payload.py, keep this file (it must then be CANNOT
    CHECK) and store one of the new edition beside it."""
    stored = (FIXTURES / f"progress-report-renderer-{REPORT_EDITION}.pdf").read_bytes()
    verdict = verify_plan(stored)
    assert verdict.status is Status.OK, verdict.reason


def test_each_kind_of_plan_is_checked_only_in_its_own_edition(
    report: PlanPayload, report_pdf: bytes
) -> None:
    """An ordinary plan signed in edition 4 still verifies after reports began in 5; a report
    that claims the ordinary plans' edition (which cannot draw it) is never OK."""
    assert report.renderer == REPORT_EDITION != PLAN_EDITION
    data = json.loads(report.to_bytes())
    data["renderer"] = PLAN_EDITION
    verdict = verify_plan(_with_attachment(report_pdf, json.dumps(data).encode("utf-8")))
    assert verdict.status is Status.CANNOT_CHECK and not verdict.ok
