"""The demo session as a ``worksession/1`` document, for the exports that work on documents."""

from __future__ import annotations

import json

from worksession.domain.interchange import Document
from worksession.support.paths import resource_path


def demo_document() -> Document:
    """A fresh copy each time: tests change names and dates in it."""
    document: Document = json.loads(resource_path("demo", "demo-session.json").read_text("utf-8"))
    return document
