"""Safe text for platypus: every user string is escaped before it becomes a Paragraph, and each
part of it is set in a font that has its glyphs (see ``scripts``)."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from worksession.export.pdf.scripts import broken, has_right_to_left, is_plain, visual, visual_runs
from worksession.export.pdf.styles import stylesheet

# Stay this far inside the room when breaking lines ourselves (as ``cells`` does to decide fit).
FIT_MARGIN = 0.5


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, as ``xml.sax.saxutils.escape`` writes them (which
    would import ``urllib.request`` and its HTTP client into the app, a megabyte for three
    replacements)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str) -> str:
    """``text`` as an attribute value in double quotes, as ``xml.sax.saxutils.quoteattr``
    writes it (for the font names of ``scripts``)."""
    escaped = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in escaped:
        return f'"{escaped}"'
    if "'" not in escaped:
        return f"'{escaped}'"
    return '"{}"'.format(escaped.replace('"', "&quot;"))


def para(text: object, style: str = "Body") -> Paragraph:
    """A paragraph of user text: ``<`` and ``&`` print as typed, line breaks are kept."""
    value = "" if text is None else str(text)
    if has_right_to_left(value):
        return ReadingOrderParagraph(value, stylesheet()[style])
    return Paragraph(user_markup(value), stylesheet()[style])


class ReadingOrderParagraph(Paragraph):
    """A paragraph with Hebrew or Arabic in it, broken into lines in the order it was typed.

    Each line is put in visual order on its own (``scripts.broken``) once the width is known,
    and the paragraph gets exactly those lines; it breaks its lines once per width, as a table
    asks for the same width while it measures, draws and splits over pages."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        self._source = text
        self._wrapped_for: float | None = None
        self._size = (0.0, 0.0)
        super().__init__(user_markup(text), style)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if available_width != self._wrapped_for:
            style = self.style
            # A hair inside the room, so the paragraph never breaks a line that was measured
            # to fit (which would put its parts back out of order).
            room = available_width - style.leftIndent - style.rightIndent - FIT_MARGIN
            lines = [
                part
                for line in self._source.split("\n")
                for part in broken(line, room, style.fontName, style.fontSize)
            ]
            Paragraph.__init__(self, "<br/>".join(map(_ordered_markup, lines)), style)
            self._size = super().wrap(available_width, available_height)
            self._wrapped_for = available_width
        return self._size


def user_markup(text: object, *, line_breaks: bool = True) -> str:
    """User text as paragraph markup that prints as typed: line breaks kept (or, without
    ``line_breaks``, left for the paragraph to print as spaces), right-to-left lines in visual
    order, and parts DejaVu cannot print in their fallback font."""
    value = "" if text is None else str(text)
    separator = "<br/>" if line_breaks else "\n"
    if is_plain(value):
        return escape(value).replace("\n", separator)  # the common case, exactly as before
    return separator.join(_line_markup(line) for line in value.split("\n"))


def _line_markup(line: str) -> str:
    return _ordered_markup(visual(line))


def _ordered_markup(ordered: str) -> str:
    """A line in visual order as markup: each run not in DejaVu in a font tag of its font."""
    return "".join(
        escape(run.text)
        if run.font is None
        else f"<font face={quoteattr(run.font)}>{escape(run.text)}</font>"
        for run in visual_runs(ordered)
    )


def markup(safe_markup: str, style: str = "Body") -> Paragraph:
    """A paragraph of our own markup (bold labels); user parts must be escaped by the caller."""
    return Paragraph(safe_markup, stylesheet()[style])


def day(iso: str | None) -> str:
    """An ISO date the Dutch way, or a dash."""
    return dt.date.fromisoformat(iso).strftime("%d-%m-%Y") if iso else "–"


def label_value(label: str, value: object) -> Paragraph:
    shown = user_markup(value, line_breaks=False) if value not in (None, "") else "–"
    return markup(f"<b>{escape(label)}</b>: {shown}")
