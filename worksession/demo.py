"""The example session: the toolkit's mining-area casus, worked through to a full plan.

The people, sociale kaart, votes and agreements come from ``resources/demo``; the programme and
the casus come from the toolkit files, so the demo shows what the shipped files hold.
"""

from __future__ import annotations

import copy
from functools import cache

from worksession.domain.interchange import Document, check_document, parse_document
from worksession.domain.models import WorkSession
from worksession.paths import resource_path
from worksession.programmes.model import Library
from worksession.starting import DEFAULT_PROGRAMME, casus_seed, programme_steps
from worksession.storage.database import Database
from worksession.storage.document import import_document

DEMO_FILE = ("demo", "demo-session.json")
DEMO_PROGRAMME = DEFAULT_PROGRAMME
DEMO_CASUS = "mijnstreek"


@cache
def _demo_file() -> Document:
    return parse_document(resource_path(*DEMO_FILE).read_bytes())


def demo_document(library: Library) -> Document:
    """The demo document with the toolkit's programme steps and casus filled in."""
    document = copy.deepcopy(_demo_file())
    programme = library.programmes.get(DEMO_PROGRAMME)
    if programme is not None:
        document["session"]["programme"] = programme.id
        document["session"]["programme_steps"] = programme_steps(programme)
    casus = library.casus.get(DEMO_CASUS)
    if casus is not None:
        insights = document.get("casus", {}).get("insights", [])
        document["casus"] = {**casus_seed(casus), "insights": insights}
    check_document(document)
    return document


def create_demo_session(*, db: Database, library: Library) -> WorkSession:
    """Import the demo as a new session (checked like any import)."""
    return import_document(db=db, document=demo_document(library))
