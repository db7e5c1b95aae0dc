"""Table cells of the plan: short text is drawn by the table itself, long or unusual text stays
a wrapping paragraph, and either way a table is as high as an all-paragraph table would be; the
file opens with its outline and carries the plan as an attachment."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table

from worksession.domain.plan import fingerprint, plan_snapshot
from worksession.domain.validation import LONG_TEXT_MAX
from worksession.export.pdf.blocks import table
from worksession.export.pdf.cells import SIDE_PADDING, OnceWrapped, cell
from worksession.export.pdf.payload import ATTACHMENT, PlanPayload
from worksession.export.pdf.plan import render_plan
from worksession.export.pdf.styles import stylesheet
from worksession.export.pdf.text import para
from worksession.export.pdf.verify import Status, verify_plan
from worksession.workflows.demo import large_document

WIDTH = 90.0
TEXTS = [
    "ja",
    "Anna de Vries",
    "30-04-2026\nopen\n(afspraak)",
    "Maximiliaan-Alexander van Oldenbarnevelt tot Kaalheide-Noordwijkerhout",
    "Supercalifragilisticexpialidocioushuisartsenpraktijk",
    "Gülşen  Yılmaz",
    " Łukasz ",
    "Zoë\xa0de Vries",
    "Nguyễn\tThị",
    "a\n",
    "rol\n\nmet lege regel",
    "Koffie & <b>thee</b>",
    "",
]


@pytest.mark.parametrize("text", ["ja", "Anna de Vries", "30-04-2026\nopen", "Koffie & <b>"])
def test_short_text_is_a_plain_string_as_typed(text: str) -> None:
    assert cell(text, stylesheet()["Cell"], WIDTH) == text


@pytest.mark.parametrize(
    "text",
    [
        "Maximiliaan-Alexander van Oldenbarnevelt tot Kaalheide-Noordwijkerhout",
        "Supercalifragilisticexpialidocioushuisartsenpraktijk",
        "Gülşen  Yılmaz",  # a paragraph prints the two spaces as one
        "Zoë\xa0de Vries",
        "a\n",  # a paragraph drops the last line break
    ],
)
def test_long_or_unusual_text_stays_a_paragraph(text: str) -> None:
    assert isinstance(cell(text, stylesheet()["Cell"], WIDTH), Paragraph)


def test_a_plain_string_never_runs_past_its_column() -> None:
    style = stylesheet()["Cell"]
    for text in TEXTS:
        value = cell(text, style, WIDTH)
        if isinstance(value, str):
            for line in value.split("\n"):
                width = stringWidth(line, style.fontName, style.fontSize)
                assert width <= WIDTH - 2 * SIDE_PADDING


def test_a_table_is_as_high_as_with_paragraphs_only() -> None:
    header = ["Naam", "Rol", "Wanneer, status"]
    rows = [TEXTS[i : i + 3] for i in range(0, len(TEXTS) - 2, 3)] + [["ja", "", "nee"]]
    ours = table(header, rows, [WIDTH] * 3)
    reference = table(header, rows, [WIDTH] * 3)  # the same table, every cell a paragraph
    reference._cellvalues = [[para(text, "CellHead") for text in header]] + [
        [para(text, "Cell") for text in row] for row in rows
    ]
    assert ours.wrap(3 * WIDTH, 10_000) == reference.wrap(3 * WIDTH, 10_000)
    assert ours._rowHeights == reference._rowHeights


def test_a_paragraph_cell_breaks_its_lines_once_per_width() -> None:
    paragraph = cell("een lange tekst " * 20, stylesheet()["Cell"], WIDTH)
    assert isinstance(paragraph, OnceWrapped)
    first = paragraph.wrap(WIDTH - 12, 1000)
    lines = paragraph.blPara
    assert paragraph.wrap(WIDTH - 12, 50) == first and paragraph.blPara is lines
    assert paragraph.wrap(2 * WIDTH, 1000)[1] < first[1]


def test_the_plan_opens_with_its_outline_and_carries_its_data() -> None:
    snapshot = plan_snapshot(large_document(), 1)
    payload = PlanPayload(snapshot, fingerprint(snapshot), False)
    reader = PdfReader(io.BytesIO(render_plan(payload)))
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    assert reader.attachments[ATTACHMENT] == [payload.to_bytes()]


def test_cells_keep_the_header_bold() -> None:
    header = table(["Naam"], [["Anna"]], [WIDTH])
    assert isinstance(header, Table)
    assert header._cellStyles[0][0].fontname == stylesheet()["CellHead"].fontName
    assert header._cellStyles[1][0].fontname == stylesheet()["Cell"].fontName


def test_an_agreement_as_long_as_the_window_allows_is_split_over_pages_and_verifies() -> None:
    # A row taller than a page could never be placed: the export stopped with a LayoutError.
    document = large_document()
    words = "samen werken aan gezondheid in de wijk met het beweegaanbod voor ouderen "
    document["agreements"][0]["what"] = (words * 200)[:LONG_TEXT_MAX].strip()
    snapshot = plan_snapshot(document, 1)
    pdf = render_plan(PlanPayload(snapshot, fingerprint(snapshot), False))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert text.count("beweegaanbod") >= 100  # the whole text, not cut off
    assert verify_plan(pdf).status is Status.OK
