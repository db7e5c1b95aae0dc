"""Render a plan payload to PDF bytes, with the payload attached.

The renderer takes plain data (the payload: snapshot, fingerprint, decisions, language, date)
and never opens the database. The same payload always gives the same bytes, on any computer and
in any user language: the plan is drawn in the language it was made in, its times in Dutch time,
its PDF dates from the payload, and reportlab's process-wide settings are set for the drawing
under one lock. That is what makes the file self-verifying (see ``verify``).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from reportlab.platypus import Flowable, SimpleDocTemplate

from worksession.export.pdf import (
    agreements,
    feedback_appendix,
    fonts,
    hyphenation,
    progress_report,
    scripts,
    sections,
    sign_off,
)
from worksession.export.pdf.attachment import embed_file
from worksession.export.pdf.drawing import DRAWING, reportlab_settings
from worksession.export.pdf.layout import MARGIN, Footer, numbered_canvas
from worksession.export.pdf.payload import ATTACHMENT, PlanPayload
from worksession.i18n import _, speaking

# The lock every drawing holds (``drawing``): two documents drawn at once from two threads
# would change reportlab's process-wide settings under each other.
_DRAWING = DRAWING


class _PlanDocument(SimpleDocTemplate):
    """A document that opens with its outline shown and carries one attached file."""

    def __init__(self, buffer: io.BytesIO, attachment: tuple[str, bytes], **kwargs: Any) -> None:
        super().__init__(buffer, **kwargs)
        self.attachment = attachment

    def beforeDocument(self) -> None:
        # Added as reportlab writes the file: no second pass over the finished PDF to attach it.
        embed_file(self.canv, *self.attachment)
        self.canv.showOutline()


def render_plan(payload: PlanPayload) -> bytes:
    """The plan as PDF bytes, with the payload attached; identical input, identical bytes."""
    buffer = io.BytesIO()
    with reportlab_settings(), speaking(payload.language):
        canvas_class = numbered_canvas(_footer(payload), document_date(payload))
        _document(buffer, payload).build(_story(payload), canvasmaker=canvas_class)
    return buffer.getvalue()


def release_drawing_memory() -> bool:
    """Let go of what drawing plans loaded: the fonts, the Dutch hyphenation dictionary and
    what was worked out from them (about 3 MB, for a window that shows no plan any more). The
    next plan loads them again and comes out byte for byte the same. Releases nothing, and
    returns False, while a plan is being drawn: that one needs them."""
    if not _DRAWING.acquire(blocking=False):
        return False
    try:
        fonts.forget_fonts()
        hyphenation.forget()
        scripts.forget()
    finally:
        _DRAWING.release()
    return True


def document_date(payload: PlanPayload) -> dt.datetime:
    """The PDF's creation date: when the version was frozen (or the concept made), else the
    session's day."""
    if payload.dated:
        return dt.datetime.fromisoformat(payload.dated)
    day = payload.snapshot["session"].get("date") or "2000-01-01"
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(), dt.UTC)


def _footer(payload: PlanPayload) -> Footer:
    snapshot = payload.snapshot
    version = (
        _("concept, not yet frozen")
        if payload.draft
        else _("version {version}").format(version=snapshot["version"])
    )
    return Footer(
        title=snapshot["session"]["title"],
        version=version,
        content=payload.sha256[:12],
        seal=payload.seal[:12],
        concept=not payload.signed_off,
    )


def _document(buffer: io.BytesIO, payload: PlanPayload) -> _PlanDocument:
    snapshot = payload.snapshot
    title = snapshot["session"]["title"]
    report = progress_report.is_progress_report(snapshot)
    if report:
        subject = (
            _("Progress report, concept not yet frozen")
            if payload.draft
            else _("Progress report, version {version}").format(version=snapshot["version"])
        )
    else:
        subject = (
            _("Collaboration plan, concept not yet frozen")
            if payload.draft
            else _("Collaboration plan, version {version}").format(version=snapshot["version"])
        )
    return _PlanDocument(
        buffer,
        (ATTACHMENT, payload.to_bytes()),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        pageCompression=1,  # not left to reportlab's settings, which the environment can change
        title=(
            _("Progress report: {title}") if report else _("Collaboration plan: {title}")
        ).format(title=title),
        author=snapshot["session"]["coach"] or "worksession",
        subject=subject,
        creator="worksession",
        lang=payload.language,
    )


def _story(payload: PlanPayload) -> list[Flowable]:
    snapshot = payload.snapshot
    if progress_report.is_progress_report(snapshot):
        return progress_report.story(payload)
    schedule = sections.appendix(snapshot)
    body = [
        *sections.at_a_glance(snapshot),
        *sections.context(snapshot),
        *sections.sociale_kaart(snapshot),
        *sections.priorities(snapshot),
        *agreements.agreements(snapshot),
        *agreements.follow_up(snapshot),
        *sign_off.attendance_and_sign_off(snapshot, payload),
        *schedule,
        *feedback_appendix.evaluation_appendix(snapshot, after_appendix=bool(schedule)),
    ]
    return sections.with_contents(sign_off.cover(snapshot, payload), body)
