"""The plan PDF: every name and agreement is in it, any name prints, user text is escaped,
the same version gives the same bytes, and verify tells an untouched plan from a changed one."""

from __future__ import annotations

import copy
import io
import re

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from worksession.domain.plan import fingerprint, plan_snapshot
from worksession.export.pdf.fonts import BOLD, REGULAR, register_fonts
from worksession.export.pdf.payload import PlanPayload
from worksession.export.pdf.plan import render_plan
from worksession.export.pdf.verify import verify_plan
from worksession.programmes.library import load_library
from worksession.workflows.demo import demo_document

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
    from worksession.workflows.demo import large_document

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
