"""Table cells that print like paragraphs but cost less to lay out.

Most cells of the plan's tables are short: a name, a date, "ja". Laid out as a Paragraph, each
one is parsed as markup, then broken into lines twice (the table measures its rows, then wraps
every cell again to draw it), and again for each page a long table is split over. A cell whose
text fits its column line by line prints exactly the same as a plain string, which the table
draws itself: same font, size and leading (the table style sets them from the cell style), and
the first baseline one font size below the padding, as a paragraph's is
(``rl_config.paraFontSizeHeightOffset``). Only text that has to wrap stays a paragraph, and that
paragraph remembers its line breaks for the width it was given. So does text the table cannot
draw as it is: right-to-left lines, and characters that need a fallback font (``scripts``).
"""

from __future__ import annotations

from typing import Any, TypeAlias

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from worksession.export.pdf.scripts import has_right_to_left, is_plain
from worksession.export.pdf.text import ReadingOrderParagraph, user_markup

# The cell padding left and right (reportlab's default), which the tables set from here.
SIDE_PADDING = 6.0
# Stay this far inside the column when deciding that a line fits: a line nearly as wide as
# the column is left to the paragraph, which then decides exactly as before.
FIT_MARGIN = 0.5  # as ``text.FIT_MARGIN``

Cell: TypeAlias = str | list[Any] | Paragraph


class OnceWrapped(Paragraph):
    """A paragraph that breaks its lines once per width: a table asks for the same width
    while it measures, draws and splits over pages, and the answer never changes (a paragraph's
    lines do not depend on the height it is offered)."""

    _wrapped_for: float | None = None
    _size: tuple[float, float] = (0.0, 0.0)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if available_width != self._wrapped_for:
            self._size = super().wrap(available_width, available_height)
            self._wrapped_for = available_width
        return self._size


def cell(text: object, style: ParagraphStyle, column_width: float) -> Cell:
    """What the table gets for ``text``: the plain string when it is all left-to-right DejaVu
    text and every line fits the column, nothing for empty text, otherwise a paragraph that
    wraps (and sets each part in its font)."""
    value = "" if text is None else str(text)
    if not value:
        return []  # an empty paragraph is 0 high; an empty string would be one line high
    room = column_width - 2 * SIDE_PADDING - FIT_MARGIN
    if is_plain(value) and _fits(value.split("\n"), style, room):
        return value
    if has_right_to_left(value):
        return ReadingOrderParagraph(value, style)
    return OnceWrapped(user_markup(value), style)


def _fits(lines: list[str], style: ParagraphStyle, room: float) -> bool:
    return all(
        _prints_as_typed(line) and stringWidth(line, style.fontName, style.fontSize) <= room
        for line in lines
    )


def _prints_as_typed(line: str) -> bool:
    """Whether a paragraph would print ``line`` unchanged: it is not empty (a paragraph drops
    a trailing line break), has no special characters (soft hyphens, no-break spaces, tabs)
    and no runs of spaces (a paragraph prints them as one)."""
    return bool(line) and line.isprintable() and line == " ".join(line.split())
