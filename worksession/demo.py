"""The example session: the mining-area casus of the toolkit, worked through to a full plan."""

from __future__ import annotations

from worksession.domain.interchange import parse_document
from worksession.domain.models import WorkSession
from worksession.paths import resource_path
from worksession.storage.database import Database
from worksession.storage.document import import_document

DEMO_FILE = ("demo", "demo-session.json")


def create_demo_session(*, db: Database) -> WorkSession:
    """Import the shipped demo document as a new session (checked like any import)."""
    document = parse_document(resource_path(*DEMO_FILE).read_bytes())
    return import_document(db=db, document=document)
