"""Safe text for platypus: every user string is escaped before it becomes a Paragraph, and each
part of it is set in a font that has its glyphs (see ``scripts``)."""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

from reportlab.platypus import Paragraph

from worksession.export.pdf.scripts import is_plain, runs
from worksession.export.pdf.styles import stylesheet


def para(text: object, style: str = "Body") -> Paragraph:
    """A paragraph of user text: ``<`` and ``&`` print as typed, line breaks are kept."""
    return Paragraph(user_markup(text), stylesheet()[style])


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
    return "".join(
        escape(run.text)
        if run.font is None
        else f"<font face={quoteattr(run.font)}>{escape(run.text)}</font>"
        for run in runs(line)
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
