"""The presentielijst: the attendance list printed before the session and signed in the room.

Landscape A4, for an accreditation body to read: every page starts with the session's details
(organiser, title, date, start and end time, accreditation ID, location, coach), so a loose page
still says what it belongs to, and the table's column heads repeat on every page. Everyone who
may come is listed — invited, registered or already marked present, not who declined — sorted
by name, each with a wide signature cell, then empty rows for people who come unannounced.

A separate document from the plan: it has its own layout and does not touch the plan's edition
(``payload.PLAN_EDITION``). It uses the plan's fonts and cells, so names in any script print.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from worksession.domain.attendance_sheet import AttendanceRow, AttendanceSheet
from worksession.export.pdf.cells import SIDE_PADDING, Cell, cell
from worksession.export.pdf.drawing import reportlab_settings
from worksession.export.pdf.fonts import REGULAR
from worksession.export.pdf.hyphenation import at_hyphens, breakable
from worksession.export.pdf.styles import MUTED, RULE, TABLE_HEAD, stylesheet
from worksession.export.pdf.text import day, label_value, para
from worksession.i18n import _

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
MARGIN = 12 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
FOOTER_ROOM = 10 * mm
# Empty rows after the names: people who come without having registered sign there.
WALK_IN_ROWS = 6
# The least height of a row, inside its padding: room for a signature, and for two lines of
# text (a function or an organisation often takes two).
SIGN_ROOM = 7.5 * mm
# Number, name, initials, function, register, number, organisation, signature (the rest).
_FIXED = [11 * mm, 48 * mm, 23 * mm, 46 * mm, 19 * mm, 27 * mm, 44 * mm]
WIDTHS = [*_FIXED, CONTENT_WIDTH - sum(_FIXED)]


def render_attendance_list(sheet: AttendanceSheet) -> bytes:
    """The presentielijst of ``sheet`` as PDF bytes; the same sheet gives the same bytes."""
    with reportlab_settings():  # as the plan is drawn: no other drawing changes them meanwhile
        return _render(sheet)


def _render(sheet: AttendanceSheet) -> bytes:
    header = _header(sheet)
    header_height = sum(part.wrap(CONTENT_WIDTH, PAGE_HEIGHT)[1] for part in header)
    top = MARGIN + header_height + 4 * mm
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        title=_("Attendance list") + f" – {sheet.title}",
        author=sheet.coach,
        creator="worksession",
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=top,
        bottomMargin=MARGIN + FOOTER_ROOM,
    )
    frame = Frame(
        MARGIN,
        MARGIN + FOOTER_ROOM,
        CONTENT_WIDTH,
        PAGE_HEIGHT - top - MARGIN - FOOTER_ROOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )

    def on_page(canvas: Canvas, _document: BaseDocTemplate) -> None:
        # Drawn anew on every page: the details of the session above the table.
        y = PAGE_HEIGHT - MARGIN
        for part in header:
            _width, height = part.wrapOn(canvas, CONTENT_WIDTH, PAGE_HEIGHT)
            y -= height
            part.drawOn(canvas, MARGIN, y)

    document.addPageTemplates([PageTemplate("list", [frame], onPage=on_page)])
    document.build(
        [attendance_table(sheet.expected), Spacer(1, 2 * mm), para(_note(), "Small")],
        canvasmaker=_NumberedCanvas,
    )
    return buffer.getvalue()


def _header(sheet: AttendanceSheet) -> list[Flowable]:
    details = [
        (_("Organiser"), sheet.organiser),
        (_("Date"), day(sheet.date.isoformat()) if sheet.date else ""),
        (_("Start and end time"), sheet.times),
        (_("Accreditation ID"), sheet.accreditation_id),
        (_("Location"), sheet.location),
        (_("Coach"), sheet.coach),
    ]
    # Three columns of details, two rows: the table below keeps the most room.
    cells = [label_value(label, value) for label, value in details]
    grid = Table([cells[:3], cells[3:]], colWidths=[CONTENT_WIDTH / 3] * 3, hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [para(_("Attendance list"), "Muted"), para(sheet.title, "Heading1"), grid]


def attendance_table(rows: tuple[AttendanceRow, ...]) -> Table:
    """A row per person and the empty rows for walk-ins; the column heads on every page."""
    header = [
        _("No."),
        _("Name"),
        _("Initials"),
        _("Function"),
        _("Registration type"),
        _("Registration number"),
        _("Organisation"),
        _("Signature"),
    ]
    people = [
        [
            str(number),
            row.name,
            row.initials,
            row.function,
            row.registration_type_label,
            row.registration,
            row.organisation,
        ]
        for number, row in enumerate(rows, start=1)
    ]
    people += [[str(len(rows) + n), *[""] * 6] for n in range(1, WALK_IN_ROWS + 1)]
    styles = stylesheet()
    head, body = styles["CellHead"], styles["Cell"]
    data: list[list[Any]] = [
        [_cell(text, head, width) for text, width in zip(header, WIDTHS, strict=True)]
    ]
    # The signature cell holds the room to sign: every row is at least that high.
    data += [
        [
            *(_cell(text, body, width) for text, width in zip(row, WIDTHS[:-1], strict=True)),
            Spacer(1, SIGN_ROOM),
        ]
        for row in people
    ]
    result = Table(data, colWidths=WIDTHS, repeatRows=1, hAlign="LEFT")
    result.setStyle(
        TableStyle(
            [
                # Short cells are plain strings the table draws in its own font (``cells``).
                ("FONTNAME", (0, 0), (-1, -1), body.fontName),
                ("FONTNAME", (0, 0), (-1, 0), head.fontName),
                ("FONTSIZE", (0, 0), (-1, -1), body.fontSize),
                ("LEADING", (0, 0), (-1, -1), body.leading),
                ("LEFTPADDING", (0, 0), (-1, -1), SIDE_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), SIDE_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("BACKGROUND", (0, 0), (-1, 0), TABLE_HEAD),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TEXTCOLOR", (0, 1), (0, -1), MUTED),
            ]
        )
    )
    return result


def _cell(text: str, style: ParagraphStyle, width: float) -> Cell:
    """A cell of user text; a word too wide for its column breaks with a hyphen."""
    broken = breakable(text, style.fontName, style.fontSize, width - 2 * SIDE_PADDING)
    return cell(broken.text, at_hyphens(style) if broken.at_hyphens else style, width)


def _note() -> str:
    return _(
        "Sign only for yourself. Not on the list? Write your details in an empty row. "
        "The organiser sends the attendance to the accreditation body within two months."
    )


class _NumberedCanvas(Canvas):
    """Holds its pages back until the last one is known, then numbers them "page X of Y"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.saveState()
            self.setFillColor(MUTED)
            self.setFont(REGULAR, 7.5)
            self.drawRightString(
                PAGE_WIDTH - MARGIN,
                MARGIN,
                _("page {number} of {total}").format(number=self.getPageNumber(), total=total),
            )
            self.restoreState()
            super().showPage()
        super().save()
