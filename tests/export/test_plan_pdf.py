"""The plan PDF: every name and agreement is in it, any name prints, user text is escaped,
the same version gives the same bytes, and verify tells an untouched plan from a changed one."""

from __future__ import annotations

import copy
import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfbase import pdfmetrics

from worksession.demo import demo_document
from worksession.domain.plan import fingerprint, plan_snapshot
from worksession.export.pdf.fonts import BOLD, REGULAR, register_fonts
from worksession.export.pdf.plan import (
    ATTACHMENT,
    RENDERER,
    PlanPayload,
    render_plan,
    verify_plan,
)
from worksession.programmes.library import load_library

NAMES = ["Gülşen Yılmaz", "Łukasz Wiśniewski", "Nguyễn Thị Hạnh", "Zoë de Vries",
         "IJsbrand Çelik", "عائشة"]  # fmt: skip


def _payload(document: dict[str, object] | None = None, signed: bool = False) -> PlanPayload:
    snapshot = plan_snapshot(document or demo_document(load_library()), 1)
    return PlanPayload(snapshot=snapshot, sha256=fingerprint(snapshot), signed_off=signed)


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture(scope="module")
def demo_pdf() -> bytes:
    return render_plan(_payload())


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_every_participant_stakeholder_and_agreement_is_in_the_text(demo_pdf: bytes) -> None:
    text = _text(demo_pdf)
    snapshot = _payload().snapshot
    for person in snapshot["participants"] + snapshot["stakeholders"]:
        assert _flat(person["name"]) in text
    for agreement in snapshot["agreements"]:
        assert _flat(agreement["what"])[:60] in text


def test_the_plan_has_its_sections_outline_and_metadata(demo_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(demo_pdf))
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert len(outline) >= 7
    assert reader.metadata is not None and "Kaalheide" in str(reader.metadata.title)
    text = _text(demo_pdf)
    assert "pagina 1 van" in text and "CONCEPT" in text
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert all("DejaVu" in font for font in fonts), fonts  # embedded, no standard fonts


def test_every_character_of_international_names_has_a_glyph() -> None:
    register_fonts()
    for font_name in (REGULAR, BOLD):
        face = pdfmetrics.getFont(font_name).face
        for name in NAMES:
            for char in name.replace(" ", ""):
                assert ord(char) in face.charToGlyph, f"{font_name} has no glyph for {char!r}"


def test_international_names_and_markup_characters_print_as_typed() -> None:
    document = copy.deepcopy(demo_document(load_library()))
    for person, name in zip(document["participants"], NAMES, strict=False):
        person["name"] = name
    document["agreements"][0]["what"] = "Koffie & thee <b>gratis</b> voor iedereen"
    text = _text(render_plan(_payload(document)))
    for name in NAMES[:-1]:  # Arabic is stored right to left; its glyph check is above
        assert name in text
    assert "Koffie & thee <b>gratis</b> voor iedereen" in text


def test_the_same_version_gives_byte_identical_files(demo_pdf: bytes) -> None:
    assert render_plan(_payload()) == demo_pdf


def test_an_untouched_plan_verifies(demo_pdf: bytes) -> None:
    verdict = verify_plan(demo_pdf)
    assert verdict.ok
    assert verdict.message == (
        f"OK Samen gezond oud worden in Kaalheide version 1 sha256:{_payload().sha256}"
    )


def test_a_changed_word_in_the_text_is_tampering(demo_pdf: bytes) -> None:
    original = _payload()
    changed = copy.deepcopy(original.snapshot)
    changed["agreements"][0]["what"] = changed["agreements"][0]["what"].replace("vijf", "tien")
    # The visible text of the changed plan, carrying the original plan's data.
    forged_body = render_plan(PlanPayload(changed, original.sha256, False))
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(forged_body)))
    del writer._root_object["/Names"]  # drop the changed data, attach the original
    writer.add_attachment("worksession-plan.json", original.to_bytes())
    out = io.BytesIO()
    writer.write(out)
    assert verify_plan(out.getvalue()).message == "TAMPERED"


def test_a_changed_byte_of_the_snapshot_is_tampering(demo_pdf: bytes) -> None:
    payload = _payload()
    raw = bytearray(payload.to_bytes())
    raw[raw.index(b"Kaalheide")] = ord("k")
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(demo_pdf)))
    del writer._root_object["/Names"]
    writer.add_attachment("worksession-plan.json", bytes(raw))
    out = io.BytesIO()
    writer.write(out)
    assert verify_plan(out.getvalue()).message == "TAMPERED"


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4 nothing here", b"not a pdf at all", b""],
)
def test_other_files_are_not_worksession_plans(data: bytes) -> None:
    assert verify_plan(data).message == "NOT A WORKSESSION PLAN"


def test_a_plain_pdf_is_not_a_worksession_plan() -> None:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Notulen")
    canvas.save()
    assert verify_plan(buffer.getvalue()).message == "NOT A WORKSESSION PLAN"


def test_a_signed_off_plan_has_no_concept_mark() -> None:
    text = _text(render_plan(_payload(signed=True)))
    assert "CONCEPT" not in text and "vastgesteld" in text


def test_a_large_plan_flows_across_pages_and_keeps_every_name() -> None:
    from worksession.demo import large_document

    payload = _payload(large_document())
    data = render_plan(payload)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 12
    text = _text(data)
    for record in payload.snapshot["participants"] + payload.snapshot["stakeholders"]:
        assert record["name"] in text
    for agreement in payload.snapshot["agreements"]:
        assert agreement["what"][:40] in text  # "&" and "<overleg>" print as typed
    assert "pagina 2 van" in _flat(reader.pages[1].extract_text())
    assert verify_plan(data).ok


EARLIER_EDITION = Path(__file__).parent / "fixtures" / "demo-plan-renderer-1.pdf"


def test_a_plan_made_by_the_earlier_layout_still_verifies_by_its_words() -> None:
    # Exported before the layout's second edition: the same pages, other bytes.
    verdict = verify_plan(EARLIER_EDITION.read_bytes())
    assert verdict.ok and verdict.message.startswith("OK Samen gezond oud worden in Kaalheide")
    assert verdict.note  # says that the text, not the bytes, was compared


def test_a_changed_word_in_an_earlier_editions_plan_is_tampering() -> None:
    original = PlanPayload.from_bytes(
        PdfReader(io.BytesIO(EARLIER_EDITION.read_bytes())).attachments[ATTACHMENT][0]
    )
    assert original.renderer == 1  # the first edition's data does not name its layout
    changed = copy.deepcopy(original.snapshot)
    changed["agreements"][0]["what"] = changed["agreements"][0]["what"].replace("vijf", "tien")
    forged_body = render_plan(replace(original, snapshot=changed))
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(forged_body)))
    del writer._root_object["/Names"]
    writer.add_attachment(ATTACHMENT, original.to_bytes())
    out = io.BytesIO()
    writer.write(out)
    assert verify_plan(out.getvalue()).message == "TAMPERED"


def test_the_payload_names_the_layout_that_drew_it() -> None:
    payload = _payload()
    assert PlanPayload.from_bytes(payload.to_bytes()).renderer == RENDERER
    assert not verify_plan(render_plan(payload)).note  # the current layout: byte for byte
