"""The signed plan a follow-up session reviews, as stored with it (``SessionOrigin``).

Read for what the follow-up shows against the first session (who left the sociale kaart). A
session that reviews none, or a snapshot that no longer reads as JSON, gives None: the views then
show the session as any other, never an error.
"""

from __future__ import annotations

import json
from typing import Any

from worksession.domain.models import SessionOrigin
from worksession.storage.database import Database


def origin_snapshot(*, db: Database, session_id: int) -> dict[str, Any] | None:
    with db.reading() as s:
        origin = s.get(SessionOrigin, session_id)
        text = origin.snapshot if origin is not None else None
    if text is None:
        return None
    try:
        loaded = json.loads(text)
    except ValueError:
        return None
    return loaded if isinstance(loaded, dict) else None
