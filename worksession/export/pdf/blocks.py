"""The building blocks every section of the plan uses: the content width, headings that are
bookmarks, the table style, and who is who."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from worksession.domain.document_keys import people_by_key
from worksession.domain.plan import Snapshot
from worksession.export.pdf.cells import SIDE_PADDING, Cell, cell
from worksession.export.pdf.hyphenation import at_hyphens, breakable
from worksession.export.pdf.styles import RULE, TABLE_HEAD, stylesheet
from worksession.export.pdf.text import para

CONTENT_WIDTH = 170 * mm
# More than the height of a page's frame: what a table is measured in.
PAGE_ROOM = 250 * mm
# The height of a page's frame in the plan (A4, 20 mm margins, the frame's 6 pt padding).
FRAME_HEIGHT = 297 * mm - 2 * 20 * mm - 2 * 6


class RowTable(Table):
    """A table split over pages between its rows, never inside one — except a row that with
    the column heads is taller than a whole page. Such a row (an agreement of thousands of
    characters) could never be placed and stopped the export; it is split inside the row.
    Every table that could be drawn before is drawn exactly as before."""

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self._calc(available_width, available_height)  # the row heights, as ``split`` measures
        if not getattr(self, "splitInRow", 0) and self._taller_than_a_page():
            # Split where the page ends, also inside a row; the parts made from here do the same.
            self.splitByRow, self.splitInRow = 0, 1
        return list(super().split(available_width, available_height))

    def _taller_than_a_page(self) -> bool:
        heads = sum(self._rowHeights[: self.repeatRows])
        return any(heads + height > FRAME_HEIGHT for height in self._rowHeights[self.repeatRows :])


class Heading(Flowable):
    """A section heading that also becomes a bookmark in the PDF outline."""

    def __init__(self, title: str, key: str, level: int = 0) -> None:
        super().__init__()
        self.paragraph = para(title, "Heading1" if level == 0 else "Heading2")
        self.title, self.key, self.level = title, key, level

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        width, height = self.paragraph.wrap(available_width, available_height)
        self.width, self.height = width, height
        return width, height

    def getSpaceBefore(self) -> float:
        return float(self.paragraph.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.paragraph.getSpaceAfter())

    def draw(self) -> None:
        # The bookmark opens the page at the heading, not at the top of the page.
        _left, top = self.canv.absolutePosition(0, self.height + self.getSpaceBefore())
        self.canv.bookmarkPage(self.key, fit="XYZ", top=round(top, 1))
        self.canv.addOutlineEntry(self.title, self.key, level=self.level)
        self.paragraph.drawOn(self.canv, 0, 0)


def people(snapshot: Snapshot) -> dict[str, str]:
    """Key → name for everyone who can be named as a lead, partner or member."""
    return people_by_key(snapshot)


def table(
    header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float]
) -> Table:
    """A table whose header repeats on every page; every cell is user text that wraps."""
    head, body = stylesheet()["CellHead"], stylesheet()["Cell"]
    data = [[_cell(text, head, width) for text, width in zip(header, widths, strict=True)]]
    data += [
        [_cell(text, body, width) for text, width in zip(row, widths, strict=True)] for row in rows
    ]
    result = RowTable(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    result.setStyle(
        TableStyle(
            [
                # Short cells are plain strings the table draws in its own font: the cell
                # styles' font, size and leading, so they print as the paragraphs would.
                ("FONTNAME", (0, 0), (-1, -1), body.fontName),
                ("FONTNAME", (0, 0), (-1, 0), head.fontName),
                ("FONTSIZE", (0, 0), (-1, -1), body.fontSize),
                ("LEADING", (0, 0), (-1, -1), body.leading),
                ("LEFTPADDING", (0, 0), (-1, -1), SIDE_PADDING),  # what ``cell`` measures with
                ("RIGHTPADDING", (0, 0), (-1, -1), SIDE_PADDING),
                ("BACKGROUND", (0, 0), (-1, 0), TABLE_HEAD),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return result


def _cell(text: object, style: ParagraphStyle, width: float) -> Cell:
    """A table cell whose words too wide for the column break with a hyphen."""
    if isinstance(text, Paragraph):
        return text
    if not isinstance(text, str):
        return cell(text, style, width)
    broken = breakable(text, style.fontName, style.fontSize, width - 2 * SIDE_PADDING)
    return cell(broken.text, at_hyphens(style) if broken.at_hyphens else style, width)


def with_first_row(headings: Sequence[Flowable], rows: Table) -> list[Flowable]:
    """The headings and their table, on a new page unless the first row fits below them: a
    heading never stands alone at the foot of a page. (A row is not split over pages, and one
    agreement's row can be a third of a page.)"""
    needed = sum(
        heading.wrap(CONTENT_WIDTH, PAGE_ROOM)[1]
        + heading.getSpaceBefore()
        + heading.getSpaceAfter()
        for heading in headings
    )
    rows.wrap(CONTENT_WIDTH, PAGE_ROOM)  # measures the rows, as drawing will again
    needed += sum(rows._rowHeights[:2])  # the column heads and the first row
    return [CondPageBreak(min(needed, PAGE_ROOM / 2)), *headings, rows]
