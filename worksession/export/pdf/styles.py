"""One stylesheet for the plan: calm, readable, the colours of the app."""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1

from worksession.export.pdf.fonts import BOLD, register_fonts

ACCENT = colors.HexColor("#1f6f8b")
MUTED = colors.HexColor("#5f6b73")
RULE = colors.HexColor("#c9d3d9")
TABLE_HEAD = colors.HexColor("#e6eff3")


@cache
def stylesheet() -> StyleSheet1:
    font = register_fonts()
    sheet = StyleSheet1()
    base = ParagraphStyle("Body", fontName=font, fontSize=9.5, leading=13, alignment=TA_LEFT)
    sheet.add(base)
    sheet.add(ParagraphStyle("Small", parent=base, fontSize=8, leading=10.5))
    sheet.add(ParagraphStyle("Muted", parent=base, textColor=MUTED))
    # A web address too long for its column breaks at a slash; other long words get soft
    # hyphens where Dutch breaks them (``hyphenation``).
    cell = ParagraphStyle("Cell", parent=base, fontSize=8, leading=10, uriWasteReduce=0.3)
    sheet.add(cell)
    sheet.add(ParagraphStyle("CellHead", parent=cell, fontName=BOLD))
    sheet.add(ParagraphStyle("CellTheme", parent=cell, fontName=BOLD, textColor=ACCENT))
    sheet.add(
        ParagraphStyle(
            "Title",
            parent=base,
            fontName=BOLD,
            fontSize=24,
            leading=30,
            textColor=ACCENT,
            spaceAfter=10,
        )
    )
    sheet.add(
        ParagraphStyle(
            "Heading1",
            parent=base,
            fontName=BOLD,
            fontSize=15,
            leading=19,
            textColor=ACCENT,
            spaceBefore=4,
            spaceAfter=8,
        )
    )
    sheet.add(
        ParagraphStyle(
            "Heading2",
            parent=base,
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=10,
            spaceAfter=4,
        )
    )
    sheet.add(ParagraphStyle("Lead", parent=base, fontSize=11, leading=15, spaceAfter=6))
    return sheet
