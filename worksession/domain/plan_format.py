"""The plan snapshot's format name and its fingerprint: the SHA-256 of its canonical JSON.

Kept apart from ``domain.plan`` (which builds a snapshot from a document) so the document's own
check can recompute the fingerprint of the signed plan a follow-up session carries.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

PLAN_FORMAT = "worksession-plan/1"


def canonical_bytes(snapshot: Mapping[str, Any]) -> bytes:
    """Sorted keys, no spaces, UTF-8: the form anyone can recompute the fingerprint of."""
    return json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )


def fingerprint(snapshot: Mapping[str, Any]) -> str:
    """The SHA-256 of the canonical snapshot, as lower-case hex."""
    return hashlib.sha256(canonical_bytes(snapshot)).hexdigest()
