"""Duplicating a work session: a new draft with what the old one holds, through its document."""

from __future__ import annotations

from worksession.domain.models import WorkSession
from worksession.storage.database import Database
from worksession.storage.document import import_document, read_document


def duplicate_session(*, db: Database, session_id: int, title: str) -> WorkSession:
    """A new draft with everything of ``session_id`` (people, kaart, themes, votes, agreements,
    referrals, notes), except the step timings: they are what happened on that day; the start
    time stays."""
    document = read_document(db=db, session_id=session_id)
    document["session"]["title"] = title
    if "schedule" in document:
        document["schedule"]["steps"] = []
    return import_document(db=db, document=document)
