"""Render a frozen plan to PDF bytes, embed what it was made from, and verify a file.

The renderer takes plain data (the snapshot, its fingerprint, the decisions) and never opens
the database. The same data always gives the same bytes (reportlab's invariant mode, fixed
metadata), which is what makes the file self-verifying: ``verify`` reads the embedded data,
checks its fingerprint, renders it again and compares the result with the file byte for byte.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, replace
from typing import Any

from reportlab import rl_config
from reportlab.graphics.shapes import STATE_DEFAULTS
from reportlab.platypus import Flowable, SimpleDocTemplate

from worksession.domain.plan import Snapshot, fingerprint
from worksession.export.pdf import sections
from worksession.export.pdf.attachment import embed_file
from worksession.export.pdf.fonts import register_fonts
from worksession.export.pdf.layout import MARGIN, numbered_canvas
from worksession.i18n import _

ATTACHMENT = "worksession-plan.json"
PAYLOAD_FORMAT = "worksession-plan-pdf/1"
# The layout's edition: raise it whenever the same payload renders to other bytes. Files from an
# earlier edition cannot be reproduced byte for byte, so ``verify`` compares their text instead.
# 1: paragraphs in every table cell, attachment added by pypdf (files made until 2026-11).
RENDERER = 2


@dataclass(frozen=True)
class PlanPayload:
    """Everything a plan PDF shows: the frozen snapshot, its fingerprint, status and decisions."""

    snapshot: Snapshot
    sha256: str
    signed_off: bool
    decisions: tuple[dict[str, Any], ...] = ()
    renderer: int = RENDERER

    def to_bytes(self) -> bytes:
        data = {
            "format": PAYLOAD_FORMAT,
            "renderer": self.renderer,
            "snapshot": self.snapshot,
            "sha256": self.sha256,
            "signed_off": self.signed_off,
            "decisions": list(self.decisions),
        }
        return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> PlanPayload:
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != PAYLOAD_FORMAT:
            raise ValueError("not a worksession plan payload")
        return cls(
            snapshot=data["snapshot"],
            sha256=data["sha256"],
            signed_off=bool(data["signed_off"]),
            decisions=tuple(data["decisions"]),
            renderer=int(data.get("renderer", 1)),  # the first edition did not say
        )


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
    snapshot = payload.snapshot
    buffer = io.BytesIO()
    previous = rl_config.invariant, rl_config.canvas_basefontname, STATE_DEFAULTS["fontName"]
    rl_config.invariant = 1  # no creation time or random id: same input, same bytes
    # Pages and drawings start in a base font: make it ours, so only DejaVu is in the file.
    rl_config.canvas_basefontname = STATE_DEFAULTS["fontName"] = register_fonts()
    try:
        canvas_class = numbered_canvas(
            snapshot["session"]["title"],
            snapshot["version"],
            payload.sha256[:12],
            concept=not payload.signed_off,
        )
        _document(buffer, payload).build(_story(payload), canvasmaker=canvas_class)
    finally:
        rl_config.invariant, rl_config.canvas_basefontname, STATE_DEFAULTS["fontName"] = previous
    return buffer.getvalue()


def _document(buffer: io.BytesIO, payload: PlanPayload) -> _PlanDocument:
    snapshot = payload.snapshot
    return _PlanDocument(
        buffer,
        (ATTACHMENT, payload.to_bytes()),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=_("Collaboration plan: {title}").format(title=snapshot["session"]["title"]),
        author=snapshot["session"]["coach"] or "worksession",
        subject=_("Collaboration plan, version {version}").format(version=snapshot["version"]),
        creator="worksession",
        lang="nl",
    )


def _story(payload: PlanPayload) -> list[Flowable]:
    snapshot = payload.snapshot
    status = _("signed off") if payload.signed_off else _("concept, for review")
    return [
        *sections.cover(snapshot, status),
        *sections.at_a_glance(snapshot),
        *sections.context(snapshot),
        *sections.sociale_kaart(snapshot),
        *sections.priorities(snapshot),
        *sections.agreements(snapshot),
        *sections.attendance_and_sign_off(snapshot, payload.sha256, payload.decisions),
        *sections.appendix(snapshot),
    ]


@dataclass(frozen=True)
class Verdict:
    ok: bool
    message: str  # "OK <title> version N sha256:<hex>", "TAMPERED" or "NOT A WORKSESSION PLAN"
    note: str = ""  # how an earlier edition's file was checked, for the reader
    signed_off: bool = False  # an OK file whose version every present participant agreed to


def verify_plan(data: bytes) -> Verdict:
    """Whether ``data`` is an untouched worksession plan."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        raw = reader.attachments.get(ATTACHMENT)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        return Verdict(False, "NOT A WORKSESSION PLAN")
    if not raw:
        return Verdict(False, "NOT A WORKSESSION PLAN")
    try:
        payload = PlanPayload.from_bytes(raw[0])
    except (ValueError, KeyError, TypeError):
        return Verdict(False, "TAMPERED")
    if fingerprint(payload.snapshot) != payload.sha256:
        return Verdict(False, "TAMPERED")
    note = ""
    if payload.renderer == RENDERER:
        if render_plan(payload) != data:
            return Verdict(False, "TAMPERED")
    else:
        # Made by another edition of the layout: its bytes cannot be reproduced, its words can.
        again = PdfReader(io.BytesIO(render_plan(replace(payload, renderer=RENDERER))))
        if _page_words(reader) != _page_words(again):
            return Verdict(False, "TAMPERED")
        note = _(
            "Made with an earlier version of worksession: its text was compared word for word "
            "with the plan it carries, its drawings were not."
        )
    snapshot = payload.snapshot
    return Verdict(
        True,
        f"OK {snapshot['session']['title']} version {snapshot['version']} sha256:{payload.sha256}",
        note,
        signed_off=payload.signed_off,
    )


def _page_words(reader: Any) -> list[list[str]]:
    """The words of every page, in order: the same whatever the line breaks inside a page."""
    return [page.extract_text().split() for page in reader.pages]
