"""Safe text for platypus: every user string is escaped before it becomes a Paragraph."""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph

from worksession.export.pdf.styles import stylesheet


def para(text: object, style: str = "Body") -> Paragraph:
    """A paragraph of user text: ``<`` and ``&`` print as typed, line breaks are kept."""
    return Paragraph(user_markup(text), stylesheet()[style])


def user_markup(text: object) -> str:
    """User text as paragraph markup that prints as typed, line breaks kept."""
    return escape("" if text is None else str(text)).replace("\n", "<br/>")


def markup(safe_markup: str, style: str = "Body") -> Paragraph:
    """A paragraph of our own markup (bold labels); user parts must be escaped by the caller."""
    return Paragraph(safe_markup, stylesheet()[style])


def day(iso: str | None) -> str:
    """An ISO date the Dutch way, or a dash."""
    return dt.date.fromisoformat(iso).strftime("%d-%m-%Y") if iso else "–"


def label_value(label: str, value: object) -> Paragraph:
    shown = escape(str(value)) if value not in (None, "") else "–"
    return markup(f"<b>{escape(label)}</b>: {shown}")
