"""Register the shipped DejaVu Sans once, so every name prints (Gülşen, Łukasz, Nguyễn, عائشة)."""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from worksession.paths import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"


@cache
def register_fonts() -> str:
    """Register the family (regular, bold, italic) and return its name for the styles."""
    for name in (REGULAR, BOLD, ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", f"{name}.ttf"))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR
