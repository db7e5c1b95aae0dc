"""The page every printed sheet besides the plan shares (programme, wie is wie, factsheet).

A4 with the plan's margins, no clock in the file (the same sheet gives the same bytes), and a
footer: a rule, a line of text on the left and the page number on the right. The caller draws
under ``drawing.reportlab_settings`` as the plan is drawn.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from worksession.export.pdf.fonts import REGULAR
from worksession.export.pdf.layout import MARGIN, PAGE_WIDTH
from worksession.export.pdf.strings import draw_text
from worksession.export.pdf.styles import MUTED, RULE
from worksession.i18n import _


def cut_short(text: str, characters: int) -> str:
    """``text``, cut with an ellipsis after ``characters``: a long title in a footer would
    run into the page number."""
    return text if len(text) <= characters else text[:characters] + "…"


def sheet_pdf(
    flowables: Sequence[Flowable],
    *,
    title: str,
    author: str,
    footer: str,
    subject: str | None = None,
    numbered_from: int = 1,
) -> bytes:
    """The flowables as an A4 PDF with ``footer`` on every page and the page number from page
    ``numbered_from`` on (a sheet meant for one page says its number only when it runs over)."""
    out = io.BytesIO()
    details: dict[str, Any] = {"title": title, "author": author, "creator": "worksession"}
    if subject is not None:
        details["subject"] = subject
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=22 * mm,
        invariant=True,  # no clock in the file: the same sheet gives the same bytes
        **details,
    )

    def draw_footer(canvas: Canvas, _document: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, 14 * mm, PAGE_WIDTH - MARGIN, 14 * mm)
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 7.5)
        draw_text(canvas, MARGIN, 10 * mm, footer)
        if canvas.getPageNumber() >= numbered_from:
            page = _("page {number}").format(number=canvas.getPageNumber())
            canvas.drawRightString(PAGE_WIDTH - MARGIN, 10 * mm, page)
        canvas.restoreState()

    document.build(list(flowables), onFirstPage=draw_footer, onLaterPages=draw_footer)
    return out.getvalue()
