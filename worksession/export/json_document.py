"""The interchange document as the bytes of a ``.json`` file."""

from __future__ import annotations

import json

from worksession.domain.interchange import Document


def document_bytes(document: Document) -> bytes:
    """UTF-8 JSON, two-space indented, readable Dutch (no ``\\u`` escapes), newline at the end."""
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
