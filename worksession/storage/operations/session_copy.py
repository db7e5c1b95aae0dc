"""Duplicating a work session: a new draft with what the old one holds, through its document."""

from __future__ import annotations

from worksession.domain.models import WorkSession
from worksession.storage.database import Database
from worksession.storage.document import import_document_in, read_document
from worksession.storage.teams import same_team_as


def duplicate_session(*, db: Database, session_id: int, title: str) -> WorkSession:
    """A new draft with everything of ``session_id`` (people, kaart, themes, votes, agreements,
    referrals, notes), except the step timings, the participants' evaluation forms, the
    progress log and the accreditation ID: they are what happened on that day and after it, to
    the agreements of that session; the start time stays. A copy of a follow-up session is a
    follow-up of the same signed plan, with its reviews."""
    document = read_document(db=db, session_id=session_id)
    document["session"]["title"] = title
    document.pop("uuid", None)  # a copy is another session: it gets an identity of its own
    # The accreditation body gives every session day its own ID: the copy has none yet.
    document["session"]["accreditation_id"] = ""
    if "schedule" in document:
        document["schedule"]["steps"] = []
    document.pop("progress", None)
    document.pop("feedback_forms", None)
    document.pop("preparation", None)  # the new session's preparation is still to do
    with db.transaction() as s:
        same_team_as(s, session_id)  # on a server the copy stays in the original's team
        return import_document_in(s, document)
